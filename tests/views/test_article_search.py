"""The article list's search box: substring matching on SQLite, the full-text index on
PostgreSQL (words as prefixes, in any order, stop words and punctuation harmless)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def articles(db):
    ArticleFactory(
        headline="Flooding closes the valley road",
        body="Voters queued before dawn. Mr O'Brien said the levee held.",
    )
    ArticleFactory(headline="Protest against the new tax", body="Crowds gathered at noon.")
    ArticleFactory(headline="Harbour reopens", body="Ships returned on Tuesday.")


def found(client, q: str) -> list[str]:
    response = client.get(reverse("article-list"), {"q": q})
    assert response.status_code == 200
    return sorted(a.headline for a in response.context["page"])


def test_a_word_finds_longer_forms_of_it_in_headline_or_body(analyst_client, articles):
    assert found(analyst_client, "flood") == ["Flooding closes the valley road"]
    assert found(analyst_client, "LEVEE") == ["Flooding closes the valley road"]


def test_a_search_of_stop_words_alone_still_finds_headlines(analyst_client, articles):
    assert found(analyst_client, "against") == ["Protest against the new tax"]


def test_punctuation_alone_finds_nothing(analyst_client, articles):
    assert found(analyst_client, "!!!") == []


@postgresql_only
def test_words_are_found_in_any_order_and_operators_are_only_text(analyst_client, articles):
    assert found(analyst_client, "dawn voters") == ["Flooding closes the valley road"]
    assert found(analyst_client, "O'Brien & | ! :*") == ["Flooding closes the valley road"]
    assert found(analyst_client, "harbour dawn") == []


@postgresql_only
def test_the_search_leaves_the_planner_settings_as_they_were(analyst_client, articles):
    found(analyst_client, "flood")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
        )
        assert cursor.fetchone() == ("on", "on")
