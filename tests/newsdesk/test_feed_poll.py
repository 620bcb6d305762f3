import datetime as dt

import pytest
from django.utils import timezone

from newsdesk import feeds
from newsdesk.feeds import PollStatus, feed_poll
from newsdesk.models import Article, Feed, IngestMethod, ScoringStatus
from tests.factories import ArticleFactory
from tests.feed_server import article_page, rss

pytestmark = pytest.mark.django_db

XML = "application/rss+xml; charset=utf-8"
PUBLISHED = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def serve_feed(feed_server, paths: list[str], **options) -> str:
    """A feed at /feed.xml listing pages at the given paths, and those pages."""
    items = []
    for n, path in enumerate(paths):
        if path not in feed_server.routes:
            feed_server.serve(path, article_page(n, f"Story {path}"))
        items.append(
            {"title": f"Story {path}", "link": feed_server.url(path), "published": PUBLISHED}
        )
    return feed_server.serve("/feed.xml", rss(items), content_type=XML, **options)


def test_it_stores_the_new_items_of_a_feed(feed_server, make_feed):
    feed = make_feed(serve_feed(feed_server, ["/a", "/b", "/c"]), poll_interval=20)

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.OK
    assert (report.items, report.new, report.known) == (3, 3, 0)
    articles = Article.objects.filter(ingest_method=IngestMethod.FEED).order_by("url")
    assert [a.url for a in articles] == [feed_server.url(p) for p in ("/a", "/b", "/c")]
    assert {a.outlet_id for a in articles} == {feed.outlet_id}
    assert articles[0].headline == "Story /a"
    assert articles[0].published_at == PUBLISHED
    assert articles[0].meta["feed"] == feed.pk
    assert "berth" in articles[0].body
    feed.refresh_from_db()
    assert feed.articles_found == 3
    assert feed.failures == 0
    assert feed.last_success_at is not None
    assert feed.polling_until is None
    assert feed.last_result == "3 items: 3 new, 0 already stored."
    expected = feed.last_polled_at + dt.timedelta(minutes=20)
    assert feed.next_poll_at == expected


def test_it_skips_items_already_stored_by_url_without_fetching_them(feed_server, make_feed):
    url = serve_feed(feed_server, ["/a", "/b"])
    ArticleFactory(url=feed_server.url("/a"))
    feed = make_feed(url)

    report = feed_poll(feed=feed)

    assert (report.new, report.known) == (1, 1)
    assert "/a" not in feed_server.paths()
    assert "/b" in feed_server.paths()
    feed.refresh_from_db()
    assert feed.articles_found == 1


def test_it_skips_an_item_whose_text_is_already_stored_under_another_url(feed_server, make_feed):
    feed_server.serve("/original", article_page(7))
    feed_server.serve("/syndicated-copy", article_page(7))
    feed = make_feed(serve_feed(feed_server, ["/original", "/syndicated-copy"]))

    report = feed_poll(feed=feed)

    assert (report.new, report.known) == (1, 1)
    assert Article.objects.count() == 1


def test_a_second_poll_of_an_unchanged_feed_stores_nothing(feed_server, make_feed):
    feed = make_feed(serve_feed(feed_server, ["/a", "/b"]))
    feed_poll(feed=feed)

    report = feed_poll(feed=Feed.objects.get(pk=feed.pk))

    assert (report.new, report.known) == (0, 2)
    assert Article.objects.count() == 2
    assert feed_server.paths().count("/a") == 1


def test_it_sends_the_validators_back_and_counts_304_as_a_success(feed_server, make_feed):
    stamp = "Mon, 02 Mar 2026 09:30:00 GMT"
    feed = make_feed(serve_feed(feed_server, ["/a"], etag='"v1"', last_modified=stamp))
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert (feed.etag, feed.last_modified) == ('"v1"', stamp)
    first_success = feed.last_success_at

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.NOT_MODIFIED
    path, headers = feed_server.requests[-1]
    assert path == "/feed.xml"
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == stamp
    feed.refresh_from_db()
    assert feed.last_success_at > first_success
    assert feed.last_result == "Not modified since the last poll."
    assert feed.failures == 0
    assert feed.etag == '"v1"'
    assert Article.objects.count() == 1


def test_a_feed_that_answers_500_backs_off_exponentially(feed_server, make_feed):
    feed = make_feed(feed_server.serve("/broken.xml", b"oops", status=500), poll_interval=10)
    waits = []
    for _ in range(3):
        report = feed_poll(feed=feed)
        assert report.status == PollStatus.FAILED
        feed.refresh_from_db()
        waits.append(feed.next_poll_at - feed.last_polled_at)

    assert waits == [dt.timedelta(minutes=m) for m in (20, 40, 80)]
    assert feed.failures == 3
    assert "500" in feed.last_error
    assert feed.last_error_at == feed.last_polled_at
    assert feed.last_success_at is None
    assert feed.polling_until is None


