"""How well automatic event grouping matches the events of labelled sets of articles.

Three sets written here — the demo corpus (21 articles written for the demo plus the seed
article, five events), ``tests/data/events_hard.jsonl`` (31 short articles written for
the tests: same-day events sharing actors, a story told over a week with changing
numbers, wire copies, an outlet's update of its own story, singletons) and
``tests/data/events_chains.jsonl`` (39 articles written for the tests: week-long chains
of related but distinct stories sharing people, places and words, with follow-ups that
belong: an update, a reaction the next day, a wire copy), ``tests/data/events_languages.jsonl``
(12 articles written for the tests: the same happenings reported in English, Russian,
German and Spanish, beside a story of the same day about the same minister) — and, with
``--corpus``, any
JSON Lines file of articles with an "event" label (a public corpus kept outside the
repository) are loaded into a throw-away test database, without the events the demo
loader would make from their metadata, and grouped three ways:

- Newsdesk's method (TF-IDF word weights with document frequencies over the stored
  articles, their cosine raised where the reports' meaning vectors are very close; each
  article placed by its mean likeness to an event's members, if
  it is related to every one of them (cohesion), reports more than a day apart counting
  less);
- the same terms with single-link placement (the event of the single most similar
  article, as main did until 2026-12), rebuilt with ``linkage="nearest"``;
- a textbook baseline: TF-IDF cosine over the words of headline and body (stop words
  out, sublinear counts, IDF over the set), the article joining the event of its most
  similar earlier article within the same window, with the threshold that scores best
  on the set itself (so the baseline is tuned on what it is measured on: optimistic).

For each set it prints pairwise and BCubed precision, recall and F1 of all three, their
95 % intervals over resamplings of the set's stories (``--draws``, bench/resample.py) and
how often Newsdesk's method beat each other on the same draws, the updates and syndicated copies found against those expected, and the misgrouped
headlines; then the time and queries to place one article (the last one published) with
everything stored, and again after adding synthetic background articles spread over the
five years before it.

Run: .venv/bin/python bench/eval_events.py [--corpus FILE.jsonl ... [--corpus-alone]] [--threshold X]
     [--cohesion X] [--time-decay X] [--window DAYS] [--min-shared N] [--background N]
     or, to choose the tuning on every set at once, [--corpus ...] --grid [--grid-thresholds
     0.13,0.14 --grid-cohesions 0,0.05 --grid-decays 0,0.5 --grid-graces 24
     --grid-max-terms 60,150]
"""

import argparse
import itertools
import json
import math
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

HARD_SET = ROOT / "tests" / "data" / "events_hard.jsonl"
CHAINS_SET = ROOT / "tests" / "data" / "events_chains.jsonl"
LANGUAGES_SET = ROOT / "tests" / "data" / "events_languages.jsonl"
META_KEYS = ("demo", "note", "event", "copy_kind", "copy_of")


def load_sets(corpora: list[Path] = (), corpus_alone: bool = False) -> dict[str, list[int]]:
    """Load the sets (or, with ``corpus_alone``, the corpora alone, so that the document
    frequencies are the corpora's own); returns the article ids of each."""
    from django.conf import settings

    from demo.loader import DEMO_DIR, outlets_load, seed_load
    from newsdesk.importer import articles_import

    outlets_load()
    sets = {}
    if corpora and corpus_alone:
        for corpus in corpora:
            report = articles_import(path=corpus, queue_scoring=False, meta_keys=META_KEYS)
            if report.rejected or report.duplicates:
                raise SystemExit(f"Import problems: {report.rejected} {report.duplicates}")
            sets[corpus.name] = list(report.imported)
        return sets
    demo = articles_import(
        path=DEMO_DIR / "articles.jsonl", queue_scoring=False, meta_keys=META_KEYS
    )
    seed = seed_load()
    if seed is None:  # the demo set's figures in the README include the seed article
        print(
            f"Note: no seed article in {settings.NEWSDESK_SEED_DIR} (set NEWSDESK_SEED_DIR):"
            " the demo set is scored without it, so its figures differ from the README's"
        )
    sets = {"demo": list(demo.imported) + ([seed.pk] if seed else [])}
    files = {"hard": HARD_SET, "chains": CHAINS_SET, "languages": LANGUAGES_SET}
    files.update((corpus.name, corpus) for corpus in corpora)
    for name, path in files.items():
        report = articles_import(path=path, queue_scoring=False, meta_keys=META_KEYS)
        if report.rejected or report.duplicates:
            raise SystemExit(f"Import problems in {name}: {report.rejected} {report.duplicates}")
        sets[name] = list(report.imported)
    if demo.rejected:
        raise SystemExit(f"Import problems in the demo: {demo.rejected}")
    return sets


