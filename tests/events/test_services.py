"""Putting articles into a new event changes the events they leave as well."""

import datetime as dt

import pytest

from events.event_report import event_comparison_refresh
from events.models import EventComparison
from events.services import event_create
from newsdesk.models import MembershipSource
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


def day(n: int) -> dt.datetime:
    return dt.datetime(2026, 3, n, 9, tzinfo=dt.UTC)


def test_articles_taken_into_a_new_event_update_the_event_they_left(
    analyst, django_capture_on_commit_callbacks
):
    old = EventFactory()
    stays = ArticleFactory(event=old, published_at=day(1))
    moves = ArticleFactory(event=old, published_at=day(9))
    event_comparison_refresh(event_id=old.pk)
    assert EventComparison.objects.get(event=old).stale is False

    with django_capture_on_commit_callbacks(execute=False):
        new = event_create(title="Split off", user=analyst, article_ids=[moves.pk])

    old.refresh_from_db()
    moves.refresh_from_db()
    assert moves.event == new and moves.event_source == MembershipSource.PERSON
    assert (old.starts_on, old.ends_on) == (day(1).date(), day(1).date())
    assert (new.starts_on, new.ends_on) == (day(9).date(), day(9).date())
    assert EventComparison.objects.get(event=old).stale is True
    assert stays.event_id == old.pk
