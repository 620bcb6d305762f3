"""Random and hostile input through every ingestion path (property-based).

For each path: never a server error, never an article stored half (it is stored with
all its parts, or nothing is stored, not even an outlet), and the pages that show what
was stored hold no markup a browser would run.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import socket
from unittest import mock

import pytest
import urllib3
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from analysis.highlight import LAYERS
from newsdesk.importer import articles_import
from newsdesk.ingest.errors import IngestError
from newsdesk.models import Article, Outlet, OutletDomain
from newsdesk.services import content_hash
from tests.hostile import (
    PAYLOADS,
    SENTENCES,
    article_text,
    executable_markup,
    hostile_text,
    html_documents,
)

pytestmark = pytest.mark.django_db

# Bounded so that the whole file runs in well under a minute.
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


news_urls = st.integers(0, 10**9).map(lambda n: f"https://news.example/story/{n}")


@pytest.fixture
def browser_client(analyst):
    client = Client()
    client.force_login(analyst)
    return client


def counts() -> tuple[int, int, int]:
    return Article.objects.count(), Outlet.objects.count(), OutletDomain.objects.count()


def assert_safe_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    assert executable_markup(html) == [], url
    return html


def assert_whole_and_safe(client, article: Article) -> None:
    """A stored article has every part, and its pages render it inert."""
    assert article.body.strip()
    assert article.headline.strip()
    assert article.raw.strip()
    assert article.content_hash == content_hash(article.body)
    assert isinstance(article.captions, list) and isinstance(article.credits, list)
    if article.url:
        assert article.url.lower().startswith(("http://", "https://"))
    html = assert_safe_page(client, article.get_absolute_url())
    assert escape(article.headline) in html
    for layer in LAYERS:  # the fragment htmx swaps in
        response = client.get(
            f"{article.get_absolute_url()}?layer={layer}",
            headers={"HX-Request": "true", "HX-Target": "article-text"},
        )
        assert response.status_code == 200
        assert executable_markup(response.content.decode()) == [], layer
    assert_safe_page(client, "/articles/?q=" + article.headline.split()[0][:20])


def assert_nothing_new(before: tuple[int, int, int]) -> None:
    assert counts() == before


def post_and_check(client, url: str, data: dict, capture) -> list[Article]:
    """POST, follow to the result, and return the articles it stored."""
    before = counts()
    newest = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with capture(execute=True):  # scoring runs, so that the score layers render too
        response = client.post(url, data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 302:
        assert executable_markup(client.get(response["Location"]).content.decode()) == []
    else:
        assert executable_markup(response.content.decode()) == []
    stored = list(Article.objects.filter(pk__gt=newest))
    with contextlib.suppress(InvalidArgument):  # outside a hypothesis test
        event(f"{url}: {response.status_code}, {len(stored)} stored")
    if not stored:
        assert_nothing_new(before)
    return stored


@EXAMPLES
@given(
    text=st.one_of(article_text, hostile_text, html_documents()),
    headline=st.one_of(st.just(""), hostile_text.map(lambda t: t[:500])),
    url=st.sampled_from(
        [
            "",
            "",
            "",
            "https://news.example/a?<script>",
            "javascript:alert(1)",
            'http://x/"onmouseover=',
        ]
    ),
)
def test_pasted_text_is_stored_whole_or_not_at_all_and_renders_inert(
    browser_client, django_capture_on_commit_callbacks, text, headline, url
):
    data = {"text": text, "headline": headline, "url": url}
    stored = post_and_check(
        browser_client, "/articles/new/paste/", data, django_capture_on_commit_callbacks
    )

    assert len(stored) <= 1
    for article in stored:
        assert_whole_and_safe(browser_client, article)


file_bytes = st.one_of(
    st.binary(max_size=3000),
    article_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    html_documents().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(article_text, st.sampled_from(["utf-16", "utf-16-le", "cp1251", "latin-1"])).map(
        lambda p: p[0].encode(p[1], "ignore")
    ),
    # A byte-order mark before anything at all.
    st.tuples(
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]),
        st.binary(max_size=200),
    ).map(b"".join),
    # A text file with binary after the first few kilobytes.
    article_text.map(lambda t: t.encode("utf-8", "ignore") + b" " * 9000 + b"\x00\xff\xfe"),
)
file_names = st.sampled_from(
    [
        "article.txt",
        "page.html",
        "page.htm",
        "image.png",
        "no-extension",
        "../../etc/passwd",
        "<script>alert(1)</script>.html",
        "evil.svg",
        'x.txt" onmouseover="alert(1)',
    ]
)


@EXAMPLES
@given(
    files=st.lists(st.tuples(file_names, file_bytes), min_size=1, max_size=3),
    content_type=st.sampled_from(
        ["text/plain", "text/html", "image/svg+xml", "application/x-evil"]
    ),
)
def test_uploaded_files_are_stored_whole_or_not_at_all_and_render_inert(
    browser_client, django_capture_on_commit_callbacks, files, content_type
):
    uploads = [SimpleUploadedFile(name, data, content_type=content_type) for name, data in files]
    stored = post_and_check(
        browser_client,
        "/articles/new/upload/",
        {"files": uploads},
        django_capture_on_commit_callbacks,
    )

    assert len(stored) <= len(files)
    for article in stored:
        assert_whole_and_safe(browser_client, article)


json_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    hostile_text,
    article_text,
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)
row_fields = st.sampled_from(
    ["url", "outlet", "title", "published", "text", "html", "byline", "note"]
)
rows = st.lists(st.dictionaries(row_fields, json_values, max_size=7), min_size=1, max_size=4)
good_row = st.fixed_dictionaries(
    {
        "text": article_text,
        "title": hostile_text,
        "outlet": st.sampled_from(["<script>alert(1)</script>", "Daily Example", "évil.example"]),
        "url": news_urls
        | st.sampled_from(
            [
                "",
                "",
                "",
                "https://evil.example/<script>",
                "javascript:alert(1)//https://x",
                "https://" + "a" * 300 + ".example/",
                "https://news.example/" + "p" * 1200,
                "data:text/html,<script>alert(1)</script>",
            ]
        ),
        "published": st.sampled_from(
            ["2024-02-30", "not a date", "2024-05-01T10:00:00+02:00", "", "", "2024-05-01"]
        ),
    }
)


def import_and_check(client, tmp_path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    before = counts()
    try:
        report = articles_import(path=path, queue_scoring=False)
    except IngestError:
        assert_nothing_new(before)
        return
    stored = list(Article.objects.filter(pk__in=report.imported))
    event(f"{name}: {len(stored)} of {report.rows} rows stored")
    assert len(stored) == len(report.imported)
    for article in stored:
        assert_whole_and_safe(client, article)
    if not stored:
        assert counts()[0] == before[0]


@EXAMPLES
@given(
    lines=st.lists(st.one_of(good_row, rows.map(lambda r: r[0])), min_size=1, max_size=4),
    garbage=st.sampled_from(["", "{not json", "[1, 2]", '"a string"', "null", "\x00"]),
)
def test_jsonl_imports_store_each_row_whole_or_not_at_all(browser_client, tmp_path, lines, garbage):
    content = "\n".join(json.dumps(line) for line in lines) + "\n" + garbage + "\n"
    import_and_check(browser_client, tmp_path, "import.jsonl", content)


@EXAMPLES
@given(
    lines=st.lists(good_row, min_size=1, max_size=4),
    header=st.sampled_from(
        [["title", "text", "url", "outlet", "published"], ["html", "title"], ["nothing"]]
    ),
)
def test_csv_imports_store_each_row_whole_or_not_at_all(browser_client, tmp_path, lines, header):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for line in lines:
        writer.writerow({**line, "html": line["text"]})
    import_and_check(browser_client, tmp_path, "import.csv", out.getvalue())


hostile_urls = st.one_of(
    news_urls,
    news_urls.map(lambda u: u + "?q=<script>alert(1)</script>"),
    st.sampled_from(
        [
            "http://127.0.0.1/",
            "http://localhost:8000/admin/",
            "http://[::1]/",
            "http://169.254.169.254/latest/meta-data/",
            "http://0x7f000001/",
            "http://2130706433/",
            "http://10.0.0.1/",
            "http://metadata.google.internal/",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_FLUSHALL",
            "javascript:alert(1)",
            "https://user:pass@news.example/",
            "https://news.example/<script>alert(1)</script>",
            "https://news.example/" + "a" * 990,
            "https://xn--80ak6aa92e.example/",
            "https://news.example:99999/",
        ]
    ),
    st.text(max_size=30),
    st.from_regex(r"\Ahttps?://[a-z0-9.\-]{1,30}(:\d{1,5})?/[ -~]{0,40}\Z"),
)
served_pages = st.tuples(
    st.sampled_from([200, 200, 200, 200, 301, 500]),
    st.sampled_from(
        [
            "text/html; charset=utf-8",
            "text/html",
            "text/plain",
            "image/svg+xml",
            "text/html; charset=bogus",
        ]
    ),
    st.one_of(html_documents().map(str.encode), st.binary(max_size=500)),
    st.sampled_from(
        ["http://127.0.0.1/", "file:///etc/passwd", "/elsewhere", "javascript:alert(1)"]
    ),
)

PUBLIC_ADDRESS = "93.184.215.14"
LOCAL_NAMES = {"localhost": "127.0.0.1", "metadata.google.internal": "169.254.169.254"}


def fake_getaddrinfo(host, port, *args, **kwargs):
    # No real DNS: names resolve to a public address, or local ones to local addresses.
    host = str(host).strip("[]")
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
        address = host
    except OSError:
        address = LOCAL_NAMES.get(host.lower(), PUBLIC_ADDRESS)
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    return [(family, socket.SOCK_STREAM, 6, "", (address, port or 80))]


@EXAMPLES
@given(url=hostile_urls, page=served_pages)
def test_url_ingestion_refuses_hostile_urls_and_renders_fetched_pages_inert(
    browser_client, django_capture_on_commit_callbacks, url, page
):
    status, content_type, body, location = page
    requested: list[str] = []

    def fake_urlopen(pool, method, path, **kwargs):
        # Nothing reaches the network: the guard must have let the address through.
        requested.append(pool.host)
        headers = {"Content-Type": content_type}
        if status == 301:
            headers["Location"] = location
        return urllib3.HTTPResponse(
            body=io.BytesIO(body), headers=headers, status=status, preload_content=False
        )

    with (
        mock.patch("newsdesk.ingest.fetch.socket.getaddrinfo", fake_getaddrinfo),
        mock.patch.object(urllib3.HTTPConnectionPool, "urlopen", fake_urlopen),
    ):
        stored = post_and_check(
            browser_client, "/articles/new/url/", {"url": url}, django_capture_on_commit_callbacks
        )

    # Only public addresses were ever contacted, for any URL or redirect.
    assert set(requested) <= {PUBLIC_ADDRESS}
    assert len(stored) <= 1
    for article in stored:
        assert_whole_and_safe(browser_client, article)


def test_the_markup_check_finds_what_it_looks_for():
    # The checks above are only as good as this one.
    for payload in PAYLOADS[:12]:
        if payload.startswith(("javascript:", "<style>")):
            continue
        assert executable_markup(payload), payload
    assert executable_markup('<a href=" JavaScript:alert(1)">x</a>')
    assert not executable_markup(escape("<script>alert(1)</script> <img src=x onerror=y>"))
    assert not executable_markup('<script src="/static/django_htmx/htmx-2.min.js" defer></script>')


def test_every_hostile_sentence_pool_entry_can_be_stored(
    browser_client, django_capture_on_commit_callbacks
):
    # A stored article with every payload at once renders inert, on every layer.
    text = "\n\n".join(f"{s} {p}" for s, p in zip(SENTENCES * 6, PAYLOADS, strict=False))
    stored = post_and_check(
        browser_client,
        "/articles/new/paste/",
        {"text": text.replace("\x00", "")},
        django_capture_on_commit_callbacks,
    )

    [article] = stored
    assert "<script>alert(1)</script>" in article.raw
    assert_whole_and_safe(browser_client, article)
