"""Scoring throughput on distinct synthetic articles (400–900 words) from the demo corpus.

In-process (default): articles/s and ms/article for each registered scorer, for the whole
engine, and for the naive baseline (vaderSentiment per sentence plus textstat's five
formulas), then the engine / naive ratio.

--celery: end to end through a real worker process on the configured broker and
database (set CELERY_BROKER_URL=redis://… and DATABASE_URL=postgres://… for the figures
that matter): articles are stored, queued in chunks, and timed until all are scored.

Run: .venv/bin/python bench/score.py [--articles 2000] [--celery] [--concurrency 2]
after `make compile`; NEWSDESK_INTERPRETED_SCORERS=1 measures the scorers' Python source.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
# The bench's own queue, so that no other worker on the broker takes its tasks.
os.environ.setdefault("CELERY_TASK_DEFAULT_QUEUE", f"newsdesk-bench-{os.getpid()}")
# The bench measures scoring; event grouping is benchmarked by bench/eval_events.py.
os.environ.setdefault("NEWSDESK_GROUP_EVENTS", "0")

import django  # noqa: E402

django.setup()

from analysis.scoring import all_scorers, gc_paused, score_texts  # noqa: E402
from analysis.scoring.sentences import split  # noqa: E402
from bench.corpus import distinct_articles  # noqa: E402
from bench.workers import worker_command  # noqa: E402


def naive(texts: list[str]) -> None:
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for text in texts:
        for sentence in split(text):
            analyzer.polarity_scores(sentence)
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        textstat.dale_chall_readability_score(text)


def timed(label: str, func, texts: list[str]) -> float:
    start = time.perf_counter()
    func(texts)
    seconds = time.perf_counter() - start
    rate = len(texts) / seconds
    print(f"{label:<30} {rate:9.1f} articles/s  {1000 * seconds / len(texts):7.2f} ms/article")
    return rate


def in_process(texts: list[str]) -> None:
    scorers = all_scorers()  # also installs the offline pronunciation data textstat needs
    # Both warmed up on a few other articles first: textstat loads its pronunciation
    # dictionary (about a second) on its first call.
    warm_up = distinct_articles(20, seed=9)
    naive(warm_up)
    score_texts(warm_up, scorers)
    # The naive pair and the engine take turns on blocks of the corpus, so that a change
    # in the machine's load during the run weighs on both alike. Each block runs with the
    # cyclic garbage collector paused and its results dropped before it resumes, as a
    # worker runs a chunk (analysis.services.articles_score): resumed while a block's
    # results are alive, the collector would walk them all, a cost the workers never pay.
    # Both sides run so, alike.
    naive_seconds = engine_seconds = 0.0
    for start in range(0, len(texts), 50):
        block = texts[start : start + 50]
        first, second = (naive, None), (None, scorers)
        for baseline, engine in (first, second) if start % 100 else (second, first):
            began = time.perf_counter()
            with gc_paused():
                if baseline:
                    baseline(block)
                else:
                    score_texts(block, engine)  # as the workers run it
            took = time.perf_counter() - began
            if baseline:
                naive_seconds += took
            else:
                engine_seconds += took
    n = len(texts)
    for label, seconds in (
        ("naive vader+textstat", naive_seconds),
        ("whole engine", engine_seconds),
    ):
        print(f"{label:<30} {n / seconds:9.1f} articles/s  {1000 * seconds / n:7.2f} ms/article")
    print(f"engine / naive speed ratio: {naive_seconds / engine_seconds:.2f}x")
    # Then each scorer alone, on other articles (scored before the comparison, they would
    # have filled the per-word caches with the corpus's words).
    others = distinct_articles(len(texts), seed=8)
    for scorer in scorers:
        timed(
            f"scorer {scorer.name} v{scorer.version}",
            lambda ts, s=scorer: [s(t) for t in ts],
            others,
        )
    print(
        f"memory: {peak_memory(scorers, texts[-1]) / 1e6:.2f} MB at most while scoring one article"
    )


def peak_memory(scorers, text: str) -> int:
    """Peak bytes allocated while scoring one article, lexicons already loaded."""
    import tracemalloc

    tracemalloc.start()
    results = [s(text + " ") for s in scorers]  # a new text, so no per-text cache helps
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del results
    return peak


def through_celery(texts: list[str], concurrency: int) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from analysis.services import articles_queue_scoring
    from newsdesk.models import Article, IngestMethod, Outlet
    from newsdesk.services import content_hash

    call_command("migrate", verbosity=0)
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    outlet, _ = Outlet.objects.get_or_create(
        slug="bench-synthetic", defaults={"name": "Bench (synthetic)", "is_active": False}
    )
    outlet.articles.all().delete()
    articles = Article.objects.bulk_create(
        Article(
            outlet=outlet,
            headline=f"Bench article {i}",
            body=text,
            raw=text,
            content_hash=content_hash(text),
            ingest_method=IngestMethod.BULK,
            language="en",  # the scorers skip an article whose language they do not support
        )
        for i, text in enumerate([*texts, f"Warm-up. {texts[0]}"])
    )
    *ids, warm_up = [a.pk for a in articles]
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    env = {**os.environ, "CELERY_TASK_DEFAULT_QUEUE": queue, "CELERY_TASK_ALWAYS_EAGER": "0"}
    worker = subprocess.Popen(
        worker_command(name=queue, concurrency=concurrency),
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        while "ready." not in log.read_text():
            if worker.poll() is not None:
                sys.exit(f"worker failed to start:\n{log.read_text()}")
            time.sleep(0.2)
        print(
            f"broker {settings.CELERY_BROKER_URL.split('@')[-1]}, database "
            f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
            f"{concurrency} worker processes, {len(ids)} articles"
        )
        # A worker starts taking tasks a moment after it says it is ready: the clock starts
        # once it has scored one article, so that the figures are those of a running worker.
        articles_queue_scoring(article_ids=[warm_up], label="bench warm-up")
        wait_until_scored(Article.objects.filter(pk=warm_up))
        database = settings.DATABASES["default"]["NAME"]
        start = time.perf_counter()
        cpu_before = (
            tree_cpu_seconds(worker.pid),
            postgres_cpu_seconds(database),
            _cpu_seconds(worker.pid),
            machine_cpu_seconds(),
            _cpu_seconds(os.getpid()),
        )
        # As the rescore command does: outside a transaction, sent block by block.
        articles_queue_scoring(article_ids=ids, label="bench")
        queued = time.perf_counter() - start
        wait_until_scored(outlet.articles.all())  # the warm-up article is scored
        seconds = time.perf_counter() - start
        worker_cpu = tree_cpu_seconds(worker.pid) - cpu_before[0]
        postgres_cpu = postgres_cpu_seconds(database) - cpu_before[1]
        parent_cpu = _cpu_seconds(worker.pid) - cpu_before[2]
        machine_cpu = machine_cpu_seconds() - cpu_before[3]
        bench_cpu = _cpu_seconds(os.getpid()) - cpu_before[4]
        print(f"celery end to end {len(ids) / seconds:9.1f} articles/s  ({seconds:.1f} s)")
        print(f"marking them queued and sending the tasks took {queued:.2f} s")
        print(f"sustained rate    {sustained_rate(ids):9.1f} articles/s  {SUSTAINED_NOTE}")
        # CPU per article does not depend on what else the machine is doing; two cores
        # divided by it is the rate an otherwise idle 2-core machine can reach.
        per_article = (worker_cpu + postgres_cpu) / len(ids)
        print(
            f"CPU per article: worker {1000 * worker_cpu / len(ids):.2f} ms + PostgreSQL "
            f"{1000 * postgres_cpu / len(ids):.2f} ms (this database's connections and the "
            f"server's background processes) = {1000 * per_article:.2f} ms; on 2 idle cores: "
            f"{2 / per_article:.0f} articles/s"
        )
        print(
            f"of the worker's: main process (broker, dispatch) {1000 * parent_cpu / len(ids):.2f}"
            f" ms, pool processes {1000 * (worker_cpu - parent_cpu) / len(ids):.2f} ms"
        )
        cores = os.cpu_count() or 1
        print(
            f"the machine's {cores} cores were busy {100 * machine_cpu / (cores * seconds):.0f} %"
            f" of the run: {1000 * machine_cpu / len(ids):.2f} ms an article in all, of which "
            f"this bench process {1000 * bench_cpu / len(ids):.2f} ms"
        )
    finally:
        worker.terminate()
        worker.wait(30)
        outlet.articles.all().delete()
        outlet.delete()
        log.unlink()


SUSTAINED_NOTE = "(from the first chunk's commit to the last)"


def sustained_rate(ids: list[int]) -> float:
    """Articles/s between the first chunk's commit and the last one's."""
    from django.db.models import Count

    from newsdesk.models import Article

    commits = list(
        Article.objects.filter(pk__in=ids)
        .values_list("scored_at")
        .annotate(n=Count("id"))
        .order_by("scored_at")
    )
    if len(commits) < 2:
        return float("nan")
    seconds = (commits[-1][0] - commits[0][0]).total_seconds()
    return (len(ids) - commits[0][1]) / seconds


def wait_until_scored(articles) -> None:
    """Until every article of the queryset is scored. One short query per check: a list
    of thousands of ids in each would cost this process a third of a core, taken from
    the worker it measures."""
    from newsdesk.models import ScoringStatus

    while articles.exclude(scoring_status=ScoringStatus.SCORED).exists():
        time.sleep(0.05)


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def machine_cpu_seconds() -> float:
    """CPU time of every process on the machine so far (Linux /proc/stat: all but idle)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found


