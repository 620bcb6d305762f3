"""Article extraction from HTML pages, by trafilatura.

trafilatura finds the article's body in the page's markup. What it returns is already
the article, so it is not sorted again by the rules of the paste cleaner (those guess
the body among menus and captions in pasted page text, and on an extracted body they
threw away paragraphs under subheadings). trafilatura runs three ways: its default
mode, its own algorithm alone (``fast``: no fallback extractor) and ``favor_precision``.
The base text is the default one, or the precise one when what the default adds looks
like menus and teaser lists (``prefers_precision``). A line of the base leaves the body
only when:
- it lies before or after every line a narrower extraction shares with it, where a
  fallback took in more of the page (``_core_span``);
- it repeats the headline or is a short byline or "Published …" stamp;
- it is a caption or credit that the page marks as one (``figcaption``, or an element
  whose class names a caption or a credit);
- a narrow chrome rule of the cleaner says so (``is_chrome_line``: interface words,
  counters, short calls to action and legal notices; ``is_date_line``: a date alone);
- it is, or follows, a widget title such as "Related stories" or "Читайте также" alone
  on its line in the second half of the body (``_article_end``).
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
VERSION = "3"
# Class names that mark an element as a picture's caption or its credit
# ("wp-caption-text", "figure__caption", "image-credit", "photo-credit", "copyright").
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"(?:^|[-_])(?:credits?|copyright|photographer)(?:$|[-_])", re.I)

_START_TAG = re.compile(r"<[A-Za-z]")
# Titles of the widgets that follow an article ("Related stories", "Most read", "Читайте
# также", "Zobacz także"): such a title alone on a line, past the first half of the body,
# ends the article. A few words may follow the title ("Most viewed news stories") but not
# after a colon: "Zobacz też: <an article's title>" is one link inside the article.
_END_TITLE = re.compile(
    r"^(?:related(?: stories| articles| links| topics| news| content)?|more on this story|"
    r"more (?:from|stories|news|in)\b|most (?:read|popular|viewed|shared)|latest news|"
    r"top (?:news|stories)|(?:latest|top) [\w ]{0,30}headlines|you (?:may|might) also like|"
    r"recommended(?: for you| stories)?|read (?:more|next|also)|also on|"
    r"sur le même sujet|à lire aussi|lire aussi|les plus lus|"
    r"mehr zum thema|das könnte sie auch interessieren|weitere artikel|meistgelesen|"
    r"noticias relacionadas|te puede interesar|lo más leído|"
    r"читайте также|также по теме|по теме|новости по теме|другие новости|"
    r"последние новости|самые (?:популярные|читаемые)|популярное|"
    r"zobacz (?:także|też)|czytaj (?:także|też|więcej)|polecamy|najpopularniejsze|"
    r"podobne artykuły|więcej na ten temat|"
    r"σχετικά (?:άρθρα|θέματα)|διαβάστε (?:επίσης|ακόμη)|δείτε (?:επίσης|ακόμη)|"
    r"δημοφιλή|τα πιο δημοφιλή)\b[^.!?:]{0,60}:?$",
    re.IGNORECASE,
)
_END_TITLE_MAX_WORDS = 8
# When the favor_precision text is the base (``prefers_precision``).
_SHORT_LINE_WORDS = 10
_SHORT_EXTRA_SHARE = 0.2
# How much a narrower extraction must share with the full one to mark the article's span.
_CORE_MIN_LINES = 3
_CORE_MIN_FOUND = 0.6
_CORE_DENSITY = 0.8


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
    own, precise = _narrower(html, fast=True), _narrower(html, favor_precision=True)
    base, cores = choose_base(doc["text"], own, precise)
    body = sort_lines(html, base, cores, result)
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


def choose_base(text: str, own: str, precise: str) -> tuple[str, list[str]]:
    """The text to take the body from, and the narrower extractions that mark its span.

    ``text`` is trafilatura's default extraction, ``own`` its algorithm alone (``fast``)
    and ``precise`` its ``favor_precision`` one.
    """
    if prefers_precision(text, precise):
        return precise, [own]
    if _same_lines(text, own):
        # The default text is trafilatura's own extraction, no fallback took in more of
        # the page: the precise text, which also drops some of the article's last
        # paragraphs, says nothing about where the article ends.
        return text, [own]
    return text, [own, precise]


def prefers_precision(text: str, precise: str) -> bool:
    """Whether trafilatura's ``favor_precision`` text of a page is the better base.

    Its default mode falls back on a whole-page extractor more readily, which takes in
    menus and teaser lists. The precise text is chosen when it is shorter and at least a
    fifth of the words the default text has beyond it stand in short lines (fewer than
    ten words: menu entries, headlines of other articles, widget titles).
    """
    narrow = [key for key in map(_key, page_lines(precise)) if key]
    full = [key for key in map(_key, page_lines(text)) if key]
    if not narrow or _words(narrow) >= _words(full):
        return False
    shared = set(narrow)
    extra = [len(key.split()) for key in full if key not in shared]
    short = sum(n for n in extra if n < _SHORT_LINE_WORDS)
    return bool(extra) and short >= _SHORT_EXTRA_SHARE * sum(extra)


def _same_lines(text: str, other: str) -> bool:
    return [_key(line) for line in page_lines(text)] == [_key(line) for line in page_lines(other)]


def _words(keys: list[str]) -> int:
    return sum(len(key.split()) for key in keys)


def sort_lines(html: str, text: str, cores: list[str], result: CleanedText) -> list[str]:
    """The body's lines of trafilatura's ``text``; captions, credits and removed lines go
    to ``result``. ``cores`` are trafilatura's narrower extractions of the same page (see
    ``_core_span``): lines outside any of them are left out."""
    captions, credits = _marked_media(html)
    headline = _key(result.headline)
    lines = page_lines(text)  # trafilatura gives one paragraph a line
    first, last = 0, len(lines) - 1
    for core in cores:
        core_first, core_last = _core_span(page_lines(core), lines)
        first, last = max(first, core_first), min(last, core_last)
    if first > last:  # the narrower extractions disagree on where the article is
        first, last = 0, len(lines) - 1
    span = lines[first : last + 1]
    end = _article_end(span)
    result.removed += lines[:first] + span[end:] + lines[last + 1 :]
    body: list[str] = []
    for line in span[:end]:
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
    return body


def _article_end(body: list[str]) -> int:
    """Where the article ends: at the first widget title (``_END_TITLE``) standing alone
    on a line after at least half of the body's words, or at the body's end."""
    total = sum(len(line.split()) for line in body)
    seen = 0
    for i, line in enumerate(body):
        words = len(line.split())
        if (
            seen >= total / 2
            and words <= _END_TITLE_MAX_WORDS
            and _END_TITLE.match(_key(line).strip(" -:•*»›>"))
        ):
            return i
        seen += words
    return len(body)


def _is_furniture(line: str) -> bool:
    """A byline, a date stamp or chrome by one of the cleaner's narrow, tested rules."""
    return (
        is_byline_line(line)
        or is_timestamp_line(line)
        or is_date_line(line)
        or is_chrome_line(line)
    )


