"""Scores of articles not in English were English lexicons run over other languages
(tone 0.0, Flesch 113, no quotes): they are deleted and the articles marked pending, so
that the sweep scores them again, now with each scorer's declared languages (issue 14).
English articles keep their scores: their values do not change.

Articles whose language the old check could not tell (and whose outlet gave none) would
now get no score at all: their language is detected here first, by the new detector."""

from django.db import migrations

from newsdesk.ingest.language import language_detect


def detect_unknown(Article) -> None:
    unknown = Article.objects.filter(language="").select_related("outlet")
    for article in unknown.only("pk", "body", "outlet__language").iterator(chunk_size=500):
        found = language_detect(article.body)
        language = found.language or (article.outlet.language if article.outlet else "")
        source = "detected" if found.language else "outlet" if language else ""
        Article.objects.filter(pk=article.pk).update(
            language=language,
            language_source=source,
            language_detected=found.language,
            language_confidence=found.confidence,
        )


def forget_foreign_scores(apps, schema_editor):
    Article = apps.get_model("newsdesk", "Article")
    Score = apps.get_model("analysis", "Score")
    detect_unknown(Article)
    foreign = Article.objects.exclude(language="en")
    Score.objects.filter(article__in=foreign).delete()
    foreign.update(scoring_status="pending", scored_at=None)


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0007_scoring_batch_preparing"),
        ("newsdesk", "0011_article_language_detection"),
    ]

    operations = [migrations.RunPython(forget_foreign_scores, migrations.RunPython.noop)]
