import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.fetch import fetch_url

PAGE = b"<html><head><title>Local page</title></head><body><article><p>Officials said the harbour reopened on Tuesday after a week of repairs.</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/trickle"):
            self._trickle(headers=self.path.endswith("headers"))
            return
        routes = {
            "/page": (200, "text/html; charset=utf-8", PAGE),
            "/image": (200, "image/png", b"\x89PNG"),
            "/big": (200, "text/html", b"x" * 3_000_000),
            "/missing": (404, "text/html", b"no"),
            "/redirect-private": (302, "text/html", b""),
        }
        status, ctype, body = routes.get(self.path, (404, "text/html", b""))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if self.path == "/redirect-private":
            self.send_header("Location", "http://10.0.0.1/secret")
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, *, headers: bool) -> None:
        # A line every 0.2 s: each read is quick, the whole never ends in time.
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            for i in range(40):
                if headers:
                    self.send_header(f"X-Slow-{i}", "1")
                    self.flush_headers()
                else:
                    if i == 0:
                        self.end_headers()
                    self.wfile.write(b"<p>Officials said the harbour reopened.</p>\n")
                    self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the fetcher hung up, as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin/",
        "http://10.0.0.1/x",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_it_refuses_private_and_local_addresses(url, settings):
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = []
    with pytest.raises(IngestError, match="private or local"):
        fetch_url(url)


def test_it_refuses_other_schemes():
    with pytest.raises(IngestError, match="Only http"):
        fetch_url("file:///etc/passwd")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://" + "ä" * 60 + ".com/", "not a valid host name"),
        ("http://" + "a" * 70 + ".com/", "not a valid host name"),
        ("http://example.com:99999/", "not a valid port"),
    ],
)
def test_it_refuses_malformed_hosts_and_ports_clearly(url, message):
    with pytest.raises(IngestError, match=message):
        fetch_url(url)


def test_it_fetches_an_allowed_test_host(local_server):
    page = fetch_url(local_server + "/page")
    assert page.body == PAGE
    assert page.charset == "utf-8"


def test_it_refuses_a_content_type_that_is_not_a_page(local_server):
    with pytest.raises(IngestError, match="image/png"):
        fetch_url(local_server + "/image")


def test_it_stops_reading_past_the_size_cap(local_server):
    with pytest.raises(IngestError, match="larger than 1 MB"):
        fetch_url(local_server + "/big", max_bytes=1_048_576)


def test_it_reports_http_errors(local_server):
    with pytest.raises(IngestError, match="404"):
        fetch_url(local_server + "/missing")


def test_it_checks_redirect_targets_too(local_server):
    with pytest.raises(IngestError, match="private or local"):
        fetch_url(local_server + "/redirect-private")


@pytest.mark.parametrize("part", ["body", "headers"])
def test_a_server_that_trickles_is_cut_off_at_the_deadline(local_server, settings, part):
    # A line every 2 s once held a fetch for 80 s: each read beat the read timeout.
    settings.NEWSDESK_FETCH_TIMEOUT = 5
    settings.NEWSDESK_FETCH_DEADLINE = 1
    started = time.monotonic()
    with pytest.raises(IngestError, match="took longer than 1 s to send the page"):
        fetch_url(f"{local_server}/trickle-{part}")
    assert time.monotonic() - started < 2


# --- IPv6 forms that Python 3.11's is_global lets through (issue 13) -------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",  # NAT64 of 169.254.169.254
        "http://[::127.0.0.1]/",  # IPv4-compatible loopback
        "http://[::ffff:0:7f00:1]/",  # IPv4-translated loopback
        "http://[::ffff:10.0.0.1]/",  # IPv4-mapped private
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo
        "http://[fec0::1]/",  # site-local
        "http://[64:ff9b:1::a00:1]/",  # local-use NAT64
    ],
)
def test_it_refuses_ipv6_forms_that_reach_private_ipv4_or_local_networks(url, settings):
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = []
    with pytest.raises(IngestError, match="private or local"):
        fetch_url(url)


def test_a_host_whose_dns_answer_hides_a_private_address_in_ipv6_is_refused(settings):
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = []
    answer = [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("64:ff9b::a9fe:a9fe", 80, 0, 0))]
    with (
        mock.patch("socket.getaddrinfo", return_value=answer),
        pytest.raises(IngestError, match="private or local"),
    ):
        fetch_url("http://metadata.news.example/")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("64:ff9b::808:808", True),  # NAT64 of a public address: what DNS64 networks give
        ("::ffff:8.8.8.8", True),
        ("2606:4700::1111", True),
        ("8.8.8.8", True),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("ff02::1", False),
        ("::", False),
    ],
)
def test_public_addresses_pass_and_the_rest_do_not(address, public):
    import ipaddress

    from newsdesk.ingest.fetch import is_public_address

    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "http://127.0.0.1/", "http://[fec0::1]/"],
)
def test_a_url_naming_a_private_address_is_refused_before_any_job_is_queued(analyst_client, url):
    from newsdesk.models import IngestJob

    response = analyst_client.post("/articles/new/url/", {"url": url})
    assert response.status_code == 400
    assert "is a private or local address" in response.content.decode()
    assert not IngestJob.objects.exists()
