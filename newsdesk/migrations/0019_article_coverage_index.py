"""An index of each article's event and outlet, for articles that are not copies, so that
the blindspots report tallies the outlets of a period's events from the index alone.

events.outlet_report.coverage_tallies reads the distinct (event, outlet) pairs of the
period's events, leaving out copies (``copy_kind`` set). Without this index PostgreSQL
read all 100,000 articles of the bench seed (bench/seed_large.py) to find a year's
33,500 (55-110 ms of the page's 100-200 ms); with it, an index-only scan of the pairs.

Grouping sets ``event`` and ``copy_kind``, which the foreign key's index already made it
rewrite; scoring's updates (migration 0017) touch no column of this index and stay in
place. Built concurrently on PostgreSQL (articles can be written meanwhile), so the
migration is not atomic; elsewhere a plain index.
"""

from django.db import migrations, models

INDEX = models.Index(
    fields=["event", "outlet"], condition=models.Q(copy_kind=""), name="article_coverage"
)


def create(apps, schema_editor):
    article = apps.get_model("newsdesk", "Article")
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.add_index(article, INDEX)
        return
    # An index left invalid by an interrupted concurrent build is built again.
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX.name}")
    schema_editor.add_index(article, INDEX, concurrently=True)


def drop(apps, schema_editor):
    article = apps.get_model("newsdesk", "Article")
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.remove_index(article, INDEX)
        return
    schema_editor.remove_index(article, INDEX, concurrently=True)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("newsdesk", "0018_article_pages_half_full")]
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="article", index=INDEX)],
            database_operations=[migrations.RunPython(create, drop)],
        )
    ]
