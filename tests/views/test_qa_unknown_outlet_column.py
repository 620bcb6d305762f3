"""Found in a QA pass: in an event's comparison, the column of articles whose outlet was
not recognised linked "Unknown outlet" to /outlets/unknown/ (a 404, or the page of an
outlet whose slug happens to be "unknown"), and showed "?" and an empty "reliability"
tag as its profile."""

import re

import pytest

from events.event_report import event_comparison_refresh
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db


def _head(html: str) -> str:
    # The comparison table's head (the charts' tables come before it).
    return re.search(r'<table class="compare">.*?</thead>', html, re.S).group(0)


def test_the_unknown_outlets_column_links_nowhere_and_claims_no_profile(analyst_client):
    event = EventFactory()
    ArticleFactory(event=event, outlet=None, headline="Strike goes on")
    ArticleFactory(event=event, outlet=OutletFactory(slug="gazette", name="Gazette"))
    event_comparison_refresh(event_id=event.pk)

    head = _head(analyst_client.get(event.get_absolute_url()).content.decode())

    assert "/outlets/unknown/" not in head
    assert "Unknown outlet<div" in head and "not identified: no profile or ratings" in head
    assert (
        '<span class="tag">reliability </span>' not in head
        and '<span class="tag"></span>' not in head
    )
    assert '<a href="/outlets/gazette/">Gazette</a>' in head
