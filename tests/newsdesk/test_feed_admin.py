import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.models import Article, Feed
from tests.feed_server import article_page, rss

pytestmark = pytest.mark.django_db


def test_the_feed_list_shows_each_feeds_health(admin_client_, make_feed):
    now = timezone.now()
    make_feed(
        "https://a.example/ok.xml",
        last_success_at=now,
        articles_found=17,
        next_poll_at=now + dt.timedelta(minutes=30),
    )
    make_feed(
        "https://a.example/broken.xml",
        failures=3,
        last_error="The server answered 500 for https://a.example/broken.xml.",
        last_error_at=now,
    )

    html = admin_client_.get(reverse("admin:newsdesk_feed_changelist")).content.decode()

    assert "failing ×3" in html
    assert "The server answered 500" in html
    assert ">17<" in html
    for column in ("last success", "last error at", "articles found", "next poll at"):
        assert column in html.lower()


def test_the_health_filter_lists_the_failing_feeds(admin_client_, make_feed):
    make_feed("https://a.example/ok.xml", last_success_at=timezone.now())
    make_feed("https://a.example/broken.xml", failures=1, last_error="Timeout")

    response = admin_client_.get(reverse("admin:newsdesk_feed_changelist"), {"health": "failing"})

    assert [f.url for f in response.context["cl"].result_list] == ["https://a.example/broken.xml"]


def test_a_feeds_page_shows_its_last_result(admin_client_, make_feed):
    feed = make_feed("https://a.example/feed.xml", last_result="12 items: 3 new, 9 already stored.")

    html = admin_client_.get(reverse("admin:newsdesk_feed_change", args=[feed.pk])).content.decode()

    assert "12 items: 3 new, 9 already stored." in html


def test_poll_now_polls_the_selected_feeds_on_the_workers(
    admin_client_, make_feed, feed_server, django_capture_on_commit_callbacks
):
    feed_server.serve("/a", article_page(1))
    items = [{"title": "Story", "link": feed_server.url("/a")}]
    url = feed_server.serve("/feed.xml", rss(items), content_type="application/rss+xml")
    feed = make_feed(url, is_active=False)
    other = make_feed("https://a.example/untouched.xml")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = admin_client_.post(
            reverse("admin:newsdesk_feed_changelist"),
            {"action": "poll_now", "_selected_action": [feed.pk]},
            follow=True,
        )

    assert len(callbacks) >= 1
    assert "Polling 1 feed(s) in the background" in response.content.decode()
    assert Article.objects.get().url == feed_server.url("/a")
    feed.refresh_from_db()
    assert feed.articles_found == 1
    assert Feed.objects.get(pk=other.pk).last_polled_at is None


def test_analysts_cannot_open_the_feed_admin(analyst_client):
    response = analyst_client.get(reverse("admin:newsdesk_feed_changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_feed_address_typed_without_its_scheme_is_taken_as_https(admin_client_):
    from tests.factories import OutletFactory

    outlet = OutletFactory()
    data = {"outlet": outlet.pk, "url": "feeds.ledger.example/world.xml", "is_active": "on"}
    data |= {"poll_interval": 30, "next_poll_at_0": "", "next_poll_at_1": ""}

    response = admin_client_.post(reverse("admin:newsdesk_feed_add"), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Feed.objects.get().url == "https://feeds.ledger.example/world.xml"
