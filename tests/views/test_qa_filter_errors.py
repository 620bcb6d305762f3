"""Found in a QA pass: a filter the article list could not read was reported in Django's
debugging text, "* event * There is no event with this id. * date_from * Enter a valid
date.", with the fields' internal names and asterisks; and the outlet filter offered
"---------" for all outlets."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_unreadable_filters_are_listed_by_their_labels(analyst_client):
    html = analyst_client.get("/articles/?event=999&date_from=2025-13-01&q=flood").content.decode()

    assert "Some filters were not understood and were ignored:" in html
    assert "<li>Event id: There is no event with this id.</li>" in html
    assert "<li>From: Enter a valid date.</li>" in html
    assert '<label for="id_date_from">From</label>' in html  # as the page names it
    assert "* event" not in html and "* date_from" not in html


def test_the_outlet_filter_says_any_outlet(analyst_client):
    html = analyst_client.get("/articles/").content.decode()
    assert re.search(r'<option value=""( selected)?>Any outlet</option>', html)
    assert "---------" not in html
