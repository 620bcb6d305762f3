"""Article extraction from HTML pages, by trafilatura."""

from __future__ import annotations

import contextlib
import datetime as dt

import trafilatura

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.text import CleanedText, clean_text


def extract_html(html: str, url: str = "") -> CleanedText:
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
        cleaned.language = doc["language"]
    if not cleaned.body:
        raise IngestError("No article text could be found in this HTML page.")
    return cleaned
