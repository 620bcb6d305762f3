"""Imports and URL fetches as jobs that a worker carries out while their page shows the
progress: a 10,000-row file took a web worker past gunicorn's 30 s (it was killed,
half the rows stored, no one told), and a slow server held one for as long.

A job works in steps of ROWS_PER_STEP rows, each committed with its rows' outcomes and
the position reached, so that a task stopped midway (a worker killed, a redelivery)
resumes after the last committed step; a task works for RUN_SECONDS and sends the rest
on to a task of its own, well within the time limits. The sweep re-sends a job that has
not moved for long (its task lost).
"""

from __future__ import annotations

import io
import logging
import time
from itertools import islice

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsdesk import tasks
from newsdesk.importer import RowOutcome, row_import
from newsdesk.ingest.bulk import detect_format, read_rows
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.fetch import check_literal_address
from newsdesk.models import Article, IngestJob, IngestJobRow, Outlet
from newsdesk.services import DuplicateArticle, article_ingest_url
from newsdesk.signals import articles_stored

log = logging.getLogger(__name__)

ROWS_PER_STEP = 100
RUN_SECONDS = 45.0


def _send(job: IngestJob) -> None:
    tasks.run_ingest_job.delay_on_commit(job.pk)


def import_job_create(*, name: str, text: str, user=None) -> IngestJob:
    """A job importing the rows of an import file's decoded text (JSON Lines or CSV,
    by ``name``); its task is sent once the request commits."""
    detect_format(name)
    job = IngestJob.objects.create(
        kind=IngestJob.Kind.IMPORT, name=name[:1000], source=text, created_by=_user(user)
    )
    _send(job)
    return job


def url_job_create(*, url: str, user=None, outlet: Outlet | None = None) -> IngestJob:
    """A job fetching and storing the article at ``url``; a URL naming a private or
    local address is refused at once (IngestError)."""
    check_literal_address(url)
    job = IngestJob.objects.create(
        kind=IngestJob.Kind.URL,
        name=url[:1000],
        source=url,
        outlet=outlet,
        created_by=_user(user),
    )
    _send(job)
    return job


def _user(user):
    return user if user is not None and user.is_authenticated else None


def ingest_job_run(*, job_id: int, seconds: float | None = None) -> None:
    """In a worker: carry the job on from where it stands, for ``seconds`` (RUN_SECONDS)
    at most, then send the rest on; idempotent."""
    job = IngestJob.objects.select_related("created_by", "outlet").filter(pk=job_id).first()
    if job is None or not job.is_running:
        return  # deleted, or finished by an earlier delivery of the same task
    IngestJob.objects.filter(pk=job.pk).update(
        status=IngestJob.Status.RUNNING, updated_at=timezone.now()
    )
    if job.kind == IngestJob.Kind.URL:
        _run_url(job)
    else:
        _run_import(job, RUN_SECONDS if seconds is None else seconds)


def _run_url(job: IngestJob) -> None:
    # One transaction with the outcome: a task killed after storing the article and
    # before recording it would, run again, report its own article as a duplicate.
    with transaction.atomic():
        try:
            article = article_ingest_url(url=job.source, user=job.created_by, outlet=job.outlet)
        except DuplicateArticle as exc:
            outcome = RowOutcome(RowOutcome.DUPLICATE, str(exc), exc.existing)
        except IngestError as exc:
            outcome = RowOutcome(RowOutcome.REFUSED, str(exc))
        else:
            outcome = RowOutcome(RowOutcome.STORED, "", article)
        _record(job, [(1, outcome)])
        _finish(job)


def _run_import(job: IngestJob, seconds: float) -> None:
    started = time.monotonic()
    fmt = detect_format(job.name)
    try:
        if job.total is None:  # the last row's number, which the position reaches
            job.total = 0
            for row in read_rows(io.StringIO(job.source, newline=""), fmt):
                job.total = row.number
            IngestJob.objects.filter(pk=job.pk).update(total=job.total)
        rows = read_rows(io.StringIO(job.source, newline=""), fmt)
        remaining = (row for row in rows if row.number > job.position)
        while step := list(islice(remaining, ROWS_PER_STEP)):
            with transaction.atomic():
                outcomes = [(row.number, row_import(row=row, user=job.created_by)) for row in step]
                _record(job, outcomes)
                job.position = step[-1].number
                if job.position < job.total and time.monotonic() - started > seconds:
                    _send(job)  # the rest in a task of its own, after this commit
                    return
    except IngestError as exc:  # the file as a whole (a CSV without a text column)
        IngestJob.objects.filter(pk=job.pk).update(
            status=IngestJob.Status.FAILED,
            error=str(exc),
            source="",
            updated_at=timezone.now(),
            finished_at=timezone.now(),
        )
        return
    _finish(job)


def _record(job: IngestJob, outcomes: list[tuple[int, RowOutcome]]) -> None:
    """Store a step's outcomes, queue its articles' scoring in the job's batch, and move
    the job's position past it; inside the step's transaction."""
    IngestJobRow.objects.bulk_create(
        IngestJobRow(job=job, number=number, outcome=o.kind, detail=o.detail, article=o.article)
        for number, o in outcomes
    )
    stored = [o.article.pk for _, o in outcomes if o.kind == RowOutcome.STORED]
    if stored:
        articles_stored.send(
            sender=Article,
            article_ids=stored,
            label=f"{job.get_kind_display()} of {job.name}",
            user=job.created_by,
            job=job,
        )
    counts = {kind: sum(1 for _, o in outcomes if o.kind == kind) for kind in _COUNTERS}
    IngestJob.objects.filter(pk=job.pk).update(
        position=outcomes[-1][0],
        scoring_batch_id=job.scoring_batch_id,
        updated_at=timezone.now(),
        **{field: F(field) + counts[kind] for kind, field in _COUNTERS.items()},
    )


_COUNTERS = {
    RowOutcome.STORED: "stored",
    RowOutcome.DUPLICATE: "duplicates",
    RowOutcome.REFUSED: "refused",
}


def _finish(job: IngestJob) -> None:
    now = timezone.now()
    IngestJob.objects.filter(pk=job.pk).update(
        status=IngestJob.Status.DONE,
        source="" if job.kind == IngestJob.Kind.IMPORT else job.source,
        updated_at=now,
        finished_at=now,
    )


def ingest_jobs_resume(*, stuck_before) -> int:
    """Re-send the jobs that have not moved since ``stuck_before`` (their task was lost);
    how many. Called by the sweep."""
    ids = list(
        IngestJob.objects.filter(
            status__in=[IngestJob.Status.QUEUED, IngestJob.Status.RUNNING],
            updated_at__lt=stuck_before,
        ).values_list("pk", flat=True)
    )
    for pk in ids:
        log.warning("Sweep: re-sending ingest job %s, which has not moved", pk)
        IngestJob.objects.filter(pk=pk).update(updated_at=timezone.now())
        tasks.run_ingest_job.delay_on_commit(pk)
    return len(ids)
