"""Cohesion: an article joins an event only if it is related to every member of it in the
window, not only on average. The reports below were written for these tests (a
fictional town, river, barrier and treasurer): a flood, an embezzlement charge in the
same town the next day, and a weekly round-up that covers both (a bridging article)."""

import datetime as dt

import pytest
from django.test.utils import override_settings

from events.grouping import (
    MAX_CANDIDATES,
    Linkage,
    _choose_event,
    _nearer_first,
    article_place,
    cohesive_events,
    events_rebuild,
)
from newsdesk.models import Article
from tests.events.candidates import candidate
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2025, 11, 3, 8, 0, tzinfo=dt.UTC)

FLOOD = (
    "Sarn river breaks through the Tessaly flood barrier at Vellmarsh",
    "The Sarn river burst through the Tessaly flood barrier at Vellmarsh before dawn and "
    "flooded the lower town. Firefighters evacuated four hundred homes along the "
    "embankment and opened shelters in the sports hall. Engineers said the barrier's "
    "eastern gate had jammed half open in the night. Sandbag crews worked through the "
    "morning as brown water rose around the railway station and the tram depot.",
)
FLOOD_FOLLOW_UP = (
    "Vellmarsh residents return as engineers close the jammed Tessaly barrier gate",
    "Engineers closed the jammed eastern gate of the Tessaly flood barrier and the Sarn "
    "river fell back below the embankment at Vellmarsh. Residents of the lower town "
    "returned from the shelters in the sports hall to homes full of mud. Sandbag crews "
    "pumped water out of the railway station and the tram depot reopened in the evening.",
)
ROUND_UP = (
    "Vellmarsh's worst week: a broken barrier and a treasurer under arrest",
    "Few towns have had a week like Vellmarsh. The Sarn river broke through the Tessaly "
    "flood barrier when its eastern gate jammed, and firefighters evacuated the lower town "
    "to shelters. Then police arrested the council treasurer, Odile Brannock, on suspicion "
    "of embezzling the school repair fund: auditors found forged invoices from a roofing "
    "firm, and prosecutors say the money paid for a yacht moored at Kelling.",
)
CHARGE = (
    "Vellmarsh treasurer Odile Brannock charged with embezzling school repair fund",
    "Prosecutors charged the Vellmarsh council treasurer, Odile Brannock, with embezzling "
    "the school repair fund. Auditors found forged invoices from a roofing firm that "
    "never worked on the schools, and prosecutors say the money paid for a yacht moored at "
    "Kelling. Brannock was released on bail and the council suspended her.",
)
CHARGE_REACTION = (
    "Parents demand audit of every Vellmarsh school after treasurer's embezzlement charge",
    "Parents at three Vellmarsh schools demanded a full audit of the school repair fund a "
    "day after treasurer Odile Brannock was charged with embezzling it. The forged "
    "invoices from the roofing firm covered leaking roofs that were never mended, they "
    "said. The council promised auditors from outside the town and froze the fund.",
)


def _report(text: tuple[str, str], hours: int, outlet) -> Article:
    headline, body = text
    return ArticleFactory(
        headline=headline, body=body, outlet=outlet, published_at=DAY + dt.timedelta(hours=hours)
    )


def test_an_event_is_cohesive_only_if_every_member_in_the_window_is_like_the_article():
    candidates = [
        candidate(1, 1, 0.50, 2),  # like one of event 1's two members, not the other
        candidate(2, 1, 0.01, 2),
        candidate(3, 2, 0.20, 2),  # like both of event 2's
        candidate(4, 2, 0.10, 2),
        candidate(5, 3, 0.40, 2),  # event 3's other member shares too little to be read
    ]
    assert cohesive_events(candidates, 0.05) == {2}
    assert cohesive_events(candidates, 0.0) == {1, 2}
    # Already a member of event 3, the article does not ask itself to be like it.
    assert 3 in cohesive_events(candidates, 0.05, own_event_id=3)
    # By its mean (0.255) event 1 would win; by cohesion only event 2 may take it.
    assert _choose_event(candidates, None, 0.14, 5, Linkage.MEAN, cohesion=0.0)[0] == 1
    assert _choose_event(candidates, None, 0.14, 5, Linkage.MEAN, cohesion=0.05)[0] == 2
    # The single-link method of before is left as it was.
    assert _choose_event(candidates, None, 0.14, 5, Linkage.NEAREST, cohesion=0.05)[0] == 1


