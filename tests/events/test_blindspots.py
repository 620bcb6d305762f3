"""The blindspots' per-event tallies, counted by the database, against counts made by
hand on small newsrooms; and the thresholds at their limits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.outlet_report import Coverage, blindspot_reasons, blindspots, coverage_tallies
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

START, END = dt.date(2024, 1, 1), dt.date(2024, 12, 31)


def event(title: str = "Story", day: dt.date = dt.date(2024, 4, 1), until=None):
    return EventFactory(title=title, starts_on=day, ends_on=until or day)


def covered(story, *outlets, copy_kind: str = "") -> None:
    for outlet in outlets:
        ArticleFactory(outlet=outlet, event=story, copy_kind=copy_kind)


def tallies(**kwargs) -> dict[int, Coverage]:
    found = coverage_tallies(start=START, end=END, **kwargs)
    return {c.event_id: c for c in found}


def test_it_counts_each_outlet_once_by_side_state_and_country():
    story = event()
    left = OutletFactory(leaning="left", country="US")
    lean_left = OutletFactory(leaning="lean_left", country="US")
    lean_right = OutletFactory(leaning="lean_right", country="GB")
    state = OutletFactory(leaning="center", country="RU", state_affiliated=True)
    unrated = OutletFactory(leaning="", country="")
    covered(story, left, left, lean_left, lean_right, state, unrated)  # left twice
    covered(story, OutletFactory(leaning="right", country="GB"), copy_kind="syndicated")
    covered(story, OutletFactory(leaning="right", country="GB"), copy_kind="update")
    ArticleFactory(outlet=None, event=story)  # no outlet, no coverage

    assert tallies() == {
        story.pk: Coverage(story.pk, outlets=5, left=2, right=1, state=1, country=None)
    }


def test_unrated_outlets_of_no_country_count_on_no_side_and_as_one_country():
    story = event()
    covered(story, OutletFactory(leaning="", country=""), OutletFactory(leaning="", country=""))

    coverage = tallies()[story.pk]
    assert coverage == Coverage(story.pk, outlets=2, left=0, right=0, state=0, country="")
    assert blindspot_reasons(coverage, side_share=0.5) == ["only outlets from one unknown country"]


def test_an_event_with_one_outlet_is_a_blindspot_only_when_one_outlet_is_enough():
    story = event("Lone story")
    covered(story, OutletFactory(leaning="right", country="FR", state_affiliated=True))

    assert tallies() == {
        story.pk: Coverage(story.pk, outlets=1, left=0, right=1, state=1, country="FR")
    }
    (found,) = blindspots(start=START, end=END, side_share=0.8, min_outlets=1)
    assert found["event"] == story and found["outlets"] == 1
    assert found["reasons"] == [
        "100% of outlets lean right",
        "only state-affiliated outlets",
        "only outlets from FR",
    ]
    assert blindspots(start=START, end=END, side_share=0.8, min_outlets=2) == []


def test_the_side_share_and_the_fewest_outlets_count_at_their_limits():
    story = event()
    lefts = [OutletFactory(leaning="lean_left", country=c) for c in ("US", "GB", "IE")]
    covered(story, *lefts, OutletFactory(leaning="right", country="US"))  # 3 of 4 left

    at_limit = blindspots(start=START, end=END, side_share=0.75, min_outlets=4)
    assert [f["reasons"] for f in at_limit] == [["75% of outlets lean left"]]
    assert blindspots(start=START, end=END, side_share=0.76, min_outlets=4) == []
    assert blindspots(start=START, end=END, side_share=0.75, min_outlets=5) == []


def test_a_share_that_is_not_a_round_number_counts_at_its_limit():
    story = event()
    covered(
        story,
        OutletFactory(leaning="right", country="US"),
        OutletFactory(leaning="lean_right", country="GB"),
        OutletFactory(leaning="center", country="US"),
    )

    (found,) = blindspots(start=START, end=END, side_share=2 / 3, min_outlets=3)
    assert found["reasons"] == ["67% of outlets lean right"]
    assert blindspots(start=START, end=END, side_share=2 / 3 + 1e-6, min_outlets=3) == []


def test_a_share_at_its_limit_counts_where_multiplying_it_back_rounds_up():
    # 14 / 25 == 0.56 exactly as Python divides, but 0.56 * 25 rounds above 14.
    story = event()
    covered(story, *(OutletFactory(leaning="left", country="US") for _ in range(14)))
    covered(story, *(OutletFactory(leaning="center", country="GB") for _ in range(11)))

    (found,) = blindspots(start=START, end=END, side_share=0.56, min_outlets=25)
    assert found["reasons"] == ["56% of outlets lean left"]


def test_all_state_affiliated_and_all_one_side_at_a_share_of_one():
    story = event()
    covered(
        story,
        OutletFactory(leaning="left", country="CN", state_affiliated=True),
        OutletFactory(leaning="lean_left", country="RU", state_affiliated=True),
    )
    mixed = event("Mixed")
    covered(
        mixed,
        OutletFactory(leaning="left", country="CN", state_affiliated=True),
        OutletFactory(leaning="center", country="RU"),
    )

    found = blindspots(start=START, end=END, side_share=1.0, min_outlets=2)
    assert [(f["event"], f["reasons"]) for f in found] == [
        (story, ["100% of outlets lean left", "only state-affiliated outlets"])
    ]


def test_it_takes_the_events_that_overlap_the_period_newest_first():
    outlet = OutletFactory(leaning="left", country="US")
    ends_on_start = event("Ends on the first day", dt.date(2023, 12, 20), START)
    starts_on_end = event("Starts on the last day", END, dt.date(2025, 1, 5))
    same_day = [event(f"Same day {i}", dt.date(2024, 6, 1)) for i in range(2)]
    before = event("Before", dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    after = event("After", dt.date(2025, 1, 1))
    undated = EventFactory(title="Undated")
    for story in (ends_on_start, starts_on_end, *same_day, before, after, undated):
        covered(story, outlet)

    assert set(tallies()) == {ends_on_start.pk, starts_on_end.pk, *(s.pk for s in same_day)}
    found = blindspots(start=START, end=END, min_outlets=1)
    assert [f["event"] for f in found] == [starts_on_end, same_day[1], same_day[0], ends_on_start]


def test_it_reads_two_queries_however_many_events_and_outlets(django_assert_num_queries):
    def grow(events: int, outlets: int) -> None:
        made = [OutletFactory(leaning="left", country="US") for _ in range(outlets)]
        for _ in range(events):
            covered(event(), *made)

    grow(events=2, outlets=3)
    with django_assert_num_queries(2):
        assert len(blindspots(start=START, end=END)) == 2
    grow(events=20, outlets=6)
    with django_assert_num_queries(2):
        assert len(blindspots(start=START, end=END)) == 22


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_the_tally_reads_the_events_outlets_from_the_coverage_index():
    outlets = [OutletFactory(leaning="left", country="US") for _ in range(3)]
    for _ in range(5):
        covered(event(), *outlets)
    covered(event(), outlets[0], copy_kind="syndicated")
    with CaptureQueriesContext(connection) as captured:
        tallies()
    (tally,) = captured.captured_queries
    with connection.cursor() as cursor:
        # So few rows are cheaper to read whole: as at scale, the index is to be preferred
        # (its condition matches the query's; on the seed, an index-only scan).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + tally["sql"])
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "article_coverage" in plan, plan