def _print_scores(label: str, pairwise: dict, bcubed: dict, found: int) -> None:
    print(
        f"  {label:<34} pairwise P {pairwise['precision']:.3f} R {pairwise['recall']:.3f} "
        f"F1 {pairwise['f1']:.3f} | BCubed P {bcubed['precision']:.3f} "
        f"R {bcubed['recall']:.3f} F1 {bcubed['f1']:.3f} | {found} events"
    )


def print_intervals(truth: dict, groupings: dict[str, dict], draws: int) -> dict:
    """Each grouping's 95 % interval of pairwise and BCubed F1 over ``draws``
    resamplings of the set's stories (bench/resample.py), and how often the first
    grouping beat each other on the same draws; returns the first one's intervals."""
    from bench.resample import interval, share_ahead, story_resamples

    resampled = story_resamples(truth, groupings, draws=draws)
    scores = {
        kind: {name: found[kind] for name, found in resampled.items()}
        for kind in ("pairwise", "bcubed")
    }
    mine = next(iter(groupings))
    print(f"  95 % intervals over {draws} resamplings of the {len(set(truth.values()))} stories:")
    for name in groupings:
        low, high = interval(scores["pairwise"][name])
        b_low, b_high = interval(scores["bcubed"][name])
        ahead = ""
        if name != mine:
            ahead = (
                f"; {mine.split(' (')[0]} ahead in "
                f"{share_ahead(scores['pairwise'][mine], scores['pairwise'][name]):.0%} "
                f"(pairwise) / {share_ahead(scores['bcubed'][mine], scores['bcubed'][name]):.0%}"
                " (BCubed) of draws"
            )
        print(
            f"    {name:<34} pairwise F1 {low:.3f}–{high:.3f} | BCubed F1 "
            f"{b_low:.3f}–{b_high:.3f}{ahead}"
        )
    return {kind: interval(scores[kind][mine]) for kind in scores}


