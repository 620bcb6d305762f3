"""The scoring pipeline through a real Celery worker process on the configured broker.

CI sets CELERY_BROKER_URL to Redis and DATABASE_URL to PostgreSQL; the worker shares
the test database with this process, so the tests commit (transactional_db).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from analysis.models import Score, ScoringBatch
from analysis.services import articles_queue_scoring
from newsdesk.celery import app as celery_app
from newsdesk.models import Article, ScoringStatus
from tests.conftest import scorer_names
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _require_broker() -> str:
    url = settings.CELERY_BROKER_URL
    if os.environ.get("CI") and not url.startswith("redis"):
        pytest.fail(f"CI must run the worker tests on Redis, not {url}")
    if url.startswith("redis"):
        import redis

        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            if os.environ.get("CI"):
                pytest.fail(f"Redis is not reachable at {url}: {exc}")
            pytest.skip(f"Redis is not reachable at {url}")
    return url


@pytest.fixture
def worker(tmp_path):
    broker = _require_broker()
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "SECRET_KEY": "worker-test-secret",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
        "CELERY_GROUPING_QUEUE": settings.CELERY_GROUPING_QUEUE,
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "newsdesk",
                "worker",
                "--loglevel=info",
                "--concurrency=2",
                "-n",
                f"test-{os.getpid()}@%h",
                "-Q",
                f"{settings.CELERY_TASK_DEFAULT_QUEUE},{settings.CELERY_GROUPING_QUEUE}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while "ready." not in log_path.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{log_path.read_text()}")
            time.sleep(0.2)
        celery_app.conf.task_always_eager = False
        yield log_path
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


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
