"""Reading bulk imports: JSON Lines or CSV, one article per line or row."""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import itertools
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from dateutil import parser as dateutil_parser
from django.utils.dateparse import parse_date, parse_datetime

from newsdesk.ingest.errors import IngestError

CSV_SEPARATORS = (",", ";", "\t", "|")
_SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
FIELDS = ("url", "outlet", "title", "published", "byline", "text", "html")
# Other names that exports and scrapers commonly give the same fields. A row's keys are
# compared in lower case, with spaces and hyphens read as underscores ("Published At" is
# published_at); a field under its own name wins over an alias, and an earlier alias over
# a later one. Keys that are none of these are not read (the import says which).
FIELD_ALIASES = {
    "url": ("link",),
    "outlet": ("publisher", "source_name", "site_name"),
    "title": ("headline",),
    "published": (
        "published_at",
        "publication_date",
        "date_published",
        "datepublished",
        "publish_date",
        "pubdate",
        "pub_date",
        "date",
    ),
    "byline": ("author",),
    "text": ("body", "content", "article_text"),
}
# A CSV cell may hold a whole article.
csv.field_size_limit(50 * 1024 * 1024)


@dataclass
class Row:
    number: int  # line number (JSONL) or row number (CSV), from 1
    fields: dict | None
    error: str = ""
    unread: tuple[str, ...] = ()  # the row's keys that no field was read from


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", str(name).strip().lower())


def _names() -> dict[str, str]:
    """Each name a field may go by (normalised), with the field it is."""
    names = {field: field for field in FIELDS}
    for field, aliases in FIELD_ALIASES.items():
        names.update((alias, field) for alias in aliases)
    return names


FIELD_NAMES = _names()


def canonical_row(number: int, record: dict) -> Row:
    """A row with each documented field under its own name, read from the key that names
    it or else from its first alias that holds text (FIELD_ALIASES); the row's other keys
    are kept as they are, for a caller that keeps some as metadata, and listed as unread
    with the keys that lost to another name of the same field."""
    chosen: dict[str, tuple[int, str]] = {}  # field -> (rank of the name, key)
    for key, value in record.items():
        field = FIELD_NAMES.get(_key(key))
        if field is None:
            continue
        if _key(key) == field:
            rank = 0 if key == field else 1  # "title" before "Title"
        elif isinstance(value, str) and value.strip():
            rank = 2 + FIELD_ALIASES[field].index(_key(key))
        else:
            continue  # an alias without text (a list of authors, an empty date) is not read
        if field not in chosen or rank < chosen[field][0]:
            chosen[field] = (rank, key)
    fields = dict(record)
    fields.update((field, record[key]) for field, (_, key) in chosen.items())
    read = {key for _, key in chosen.values()} | set(FIELDS)
    unread = (k for k, v in record.items() if k not in read and v not in (None, "", [], {}))
    return Row(number, fields, unread=tuple(str(k) for k in unread))


def import_format(filename: str) -> str | None:
    """ "jsonl" or "csv" for the name of an import file, else None."""
    name = filename.lower()
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    return None


def detect_format(filename: str) -> str:
    if fmt := import_format(filename):
        return fmt
    raise IngestError(f"{filename}: use a .jsonl or .csv file.")


def read_rows(stream: io.TextIOBase, fmt: str) -> Iterator[Row]:
    if fmt == "jsonl":
        first = True
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            if first and line.lstrip().startswith("["):
                # A JSON export, not JSON Lines: each of its lines would be refused alone.
                raise IngestError(
                    "This file holds a JSON array; the import reads JSON Lines, one object "
                    "per line (jq -c '.[]' FILE.json > FILE.jsonl writes them)."
                )
            first = False
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Row(number, None, f"not valid JSON ({exc.msg})")
                continue
            except RecursionError:  # the parser's stack, not the file, ran out
                yield Row(number, None, "its JSON is nested too deeply to read")
                continue
            if not isinstance(value, dict):
                yield Row(number, None, "each line must be a JSON object")
                continue
            yield canonical_row(number, value)
    else:
        yield from _csv_rows(stream)


