"""New pages of the article table filled to half, so that scoring's updates of a row are
written in place (PostgreSQL "HOT" updates) nearly every time.

Migration 0017 filled pages to 70 %: the queueing update of a block of articles changes
every row of a page at once, and a page had room beside its rows for new versions of only
about two rows in five; the others went to another page, with a new entry in each of the
table's 15 indexes (the full-text index with one entry per distinct word of the body).
A half-full page holds a new version of each of its rows, and once an update has
committed, reading the page frees the old versions for the next one. Measured with
``bench/score.py --celery --articles 3000`` (2026-12-06, quiet machine, two fresh databases
taking turns, two runs each): updates in place 6,114-6,150 of 9,003 at 70 %, 8,630-8,632
at 50 %; PostgreSQL's CPU per article 0.64-0.68 ms against 0.45-0.48 ms; 472-489 against
518-519 articles/s end to end. The price: the table's own pages (bodies and search
vectors are stored apart) take 1.4 times the room. Pages written before keep their fill
until rewritten (VACUUM FULL or CLUSTER).
"""

from django.db import migrations


def fill_factor(percent):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE newsdesk_article SET (fillfactor = {percent})")

    return alter


class Migration(migrations.Migration):
    dependencies = [("newsdesk", "0017_article_updates_in_place")]

    operations = [migrations.RunPython(fill_factor(50), fill_factor(70))]
