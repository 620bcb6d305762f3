"""A local HTTP server on 127.0.0.1 that serves feeds and article pages to the poller
(a pytest plugin of tests/conftest.py: the newsdesk tests and the worker tests use it).

Tests set its routes; it records every request with its headers. The SSRF guard lets
the poller reach it only because the fixture names 127.0.0.1 in NEWSDESK_FETCH_ALLOW_HOSTS.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

from newsdesk.models import Feed
from tests.factories import OutletFactory


@dataclass
class Route:
    body: bytes | Callable = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    delay: float = 0.0


@dataclass
class FeedServer:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: bytes | Callable = b"", **options) -> str:
        self.routes[path] = Route(body=body, **options)
        return self.url(path)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server.requests.append((self.path, dict(self.headers)))
            route = server.routes.get(self.path, Route(status=404, body=b"not here"))
            if route.delay:
                server.release.wait(route.delay)
            try:
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if callable(route.body):
                    self.end_headers()
                    route.body(self.wfile)
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the fetcher hung up, as it should past the size cap

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def feed_server(settings):
    server = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    settings.NEWSDESK_FETCH_TIMEOUT = 1
    yield server
    server.release.set()
    httpd.shutdown()
    httpd.server_close()


def article_page(n: int, title: str = "") -> bytes:
    """An article page with text of its own, long enough for extraction."""
    title = title or f"Harbour story number {n}"
    paragraphs = "".join(
        f"<p>Paragraph {i} of story {n}: officials in the port city said on Tuesday that "
        f"repairs to berth {n * 10 + i} were finished and that ships could dock again.</p>"
        for i in range(4)
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def rss(items: list[dict], title: str = "Test wire") -> bytes:
    """An RSS 2.0 document; each item has a title, link and optionally guid and published."""
    entries = []
    for item in items:
        parts = [f"<title>{escape(item['title'])}</title>"]
        if item.get("link"):
            parts.append(f"<link>{escape(item['link'])}</link>")
        if item.get("guid") or item.get("link"):
            parts.append(f"<guid>{escape(item.get('guid') or item['link'])}</guid>")
        if item.get("published"):
            parts.append(f"<pubDate>{format_datetime(item['published'])}</pubDate>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>"
        "<description>Test feed</description>" + "".join(entries) + "</channel></rss>"
    ).encode()


@pytest.fixture
def make_feed(db):
    def make(url: str, **fields) -> Feed:
        fields.setdefault("outlet", OutletFactory())
        return Feed.objects.create(url=url, **fields)

    return make
