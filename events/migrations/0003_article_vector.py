# Each article's index terms and weights, all in one row (ArticleVector): placing an
# article compares its candidates by these instead of reading their ArticleTerm rows. The
# backfill builds the vector of every article indexed so far from its ArticleTerm rows,
# so that grouping finds the same events before and after the upgrade, with no
# regrouping needed.

import django.db.models.deletion
from django.db import migrations, models

# As events.grouping writes a vector: "term<US>weight" pairs sorted by term, joined by
# <RS> (written out here, as the migration made them).
FIELD, ROW = "\x1f", "\x1e"
CHUNK = 500


def backfill(apps, schema_editor):
    ArticleTerm = apps.get_model("events", "ArticleTerm")
    ArticleVector = apps.get_model("events", "ArticleVector")
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        # One statement: at 100,000 articles (17 million rows) reading them into Python
        # would take minutes.
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(ArticleVector._meta.db_table)} (article_id, terms) "
                f"SELECT article_id, STRING_AGG(term || %s || CAST(weight AS text), %s "
                f'ORDER BY term COLLATE "C") FROM {quote(ArticleTerm._meta.db_table)} '
                "GROUP BY article_id ON CONFLICT (article_id) DO NOTHING",
                [FIELD, ROW],
            )
        return

    def write(vectors):
        ArticleVector.objects.bulk_create(
            [
                ArticleVector(
                    article_id=pk,
                    terms=ROW.join(f"{t}{FIELD}{terms[t]!r}" for t in sorted(terms)),
                )
                for pk, terms in vectors.items()
            ],
            ignore_conflicts=True,
        )

    rows = ArticleTerm.objects.order_by("article_id").values_list("article_id", "term", "weight")
    vectors: dict[int, dict[str, float]] = {}
    for pk, term, weight in rows.iterator(chunk_size=5000):
        if pk not in vectors and len(vectors) >= CHUNK:
            write(vectors)
            vectors = {}
        vectors.setdefault(pk, {})[term] = weight
    write(vectors)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_grouping_index"),
        ("newsdesk", "0018_article_pages_half_full"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleVector",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="term_vector",
                        serialize=False,
                        to="newsdesk.article",
                    ),
                ),
                ("terms", models.TextField(blank=True)),
            ],
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
