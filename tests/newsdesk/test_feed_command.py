from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsdesk.models import Article
from tests.feed_server import article_page, rss

pytestmark = pytest.mark.django_db


def poll(*args) -> str:
    out = StringIO()
    call_command("poll_feeds", *args, stdout=out)
    return out.getvalue()


def test_it_polls_a_named_feed_now(feed_server, make_feed):
    feed_server.serve("/a", article_page(1))
    items = [{"title": "Story", "link": feed_server.url("/a")}]
    url = feed_server.serve("/feed.xml", rss(items), content_type="application/rss+xml")
    feed = make_feed(url, is_active=False)

    output = poll("--feed", str(feed.pk))

    assert f"{url}: 1 items: 1 new, 0 already stored." in output
    assert "Polled 1 feed(s); 0 failed." in output
    assert Article.objects.count() == 1


def test_without_a_feed_it_polls_the_due_ones(feed_server, make_feed):
    broken = make_feed(feed_server.serve("/broken.xml", b"no", status=500))
    make_feed(feed_server.url("/inactive.xml"), is_active=False)

    output = poll()

    assert f"{broken.url}: Failed: The server answered 500" in output
    assert "Polled 1 feed(s); 1 failed." in output
    assert "/inactive.xml" not in feed_server.paths()


def test_it_says_when_no_feed_is_due(db):
    assert poll() == "No feed is due.\n"


def test_it_refuses_an_unknown_feed(db):
    with pytest.raises(CommandError, match="No feed with id 999"):
        poll("--feed", "999")
