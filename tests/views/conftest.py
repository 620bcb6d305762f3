"""Fixtures shared by the page tests."""

import pytest

from analysis.services import article_score
from newsdesk.models import Article


@pytest.fixture
def score():
    """Run every scorer on an article now, as the Celery task would, and reload it."""

    def run(article: Article) -> Article:
        assert article_score(article_id=article.pk)
        article.refresh_from_db()
        return article

    return run
