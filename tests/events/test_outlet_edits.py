"""An outlet saved with a new name, country, owner, state affiliation or rating, by
whatever code, puts the stored comparisons of its events out of date (they show those
details); a save that changes none of them leaves the comparisons alone."""

from __future__ import annotations

import json

import pytest

from demo.loader import DEMO_DIR, outlets_load
from events.event_report import event_comparison_refresh
from events.models import EventComparison
from newsdesk.models import Outlet
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db


def compared(outlet, title: str = "Flood"):
    """An event covered by this outlet and another, its comparison computed."""
    event = EventFactory(title=title)
    ArticleFactory(event=event, outlet=outlet)
    ArticleFactory(event=event, outlet=OutletFactory())
    event_comparison_refresh(event_id=event.pk)
    return event


def shown(event, slug: str) -> dict:
    return EventComparison.objects.get(event=event).data["columns"][slug]["outlet"]


def test_saving_an_outlet_with_a_new_rating_recomputes_its_comparisons(
    django_capture_on_commit_callbacks,
):
    outlet = OutletFactory(slug="ledger", leaning="center", country="GB")
    events = [compared(outlet, "Flood"), compared(outlet, "Strike")]
    elsewhere = compared(OutletFactory(), "Budget")
    before = EventComparison.objects.get(event=elsewhere).computed_at

    outlet.leaning, outlet.country = "right", "IE"
    with django_capture_on_commit_callbacks(execute=True):
        outlet.save()

    for event in events:
        assert not EventComparison.objects.get(event=event).stale
        assert (shown(event, "ledger")["leaning"], shown(event, "ledger")["country"]) == (
            "right",
            "IE",
        )
    assert EventComparison.objects.get(event=elsewhere).computed_at == before


def test_an_update_or_create_that_changes_the_name_marks_the_comparisons_stale(
    django_capture_on_commit_callbacks,
):
    outlet = OutletFactory(slug="ledger", name="Ledger")
    event = compared(outlet)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Outlet.objects.update_or_create(slug="ledger", defaults={"name": "The Ledger"})

    assert len(callbacks) == 1
    assert EventComparison.objects.get(event=event).stale


def test_reloading_edited_demo_outlets_recomputes_only_when_they_changed(
    tmp_path, django_capture_on_commit_callbacks
):
    outlets_load()
    event = compared(Outlet.objects.get(slug="sputnik"))
    records = json.loads((DEMO_DIR / "outlets.json").read_text(encoding="utf-8"))
    path = tmp_path / "outlets.json"
    path.write_text(json.dumps(records), encoding="utf-8")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outlets_load(path)  # the same details again
    assert callbacks == []
    assert not EventComparison.objects.get(event=event).stale

    records[0]["reliability"] = "mixed"
    assert records[0]["slug"] == "sputnik"
    path.write_text(json.dumps(records), encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outlets_load(path)
    assert len(callbacks) == 1
    assert shown(event, "sputnik")["reliability"] == "mixed"


def test_saving_fields_that_the_comparisons_do_not_show_leaves_them_alone(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    outlet = OutletFactory(slug="ledger")
    event = compared(outlet)

    outlet.notes = "Checked in May."
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outlet.save()
        with django_assert_num_queries(1):  # the UPDATE alone: no field to compare
            outlet.save(update_fields=["notes", "is_active"])

    assert callbacks == []
    assert not EventComparison.objects.get(event=event).stale


def test_creating_an_outlet_reads_nothing_more(django_assert_num_queries):
    with django_assert_num_queries(1):
        Outlet.objects.create(name="New", slug="new")


def test_a_bulk_update_of_a_shown_field_recomputes_the_comparisons(
    django_capture_on_commit_callbacks,
):
    first, second = OutletFactory(slug="ledger"), OutletFactory(slug="herald")
    events = [compared(first, "Flood"), compared(second, "Strike")]
    untouched = compared(OutletFactory(slug="post"), "Budget")
    before = EventComparison.objects.get(event=untouched).computed_at

    with django_capture_on_commit_callbacks(execute=True):
        Outlet.objects.filter(slug__in=["ledger", "herald"]).update(reliability="low")

    assert shown(events[0], "ledger")["reliability"] == "low"
    assert shown(events[1], "herald")["reliability"] == "low"
    assert EventComparison.objects.get(event=untouched).computed_at == before


def test_bulk_update_reaches_the_comparisons_too():
    outlet = OutletFactory(slug="ledger", country="GB")
    event = compared(outlet)
    outlet.country = "IE"

    Outlet.objects.bulk_update([outlet], ["country"])

    assert EventComparison.objects.get(event=event).stale


def test_a_bulk_update_of_other_fields_leaves_the_comparisons_alone(
    django_assert_num_queries,
):
    outlet = OutletFactory(slug="ledger")
    event = compared(outlet)

    with django_assert_num_queries(2):  # the outlets' ids, then the update itself
        Outlet.objects.filter(pk=outlet.pk).update(notes="Checked in March.")

    assert not EventComparison.objects.get(event=event).stale