def evaluate(
    name: str,
    ids: list[int],
    others: dict[str, dict] | None = None,
    draws: int = 0,
    same: list[tuple[str, str]] = (),
    joined_baseline: tuple[float, dict] | None = None,
) -> dict:
    """Scores of the grouping stored now; ``others`` are other methods' groupings of all
    articles (article id -> label), printed beside it; with ``draws``, their intervals
    over resamplings of the stories. With ``same`` (pairs of stories judged one
    happening), the grouping and ``joined_baseline`` (the baseline's cut and grouping,
    tuned on the joined labels) are scored against the labels with those stories joined
    too."""
    from events.grouping import bcubed_scores, pairwise_scores
    from newsdesk.models import Article

    articles = list(Article.objects.filter(pk__in=ids).order_by("published_at"))
    truth = {a.pk: a.meta["event"] for a in articles}
    predicted = {a.pk: a.event_id for a in articles}
    pairwise, bcubed = pairwise_scores(truth, predicted), bcubed_scores(truth, predicted)
    print(f"\n{name}: {len(articles)} articles, {len(set(truth.values()))} events expected")
    _print_scores("Newsdesk (mean linkage)", pairwise, bcubed, len(set(predicted.values())))
    groupings = {"Newsdesk (mean linkage)": predicted}
    for label, labels in (others or {}).items():
        theirs = {pk: labels[pk] for pk in truth}
        groupings[label] = theirs
        _print_scores(
            label,
            pairwise_scores(truth, theirs),
            bcubed_scores(truth, theirs),
            len(set(theirs.values())),
        )
    intervals = print_intervals(truth, groupings, draws) if draws else {}
    joined = joined_truth(truth, same)
    if joined != truth:
        print(
            f"  against the labels with the stories judged one happening joined "
            f"({len(set(truth.values())) - len(set(joined.values()))} joins):"
        )
        _print_scores(
            "Newsdesk (mean linkage)",
            pairwise_scores(joined, predicted),
            bcubed_scores(joined, predicted),
            len(set(predicted.values())),
        )
        if joined_baseline is not None:
            cut, labels = joined_baseline
            theirs = {pk: labels[pk] for pk in truth}
            _print_scores(
                f"TF-IDF cosine, best cut {cut:.2f}",
                pairwise_scores(joined, theirs),
                bcubed_scores(joined, theirs),
                len(set(theirs.values())),
            )
    by_url = {a.url: a.pk for a in articles}
    expected = {
        (a.pk, a.meta["copy_kind"], by_url[a.meta["copy_of"]])
        for a in articles
        if a.meta.get("copy_kind")
    }
    found = {(a.pk, a.copy_kind, a.copy_of_id) for a in articles if a.copy_kind}
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
    for headline, event in wrong[:12]:
        print(f"    misgrouped: [{event}] {headline}")
    weak = weak_match_counts(articles, truth)
    for label, (n, misplaced) in weak.items():
        share = f" ({misplaced / n:.0%})" if n else ""
        print(f"  {label}: {n}, of which {misplaced} joined another story's event{share}")
    return {
        "pairwise": pairwise,
        "bcubed": bcubed,
        "n": len(articles),
        "weak": weak,
        "intervals": intervals,
    }


def storyline_links(ids: list[int]) -> dict[str, int]:
    """How the storylines linked the set's events (after ``storylines_link``): each machine
    event stands for the labelled story most of its articles belong to; of the pairs of
    events that start within the linker's gap of each other, those of different stories
    put in one storyline, and those of one story (a story the grouping split) put in one."""
    from events.storylines import GAP_DAYS
    from newsdesk.models import Article, Event

    votes: dict[int, Counter] = defaultdict(Counter)
    for event_id, meta in (
        Article.objects.filter(pk__in=ids).exclude(event=None).values_list("event_id", "meta")
    ):
        votes[event_id][meta["event"]] += 1
    story = {event_id: counts.most_common(1)[0][0] for event_id, counts in votes.items()}
    events = sorted(
        Event.objects.filter(pk__in=story).exclude(starts_on=None), key=lambda e: e.starts_on
    )
    found = {"different": 0, "different linked": 0, "same": 0, "same linked": 0}
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if (b.starts_on - a.starts_on).days > GAP_DAYS:
                break
            kind = "same" if story[a.pk] == story[b.pk] else "different"
            found[kind] += 1
            if a.storyline_id is not None and a.storyline_id == b.storyline_id:
                found[f"{kind} linked"] += 1
    stories = len({e.storyline_id for e in events if e.storyline_id})
    by_storyline: dict[int, list] = defaultdict(list)
    for e in events:
        if e.storyline_id:
            by_storyline[e.storyline_id].append(e)
    for members in list(by_storyline.values())[:12]:
        told = " | ".join(f"[{story[e.pk]}] {e.title[:50]}" for e in members)
        print(f"    linked: {told}")
    print(
        f"  storylines: {stories}, holding {sum(1 for e in events if e.storyline_id)} of"
        f" {len(events)} events; of the pairs of events starting within {GAP_DAYS} days,"
        f" {found['different linked']} of {found['different']} of different labelled stories"
        f" linked, {found['same linked']} of {found['same']} of one story (split by the"
        " grouping) linked"
    )
    return found


