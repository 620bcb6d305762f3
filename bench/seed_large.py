"""A large synthetic corpus for the page benchmarks (bench/pages.py).

Fills the configured database with bench outlets, events spread over a few years ending
today, and about five articles per event from different outlets. Article bodies come from
a pool of template texts (bench.corpus.distinct_articles) that are really scored once
with every scorer; each body ends with a sentence of its own so that its content hash is
unique, and its Score rows are copies of its template's. Finally the event comparison of
a fixed sample of events (the ones bench/pages.py requests) is precomputed.

The term index (ArticleTerm, and each article's ArticleVector) is filled too, with each template's terms weighted by the
document frequencies of the whole seed (stored in TermCount, each article's words in
IndexedWords), so that placing a new article (bench/pages.py) searches an index of the
real size; --no-terms leaves them empty.

Run against PostgreSQL for figures that matter:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_large \\
    .venv/bin/python bench/seed_large.py [--articles 100000] [--outlets 200] \\
    [--events 20000] [--years 3] [--reset]

How long it takes: 100,000 articles with the term index took 6 minutes on an idle
two-core machine when a report indexed 60 words (grouping 3), and about 25 minutes with
150 words a report (grouping 4) on the same machine loaded by other work; --no-terms
leaves out most of it.
"""

import argparse
import bisect
import datetime as dt
import itertools
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402

from analysis.models import Score  # noqa: E402
from analysis.scoring import all_scorers  # noqa: E402
from analysis.scoring.sentences import split  # noqa: E402
from bench.corpus import distinct_articles  # noqa: E402
from events.event_report import event_comparison_refresh  # noqa: E402
from events.grouping import (  # noqa: E402
    INDEX_VERSION,
    WORD,
    Frequencies,
    article_words,
    reports_meanings,
    terms_for_text,
    vector_text,
)
from events.models import ArticleTerm, ArticleVector, IndexedWords, TermCount  # noqa: E402
from newsdesk.models import (  # noqa: E402
    Article,
    Event,
    IngestMethod,
    Leaning,
    MembershipSource,
    Outlet,
    OutletDomain,
    Reliability,
    ScoringStatus,
)
from newsdesk.services import content_hash  # noqa: E402

# Bench outlets are found by this name prefix (not by slug: bench/score.py has its own
# "bench-synthetic" outlet).
NAME_PREFIX = "Bench Outlet "
TEMPLATES = 300
# Events whose comparison is precomputed: every (events // SAMPLE_EVENTS)-th bench event
# in id order; bench/pages.py requests exactly the events that have a stored comparison.
SAMPLE_EVENTS = 300
EVENTS_PER_BATCH = 500  # one transaction each (about 2,500 articles at the defaults)
SPREAD = dt.timedelta(days=2)  # articles of an event are published within ±2 days of it

COUNTRIES = ["US", "US", "US", "GB", "GB", "DE", "FR", "IN", "AU", "CA", "IE", "ZA", "NG",
             "KE", "JP", "BR", "RU", "CN", "QA", "TR", "IL", "AE"]  # fmt: skip
STATE_PRONE = {"RU", "CN", "QA", "TR", "AE"}
LEANINGS = [Leaning.LEFT, Leaning.LEAN_LEFT, Leaning.CENTER, Leaning.CENTER,
            Leaning.LEAN_RIGHT, Leaning.RIGHT, ""]  # fmt: skip
RELIABILITIES = [Reliability.HIGH, Reliability.HIGH, Reliability.MIXED, Reliability.LOW, ""]


def bench_outlets():
    return Outlet.objects.filter(name__startswith=NAME_PREFIX)


def chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def progress(start: float, message: str) -> None:
    print(f"[{time.perf_counter() - start:7.1f} s] {message}", flush=True)


# --- Reset ----------------------------------------------------------------------------