def _csv_rows(stream: io.TextIOBase) -> Iterator[Row]:
    header = stream.readline()
    separator = csv_separator(header)
    # Strict: a cell opened with a double quote and never closed is an error, where the
    # lenient reader took the rest of the file into it and stored it as one article.
    reader = csv.DictReader(itertools.chain([header], stream), delimiter=separator, strict=True)
    try:
        columns = len(reader.fieldnames or ())
    except csv.Error as exc:
        raise IngestError(
            f"The CSV header is not valid CSV ({exc}): {header.strip()[:80]!r}"
        ) from None
    for number in itertools.count(1):
        first_line = reader.reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last_line = reader.reader.line_num
            lines = (
                f"line {last_line}"
                if last_line == first_line
                else f"lines {first_line}–{last_line}"
            )
            yield Row(
                number,
                None,
                f"not valid CSV on {lines} ({exc}): a cell that opens with a double quote "
                "must close with one, and a double quote inside it is written twice",
            )
            continue
        if any(cell.strip() for cell in record.get(None, ())):
            # Cells past the header's columns have no name: the text would be stored
            # cut short where a separator stood unquoted in it.
            error = (
                f"{columns + len(record[None])} cells where the header has {columns} "
                f"columns; a text holding a {_SEPARATOR_NAMES[separator]} must be in "
                "double quotes"
            )
            yield Row(number, None, error)
            continue
        yield canonical_row(number, {k: v for k, v in record.items() if k})


def csv_separator(header: str) -> str:
    """The separator of a CSV file, read from its header line.

    Spreadsheets export with commas, semicolons (Excel where the decimal mark is a comma),
    tabs or bars; the header must name a 'text' or 'html' column (or an alias of 'text')
    with one of them.
    """
    for separator in CSV_SEPARATORS:
        names = next(csv.reader([header], delimiter=separator), [])
        if {"text", "html"} & {FIELD_NAMES.get(_key(name)) for name in names}:
            return separator
    raise IngestError(
        "The CSV header needs a 'text' or 'html' column, with columns separated by commas, "
        "semicolons, tabs or | (the first line reads: "
        f"{header.strip()[:80]!r})."
    )


# A date written with its month in words ("5 March 2024", "March 5, 2024 2:30 PM"),
# which no reader can take for another date, unlike "03/05/2024".
_MONTH_IN_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I
)
DATE_FORMS = (
    "ISO 8601 such as 2024-03-05 or 2024-03-05T14:30:00+01:00, RFC 2822 such as "
    "'Tue, 05 Mar 2024 14:30:00 +0100', or with the month in words such as '5 March 2024'"
)


def parse_published(value) -> dt.datetime | dt.date | None:
    """A row's publication date: ISO 8601, RFC 2822 (RSS, e-mail) or a date with its month
    in words; a date written only in figures in another order than ISO's is refused, since
    "03/05/2024" is the 3rd of May in one country and the 5th of March in another."""
    if not value:
        return None
    value = str(value).strip()
    try:
        parsed = parse_datetime(value) or parse_date(value)
    except ValueError:  # well-formed but impossible, such as 2024-02-30
        raise IngestError(f"the published date {value!r} is not a date that exists") from None
    if parsed is None:
        parsed = _written_date(value)
    if parsed is None:
        raise IngestError(
            f"the published date {value!r} is not a date Newsdesk reads ({DATE_FORMS})"
        )
    return parsed


# RFC 2822, as RSS and e-mail write dates: "Tue, 05 Mar 2024 14:30:00 +0100" (or GMT, EST).
_RFC_2822 = re.compile(
    r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?P<zone>[+-]\d{4}|[a-z]{1,5}))?",
    re.I,
)
# The zone names RFC 2822 defines (any other is read as UTC by the standard library).
_RFC_2822_ZONES = frozenset(
    ["UT", "UTC", "GMT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"]
)


def _written_date(value: str) -> dt.datetime | dt.date | None:
    if rfc := _RFC_2822.fullmatch(value):
        zone = (rfc["zone"] or "").upper()
        if zone[:1].isalpha() and zone not in _RFC_2822_ZONES:
            return None  # a zone name RFC 2822 does not define ("CET") would be read as UTC
        try:
            return email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if not _MONTH_IN_WORDS.search(value):
        return None
    try:  # read twice with different defaults: what differs was not written
        with warnings.catch_warnings():
            # A zone name dateutil does not know ("CET") would be dropped, not read.
            warnings.simplefilter("error", dateutil_parser.UnknownTimezoneWarning)
            first = dateutil_parser.parse(value, default=dt.datetime(2001, 1, 1))
            second = dateutil_parser.parse(value, default=dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError, dateutil_parser.UnknownTimezoneWarning):
        return None
    if first.year != second.year or first.day != second.day:
        return None  # "March 5" or "March 2024": no year, or no day
    if first.tzinfo is not None:  # a fixed offset, not dateutil's zone objects
        first = first.replace(tzinfo=dt.timezone(first.utcoffset()))
    has_time = ":" in value or first.tzinfo is not None
    return first if has_time else first.date()
