"""bench/eval_events.py's live grouping (each article indexed and placed in publication
order, as a feed brings them) on the hard set written for the tests."""

import pytest

from bench.eval_events import live_grouping, weak_match_counts
from events.grouping import (
    FOUNDED,
    WEAK_JOIN,
    Frequencies,
    article_terms,
    article_words,
    pairwise_scores,
    terms_for_text,
    vector_terms,
)
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
    # Only earlier articles were stored when each was indexed: the first one published
    # was weighed with the document frequencies of itself alone (a rebuild weighs every
    # article by all of them), and it started an event.
    first = Article.objects.order_by("published_at", "created_at", "pk").first()
    words = article_words(first.headline, first.body)
    alone = terms_for_text(
        first.headline, first.body, frequencies=Frequencies(dict.fromkeys(words, 1), 1)
    )
    stored = vector_terms(ArticleVector.objects.get(article=first).terms)
    assert stored == pytest.approx(alone)
    assert stored != pytest.approx(article_terms(first))
    assert first.event_similarity == FOUNDED


def test_the_weak_matches_are_counted_with_those_that_joined_another_storys_event():
    articles = load_hard_set()
    live_grouping()
    placed = list(Article.objects.filter(pk__in=[a.pk for a in articles]))
    truth = {a.pk: a.meta["event"] for a in placed}
    # Every join strong but two: one weak join to its own story's event, one to another
    # story's (moved there).
    Article.objects.filter(event_similarity__gt=FOUNDED).update(event_similarity=0.5)
    own, stray = sorted(
        (a for a in placed if a.event_similarity and not a.copy_kind), key=lambda a: a.pk
    )[:2]
    elsewhere = next(a for a in placed if truth[a.pk] != truth[stray.pk])
    Article.objects.filter(pk=own.pk).update(event_similarity=WEAK_JOIN / 2)
    Article.objects.filter(pk=stray.pk).update(
        event_similarity=WEAK_JOIN / 2, event=elsewhere.event_id
    )
    placed = list(Article.objects.filter(pk__in=[a.pk for a in articles]))
    joined = [a for a in placed if (a.event_similarity or 0) >= WEAK_JOIN and not a.copy_kind]

    counts = weak_match_counts(placed, truth)

    assert counts["weak matches"] == (2, 1)
    assert counts[f"joins at or above {WEAK_JOIN}"][0] == len(joined)
