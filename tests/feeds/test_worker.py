"""Feed polls through a real Celery worker process on the configured broker (Redis in CI).

The worker reaches this process's local HTTP server because its environment names
127.0.0.1 in NEWSDESK_FETCH_ALLOW_HOSTS, as the unit tests' settings do.
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

from newsdesk.celery import app as celery_app
from newsdesk.models import Article, Feed, ScoringStatus
from newsdesk.tasks import poll_feeds
from tests.feeds.conftest import article_page, rss
from tests.integration.test_worker import ROOT, _database_url, _require_broker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def feed_worker(tmp_path):
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
        "NEWSDESK_FETCH_ALLOW_HOSTS": "127.0.0.1",
    }
    queues = f"{settings.CELERY_TASK_DEFAULT_QUEUE},{settings.CELERY_GROUPING_QUEUE}"
    command = [sys.executable, "-m", "celery", "-A", "newsdesk", "worker", "--loglevel=info"]
    command += ["--concurrency=2", "-n", f"feeds-{os.getpid()}@%h", "-Q", queues]
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
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


def test_dispatches_sent_at_once_poll_each_feed_once_through_the_worker(
    feed_worker, feed_server, make_feed
):
    feeds = []
    for f in range(3):
        items = []
        for n in range(3):
            path = f"/feed{f}/story{n}"
            feed_server.serve(path, article_page(f * 10 + n))
            items.append({"title": f"Story {f}.{n}", "link": feed_server.url(path)})
        url = feed_server.serve(f"/feed{f}.xml", rss(items), content_type="application/rss+xml")
        feeds.append(make_feed(url))

    for _ in range(3):
        poll_feeds.delay()

    deadline = time.monotonic() + 90
    while (
        Feed.objects.filter(last_polled_at__isnull=True).exists()
        or Article.objects.exclude(scoring_status=ScoringStatus.SCORED).count()
        or Article.objects.count() < 9
    ):
        assert time.monotonic() < deadline, feed_worker.read_text()[-3000:]
        time.sleep(0.3)

    assert Article.objects.count() == 9
    for f in range(3):
        assert feed_server.paths().count(f"/feed{f}.xml") == 1
        assert feed_server.paths().count(f"/feed{f}/story0") == 1
    assert set(Feed.objects.values_list("articles_found", flat=True)) == {3}
    assert not Feed.objects.filter(polling_until__isnull=False).exists()
