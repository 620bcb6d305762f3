"""Turning uploaded or fetched bytes into text, refusing what is not text."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsdesk.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(size: int, limit: int, name: str = "The file") -> None:
    if size == 0:
        raise IngestError(f"{name} is empty.")
    if size > limit:
        raise IngestError(
            f"{name} is {size / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.0f} MB."
        )


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode bytes of unknown encoding, or raise IngestError if they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _refuse_nul(data.decode(encoding))
            except UnicodeDecodeError:
                raise IngestError(f"This file starts like {encoding} text but is not.") from None
    # UTF-16 without a BOM: every other byte of ASCII text is NUL.
    if len(data) >= 4 and data[1::2].count(0) > 0.4 * (len(data) // 2):
        try:
            return _refuse_nul(data.decode("utf-16-le"))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise IngestError("This looks like a binary file, not text or HTML.")
    if b"\x00" in data:
        raise IngestError("This file holds binary data, not only text or HTML.")
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return _refuse_nul(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise IngestError("This file's encoding could not be recognised as text.")
    least = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= least + 0.01]
    # Short Western texts fit several code pages equally well; Windows-1252 is the
    # likeliest for news pages, and the one browsers assume for "latin-1".
    encoding = "cp1252" if "cp1252" in tied else tied[0]
    return data.decode(encoding, errors="replace")


def _refuse_nul(text: str) -> str:
    # NUL is never in text, and PostgreSQL cannot store it.
    if "\x00" in text:
        raise IngestError("This file holds binary data, not only text or HTML.")
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head