def weak_match_counts(articles, truth: dict) -> dict[str, tuple[int, int]]:
    """How many of the machine's joins the event page marks as weak matches, and how many
    of those joined another story's event (fewer than half of the event's other members
    share the article's label); the same for the joins above WEAK_JOIN, to compare."""
    from events.grouping import FOUNDED, WEAK_JOIN, is_weak_join
    from newsdesk.models import MembershipSource

    members: dict[int, list] = {}
    for a in articles:
        members.setdefault(a.event_id, []).append(a)
    strong = f"joins at or above {WEAK_JOIN}"
    counts = {"weak matches": [0, 0], strong: [0, 0]}
    for a in articles:
        joined = (
            a.event_source == MembershipSource.MACHINE
            and not a.copy_kind
            and (a.event_similarity or FOUNDED) > FOUNDED
        )
        if not joined:
            continue  # a person's, a copy's, or the article that started the event
        # No event is reviewed here, so a join is weak exactly when the page marks it.
        key = "weak matches" if is_weak_join(a, reviewed_at=None) else strong
        others = [b for b in members[a.event_id] if b.pk != a.pk]
        alike = sum(truth[b.pk] == truth[a.pk] for b in others)
        counts[key][0] += 1
        counts[key][1] += 2 * alike < len(others)
    return {key: (n, misplaced) for key, (n, misplaced) in counts.items()}


# --- The TF-IDF cosine baseline --------------------------------------------------------------


def tfidf_vectors(texts: dict[int, str]) -> dict[int, dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear counts, smoothed IDF) of the texts' words."""
    import math
    import re
    from collections import Counter

    from events.grouping import STOP_WORDS

    words = re.compile(r"[^\W\d_]+")
    counts = {
        pk: Counter(w for w in words.findall(text.lower()) if w not in STOP_WORDS and len(w) > 2)
        for pk, text in texts.items()
    }
    df = Counter(w for c in counts.values() for w in c)
    n = len(texts)
    vectors = {}
    for pk, c in counts.items():
        v = {w: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[pk] = {w: x / norm for w, x in v.items()}
    return vectors


def tfidf_grouping(threshold: float, window_days: int, vectors, times) -> dict[int, int]:
    """Each article, in publication order, joins the event of its most similar earlier
    article within the window if their cosine reaches the threshold."""
    order = sorted(vectors, key=lambda pk: (times[pk], pk))
    labels: dict[int, int] = {}
    span = dt.timedelta(days=window_days)
    for i, pk in enumerate(order):
        best, best_cos = None, threshold
        for other in order[:i]:
            if abs(times[other] - times[pk]) > span:
                continue
            v, w = vectors[pk], vectors[other]
            cos = sum(x * w.get(t, 0.0) for t, x in v.items())
            if cos >= best_cos:
                best, best_cos = other, cos
        labels[pk] = labels[best] if best is not None else pk
    return labels


def write_happening_pairs(ids: list[int], folder: Path, seed: int = 5) -> int:
    """Items for labelling whether two stories are one happening (docs/corpora/
    allsides-roundups.md, "Same happening"): every pair of stories the grouping stored now
    put in one event, and as many pairs it kept apart though some of their reports are
    alike (0.1 or more) within the window, in a shuffled order. ``items.jsonl`` shows the
    stories' reports (for the labellers, outside the repository); ``key.tsv`` says which
    pair each item is and how it was sampled. Returns the number of items."""
    from collections import defaultdict

    from django.db.models import F

    from events.grouping import find_candidates, vector_terms
    from newsdesk.models import Article

    articles = list(
        Article.objects.filter(pk__in=ids)
        .select_related("outlet")
        .annotate(stored_terms=F("term_vector__terms"), stored_meaning=F("term_vector__meaning"))
        .order_by("published_at", "pk")
    )
    story = {a.pk: a.meta["event"] for a in articles}
    by_event, reports = defaultdict(set), defaultdict(list)
    for a in articles:
        by_event[a.event_id].add(story[a.pk])
        reports[story[a.pk]].append(a)
    joined = {(x, y) for stories in by_event.values() for x in stories for y in stories if x < y}
    alike = set()
    for a in articles:
        meaning = bytes(a.stored_meaning) if a.stored_meaning else None
        for c in find_candidates(
            article=a, terms=vector_terms(a.stored_terms), window_days=3, meaning=meaning
        ):
            pair = tuple(sorted((story[a.pk], story.get(c.article_id, ""))))
            if c.article_id in story and pair[0] != pair[1] and c.similarity >= 0.1:
                alike.add(pair)
    rng = random.Random(seed)
    apart = sorted(alike - joined)
    rng.shuffle(apart)
    pairs = [(p, "joined by the grouping") for p in sorted(joined)]
    pairs += [(p, "kept apart, alike") for p in apart[: len(joined)]]
    rng.shuffle(pairs)

    def shown(name: str) -> list[dict]:
        return [
            {
                "outlet": a.outlet.name if a.outlet else "",
                "published": f"{a.published_at:%Y-%m-%d %H:%M} UTC",
                "headline": a.headline,
                "excerpt": " ".join(a.body.split()[:70]),
            }
            for a in reports[name]
        ]

    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "items.jsonl").open("w") as items, (folder / "key.tsv").open("w") as key:
        key.write("item\tstory_a\tstory_b\tsampled_as\n")
        for i, ((a, b), how) in enumerate(pairs):
            items.write(json.dumps({"item": i, "story_a": shown(a), "story_b": shown(b)}) + "\n")
            key.write(f"{i}\t{a}\t{b}\t{how}\n")
    return len(pairs)


