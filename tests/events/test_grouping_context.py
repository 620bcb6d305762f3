"""Event grouping indexes the curated actors that the pipeline reads, as the scorers
have them (a ScoringContext, not a module global)."""

import pytest

from analysis.models import Actor
from events import services
from newsdesk.models import ArticleTerm
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_event_grouping_indexes_the_curated_actors_the_pipeline_reads():
    Actor.objects.create(name="Green Alliance", kind="organisation", aliases=["the greens"])
    article = ArticleFactory(
        body="Written for the tests: the greens opened a new office downtown on Monday, "
        "and the party said the move would bring its members closer to the city council."
    )
    services.articles_group(article_ids=[article.pk])
    terms = set(ArticleTerm.objects.filter(article=article).values_list("term", flat=True))
    assert "a:green alliance" in terms
