"""Scoring survives a worker killed mid-batch and a broker that lost its queue.

Both need Redis: the kill test relies on Redis's visibility timeout to hand the
killed worker's unacknowledged tasks to the next worker. Like a deployment, its second
worker also runs beat's sweep, for the one task the timeout cannot bring back: kombu's
Redis transport takes a message off the queue and records it as unacknowledged in two
steps, and a message taken by a worker killed between them is gone from Redis. (So is,
for five minutes, the restoring, if the kill lands while the killed worker holds kombu's
restore lock.)
"""

import contextlib
import time

import pytest
from django.conf import settings
from django.db import transaction
from django.db.models import Count

from analysis.models import Score
from analysis.services import articles_queue_scoring
from newsdesk.models import Article, ScoringStatus
from tests.conftest import scorer_names
from tests.factories import ArticleFactory
from tests.integration.workers import (
    kill_worker,
    require_broker,
    start_worker,
    stop_worker,
    tasks_sent_to_workers,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# Redelivery settings for the workers of these tests: a task left unacknowledged for
# 10 s is handed out again, checked every second. Not shorter: on a loaded machine a
# chunk can take a few seconds to score, and a task still being worked on would be
# handed out again and again (correct, since scoring is idempotent, but slow enough to
# time the test out).
FAST_REDELIVERY = {"CELERY_VISIBILITY_TIMEOUT": "10", "CELERY_UNACKED_RESTORE_INTERVAL": "1"}
# The sweep, every 5 s, for articles queued over a minute ago: long after the timeout has
# brought back what it can (so that it re-sends only what Redis lost), well within the
# wait below.
SWEEP_LOST = {"NEWSDESK_SWEEP_INTERVAL": "5", "NEWSDESK_SWEEP_STUCK_AFTER": "60"}


@pytest.fixture
def not_eager():
    with tasks_sent_to_workers():
        yield


def _articles(n: int) -> list[int]:
    return [
        ArticleFactory(
            body=(
                f"Officials in district {i} said the new bridge was a terrible waste. "
                f"The mayor praised it and said {i + 100} people crossed it on Monday."
            )
        ).pk
        for i in range(n)
    ]


def _scored(ids: list[int]) -> int:
    return Article.objects.filter(pk__in=ids, scoring_status=ScoringStatus.SCORED).count()


def _broker_state() -> str:
    """What Redis holds for these tests' queues: where a lost task would be."""
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    lengths = {k.decode(): client.llen(k) for k in client.scan_iter(match=f"{queue}*")}
    return (
        f"queues {lengths}, unacknowledged {client.hlen('unacked')}, "
        f"restore lock ttl {client.ttl('unacked_mutex')} s"
    )


def _wait(condition, timeout: float, log, ids: list[int] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            state = f"{_scored(ids)} of {len(ids)} scored; {_broker_state()}\n" if ids else ""
            pytest.fail(f"timed out; {state}worker log:\n{log.read_text()[-4000:]}")
        time.sleep(0.05)


def _assert_scored_exactly_once(ids: list[int]) -> None:
    assert _scored(ids) == len(ids)
    per_article = (
        Score.objects.filter(article_id__in=ids)
        .values("article_id", "scorer")
        .annotate(rows=Count("id"))
    )
    assert {row["rows"] for row in per_article} == {1}
    assert len(per_article) == len(ids) * len(scorer_names())


def test_a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(tmp_path, not_eager):
    require_broker(redis_only=True)
    ids = _articles(200)
    first_log = tmp_path / "first.log"
    first = start_worker(first_log, name="doomed", env=FAST_REDELIVERY)
    try:
        with transaction.atomic():
            batch = articles_queue_scoring(article_ids=ids, label="kill test", chunk_size=5)
        # Kill the worker, pool and all, once it has committed some chunks but not all.
        _wait(lambda: _scored(ids) > 0, 60, first_log)
    finally:
        kill_worker(first)
    scored_at_kill = _scored(ids)
    assert 0 < scored_at_kill < len(ids), "the kill should land in the middle of the batch"

    second_log = tmp_path / "second.log"
    second = start_worker(
        second_log, name="rescuer", beat=True, env={**FAST_REDELIVERY, **SWEEP_LOST}
    )
    try:
        _wait(lambda: _scored(ids) == len(ids), 150, second_log, ids)
        time.sleep(1)  # anything still redelivered would show up as an extra count
    finally:
        stop_worker(second)

    _assert_scored_exactly_once(ids)
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (len(ids), 0)


def test_the_sweep_rescues_articles_whose_tasks_the_broker_lost(tmp_path, not_eager):
    url = require_broker(redis_only=True)
    import redis

    ids = _articles(30)
    with transaction.atomic():
        articles_queue_scoring(article_ids=ids, track=False, chunk_size=10)
    # Redis restarted without persistence, or emptied: the queued tasks are gone.
    client = redis.Redis.from_url(url)
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    lost = [k for k in client.scan_iter(match=f"{queue}*") if not k.endswith(b"-grouping")]
    assert lost, "the tasks should have been in the queue"
    client.delete(*lost)

    # A worker with beat running the sweep every 2 s, for articles queued over 1 s ago.
    log = tmp_path / "worker.log"
    worker = start_worker(
        log,
        name="sweeper",
        beat=True,
        env={"NEWSDESK_SWEEP_INTERVAL": "2", "NEWSDESK_SWEEP_STUCK_AFTER": "1"},
    )
    try:
        _wait(lambda: _scored(ids) == len(ids), 90, log)
    finally:
        stop_worker(worker)
    assert "Sweep: re-queueing 30 articles" in log.read_text()
    _assert_scored_exactly_once(ids)


@contextlib.contextmanager
def sends_to(url: str):
    """This process's sends go to ``url``, then back to the configured broker."""
    from config.celery import app

    real = app.conf.broker_write_url

    def connect_to(url: str) -> None:
        app.conf.broker_write_url = url  # sends use it
        app._pool = app.amqp._producer_pool = None  # the pools made for the old URL

    connect_to(url)
    try:
        yield url
    finally:
        connect_to(real)


def broker_unreachable():
    """Redis down for the web process: a port where no broker listens."""
    return sends_to("redis://127.0.0.1:1/0")


def test_with_the_broker_down_the_article_is_stored_and_the_sweep_scores_it(
    tmp_path, not_eager, client, analyst, caplog
):
    require_broker(redis_only=True)
    from api.services import token_create

    _token, raw = token_create(user=analyst, name="integration")
    # Written for the tests.
    text = (
        "The harbour authority said on Tuesday that the new ferry terminal would open "
        "in May, two years late and 40 million euros over budget."
    )
    with broker_unreachable():
        response = client.post(
            "/api/articles/",
            {"text": text},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
    assert response.status_code == 201, response.content  # was a 500 after the commit
    article_id = response.json()["id"]
    assert "the sweep will pick the work up" in caplog.text
    assert Article.objects.get(pk=article_id).scoring_status == ScoringStatus.QUEUED

    log = tmp_path / "worker.log"
    worker = start_worker(
        log,
        name="sweeper",
        beat=True,
        env={"NEWSDESK_SWEEP_INTERVAL": "2", "NEWSDESK_SWEEP_STUCK_AFTER": "1"},
    )
    try:
        _wait(lambda: _scored([article_id]) == 1, 90, log)
        # Grouping, which the scoring task sends, indexes it too.
        _wait(
            lambda: Article.objects.filter(pk=article_id, grouped_at__isnull=False).exists(),
            60,
            log,
        )
    finally:
        stop_worker(worker)
    _assert_scored_exactly_once([article_id])


def test_a_budget_too_small_for_any_text_fails_each_article_alone_in_a_real_worker(
    tmp_path, not_eager
):
    # The per-article budget interrupts a scorer with SIGALRM in the pool process.
    require_broker()
    ids = _articles(6)
    log = tmp_path / "worker.log"
    worker = start_worker(log, name="budget", env={"NEWSDESK_SCORING_BUDGET": "0.000001"})
    try:
        with transaction.atomic():
            batch = articles_queue_scoring(article_ids=ids, label="budget", chunk_size=3)
        _wait(
            lambda: (
                Article.objects.filter(pk__in=ids, scoring_status=ScoringStatus.FAILED).count()
                == len(ids)
            ),
            60,
            log,
        )
    finally:
        stop_worker(worker)
    errors = set(Article.objects.filter(pk__in=ids).values_list("scoring_error", flat=True))
    assert errors == {"ScoringTimeout: scoring took longer than 1e-06 s"}
    batch.refresh_from_db()
    assert (batch.done, batch.failed, batch.is_running) == (0, 6, False)
