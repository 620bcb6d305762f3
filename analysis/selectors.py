"""Reads for the scoring pages."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from analysis.methodology import accuracy_entries
from analysis.models import Score, ScoringBatch
from analysis.scoring import all_scorers
from newsdesk.models import Article, ScoringStatus


def scoring_counts() -> dict[str, int]:
    counts = dict(Article.objects.values_list("scoring_status").annotate(n=Count("id")).order_by())
    return {status: counts.get(status, 0) for status in ScoringStatus.values}


def recent_batches(limit: int = 10) -> list[ScoringBatch]:
    return list(ScoringBatch.objects.select_related("created_by")[:limit])


def article_scores(article: Article) -> dict[str, Score]:
    return {score.scorer: score for score in article.scores.all()}


def articles_for_rescore(*, outlet=None, since: dt.date | None = None, everything: bool = False):
    from analysis.services import articles_needing_scores

    articles = Article.objects.all()
    if outlet is not None:
        articles = articles.filter(outlet=outlet)
    if since is not None:
        articles = articles.filter(
            published_at__gte=dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
        )
    return articles if everything else articles_needing_scores(articles)


def methodology_entries() -> list[dict]:
    """Every measure's accuracy entry with the version that runs now, scorers first (in
    the registry's order), then the ingest and grouping measures."""
    entries = accuracy_entries()
    running = {s.name: s.version for s in all_scorers()}
    order = [name for name in running if name in entries]
    order += [name for name in entries if name not in running]
    return [
        {
            "entry": entries[name],
            "version": running.get(name),
            "stale": name in running
            and entries[name].headline is not None
            and entries[name].measured_version() != running[name],
        }
        for name in order
    ]
