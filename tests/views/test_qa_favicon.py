"""Found in a QA pass: every page asked for /favicon.ico and logged a 404 in the console."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_name_an_icon_that_is_served_from_static(analyst_client):
    html = analyst_client.get(reverse("article-list")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("favicon.svg")