def reset(start: float) -> None:
    outlets = bench_outlets()
    articles = Article.objects.filter(outlet__in=outlets)
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    event_ids = sorted(
        set(articles.exclude(event=None).order_by().values_list("event_id", flat=True))
    )
    progress(start, f"reset: {len(ids)} articles, {len(event_ids)} events, "
                    f"{outlets.count()} outlets")  # fmt: skip
    # Articles are PROTECTed by their outlet: their rows go first, dependents before them
    # (one DELETE each), then the articles in chunks, then their events, then the outlets.
    Score.objects.filter(article__outlet__in=outlets).delete()
    ArticleTerm.objects.filter(article__outlet__in=outlets).delete()
    Article.objects.filter(copy_of__outlet__in=outlets).update(copy_of=None, copy_kind="")
    for chunk in chunks(ids, 5000):
        # Their words leave the document frequencies as they go (articles_uncount_words).
        with transaction.atomic():
            Article.objects.filter(pk__in=chunk).only("pk").delete()
    for chunk in chunks(event_ids, 5000):
        # Only events left empty: an article from elsewhere may have been put in one.
        Event.objects.filter(pk__in=chunk, articles__isnull=True).delete()
    outlets.delete()
    progress(start, "reset done")


# --- Generation -----------------------------------------------------------------------


def make_outlets(rng: random.Random, n: int) -> list[Outlet]:
    width = max(3, len(str(n)))
    outlets = []
    for i in range(1, n + 1):
        country = rng.choice(COUNTRIES)
        state = rng.random() < (0.6 if country in STATE_PRONE else 0.03)
        outlets.append(
            Outlet(
                name=f"{NAME_PREFIX}{i:0{width}d}",
                slug=f"bench-{i:0{width}d}",
                country=country,
                language="en",
                owner=f"Bench Media Group {rng.randint(1, n // 4 + 1)}",
                state_affiliated=state,
                leaning=rng.choice(LEANINGS),
                leaning_source="bench/seed_large.py" if rng.random() < 0.8 else "",
                reliability=rng.choice(RELIABILITIES),
                is_active=True,
            )
        )
    with transaction.atomic():
        outlets = Outlet.objects.bulk_create(outlets)
        OutletDomain.objects.bulk_create(
            OutletDomain(outlet=o, domain=f"{o.slug}.bench.example") for o in outlets
        )
    return outlets


def headline_of(text: str) -> str:
    first = split(text)[0] if text else "Untitled"
    words = first.rstrip(".").split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def kept_evidence(scorer: str, evidence: dict) -> dict:
    # Only the evidence that the pages read for every article is copied: the attribution
    # scorer's sources (event comparison "who is quoted", outlet report's most quoted) and
    # the sentiment scorer's sentences (tone per sentence; their offsets stay valid since
    # the template is the prefix of each body). Everything else is {} to keep the database
    # a sensible size, so the claims and actors parts of bench pages are empty.
    if scorer == "attribution":
        return {"sources": evidence.get("sources", [])}
    if scorer == "sentiment":
        return {"sentences": evidence.get("sentences", [])}
    return {}


def make_templates(start: float, with_terms: bool, articles: int) -> list[dict]:
    texts = distinct_articles(TEMPLATES)
    scorers = all_scorers()
    words = [article_words(headline_of(text), text) if with_terms else Counter() for text in texts]
    # Each template stands for about articles / TEMPLATES articles: the document
    # frequencies the seed will have (counted exactly at the end, in TermCount).
    per_template = articles / len(texts)
    in_templates = Counter(term for counts in words for term in counts)
    frequencies = Frequencies(
        {term: round(n * per_template) for term, n in in_templates.items()}, articles
    )
    templates = []
    for text, counts in zip(texts, words, strict=True):
        headline = headline_of(text)
        scores = []
        for scorer in scorers:
            result = scorer(text)
            scores.append(
                (
                    scorer.name,
                    scorer.version,
                    result.values,
                    kept_evidence(scorer.name, result.evidence),
                )
            )
        templates.append({
            "text": text,
            "headline": headline,
            "scores": scores,
            # The template's terms stand for every article made from it (the sentence
            # that makes each body unique would add a term or two at most).
            "terms": terms_for_text(headline, text, frequencies=frequencies)
            if with_terms else {},
            "words": " ".join(sorted(t[len(WORD):] for t in counts)),
            "term_set": set(counts),
            # Its meaning vector, as indexing stores it.
            "meaning": reports_meanings([(headline, text, counts)])[0],
        })  # fmt: skip
    progress(start, f"{len(templates)} templates scored with {len(scorers)} scorers"
                    f"{' and indexed' if with_terms else ''}")  # fmt: skip
    return templates