def tree_cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its live descendants (Linux /proc)."""
    return _cpu_seconds(pid) + sum(tree_cpu_seconds(child) for child in _children(pid))


def postgres_cpu_seconds(database: str) -> float:
    """CPU time of the PostgreSQL processes serving ``database`` (a connection's process
    names its database in its title; Django keeps the worker's connections open for the
    run) and of the server's shared background processes (WAL writer, checkpointer, …).
    Connections to other databases, such as other benches or tests, are left out."""
    total = 0.0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            title = cmdline.read_bytes().decode(errors="replace")
            if not title.startswith("postgres: "):
                continue
            words = title.split()
            serves = f" {database} " in f" {title} "
            shared = not any(w.count(".") == 3 or w == "[local]" for w in words)
            if serves or (shared and "autovacuum worker" not in title):
                total += _cpu_seconds(int(cmdline.parent.name))
        except OSError:
            continue
    return total


def engine_build() -> str:
    """Whether the scorers run compiled (make compile) or from their Python source."""
    from analysis.scoring import all_scorers, compiled

    all_scorers()
    names = compiled.compiled_modules("analysis.scoring")
    if not names:
        return "interpreted (run `make compile`, or NEWSDESK_INTERPRETED_SCORERS is set)"
    return f"{len(names)} compiled with Cython ({', '.join(names)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--celery", action="store_true")
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    texts = distinct_articles(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} distinct articles, {words:.0f} words on average")
    print(f"scorer modules: {engine_build()}")
    if args.celery:
        through_celery(texts, args.concurrency)
    else:
        in_process(texts)


if __name__ == "__main__":
    main()
