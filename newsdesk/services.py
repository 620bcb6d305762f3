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
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from newsdesk import outlet_names
from newsdesk.dates import is_plausible, published_utc
from newsdesk.ingest.article import extract_article
from newsdesk.ingest.bulk import import_format
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.fetch import fetch_url
from newsdesk.ingest.files import (
    check_size,
    decode_text,
    refuse_other_documents,
    upload_is_html,
)
from newsdesk.ingest.language import language_detect
from newsdesk.ingest.text import CleanedText
from newsdesk.models import (
    Article,
    ArticleEdit,
    IngestMethod,
    LanguageSource,
    Outlet,
    OutletDomain,
)
from newsdesk.signals import (
    article_details_changed,
    articles_language_changed,
    articles_stored,
)


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
    name = outlet_names.normalise(name)
    if name:
        bare = outlet_names.without_the(name)
        outlet = Outlet.objects.filter(Q(name__iexact=bare) | Q(name__iexact=f"The {bare}")).first()
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


def _names_outlet(name: str, outlet: Outlet) -> bool:
    """Whether a name is the outlet's own, "The" or not ("Northbridge Ledger" for "The
    Northbridge Ledger"): no query."""
    bare = outlet_names.without_the(outlet_names.normalise(name))
    return bare.lower() == outlet_names.without_the(outlet.name).lower()


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
    name = outlet_names.normalise(name)[:200]
    base = slugify(name)[:90] or "outlet"
    slug, n = base, 1
    while Outlet.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    notes = ["Created by an import; please curate."]
    if warning := outlet_names.look_alike_warning(name):
        notes.append(warning)
        skeleton = outlet_names.latin_skeleton(name)
        if twin := Outlet.objects.filter(name__iexact=skeleton).first():
            notes.append(f"An outlet named “{twin.name}” (/{twin.slug}/) exists already.")
    outlet = Outlet.objects.create(name=name, slug=slug, is_active=False, notes=" ".join(notes))
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


def _published(given: dt.datetime | dt.date | None, found: dt.date | None) -> dt.datetime | None:
    """The date a person or a file gave (refused if implausible), else the one the
    extractor found in the text (ignored if implausible: the text merely mentions it)."""
    if given is not None:
        return published_utc(given)
    return published_utc(found) if is_plausible(found) else None