def articles_per_event(rng: random.Random, articles: int, events: int, outlets: int) -> list[int]:
    """About articles/events each (5 at the defaults), between 2 and 2×+2, summing up."""
    base, extra = divmod(articles, events)
    counts = [base + (i < extra) for i in range(events)]
    most = min(outlets, 2 * base + 2)
    for _ in range(events):
        a, b = rng.randrange(events), rng.randrange(events)
        if counts[a] > 2 and counts[b] < most:
            counts[a] -= 1
            counts[b] += 1
    return counts


def event_days(rng: random.Random, events: int, years: int) -> list[dt.date]:
    today = timezone.now().date()
    span = max(3, round(365.25 * years))
    return sorted(today - dt.timedelta(days=rng.randint(0, span)) for _ in range(events))


def pick_outlets(rng: random.Random, cumulative: list[float], k: int) -> list[int]:
    """k distinct outlet indexes; a few big outlets publish much more than most."""
    chosen: dict[int, None] = {}
    total = cumulative[-1]
    while len(chosen) < k:
        chosen[bisect.bisect(cumulative, rng.random() * total)] = None
    return list(chosen)


def _copy_text(value: str) -> str:
    """A value escaped for PostgreSQL's COPY text format."""
    for char, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
        value = value.replace(char, escaped)
    return value


def copy_tails(templates: list[dict]) -> None:
    """Each template's Score and ArticleTerm rows as COPY lines, all but the article id.

    Built once per template rather than as model instances and JSON documents for every
    article: that makes the seed take minutes rather than most of an hour.
    """
    now = timezone.now().isoformat()
    for template in templates:
        template["score_tails"] = [
            f"\t{_copy_text(name)}\t{_copy_text(version)}\t{_copy_text(json.dumps(values))}"
            f"\t{_copy_text(json.dumps(evidence))}\t{now}\t{now}\n"
            for name, version, values, evidence in template["scores"]
        ]
        template["term_tails"] = [
            f"\t{_copy_text(term)}\t{weight!r}\n" for term, weight in template["terms"].items()
        ]
        template["words_tails"] = (
            [f"\t{_copy_text(template['words'])}\n"] if template["terms"] else []
        )
        # bytea in COPY's text format: \\x and the hex digits; \N for none.
        meaning = f"\\\\x{template['meaning'].hex()}" if template["meaning"] else "\\N"
        template["vector_tails"] = (
            [f"\t{_copy_text(vector_text(template['terms']))}\t{meaning}\t{INDEX_VERSION}\n"]
            if template["terms"]
            else []
        )


