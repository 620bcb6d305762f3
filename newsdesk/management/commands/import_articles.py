import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.importer import articles_import
from newsdesk.ingest.bulk import FIELDS
from newsdesk.ingest.errors import IngestError


class Command(BaseCommand):
    help = (
        "Import articles from a JSON Lines or CSV file (fields: url, outlet, title, "
        "published, byline, text or html, or the other names the README lists)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--no-score", action="store_true", help="Do not queue scoring.")

    def handle(self, *args, file: Path, no_score: bool, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")

        def progress(rows: int) -> None:
            sys.stderr.write(f"\r… {rows} rows read")
            sys.stderr.flush()

        try:
            report = articles_import(path=file, progress=progress, queue_scoring=not no_score)
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        if report.rows >= 100:
            sys.stderr.write("\n")
        self.stdout.write(
            f"{len(report.imported)} imported, {len(report.duplicates)} duplicate, "
            f"{len(report.rejected)} rejected"
        )
        for number, reason in report.rejected:
            self.stdout.write(f"  row {number}: rejected: {reason}")
        for number, reason in report.duplicates[:20]:
            self.stdout.write(f"  row {number}: duplicate: {reason}")
        for number, fields in report.cut[:20]:
            self.stdout.write(
                f"  row {number}: {' and '.join(fields)} too long, cut on the page "
                "(kept whole on the article's page)"
            )
        if report.undated:
            self.stdout.write(
                f"{report.undated} of the articles imported have no publication date: the "
                "event of each is looked for among articles of the days it was imported."
            )
        if report.unread:
            keys = ", ".join(
                f"{key!r} ({n} row{'s' if n > 1 else ''})" for key, n in report.unread.most_common()
            )
            self.stdout.write(
                f"Not read: {keys}. The fields read are {', '.join(FIELDS)}, or the names "
                "the README lists for them."
            )
