"""Correcting an article's details on its page, with history (issue 17: only the Django
admin could fix a wrong headline)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from events.event_report import event_comparison_refresh
from events.models import EventComparison
from newsdesk.models import ArticleEdit
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

WHEN = dt.datetime(2024, 3, 11, 9, 30, tzinfo=dt.UTC)


def post(client, article, **fields):
    data = {
        "headline": article.headline,
        "outlet": article.outlet_id or "",
        "published_at": article.published_at.strftime("%Y-%m-%dT%H:%M")
        if article.published_at
        else "",
        "dateline": article.dateline,
    }
    data.update(fields)
    return client.post(reverse("article-edit-details", args=[article.pk]), data, follow=True)


def test_an_analyst_corrects_the_headline_and_it_is_kept_in_the_history(analyst_client, analyst):
    article = ArticleFactory(headline="Photo: Northbridge Ledger / staff", published_at=WHEN)
    page = post(
        analyst_client, article, headline="Port workers strike <b>again</b>"
    ).content.decode()
    article.refresh_from_db()
    assert article.headline == "Port workers strike <b>again</b>"
    assert "Saved: headline." in page
    edit = ArticleEdit.objects.get()
    assert (edit.field, edit.old, edit.new, edit.user) == (
        "headline", "Photo: Northbridge Ledger / staff", "Port workers strike <b>again</b>", analyst
    )  # fmt: skip
    assert "History (1 change)" in page
    assert "Port workers strike &lt;b&gt;again&lt;/b&gt;" in page and "<b>again</b>" not in page


def test_a_new_date_moves_the_events_dates_and_its_comparison_is_recomputed(
    analyst_client, django_capture_on_commit_callbacks
):
    event = EventFactory(starts_on=WHEN.date(), ends_on=WHEN.date())
    article = ArticleFactory(event=event, published_at=WHEN, outlet=OutletFactory())
    event_comparison_refresh(event_id=event.pk)
    with django_capture_on_commit_callbacks(execute=True):
        post(analyst_client, article, published_at="2024-03-14T08:00")
    event.refresh_from_db()
    assert (event.starts_on, event.ends_on) == (dt.date(2024, 3, 14), dt.date(2024, 3, 14))
    # Tasks run eagerly in the tests: the stale comparison was computed again.
    report = EventComparison.objects.get(event=event)
    assert not report.stale
    column = next(iter(report.data["columns"].values()))
    assert column["article"]["published"].startswith("2024-03-14")


def test_a_date_out_of_range_is_refused_and_nothing_changes(analyst_client):
    article = ArticleFactory(published_at=WHEN)
    page = post(analyst_client, article, published_at="0001-01-01T00:00").content.decode()
    article.refresh_from_db()
    assert article.published_at == WHEN
    assert "is outside the range taken, 1900-01-01 to" in page
    assert not ArticleEdit.objects.exists()


def test_saving_unchanged_details_records_nothing(analyst_client):
    article = ArticleFactory(published_at=WHEN)
    assert "Nothing was changed." in post(analyst_client, article).content.decode()
    assert not ArticleEdit.objects.exists()


def test_the_outlet_can_be_corrected(analyst_client):
    article = ArticleFactory(published_at=WHEN, outlet=None)
    ledger = OutletFactory(name="The Northbridge Ledger")
    post(analyst_client, article, outlet=ledger.pk)
    article.refresh_from_db()
    assert article.outlet == ledger
    assert ArticleEdit.objects.get().new == "The Northbridge Ledger"
