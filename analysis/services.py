"""Running the scorers over stored articles and keeping their score rows current."""

from __future__ import annotations

import datetime as dt
import logging
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from analysis.models import Actor, Score, ScoringBatch
from analysis.score_store import ScoreRow, scores_upsert
from analysis.scoring import ScoringContext, actors, all_scorers, gc_paused, score_texts
from analysis.selectors import articles_for_rescore
from analysis.signals import articles_scored
from newsdesk.jobs import ingest_jobs_resume
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


def scoring_context() -> ScoringContext:
    """What the scorers and event grouping take besides an article's text: the curated
    actors, as stored now."""
    return ScoringContext(curated_actors=curated_actors())


def article_score(*, article_id: int) -> bool:
    """Score one article; False if a scorer failed (see articles_score)."""
    done, failed = articles_score(article_ids=[article_id])
    return done == 1 and not failed


# A task that began scoring an article and never finished (its worker was killed, or
# the task's time limit struck) leaves the article's attempt counted. The next task to
# get it scores it alone; after this many unfinished attempts it is marked failed.
MAX_ATTEMPTS = 2


def articles_score(*, article_ids: list[int]) -> tuple[int, int]:
    """Run every scorer on these articles and upsert the results; idempotent.

    An article whose scorer raises, or takes longer than NEWSDESK_SCORING_BUDGET, is
    marked failed with the reason and does not stop the others. An article that a
    previous task began and never finished is sent on alone (its chunk's others
    together), and fails after MAX_ATTEMPTS, unless the last attempt began less than
    the task's time limit ago: another delivery of the same work may still be on it,
    and this one leaves it to that (if it was killed, its redelivery or the sweep comes
    back after the limit). Database errors propagate so that the task can retry the
    chunk. Each article counts once in the progress of its own batch
    (Article.scoring_batch_id), when it leaves the queue, so that a task run twice or
    re-sent by the sweep counts nothing twice. Returns (scored, failed); articles deleted
    meanwhile, sent on or left to another delivery count as neither.
    """
    # The collector stays paused until the scores are stored and freed (see gc_paused).
    with gc_paused():
        return _articles_score(article_ids)


def _articles_score(article_ids: list[int]) -> tuple[int, int]:
    scorers = all_scorers()
    ids = list(dict.fromkeys(article_ids))
    now = timezone.now()
    with transaction.atomic():
        # Locked (in id order, as _finish locks, so that two tasks on overlapping chunks
        # cannot deadlock), so that two deliveries of the same work each see the other's
        # attempt; recorded (and committed) before scoring: if this task dies, the next
        # one knows.
        rows = list(
            Article.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", "body", "scoring_attempts", "language", "scoring_started_at")
        )
        unfinished = {pk for pk, _, attempts, *_ in rows if attempts}
        if unfinished and len(rows) > 1:
            return _isolate(rows=rows, suspects=unfinished)
        if unfinished:
            pk, _, attempts, _, started = rows[0]
            if attempts >= MAX_ATTEMPTS:
                if started and now - started < timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT):
                    log.warning("Scoring article %s: another delivery is still on it", pk)
                    return 0, 0
                return _finish(
                    failures={
                        pk: f"Scoring stopped {attempts} times before it finished (the "
                        "worker was killed or the task's time limit struck)."
                    },
                    if_queued=True,
                )
        Article.objects.filter(pk__in=ids).update(
            scoring_attempts=F("scoring_attempts") + 1, scoring_started_at=now
        )
    outcomes = score_texts(
        [body for _, body, *_ in rows],
        scorers,
        [language for _, _, _, language, _ in rows],
        context=scoring_context(),
        budget=settings.NEWSDESK_SCORING_BUDGET,
        stop_on=(DatabaseError, SoftTimeLimitExceeded),
    )
    score_rows: list[ScoreRow] = []
    scored: list[int] = []
    failures: dict[int, str] = {}
    for (article_id, *_), outcome in zip(rows, outcomes, strict=True):
        if isinstance(outcome, Exception):  # a scorer bug must not lose the article
            log.error("Scoring article %s failed", article_id, exc_info=outcome)
            failures[article_id] = f"{outcome.__class__.__name__}: {outcome}"[:2000]
            continue
        scored.append(article_id)
        score_rows.extend(
            ScoreRow(
                article_id=article_id,
                scorer=scorer.name,
                version=scorer.version,
                values=result.values,
                evidence=result.evidence,
            )
            for scorer, result in zip(scorers, outcome, strict=True)
        )
    return _finish(rows=score_rows, scored=scored, failures=failures)


def _finish(
    *,
    rows: list[ScoreRow] = (),
    scored: list[int] = (),
    failures: dict[int, str],
    if_queued: bool = False,
) -> tuple[int, int]:
    """Store the scores and statuses; credit each batch with its articles that left
    the queue now (not those that an earlier run of the same work already counted).
    With ``if_queued``, the failures are the task's (a time limit, a killed worker), not
    the text's: an article that another delivery of the same work finished keeps that."""
    with transaction.atomic():
        leaving = dict(
            Article.objects.select_for_update()
            .filter(pk__in=[*scored, *failures], scoring_status=ScoringStatus.QUEUED)
            .order_by("pk")
            .values_list("pk", "scoring_batch_id")
        )
        if if_queued:
            failures = {pk: error for pk, error in failures.items() if pk in leaving}
        credit: dict[int, list[int]] = {}
        for pk, batch in leaving.items():
            if batch is not None:
                counts = credit.setdefault(batch, [0, 0])
                counts[pk in failures] += 1
        scores_upsert(rows=rows)
        Article.objects.filter(pk__in=scored).update(
            scoring_status=ScoringStatus.SCORED,
            scoring_error="",
            scored_at=timezone.now(),
            scoring_attempts=0,
        )
        for article_id, error in failures.items():
            Article.objects.filter(pk=article_id).update(
                scoring_status=ScoringStatus.FAILED,
                scoring_error=error,
                scored_at=None,
                scoring_attempts=0,
            )
        for batch, (done, failed) in credit.items():
            ScoringBatch.objects.filter(pk=batch).update(
                done=F("done") + done, failed=F("failed") + failed
            )
        if scored:
            articles_scored.send(sender=Score, article_ids=list(scored))
    return len(scored), len(failures)


