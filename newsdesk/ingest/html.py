"""Article extraction from HTML pages, by trafilatura.

trafilatura finds the article's body in the page's markup. What it returns is already
the article, so it is not sorted again by the rules of the paste cleaner (those guess
the body among menus and captions in pasted page text, and on an extracted body they
threw away paragraphs under subheadings). Here a line leaves the body only when:
- it lies outside trafilatura's own extraction, where a fallback's took in more of the
  page (``_core_span``);
- it repeats the headline or is a short byline or "Published …" stamp;
- it is a caption or credit that the page marks as one (``figcaption``, or an element
  whose class names a caption or a credit);
- a narrow chrome rule of the cleaner says so (``is_chrome_line``: interface words,
  counters, short calls to action and legal notices; ``is_date_line``: a date alone).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import lxml.html
import trafilatura
from django.conf import settings
from lxml import etree

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.language import language_detect
from newsdesk.ingest.text import (
    CleanedText,
    dateline_agency,
    is_byline_line,
    is_chrome_line,
    is_date_line,
    is_timestamp_line,
    page_lines,
    split_dateline,
)

# What the HTML path stores; bump it when that changes (analysis/accuracy/extraction.json
# names the version its figures were measured with).
VERSION = "2"
# Class names that mark an element as a picture's caption or its credit
# ("wp-caption-text", "figure__caption", "image-credit", "photo-credit", "copyright").
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"(?:^|[-_])(?:credits?|copyright|photographer)(?:$|[-_])", re.I)

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

    result = CleanedText(
        headline=(doc.get("title") or "").strip(), byline=(doc.get("author") or "").strip()
    )
    captions, credits = _marked_media(html)
    headline = _key(result.headline)
    lines = page_lines(doc["text"])  # trafilatura gives one paragraph a line
    first, last = _core_span(html, lines)
    result.removed += lines[:first] + lines[last + 1 :]
    body: list[str] = []
    for line in lines[first : last + 1]:
        key = _key(line)
        if key in credits:
            _add(result.credits, line)
        elif key in captions:
            caption, credit = captions[key]
            _add(result.captions, caption)
            if credit:
                _add(result.credits, credit)
        elif (key == headline and not body) or _is_furniture(line):
            result.removed.append(line)
        else:
            body.append(line)

    if body:
        result.dateline, body[0] = split_dateline(body[0])
        result.outlet_hint = dateline_agency(result.dateline)
    if doc.get("sitename") and not result.outlet_hint:
        result.outlet_hint = doc["sitename"].strip()  # og:site_name or the like
    result.body = "\n\n".join(body)
    if doc.get("date"):
        with contextlib.suppress(ValueError):  # an unparseable date is left unset
            result.published = dt.date.fromisoformat(doc["date"][:10])
    detected = language_detect(result.body)
    result.language, result.language_confidence = detected.language, detected.confidence
    if doc.get("language") and not result.language:
        # The page's own declaration, when the text was too short or mixed to detect.
        result.language = doc["language"].split("-")[0].lower()[:12]
        result.language_confidence = None  # not the detector's
    if not result.body:
        raise IngestError("No article text could be found in this HTML page.")
    return result


def _is_furniture(line: str) -> bool:
    """A byline, a date stamp or chrome by one of the cleaner's narrow, tested rules."""
    return (
        is_byline_line(line)
        or is_timestamp_line(line)
        or is_date_line(line)
        or is_chrome_line(line)
    )


def _core_span(html: str, lines: list[str]) -> tuple[int, int]:
    """First and last of ``lines`` that trafilatura's own algorithm finds.

    When its own extraction looks too short, trafilatura takes a fallback's instead
    (readability or jusText over the whole page), which can take in the teasers and
    widgets around the article. Its own extraction (``fast``: no fallback) then marks
    where the article is: lines before its first line and after its last are chrome.
    Only when it has three lines or more, every one of them is found, in order, in the
    full extraction, and they stand together there (at least four in five lines between
    its first and last); otherwise the whole extraction is kept.
    """
    whole = (0, len(lines) - 1)
    core = trafilatura.bare_extraction(html, fast=True, with_metadata=False, include_comments=False)
    core_lines = [_key(line) for line in page_lines(core.text or "")] if core else []
    keys = [_key(line) for line in lines]
    positions, start = [], 0
    for key in core_lines:
        try:
            start = keys.index(key, start)
        except ValueError:
            return whole
        positions.append(start)
        start += 1
    if len(positions) < 3:  # too little of its own to say where the article is
        return whole
    first, last = positions[0], positions[-1]
    # The fallback must have added text around the core, not between its lines.
    return (first, last) if len(positions) >= 0.8 * (last - first + 1) else whole


def _key(text: str) -> str:
    """A line as compared with the markup's captions: spaces, case and the bars around a
    table cell (trafilatura writes a table row as "| cell |") do not count."""
    return " ".join(text.strip().strip("|").split()).casefold()


def _add(items: list[str], text: str) -> None:
    if text and text not in items:
        items.append(text)


def _marked_media(html: str) -> tuple[dict[str, tuple[str, str]], set[str]]:
    """Captions and credits as the page's markup marks them.

    Returns {line key: (caption, credit)} for every way a caption may reach the body
    (with its credit, or without), and the keys of every credit.
    """
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"))
    except (etree.ParserError, ValueError):
        return {}, set()
    captions: dict[str, tuple[str, str]] = {}
    credits: set[str] = set()
    for element in root.iter(etree.Element):
        classes = str(element.get("class") or "").split()
        is_credit = any(_CREDIT_CLASS.search(c) for c in classes)
        if is_credit:
            credits.add(_key(element.text_content()))
        elif element.tag == "figcaption" or any(_CAPTION_CLASS.search(c) for c in classes):
            whole = " ".join(element.text_content().split())
            credit = " ".join(
                " ".join(e.text_content().split())
                for e in element.iterdescendants(etree.Element)
                if any(_CREDIT_CLASS.search(c) for c in str(e.get("class") or "").split())
            )
            caption = " ".join(whole.replace(credit, " ").split()) if credit else whole
            for text in (whole, caption):
                if text:
                    captions[_key(text)] = (caption, credit)
    credits.discard("")
    return captions, credits
