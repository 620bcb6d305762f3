"""Article extraction from HTML pages, by trafilatura."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import trafilatura
from django.conf import settings

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.text import CleanedText, clean_text

_START_TAG = re.compile(r"<[A-Za-z]")


def check_html_size(html: str) -> None:
    """Refuse a page that extraction would take too long over: its cost grows with the
    page's size and, faster, with its number of elements (20,000 tiny paragraphs took
    about 4 s; 500,000, over 30 s)."""
    size = len(html.encode("utf-8", "surrogatepass"))
    limit = settings.NEWSDESK_MAX_HTML_BYTES
    if size > limit:
        raise IngestError(
            f"This HTML page is {size / 1_048_576:.1f} MB; pages of up to "
            f"{limit / 1_048_576:.0f} MB can be read. Paste the article's text instead."
        )
    elements = sum(1 for _ in _START_TAG.finditer(html))
    if elements > settings.NEWSDESK_MAX_HTML_ELEMENTS:
        raise IngestError(
            f"This HTML page has {elements:,} elements; pages of up to "
            f"{settings.NEWSDESK_MAX_HTML_ELEMENTS:,} can be read. Paste the article's "
            "text instead."
        )


def extract_html(html: str, url: str = "") -> CleanedText:
    check_html_size(html)
    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False
    )
    doc = document.as_dict() if document is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise IngestError("No article text could be found in this HTML page.")
    # Paragraphs come one per line; the cleaner finds a dateline and stray chrome.
    cleaned = clean_text(doc["text"])
    if doc.get("title"):
        cleaned.headline = doc["title"].strip()
    if doc.get("sitename") and not cleaned.outlet_hint:
        cleaned.outlet_hint = doc["sitename"].strip()  # og:site_name or the like
    if doc.get("author"):
        cleaned.byline = doc["author"].strip()
    if doc.get("date"):
        with contextlib.suppress(ValueError):  # an unparseable date is left unset
            cleaned.published = dt.date.fromisoformat(doc["date"][:10])
    if doc.get("language") and not cleaned.language:
        # The page's own declaration, when the text was too short or mixed to detect.
        cleaned.language = doc["language"].split("-")[0].lower()[:12]
        cleaned.language_confidence = None  # not the detector's
    if not cleaned.body:
        raise IngestError("No article text could be found in this HTML page.")
    return cleaned