def dependent_rows(
    articles: list[Article], template_of: list[int], templates: list[dict]
) -> tuple[int, int]:
    """Copy each article's Score (and ArticleTerm) rows from its template; their counts."""
    pairs = list(zip(articles, template_of, strict=True))
    if connection.vendor == "postgresql":
        tables = (
            (Score, "article_id, scorer, version, values, evidence, created_at, updated_at",
             "score_tails"),
            (ArticleTerm, "article_id, published_at, term, weight", "term_tails"),
            (IndexedWords, "article_id, words", "words_tails"),
            (ArticleVector, "article_id, terms, meaning, index_version", "vector_tails"),
        )  # fmt: skip
        counts = []
        with connection.cursor() as cursor:
            for model, columns, key in tables:
                # A term's row also carries its article's publication time.
                lines = [
                    f"{a.pk}\t{a.published_at.isoformat()}{tail}"
                    if key == "term_tails"
                    else f"{a.pk}{tail}"
                    for a, t in pairs
                    for tail in templates[t][key]
                ]
                if lines:
                    sql = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"
                    with cursor.copy(sql) as copy:
                        for i in range(0, len(lines), 1000):
                            copy.write("".join(lines[i : i + 1000]))
                counts.append(len(lines))
        return counts[0], counts[1]
    scores = Score.objects.bulk_create(
        (
            Score(article_id=a.pk, scorer=name, version=version, values=values, evidence=evidence)
            for a, t in pairs
            for name, version, values, evidence in templates[t]["scores"]
        ),
        batch_size=2000,
    )
    IndexedWords.objects.bulk_create(
        (IndexedWords(article_id=a.pk, words=templates[t]["words"]) for a, t in pairs),
        batch_size=2000,
    )
    ArticleVector.objects.bulk_create(
        (
            ArticleVector(
                article_id=a.pk,
                terms=vector_text(templates[t]["terms"]),
                meaning=templates[t]["meaning"],
                index_version=INDEX_VERSION,
            )
            for a, t in pairs
            if templates[t]["terms"]
        ),
        batch_size=2000,
    )
    terms = ArticleTerm.objects.bulk_create(
        (
            ArticleTerm(article_id=a.pk, term=term, weight=weight, published_at=a.published_at)
            for a, t in pairs
            for term, weight in templates[t]["terms"].items()
        ),
        batch_size=5000,
    )
    return len(scores), len(terms)


def count_words(uses: Counter[int], templates: list[dict]) -> None:
    """The seed's document frequencies: each template's words once per article made from
    it (the sentence that makes each body unique adds a word or two at most), added to
    those of the articles stored before the seed."""
    documents: Counter[str] = Counter()
    for t, n in uses.items():
        for term in templates[t]["term_set"]:
            documents[term] += n
    documents[TermCount.ALL_ARTICLES] = sum(n for t, n in uses.items() if templates[t]["term_set"])
    with transaction.atomic():
        for term, n in documents.items():
            updated = TermCount.objects.filter(term=term).update(articles=F("articles") + n)
            if not updated:
                TermCount.objects.create(term=term, articles=n)