def _core_span(core: list[str], lines: list[str]) -> tuple[int, int]:
    """First and last of ``lines`` that a narrower extraction of the page also finds.

    When its own extraction looks too short, trafilatura takes a fallback's instead
    (readability or jusText over the whole page), which can take in the teasers, menus
    and widgets around the article. Its own extraction (``fast``: no fallback) and its
    ``favor_precision`` one then mark where the article is: lines of the full extraction
    before the first line they share and after the last one are chrome. Only when at
    least three of the narrower extraction's lines, and three in five of them, are found
    in order in the full one, and they stand together there (at least four in five
    lines between the first and the last); otherwise the whole extraction is kept.
    """
    whole = (0, len(lines) - 1)
    core_keys = [key for key in map(_key, core) if key]
    keys = [_key(line) for line in lines]
    positions, start = [], 0
    for key in core_keys:
        try:
            position = keys.index(key, start)
        except ValueError:  # a line of its own the full extraction left out or split
            continue
        positions.append(position)
        start = position + 1
    if len(positions) < _CORE_MIN_LINES or len(positions) < _CORE_MIN_FOUND * len(core_keys):
        return whole  # too little in common to say where the article is
    first, last = positions[0], positions[-1]
    # The fallback must have added text around the core, not between its lines.
    return (first, last) if len(positions) >= _CORE_DENSITY * (last - first + 1) else whole


def _narrower(html: str, **options: bool) -> str:
    """trafilatura's text of the page with ``options`` ("" when it finds none)."""
    document = trafilatura.bare_extraction(
        html, with_metadata=False, include_comments=False, **options
    )
    return (document.text or "") if document is not None else ""


def _key(text: str) -> str:
    """A line as compared with the markup's captions and other extractions: spaces, case
    and the bars between table cells (trafilatura writes a table row as "| cell | cell |",
    with or without its empty cells) do not count."""
    return " ".join(text.replace("|", " ").split()).casefold()


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
