"""Writes to the newsroom's data: ingesting articles, resolving outlets, events."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.fetch import fetch_url
from newsdesk.ingest.files import check_size, decode_text, looks_like_html
from newsdesk.ingest.article import extract_article
from newsdesk.ingest.text import CleanedText
from newsdesk.models import Article, Event, IngestMethod, MembershipSource, Outlet, OutletDomain



class DuplicateArticle(IngestError):
    def __init__(self, existing: Article, reason: str):
        super().__init__(f"Already stored ({reason}): “{existing.headline}”.")
        self.existing = existing


@dataclass
class ArticleInput:
    """What a person or a file gave us, before extraction."""

    raw: str
    is_html: bool = False
    url: str = ""
    outlet: Outlet | None = None
    outlet_name: str = ""
    headline: str = ""
    byline: str = ""
    published: dt.datetime | dt.date | None = None
    meta: dict | None = None


def content_hash(body: str) -> str:
    # Whitespace and case differences do not make a different article.
    normalised = re.sub(r"\s+", " ", body).strip().lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


def domain_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def outlet_for(*, name: str = "", url: str = "", create_inactive: bool = False) -> Outlet | None:
    """Find an outlet by name, domain or the URL's host; optionally create it for curation."""
    name = name.strip()
    if name:
        outlet = Outlet.objects.filter(name__iexact=name).first()
        if outlet is None and "." in name:
            outlet = _outlet_by_domain(name.lower().removeprefix("www."))
        if outlet:
            return outlet
    if url:
        outlet = _outlet_by_domain(domain_of(url))
        if outlet:
            return outlet
    if create_inactive and (name or url):
        return outlet_create_inactive(name=name or domain_of(url), domain=domain_of(url))
    return None


def _outlet_by_domain(domain: str) -> Outlet | None:
    # "edition.example.com" belongs to the outlet of "example.com".
    parts = domain.split(".")
    candidates = [".".join(parts[i:]) for i in range(len(parts) - 1)]
    match = (
        OutletDomain.objects.filter(domain__in=candidates)
        .select_related("outlet")
        .order_by("-domain")
        .first()
    )
    return match.outlet if match else None


def outlet_create_inactive(*, name: str, domain: str = "") -> Outlet:
    base = slugify(name)[:90] or "outlet"
    slug, n = base, 1
    while Outlet.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    outlet = Outlet.objects.create(
        name=name[:200], slug=slug, is_active=False, notes="Created by an import; please curate."
    )
    if domain and not OutletDomain.objects.filter(domain=domain).exists():
        OutletDomain.objects.create(outlet=outlet, domain=domain)
    return outlet


def _extract(data: ArticleInput) -> CleanedText:
    if not data.raw.strip():
        raise IngestError("There is no text to ingest.")
    # Imports and feeds bring what no form has checked; PostgreSQL cannot store NUL.
    fields = (data.raw, data.url, data.outlet_name, data.headline, data.byline)
    meta = json.dumps(data.meta or {}, default=str)
    if any("\x00" in value for value in fields) or "\\u0000" in meta:
        raise IngestError("The text holds NUL characters, so it is not plain text or HTML.")
    check_size(
        len(data.raw.encode("utf-8", "surrogatepass")),
        settings.NEWSDESK_MAX_ARTICLE_BYTES,
        "The text",
    )
    return extract_article(data.raw, url=data.url, is_html=data.is_html)


def _checked_url(url: str) -> str:
    """Imports and feeds bring URLs that no form has checked; the article page links to them."""
    if not url:
        return url
    try:
        if len(url) > Article._meta.get_field("url").max_length:
            raise ValidationError("too long")
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise IngestError(
            "The URL must be a valid http:// or https:// address of at most 1,000 characters."
        ) from None
    return url