def seed(args, start: float) -> None:
    rng = random.Random(args.seed)
    templates = make_templates(start, with_terms=not args.no_terms, articles=args.articles)
    uses: Counter[int] = Counter()
    copy_tails(templates)
    outlets = make_outlets(rng, args.outlets)
    progress(start, f"{len(outlets)} outlets")
    # Zipf-like volumes: the biggest outlet publishes some 40-60 times more than the smallest.
    cumulative = list(itertools.accumulate(1 / (rank + 5) for rank in range(len(outlets))))
    counts = articles_per_event(rng, args.articles, args.events, len(outlets))
    days = event_days(rng, args.events, args.years)
    now = timezone.now()
    serial = 0
    totals = {"events": 0, "articles": 0, "scores": 0, "terms": 0}
    for first in range(0, args.events, EVENTS_PER_BATCH):
        events, articles, template_of = [], [], []
        for day, k in zip(
            days[first : first + EVENTS_PER_BATCH],
            counts[first : first + EVENTS_PER_BATCH],
            strict=True,
        ):
            noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
            members = []
            for index in pick_outlets(rng, cumulative, k):
                serial += 1
                t = rng.randrange(len(templates))
                template = templates[t]
                spread = int(SPREAD.total_seconds())
                published = noon + dt.timedelta(seconds=rng.randint(-spread, spread))
                published = min(published, now - dt.timedelta(minutes=rng.randint(1, 600)))
                body = (
                    f"{template['text']}\n\nThis report carries the bench reference {serial:07d}."
                )
                outlet = outlets[index]
                members.append(
                    Article(
                        outlet=outlet,
                        url=f"https://{outlet.slug}.bench.example/news/{serial:07d}",
                        headline=template["headline"],
                        published_at=published,
                        language="en",
                        body=body,
                        raw=body,
                        content_hash=content_hash(body),
                        ingest_method=IngestMethod.BULK,
                        event_source=MembershipSource.MACHINE,
                        event_similarity=round(rng.uniform(0.08, 0.6), 4),
                        scoring_status=ScoringStatus.SCORED,
                        scored_at=min(published + dt.timedelta(minutes=2), now),
                    )
                )
                template_of.append(t)
            dates = [a.published_at.date() for a in members]
            events.append(
                Event(title=members[0].headline[:300], starts_on=min(dates), ends_on=max(dates))
            )
            articles.append(members)
        with transaction.atomic():
            events = Event.objects.bulk_create(events)
            flat = []
            for event, members in zip(events, articles, strict=True):
                for article in members:
                    article.event = event
                    flat.append(article)
            flat = Article.objects.bulk_create(flat, batch_size=1000)
            copies = dependent_rows(flat, template_of, templates)
            uses.update(template_of)
        totals["events"] += len(events)
        totals["articles"] += len(flat)
        totals["scores"] += copies[0]
        totals["terms"] += copies[1]
        progress(start, ", ".join(f"{n} {k}" for k, n in totals.items()))

    if not args.no_terms:
        count_words(uses, templates)
        progress(start, f"{TermCount.objects.count()} document frequencies counted")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        progress(start, "vacuum analyze done")

    event_ids = list(
        Event.objects.filter(articles__outlet__in=bench_outlets())
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    step = max(1, len(event_ids) // SAMPLE_EVENTS)
    sample = event_ids[::step][:SAMPLE_EVENTS]
    begin = time.perf_counter()
    for event_id in sample:
        event_comparison_refresh(event_id=event_id)
    ms = 1000 * (time.perf_counter() - begin) / max(1, len(sample))
    progress(start, f"{len(sample)} event comparisons precomputed ({ms:.0f} ms each), "
                    f"one event in {step}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--outlets", type=int, default=200)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--reset", action="store_true", help="delete previous bench data first")
    parser.add_argument("--no-terms", action="store_true", help="leave the term index empty")
    parser.add_argument("--allow-sqlite", action="store_true")
    args = parser.parse_args()
    if args.events < 1 or args.outlets < 1 or args.articles < args.events:
        parser.error("need at least one outlet, one event and one article per event")
    if -(-args.articles // args.events) > args.outlets:
        # Each event's articles come from distinct outlets: more per event than there are
        # outlets could never be placed.
        parser.error(
            f"{args.articles} articles over {args.events} events is more per event than the "
            f"{args.outlets} outlets: raise --outlets or --events"
        )

    if connection.vendor == "sqlite" and not args.allow_sqlite:
        sys.exit("Refusing to fill SQLite (set DATABASE_URL=postgres://…, or --allow-sqlite).")
    start = time.perf_counter()
    settings = connection.settings_dict
    print(f"database {connection.vendor} {settings['NAME']} on {settings.get('HOST') or 'local'}")
    call_command("migrate", verbosity=0)
    progress(start, "migrated")
    if args.reset:
        reset(start)
    elif bench_outlets().exists():
        sys.exit("Bench outlets already exist: run with --reset to replace them.")
    seed(args, start)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("select pg_size_pretty(pg_database_size(current_database()))")
            size = cursor.fetchone()[0]
        progress(start, f"done; database size {size}")
    else:
        progress(start, "done")


if __name__ == "__main__":
    main()
