"""Polling outlets' RSS and Atom feeds.

Celery beat runs the dispatcher (newsdesk.tasks.poll_feeds) every minute: it claims each
due feed by pushing its next_poll_at forward with a conditional UPDATE, so that two
dispatchers never send the same feed twice, and sends one poll_feed task per claimed feed.
A poll holds the feed through polling_until while it runs, so that a "poll now" from the
admin or the command cannot run beside the scheduled one. Both hold for a lease: a poll
whose worker died lets go of the feed when the lease passes.

The feed document and each new item's page go through the SSRF-safe fetcher of URL
ingestion; items are stored by the ingestion service, which refuses duplicates by URL or
text, and the new articles are queued for scoring together at the end of the poll.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import time
from dataclasses import dataclass, field

import feedparser
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.fetch import FEED_TYPES, fetch_url
from newsdesk.ingest.files import decode_text
from newsdesk.models import Article, Feed, IngestMethod
from newsdesk.services import ArticleInput, DuplicateArticle, article_ingest
from newsdesk.signals import articles_stored

log = logging.getLogger(__name__)

# Longer than poll_feed's hard time limit, so that a lease never runs out under a live poll.
POLL_LEASE = dt.timedelta(minutes=15)
MAX_BACKOFF = dt.timedelta(days=1)
# Items read from one feed document (feeds list the newest first).
MAX_ITEMS = 100
# After this long a poll stops fetching pages; the items left wait for the next poll.
POLL_BUDGET_SECONDS = 300
MAX_URL_LENGTH = 1000


class PollStatus:
    OK = "ok"
    NOT_MODIFIED = "not modified"
    FAILED = "failed"
    BUSY = "busy"


@dataclass
class PollReport:
    status: str
    items: int = 0
    new: int = 0
    known: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    error: str = ""
    etag: str = ""
    last_modified: str = ""
    # False when the time budget ran out before every item was looked at.
    complete: bool = True

    def summary(self) -> str:
        if self.status == PollStatus.FAILED:
            return f"Failed: {self.error}"
        if self.status == PollStatus.NOT_MODIFIED:
            return "Not modified since the last poll."
        if self.status == PollStatus.BUSY:
            return "Skipped: another poll of this feed is running."
        text = f"{self.items} items: {self.new} new, {self.known} already stored"
        if self.skipped:
            text += f", {self.skipped} without a link"
        if self.errors:
            text += f", {len(self.errors)} failed ({self.errors[0]}"
            text += f" and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ")"
        if not self.complete:
            text += "; out of time, the rest wait for the next poll"
        return text + "."


# Selectors


def _due(now: dt.datetime) -> Q:
    return Q(is_active=True) & (Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))


def _free(now: dt.datetime) -> Q:
    return Q(polling_until__isnull=True) | Q(polling_until__lt=now)


def feeds_due(*, now: dt.datetime | None = None) -> QuerySet[Feed]:
    """Active feeds whose time has come and that no poll is holding, longest waiting first."""
    now = now or timezone.now()
    return Feed.objects.filter(_due(now), _free(now)).order_by(
        F("next_poll_at").asc(nulls_first=True), "pk"
    )


# Services


def feeds_claim_due(*, now: dt.datetime | None = None, limit: int = 1000) -> list[int]:
    """Claim every due feed for one poll and return their ids, for the caller to send.

    The UPDATE repeats the selector's condition, so a feed that another dispatcher has
    claimed since we read it is not claimed again.
    """
    now = now or timezone.now()
    claimed = []
    for feed_id in feeds_due(now=now).values_list("pk", flat=True)[:limit]:
        won = Feed.objects.filter(_due(now), _free(now), pk=feed_id).update(
            next_poll_at=now + POLL_LEASE
        )
        if won:
            claimed.append(feed_id)
    return claimed


def backoff(*, interval_minutes: int, failures: int) -> dt.timedelta:
    """The wait after the given number of failed polls in a row: doubled each time, capped."""
    if failures <= 0:
        return dt.timedelta(minutes=interval_minutes)
    return min(dt.timedelta(minutes=interval_minutes) * 2 ** min(failures, 16), MAX_BACKOFF)


def feed_poll(*, feed: Feed) -> PollReport:
    """Poll one feed now (active or not) unless another poll holds it; record the outcome."""
    now = timezone.now()
    held = Feed.objects.filter(_free(now), pk=feed.pk).update(polling_until=now + POLL_LEASE)
    if not held:
        return PollReport(status=PollStatus.BUSY)
    feed.refresh_from_db()
    try:
        report = _poll(feed)
    except DatabaseError:
        with contextlib.suppress(DatabaseError):
            Feed.objects.filter(pk=feed.pk).update(polling_until=None)
        raise
    except Exception as exc:  # includes Celery's soft time limit; the feed must be let go
        log.exception("Polling feed %s failed", feed.pk)
        report = PollReport(status=PollStatus.FAILED, error=f"{exc.__class__.__name__}: {exc}")
    _record(feed=feed, report=report)
    return report


def _poll(feed: Feed) -> PollReport:
    try:
        document = fetch_url(
            feed.url, types=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
        )
    except IngestError as exc:
        return PollReport(status=PollStatus.FAILED, error=str(exc))
    if document.status == 304:
        return PollReport(status=PollStatus.NOT_MODIFIED)
    # A stream, never bytes or str: feedparser would take those for a path or a URL.
    parsed = feedparser.parse(
        io.BytesIO(document.body),
        response_headers={
            "content-location": document.url,
            "content-type": document.content_type
            + (f"; charset={document.charset}" if document.charset else ""),
        },
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = parsed.get("bozo_exception") or "no RSS or Atom found"
        return PollReport(status=PollStatus.FAILED, error=f"Not a feed: {reason}")
    report = PollReport(
        status=PollStatus.OK, etag=document.etag, last_modified=document.last_modified
    )
    _ingest_entries(feed, parsed.entries[:MAX_ITEMS], report)
    return report


def _ingest_entries(feed: Feed, entries: list, report: PollReport) -> None:
    started = time.monotonic()
    links = [_link(entry) for entry in entries]
    stored = set(
        Article.objects.filter(url__in=[link for link in links if link]).values_list(
            "url", flat=True
        )
    )
    report.items = len(entries)
    try:
        for entry, link in zip(entries, links, strict=True):
            if not link:
                report.skipped += 1
                continue
            if link in stored:
                report.known += 1
                continue
            if time.monotonic() - started > POLL_BUDGET_SECONDS:
                report.complete = False
                break
            stored.add(link)
            _ingest_entry(feed, entry, link, report)
    finally:
        # Scoring in chunks for the whole poll, even one cut short by a time limit.
        if report.article_ids:
            articles_stored.send(sender=Article, article_ids=report.article_ids)


def _ingest_entry(feed: Feed, entry, link: str, report: PollReport) -> None:
    try:
        if len(link) > MAX_URL_LENGTH:
            raise IngestError("The link is too long.")
        page = fetch_url(link)
        data = ArticleInput(
            raw=decode_text(page.body, page.charset),
            is_html=page.content_type != "text/plain",
            url=link,
            outlet=feed.outlet,
            headline=strip_tags(entry.get("title") or "").strip(),
            published=_published(entry),
            meta={"feed": feed.pk, "feed_entry": str(entry.get("id") or "")[:300]},
        )
        article = article_ingest(data=data, method=IngestMethod.FEED, queue_scoring=False)
    except DuplicateArticle:
        report.known += 1
    except IngestError as exc:
        report.errors.append(f"{link}: {exc}")
    except (DatabaseError, SoftTimeLimitExceeded):
        raise
    except Exception as exc:  # an extractor's bug on one page must not lose the others
        log.exception("Feed %s: ingesting %s failed", feed.pk, link)
        report.errors.append(f"{link}: {exc.__class__.__name__}")
    else:
        report.new += 1
        report.article_ids.append(article.pk)


def _link(entry) -> str:
    link = (entry.get("link") or "").strip()
    return link if link.startswith(("http://", "https://")) else ""


def _published(entry) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.datetime(*parsed[:6], tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def _record(*, feed: Feed, report: PollReport) -> None:
    """Write the outcome, the next poll's time and the health figures; let the feed go."""
    now = timezone.now()
    fields: dict = {
        "polling_until": None,
        "last_polled_at": now,
        "last_result": report.summary()[:500],
    }
    if report.status == PollStatus.FAILED:
        failures = feed.failures + 1
        fields.update(
            failures=failures,
            last_error=report.error,
            last_error_at=now,
            next_poll_at=now + backoff(interval_minutes=feed.poll_interval, failures=failures),
        )
    else:
        fields.update(
            failures=0,
            last_success_at=now,
            next_poll_at=now + backoff(interval_minutes=feed.poll_interval, failures=0),
            articles_found=F("articles_found") + report.new,
        )
        if report.status == PollStatus.OK:
            # A poll cut short asks for the whole feed next time, so that its rest is read.
            fields["etag"] = report.etag[:500] if report.complete else ""
            fields["last_modified"] = report.last_modified[:100] if report.complete else ""
    Feed.objects.filter(pk=feed.pk).update(**fields)
