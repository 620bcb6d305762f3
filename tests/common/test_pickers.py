"""Pickers: events and articles found by title words, a day or an id, instead of ids
typed from memory (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


def picked(client, kind: str, query: str, **params) -> str:
    url = reverse(f"{kind}-pick")
    return client.get(url, {"pick": query, "name": "other", **params}).content.decode()


def test_events_are_found_by_title_words_day_or_id(analyst_client):
    flood = EventFactory(title="Merapur flood <b>relief</b>", starts_on=dt.date(2025, 8, 4),
                         ends_on=dt.date(2025, 8, 6))  # fmt: skip
    strike = EventFactory(title="Halvern port strike", starts_on=dt.date(2024, 3, 11),
                          ends_on=dt.date(2024, 3, 11))  # fmt: skip
    ArticleFactory(event=flood)

    html = picked(analyst_client, "event", "flood merapur")
    assert f'<input type="radio" name="other" value="{flood.pk}">' in html
    assert "Merapur flood &lt;b&gt;relief&lt;/b&gt;" in html and "1 article" in html
    assert f'value="{strike.pk}"' not in html
    assert f'value="{flood.pk}"' in picked(analyst_client, "event", "2025-08-05")
    assert f'value="{strike.pk}"' in picked(analyst_client, "event", f"#{strike.pk}")
    assert "Nothing matches “budget”" in picked(analyst_client, "event", "budget")


def test_the_merge_picker_leaves_out_the_event_itself(analyst_client):
    one, two = EventFactory(title="Port strike"), EventFactory(title="Port walkout")
    html = picked(analyst_client, "event", "port", exclude=one.pk)
    assert f'value="{two.pk}"' in html and f'value="{one.pk}"' not in html


def test_articles_are_found_by_headline_words(analyst_client):
    article = ArticleFactory(headline="Dockers walk out at Halvern")
    ArticleFactory(headline="Solar tariff vote")
    html = picked(analyst_client, "article", "halvern dockers")
    assert f'value="{article.pk}"' in html and "Solar tariff" not in html


def test_the_event_page_forms_carry_a_picker_beside_the_id_box(analyst_client):
    event = EventFactory(title="Port strike")
    article = ArticleFactory(event=event)
    for url in (event.get_absolute_url(), article.get_absolute_url()):
        html = analyst_client.get(url).content.decode()
        assert 'class="picker-search"' in html and reverse("event-pick") in html
    html = analyst_client.get(event.get_absolute_url()).content.decode()
    assert f"exclude={event.pk}" in html


def test_a_ticked_pick_wins_over_an_empty_id_box(analyst_client):
    event, other = EventFactory(title="Port strike"), EventFactory(title="Dock walkout")
    ArticleFactory(event=event)
    response = analyst_client.post(
        reverse("event-merge", args=[event.pk]), {"other": ["", str(other.pk)]}
    )
    assert response.status_code == 302 and response.url == other.get_absolute_url()