def test_a_feed_that_times_out_is_a_failure(feed_server, make_feed):
    feed = make_feed(feed_server.serve("/slow.xml", rss([]), content_type=XML, delay=5))

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.FAILED
    assert "Timeout" in report.error
    feed.refresh_from_db()
    assert feed.failures == 1
    assert "Timeout" in feed.last_error


def test_garbage_is_not_a_feed(feed_server, make_feed):
    garbage = b"\x8b\x00<<rss>>>%%% not xml at all \xff\xfe" * 50
    feed = make_feed(feed_server.serve("/garbage.xml", garbage, content_type="text/xml"))

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.FAILED
    assert report.error.startswith("Not a feed")
    feed.refresh_from_db()
    assert feed.failures == 1
    assert Article.objects.count() == 0


def test_an_html_page_is_not_a_feed(feed_server, make_feed):
    feed = make_feed(feed_server.serve("/home", article_page(1)))

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.FAILED
    assert report.error.startswith("Not a feed")


def test_a_feed_with_the_wrong_content_type_is_refused(feed_server, make_feed):
    feed = make_feed(feed_server.serve("/feed.png", b"\x89PNG", content_type="image/png"))

    report = feed_poll(feed=feed)

    assert report.error == "Expected a feed, got image/png."


def _thirty_megabytes(wfile) -> None:
    # No Content-Length: the cap has to stop the stream itself.
    chunk = b"<p>" + b"x" * 65_536 + b"</p>"
    for _ in range(30 * 1_048_576 // len(chunk) + 1):
        wfile.write(chunk)


def test_a_30_mb_page_is_refused_and_the_other_items_are_stored(feed_server, make_feed):
    feed_server.serve("/huge", _thirty_megabytes)
    feed = make_feed(serve_feed(feed_server, ["/a", "/huge", "/b"]))

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.OK
    assert report.new == 2
    assert len(report.errors) == 1
    assert "/huge: The page is larger than 5 MB." in report.errors[0]
    assert set(Article.objects.values_list("url", flat=True)) == {
        feed_server.url("/a"),
        feed_server.url("/b"),
    }
    feed.refresh_from_db()
    assert feed.failures == 0
    assert "1 failed" in feed.last_result
    assert "larger than 5 MB" in feed.last_result


def test_an_item_pointing_at_a_private_address_is_refused(feed_server, make_feed):
    items = [
        {"title": "Metadata", "link": "http://169.254.169.254/latest/meta-data/"},
        {"title": "Fine", "link": feed_server.url("/a")},
    ]
    feed_server.serve("/a", article_page(1))
    feed = make_feed(feed_server.serve("/feed.xml", rss(items), content_type=XML))

    report = feed_poll(feed=feed)

    assert report.new == 1
    assert "private or local" in report.errors[0]
    assert Article.objects.get().url == feed_server.url("/a")


def test_the_feed_itself_goes_through_the_ssrf_guard(feed_server, make_feed, settings):
    feed = make_feed(serve_feed(feed_server, ["/a"]))
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = []

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.FAILED
    assert "private or local" in report.error
    assert feed_server.requests == []


def test_items_without_a_web_link_are_skipped(feed_server, make_feed):
    items = [
        {"title": "No link"},
        {"title": "FTP", "link": "ftp://127.0.0.1/story"},
        {"title": "Fine", "link": feed_server.url("/a")},
    ]
    feed_server.serve("/a", article_page(1))
    feed = make_feed(feed_server.serve("/feed.xml", rss(items), content_type=XML))

    report = feed_poll(feed=feed)

    assert (report.items, report.new, report.skipped) == (3, 1, 2)


def test_an_atom_feed_is_read_too(feed_server, make_feed):
    feed_server.serve("/a", article_page(1))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom wire</title><id>urn:wire</id><updated>2026-03-02T09:30:00Z</updated>"
        f'<entry><title>Atom story</title><link href="{feed_server.url("/a")}"/>'
        "<id>urn:story:1</id><updated>2026-03-02T09:30:00Z</updated></entry></feed>"
    ).encode()
    feed = make_feed(feed_server.serve("/atom", atom, content_type="application/atom+xml"))

    report = feed_poll(feed=feed)

    assert report.new == 1
    article = Article.objects.get()
    assert article.headline == "Atom story"
    assert article.published_at == PUBLISHED


