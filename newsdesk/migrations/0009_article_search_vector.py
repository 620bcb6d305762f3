"""A stored full-text vector of each article's headline and body (PostgreSQL only).

``search_vector`` is a generated column, so PostgreSQL keeps it current whenever a
headline or body is written, whichever code writes it. It replaces the GIN index on the
vector's expression (migration 0007): with the vector stored, testing a row costs no
more than reading it, so the planner may pick up the newest articles from the date
index and check each one (a word in most articles: the first page after about 30 rows)
instead of sorting every match, and ANALYZE keeps statistics on the column's words
that tell it which words are common. newsdesk.selectors reads the column with SQL of
its own: it is not a model field, because SQLite has no such vector (there the list
keeps its LIKE search, and this migration does nothing).

Adding the column rewrites the table under an exclusive lock (about a minute for
100,000 articles on a busy two-core machine); the index is then built concurrently, so
the migration is not atomic.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

COLUMN = "search_vector"
INDEX = "article_search_vector"
OLD_INDEX = "article_search"
# Keep in step with newsdesk.selectors.SEARCH_CONFIG.
EXPRESSION = (
    "to_tsvector('english'::regconfig, "
    "COALESCE(headline, '')::text || ' ' || COALESCE(body, '')::text)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE newsdesk_article ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({EXPRESSION}) STORED"
    )
    # An index left invalid by an interrupted concurrent build is built again.
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY {INDEX} ON newsdesk_article USING gin ({COLUMN})"
    )
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {OLD_INDEX}")
    # The rewritten table has no visibility map yet (so no index-only scans: the outlet
    # list's counts and the article list's took twice as long) and no statistics of the
    # new column's words: both at once, not at the next autovacuum.
    schema_editor.execute("VACUUM (ANALYZE) newsdesk_article")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Migration 0007's index, exactly the expression that its search filtered on.
    old = GinIndex(SearchVector("headline", "body", config="english"), name=OLD_INDEX)
    article = apps.get_model("newsdesk", "Article")
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {OLD_INDEX}")
    schema_editor.execute(old.create_sql(article, schema_editor, concurrently=True))
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE newsdesk_article DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("newsdesk", "0008_articleterm_published_at")]
    operations = [migrations.RunPython(create, drop)]
