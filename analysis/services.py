"""Running the scorers over stored articles and keeping their score rows current."""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from analysis.models import Score, ScoringBatch
from analysis.scoring import all_scorers
from newsdesk.models import Article, ScoringStatus

log = logging.getLogger(__name__)

# Articles per Celery task: a task costs more in broker round trips than scoring one
# article, so bulk work travels in chunks.
CHUNK_SIZE = 50


def article_score(*, article_id: int, batch_id: int | None = None) -> bool:
    """Run every scorer on one article and store the results; idempotent.

    Returns False if a scorer failed (the article is marked failed with the reason).
    Database errors propagate so that the task can retry them.
    """
    article = Article.objects.filter(pk=article_id).only("pk", "body").first()
    if article is None:
        return False
    try:
        results = [(scorer, scorer(article.body)) for scorer in all_scorers()]
    except DatabaseError:
        raise
    except Exception as exc:  # a scorer bug must not lose the article
        log.exception("Scoring article %s failed", article_id)
        _finish(article_id, batch_id, ok=False, error=f"{exc.__class__.__name__}: {exc}")
        return False
    with transaction.atomic():
        for scorer, result in results:
            Score.objects.update_or_create(
                article_id=article_id,
                scorer=scorer.name,
                defaults={
                    "version": scorer.version,
                    "values": result.values,
                    "evidence": result.evidence,
                },
            )
        _finish(article_id, batch_id, ok=True)
    return True


def _finish(article_id: int, batch_id: int | None, *, ok: bool, error: str = "") -> None:
    Article.objects.filter(pk=article_id).update(
        scoring_status=ScoringStatus.SCORED if ok else ScoringStatus.FAILED,
        scoring_error=error[:2000],
        scored_at=timezone.now() if ok else None,
    )
    if batch_id:
        field = "done" if ok else "failed"
        ScoringBatch.objects.filter(pk=batch_id).update(**{field: F(field) + 1})


def articles_queue_scoring(
    *, article_ids: list[int], label: str = "", user=None, track: bool = True
) -> ScoringBatch | None:
    """Mark articles queued and send them to the workers once the transaction commits.

    With ``track`` the work is counted in a ScoringBatch that the progress bar follows.
    """
    from analysis.tasks import score_articles

    ids = list(article_ids)
    if not ids:
        return None
    batch = None
    if track:
        batch = ScoringBatch.objects.create(label=label[:200], total=len(ids), created_by=user)
    for start in range(0, len(ids), 1000):
        Article.objects.filter(pk__in=ids[start : start + 1000]).update(
            scoring_status=ScoringStatus.QUEUED, scoring_error=""
        )
    chunks = [ids[i : i + CHUNK_SIZE] for i in range(0, len(ids), CHUNK_SIZE)]

    def send() -> None:
        for chunk in chunks:
            score_articles.delay(chunk, batch.pk if batch else None)

    transaction.on_commit(send)
    return batch


def articles_needing_scores(queryset=None):
    """Articles missing a score from a current scorer version, or never scored."""
    queryset = Article.objects.all() if queryset is None else queryset
    outdated = Q()
    for scorer in all_scorers():
        current = Score.objects.filter(scorer=scorer.name, version=scorer.version)
        outdated |= ~Q(pk__in=current.values("article_id"))
    return queryset.filter(outdated)
