"""How well automatic event grouping matches the events written into two labelled sets.

The demo corpus (21 articles written for the demo plus the seed article, five events) and
``tests/data/events_hard.jsonl`` (31 short articles written for the tests: same-day events
sharing actors, a story told over a week with changing numbers, wire copies, an outlet's
update of its own story, singletons) are loaded into a throw-away test database — without
the events the demo loader would make from their metadata — and ``events_rebuild`` groups
everything. For each set it prints pairwise and BCubed precision, recall and F1, and the
updates and syndicated copies found against those expected; then the time and queries to
place one article (the last one published) with everything stored, and again after
adding synthetic background articles spread over the five years before it.

Run: .venv/bin/python bench/eval_events.py [--threshold X] [--window DAYS]
     [--min-shared N] [--background N]
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

HARD_SET = ROOT / "tests" / "data" / "events_hard.jsonl"
META_KEYS = ("demo", "note", "event", "copy_kind", "copy_of")


def load_sets() -> dict[str, list[int]]:
    """Load both sets; returns the article ids of each."""
    from newsdesk.demo_loader import DEMO_DIR, outlets_load, seed_load
    from newsdesk.importer import articles_import

    outlets_load()
    demo = articles_import(
        path=DEMO_DIR / "articles.jsonl", queue_scoring=False, meta_keys=META_KEYS
    )
    seed = seed_load()
    hard = articles_import(path=HARD_SET, queue_scoring=False, meta_keys=META_KEYS)
    if demo.rejected or hard.rejected or hard.duplicates:
        raise SystemExit(f"Import problems: {demo.rejected} {hard.rejected} {hard.duplicates}")
    demo_ids = list(demo.imported) + ([seed.pk] if seed else [])
    return {"demo": demo_ids, "hard": list(hard.imported)}


def evaluate(name: str, ids: list[int]) -> dict:
    from newsdesk.grouping import bcubed_scores, pairwise_scores
    from newsdesk.models import Article

    articles = list(Article.objects.filter(pk__in=ids).order_by("published_at"))
    truth = {a.pk: a.meta["event"] for a in articles}
    predicted = {a.pk: a.event_id for a in articles}
    pairwise, bcubed = pairwise_scores(truth, predicted), bcubed_scores(truth, predicted)
    by_url = {a.url: a.pk for a in articles}
    expected = {
        (a.pk, a.meta["copy_kind"], by_url[a.meta["copy_of"]])
        for a in articles
        if a.meta.get("copy_kind")
    }
    found = {(a.pk, a.copy_kind, a.copy_of_id) for a in articles if a.copy_kind}
    print(
        f"\n{name}: {len(articles)} articles, {len(set(truth.values()))} events expected, "
        f"{len(set(predicted.values()))} found"
    )
    for label, scores in (("pairwise", pairwise), ("BCubed", bcubed)):
        print(
            f"  {label:<9} precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  "
            f"F1 {scores['f1']:.3f}"
        )
    for kind in ("update", "syndicated"):
        want = {e for e in expected if e[1] == kind}
        got = {f for f in found if f[1] == kind}
        print(
            f"  {kind:<10} expected {len(want)}, found {len(got)}, "
            f"correct {len(want & got)} (same article, same original)"
        )
    wrong = [
        (a.headline[:60], a.meta["event"])
        for a in articles
        if any(predicted[b.pk] == predicted[a.pk] and truth[b.pk] != truth[a.pk] for b in articles)
        or any(predicted[b.pk] != predicted[a.pk] and truth[b.pk] == truth[a.pk] for b in articles)
    ]
    for headline, event in wrong:
        print(f"    misgrouped: [{event}] {headline}")
    return {"pairwise": pairwise, "bcubed": bcubed}


def _commit_ms(queries: CaptureQueriesContext) -> float:
    return 1000 * sum(float(q["time"]) for q in queries.captured_queries if q["sql"] == "COMMIT")


def time_last_placement(label: str, ids: list[int], repeat: int = 9) -> None:
    """Take the last-published of these articles out of its event, index it and place it
    again, several times; prints the median times. Commits wait for the disk whatever the
    algorithm does, so their time is shown apart."""
    from statistics import median

    from django.db import reset_queries

    from newsdesk.grouping import article_index, article_placement
    from newsdesk.models import Article

    stored = Article.objects.count()
    article = Article.objects.filter(pk__in=ids).order_by("-published_at", "-pk").first()
    index_ms, place_ms, commit_ms = [], [], []
    for _ in range(repeat):
        Article.objects.filter(pk=article.pk).update(
            event=None, event_source="", copy_of=None, copy_kind=""
        )
        article.refresh_from_db()
        reset_queries()
        with CaptureQueriesContext(connection) as indexing:
            start = time.perf_counter()
            article_index(article=article)
            indexed = time.perf_counter()
        with CaptureQueriesContext(connection) as placing:
            placement = article_placement(article=article)
            placed = time.perf_counter()
        index_ms.append(1000 * (indexed - start) - _commit_ms(indexing))
        place_ms.append(1000 * (placed - indexed) - _commit_ms(placing))
        commit_ms.append(_commit_ms(indexing) + _commit_ms(placing))
    print(
        f"\n{label}: {stored} articles stored; the last one published "
        f"(“{article.headline[:50]}”), median of {repeat}: index {median(index_ms):.1f} ms, "
        f"place {median(place_ms):.1f} ms ({len(placing)} queries, "
        f"{placement.candidates} candidates), plus {median(commit_ms):.1f} ms of commits"
    )


def add_background(n: int) -> None:
    """n synthetic articles (sentences of the demo corpus, shuffled) over five years up to
    the end of the hard set, grouped like the rest."""
    from bench.corpus import distinct_articles
    from newsdesk.grouping import articles_group
    from newsdesk.models import Article, IngestMethod
    from newsdesk.services import content_hash

    rng = random.Random(11)
    start = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    rows = []
    for i, body in enumerate(distinct_articles(n, min_words=150, max_words=500)):
        when = start + dt.timedelta(minutes=rng.randrange(1785 * 24 * 60))
        rows.append(
            Article(
                headline=f"Background article {i}",
                body=body,
                raw=body,
                content_hash=content_hash(body),
                published_at=when,
                ingest_method=IngestMethod.BULK,
                language="en",
                meta={"background": True},
            )
        )
    Article.objects.bulk_create(rows, batch_size=500)
    started = time.perf_counter()
    report = articles_group()
    seconds = time.perf_counter() - started
    print(
        f"\nBackground: {n} synthetic articles indexed and placed in {seconds:.1f} s "
        f"({1000 * seconds / max(1, report.placed):.1f} ms each), {report.new_events} new events"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--window", type=int)
    parser.add_argument("--min-shared", type=int)
    parser.add_argument("--background", type=int, default=1000)
    args = parser.parse_args()

    from django.conf import settings

    if args.threshold is not None:
        settings.NEWSDESK_EVENT_THRESHOLD = args.threshold
    if args.window is not None:
        settings.NEWSDESK_EVENT_WINDOW_DAYS = args.window
    if args.min_shared is not None:
        settings.NEWSDESK_EVENT_MIN_SHARED = args.min_shared

    setup_test_environment()
    tmp = tempfile.TemporaryDirectory()
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(Path(tmp.name) / "eval-events.sqlite3")
    else:
        test_settings["NAME"] = f"test_newsdesk_eval_events_{os.getpid()}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from newsdesk.grouping import (
            events_rebuild,
            min_shared_setting,
            threshold_setting,
            window_days_setting,
        )

        sets = load_sets()
        print(
            f"Threshold {threshold_setting()}, window ±{window_days_setting()} days, "
            f"at least {min_shared_setting()} shared terms"
        )
        started = time.perf_counter()
        report = events_rebuild()
        seconds = time.perf_counter() - started
        print(
            f"Grouped {report.placed} articles in {seconds:.2f} s: {report.new_events} events, "
            f"{report.updates} updates, {report.syndicated} syndicated copies"
        )
        for name, ids in sets.items():
            evaluate(name, ids)
        time_last_placement("Placement", sets["hard"])
        if args.background:
            add_background(args.background)
            time_last_placement("Placement with background", sets["hard"])
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        tmp.cleanup()


if __name__ == "__main__":
    main()