def fit(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at the last word that fits, marked with "…"
    (a word longer than the limit is cut within it)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head[: head.rindex(" ")]
    return head.rstrip() + "…"


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
    # Checked before anything is written (an outlet included).
    published_at = _published(data.published, cleaned.published)
    if url and (existing := Article.objects.filter(url=url).first()):
        raise DuplicateArticle(existing, "same URL")
    digest = content_hash(cleaned.body)
    if existing := Article.objects.filter(content_hash=digest).first():
        raise DuplicateArticle(existing, "same text")

    outlet = data.outlet or outlet_for(
        name=data.outlet_name or cleaned.outlet_hint, url=url or "", create_inactive=create_outlet
    )
    meta = dict(data.meta or {})
    if outlet is not None and data.outlet is None and not data.outlet_name:
        # Found by the machine: the article page says from what, for an analyst to confirm.
        meta["outlet_found_in"] = (
            "the text's dateline or the page's name"
            if cleaned.outlet_hint and outlet_for(name=cleaned.outlet_hint) == outlet
            else "the address's domain"
        )
    elif (
        outlet is not None
        and data.outlet is None
        and not _names_outlet(data.outlet_name, outlet)
        and outlet_for(name=data.outlet_name) != outlet
    ):
        # The row named an outlet the register does not know, and the address's domain
        # is another outlet's (a syndication site, a shared host): filed under that one,
        # the name given kept on the page for an analyst to confirm or correct.
        meta["outlet_found_in"] = (
            f"the address's domain, though the row named “{outlet_names.normalise(data.outlet_name)[:200]}”"
        )
    # A headline or byline given longer than its column is cut at a word, and the whole of
    # it kept in the article's meta (the page and the import's row say so): nothing lost.
    given = {"headline": data.headline, "byline": data.byline or cleaned.byline}
    cut = {
        name: text.strip()
        for name, text in given.items()
        if text and len(text.strip()) > Article._meta.get_field(name).max_length
    }
    if cut:
        meta["cut"] = cut
    headline = data.headline or cleaned.headline or cleaned.body.split("\n")[0]
    article = Article(
        outlet=outlet,
        url=url,
        headline=fit(headline.strip(), Article._meta.get_field("headline").max_length),
        byline=fit(given["byline"].strip(), Article._meta.get_field("byline").max_length),
        dateline=fit(cleaned.dateline, Article._meta.get_field("dateline").max_length),
        published_at=published_at,
        **_language_fields(cleaned, outlet),
        body=cleaned.body,
        raw=data.raw,
        captions=cleaned.captions,
        credits=cleaned.credits,
        removed_lines=cleaned.removed,
        content_hash=digest,
        ingest_method=method,
        meta=meta,
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
        articles_stored.send(sender=Article, article_ids=[article.pk])
    return article


def _language_fields(cleaned: CleanedText, outlet: Outlet | None) -> dict:
    """The detected language; the page's declaration or the outlet's language when the
    text was too short or too mixed for the detector to be sure."""
    fields = {
        "language_detected": cleaned.language if cleaned.language_confidence else "",
        "language_confidence": cleaned.language_confidence,
    }
    if cleaned.language:
        source = LanguageSource.DETECTED if cleaned.language_confidence else LanguageSource.PAGE
        return fields | {"language": cleaned.language, "language_source": source}
    if outlet and outlet.language:
        return fields | {"language": outlet.language, "language_source": LanguageSource.OUTLET}
    return fields | {"language": "", "language_source": ""}


def article_set_language(*, article: Article, language: str, user=None) -> bool:
    """A person corrects the article's language; False if it was that already. The
    detector's guess stays beside it; ``articles_language_changed`` tells the scoring
    layer, which scores the article again."""
    language = language.strip().lower()
    changed = language != article.language
    article.language = language
    article.language_source = LanguageSource.PERSON
    article.language_set_by = user if user and user.is_authenticated else None
    article.language_set_at = timezone.now()
    article.save(
        update_fields=[
            "language",
            "language_source",
            "language_set_by",
            "language_set_at",
            "updated_at",
        ]
    )
    if changed:
        articles_language_changed.send(sender=Article, article_ids=[article.pk])
    return changed


DETECT_CHUNK = 500


def articles_detect_language(*, article_ids: list[int] | None = None) -> tuple[int, int]:
    """Detect the language of stored articles again (all of them by default), except
    those a person set; those whose language changes are scored again. Returns (seen,
    changed). For archives ingested before detection stored its confidence."""
    articles = Article.objects.exclude(language_source=LanguageSource.PERSON)
    if article_ids is not None:
        articles = articles.filter(pk__in=article_ids)
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    total_changed = 0
    for start in range(0, len(ids), DETECT_CHUNK):
        changed: list[int] = []
        rows = (
            Article.objects.filter(pk__in=ids[start : start + DETECT_CHUNK])
            .select_related("outlet")
            .only("pk", "body", "language", "language_source", "outlet__language")
        )
        updates, fields = [], {}
        for article in rows:
            found = language_detect(article.body)
            cleaned = CleanedText(language=found.language, language_confidence=found.confidence)
            fields = _language_fields(cleaned, article.outlet)
            if fields["language"] != article.language:
                changed.append(article.pk)
            for name, value in fields.items():
                setattr(article, name, value)
            updates.append(article)
        with transaction.atomic():
            Article.objects.bulk_update(updates, list(fields), batch_size=DETECT_CHUNK)
            if changed:
                articles_language_changed.send(sender=Article, article_ids=changed)
        total_changed += len(changed)
    return len(ids), total_changed


def article_ingest_upload(*, upload, method: str, user=None, **fields) -> Article:
    """An uploaded file; its size is checked before anything is read."""
    check_size(upload.size, settings.NEWSDESK_MAX_ARTICLE_BYTES, "The file")
    return article_ingest_bytes(
        data=upload.read(), filename=upload.name, method=method, user=user, **fields
    )


def article_ingest_bytes(
    *, data: bytes, filename: str, method: str, user=None, **fields
) -> Article:
    if import_format(filename):
        # Its rows would be stored as one article's text ("url,title,text" its headline).
        raise IngestError(
            "This is a file of articles (JSON Lines or CSV): use Import articles, which "
            "reads one article a row."
        )
    check_size(len(data), settings.NEWSDESK_MAX_ARTICLE_BYTES, "The file")
    text = decode_text(data)
    refuse_other_documents(text)
    is_html = upload_is_html(text, filename)
    return article_ingest(
        data=ArticleInput(raw=text, is_html=is_html, **fields), method=method, user=user
    )


def url_check_not_stored(*, url: str) -> None:
    """Raise DuplicateArticle if an article with this URL is stored (before fetching it)."""
    if existing := Article.objects.filter(url=url.strip()).first():
        raise DuplicateArticle(existing, "same URL")


def article_ingest_url(*, url: str, user=None, outlet: Outlet | None = None) -> Article:
    url = url.strip()
    url_check_not_stored(url=url)
    page = fetch_url(url)
    text = decode_text(page.body, page.charset)
    data = ArticleInput(raw=text, is_html=page.content_type != "text/plain", url=url, outlet=outlet)
    return article_ingest(data=data, method=IngestMethod.URL, user=user, create_outlet=True)


# The details of an article a person may correct on its page; the body is what came in
# and is not edited (its scores and annotations rest on it).
EDITABLE_DETAILS = ("headline", "outlet", "published_at", "dateline")


def _detail_text(value) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return "" if value is None else str(value)


@transaction.atomic
def article_details_update(*, article: Article, user, **changes) -> list[str]:
    """Correct an article's details (``EDITABLE_DETAILS``); each change is kept in its
    history with who made it, and ``article_details_changed`` tells the apps above (the
    article's event follows a new publication time). Returns the fields changed."""
    unknown = set(changes) - set(EDITABLE_DETAILS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    changed = [name for name, value in changes.items() if getattr(article, name) != value]
    if not changed:
        return []
    editor = user if user and user.is_authenticated else None
    ArticleEdit.objects.bulk_create(
        ArticleEdit(
            article=article,
            field=name,
            old=_detail_text(getattr(article, name)),
            new=_detail_text(changes[name]),
            user=editor,
        )
        for name in changed
    )
    for name in changed:
        setattr(article, name, changes[name])
    fields = [*changed, "updated_at"]
    # A headline cut at ingestion and now corrected: its note of the whole text goes too.
    cut = (article.meta or {}).get("cut") or {}
    if set(cut) & set(changed):
        kept = {name: whole for name, whole in cut.items() if name not in changed}
        if kept:
            article.meta["cut"] = kept
        else:
            del article.meta["cut"]
        fields.append("meta")
    article.save(update_fields=fields)
    article_details_changed.send(sender=Article, article=article, fields=changed)
    return changed
