"""Bulk import of articles from JSON Lines or CSV files."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.db import DatabaseError, DataError, transaction

from newsdesk.ingest.bulk import Row, detect_format, parse_published, read_rows
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.files import open_text_file
from newsdesk.models import Article, IngestMethod
from newsdesk.services import ArticleInput, DuplicateArticle, article_ingest
from newsdesk.signals import articles_stored

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    # The keys that were not read (no field, no alias, no metadata), with how many rows had each.
    unread: Counter = field(default_factory=Counter)
    undated: int = 0  # articles stored without a publication date
    # Rows stored with a headline or byline too long for its column, cut on the page and
    # kept whole in the article's meta: (row number, the fields).
    cut: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.imported) + len(self.duplicates) + len(self.rejected)

    def reasons(self) -> Counter:
        return Counter(reason for _, reason in self.rejected)


def _text(fields: dict, key: str) -> str:
    # A JSON line may hold a number, a list or an object where text belongs.
    value = fields.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise IngestError(f"'{key}' must be text")
    return value


# A row's documented fields are bulk.FIELDS, under their names or bulk.FIELD_ALIASES.
# Other keys are not read (and the import says so) unless the caller names them as
# metadata to keep: only the demo loader and the benchmark do ("demo" marks an article as
# written for the demo on its page, so a file must not set it; nor "note" or "event").
DEMO_META_KEYS = ("demo", "note", "event")


def _row_input(fields: dict, meta_keys: tuple[str, ...]) -> ArticleInput:
    text, html = _text(fields, "text"), _text(fields, "html")
    if not (text.strip() or html.strip()):
        raise IngestError("no text or html")
    meta = {k: fields[k] for k in meta_keys if k in fields}
    return ArticleInput(
        raw=html or text,
        is_html=bool(html) and not text,
        url=_text(fields, "url").strip(),
        outlet_name=_text(fields, "outlet").strip(),
        headline=_text(fields, "title").strip(),
        byline=_text(fields, "byline").strip(),
        published=parse_published(fields.get("published")),
        meta=meta,
    )


@dataclass
class RowOutcome:
    STORED, DUPLICATE, REFUSED = "stored", "duplicate", "refused"

    kind: str
    detail: str = ""
    article: Article | None = None


# Grouping places an article without a date by when it was stored (events.grouping).
UNDATED = "no publication date: its event is looked for among articles of the days it was imported"


def unread_keys(row: Row, meta_keys: tuple[str, ...] = ()) -> list[str]:
    """The keys of a row that nothing was read from."""
    return [key for key in row.unread if key not in meta_keys]


def row_import(*, row: Row, user=None, meta_keys: tuple[str, ...] = ()):
    """Store one row of an import file, or say why not; one row's fault, even one that
    the database refuses, stays that row's. A stored row's detail names the keys it had
    that were not read."""
    if row.fields is None:
        return RowOutcome(RowOutcome.REFUSED, row.error)
    try:
        with transaction.atomic():
            article = article_ingest(
                data=_row_input(row.fields, meta_keys),
                method=IngestMethod.BULK,
                user=user,
                queue_scoring=False,
                create_outlet=True,
            )
    except DuplicateArticle as exc:
        return RowOutcome(RowOutcome.DUPLICATE, str(exc), exc.existing)
    except IngestError as exc:
        return RowOutcome(RowOutcome.REFUSED, str(exc))
    except (DataError, ValueError, OverflowError) as exc:
        log.warning("Import row %s could not be stored", row.number, exc_info=exc)
        return RowOutcome(
            RowOutcome.REFUSED, f"could not be stored ({exc.__class__.__name__}: {exc})"[:500]
        )
    except DatabaseError:
        raise  # the database itself (a lost connection): the job's task is tried again
    except Exception as exc:
        # A fault of ours that one row set off (a RecursionError on a deeply nested line
        # did): that row refused, the rest of the file imported. Raised, it stopped the
        # job, and the sweep sent it again and again to fail at the same row.
        log.exception("Import row %s set off an error", row.number)
        return RowOutcome(
            RowOutcome.REFUSED,
            f"could not be stored: an error in Newsdesk ({exc.__class__.__name__}), logged "
            "for the admins; the other rows are imported",
        )
    notes = []
    if article.published_at is None:
        notes.append(UNDATED)
    if unread := unread_keys(row, meta_keys):
        notes.append(f"not read: {', '.join(unread)}")
    for name in (article.meta or {}).get("cut", {}):
        notes.append(f"{name} too long, cut on the page (kept whole on the article's page)")
    return RowOutcome(RowOutcome.STORED, "; ".join(notes)[:500], article)


def articles_import(
    *,
    path: Path,
    user=None,
    progress: Callable[[int], None] | None = None,
    meta_keys: tuple[str, ...] = (),
    queue_scoring: bool = True,
) -> ImportReport:
    """Import every row of the file it can; report the rest with reasons."""
    detect_format(path.name)  # before opening: a wrong kind of file is refused by name
    # In the encoding it is in, as the import page reads it; binary files are refused.
    with open_text_file(path) as stream:
        return articles_import_stream(
            stream=stream,
            name=path.name,
            user=user,
            progress=progress,
            meta_keys=meta_keys,
            queue_scoring=queue_scoring,
        )


def articles_import_stream(
    *,
    stream: TextIO,
    name: str,
    user=None,
    progress: Callable[[int], None] | None = None,
    meta_keys: tuple[str, ...] = (),
    queue_scoring: bool = True,
) -> ImportReport:
    """Import every row of a text stream (JSON Lines or CSV, by ``name``) it can; report
    the rest with reasons. Scoring is queued in bulk."""
    report = ImportReport()
    fmt = detect_format(name)
    for row in read_rows(stream, fmt):
        if progress and row.number % 100 == 0:
            progress(row.number)
        outcome = row_import(row=row, user=user, meta_keys=meta_keys)
        report.unread.update(unread_keys(row, meta_keys))
        if outcome.article is not None and outcome.kind == RowOutcome.STORED:
            report.imported.append(outcome.article.pk)
            report.undated += outcome.article.published_at is None
            if cut := (outcome.article.meta or {}).get("cut"):
                report.cut.append((row.number, sorted(cut)))
        elif outcome.kind == RowOutcome.DUPLICATE:
            report.duplicates.append((row.number, outcome.detail))
        else:
            report.rejected.append((row.number, outcome.detail))
    if queue_scoring and report.imported:
        articles_stored.send(
            sender=Article, article_ids=report.imported, label=f"Import of {name}", user=user
        )
    return report