def read_same_happening(path: Path) -> list[tuple[str, str]]:
    """The pairs of stories (event labels) that every labeller of a file such as
    bench/data/allsides_dev_same_happening.tsv judged one happening."""
    pairs = []
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    labellers = [i for i, name in enumerate(header) if name.startswith("labeller")]
    for line in lines[1:]:
        cells = line.split("\t")
        if all(cells[i] == "same" for i in labellers):
            pairs.append((cells[0], cells[1]))
    return pairs


def joined_truth(truth: dict, same: list[tuple[str, str]]) -> dict:
    """The labels with each pair of stories judged one happening made one story."""
    parent: dict[str, str] = {}

    def root(story: str) -> str:
        while parent.get(story, story) != story:
            story = parent[story]
        return story

    for a, b in same:
        if root(a) != root(b):
            parent[root(a)] = root(b)
    return {pk: root(story) for pk, story in truth.items()}


def tfidf_baselines(
    sets: dict[str, list[int]], window_days: int, same: list[tuple[str, str]] = ()
) -> dict[str, tuple]:
    """For each set, the baseline's grouping at the threshold best for that set (for its
    labels with the ``same`` stories joined, if given)."""
    from events.grouping import pairwise_scores
    from newsdesk.models import Article

    result = {}
    for name, ids in sets.items():
        rows = Article.objects.filter(pk__in=ids).values_list(
            "pk", "headline", "body", "published_at", "meta"
        )
        texts = {pk: f"{h}\n{b}" for pk, h, b, _, _ in rows}
        times = {pk: when for pk, _, _, when, _ in rows}
        truth = joined_truth({pk: meta["event"] for pk, _, _, _, meta in rows}, same)
        vectors = tfidf_vectors(texts)
        best = None
        for step in range(5, 90, 5):
            labels = tfidf_grouping(step / 100, window_days, vectors, times)
            f1 = pairwise_scores(truth, labels)["f1"]
            if best is None or f1 > best[0]:
                best = (f1, step / 100, labels)
        result[name] = (best[1], best[2])
    return result


