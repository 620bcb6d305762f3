"""From what a user gave (pasted text or an HTML page) to the article Newsdesk stores."""

from __future__ import annotations

import re

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.html import extract_html
from newsdesk.ingest.text import CleanedText, clean_text

MIN_BODY_WORDS = 5
# Chinese, Japanese and Thai write no spaces between words: there a body needs this many
# characters of their scripts instead (about five words).
MIN_BODY_UNSPACED_CHARS = 10
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def extract_article(raw: str, *, url: str = "", is_html: bool) -> CleanedText:
    """The article in ``raw``; IngestError when there is too little text to store.

    The ingest service calls this, and so does bench/eval_extraction.py, so that the
    evaluation measures exactly what is stored.
    """
    cleaned = extract_html(raw, url) if is_html else clean_text(raw)
    if not has_enough_text(cleaned.body):
        raise IngestError("Too little article text was found (fewer than five words).")
    return cleaned


def has_enough_text(body: str) -> bool:
    if len(body.split()) >= MIN_BODY_WORDS:
        return True
    return len(_UNSPACED.findall(body)) >= MIN_BODY_UNSPACED_CHARS
