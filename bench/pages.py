"""Page latency and SQL queries per request on a large corpus (see bench/seed_large.py).

In-process with django.test.Client, logged in as an Editor ("bench-editor"), against the
configured database: for each page, p50 / p95 / max latency over N requests after a few
warm-up requests, the time spent in SQL, and the number of queries per request (which
must not grow with the data). Then, if events.grouping provides article_place, the
time to index and place new articles in events, rolled back afterwards.

Goals at 100,000 articles: p95 under 150 ms for every page, under 50 ms per placement.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_large \\
       .venv/bin/python bench/pages.py [--requests 200] [--max-seconds 60]
"""

import argparse
import datetime as dt
import html
import importlib
import inspect
import math
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
# A task that a page queues (a stale event report) goes to an in-process broker, never
# to a broker or spool directory that real workers read.
os.environ.setdefault("CELERY_BROKER_URL", "memory://")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Max, Min  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.seed_large import bench_outlets  # noqa: E402
from events.models import EventComparison  # noqa: E402
from newsdesk.groups import ensure_role_groups  # noqa: E402
from newsdesk.models import (  # noqa: E402
    Article,
    Event,
    IngestMethod,
    ScoringStatus,
)
from newsdesk.roles import EDITOR  # noqa: E402
from newsdesk.services import content_hash  # noqa: E402

WARMUP = 5
PAGE_BUDGET_MS = 150
PLACE_BUDGET_MS = 50
PLACEMENTS = 20


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Result:
    name: str
    extra: bool = False
    ms: list[float] = field(default_factory=list)
    db_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    slowest: tuple[float, str, str] = (0.0, "", "")  # ms, SQL, URL
    empty: int = 0  # requests whose list showed no article

    @property
    def p95(self) -> float:
        return percentile(self.ms, 0.95)


@dataclass
class Page:
    name: str
    url: Callable[[int], str]  # the i-th URL to request
    extra: bool = False  # not in the list; measured for information


def measure(client: Client, page: Page, requests: int, max_seconds: float) -> Result:
    for i in range(WARMUP):
        response = client.get(page.url(i))
        if response.status_code != 200:
            sys.exit(f"{page.url(i)} answered {response.status_code}")
    result = Result(page.name, page.extra)
    began = time.perf_counter()
    for i in range(WARMUP, WARMUP + requests):
        url = page.url(i)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = 1000 * (time.perf_counter() - start)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        result.ms.append(elapsed)
        result.queries.append(len(captured))
        times = [(1000 * float(q["time"]), q["sql"]) for q in captured.captured_queries]
        result.db_ms.append(sum(t for t, _ in times))
        if times:
            worst = max(times, key=lambda tq: tq[0])
            if worst[0] > result.slowest[0]:
                result.slowest = (worst[0], worst[1], url)
        if b"No article matches" in response.content:
            result.empty += 1
        if time.perf_counter() - began > max_seconds:
            break
    return result


def print_table(results: list[Result], requests: int) -> None:
    print()
    header = f"{'page':<44} {'n':>4} {'p50':>8} {'p95':>8} {'max':>8} {'SQL p50':>8} {'queries':>8}"
    print(header + "  p95 ≤ 150 ms")
    print("-" * (len(header) + 14))
    for r in results:
        low, high = min(r.queries), max(r.queries)
        queries = f"{low}" if low == high else f"{low}–{high}"
        verdict = "ok" if r.p95 <= PAGE_BUDGET_MS else "OVER"
        notes = []
        if r.extra:
            notes.append("extra")
        if len(r.ms) < requests:
            notes.append(f"stopped after {len(r.ms)}")
        if r.empty:
            notes.append(f"{r.empty} empty lists")
        print(
            f"{r.name:<44} {len(r.ms):>4} {statistics.median(r.ms):>7.1f}  {r.p95:>7.1f} "
            f"{max(r.ms):>8.1f} {statistics.median(r.db_ms):>8.1f} {queries:>8}  {verdict}"
            + (f" ({', '.join(notes)})" if notes else "")
        )
    print("(milliseconds; SQL = time spent in queries as Django measures it)")
    over = [r for r in results if r.p95 > PAGE_BUDGET_MS]
    for r in over:
        ms, sql, url = r.slowest
        print(f"\n{r.name}: p95 {r.p95:.0f} ms; slowest query {ms:.0f} ms on {url}\n  {sql[:1200]}")