def nearest_grouping(window_days: int | None) -> dict[int, int]:
    """Single-link placement with the same terms: rebuild, read (the next rebuild clears
    it again)."""
    from events.grouping import Linkage, events_rebuild
    from newsdesk.models import Article

    events_rebuild(linkage=Linkage.NEAREST, window_days=window_days, second_looks=0)
    return dict(Article.objects.values_list("pk", "event_id"))


def _commit_ms(queries: CaptureQueriesContext) -> float:
    return 1000 * sum(float(q["time"]) for q in queries.captured_queries if q["sql"] == "COMMIT")


def time_last_placement(label: str, ids: list[int], repeat: int = 9) -> None:
    """Take the last-published of these articles out of its event, index it and place it
    again, several times; prints the median times. Commits wait for the disk whatever the
    algorithm does, so their time is shown apart."""
    from statistics import median

    from django.db import reset_queries

    from events.grouping import article_index, article_placement
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


def live_grouping() -> int:
    """Group the stored articles as a live feed does: with the index emptied, each article
    is indexed and placed in publication order, so that only those published before it
    are candidates and the document frequencies are those of the articles stored so far.
    (A rebuild indexes every article first: later reports are candidates and every
    weight uses every article's words.) Returns the number of articles placed."""
    from events.grouping import article_index, article_placement
    from events.models import ArticleTerm, ArticleVector, IndexedWords, TermCount
    from events.services import events_second_look
    from newsdesk.models import Article, Event

    Article.objects.update(
        event=None, event_source="", event_similarity=None, copy_of=None, copy_kind=""
    )
    Event.objects.all().delete()
    for model in (ArticleTerm, ArticleVector, IndexedWords, TermCount):
        model.objects.all().delete()
    placed = 0
    every = dt.timedelta(seconds=settings.NEWSDESK_EVENT_SECOND_LOOK_INTERVAL)
    looked = None
    for article in Article.objects.order_by("published_at", "created_at", "pk"):
        when = article.published_at or article.created_at
        if looked is None or when - looked >= every:
            # The worker's second look, as often as beat would run it in publication time.
            events_second_look(budget=math.inf)
            looked = when
        indexed = article_index(article=article)
        article_placement(article=article, terms=indexed.terms, meaning=indexed.meaning)
        Article.objects.filter(pk=article.pk).update(grouped_at=when, second_look_at=None)
        placed += 1
    events_second_look(budget=math.inf)
    return placed


def add_background(n: int) -> None:
    """n synthetic articles (sentences of the demo corpus, shuffled) over five years up to
    the end of the hard set, grouped like the rest."""
    from bench.corpus import distinct_articles
    from events.grouping import articles_group_since
    from newsdesk.models import Article, IngestMethod
    from newsdesk.services import content_hash

    rng = random.Random(11)
    start = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    rows = []
    for i, body in enumerate(distinct_articles(n, min_words=150, max_words=500)):
        when = start + dt.timedelta(minutes=rng.randrange(1995 * 24 * 60))
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
    report = articles_group_since()
    seconds = time.perf_counter() - started
    print(
        f"\nBackground: {n} synthetic articles indexed and placed in {seconds:.1f} s "
        f"({1000 * seconds / max(1, report.placed):.1f} ms each), {report.new_events} new events"
    )


