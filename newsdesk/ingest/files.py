"""Turning uploaded or fetched bytes into text, refusing what is not text."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

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
    decoded: list[str] = []

    def decodes(encoding: str) -> bool:
        try:
            decoded.append(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            return False
        return True

    def chunks() -> Iterator[bytes]:
        return (data[i : i + _SNIFF_BYTES] for i in range(0, len(data), _SNIFF_BYTES))

    encoding, errors = _encoding(data[:_SNIFF_BYTES], decodes, declared, chunks)
    return _refuse_nul(decoded[-1] if decoded else data.decode(encoding, errors))


def open_text_file(path: Path) -> TextIO:
    """A file of unknown encoding, opened as text by the rules of ``decode_text`` but
    without holding it in memory (the import command takes files of any size); refused
    (IngestError) when it is empty or not text."""
    check_size(path.stat().st_size, sys.maxsize, path.name)
    with path.open("rb") as stream:
        head = stream.read(_SNIFF_BYTES)

    def decodes(encoding: str) -> bool:
        try:
            decoder = codecs.getincrementaldecoder(encoding)()
        except LookupError:
            return False
        with path.open("rb") as stream:
            try:
                while chunk := stream.read(1 << 20):
                    _refuse_nul(decoder.decode(chunk))
                _refuse_nul(decoder.decode(b"", final=True))
            except UnicodeDecodeError:
                return False
        return True

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as stream:
            yield from iter(lambda: stream.read(_SNIFF_BYTES), b"")

    encoding, errors = _encoding(head, decodes, None, chunks)
    return path.open(encoding=encoding, errors=errors, newline="")


# charset_normalizer reads this much of a file to guess its encoding.
_SNIFF_BYTES = 200_000


def _sample(chunks: Iterable[bytes]) -> bytes:
    """The bytes from the first that is not ASCII on: a file that does not decode as
    UTF-8 may hold its first other letter far from its start, and its encoding shows
    only there (in a sample of mostly ASCII, every code page fits as well)."""
    first = b""
    for chunk in chunks:
        if other := _NOT_ASCII.search(chunk):
            return chunk[other.start() :]
        first = first or chunk
    return first


_NOT_ASCII = re.compile(rb"[\x80-\xff]")


def _windows_1252(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: bytes that are not UTF-8 read as Windows-1252 (Latin-1
    where it leaves a byte undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    text = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad)
    return text, error.end


codecs.register_error("newsdesk-windows-1252", _windows_1252)


def _mostly_utf8(chunks: Iterable[bytes]) -> bool:
    """Whether a text that is not all UTF-8 holds more letters written in UTF-8 than
    bytes that are not: lines of another encoding pasted into a UTF-8 file, where a
    Windows-1252 file has next to no UTF-8 sequences."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    letters = invalid = 0
    for chunk in [*chunks, b""]:
        text = decoder.decode(chunk, final=not chunk)
        invalid += text.count("\ufffd")
        letters += len(_NOT_ASCII_TEXT.findall(text))
    return letters - invalid > invalid


_NOT_ASCII_TEXT = re.compile(r"[^\x00-\x7f]")


def _encoding(
    head: bytes,
    decodes: Callable[[str], bool],
    declared: str | None,
    chunks: Callable[[], Iterable[bytes]],
) -> tuple[str, str]:
    """The encoding of a text whose first bytes are ``head``, with the codec error handler
    to read it with; ``decodes(encoding)`` says whether the whole text decodes in it (and
    refuses a NUL character), and ``chunks()`` gives the whole text's bytes."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if decodes(encoding):
                return encoding, "strict"
            raise IngestError(f"This file starts like {encoding} text but is not.")
    # UTF-16 without a BOM: every other byte of ASCII text is NUL.
    if len(head) >= 4 and head[1::2].count(0) > 0.4 * (len(head) // 2) and decodes("utf-16-le"):
        return "utf-16-le", "strict"
    if b"\x00" in head[:8192]:
        raise IngestError("This looks like a binary file, not text or HTML.")
    for encoding in filter(None, (declared, "utf-8")):
        if decodes(encoding):
            return encoding, "strict"
    if _mostly_utf8(chunks()):
        return "utf-8", "newsdesk-windows-1252"
    matches = list(from_bytes(_sample(chunks())))
    if not matches:
        raise IngestError("This file's encoding could not be recognised as text.")
    least = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= least + 0.01]
    # Short Western texts fit several code pages equally well; Windows-1252 is the
    # likeliest for news pages, and the one browsers assume for "latin-1".
    return ("cp1252" if "cp1252" in tied else tied[0]), "replace"


def _refuse_nul(text: str) -> str:
    # NUL is never in text, and PostgreSQL cannot store it.
    if "\x00" in text:
        raise IngestError("This file holds binary data, not only text or HTML.")
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


_TAG = re.compile(r"<[a-z!/]", re.IGNORECASE)


def upload_is_html(text: str, filename: str) -> bool:
    """An uploaded file is read as HTML when it looks like a page, or is named as one and
    holds a tag; plain text saved under .html is read as the text it is (as HTML it had
    "no article text")."""
    named = filename.lower().endswith((".html", ".htm", ".xhtml"))
    return looks_like_html(text) or (named and bool(_TAG.search(text)))


def refuse_other_documents(text: str) -> None:
    """Refuse text that is a document of another kind, whose markup would be stored as the
    article's words: RTF (as word processors save), or XML that is not a web page (an
    SVG image, a feed)."""
    head = text[:2000].lstrip().lower()
    if head.startswith("{\\rtf"):
        raise IngestError(
            "This is an RTF document: save it as plain text (.txt) or as a web page (.html)."
        )
    page = "<html" in head or looks_like_html(text)  # XHTML opens with <?xml too
    if head.startswith(("<?xml", "<svg", "<rss", "<feed")) and not page:
        raise IngestError(
            "This is an XML document (an image, a feed or data), not an article's text or "
            "web page; an admin adds a feed under Feeds in the admin."
        )