def test_an_event_takes_an_article_only_if_it_is_close_to_most_of_its_members():
    # Grouping 8: close (0.12 or more) to at least three quarters of the members, besides
    # related (0.05) to every one of them.
    candidates = [
        candidate(1, 1, 0.50, 3),  # very like two of event 1's three members...
        candidate(2, 1, 0.20, 3),
        candidate(3, 1, 0.06, 3),  # ...and only related to the third
        candidate(4, 2, 0.15, 3),  # close to all three of event 2's
        candidate(5, 2, 0.14, 3),
        candidate(6, 2, 0.13, 3),
        candidate(7, 3, 0.30, 4),  # close to three of event 3's four: three quarters
        candidate(8, 3, 0.30, 4),
        candidate(9, 3, 0.30, 4),
        candidate(10, 3, 0.06, 4),
    ]
    assert cohesive_events(candidates, 0.05) == {1, 2, 3}
    assert cohesive_events(candidates, 0.05, close=0.12) == {2, 3}
    # Event 1 has the higher mean (0.253 against 0.14): by the mean alone it wins...
    two = [c for c in candidates if c.event_id in (1, 2)]
    assert _choose_event(two, None, 0.14, 5, Linkage.MEAN, cohesion=0.05)[0] == 1
    # ...and the close rule gives the article to the event it is close to as a whole.
    assert _choose_event(two, None, 0.14, 5, Linkage.MEAN, cohesion=0.05, close=0.12)[0] == 2


def test_members_not_read_because_the_candidates_were_cut_do_not_count_against_an_event():
    many = [candidate(pk, 9, 0.30, 2 * MAX_CANDIDATES) for pk in range(MAX_CANDIDATES)]
    assert cohesive_events(many, 0.05) == {9}
    assert cohesive_events(many[:-1], 0.05) == set()


def test_a_story_joined_to_an_event_through_a_round_up_starts_its_own_event():
    one, two, three = OutletFactory(), OutletFactory(), OutletFactory()
    flood = _report(FLOOD, 0, one)
    round_up = _report(ROUND_UP, 30, two)
    flood_event = article_place(article=flood)
    assert article_place(article=round_up) == flood_event  # half of it is the flood

    charge = _report(CHARGE, 34, three)
    with override_settings(NEWSDESK_EVENT_COHESION=0.0, NEWSDESK_EVENT_CLOSE=0.0):
        # By the mean alone the charge, much like the round-up, drifts into the flood.
        assert article_place(article=charge) == flood_event
    events_rebuild()
    flood.refresh_from_db()
    charge.refresh_from_db()
    assert charge.event != flood.event


@pytest.mark.parametrize("round_up_hour", [20, 30])  # before the charge, or after it
def test_two_stories_of_one_town_stay_apart_and_their_follow_ups_join_them(round_up_hour):
    one, two, three = OutletFactory(), OutletFactory(), OutletFactory()
    flood = _report(FLOOD, 0, one)
    charge = _report(CHARGE, 26, two)
    round_up = _report(ROUND_UP, round_up_hour, three)
    follow_up = _report(FLOOD_FOLLOW_UP, 40, two)
    reaction = _report(CHARGE_REACTION, 50, one)
    events_rebuild()
    for article in (flood, charge, round_up, follow_up, reaction):
        article.refresh_from_db()
    assert flood.event != charge.event
    assert follow_up.event == flood.event
    assert reaction.event == charge.event
    # The round-up sits with one of them and never merges the two.
    assert round_up.event in (flood.event, charge.event)


def test_with_a_time_decay_a_report_days_apart_counts_less_than_one_of_the_same_day():
    when = dt.datetime(2025, 11, 3, 12, 0, tzinfo=dt.UTC)
    candidates = []
    for pk, hours_before in enumerate((6, 48, 72, None), start=1):
        one = candidate(pk, pk, 0.20, 1)
        if hours_before is not None:
            one.published_at = when - dt.timedelta(hours=hours_before)
        candidates.append(one)
    # In full within a day; then less, down to half at the edge of a three-day window.
    nearer = _nearer_first(candidates, when, 3, 0.5, grace_hours=24)
    assert [c.similarity for c in nearer] == pytest.approx([0.20, 0.15, 0.10, 0.20])
    assert [c.similarity for c in candidates] == [0.20] * 4  # the originals are left alone
    no_grace = _nearer_first(candidates, when, 3, 0.5, grace_hours=0)
    assert no_grace[0].similarity == pytest.approx(0.20 * (1 - 0.5 / 12))
    assert _nearer_first(candidates, when, 3, 0.0) == candidates
    # The report of two days before no longer reaches a threshold of 0.16; the same-day
    # one still does.
    assert _choose_event(nearer[:1], None, 0.16, 5, Linkage.MEAN) == (1, pytest.approx(0.20))
    assert _choose_event(nearer[1:2], None, 0.16, 5, Linkage.MEAN) == (None, 0.0)
