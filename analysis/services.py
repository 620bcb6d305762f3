"""Running the scorers over stored articles and keeping their score rows current."""

from __future__ import annotations

import datetime as dt
import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from analysis.event_report import events_mark_stale
from analysis.models import Actor, Score, ScoringBatch, ScoringReceipt
from analysis.score_store import ScoreRow, scores_upsert
from analysis.scoring import actors, all_scorers, score_texts
from newsdesk.models import Article, Outlet, ScoringStatus

log = logging.getLogger(__name__)

# Articles per Celery task: a task costs more in broker round trips and queries than
# scoring one article, so bulk work travels in chunks and is written in bulk.
CHUNK_SIZE = 100
# Articles marked queued per transaction when a request is not inside one.
QUEUE_BLOCK = 500
# Articles one sweep re-sends at most; the next sweep takes the rest.
SWEEP_LIMIT = 10_000


def curated_actors() -> tuple[actors.CuratedActor, ...]:
    """The admins' actor list, as the actor detector takes it (read once per chunk)."""
    return tuple(
        actors.CuratedActor(name=name, kind=kind, aliases=tuple(aliases or ()))
        for name, kind, aliases in Actor.objects.values_list("name", "kind", "aliases")
    )


def article_score(*, article_id: int, batch_id: int | None = None) -> bool:
    """Score one article; False if a scorer failed (see articles_score)."""
    done, failed = articles_score(article_ids=[article_id], batch_id=batch_id)
    return done == 1 and not failed


def articles_score(
    *, article_ids: list[int], batch_id: int | None = None, receipt: str = ""
) -> tuple[int, int]:
    """Run every scorer on these articles and upsert the results; idempotent.

    An article whose scorer raises is marked failed with the reason and does not stop
    the others. Database errors propagate so that the task can retry the chunk.
    ``receipt`` (the task id) makes a re-run of the same task leave its batch's counts
    alone. Returns (scored, failed); articles deleted meanwhile count as neither.
    """
    scorers = all_scorers()
    actors.CURATED = curated_actors()
    rows: list[ScoreRow] = []
    scored: list[int] = []
    failures: dict[int, str] = {}
    rows_in = list(Article.objects.filter(pk__in=article_ids).values_list("pk", "body", "language"))
    outcomes = score_texts(
        [body for _, body, _ in rows_in], scorers, [language for _, _, language in rows_in]
    )
    for (article_id, _, _), outcome in zip(rows_in, outcomes, strict=True):
        if isinstance(outcome, DatabaseError):
            raise outcome  # the task retries the chunk
        if isinstance(outcome, Exception):  # a scorer bug must not lose the article
            log.error("Scoring article %s failed", article_id, exc_info=outcome)
            failures[article_id] = f"{outcome.__class__.__name__}: {outcome}"[:2000]
            continue
        scored.append(article_id)
        rows.extend(
            ScoreRow(
                article_id=article_id,
                scorer=scorer.name,
                version=scorer.version,
                values=result.values,
                evidence=result.evidence,
            )
            for scorer, result in zip(scorers, outcome, strict=True)
        )
    with transaction.atomic():
        scores_upsert(rows=rows)
        Article.objects.filter(pk__in=scored).update(
            scoring_status=ScoringStatus.SCORED, scoring_error="", scored_at=timezone.now()
        )
        for article_id, error in failures.items():
            Article.objects.filter(pk=article_id).update(
                scoring_status=ScoringStatus.FAILED, scoring_error=error, scored_at=None
            )
        if batch_id and (not receipt or _first_receipt(receipt)):
            ScoringBatch.objects.filter(pk=batch_id).update(
                done=F("done") + len(scored), failed=F("failed") + len(failures)
            )
        events = Article.objects.filter(pk__in=scored, event__isnull=False).values_list(
            "event_id", flat=True
        )
        events_mark_stale(event_ids=set(events))
        if scored and settings.NEWSDESK_GROUP_EVENTS:
            from analysis.tasks import group_articles

            transaction.on_commit(lambda: group_articles.delay(scored))
    return len(scored), len(failures)


