"""PostgreSQL full-text search for the article list, and an index for the event list.

- ``article_search``: a GIN index on the English full-text vector of headline and body
  (built from Django's SearchVector, so the expression is exactly the one below).
- ``newsdesk_article_search(tsquery)``: the ids of the articles matching a query, read
  from that index only. newsdesk.selectors.article_list filters on ``id IN (...)`` of
  it. A plain ``vector @@ query`` filter lets PostgreSQL walk the list's date index and
  test each article, recomputing its vector from the body (about 3 ms an article): a
  word in no article then read all 100,000 of them, and a common word's count did the
  same in a sequential scan. The function's SET clauses leave the planner only the
  bitmap scan of the GIN index, which never recomputes a vector.
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
FUNCTION = "newsdesk_article_search"
# The indexed expression; the function's query must repeat it exactly to use the index.
VECTOR = "to_tsvector('english'::regconfig, COALESCE(headline, '') || ' ' || COALESCE(body, ''))"


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
    # Not inlined (it has SET clauses), so the settings hold while its query is planned.
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(query tsquery) RETURNS SETOF bigint "
        "LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000 "
        "SET enable_seqscan = off SET enable_indexscan = off "
        f"AS $$ SELECT id FROM newsdesk_article WHERE {VECTOR} @@ query $$"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(tsquery)")
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {SEARCH_INDEX}")
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {EVENT_INDEX}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("newsdesk", "0006_article_scoring_queued_at")]
    operations = [migrations.RunPython(create, drop)]
