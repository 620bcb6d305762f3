"""The pages that bench/pages.py measures read as many queries with many articles and
outlets as with a few: each page is requested on a small newsroom, then again after it
has grown, and the two counts must be equal (and small)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis.models import Score
from events.event_report import event_comparison_refresh
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 5, 6)
# No page needs more, whatever the size. The most: the outlet report (13 since session
# 24: the tone toward the people most named is one aggregate more), then on PostgreSQL a
# bare page past the first of a search (its count and the ids of its rows, each with its
# planner settings turned off and back on, then its rows by id, with none).
MOST = 13


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def grow(outlets: int, events: int, first: int = 0) -> None:
    """``events`` events, each covered by every one of ``outlets`` new outlets, scored."""
    made = [
        OutletFactory(slug=f"paper-{first + i}", name=f"Paper {first + i}", leaning="left")
        for i in range(outlets)
    ]
    for e in range(events):
        event = EventFactory(title=f"Story {first + e}", starts_on=DAY, ends_on=DAY)
        for outlet in made:
            article = ArticleFactory(
                outlet=outlet,
                event=event,
                headline=f"Flooding story {e} from {outlet.name}",
                published_at=dt.datetime.combine(DAY, dt.time(9), tzinfo=dt.UTC)
                + dt.timedelta(hours=e),
                scoring_status="scored",
            )
            Score.objects.create(
                article=article,
                scorer="sentiment",
                version="1",
                values={"compound_mean": 0.1 * e},
                evidence={"sentences": [{"compound": 0.1}]},
            )
            Score.objects.create(
                article=article,
                scorer="framing",
                version="1",
                values={"shares": {"economic": 0.5, "political": 0.5}},
            )
            Score.objects.create(
                article=article,
                scorer="attribution",
                version="1",
                values={"attribution_density": 0.2, "anonymous_share": 0.0},
                evidence={"sources": [{"name": f"Source {e}", "type": "named_person"}]},
            )
        event_comparison_refresh(event_id=event.pk)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = [
    "/events/{event}/",
    "/reports/outlets/?outlets=paper-0&start=2023-06-01&end=2024-05-31",
    "/reports/outlets/?outlets=paper-0&outlets=paper-1&start=2023-06-01&end=2024-05-31",
    "/articles/?outlet=paper-0&date_from=2024-05-01&date_to=2024-05-31",
    "/articles/?q=flooding",
    "/articles/?status=scored",
    "/articles/?outlet=paper-0&page=2",
    "/articles/?page=2",
    "/articles/?q=flooding&page=2",
    "/articles/",
    "/events/",
    "/outlets/",
    "/outlets/paper-0/",
    "/reports/blindspots/?start=2024-01-01&end=2024-12-31",
]


def test_no_page_reads_more_queries_as_the_newsroom_grows(editor_client):
    grow(outlets=3, events=10)
    event = EventFactory(title="Measured")  # the same event at both sizes
    ArticleFactory(outlet=OutletFactory(), event=event)
    event_comparison_refresh(event_id=event.pk)
    urls = [page.format(event=event.pk) for page in PAGES]
    for url in urls:
        editor_client.get(url)  # anything a first visit sets up
    small = {url: queries(editor_client, url) for url in urls}

    grow(outlets=5, events=8, first=100)
    grown = {url: queries(editor_client, url) for url in urls}

    assert grown == small
    assert max(grown.values()) <= MOST, grown
