"""Grouping under load: how far the one grouping worker falls behind the scoring workers.

Real worker processes on the configured broker and database (use Redis and PostgreSQL):
a scoring worker (the bench's own scoring and feeds queues, --concurrency pool
processes) and one grouping worker (its grouping queue, one process, as in production).
Articles of synthetic *stories* (--per-story reports each on average, written from a
story's own sentences, names and numbers among filler from the demo corpus, so that the
right events are known) are either imported at once (--articles N, in --order
publication or shuffled order, published over the last --days days) or fed as a stream
(--rate R articles/s for --duration seconds, each published as it arrives). The second
look is sent to the grouping queue every --second-look-every seconds, as beat sends it
(900 in production).

Every --sample seconds it prints the queues' lengths in the broker and how many articles
are scored, grouped (indexed and placed) and still due a second look; then the time
until all were scored and grouped, the grouping rate, each second look's run (from the
grouping worker's log: articles due, articles placed again, passes, moves, seconds), and
whether anything was lost (scored, never grouped or placed), placed in two events, or
grouped differently from the same rule applied in publication order: the live events
are scored against the stories (pairwise and BCubed F1), then, with --reference, the
same articles are regrouped in one process in publication order (events_rebuild, with
its second looks) and scored likewise.

The database is emptied first (manage.py flush): give it one of its own.
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_capacity \\
  CELERY_BROKER_URL=redis://127.0.0.1:6379/7 \\
  .venv/bin/python bench/grouping_load.py --articles 3000 [--order shuffled] [--reference]
  .venv/bin/python bench/grouping_load.py --rate 20 --duration 120 --second-look-every 60
"""

import argparse
import datetime as dt
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
# The bench's own queues (scoring, grouping, feeds), so that no other worker takes them.
os.environ["CELERY_TASK_DEFAULT_QUEUE"] = f"newsdesk-grload-{os.getpid()}"
os.environ.pop("CELERY_GROUPING_QUEUE", None)
os.environ.pop("CELERY_FEEDS_QUEUE", None)
os.environ["NEWSDESK_GROUP_EVENTS"] = "1"
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.corpus import _NUMBER, _WORD, _sentence_pool  # noqa: E402
from bench.workers import worker_command  # noqa: E402
from events import tasks as event_tasks  # noqa: E402
from events.grouping import bcubed_scores, events_rebuild, pairwise_scores  # noqa: E402
from newsdesk.models import Article, Event, IngestMethod, Outlet, ScoringStatus  # noqa: E402
from newsdesk.services import content_hash  # noqa: E402
from newsdesk.signals import articles_stored  # noqa: E402

SYLLABLES = tuple(
    [
        "ka",
        "lo",
        "mi",
        "ren",
        "tas",
        "vor",
        "dal",
        "ue",
        "bri",
        "sen",
        "tho",
        "gar",
        "lin",
        "mos",
        "pe",
        "rav",
        "ul",
        "dre",
    ]
)


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def story_articles(n: int, *, per_story: float, span_hours: float, seed: int = 11) -> list[dict]:
    """``n`` reports of about n / per_story stories, each a dict with its story,
    headline, body and publication offset (hours after the span's start), in
    publication order. A story has its own twelve sentences (from the demo corpus, three
    words and its numbers changed for good, a place and a person of its own named in
    them); a report takes six to nine of them, each with one more word changed, among
    filler sentences of the corpus (one word changed), 400 to 900 words in all."""
    rng = random.Random(seed)
    pool = _sentence_pool()
    vocabulary = sorted({w for s in pool for w in _WORD.findall(s)})

    def swap(sentence: str, times: int) -> str:
        for _ in range(times):
            words = _WORD.findall(sentence)
            if words:
                sentence = sentence.replace(rng.choice(words), rng.choice(vocabulary), 1)
        return sentence

    reports: list[dict] = []
    story = 0
    while len(reports) < n:
        place, person = _name(rng, 3), f"{_name(rng, 2)} {_name(rng, 3)}"
        core = []
        for i in range(12):
            sentence = swap(_NUMBER.sub(lambda m: str(rng.randint(2, 9999)), rng.choice(pool)), 3)
            if i % 3 == 0:
                sentence = f"In {place}, {sentence[0].lower()}{sentence[1:]}"
            elif i % 3 == 1:
                sentence = f"{sentence.rstrip('.')}, {person} said."
            core.append(sentence)
        start = rng.uniform(0, span_hours)
        size = max(1, min(n - len(reports), round(rng.expovariate(1 / per_story)) + 1))
        for _ in range(size):
            own = [swap(s, 1) for s in rng.sample(core, rng.randint(6, 9))]
            target = rng.randint(400, 900)
            sentences = list(own)
            while sum(len(s.split()) for s in sentences) < target:
                filler = _NUMBER.sub(lambda m: str(rng.randint(2, 9999)), rng.choice(pool))
                sentences.insert(rng.randrange(len(sentences) + 1), swap(filler, 1))
            paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
            headline = " ".join(own[0].rstrip(".").split()[:12])
            reports.append({
                "story": story,
                "headline": headline,
                "body": "\n\n".join(paragraphs),
                "hours": min(span_hours, start + min(24.0, rng.expovariate(1 / 4))),
            })  # fmt: skip
        story += 1
    reports.sort(key=lambda r: r["hours"])
    return reports


