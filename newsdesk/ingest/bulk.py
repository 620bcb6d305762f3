"""Reading bulk imports: JSON Lines or CSV, one article per line or row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.dateparse import parse_date, parse_datetime

from newsdesk.ingest.errors import IngestError

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
        reader = csv.DictReader(stream)
        missing = {"text", "html"}.isdisjoint(reader.fieldnames or ())
        if missing:
            raise IngestError("The CSV header needs a 'text' or 'html' column.")
        for number, record in enumerate(reader, 1):
            yield Row(number, {k: v for k, v in record.items() if k})


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
