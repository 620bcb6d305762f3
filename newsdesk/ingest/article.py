"""From what a user gave (pasted text or an HTML page) to the article Newsdesk stores."""

from __future__ import annotations

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.html import extract_html
from newsdesk.ingest.text import CleanedText, clean_text, word_count

MIN_BODY_WORDS = 5


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
    # Words of scripts written without spaces count too (word_count).
    return word_count(body) >= MIN_BODY_WORDS
