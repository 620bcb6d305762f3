import datetime as dt
from datetime import timedelta

import pytest
from django.urls import reverse

from analysis.models import Score
from events.event_report import event_comparison_refresh
from events.models import EventComparison
from events.outlet_report import FIGURES
from events.services import events_sweep
from tests.factories import ArticleFactory, EventFactory, OutletDomainFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_outlets_are_listed_with_ratings_domains_and_counts(analyst_api):
    wire = OutletFactory(name="The Wire", slug="wire", leaning="center", reliability="high")
    OutletDomainFactory(outlet=wire, domain="wire.example")
    ArticleFactory(outlet=wire)
    OutletFactory(name="Another Post", slug="post", leaning="left", is_active=False)

    everything = analyst_api.get("/api/outlets/").json()
    centre = analyst_api.get("/api/outlets/", {"leaning": "center"}).json()
    inactive = analyst_api.get("/api/outlets/", {"active": "false"}).json()

    assert [o["slug"] for o in everything["items"]] == ["post", "wire"]
    (item,) = centre["items"]
    assert (item["slug"], item["domains"], item["article_count"]) == ("wire", ["wire.example"], 1)
    assert item["reliability"] == "high"
    assert [o["slug"] for o in inactive["items"]] == ["post"]


def test_an_outlet_comes_with_the_mean_scores_of_its_articles(analyst_api):
    wire = OutletFactory(slug="wire")
    for tone in (-0.5, 0.1):
        Score.objects.create(
            article=ArticleFactory(outlet=wire),
            scorer="sentiment",
            version="2",
            values={"compound_mean": tone, "negative_share": 0.5},
        )

    response = analyst_api.get(reverse("api:outlet", args=["wire"]))

    assert response.status_code == 200
    assert response.json()["averages"]["tone"] == pytest.approx(-0.2)
    assert response.json()["averages"]["reading_ease"] is None
    # Two articles this far apart leave the mean anywhere on the scale (t with 1 degree
    # of freedom: ±3.8 around -0.2), cut to the scale's ends.
    assert response.json()["averages"]["tone_low"] == -1.0
    assert response.json()["averages"]["tone_high"] == 1.0
    # Every figure of the outlet report, the same numbers as the flat fields.
    figures = response.json()["averages"]["figures"]
    assert set(figures) == set(FIGURES)
    assert figures["tone"]["mean"] == response.json()["averages"]["tone"]
    assert (figures["tone"]["n"], figures["negative_share"]["mean"]) == (2, 0.5)
    assert figures["anonymous_share"] == {
        "mean": None,
        "low": None,
        "high": None,
        "n": 0,
        "left_out": 0,
    }


def test_an_unknown_outlet_is_a_json_404(analyst_api):
    response = analyst_api.get(reverse("api:outlet", args=["nowhere"]))

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_events_are_listed_with_their_coverage_and_filtered(analyst_api):
    floods = EventFactory(title="Floods in the valley", starts_on=dt.date(2024, 3, 1))
    floods.ends_on = dt.date(2024, 3, 4)
    floods.save()
    EventFactory(title="Election night", starts_on=dt.date(2024, 5, 1), ends_on=dt.date(2024, 5, 2))
    ArticleFactory(event=floods), ArticleFactory(event=floods)

    listed = analyst_api.get("/api/events/").json()
    found = analyst_api.get("/api/events/", {"q": "flood"}).json()
    in_march = analyst_api.get(
        "/api/events/", {"date_from": "2024-03-03", "date_to": "2024-03-31"}
    ).json()

    assert [e["title"] for e in listed["items"]] == ["Election night", "Floods in the valley"]
    (item,) = found["items"]
    assert (item["article_count"], item["outlet_count"]) == (2, 2)
    assert [e["title"] for e in in_march["items"]] == ["Floods in the valley"]


def test_an_event_comes_with_its_articles_and_the_comparison_report(analyst_api):
    event = EventFactory(title="Floods")
    first = ArticleFactory(event=event, outlet=OutletFactory(name="A Wire", slug="a-wire"))
    ArticleFactory(event=event, outlet=OutletFactory(name="B Post", slug="b-post"))
    event_comparison_refresh(event_id=event.pk)

    response = analyst_api.get(reverse("api:event", args=[event.pk]))

    data = response.json()
    assert response.status_code == 200
    assert [a["outlet"]["slug"] for a in data["articles"]] == ["a-wire", "b-post"]
    assert data["articles"][0]["id"] == first.pk
    assert data["comparison"]["stale"] is False
    assert data["comparison"]["data"]["outlets"] == ["a-wire", "b-post"]
    assert data["comparison"]["data"]["columns"]["a-wire"]["article"]["id"] == first.pk


def test_an_event_without_a_report_says_it_is_being_computed_and_the_get_writes_nothing(
    analyst_api, django_capture_on_commit_callbacks
):
    event = EventFactory()
    ArticleFactory(event=event)  # filed without the services, so nothing queued its report

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        data = analyst_api.get(reverse("api:event", args=[event.pk])).json()

    assert data["comparison"] == {"stale": True, "computed_at": None, "data": {}}
    assert not EventComparison.objects.filter(event=event).exists()
    assert not callbacks

    with django_capture_on_commit_callbacks(execute=True):
        assert events_sweep(stuck_after=timedelta(minutes=15))["reports"] == 1
    data = analyst_api.get(reverse("api:event", args=[event.pk])).json()
    assert data["comparison"]["stale"] is False
    assert data["comparison"]["data"]["columns"]


def test_nul_in_a_path_or_filter_is_refused_before_any_query(
    analyst_api, django_assert_max_num_queries
):
    # PostgreSQL cannot compare a text with NUL: /api/outlets/%00/ answered 500 there.
    OutletFactory(slug="wire")
    with django_assert_max_num_queries(0):
        missing = analyst_api.get("/api/outlets/%00/")
        refused = analyst_api.get("/api/outlets/", {"q": "wi\x00re"})

    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not Found"}
    # An invalid field, as the schema documents for every operation.
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "q"]
    assert "NUL" in refused.json()["detail"][0]["msg"]


def test_an_event_says_which_articles_the_machine_joined_with_a_weak_likeness(analyst_api):
    from newsdesk.models import MembershipSource

    event = EventFactory(title="Floods")
    machine = {"event": event, "event_source": MembershipSource.MACHINE}
    first = ArticleFactory(**machine, event_similarity=0.0)
    weak = ArticleFactory(**machine, event_similarity=0.16)

    detail = analyst_api.get(reverse("api:event", args=[event.pk])).json()
    listed = analyst_api.get("/api/events/").json()

    marks = {a["id"]: a["weak_join"] for a in detail["articles"]}
    assert marks == {first.pk: False, weak.pk: True}
    assert detail["weak_join_count"] == 1
    assert [e["weak_join_count"] for e in listed["items"]] == [1]