def grid(
    sets: dict[str, list[int]],
    thresholds: list[float],
    cohesions: list[float],
    decays=(0.0,),
    graces=(0.0,),
    max_terms=(None,),
) -> None:
    """Pairwise and BCubed F1 of every set at each threshold, cohesion floor, decay, grace
    and number of words a report keeps (the same stored articles indexed and regrouped each
    time), to choose them on all sets together."""
    from django.test import override_settings

    from events import grouping
    from events.grouping import bcubed_scores, events_rebuild, pairwise_scores
    from newsdesk.models import Article

    truth = {pk: meta.get("event") for pk, meta in Article.objects.values_list("pk", "meta")}
    print(
        "\nwords threshold cohesion decay grace " + "  ".join(f"{name[:16]:>16}" for name in sets)
    )
    default_grace, default_terms = grouping.DECAY_GRACE_HOURS, grouping.MAX_TERMS
    for terms, threshold, cohesion, decay, grace in itertools.product(
        max_terms, thresholds, cohesions, decays, graces
    ):
        grouping.DECAY_GRACE_HOURS = grace
        grouping.MAX_TERMS = terms or default_terms
        try:
            with override_settings(
                NEWSDESK_EVENT_COHESION=cohesion, NEWSDESK_EVENT_TIME_DECAY=decay
            ):
                events_rebuild(threshold=threshold)
        finally:
            grouping.DECAY_GRACE_HOURS, grouping.MAX_TERMS = default_grace, default_terms
        found = dict(Article.objects.values_list("pk", "event_id"))
        cells = []
        for ids in sets.values():
            mine, theirs = {pk: truth[pk] for pk in ids}, {pk: found[pk] for pk in ids}
            pairwise, bcubed = pairwise_scores(mine, theirs), bcubed_scores(mine, theirs)
            cells.append(f"{pairwise['f1']:.3f} / {bcubed['f1']:.3f}")
        print(
            f"{terms or default_terms:5d} {threshold:9.3f} {cohesion:8.3f} {decay:5.2f} {grace:5.0f} "
            + "  ".join(f"{c:>16}" for c in cells)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--window", type=int)
    parser.add_argument("--min-shared", type=int)
    parser.add_argument("--cohesion", type=float)
    parser.add_argument(
        "--close", type=float, help="likeness to most of an event's members (0: none asked)"
    )
    parser.add_argument("--time-decay", type=float)
    parser.add_argument(
        "--grid",
        action="store_true",
        help="Only print pairwise / BCubed F1 of each set over a grid of thresholds and "
        "cohesion floors.",
    )
    parser.add_argument(
        "--write-pairs",
        type=Path,
        help="a folder: write there, for each set, pairs of stories to label one "
        "happening or two (items.jsonl with the reports' words, key.tsv without)",
    )
    parser.add_argument(
        "--same-happening",
        type=Path,
        help="a file of story pairs labelled one happening or two (e.g. "
        "bench/data/allsides_dev_same_happening.tsv): also score against the labels with "
        "the pairs every labeller judged one happening joined",
    )
    parser.add_argument(
        "--second-looks",
        type=int,
        help="times at most to place the grouped articles again (0: none; "
        "default NEWSDESK_EVENT_SECOND_LOOKS)",
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="Place the articles as a live feed would (each indexed and placed in "
        "publication order, only earlier ones stored) instead of by a rebuild.",
    )
    parser.add_argument("--background", type=int, default=1000)
    parser.add_argument(
        "--storylines",
        action="store_true",
        help="link the grouped events into storylines and count the links between stories",
    )
    from bench.resample import add_draws_option

    add_draws_option(parser, "stories of each set")
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        help="A JSON Lines file of articles with an 'event' label (may be repeated).",
    )
    parser.add_argument(
        "--corpus-alone",
        action="store_true",
        help="Store the corpus alone (its own document frequencies), without the written sets.",
    )
    parser.add_argument("--grid-thresholds", default="0.10,0.11,0.12,0.13,0.14,0.15,0.16")
    parser.add_argument("--grid-cohesions", default="0,0.05")
    parser.add_argument("--grid-decays", default="0,0.5")
    parser.add_argument("--grid-graces", default="24")
    parser.add_argument(
        "--grid-max-terms",
        default="",
        help="words a report keeps, e.g. 60,150 (default: MAX_TERMS)",
    )
    args = parser.parse_args()

    if args.threshold is not None:
        settings.NEWSDESK_EVENT_THRESHOLD = args.threshold
    if args.window is not None:
        settings.NEWSDESK_EVENT_WINDOW_DAYS = args.window
    if args.min_shared is not None:
        settings.NEWSDESK_EVENT_MIN_SHARED = args.min_shared
    if args.cohesion is not None:
        settings.NEWSDESK_EVENT_COHESION = args.cohesion
    if args.close is not None:
        settings.NEWSDESK_EVENT_CLOSE = args.close
    if args.time_decay is not None:
        settings.NEWSDESK_EVENT_TIME_DECAY = args.time_decay
    if args.second_looks is not None:
        settings.NEWSDESK_EVENT_SECOND_LOOKS = args.second_looks

    setup_test_environment()
    tmp = tempfile.TemporaryDirectory()
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(Path(tmp.name) / "eval-events.sqlite3")
    else:
        test_settings["NAME"] = f"test_newsdesk_eval_events_{os.getpid()}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from events.grouping import (
            CLOSE_SHARE,
            DECAY_GRACE_HOURS,
            close_setting,
            cohesion_setting,
            events_rebuild,
            min_shared_setting,
            threshold_setting,
            time_decay_setting,
            window_days_setting,
        )

        sets = load_sets(args.corpus, args.corpus_alone)
        if args.grid:
            grid(
                sets,
                [float(x) for x in args.grid_thresholds.split(",")],
                [float(x) for x in args.grid_cohesions.split(",")],
                [float(x) for x in args.grid_decays.split(",")],
                [float(x) for x in args.grid_graces.split(",")],
                [int(x) for x in args.grid_max_terms.split(",")] if args.grid_max_terms else [None],
            )
            return
        main_labels = nearest_grouping(args.window)
        baselines = tfidf_baselines(sets, window_days_setting())
        same = read_same_happening(args.same_happening) if args.same_happening else []
        joined_baselines = tfidf_baselines(sets, window_days_setting(), same) if same else {}
        print(
            f"Threshold {threshold_setting()}, cohesion {cohesion_setting()}, close to "
            f"{CLOSE_SHARE:.0%} of members at {close_setting()}, time decay "
            f"{time_decay_setting()} after {DECAY_GRACE_HOURS:g} h, window "
            f"±{window_days_setting()} days, at least {min_shared_setting()} shared terms"
        )
        started = time.perf_counter()
        if args.live:
            placed = live_grouping()
            print(
                f"Placed {placed} articles as they would arrive (live), in "
                f"{time.perf_counter() - started:.2f} s"
            )
        else:
            report = events_rebuild()
            seconds = time.perf_counter() - started
            print(
                f"Grouped {report.placed} articles in {seconds:.2f} s: {report.new_events} "
                f"events, {report.updates} updates, {report.syndicated} syndicated copies; "
                f"a second look moved {report.moved}"
            )
        for name, ids in sets.items():
            cut, labels = baselines[name]
            evaluate(
                name,
                ids,
                {
                    "same terms, single link": main_labels,
                    f"TF-IDF cosine, best cut {cut:.2f}": labels,
                },
                draws=args.draws,
                same=same,
                joined_baseline=joined_baselines.get(name),
            )
        if args.write_pairs:
            for name, ids in sets.items():
                written = write_happening_pairs(ids, args.write_pairs / name)
                print(f"{name}: {written} pairs of stories to label in {args.write_pairs / name}")
        if args.storylines:
            from events.storylines import storylines_link

            linked = storylines_link(rebuild=True)
            print(
                f"\nStorylines linked: {linked.linked} events into"
                f" {linked.storylines_created} storylines"
            )
            for name, ids in sets.items():
                print(f"{name}:")
                storyline_links(ids)
        last = sets.get("chains") or next(iter(sets.values()))
        time_last_placement("Placement", last)
        if args.background:
            add_background(args.background)
            time_last_placement("Placement with background", last)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        tmp.cleanup()


if __name__ == "__main__":
    main()
