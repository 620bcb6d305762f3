"""The article that starts an event records a likeness of 0 (events.grouping.FOUNDED).

Until now it recorded the likeness of the best candidate it refused, and an article that
started its event with a refused candidate under 0.2 was marked "weak match: check it
belongs" and counted among its event's joins to check, though it joined nothing. This
finds those articles as they were stored: in an event the machine made (no creator), the
first member the machine placed (by the time it was placed, then id; copies are placed
by their original and are left out), placed within a minute of the event's creation
(an event is created in the transaction that places its first article). An article placed
there again later, or an event made before it, is left as it was; ``group_events
--rebuild`` records every placement anew.
"""

import datetime as dt

from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def founders_record_no_likeness(apps, schema_editor):
    Article = apps.get_model("newsdesk", "Article")
    placed_by_machine = {"event_source": "machine", "copy_kind": ""}
    first = (
        Article.objects.filter(event_id=OuterRef("event_id"), **placed_by_machine)
        .order_by("event_set_at", "pk")
        .values("pk")[:1]
    )
    founders = (
        Article.objects.filter(
            **placed_by_machine,
            event__created_by__isnull=True,
            event_similarity__gt=0,
            event_set_at__gte=F("event__created_at"),
            event_set_at__lte=F("event__created_at") + dt.timedelta(minutes=1),
        )
        .annotate(first_placed=Subquery(first))
        .filter(pk=F("first_placed"))
    )
    ids = list(founders.values_list("pk", flat=True))
    for i in range(0, len(ids), 2000):
        Article.objects.filter(pk__in=ids[i : i + 2000]).update(event_similarity=0.0)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_article_vector_index_version"),
        ("newsdesk", "0018_article_pages_half_full"),
    ]

    operations = [
        migrations.RunPython(founders_record_no_likeness, migrations.RunPython.noop),
    ]
