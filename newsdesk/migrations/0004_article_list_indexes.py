"""Indexes matching the article list's order, so that its pages need no sort of all rows.

PostgreSQL only: SQLite cannot index NULLS LAST, and its sort of a laptop-sized table is cheap.
"""

from django.db import migrations

INDEXES = {
    "article_newest_first": "(published_at DESC NULLS LAST, id DESC)",
    "article_outlet_newest_first": "(outlet_id, published_at DESC NULLS LAST, id DESC)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON newsdesk_article {columns}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("newsdesk", "0003_event_provenance_and_terms")]
    operations = [migrations.RunPython(create, drop)]