def bench_data(rng: random.Random) -> dict:
    outlets = list(bench_outlets().order_by("pk"))
    if not outlets:
        sys.exit("No bench outlets: run bench/seed_large.py first.")
    articles = Article.objects.filter(outlet__in=outlets)
    span = articles.aggregate(first=Min("published_at"), last=Max("published_at"))
    events = list(
        EventComparison.objects.filter(stale=False, event__articles__outlet__in=outlets)
        .order_by("event_id")
        .values_list("event_id", flat=True)
        .distinct()
    )
    if not events:
        sys.exit("No precomputed event comparison: run bench/seed_large.py first.")
    ids = list(articles.values_list("pk", flat=True))
    sample = rng.sample(ids, min(len(ids), 500))
    words = sorted({
        word.lower()
        for headline in Article.objects.filter(pk__in=sample[:50]).values_list("headline", flat=True)
        for word in headline.split()
        if word.isalpha() and len(word) >= 6
    })  # fmt: skip
    common = common_word()
    print(f"{len(outlets)} bench outlets, {len(ids)} articles from {span['first']:%Y-%m-%d} "
          f"to {span['last']:%Y-%m-%d}, {len(events)} precomputed event reports")  # fmt: skip
    return {
        "outlets": [o.slug for o in outlets],
        "first": span["first"].date(),
        "last": span["last"].date(),
        "events": events,
        "articles": sample,
        "words": words or ["minister"],
        "common": common,
    }


def common_word() -> str:
    """The word of the most articles that is not a stop word, from PostgreSQL's statistics
    of the stored search vector (any word of the demo corpus elsewhere)."""
    if connection.vendor != "postgresql":
        return "said"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = 'newsdesk_article' AND attname = 'search_vector'"
        )
        row = cursor.fetchone()
    if not row or not row[0]:
        return "said"
    # The frequencies list ends with three summary figures, not words'.
    word, freq = max(zip(row[0], row[1], strict=False), key=lambda wf: wf[1])
    print(f"commonest word: {word!r} in {freq:.0%} of the articles")
    return word


# Searches made only of words the English configuration ignores.
STOP_WORD_QUERIES = ["the", "it is", "of the", "to be", "before", "against", "he was", "not"]
DEEP_PAGE = 1000


def link_after(client: Client, url: str, label: str) -> str:
    """The href of the pagination link ``label`` ("Next") on the page at ``url``, as a
    reader would follow it."""
    content = client.get(url).content.decode()
    for anchor in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', content):
        if label in anchor[1]:
            return "/articles/" + html.unescape(anchor[0])
    sys.exit(f"no {label!r} link on {url}")


