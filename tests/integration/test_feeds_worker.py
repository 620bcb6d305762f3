"""Feed polls through a real Celery worker process on the configured broker (Redis in CI).

The worker reaches this process's local HTTP server because its environment names
127.0.0.1 in NEWSDESK_FETCH_ALLOW_HOSTS, as the unit tests' settings do.
"""

import time

import pytest

from newsdesk.models import Article, Feed, ScoringStatus
from newsdesk.tasks import poll_feeds
from tests.feed_server import article_page, rss
from tests.integration.workers import running_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def feed_worker(tmp_path):
    env = {"NEWSDESK_FETCH_ALLOW_HOSTS": "127.0.0.1"}
    with running_worker(tmp_path / "worker.log", name="feeds", env=env) as log_path:
        yield log_path


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
