"""Loading the demo corpus: curated outlets, demo articles, the seed article, and events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from analysis.selectors import articles_needing_scores
from analysis.services import articles_score
from events.event_report import event_comparison_refresh
from events.grouping import articles_index, event_refresh_dates
from events.storylines import storylines_link
from newsdesk.importer import DEMO_META_KEYS, ImportReport, articles_import
from newsdesk.ingest.errors import IngestError
from newsdesk.models import Article, Event, IngestMethod, MembershipSource, Outlet, OutletDomain
from newsdesk.services import ArticleInput, article_ingest

DEMO_DIR = Path(__file__).resolve().parent / "data"
SEED_FILE = "seed-sputnik-afghan-soldiers.txt"
SEED_EVENT = "afghan-soldiers-tajikistan"


def outlets_load(path: Path = DEMO_DIR / "outlets.json") -> int:
    records = json.loads(path.read_text(encoding="utf-8"))
    for record in records:
        outlet, _ = Outlet.objects.update_or_create(
            slug=record["slug"],
            defaults={
                "name": record["name"],
                "country": record["country"],
                "language": record.get("language", "en"),
                "owner": record.get("owner", ""),
                "state_affiliated": record.get("state_affiliated", False),
                "leaning": record.get("leaning", ""),
                "leaning_source": record.get("leaning_source", ""),
                "leaning_rated_on": record.get("rated_on"),
                "reliability": record.get("reliability", ""),
                "reliability_source": record.get("reliability_source", ""),
                "reliability_rated_on": record.get("rated_on"),
                "notes": record.get("notes", ""),
                "is_active": True,
            },
        )
        for domain in record.get("domains", []):
            OutletDomain.objects.update_or_create(domain=domain, defaults={"outlet": outlet})
        for url in record.get("feeds", []):
            # The demo's feeds are on .example domains: inactive, so that beat never polls them.
            outlet.feeds.update_or_create(url=url, defaults={"is_active": False})
    return len(records)


def seed_load(seed_dir: Path | None = None) -> Article | None:
    path = Path(seed_dir or settings.NEWSDESK_SEED_DIR) / SEED_FILE
    if not path.is_file():
        return None
    data = ArticleInput(
        raw=path.read_text(encoding="utf-8"),
        meta={"event": SEED_EVENT, "note": "Seed article from the project's shared corpus."},
    )
    try:
        return article_ingest(data=data, method=IngestMethod.PASTE, queue_scoring=False)
    except IngestError:
        return None  # already loaded


def events_from_meta(titles: dict[str, str]) -> int:
    """Group demo articles into events by the event key written in their metadata."""
    count = 0
    keys = {a.meta.get("event") for a in Article.objects.filter(meta__has_key="event")}
    for key in sorted(k for k in keys if k):
        title = titles.get(key) or key.replace("-", " ").capitalize()
        event, _ = Event.objects.get_or_create(title=title)
        # The demo's events were curated by hand, so they count as a person's grouping.
        Article.objects.filter(meta__event=key).update(
            event=event, event_source=MembershipSource.PERSON, event_set_at=timezone.now()
        )
        event_refresh_dates(event=event)
        count += 1
    return count


def demo_load(*, score: bool = True) -> dict:
    with transaction.atomic():
        outlets = outlets_load()
    report: ImportReport = articles_import(
        path=DEMO_DIR / "articles.jsonl", queue_scoring=False, meta_keys=DEMO_META_KEYS
    )
    seed = seed_load()
    titles_path = DEMO_DIR / "events.json"
    titles = json.loads(titles_path.read_text()) if titles_path.is_file() else {}
    events = events_from_meta(titles)
    # Their events were set by hand, so grouping would index them only once a worker
    # runs: index them now, then link the events into storylines by the names they share.
    # The demo spans years, further back than beat links (the last weeks), so its span is
    # linked once, as ``manage.py link_storylines --since`` would.
    loaded = Article.objects.filter(pk__in=[*report.imported, *([seed.pk] if seed else [])])
    storylines = 0
    if first := loaded.aggregate(first=Min("published_at"))["first"]:
        articles_index(loaded.order_by("published_at", "pk"))
        storylines = storylines_link(since=first.date()).linked
    scored = 0
    if score:
        ids = list(articles_needing_scores().values_list("pk", flat=True))
        for start in range(0, len(ids), 100):
            scored += articles_score(article_ids=ids[start : start + 100])[0]
        for event_id in Event.objects.values_list("pk", flat=True):
            event_comparison_refresh(event_id=event_id)
    return {
        "outlets": outlets,
        "imported": len(report.imported),
        "duplicates": len(report.duplicates),
        "rejected": report.rejected,
        "seed": seed is not None,
        "events": events,
        "storylines": storylines,
        "scored": scored,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