def store(reports: list[dict], outlets: list[Outlet], when, method: str) -> list[int]:
    """Store these reports (``when``: a report's publication time); their ids."""
    created = Article.objects.bulk_create(
        Article(
            outlet=outlets[hash(r["body"]) % len(outlets)],
            headline=r["headline"],
            body=r["body"],
            raw=r["body"],
            content_hash=content_hash(r["body"]),
            ingest_method=method,
            language="en",
            published_at=when(r),
        )
        for r in reports
    )
    return [a.pk for a in created]


class Worker:
    def __init__(self, name: str, queues: str, concurrency: int):
        self.log = Path(tempfile.mkstemp(prefix=f"grload-{name}-", suffix=".log")[1])
        self.process = subprocess.Popen(
            worker_command(name=f"{name}-{os.getpid()}", concurrency=concurrency, queues=queues),
            cwd=ROOT,
            env=dict(os.environ),
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self) -> None:
        while "ready." not in self.log.read_text():
            if self.process.poll() is not None:
                sys.exit(f"worker failed to start:\n{self.log.read_text()}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Sampler(threading.Thread):
    """Every ``every`` seconds: the broker's queue lengths and the articles' state."""

    def __init__(self, every: float, started: float, queues: list[str]):
        super().__init__(daemon=True)
        import redis

        self.broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        self.every, self.started, self.queues = every, started, queues
        self.rows: list[tuple] = []
        self.stopping = threading.Event()

    def state(self) -> tuple:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FILTER (WHERE scoring_status = %s),"
                " count(*) FILTER (WHERE grouped_at IS NOT NULL),"
                " count(*) FILTER (WHERE grouped_at IS NOT NULL AND second_look_at IS NULL),"
                " count(*) FROM newsdesk_article",
                [ScoringStatus.SCORED],
            )
            return cursor.fetchone()

    def run(self) -> None:
        print("    s  scoring-q grouping-q  scored grouped  due-2nd  articles  (queues: tasks)")
        while not self.stopping.is_set():
            lengths = [self.broker.llen(q) for q in self.queues]
            row = (time.perf_counter() - self.started, *lengths, *self.state())
            self.rows.append(row)
            print("{:5.0f}  {:9d} {:10d} {:7d} {:7d} {:8d} {:9d}".format(*row), flush=True)
            self.stopping.wait(self.every)
        connection.close()


class Beat:
    """Sends what beat sends to the grouping worker: the second look every
    ``second_look_every`` seconds, and the sweep every ``sweep_every`` (which sends to
    grouping again the articles scored more than NEWSDESK_SWEEP_STUCK_AFTER seconds ago
    and not grouped yet)."""

    def __init__(self, started: float, second_look_every: float, sweep_every: float):
        self.started, self.every = started, (second_look_every, sweep_every)
        self.looks = self.sweeps = 0

    def tick(self) -> None:
        elapsed = time.perf_counter() - self.started
        if elapsed >= (self.looks + 1) * self.every[0]:
            event_tasks.second_look_events.delay()
            self.looks += 1
        if self.every[1] and elapsed >= (self.sweeps + 1) * self.every[1]:
            event_tasks.sweep_events.delay()
            self.sweeps += 1


def second_look_runs(log: str) -> list[str]:
    """The second look's batches, as the grouping worker logged them."""
    return re.findall(r"Second look: .*", log)