def _first_receipt(task_id: str) -> bool:
    """Record that this task's results are committed; False if it was already."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ScoringReceipt._meta.db_table} (task_id, created_at) "
            "VALUES (%s, %s) ON CONFLICT (task_id) DO NOTHING",
            [task_id, timezone.now()],
        )
        return cursor.rowcount == 1


def articles_group(*, article_ids: list[int]) -> None:
    """Index scored articles for grouping and place those not yet in an event."""
    from newsdesk.grouping import article_index, article_placement

    events: set[int] = set()
    articles = (
        Article.objects.filter(pk__in=article_ids).defer("raw").order_by("published_at", "pk")
    )
    for article in articles:
        terms = article_index(article=article)
        if article.event_id is None:
            placement = article_placement(article=article, terms=terms)
            if placement.event is not None:
                events.add(placement.event.pk)
    events_mark_stale(event_ids=events)


def articles_queue_scoring(
    *,
    article_ids: list[int],
    label: str = "",
    user=None,
    track: bool = True,
    chunk_size: int = CHUNK_SIZE,
    batch: ScoringBatch | None = None,
) -> ScoringBatch | None:
    """Mark articles queued and send them to the workers, block by block.

    Called outside a transaction, each block is marked and sent in a transaction of its
    own: a rescore of the whole archive starts scoring at once instead of after marking
    every article, and holds no transaction over all their rows. Inside a caller's
    transaction, everything is sent when it commits. With ``track`` the work is counted
    in a ScoringBatch that the progress bar follows (a new one, or ``batch``); its total
    grows with each block sent, so that a request that dies midway counts only what the
    workers received.
    """
    ids = list(article_ids)
    if not ids:
        return batch
    block_size = chunk_size * max(1, QUEUE_BLOCK // chunk_size)
    now = timezone.now()
    for start in range(0, len(ids), block_size):
        block = ids[start : start + block_size]
        with transaction.atomic():
            Article.objects.filter(pk__in=block).update(
                scoring_status=ScoringStatus.QUEUED, scoring_error="", scoring_queued_at=now
            )
            if track and batch is None:
                batch = ScoringBatch.objects.create(
                    label=label[:200], total=len(block), created_by=user
                )
            elif batch is not None:
                ScoringBatch.objects.filter(pk=batch.pk).update(total=F("total") + len(block))
            chunks = [block[i : i + chunk_size] for i in range(0, len(block), chunk_size)]
            transaction.on_commit(partial(_send, chunks, batch.pk if batch else None))
    if batch is not None:
        batch.refresh_from_db(fields=["total"])
    return batch


def rescore_start(
    *, label: str, user=None, outlet_id: int | None, since: dt.date | None, everything: bool
) -> ScoringBatch:
    """A batch shown at once, whose articles a worker chooses and queues: marking a large
    archive queued takes longer than a web request may (0.25 ms an article)."""
    from analysis.tasks import prepare_rescore

    batch = ScoringBatch.objects.create(label=label[:200], created_by=user, preparing=True)
    arguments = (batch.pk, outlet_id, since.isoformat() if since else None, everything)
    transaction.on_commit(lambda: prepare_rescore.delay(*arguments))
    return batch


def rescore_prepare(
    *, batch_id: int, outlet_id: int | None, since: dt.date | None, everything: bool
) -> int:
    """In a worker: queue the articles of the rescore that ``rescore_start`` began;
    how many. The batch is marked prepared even if this fails (it counts what was sent)."""
    from analysis.selectors import articles_for_rescore

    batch = ScoringBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return 0  # deleted meanwhile
    try:
        outlet = Outlet.objects.filter(pk=outlet_id).first() if outlet_id else None
        articles = articles_for_rescore(outlet=outlet, since=since, everything=everything)
        if outlet_id and outlet is None:
            articles = articles.none()  # the outlet was deleted meanwhile
        ids = list(articles.values_list("pk", flat=True))
        articles_queue_scoring(article_ids=ids, batch=batch)
        return len(ids)
    finally:
        ScoringBatch.objects.filter(pk=batch_id).update(preparing=False)


def _send(chunks: list[list[int]], batch_id: int | None) -> None:
    from analysis.tasks import score_articles

    for chunk in chunks:
        score_articles.delay(chunk, batch_id)


def articles_needing_scores(queryset=None):
    """Articles missing a score from a current scorer version, or never scored."""
    queryset = Article.objects.all() if queryset is None else queryset
    outdated = Q()
    for scorer in all_scorers():
        current = Score.objects.filter(scorer=scorer.name, version=scorer.version)
        outdated |= ~Q(pk__in=current.values("article_id"))
    return queryset.filter(outdated)


def articles_sweep(*, stuck_after: timedelta, receipts_kept: timedelta = timedelta(days=2)) -> int:
    """Re-send articles that no worker will score: queued longer than ``stuck_after``
    (the broker lost the task: Redis restarted or emptied) or never queued at all.

    Scoring is idempotent, so an article re-sent while its first task is merely slow
    is scored twice with the same result, never duplicated. Returns how many were sent.
    """
    cutoff = timezone.now() - stuck_after
    stuck = Article.objects.filter(
        Q(scoring_status=ScoringStatus.QUEUED, scoring_queued_at__lt=cutoff)
        | Q(scoring_status=ScoringStatus.QUEUED, scoring_queued_at__isnull=True)
        | Q(scoring_status=ScoringStatus.PENDING, created_at__lt=cutoff)
    )
    ids = list(stuck.order_by("pk").values_list("pk", flat=True)[:SWEEP_LIMIT])
    # A rescore whose preparing task the broker lost would say "queueing" for ever.
    ScoringBatch.objects.filter(preparing=True, created_at__lt=cutoff).update(preparing=False)
    ScoringReceipt.objects.filter(created_at__lt=timezone.now() - receipts_kept).delete()
    if ids:
        log.warning("Sweep: re-queueing %d articles left unscored", len(ids))
        with transaction.atomic():
            articles_queue_scoring(article_ids=ids, label="sweep", track=False)
    return len(ids)
