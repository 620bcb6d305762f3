"""Storylines: related events linked automatically and by hand.

The events come from tests/data/events_chains.jsonl and events_hard.jsonl (articles
written for the tests; fictional people, places and outlets)."""

import datetime as dt

import pytest
from django.core.management import call_command

from config.celery import app as celery_app
from events.grouping import article_index, events_rebuild
from events.storylines import (
    event_storyline_set,
    storyline_create,
    storyline_update,
    storylines_link,
)
from events.tasks import link_recent_storylines
from newsdesk.models import Article, Event, MembershipSource, Storyline
from tests.events.test_grouping import CHAINS_SET, HARD_SET, load_hard_set
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def event_of(label: str) -> Event:
    return Event.objects.get(pk=Article.objects.filter(meta__event=label).first().event_id)


@pytest.fixture
def grouped():
    load_hard_set(CHAINS_SET)
    load_hard_set(HARD_SET)
    events_rebuild()


def test_the_standoffs_events_are_linked_into_one_storyline_and_unrelated_ones_are_not(grouped):
    report = storylines_link()
    assert report.linked >= 3
    standoff = {
        event_of(label).storyline_id
        for label in (
            "calvane-closure-new-assembly",
            "calvane-harbour-children-offer",
            "calvane-closure-ends",
        )
    }
    assert len(standoff) == 1 and None not in standoff
    inquiry = event_of("calvane-vasse-indicted").storyline_id
    assert inquiry and inquiry == event_of("calvane-lantern-report-disputed").storyline_id
    assert inquiry not in standoff
    # Stories that only share a city or a country stay out of any storyline.
    for label in ("dravo-nurses-strike", "tessaly-rate-rise", "corvel-coin-theft"):
        assert event_of(label).storyline_id is None, label
    linked = Event.objects.exclude(storyline=None)
    assert set(linked.values_list("storyline_source", flat=True)) == {MembershipSource.MACHINE}
    # A second run links nothing new.
    assert storylines_link().linked == 0


def test_rebuilding_storylines_keeps_what_a_person_set_and_locked_storylines(grouped):
    storylines_link()
    offer = event_of("calvane-harbour-children-offer")
    indicted = event_of("calvane-vasse-indicted")
    disputed = event_of("calvane-lantern-report-disputed")
    inquiry = indicted.storyline
    editor = UserFactory()
    # A person takes the offer out of the standoff's storyline, files the metro opening
    # under a storyline of their own, and locks the inquiry's storyline after taking
    # one of its events out by hand and linking another.
    event_storyline_set(event=offer, storyline=None, user=editor)
    own = storyline_create(title="Dravo's week", user=editor)
    metro = event_of("dravo-metro-line")
    event_storyline_set(event=metro, storyline=own, user=editor)
    storyline_update(storyline=inquiry, locked=True, title="The special prosecutor")
    Event.objects.filter(pk=disputed.pk).update(storyline=None, storyline_source="")

    call_command("link_storylines", "--rebuild")

    for event in (offer, metro, indicted, disputed):
        event.refresh_from_db()
    assert offer.storyline is None and offer.storyline_source == MembershipSource.PERSON
    assert metro.storyline == own and metro.storyline_source == MembershipSource.PERSON
    # The locked storyline kept its event and gained none back.
    assert indicted.storyline == inquiry
    assert list(inquiry.events.all()) == [indicted]
    assert disputed.storyline_id != inquiry.pk
    inquiry.refresh_from_db()
    assert (inquiry.title, inquiry.title_set_by_person, inquiry.locked) == (
        "The special prosecutor",
        True,
        True,
    )
    # The standoff's other events are linked again, by the machine.
    closure = event_of("calvane-closure-ends")
    assert closure.storyline_id and closure.storyline_source == MembershipSource.MACHINE
    assert closure.storyline_id == event_of("calvane-closure-new-assembly").storyline_id


def test_regrouping_events_keeps_their_storyline_links(grouped):
    storylines_link()
    closure = event_of("calvane-closure-ends")
    storyline = closure.storyline
    closure.locked = True
    closure.save(update_fields=["locked"])
    events_rebuild()
    closure.refresh_from_db()
    assert closure.storyline == storyline
    assert Storyline.objects.filter(pk=storyline.pk).exists()


def test_link_storylines_prints_its_counts(grouped, capsys):
    call_command("link_storylines")
    out = capsys.readouterr().out
    assert "linked" in out and "new storylines" in out
    call_command("link_storylines", "--rebuild")
    assert "Cleared" in capsys.readouterr().out


def test_group_events_rebuild_keeps_an_event_a_person_linked_to_a_storyline(grouped):
    editor = UserFactory()
    own = storyline_create(title="The standoff, as the desk tells it", user=editor)
    closure = event_of("calvane-closure-ends")
    members = set(closure.articles.values_list("pk", flat=True))
    event_storyline_set(event=closure, storyline=own, user=editor)

    call_command("group_events", "--rebuild")

    closure.refresh_from_db()  # still there, with its articles and the person's link
    assert set(closure.articles.values_list("pk", flat=True)) == members
    assert (closure.storyline, closure.storyline_source) == (own, MembershipSource.PERSON)


def test_beat_links_the_last_weeks_events_into_storylines(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["link-storylines"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks

    # Two events of one standoff, a few days ago (the headlines are written for the tests).
    today = dt.date.today()
    made = []
    for i, headline in enumerate(
        (
            "Closure of state offices enters its 13th day as Meissen and Ostby trade vetoes "
            "over the 5.7 billion crown border barrier in Calvane",
            "Meissen offers Ostby permits for harbour children in exchange for 5.7 billion "
            "crown border barrier as Calvane closure drags on",
        )
    ):
        event = Event.objects.create(
            title=headline[:60], starts_on=today - dt.timedelta(days=5 - i)
        )
        article = ArticleFactory(
            headline=headline,
            body=headline + ". Meissen, Ostby, Calvane, barrier, closure, Orlov and Lerwick.",
            event=event,
            event_source=MembershipSource.MACHINE,
        )
        article_index(article=article)
        made.append(event)
    assert link_recent_storylines() == 1
    first, second = (Event.objects.get(pk=e.pk) for e in made)
    assert first.storyline_id and first.storyline_id == second.storyline_id
