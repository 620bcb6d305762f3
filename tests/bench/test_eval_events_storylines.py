"""bench/eval_events.py's count of storyline links between labelled stories, on events and
headlines written for the tests."""

import datetime as dt

import pytest

from bench.eval_events import storyline_links
from newsdesk.models import Storyline
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 2)


def _event(title: str, day: dt.date, labels: list[str], storyline=None):
    event = EventFactory(title=title, starts_on=day, ends_on=day, storyline=storyline)
    return event, [
        ArticleFactory(event=event, headline=f"{title} {i}", meta={"event": label}).pk
        for i, label in enumerate(labels)
    ]


def test_links_are_counted_by_the_labelled_stories_of_the_events_within_the_gap(capsys):
    line = Storyline.objects.create(title="Harbour strike")
    ids = []
    # Two stories linked (a different-story link), one story split in two events and
    # linked (a split story joined), one story alone, and one event too late to count.
    for title, day, labels, storyline in (
        ("Strike begins", DAY, ["strike", "strike"], line),
        ("Strike ends", DAY + dt.timedelta(days=9), ["strike-end", "strike-end", "strike"], line),
        ("Strike ends, more", DAY + dt.timedelta(days=10), ["strike-end"], line),
        ("Bridge opens", DAY + dt.timedelta(days=2), ["bridge"], None),
        ("Much later", DAY + dt.timedelta(days=40), ["later"], None),
    ):
        ids += _event(title, day, labels, storyline)[1]

    found = storyline_links(ids)

    # Pairs within 21 days: begins-ends, begins-more, begins-bridge, ends-more,
    # ends-bridge, more-bridge; "Much later" pairs with nothing.
    assert found == {"different": 5, "different linked": 2, "same": 1, "same linked": 1}
    out = capsys.readouterr().out
    assert "storylines: 1, holding 3 of 5 events" in out
    assert "2 of 5 of different labelled stories linked, 1 of 1 of one story" in out
    assert "[strike] Strike begins" in out and "[strike-end] Strike ends" in out
