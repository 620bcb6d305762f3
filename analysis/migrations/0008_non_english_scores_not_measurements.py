"""Scores of articles not in English were English lexicons run over other languages
(tone 0.0, Flesch 113, no quotes): they are deleted and the articles marked pending, so
that the sweep scores them again, now with each scorer's declared languages (issue 14).
English articles keep their scores: their values do not change."""

from django.db import migrations


def forget_foreign_scores(apps, schema_editor):
    Article = apps.get_model("newsdesk", "Article")
    Score = apps.get_model("analysis", "Score")
    foreign = Article.objects.exclude(language="en")
    Score.objects.filter(article__in=foreign).delete()
    foreign.update(scoring_status="pending", scored_at=None)


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0007_scoring_batch_preparing"),
        ("newsdesk", "0011_article_language_detection"),
    ]

    operations = [migrations.RunPython(forget_foreign_scores, migrations.RunPython.noop)]