def pages(data: dict, rng: random.Random, client: Client) -> list[Page]:
    outlets, first, last = data["outlets"], data["first"], data["last"]
    year_start = last - dt.timedelta(days=365)
    days = max(1, (last - first).days - 90)

    def pick(items):
        return lambda i: rng.choice(items)

    outlet = pick(outlets)

    def quarter(i: int) -> tuple[str, str]:
        start = first + dt.timedelta(days=rng.randrange(days))
        return start.isoformat(), (start + dt.timedelta(days=90)).isoformat()

    def query(path: str, **params) -> str:
        return f"{path}?{urlencode(params)}"

    def filtered(i: int) -> str:
        start, end = quarter(i)
        return query("/articles/", outlet=outlet(i), date_from=start, date_to=end)

    events = data["events"]
    return [
        Page("event comparison /events/<id>/", lambda i: f"/events/{events[i % len(events)]}/"),
        Page(
            "outlet report, one year",
            lambda i: query(
                "/reports/outlets/",
                outlets=outlet(i),
                start=year_start.isoformat(),
                end=last.isoformat(),
            ),
        ),
        Page("articles ?outlet=&date_from=&date_to= (90 d)", filtered),
        Page("articles ?q=<word>", lambda i: query("/articles/", q=rng.choice(data["words"]))),
        Page(
            f"articles ?q=<commonest>&page={DEEP_PAGE}",
            lambda i: query("/articles/", q=data["common"], page=DEEP_PAGE),
        ),
        Page(
            f"articles ?q=<commonest>, page {DEEP_PAGE} by Next",
            deep_by_next(client, data["common"]),
        ),
        Page(
            "articles ?q=<stop words only>",
            lambda i: query("/articles/", q=rng.choice(STOP_WORD_QUERIES)),
        ),
        Page("articles ?status=scored", lambda i: "/articles/?status=scored"),
        Page("articles ?outlet=&page=2", lambda i: query("/articles/", outlet=outlet(i), page=2)),
        Page("articles (plain)", lambda i: "/articles/"),
        Page(
            "article page /articles/<id>/", lambda i: f"/articles/{rng.choice(data['articles'])}/"
        ),
        Page("event list /events/", lambda i: "/events/", extra=True),
        Page("outlet list /outlets/", lambda i: "/outlets/", extra=True),
        Page("outlet page /outlets/<slug>/", lambda i: f"/outlets/{outlet(i)}/", extra=True),
        Page("blindspots, one year", lambda i: "/reports/blindspots/", extra=True),
    ]


def deep_by_next(client: Client, word: str) -> Callable[[int], str]:
    """Page DEEP_PAGE of ``word`` as reached by the Next link of the page before it (the
    link is read once, lazily, from that page)."""
    found: list[str] = []

    def url(i: int) -> str:
        if not found:
            previous = f"/articles/?{urlencode({'q': word, 'page': DEEP_PAGE - 1})}"
            found.append(link_after(client, previous, "Next"))
            print(f"  following {found[0]}")
        return found[0]

    return url


def _takes_terms(place: Callable) -> bool:
    return "terms" in inspect.signature(place).parameters


def _placement_event(placement: Callable) -> Callable:
    """article_placement's event, as article_place gives it."""

    def place(**kwargs):
        return placement(**kwargs).event

    return place