def test_new_articles_are_queued_for_scoring_together(
    feed_server, make_feed, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids: sent.append(ids))
    feed = make_feed(serve_feed(feed_server, ["/a", "/b", "/c"]))

    with django_capture_on_commit_callbacks(execute=True):
        report = feed_poll(feed=feed)

    assert sent == [report.article_ids]
    assert len(report.article_ids) == 3
    assert set(Article.objects.values_list("scoring_status", flat=True)) == {ScoringStatus.QUEUED}


def test_a_feed_held_by_another_poll_is_not_polled(feed_server, make_feed):
    feed = make_feed(serve_feed(feed_server, ["/a"]))
    feed.polling_until = timezone.now() + dt.timedelta(minutes=5)
    feed.save()

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.BUSY
    assert feed_server.requests == []
    feed.refresh_from_db()
    assert feed.last_polled_at is None


def test_a_poll_that_died_lets_go_of_the_feed_when_its_lease_passes(feed_server, make_feed):
    feed = make_feed(serve_feed(feed_server, ["/a"]))
    feed.polling_until = timezone.now() - dt.timedelta(seconds=1)
    feed.save()

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.OK
    feed.refresh_from_db()
    assert feed.polling_until is None


def test_a_success_resets_the_back_off(feed_server, make_feed):
    url = serve_feed(feed_server, ["/a"])
    feed = make_feed(url, failures=4, poll_interval=15)

    feed_poll(feed=feed)

    feed.refresh_from_db()
    assert feed.failures == 0
    assert feed.next_poll_at - feed.last_polled_at == dt.timedelta(minutes=15)


def test_the_back_off_doubles_and_stops_at_a_day():
    waits = [feeds.backoff(interval_minutes=30, failures=n) for n in range(8)]
    hours = [w / dt.timedelta(hours=1) for w in waits]
    assert hours == [0.5, 1, 2, 4, 8, 16, 24, 24]


def test_a_poll_out_of_time_leaves_the_rest_for_next_time(feed_server, make_feed, monkeypatch):
    monkeypatch.setattr(feeds, "POLL_BUDGET_SECONDS", -1)
    feed = make_feed(serve_feed(feed_server, ["/a", "/b"], etag='"v1"'))

    report = feed_poll(feed=feed)

    assert report.new == 0
    assert not report.complete
    feed.refresh_from_db()
    # No validators kept: the next poll must get the whole feed to reach the items left.
    assert feed.etag == ""
    assert "out of time" in feed.last_result
    assert feed_server.paths() == ["/feed.xml"]


def test_an_unexpected_error_is_recorded_and_lets_go_of_the_feed(
    feed_server, make_feed, monkeypatch
):
    def explode(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(feeds.feedparser, "parse", explode)
    feed = make_feed(serve_feed(feed_server, ["/a"]))

    report = feed_poll(feed=feed)

    assert report.status == PollStatus.FAILED
    feed.refresh_from_db()
    assert feed.last_error == "RuntimeError: parser bug"
    assert feed.polling_until is None
    assert feed.failures == 1


def test_a_poll_stopped_by_the_time_limit_keeps_what_it_stored_and_lets_go(
    feed_server, make_feed, monkeypatch, django_capture_on_commit_callbacks
):
    from celery.exceptions import SoftTimeLimitExceeded

    real_fetch = feeds.fetch_url

    def fetch(url, **kwargs):
        if url.endswith("/b"):
            raise SoftTimeLimitExceeded()
        return real_fetch(url, **kwargs)

    monkeypatch.setattr(feeds, "fetch_url", fetch)
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda *args: None)
    feed = make_feed(serve_feed(feed_server, ["/a", "/b", "/c"]))

    with django_capture_on_commit_callbacks(execute=True):
        report = feed_poll(feed=feed)

    assert report.status == PollStatus.FAILED
    article = Article.objects.get()
    assert article.url == feed_server.url("/a")
    assert article.scoring_status == ScoringStatus.QUEUED
    feed.refresh_from_db()
    assert feed.polling_until is None
    assert feed.failures == 1
    assert feed.last_error.startswith("SoftTimeLimitExceeded")


def test_an_item_with_an_implausible_date_is_listed_as_refused_and_the_others_stored(
    feed_server, make_feed
):
    for n, path in enumerate(["/old", "/new"]):
        feed_server.serve(path, article_page(n, f"Story {path}"))
    items = [
        {
            "title": "Old",
            "link": feed_server.url("/old"),
            "published": dt.datetime(1850, 1, 1, tzinfo=dt.UTC),
        },
        {"title": "New", "link": feed_server.url("/new"), "published": PUBLISHED},
    ]
    feed = make_feed(feed_server.serve("/feed.xml", rss(items), content_type=XML))

    report = feed_poll(feed=feed)

    assert (report.new, len(report.errors)) == (1, 1)
    assert "outside the range taken" in report.errors[0]
    assert Article.objects.get().url == feed_server.url("/new")