def _published(value: dt.datetime | dt.date | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    return dt.datetime.combine(value, dt.time(12, 0), tzinfo=dt.UTC)


def article_ingest(
    *,
    data: ArticleInput,
    method: str,
    user=None,
    queue_scoring: bool = True,
    create_outlet: bool = False,
) -> Article:
    """Extract, dedupe and store one article; scoring is queued once it is committed.

    Raises IngestError (or its DuplicateArticle) with a message for the user; nothing
    is stored in that case.
    """
    cleaned = _extract(data)
    url = _checked_url(data.url.strip()) or None
    if url and (existing := Article.objects.filter(url=url).first()):
        raise DuplicateArticle(existing, "same URL")
    digest = content_hash(cleaned.body)
    if existing := Article.objects.filter(content_hash=digest).first():
        raise DuplicateArticle(existing, "same text")

    outlet = data.outlet or outlet_for(
        name=data.outlet_name or cleaned.outlet_hint, url=url or "", create_inactive=create_outlet
    )
    headline = (data.headline or cleaned.headline or cleaned.body.split("\n")[0])[:500]
    article = Article(
        outlet=outlet,
        url=url,
        headline=headline.strip(),
        byline=(data.byline or cleaned.byline)[:300],
        dateline=cleaned.dateline[:200],
        published_at=_published(data.published or cleaned.published),
        language=cleaned.language or (outlet.language if outlet else ""),
        body=cleaned.body,
        raw=data.raw,
        captions=cleaned.captions,
        credits=cleaned.credits,
        removed_lines=cleaned.removed,
        content_hash=digest,
        ingest_method=method,
        meta=data.meta or {},
        created_by=user if user and user.is_authenticated else None,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another request stored the same article between our check and our insert.
        existing = (
            Article.objects.filter(content_hash=digest).first()
            or Article.objects.filter(url=url).first()
        )
        if existing:
            raise DuplicateArticle(existing, "stored meanwhile") from None
        raise
    if queue_scoring:
        from analysis.services import articles_queue_scoring

        articles_queue_scoring(article_ids=[article.pk], track=False)
    return article


def article_ingest_upload(*, upload, method: str, user=None, **fields) -> Article:
    """An uploaded file; its size is checked before anything is read."""
    check_size(upload.size, settings.NEWSDESK_MAX_ARTICLE_BYTES, "The file")
    return article_ingest_bytes(
        data=upload.read(), filename=upload.name, method=method, user=user, **fields
    )


def article_ingest_bytes(
    *, data: bytes, filename: str, method: str, user=None, **fields
) -> Article:
    check_size(len(data), settings.NEWSDESK_MAX_ARTICLE_BYTES, "The file")
    text = decode_text(data)
    is_html = filename.lower().endswith((".html", ".htm")) or looks_like_html(text)
    return article_ingest(
        data=ArticleInput(raw=text, is_html=is_html, **fields), method=method, user=user
    )


def article_ingest_url(*, url: str, user=None, outlet: Outlet | None = None) -> Article:
    url = url.strip()
    if existing := Article.objects.filter(url=url).first():
        raise DuplicateArticle(existing, "same URL")
    page = fetch_url(url)
    text = decode_text(page.body, page.charset)
    data = ArticleInput(raw=text, is_html=page.content_type != "text/plain", url=url, outlet=outlet)
    return article_ingest(data=data, method=IngestMethod.URL, user=user, create_outlet=True)


def event_create(
    *, title: str, description: str = "", user=None, article_ids: list[int] | None = None
) -> Event:
    event = Event.objects.create(title=title.strip(), description=description, created_by=user)
    if article_ids:
        event_set_articles(event=event, article_ids=article_ids)
    return event


def event_set_articles(*, event: Event, article_ids: list[int], user=None) -> None:
    """A person puts these articles in the event; the events they leave change too."""
    left = set(
        Article.objects.filter(pk__in=article_ids, event__isnull=False)
        .exclude(event=event)
        .values_list("event_id", flat=True)
    )
    Article.objects.filter(pk__in=article_ids).update(event=event, **_person_membership(user))
    touched = [event, *Event.objects.filter(pk__in=left)]
    for changed in touched:
        event_refresh_dates(event=changed)
    _reports_stale(*touched)


def event_refresh_dates(*, event: Event) -> None:
    span = event.articles.aggregate(first=Min("published_at"), last=Max("published_at"))
    event.starts_on = span["first"].date() if span["first"] else None
    event.ends_on = span["last"].date() if span["last"] else None
    event.save(update_fields=["starts_on", "ends_on"])


def article_set_event(*, article: Article, event: Event | None, user=None) -> None:
    """A person puts an article in an event (or takes it out); recorded as theirs."""
    previous = article.event
    article.event = event
    # A person's removal is recorded too, so that grouping does not put it back.
    article.event_source = MembershipSource.PERSON
    article.event_similarity = None
    article.event_set_by = user if user and user.is_authenticated else None
    article.event_set_at = timezone.now()
    article.save(
        update_fields=[
            "event",
            "event_source",
            "event_similarity",
            "event_set_by",
            "event_set_at",
            "updated_at",
        ]
    )
    for changed in {previous, event} - {None}:
        event_refresh_dates(event=changed)
    _reports_stale(previous, event)


def _person_membership(user) -> dict:
    return {
        "event_source": MembershipSource.PERSON,
        "event_similarity": None,
        "event_set_by": user if user and user.is_authenticated else None,
        "event_set_at": timezone.now(),
    }


@transaction.atomic
def event_merge(*, target: Event, others: list[Event], user=None) -> int:
    """Move every article of the other events into target and delete them."""
    others = [e for e in others if e.pk != target.pk]
    moved = Article.objects.filter(event__in=others).update(
        event=target, **_person_membership(user)
    )
    Event.objects.filter(pk__in=[e.pk for e in others]).delete()
    event_refresh_dates(event=target)
    _reports_stale(target)
    return moved


@transaction.atomic
def event_split(*, event: Event, article_ids: list[int], title: str, user=None) -> Event:
    """Move the chosen articles of an event into a new event of their own."""
    new = Event.objects.create(title=title.strip(), created_by=user)
    Article.objects.filter(event=event, pk__in=article_ids).update(
        event=new, **_person_membership(user)
    )
    event_refresh_dates(event=new)
    event_refresh_dates(event=event)
    _reports_stale(event, new)
    return new


def event_update(*, event: Event, title: str | None = None, locked: bool | None = None) -> None:
    if title is not None:
        event.title = title.strip()
    if locked is not None:
        event.locked = locked
    event.save(update_fields=["title", "locked"])


def event_review(*, event: Event, user, comment: str) -> None:
    event.reviewed_by = user
    event.reviewed_at = timezone.now()
    event.review_comment = comment.strip()
    event.save(update_fields=["reviewed_by", "reviewed_at", "review_comment"])


def _reports_stale(*events: Event | None) -> None:
    from analysis.event_report import events_mark_stale

    events_mark_stale(event_ids=[e.pk for e in events if e is not None])
