"""bench/eval_events.py's live grouping (each article indexed and placed in publication
order, as a feed brings them) on the hard set written for the tests."""

import pytest

from bench.eval_events import live_grouping
from events.grouping import pairwise_scores
from events.models import ArticleVector, TermCount
from newsdesk.models import Article, Event
from tests.events.test_grouping import (
    MEASURED_HARD_PAIRWISE_F1,
    load_hard_set,
    truth_and_found,
)
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_live_grouping_places_every_article_in_order_from_an_empty_index():
    articles = load_hard_set()
    stale = EventFactory(title="Made before the run")
    Article.objects.filter(pk=articles[0].pk).update(event=stale, event_source="machine")

    assert live_grouping() == len(articles)

    assert not Event.objects.filter(pk=stale.pk).exists()
    assert ArticleVector.objects.count() == len(articles)
    assert TermCount.objects.exists()
    truth, found = truth_and_found(articles)
    assert None not in found.values()
    assert pairwise_scores(truth, found)["f1"] >= MEASURED_HARD_PAIRWISE_F1 - 0.05
    # Only earlier articles were stored when each was placed: the first one published had
    # nothing to compare with (a rebuild would have compared it with the later ones).
    first = Article.objects.order_by("published_at", "created_at", "pk").first()
    assert first.event_similarity is None
