"""Fetching a page by URL without letting the server be turned against its own network.

The host is resolved once, every address is checked, and the connection goes to the
checked address (so a second DNS answer cannot swap in 127.0.0.1). Redirects are
followed by hand and each hop is checked the same way.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

from newsdesk.ingest.errors import IngestError

ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# RSS and Atom as servers label them, in the wild.
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    *ALLOWED_TYPES,
)
MAX_REDIRECTS = 5
USER_AGENT = "Newsdesk/1.0 (media analysis; +https://github.com/newsdesk)"


@dataclass
class FetchedPage:
    url: str
    content_type: str
    charset: str | None
    body: bytes
    status: int = 200
    # Validators for a conditional request next time (feeds).
    etag: str = ""
    last_modified: str = ""


def check_literal_address(url: str) -> None:
    """Refuse at once a URL whose host is an IP address a fetch may not reach: no DNS is
    needed to know, so the request says so instead of queuing a fetch bound to fail."""
    host = (urlsplit(url).hostname or "").split("%")[0]
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return  # a name: resolved and checked when fetched
    if host not in settings.NEWSDESK_FETCH_ALLOW_HOSTS and not is_public_address(ip):
        raise IngestError(f"Refused: {host} is a private or local address.")


def _check_address(host: str, port: int) -> str:
    if host in settings.NEWSDESK_FETCH_ALLOW_HOSTS:
        return socket.gethostbyname(host)
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        raise IngestError(f"The host {host!r} could not be found.") from None
    except UnicodeError:  # a label too long or otherwise not encodable for DNS
        raise IngestError(f"The host {host!r} is not a valid host name.") from None
    addresses = {info[4][0] for info in infos}
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not is_public_address(ip):
            raise IngestError(f"Refused: {host} resolves to a private or local address ({ip}).")
    return sorted(addresses)[0]


# IPv6 forms whose last 32 bits are an IPv4 address that the packet reaches: the address
# is public only if that IPv4 address is.
_V4_IN_V6 = tuple(
    ipaddress.ip_network(net)
    for net in (
        "::ffff:0:0/96",  # IPv4-mapped
        "::/96",  # IPv4-compatible (deprecated; holds :: and ::1 too)
        "::ffff:0:0:0/96",  # IPv4-translated (RFC 2765)
        "64:ff9b::/96",  # NAT64, the well-known prefix (RFC 6052)
    )
)
# Refused outright. Python 3.11's is_global accepts some of them (fec0::1, 2002:7f00:1::,
# and the forms above: 64:ff9b::a9fe:a9fe is 169.254.169.254 through NAT64).
_V6_REFUSED = tuple(
    ipaddress.ip_network(net)
    for net in (
        "64:ff9b:1::/48",  # local-use NAT64 (RFC 8215): the embedding is the network's own
        "2002::/16",  # 6to4: a relay reaches the IPv4 address in bits 16-48, any of them
        "2001::/32",  # Teredo: embeds its server's and (inverted) its client's IPv4 address
        "fec0::/10",  # site-local (deprecated, still routed inside some networks)
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "ff00::/8",  # multicast
        "100::/64",  # discard-only
        "2001:db8::/32",  # documentation
    )
)


def is_public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether a fetch may connect to this address: a global unicast address, and for the
    IPv6 forms that carry an IPv4 address, that address global too."""
    if ip.version == 6:
        if any(ip in net for net in _V6_REFUSED):
            return False
        if any(ip in net for net in _V4_IN_V6):
            return is_public_address(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


class _Deadline:
    """The time a whole fetch may take, redirects included.

    urllib3's timeouts bound each read, so a server that sends a byte every few seconds
    never trips them; past the deadline a timer shuts the connection's socket, which
    ends the read at once, whatever it waits for (the headers or the body)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self._timer: threading.Timer | None = None
        self.pool = self.response = None

    def left(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise self.error()
        return left

    def passed(self) -> bool:
        return time.monotonic() >= self.ends

    def error(self) -> IngestError:
        return IngestError(f"The server took longer than {self.seconds:g} s to send the page.")

    def guard(self, pool) -> None:
        """Cut the pool's connection when the deadline passes (until ``release``)."""
        self.release()
        self.pool, self.response = pool, None
        self._timer = threading.Timer(max(0.0, self.ends - time.monotonic()), self._cut)
        self._timer.daemon = True
        self._timer.start()

    def release(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _cut(self) -> None:
        with contextlib.suppress(Exception):
            if self.response is not None:  # the body is being read
                self.response.shutdown()
                return
            sock = getattr(self.pool.current, "sock", None)  # the headers are awaited
            if sock is not None:
                # The plain socket's shutdown, under TLS too: it wakes the reading thread.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Recording:
    """A pool that keeps the connection it hands out, for the deadline to cut."""

    current = None

    def _get_conn(self, timeout=None):
        self.current = super()._get_conn(timeout)
        return self.current


class _HTTPPool(_Recording, urllib3.HTTPConnectionPool):
    pass


class _HTTPSPool(_Recording, urllib3.HTTPSConnectionPool):
    pass


def _open(url: str, timeout: float, headers: dict[str, str], deadline: _Deadline):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError("Only http:// and https:// URLs can be fetched.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise IngestError("The URL's port is not a valid port number.") from None
    address = _check_address(parts.hostname, port)
    timeout = min(timeout, deadline.left())
    if parts.scheme == "https":
        pool = _HTTPSPool(
            address,
            port,
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            timeout=timeout,
            retries=False,
        )
    else:
        pool = _HTTPPool(address, port, timeout=timeout, retries=False)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host_header = parts.hostname if not parts.port else f"{parts.hostname}:{parts.port}"
    deadline.guard(pool)
    deadline.response = pool.urlopen(
        "GET",
        path,
        headers={**headers, "Host": host_header, "User-Agent": USER_AGENT},
        redirect=False,
        preload_content=False,
    )
    return deadline.response


def fetch_url(
    url: str,
    *,
    max_bytes: int | None = None,
    timeout: float | None = None,
    types: tuple[str, ...] = ALLOWED_TYPES,
    etag: str = "",
    last_modified: str = "",
) -> FetchedPage:
    """GET a page; with etag or last_modified, a 304 answer comes back as status 304.

    ``timeout`` bounds each connection and read; NEWSDESK_FETCH_DEADLINE the whole fetch.
    """
    max_bytes = max_bytes or settings.NEWSDESK_MAX_ARTICLE_BYTES
    timeout = timeout or settings.NEWSDESK_FETCH_TIMEOUT
    deadline = _Deadline(settings.NEWSDESK_FETCH_DEADLINE)
    try:
        return _fetch(url, max_bytes, timeout, types, etag, last_modified, deadline)
    finally:
        deadline.release()


def _fetch(url, max_bytes, timeout, types, etag, last_modified, deadline) -> FetchedPage:
    headers = {"Accept": ", ".join(types)}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _ in range(MAX_REDIRECTS + 1):
        try:
            response = _open(url, timeout, headers, deadline)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            if deadline.passed():
                raise deadline.error() from None
            raise IngestError(f"Could not fetch {url}: {exc.__class__.__name__}.") from None
        if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
            url = urljoin(url, response.headers["Location"])
            response.release_conn()
            continue
        if response.status == 304 and (etag or last_modified):
            response.release_conn()
            return FetchedPage(
                url=url,
                content_type="",
                charset=None,
                body=b"",
                status=304,
                etag=etag,
                last_modified=last_modified,
            )
        return _read(url, response, max_bytes, types, deadline)
    raise IngestError(f"Too many redirects (more than {MAX_REDIRECTS}).")


def _read(
    url: str, response, max_bytes: int, types: tuple[str, ...], deadline: _Deadline
) -> FetchedPage:
    if response.status != 200:
        raise IngestError(f"The server answered {response.status} for {url}.")
    content_type, _, params = (response.headers.get("Content-Type") or "").partition(";")
    content_type = content_type.strip().lower()
    if content_type not in types:
        expected = "a feed" if types == FEED_TYPES else "an HTML or text page"
        raise IngestError(f"Expected {expected}, got {content_type or 'no content type'}.")
    declared = int(response.headers.get("Content-Length") or 0)
    if declared > max_bytes:
        raise IngestError(f"The page is larger than {max_bytes // 1_048_576} MB.")
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise IngestError(f"The page is larger than {max_bytes // 1_048_576} MB.")
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        if deadline.passed():
            raise deadline.error() from None
        raise IngestError(f"Could not read {url}: {exc.__class__.__name__}.") from None
    finally:
        response.release_conn()
    if deadline.passed():  # the cut connection ended the body early
        raise deadline.error()
    charset = None
    if "charset=" in params:
        charset = params.split("charset=", 1)[1].strip().strip("\"'") or None
    return FetchedPage(
        url=url,
        content_type=content_type,
        charset=charset,
        body=b"".join(chunks),
        etag=response.headers.get("ETag", ""),
        last_modified=response.headers.get("Last-Modified", ""),
    )