def second_looks_ended(log: str) -> int:
    """How many second-look tasks ended (done or failed)."""
    return len(re.findall(r"second_look_events\[[^\]]+\] (?:succeeded|raised|failed)", log))


def scores(article_ids: list[int], truth: dict[int, int]) -> str:
    placed = dict(Article.objects.filter(pk__in=article_ids).values_list("pk", "event_id"))
    found = {pk: placed[pk] if placed[pk] is not None else f"none-{pk}" for pk in truth}
    pairwise, bcubed = pairwise_scores(truth, found), bcubed_scores(truth, found)
    events, stories = len(set(found.values())), len(set(truth.values()))
    return (
        f"{events} events for {stories} stories; pairwise P {pairwise['precision']:.3f}"
        f" R {pairwise['recall']:.3f} F1 {pairwise['f1']:.3f}, BCubed F1 {bcubed['f1']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000, help="imported at once")
    parser.add_argument("--order", choices=["publication", "shuffled"], default="publication")
    parser.add_argument("--days", type=float, default=2.0, help="an import's publication span")
    parser.add_argument("--rate", type=float, default=0.0, help="a stream: articles/s")
    parser.add_argument("--duration", type=float, default=120.0, help="a stream's seconds")
    parser.add_argument("--per-story", type=float, default=6.0)
    parser.add_argument("--concurrency", type=int, default=2, help="scoring pool processes")
    parser.add_argument("--second-look-every", type=float, default=900.0)
    parser.add_argument(
        "--sweep-every",
        type=float,
        default=float(settings.CELERY_BEAT_SCHEDULE["sweep-events"]["schedule"]),
        help="seconds between the events sweeps, as beat sends them (0: none)",
    )
    parser.add_argument("--sample", type=float, default=5.0)
    parser.add_argument(
        "--max-seconds", type=float, default=1800.0, help="stop waiting for second looks"
    )
    parser.add_argument("--reference", action="store_true")
    args = parser.parse_args()
    stream = args.rate > 0
    n = round(args.rate * args.duration) if stream else args.articles
    reports = story_articles(n, per_story=args.per_story, span_hours=24 * args.days)
    print(
        f"{n} articles of {len({r['story'] for r in reports})} stories; "
        + (f"a stream of {args.rate:g}/s" if stream else f"imported at once, {args.order} order")
        + f"; broker {settings.CELERY_BROKER_URL.split('@')[-1]}, database "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {time.strftime('%Y-%m-%d %H:%M')}"
    )
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    outlets = Outlet.objects.bulk_create(
        Outlet(slug=f"grload-{i}", name=f"Load outlet {i}", is_active=False) for i in range(20)
    )
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    grouping_queue = settings.CELERY_GROUPING_QUEUE
    scoring = Worker("scoring", f"{queue},{settings.CELERY_FEEDS_QUEUE}", args.concurrency)
    grouping = Worker("grouping", grouping_queue, 1)
    sampler = None
    try:
        scoring.wait_ready()
        grouping.wait_ready()
        # A warm-up article scored and grouped, so that both workers have loaded their
        # tables before the clock starts.
        warm = story_articles(1, per_story=1, span_hours=1, seed=99)
        (warm_id,) = store(warm, outlets, lambda r: timezone.now(), IngestMethod.PASTE)
        articles_stored.send(sender=Article, article_ids=[warm_id])
        while not Article.objects.filter(pk=warm_id, grouped_at__isnull=False).exists():
            time.sleep(0.1)
        Article.objects.filter(pk=warm_id).delete()
        Event.objects.all().delete()

        started = time.perf_counter()
        sampler = Sampler(args.sample, started, [queue, grouping_queue])
        sampler.start()
        beat = Beat(started, args.second_look_every, args.sweep_every)
        ids: list[int] = []
        truth: dict[int, int] = {}
        if stream:
            for second in range(int(args.duration)):
                block = reports[round(second * args.rate) : round((second + 1) * args.rate)]
                new = store(block, outlets, lambda r: timezone.now(), IngestMethod.FEED)
                truth.update(zip(new, (r["story"] for r in block), strict=True))
                ids += new
                articles_stored.send(sender=Article, article_ids=new)
                beat.tick()
                time.sleep(max(0.0, started + second + 1 - time.perf_counter()))
        else:
            end = timezone.now()
            first = end - dt.timedelta(days=args.days)
            ordered = list(reports)
            if args.order == "shuffled":
                random.Random(5).shuffle(ordered)
            ids = store(
                ordered,
                outlets,
                lambda r: first + dt.timedelta(hours=r["hours"]),
                IngestMethod.BULK,
            )
            truth = dict(zip(ids, (r["story"] for r in ordered), strict=True))
            articles_stored.send(sender=Article, article_ids=ids, label="load import")
        stored_in = time.perf_counter() - started
        scored_at = grouped_at = None
        articles = Article.objects.filter(pk__in=ids)
        while time.perf_counter() - started < args.max_seconds:
            now = time.perf_counter()
            beat.tick()
            if (
                scored_at is None
                and not articles.exclude(scoring_status=ScoringStatus.SCORED).exists()
            ):
                scored_at = now - started
            if (
                scored_at
                and grouped_at is None
                and not articles.filter(grouped_at__isnull=True).exists()
            ):
                grouped_at = now - started
            # Done once nothing is due and the last run sent has ended (it may be at work).
            if (
                grouped_at
                and not articles.filter(second_look_at__isnull=True).exists()
                and second_looks_ended(grouping.log.read_text()) >= beat.looks
            ):
                break
            try:
                time.sleep(1.0)
            except KeyboardInterrupt:  # stop waiting, report what was seen
                break
        waited = time.perf_counter() - started
    finally:
        if sampler:
            sampler.stopping.set()
            sampler.join()
        scoring.stop()
        grouping.stop()
    log = grouping.log.read_text()
    print(f"stored and queued in {stored_in:.1f} s")
    if scored_at:
        print(f"all scored after {scored_at:.1f} s ({n / scored_at:.0f} articles/s)")
    if grouped_at:
        print(f"all grouped after {grouped_at:.1f} s ({n / grouped_at:.1f} articles/s)")
    rows = sampler.rows
    backlog = max((r[3] - r[4] for r in rows), default=0)
    print(f"most articles scored and waiting for grouping at a sample: {backlog}")
    grouping_tasks = [
        float(s) for s in re.findall(r"group_articles\[[^\]]+\] succeeded in ([\d.]+)s", log)
    ]
    if grouping_tasks:
        print(
            f"{len(grouping_tasks)} grouping tasks, {sum(grouping_tasks):.1f} s of the worker "
            f"({1000 * sum(grouping_tasks) / n:.1f} ms an article; longest task "
            f"{max(grouping_tasks):.1f} s)"
        )
    resent = sum(
        int(x) for x in re.findall(r"Sweep: sending (\d+) scored articles", scoring.log.read_text())
    )
    print(f"sweeps sent: {beat.sweeps}; articles they sent to grouping again: {resent}")
    runs = second_look_runs(log)
    print(f"second looks sent: {beat.looks}; their batches ({len(runs)}):")
    for line in runs:
        print("  " + line)
    took = re.findall(r"second_look_events\[[^\]]+\] succeeded in ([\d.]+)s: (\d+)", log)
    print("  runs (seconds: moved): " + ", ".join(f"{float(s):.0f}: {m}" for s, m in took))
    failed = re.findall(r"second_look_events\[[^\]]+\] (?:raised|failed).*", log)
    for line in failed:
        print("  FAILED: " + line[:200])
    left = articles.filter(second_look_at__isnull=True, grouped_at__isnull=False).count()
    print(f"after {waited:.0f} s, {left} articles still due a second look")
    unplaced = articles.filter(event__isnull=True).count()
    ungrouped = articles.filter(grouped_at__isnull=True).count()
    empty = Event.objects.filter(articles__isnull=True).count()
    print(f"lost: {ungrouped} never grouped, {unplaced} in no event; {empty} empty events")
    moved = articles.filter(event_moved_at__isnull=False).count()
    print(f"live:      {scores(ids, truth)}; {moved} articles moved by a second look")
    if args.reference:
        began = time.perf_counter()
        events_rebuild()
        took = time.perf_counter() - began
        print(f"reference: {scores(ids, truth)} (regrouped in publication order in {took:.0f} s)")
    sizes = Counter(Counter(truth.values()).values())
    print(f"stories by size: {dict(sorted(sizes.items()))}")
    for worker in (scoring, grouping):
        worker.log.unlink()


if __name__ == "__main__":
    main()
