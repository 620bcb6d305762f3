"""Reading bulk imports: JSON Lines or CSV, one article per line or row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.dateparse import parse_date, parse_datetime

from newsdesk.ingest.errors import IngestError

CSV_SEPARATORS = (",", ";", "\t", "|")
FIELDS = ("url", "outlet", "title", "published", "text", "html")
# A CSV cell may hold a whole article.
csv.field_size_limit(50 * 1024 * 1024)


@dataclass
class Row:
    number: int  # line number (JSONL) or row number (CSV), from 1
    fields: dict | None
    error: str = ""


def detect_format(filename: str) -> str:
    name = filename.lower()
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    raise IngestError(f"{filename}: use a .jsonl or .csv file.")


def read_rows(stream: io.TextIOBase, fmt: str) -> Iterator[Row]:
    if fmt == "jsonl":
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Row(number, None, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(value, dict):
                yield Row(number, None, "each line must be a JSON object")
                continue
            yield Row(number, value)
    else:
        header = stream.readline()
        reader = csv.DictReader(itertools.chain([header], stream), delimiter=csv_separator(header))
        for number, record in enumerate(reader, 1):
            yield Row(number, {k: v for k, v in record.items() if k})


def csv_separator(header: str) -> str:
    """The separator of a CSV file, read from its header line.

    Spreadsheets export with commas, semicolons (Excel where the decimal mark is a comma),
    tabs or bars; the header must name a 'text' or 'html' column with one of them.
    """
    for separator in CSV_SEPARATORS:
        names = next(csv.reader([header], delimiter=separator), [])
        if {"text", "html"} & set(names):
            return separator
    raise IngestError(
        "The CSV header needs a 'text' or 'html' column, with columns separated by commas, "
        "semicolons, tabs or | (the first line reads: "
        f"{header.strip()[:80]!r})."
    )


def parse_published(value) -> dt.datetime | dt.date | None:
    if not value:
        return None
    value = str(value).strip()
    try:
        parsed = parse_datetime(value) or parse_date(value)
    except ValueError:  # well-formed but impossible, such as 2024-02-30
        parsed = None
    if parsed is None:
        raise IngestError(f"the published date {value!r} is not an ISO date")
    return parsed
