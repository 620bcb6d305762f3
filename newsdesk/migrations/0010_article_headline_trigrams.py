"""A trigram index of the headlines, for searches made only of stop words (PostgreSQL).

The English configuration leaves words such as "the", "it is" or "against" out of the
stored search vector (migration 0009), so the article list looks for such a search in
headlines with ``UPPER(headline) LIKE UPPER('%it is%')``, as Django writes an icontains;
at 100,000 articles that read every headline (150 ms, 650 ms for "to be"). This GIN index
of the trigrams of exactly that expression answers it. pg_trgm is a trusted extension
(PostgreSQL 13 and later), so the database's owner may install it. SQLite keeps its scan.

The index is built concurrently (a few seconds for 100,000 articles), so the migration
is not atomic.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "article_headline_trigrams"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # An index left invalid by an interrupted concurrent build is built again.
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY {INDEX} ON newsdesk_article "
        "USING gin ((UPPER(headline::text)) gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("newsdesk", "0009_article_search_vector")]
    # TrigramExtension does nothing on other databases.
    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
