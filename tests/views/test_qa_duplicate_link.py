"""Found in a QA pass: "Already stored" named the stored article but gave no way to open it."""

import pytest
from django.urls import reverse

from newsdesk.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "The harbour council voted on Tuesday to close the old ferry pier, according to the mayor. "
    "Residents said the decision came without warning."
)


def test_pasting_a_stored_text_again_links_to_the_stored_article(analyst_client):
    analyst_client.post(reverse("article-paste"), {"text": TEXT})
    stored = Article.objects.get()

    response = analyst_client.post(reverse("article-paste"), {"text": TEXT})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Already stored (same text)" in html
    assert f'<a href="{stored.get_absolute_url()}">Open the stored article</a>' in html


def test_fetching_a_stored_url_again_links_to_the_stored_article(analyst_client):
    stored = ArticleFactory(url="https://herald.example/ferry")

    response = analyst_client.post(
        reverse("article-fetch"), {"url": "https://herald.example/ferry"}
    )

    assert response.status_code == 400
    assert f'<a href="{stored.get_absolute_url()}">Open the stored article</a>' in (
        response.content.decode()
    )


def test_a_refusal_that_is_not_a_duplicate_offers_no_link(analyst_client):
    response = analyst_client.post(reverse("article-paste"), {"text": "Breaking news."})
    assert response.status_code == 400
    assert "Open the stored article" not in response.content.decode()
