import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from config.celery import app as celery_app
from newsdesk import feeds, tasks
from newsdesk.models import Article, Feed
from tests.feed_server import article_page, rss

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


def test_due_feeds_are_the_active_ones_whose_time_has_come_and_that_nobody_holds(make_feed):
    never = make_feed("https://a.example/never.xml")
    overdue = make_feed("https://a.example/overdue.xml", next_poll_at=NOW - MINUTE)
    make_feed("https://a.example/later.xml", next_poll_at=NOW + MINUTE)
    make_feed("https://a.example/off.xml", is_active=False)
    make_feed("https://a.example/held.xml", polling_until=NOW + MINUTE)
    lapsed = make_feed("https://a.example/lapsed.xml", polling_until=NOW - MINUTE)

    due = list(feeds.feeds_due(now=NOW))

    assert due == [never, lapsed, overdue]


def test_claiming_pushes_the_next_poll_past_the_lease_so_a_feed_is_sent_once(make_feed):
    feed = make_feed("https://a.example/feed.xml")

    assert feeds.feeds_claim_due(now=NOW) == [feed.pk]
    assert feeds.feeds_claim_due(now=NOW + MINUTE) == []

    feed.refresh_from_db()
    assert feed.next_poll_at == NOW + feeds.POLL_LEASE
    # A poll that never ran is sent again once the lease has passed.
    assert feeds.feeds_claim_due(now=NOW + feeds.POLL_LEASE) == [feed.pk]


def test_two_dispatchers_at_once_claim_each_feed_once(make_feed, monkeypatch):
    ids = [make_feed(f"https://a.example/{n}.xml").pk for n in range(3)]
    original = feeds.feeds_due
    second: list[int] = []
    raced = []

    def racing(*, now=None):
        if raced:
            return original(now=now)
        raced.append(True)
        # The first dispatcher reads the due feeds, then the second claims them all.
        stale = list(original(now=now).values_list("pk", flat=True))
        second.extend(feeds.feeds_claim_due(now=now))
        return Feed.objects.filter(pk__in=stale)

    monkeypatch.setattr(feeds, "feeds_due", racing)

    first = feeds.feeds_claim_due(now=NOW)

    assert sorted(second) == ids
    assert first == []


def test_the_dispatch_task_sends_one_poll_per_due_feed(make_feed, monkeypatch):
    sent = []
    monkeypatch.setattr(tasks.poll_feed, "delay", sent.append)
    due = [make_feed(f"https://a.example/{n}.xml") for n in range(2)]
    make_feed("https://a.example/later.xml", next_poll_at=timezone.now() + MINUTE)

    assert tasks.poll_feeds() == 2
    assert tasks.poll_feeds() == 0

    assert sorted(sent) == sorted(f.pk for f in due)


def test_beat_polls_a_due_feed_and_schedules_the_next_poll(feed_server, make_feed):
    feed_server.serve("/a", article_page(1))
    items = [{"title": "Story", "link": feed_server.url("/a")}]
    feed = make_feed(
        feed_server.serve("/feed.xml", rss(items), content_type="application/rss+xml"),
        poll_interval=45,
    )

    tasks.poll_feeds.delay()  # eager in unit tests: poll_feed runs inside

    assert Article.objects.get().url == feed_server.url("/a")
    feed.refresh_from_db()
    assert feed.next_poll_at == feed.last_polled_at + dt.timedelta(minutes=45)
    assert feed.polling_until is None
    assert feed.articles_found == 1


def test_polling_a_feed_deleted_meanwhile_does_nothing(make_feed):
    feed = make_feed("https://a.example/feed.xml")
    feed_id = feed.pk
    feed.delete()

    tasks.poll_feed(feed_id)

    assert not Feed.objects.exists()


def test_beat_runs_the_dispatcher_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["poll-feeds"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] == 60.0


def test_feed_polls_travel_on_a_queue_apart_from_scoring(settings):
    from config.celery import app

    def queue(task: str) -> str:
        return app.amqp.router.route({}, task)["queue"].name

    # Not behind a bulk rescore's thousands of scoring tasks.
    assert queue("newsdesk.tasks.poll_feeds") == settings.CELERY_FEEDS_QUEUE
    assert queue("newsdesk.tasks.poll_feed") == settings.CELERY_FEEDS_QUEUE
    assert queue("analysis.tasks.score_articles") == settings.CELERY_TASK_DEFAULT_QUEUE
    assert settings.CELERY_FEEDS_QUEUE != settings.CELERY_TASK_DEFAULT_QUEUE
