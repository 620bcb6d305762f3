"""The scoring pipeline through a real Celery worker process on the configured broker."""

import os
import time

import pytest
from django.db import connection, transaction

from analysis.models import Score, ScoringBatch
from analysis.services import articles_queue_scoring
from newsdesk.models import Article, ScoringStatus
from tests.conftest import scorer_names
from tests.factories import ArticleFactory
from tests.integration.workers import database_url, running_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(tmp_path):
    with running_worker(tmp_path / "worker.log", name="test") as log_path:
        yield log_path


def _wait_until_scored(ids: list[int], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = Article.objects.filter(pk__in=ids).exclude(scoring_status=ScoringStatus.SCORED)
        if not pending.exists():
            return
        time.sleep(0.2)
    statuses = dict(Article.objects.filter(pk__in=ids).values_list("pk", "scoring_status"))
    pytest.fail(f"Not scored within {timeout}s: {statuses}")


def test_a_worker_scores_articles_queued_after_commit(worker):
    articles = [
        ArticleFactory(
            body=f"The mayor praised the excellent new bridge number {n}. Critics said it was a terrible waste."
        )
        for n in range(120)
    ]
    ids = [a.pk for a in articles]
    with transaction.atomic():
        batch = articles_queue_scoring(article_ids=ids, label="integration")

    _wait_until_scored(ids)

    assert Score.objects.filter(article_id__in=ids).count() == len(scorer_names()) * len(ids)
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (120, 0)
    sentiment = Score.objects.get(article=articles[0], scorer="sentiment")
    assert sentiment.values["compound_max"] > 0.5
    assert sentiment.values["compound_min"] < -0.4
    assert "succeeded" in worker.read_text()

    # Grouping follows on its own queue: every article ends up in an event, by the machine.
    deadline = time.monotonic() + 60
    while Article.objects.filter(pk__in=ids, event__isnull=True).exists():
        assert time.monotonic() < deadline, worker.read_text()[-3000:]
        time.sleep(0.2)
    assert set(Article.objects.filter(pk__in=ids).values_list("event_source", flat=True)) == {
        "machine"
    }


def test_scoring_twice_through_the_worker_keeps_one_row_per_scorer(worker):
    article = ArticleFactory()
    for _ in range(2):
        with transaction.atomic():
            articles_queue_scoring(article_ids=[article.pk], track=False)
        _wait_until_scored([article.pk])
        Article.objects.filter(pk=article.pk).update(scoring_status=ScoringStatus.QUEUED)

    time.sleep(0.5)
    assert (
        set(Score.objects.filter(article=article).values_list("scorer", flat=True))
        == scorer_names()
    )
    assert ScoringBatch.objects.count() == 0


def _worker_sessions(name: str) -> dict[int, object]:
    """The PostgreSQL sessions of the worker whose connections carry this name."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, backend_start FROM pg_stat_activity WHERE application_name = %s",
            [name],
        )
        return dict(cursor.fetchall())


def test_tasks_reuse_their_process_database_session(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("sessions are PostgreSQL's (CI runs this on PostgreSQL)")
    name = f"newsdesk-reuse-{os.getpid()}"
    env = {"DATABASE_URL": f"{database_url()}?application_name={name}"}
    with running_worker(tmp_path / "worker.log", name="reuse", env=env):
        _check_session_reuse(name)


def _check_session_reuse(name: str) -> None:
    warm_up = [ArticleFactory().pk for _ in range(4)]
    articles_queue_scoring(article_ids=warm_up, chunk_size=1, track=False)
    _wait_until_scored(warm_up)
    first = _worker_sessions(name)
    # Between tasks the two pool processes keep their sessions open...
    assert 1 <= len(first) <= 2, first
    more = [ArticleFactory().pk for _ in range(8)]
    articles_queue_scoring(article_ids=more, chunk_size=1, track=False)
    _wait_until_scored(more)
    second = _worker_sessions(name)
    # ...and the next tasks run on them instead of opening new ones.
    assert first.items() <= second.items() and len(second) <= 2, (first, second)


def test_a_rescore_from_the_scoring_page_is_queued_and_scored_by_the_worker(worker):
    from analysis.services import rescore_start

    ids = [ArticleFactory().pk for _ in range(7)]
    with transaction.atomic():
        batch = rescore_start(label="page", outlet_id=None, since=None, everything=True)

    _wait_until_scored(ids)
    deadline = time.monotonic() + 30
    while True:
        batch.refresh_from_db()
        if not batch.is_running:
            break
        assert time.monotonic() < deadline, (batch.total, batch.done, batch.preparing)
        time.sleep(0.2)
    assert (batch.total, batch.done, batch.failed, batch.preparing) == (7, 7, 0, False)


def test_a_worker_imports_a_file_and_reports_every_row(worker, analyst):
    import json

    from newsdesk.jobs import import_job_create
    from newsdesk.models import IngestJob

    # Written for the tests: 150 distinct short reports, one of them without text.
    rows = [
        {"title": f"Ferry report {i}", "text": f"The ferry to the island ran late on day {i}."}
        for i in range(1, 150)
    ] + [{"title": "no text"}]
    text = "\n".join(json.dumps(row) for row in rows)
    with transaction.atomic():
        job = import_job_create(name="ferries.jsonl", text=text, user=analyst)

    deadline = time.monotonic() + 90
    while IngestJob.objects.get(pk=job.pk).is_running:
        assert time.monotonic() < deadline, worker.read_text()[-3000:]
        time.sleep(0.2)

    job.refresh_from_db()
    assert (job.status, job.stored, job.refused, job.rows.count()) == ("done", 149, 1, 150)
    _wait_until_scored(list(Article.objects.values_list("pk", flat=True)))
    batch = ScoringBatch.objects.get(pk=job.scoring_batch_id)
    assert (batch.total, batch.done) == (149, 149)
