# The grouping index comes to the events app: ArticleTerm keeps its table
# (newsdesk_articleterm; only Django's record of its owner changes, newsdesk 0016 lets go
# of it), and the document frequencies of its TF-IDF weights are new tables, filled by a
# backfill that counts the words of every article indexed so far and weights its index
# terms anew.

from collections import Counter

import django.db.models.deletion
from django.db import migrations, models

CHUNK = 500


def backfill(apps, schema_editor):
    # The weighting of the version that made this migration (pure functions of the text).
    from events.grouping import WORD, Frequencies, article_words, terms_for_text

    Article = apps.get_model("newsdesk", "Article")
    ArticleTerm = apps.get_model("events", "ArticleTerm")
    IndexedWords = apps.get_model("events", "IndexedWords")
    TermCount = apps.get_model("events", "TermCount")
    indexed = Article.objects.filter(
        pk__in=ArticleTerm.objects.values("article_id").distinct()
    ).order_by("pk")
    rows = indexed.values_list("pk", "headline", "body", "published_at")

    documents, articles, batch = Counter(), 0, []
    for pk, headline, body, _ in rows.iterator(chunk_size=CHUNK):
        words = article_words(headline, body)
        documents.update(words.keys())
        articles += bool(words)
        batch.append(
            IndexedWords(article_id=pk, words=" ".join(sorted(t[len(WORD) :] for t in words)))
        )
        if len(batch) >= CHUNK:
            IndexedWords.objects.bulk_create(batch)
            batch = []
    IndexedWords.objects.bulk_create(batch)
    TermCount.objects.bulk_create(
        [TermCount(term="", articles=articles)]
        + [TermCount(term=term, articles=n) for term, n in documents.items()],
        batch_size=2000,
    )
    frequencies = Frequencies(documents, articles)

    def write(chunk):
        ArticleTerm.objects.filter(article_id__in=[pk for pk, *_ in chunk]).delete()
        ArticleTerm.objects.bulk_create(
            ArticleTerm(article_id=pk, term=term, weight=weight, published_at=published)
            for pk, headline, body, published in chunk
            for term, weight in terms_for_text(headline, body, frequencies=frequencies).items()
        )

    chunk = []
    for row in rows.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) >= CHUNK:
            write(chunk)
            chunk = []
    write(chunk)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("newsdesk", "0015_merge_storylines"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ArticleTerm",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("term", models.CharField(max_length=80)),
                        ("weight", models.FloatField(default=1.0)),
                        ("published_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="terms",
                                to="newsdesk.article",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "newsdesk_articleterm",
                        "indexes": [
                            models.Index(
                                fields=["term", "article"], name="newsdesk_ar_term_74e0aa_idx"
                            ),
                            models.Index(
                                fields=["term", "published_at"],
                                include=["article", "weight"],
                                name="articleterm_term_window",
                            ),
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("article", "term"), name="one_term_per_article"
                            )
                        ],
                    },
                )
            ],
            database_operations=[],
        ),
        migrations.CreateModel(
            name="IndexedWords",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="indexed_words",
                        serialize=False,
                        to="newsdesk.article",
                    ),
                ),
                ("words", models.TextField(blank=True)),
            ],
        ),
        migrations.CreateModel(
            name="TermCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=80, unique=True)),
                ("articles", models.IntegerField(default=0)),
            ],
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
