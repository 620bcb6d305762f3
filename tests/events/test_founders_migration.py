"""Migration events 0006: articles that started an event, stored with the likeness of a
candidate they refused, record 0 and stop reading as weak matches; joins keep theirs."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from newsdesk.models import Article, CopyKind, MembershipSource
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("events.migrations.0006_founders_record_no_likeness")


def placed(event, similarity, after: dt.timedelta, **fields) -> Article:
    return ArticleFactory(
        event=event,
        event_source=MembershipSource.MACHINE,
        event_similarity=similarity,
        event_set_at=event.created_at + after,
        **fields,
    )


def test_only_the_first_article_the_machine_placed_in_its_own_event_loses_its_likeness():
    machine_made = EventFactory()
    founder = placed(machine_made, 0.11, dt.timedelta(milliseconds=40))
    weak_join = placed(machine_made, 0.15, dt.timedelta(hours=2))
    copy = placed(machine_made, 0.93, dt.timedelta(hours=3), copy_kind=CopyKind.SYNDICATED)
    # An event a person made: its first machine-placed member joined it.
    by_person = EventFactory(created_by=UserFactory())
    joined_persons = placed(by_person, 0.12, dt.timedelta(seconds=5))
    # Placed there again long after the event was made: not known to have started it.
    old_event = EventFactory()
    placed_again = placed(old_event, 0.09, dt.timedelta(days=2))

    migration.founders_record_no_likeness(apps, None)

    def likeness(article):
        return Article.objects.get(pk=article.pk).event_similarity

    assert likeness(founder) == 0.0
    assert likeness(weak_join) == 0.15
    assert likeness(copy) == 0.93
    assert likeness(joined_persons) == 0.12
    assert likeness(placed_again) == 0.09
