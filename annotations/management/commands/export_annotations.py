"""Export annotations as W3C Web Annotation JSON-LD or as CSV with outlet/article data."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from annotations import export
from newsdesk.models import Article, Event


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = (
        "Export the annotations of an article, an event or the articles published in a date "
        "range, as W3C Web Annotation JSON-LD (default) or CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, help="article id")
        parser.add_argument("--event", type=int, help="event id")
        parser.add_argument("--since", type=_date, help="articles published on or after (date)")
        parser.add_argument("--until", type=_date, help="articles published on or before (date)")
        parser.add_argument("--format", choices=["jsonld", "csv"], default="jsonld")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="site address for annotation and article IRIs (default: %(default)s)",
        )

    def handle(self, *args, **options):
        if not any(options[k] for k in ("article", "event", "since", "until")):
            raise CommandError("Choose --article, --event, or a date range (--since/--until).")
        article = event = None
        if options["article"]:
            article = Article.objects.filter(pk=options["article"]).first()
            if article is None:
                raise CommandError(f"There is no article {options['article']}.")
        if options["event"]:
            event = Event.objects.filter(pk=options["event"]).first()
            if event is None:
                raise CommandError(f"There is no event {options['event']}.")
        annotations = export.annotations_for_export(
            article=article, event=event, since=options["since"], until=options["until"]
        )
        base_url = options["base_url"].rstrip("/")
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                count = self._write(annotations, out, options["format"], base_url)
        else:
            count = self._write(annotations, self.stdout, options["format"], base_url)
        self.stderr.write(f"Exported {count} annotation(s).")

    def _write(self, annotations, stream, fmt: str, base_url: str) -> int:
        if fmt == "csv":
            return export.write_csv(annotations, stream, base_url)
        doc = export.collection_jsonld(annotations, base_url, label="Newsdesk annotations")
        stream.write(json.dumps(doc, ensure_ascii=False, indent=2))
        return sum(1 for item in doc["first"]["items"] if item.get("motivation") != "replying")
