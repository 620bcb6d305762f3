"""The outlet list (who published the articles) and the admin's outlet form; an outlet's
own page, with the outlet report's figures, is tested in tests/events/test_outlet_page.py."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from newsdesk.models import Outlet
from tests.factories import ArticleFactory, OutletDomainFactory, OutletFactory

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_outlet_list_marks_outlets_that_need_curation(analyst_client):
    OutletFactory(name="Curated Times", is_active=True)
    OutletFactory(name="Imported Herald", is_active=False)

    html = html_of(analyst_client.get(reverse("outlet-list")))

    rows = {
        name: row
        for row in re.findall(r"<tr class=\"[^\"]*\">.*?</tr>", html, re.DOTALL)
        for name in ("Curated Times", "Imported Herald")
        if name in row
    }
    assert "needs curation" in rows["Imported Herald"]
    assert 'class="inactive"' in rows["Imported Herald"]
    assert "needs curation" not in rows["Curated Times"]
    assert html.count("needs curation") == 1


def test_the_outlet_list_shows_domains_and_article_counts(analyst_client):
    outlet = OutletFactory(name="Curated Times")
    OutletDomainFactory(outlet=outlet, domain="curated.example")
    ArticleFactory.create_batch(3, outlet=outlet)

    html = html_of(analyst_client.get(reverse("outlet-list")))

    row = re.search(r"<tr class=\"\">.*?</tr>", html, re.DOTALL)[0]
    assert "curated.example" in row
    assert row.rstrip("</tr>").rstrip().endswith("<td>3</td>")


def test_without_outlets_the_outlet_list_says_so(analyst_client):
    html = html_of(analyst_client.get(reverse("outlet-list")))

    assert "No outlets yet." in html
    assert "<table" not in html


def outlet_admin_post(client, **fields):
    """The admin's add-outlet form as a curator fills it in (no domains or feeds)."""
    data = {"name": "Written For The Tests Gazette", "slug": "wftt-gazette", "language": "en"}
    data.update(fields)
    for prefix in ("domains", "feeds"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return client.post(reverse("admin:newsdesk_outlet_add"), data)


def test_a_rating_without_its_source_is_refused_in_the_admin(admin_client_):
    response = outlet_admin_post(admin_client_, leaning="center")
    assert response.status_code == 200
    assert "Say where the leaning rating comes from" in response.content.decode()
    assert not Outlet.objects.filter(slug="wftt-gazette").exists()


def test_a_rating_with_its_source_is_stored(admin_client_):
    response = outlet_admin_post(
        admin_client_,
        reliability="high",
        reliability_source="A rater, 2026 (written for the tests)",
    )
    assert response.status_code == 302
    assert Outlet.objects.get(slug="wftt-gazette").reliability == "high"
