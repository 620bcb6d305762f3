"""PostgreSQL full-text search for the article list, and an index for the event list.

- ``article_search``: a GIN index on the English full-text vector of headline and body,
  built from Django's SearchVector so that it is exactly the expression that
  newsdesk.selectors.article_list filtered on. The list ran its search queries with
  sequential and plain index scans turned off, so that PostgreSQL read this index rather
  than recompute the vector of each article. (Migration 0009 replaces it with a stored
  vector and an index of that.)
- ``event_newest_first``: the event list's order (undated events last), so that a page
  of 25 events is read from the index instead of sorting every event.

The indexes are built CONCURRENTLY (minutes for 100,000 articles on a busy two-core
machine) so that articles can still be written meanwhile; the migration is therefore
not atomic. PostgreSQL only, like migration 0004: on SQLite the list keeps searching
headlines and bodies with LIKE.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

SEARCH_INDEX = "article_search"
EVENT_INDEX = "event_newest_first"


def _search_index() -> GinIndex:
    return GinIndex(SearchVector("headline", "body", config="english"), name=SEARCH_INDEX)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    article = apps.get_model("newsdesk", "Article")
    # An index left invalid by an interrupted concurrent build is built again.
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {SEARCH_INDEX}")
    schema_editor.execute(_search_index().create_sql(article, schema_editor, concurrently=True))
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {EVENT_INDEX}")
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY {EVENT_INDEX} "
        "ON newsdesk_event (starts_on DESC NULLS LAST, id DESC)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {SEARCH_INDEX}")
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {EVENT_INDEX}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("newsdesk", "0006_article_scoring_queued_at")]
    operations = [migrations.RunPython(create, drop)]
