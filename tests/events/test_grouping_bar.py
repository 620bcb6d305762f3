"""The bar an article must reach to join an event rises with how crowded its days are
(grouping 6). Reports here are written for the tests, reduced to their content words."""

import datetime as dt

import pytest
from django.test.utils import override_settings

from events.grouping import (
    BAR_CAP,
    BAR_FLOOR,
    BAR_STEP,
    CROSSING_SCALE,
    STOP_WORDS,
    Bar,
    alike_count,
    easy_words,
    events_rebuild,
    stem,
    threshold_setting,
)
from newsdesk.models import Article
from tests.events.candidates import candidate
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_bar_is_its_floor_alone_rises_a_step_for_each_further_report_and_stops_at_its_cap():
    bar = Bar()
    assert bar.at(0) == bar.at(1) == BAR_FLOOR
    assert bar.at(3) == pytest.approx(BAR_FLOOR + 2 * BAR_STEP)
    assert bar.at(1000) == BAR_CAP
    assert Bar.fixed(0.13).at(1) == Bar.fixed(0.13).at(50) == 0.13


def test_a_threshold_in_the_settings_is_a_fixed_bar_and_none_is_the_crowding_bar():
    assert threshold_setting() == Bar()
    with override_settings(NEWSDESK_EVENT_THRESHOLD=0.3):
        assert threshold_setting() == Bar.fixed(0.3)


def test_reports_alike_are_counted_in_cosine_units_across_languages_too():
    near, far = candidate(1, 1, BAR_FLOOR, 1), candidate(2, 2, BAR_FLOOR - 0.01, 1)
    crossing = candidate(3, 3, BAR_FLOOR / CROSSING_SCALE + 0.001, 1)
    crossing.crossing = True
    assert alike_count([near, far], BAR_FLOOR) == 1
    assert alike_count([near, far, crossing], BAR_FLOOR) == 2


def _words() -> list[str]:
    return sorted(
        {w for w in easy_words() if w.isalpha() and len(w) >= 5 and stem(w) == w} - STOP_WORDS
    )


def _report(words: list[str], when: dt.datetime, headline: str):
    body = " ".join(
        " ".join(words[i : i + 10]).capitalize() + "." for i in range(0, len(words), 10)
    )
    return ArticleFactory(headline=headline, body=body, published_at=when)


def _pair(vocabulary: list[str], when: dt.datetime):
    """Two reports of one happening that share 8 of their words and little else: their
    likeness is between the floor and grouping 5's one bar of 0.13."""
    shared, own_one, own_two = vocabulary[:8], vocabulary[8:38], vocabulary[38:68]
    one = _report(shared + own_one, when, "First report of the written happening")
    two = _report(shared + own_two, when + dt.timedelta(hours=2), "Second report of it")
    return one, two


def test_two_reports_alone_in_their_days_join_at_a_likeness_a_crowd_would_not_allow():
    vocabulary = _words()
    when = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    one, two = _pair(vocabulary, when)
    events_rebuild()
    one.refresh_from_db()
    two.refresh_from_db()
    assert BAR_FLOOR <= two.event_similarity < 0.13
    assert two.event_id == one.event_id
    with override_settings(NEWSDESK_EVENT_THRESHOLD=0.13):  # grouping 5's one bar
        events_rebuild()
    two.refresh_from_db()
    assert two.event_id != one.event_id

    # The same two reports among eight other stories of those days, each sharing a few of
    # the second report's own words (not the words of the happening): the second report is
    # now one of a crowd, and the bar is too high for it.
    own_two, own = vocabulary[38:68], vocabulary[68:]
    for i in range(8):
        _report(
            own_two[i * 3 : i * 3 + 8] + own[i * 20 : (i + 1) * 20],
            when - dt.timedelta(hours=20 + i),
            f"Another written story of those days, number {i + 1}",
        )
    events_rebuild()
    one.refresh_from_db()
    two.refresh_from_db()
    assert two.event_id != one.event_id
    # With the floor as a fixed bar, the crowd changes nothing: it is the bar that moved.
    with override_settings(NEWSDESK_EVENT_THRESHOLD=BAR_FLOOR):
        events_rebuild()
    two.refresh_from_db()
    assert two.event_id == Article.objects.get(pk=one.pk).event_id
