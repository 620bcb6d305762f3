"""Found in a QA pass: every page asked for /favicon.ico and logged a 404 in the console."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_name_an_icon_that_is_served_from_static(analyst_client):
    html = analyst_client.get(reverse("article-list")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("favicon.svg")


def test_favicon_ico_leads_to_the_icon_without_a_login(client):
    # The admin's and the API docs' pages do not extend base.html: browsers ask for
    # /favicon.ico there, which answered 404.
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