def _isolate(*, rows: list, suspects: set[int]) -> tuple[int, int]:
    """Send each article that an unfinished task left behind in a task of its own, and
    the others together, so that one text that kills its worker takes no other down."""
    others = sorted(pk for pk, *_ in rows if pk not in suspects)
    log.warning("Scoring articles %s alone: a previous task on them did not finish", suspects)
    _send_on_commit([[pk] for pk in sorted(suspects)] + ([others] if others else []))
    return 0, 0


def articles_score_interrupted(*, article_ids: list[int]) -> None:
    """The task's soft time limit struck while it scored these articles: a chunk is
    split into tasks of one article each; a lone article is marked failed."""
    if len(article_ids) > 1:
        with transaction.atomic():
            _send_on_commit([[pk] for pk in article_ids])
        return
    _finish(
        failures={pk: "Scoring took longer than the task's time limit." for pk in article_ids},
        if_queued=True,
    )


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
            if track and batch is None:
                batch = ScoringBatch.objects.create(label=label[:200], created_by=user)
            marked = {"scoring_batch_id": batch.pk} if batch is not None else {}
            # Counted as marked: an id deleted meanwhile would hold the batch open.
            queued = Article.objects.filter(pk__in=block).update(
                scoring_status=ScoringStatus.QUEUED,
                scoring_error="",
                scoring_queued_at=now,
                scoring_attempts=0,
                **marked,
            )
            if batch is not None:
                ScoringBatch.objects.filter(pk=batch.pk).update(total=F("total") + queued)
            chunks = [block[i : i + chunk_size] for i in range(0, len(block), chunk_size)]
            _send_on_commit(chunks)
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
    since_text = since.isoformat() if since else None
    prepare_rescore.delay_on_commit(batch.pk, outlet_id, since_text, everything)
    return batch


def rescore_prepare(
    *, batch_id: int, outlet_id: int | None, since: dt.date | None, everything: bool
) -> int:
    """In a worker: queue the articles of the rescore that ``rescore_start`` began;
    how many. The batch is marked prepared even if this fails (it counts what was sent)."""
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


def _send_on_commit(chunks: list[list[int]]) -> None:
    from analysis.tasks import score_articles

    for chunk in chunks:
        score_articles.delay_on_commit(chunk)


def articles_sweep(*, stuck_after: timedelta) -> dict[str, int]:
    """Bring back work whose task was lost (the broker restarted or emptied, a send
    failed, a worker was killed), found by its state in the database:

    - articles queued longer than ``stuck_after``, or never queued: re-sent for scoring,
      their batch kept, so that it counts them when they are scored;
    - batches that nothing left in the queue can finish (their articles were deleted
      or taken by a later batch): closed, with what they never got;
    - rescores whose preparing task was lost: their "queueing" ended;
    - imports and URL fetches that have not moved for ``stuck_after``: re-sent.

    Scoring and grouping are idempotent, so work re-sent while its first task is merely
    slow is done twice with the same result, and counted once. Returns how many of each
    were sent or closed.
    """
    cutoff = timezone.now() - stuck_after
    stuck = Article.objects.filter(
        Q(scoring_status=ScoringStatus.QUEUED, scoring_queued_at__lt=cutoff)
        | Q(scoring_status=ScoringStatus.QUEUED, scoring_queued_at__isnull=True)
        | Q(scoring_status=ScoringStatus.PENDING, created_at__lt=cutoff)
    )
    ids = list(stuck.order_by("pk").values_list("pk", flat=True)[:SWEEP_LIMIT])
    if ids:
        log.warning("Sweep: re-queueing %d articles left unscored", len(ids))
        with transaction.atomic():
            # Only the state and time are renewed: the batch stays the one counting them.
            Article.objects.filter(pk__in=ids).update(
                scoring_status=ScoringStatus.QUEUED, scoring_queued_at=timezone.now()
            )
            _send_on_commit([ids[i : i + CHUNK_SIZE] for i in range(0, len(ids), CHUNK_SIZE)])
    # A rescore whose preparing task the broker lost would say "queueing" for ever.
    ScoringBatch.objects.filter(preparing=True, created_at__lt=cutoff).update(preparing=False)
    closed = _close_orphaned_batches(cutoff)
    jobs = ingest_jobs_resume(stuck_before=cutoff)
    return {
        "scoring": len(ids),
        "batches": closed,
        "jobs": jobs,
    }


def _close_orphaned_batches(cutoff: dt.datetime) -> int:
    """Batches still running that no queued article belongs to can never finish."""
    waiting = Article.objects.filter(
        scoring_status=ScoringStatus.QUEUED, scoring_batch_id=OuterRef("pk")
    )
    orphans = (
        ScoringBatch.objects.filter(preparing=False, created_at__lt=cutoff)
        .filter(total__gt=F("done") + F("failed") + F("abandoned"))
        .exclude(Exists(waiting))
    )
    closed = 0
    for batch in orphans:
        log.warning("Sweep: closing batch %s at %d of %d", batch.pk, batch.finished, batch.total)
        closed += ScoringBatch.objects.filter(pk=batch.pk).update(
            abandoned=F("total") - F("done") - F("failed")
        )
    return closed
