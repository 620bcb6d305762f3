"""The article's publication time on each row of the grouping's term index.

Placing an article looks for the postings of its terms within a date window; with the
date on the posting that is one range of the (term, published_at) index per term, which
PostgreSQL reads without visiting the table (article and weight are INCLUDEd there; on
SQLite the index has only its two fields). Existing rows are filled from their article.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE newsdesk_articleterm t SET published_at = a.published_at "
            "FROM newsdesk_article a WHERE a.id = t.article_id"
        )
        return
    article = apps.get_model("newsdesk", "Article")
    term = apps.get_model("newsdesk", "ArticleTerm")
    published = article.objects.filter(pk=OuterRef("article_id")).values("published_at")[:1]
    term.objects.update(published_at=Subquery(published))


class Migration(migrations.Migration):
    dependencies = [("newsdesk", "0007_article_search_event_list_indexes")]

    operations = [
        migrations.AddField(
            model_name="articleterm",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="articleterm",
            index=models.Index(
                fields=["term", "published_at"],
                include=["article", "weight"],
                name="articleterm_term_window",
            ),
        ),
    ]
