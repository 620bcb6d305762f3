"""Found in a QA pass: an unknown event id typed into an id box answered "Select a valid
choice. That choice is not one of the available choices." (there is no list to choose
from), or, on the article page, nothing at all."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_merging_into_an_unknown_event_says_there_is_no_such_event(analyst_client):
    event = EventFactory()
    response = analyst_client.post(reverse("event-merge", args=[event.pk]), {"other": 99999})
    assert response.status_code == 400
    assert "There is no other event with this id." in response.content.decode()
    assert "Select a valid choice" not in response.content.decode()


def test_merging_an_event_into_itself_says_so_plainly(analyst_client):
    event = EventFactory()
    response = analyst_client.post(reverse("event-merge", args=[event.pk]), {"other": event.pk})
    assert response.status_code == 400
    assert "There is no other event with this id." in response.content.decode()


def test_an_unknown_event_id_on_the_article_page_is_reported_not_ignored(analyst_client):
    event = EventFactory()
    article = ArticleFactory(event=event)
    response = analyst_client.post(
        reverse("article-set-event", args=[article.pk]), {"event": 99999}, follow=True
    )
    assert "There is no event with this id." in response.content.decode()
    article.refresh_from_db()
    assert article.event_id == event.pk


def test_filtering_articles_by_an_unknown_event_id_names_the_problem(analyst_client):
    response = analyst_client.get(reverse("article-list"), {"event": 99999})
    html = response.content.decode()
    assert "There is no event with this id." in html
    assert "Select a valid choice" not in html