def placement(rng: random.Random, n: int = PLACEMENTS) -> None:
    try:
        grouping = importlib.import_module("events.grouping")
    except ImportError:
        print("\nevents.grouping is missing: placement not measured.")
        return
    place = getattr(grouping, "article_place", None)
    if place is None:
        print("\nevents.grouping has no article_place: placement not measured.")
        return
    index = getattr(grouping, "article_index", None)
    from bench.corpus import distinct_articles
    from bench.seed_large import headline_of

    templates = distinct_articles(300)  # the seed's template pool
    outlets = list(bench_outlets())
    ids = list(Article.objects.filter(outlet__in=outlets).values_list("pk", flat=True))
    last_event = Event.objects.aggregate(last=Max("pk"))["last"] or 0
    index_ms, place_ms, queries = [], [], []
    joined = created = copies = 0
    placed_ids: list[int] = []
    # Everything is rolled back at the end (nothing stays, no task is sent), so each
    # placement's own transaction is a savepoint here: the figures leave out one commit.
    with transaction.atomic():
        for i in range(n):
            model = Article.objects.select_related("outlet").get(pk=rng.choice(ids))
            if i % 2 == 0:
                # Another outlet's version of an existing article (the same template):
                # it should join that article's event, perhaps as a syndicated copy.
                text = model.body.rsplit("\n\n", 1)[0]
                published = model.published_at + dt.timedelta(minutes=rng.randint(-720, 720))
            else:
                # Any template, on the day of an existing article: most start an event.
                text = rng.choice(templates)
                published = model.published_at + dt.timedelta(minutes=rng.randint(-60, 60))
            body = f"{text}\n\nThis report carries the placement reference {i:03d}-{rng.random()}."
            article = Article.objects.create(
                outlet=rng.choice([o for o in outlets if o.pk != model.outlet_id]),
                headline=headline_of(text),
                published_at=published,
                language="en",
                body=body,
                raw=body,
                content_hash=content_hash(body),
                ingest_method=IngestMethod.BULK,
                scoring_status=ScoringStatus.SCORED,
            )
            indexed = None
            if index is not None:
                start = time.perf_counter()
                indexed = index(article=article)
                index_ms.append(1000 * (time.perf_counter() - start))
            # The terms (and meaning vector) just indexed are handed over, as the grouping
            # task does (events.services.articles_group), rather than read back.
            given = {}
            if hasattr(indexed, "meaning") and hasattr(grouping, "article_placement"):
                place = _placement_event(grouping.article_placement)
                given = {"terms": indexed.terms, "meaning": indexed.meaning}
            elif indexed is not None and _takes_terms(place):
                given = {"terms": indexed}
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                event = place(article=article, **given)
                place_ms.append(1000 * (time.perf_counter() - start))
            queries.append(len(captured))
            if event is not None and event.pk > last_event:
                created += 1
            elif event is not None:
                joined += 1
            copies += bool(getattr(article, "copy_kind", ""))
            placed_ids.append(article.pk)
        look = getattr(grouping, "articles_second_look", None)
        if look is not None:
            # The worker's second look at what it placed (events.services.events_second_look):
            # the new articles and their neighbours, placed again.
            start = time.perf_counter()
            neighbours = grouping.articles_neighbours(article_ids=placed_ids)
            looked = look(article_ids=neighbours)
            look_ms = 1000 * (time.perf_counter() - start)
        transaction.set_rollback(True)

    def line(label: str, values: list[float], budget: float | None = None) -> str:
        p95 = percentile(values, 0.95)
        verdict = "" if budget is None else ("  ok" if p95 <= budget else "  OVER")
        return (
            f"{label:<30} p50 {statistics.median(values):7.1f}  p95 {p95:7.1f}  "
            f"max {max(values):7.1f} ms{verdict}"
        )

    print(f"\nPlacing {n} new articles (rolled back): {joined} joined an existing event, "
          f"{created} started one, {copies} flagged as copies")  # fmt: skip
    if index_ms:
        print(line("article_index", index_ms))
    print(line("article_place", place_ms, PLACE_BUDGET_MS) + "  (goal p95 ≤ 50 ms)")
    if index_ms:
        print(line("index + place", [a + b for a, b in zip(index_ms, place_ms, strict=True)]))
    low, high = min(queries), max(queries)
    print(f"queries per placement: {low}" + ("" if low == high else f"–{high}"))
    if look is not None:
        print(
            f"second look at the {n} placed: {len(neighbours)} articles with their neighbours, "
            f"{looked.passes} passes, {looked.moved} moved, {look_ms:.0f} ms "
            f"({look_ms / n:.1f} ms per placed article)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--max-seconds", type=float, default=60, help="stop measuring a page after this long"
    )
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    parser.add_argument("--no-placement", action="store_true")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    settings = connection.settings_dict
    print(f"database {connection.vendor} {settings['NAME']}; {args.requests} requests per "
          f"page after {WARMUP} warm-up requests")  # fmt: skip
    if connection.vendor != "postgresql":
        print("warning: not PostgreSQL; these figures say little about production")
    rng = random.Random(args.seed)
    data = bench_data(rng)

    ensure_role_groups()
    user, _ = get_user_model().objects.get_or_create(username="bench-editor")
    user.groups.add(Group.objects.get(name=EDITOR))
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)

    results = []
    for page in pages(data, rng, client):
        if args.only and args.only not in page.name:
            continue
        result = measure(client, page, args.requests, args.max_seconds)
        print(f"  {page.name}: p95 {result.p95:.1f} ms", flush=True)
        results.append(result)
    if results:
        print_table(results, args.requests)
    if not args.no_placement:
        placement(rng)


if __name__ == "__main__":
    main()
