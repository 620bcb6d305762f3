"""Storylines in the JSON API (outlets, events and headlines written for the tests)."""

import datetime as dt

import pytest

from newsdesk.models import CopyKind, MembershipSource, Storyline
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 26, 17, 0, tzinfo=dt.UTC)


def test_a_storyline_comes_with_its_timeline_and_blindspots(analyst_api):
    left = OutletFactory(name="Left Ledger", slug="left-ledger", leaning="lean_left")
    right = OutletFactory(name="Right Dispatch", slug="right-dispatch", leaning="right")
    storyline = Storyline.objects.create(title="Conscience laws")
    law = EventFactory(
        title="Law signed", starts_on=T0.date(), storyline=storyline, storyline_source="machine"
    )
    boycott = EventFactory(
        title="Boycott grows",
        starts_on=(T0 + dt.timedelta(days=2)).date(),
        storyline=storyline,
        storyline_source=MembershipSource.PERSON,
    )
    signed = ArticleFactory(outlet=right, event=law, published_at=T0)
    later = ArticleFactory(outlet=left, event=law, published_at=T0 + dt.timedelta(minutes=95))
    copy = ArticleFactory(
        outlet=left,
        event=law,
        published_at=T0 + dt.timedelta(hours=5),
        copy_kind=CopyKind.UPDATE,
        copy_of=later,
    )
    ArticleFactory(outlet=left, event=boycott, published_at=T0 + dt.timedelta(days=2))

    listing = analyst_api.get("/api/storylines/").json()
    assert [(s["title"], s["event_count"]) for s in listing["items"]] == [("Conscience laws", 2)]

    body = analyst_api.get(f"/api/storylines/{storyline.pk}/").json()
    assert [e["title"] for e in body["events"]] == ["Law signed", "Boycott grows"]
    assert [e["linked_by"] for e in body["events"]] == ["machine", "person"]
    first, second = body["events"][0]["reports"]
    assert (first["outlet"], first["first"], first["delay_minutes"]) == (
        "Right Dispatch",
        True,
        None,
    )
    assert first["article_ids"] == [signed.pk]
    assert (second["outlet"], second["first"], second["delay_minutes"]) == (
        "Left Ledger",
        False,
        95,
    )
    assert second["article_ids"] == [later.pk, copy.pk] and second["updates"] == 1
    assert body["blindspots"] == [
        {"event_id": boycott.pk, "covered_by": "left", "skipped_by": "right"}
    ]


def test_an_unknown_storyline_is_a_404_and_the_api_needs_a_token(analyst_api, client):
    assert analyst_api.get("/api/storylines/999999/").status_code == 404
    assert client.get("/api/storylines/").status_code == 401
