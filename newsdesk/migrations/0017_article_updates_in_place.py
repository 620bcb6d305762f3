"""Scoring's updates of an article row written in place (PostgreSQL "HOT" updates).

Scoring updates each article row three times (queued; the attempt counted before the
scorers run; scored or failed). PostgreSQL writes an update in place, without a new entry
in each of the table's indexes (16 of them, the full-text index of the body among them,
with one entry per distinct word), only if no indexed column changes and the row's page has room for the
new version. So the index on ``scoring_status`` goes (the sweep, the scoring page's counts
and the list's status filter read the table instead: small rows, as bodies are stored
apart), and new pages of the table are filled to 70 % so that the updates fit beside the
rows. Measured with ``bench/score.py --celery``: PostgreSQL's CPU per article scored went
from about 1.1 ms to 0.8 ms. The price: on 100,000 articles the list's status filter
takes 21-40 ms instead of 1-4 ms, and the sweep's search 46 ms instead of 1 ms. Pages
written before keep their fill until rewritten.
"""

from django.db import migrations, models


def fill_factor(percent):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE newsdesk_article SET (fillfactor = {percent})")

    return alter


class Migration(migrations.Migration):
    dependencies = [("newsdesk", "0016_grouping_index_moves_to_events")]

    operations = [
        migrations.RemoveIndex(model_name="article", name="newsdesk_ar_scoring_7a1efa_idx"),
        migrations.RunPython(fill_factor(70), fill_factor(100)),
    ]
