import threading
import time
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from analysis import services
from analysis.models import Score, ScoringBatch
from analysis.scoring import Scorer, ScoreResult
from newsdesk.models import Article, ScoringStatus
from tests.conftest import scorer_names
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_scoring_twice_leaves_one_row_per_scorer():
    article = ArticleFactory()
    assert services.article_score(article_id=article.pk)
    assert services.article_score(article_id=article.pk)
    assert (
        set(Score.objects.filter(article=article).values_list("scorer", flat=True))
        == scorer_names()
    )
    article.refresh_from_db()
    assert article.scoring_status == ScoringStatus.SCORED and article.scored_at


def test_a_failing_scorer_marks_the_article_failed_with_the_reason(monkeypatch):
    def broken(text):
        raise ValueError("lexicon missing")

    monkeypatch.setattr(services, "all_scorers", lambda: [Scorer("broken", "1", broken)])
    article = ArticleFactory()
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[article.pk])
    assert not services.article_score(article_id=article.pk)
    article.refresh_from_db()
    batch.refresh_from_db()
    assert article.scoring_status == ScoringStatus.FAILED
    assert article.scoring_error == "ValueError: lexicon missing"
    assert (batch.done, batch.failed) == (0, 1)


def test_queueing_sends_the_task_after_commit(django_capture_on_commit_callbacks):
    articles = ArticleFactory.create_batch(3)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        batch = services.articles_queue_scoring(article_ids=[a.pk for a in articles], label="x")
    assert Score.objects.count() == 0
    assert {a.scoring_status for a in type(articles[0]).objects.all()} == {ScoringStatus.QUEUED}
    assert len(callbacks) == 1
    callbacks[0]()  # eager in tests: the task runs now
    batch.refresh_from_db()
    assert batch.done == 3 and not batch.is_running
    assert Score.objects.count() == 3 * len(scorer_names())


def test_bulk_work_travels_in_chunks(django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids: sent.append(ids))
    articles = ArticleFactory.create_batch(services.CHUNK_SIZE + 5)
    with django_capture_on_commit_callbacks(execute=True):
        services.articles_queue_scoring(article_ids=[a.pk for a in articles], label="x")
    assert [len(chunk) for chunk in sent] == [services.CHUNK_SIZE, 5]


# serialized_rollback: the flush after it would drop the rows that migrations create.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_each_block_is_sent_as_soon_as_it_is_marked(monkeypatch):
    monkeypatch.setattr(services, "QUEUE_BLOCK", 4)
    articles = ArticleFactory.create_batch(10)
    ids = [a.pk for a in articles]
    seen = []

    def delay(chunk):
        # What a worker taking this task would find committed in the database.
        queued = set(
            Article.objects.filter(scoring_status=ScoringStatus.QUEUED).values_list("pk", flat=True)
        )
        (batch_id,) = set(
            Article.objects.filter(pk__in=chunk).values_list("scoring_batch_id", flat=True)
        )
        total = ScoringBatch.objects.get(pk=batch_id).total
        seen.append((chunk, queued, total))

    monkeypatch.setattr("analysis.tasks.score_articles.delay", delay)
    batch = services.articles_queue_scoring(article_ids=ids, label="archive", chunk_size=2)
    assert [chunk for chunk, _, _ in seen] == [ids[0:2], ids[2:4], ids[4:6], ids[6:8], ids[8:]]
    # The first block went out before the second was marked; the batch counted it alone.
    assert seen[0][1] == set(ids[:4]) and seen[0][2] == 4
    assert seen[2][1] == set(ids[:8]) and seen[2][2] == 8
    assert seen[4][2] == 10
    batch.refresh_from_db()
    assert batch.total == 10 and batch.is_running


def test_rescore_queues_only_outdated_scores(
    monkeypatch, django_capture_on_commit_callbacks, capsys
):
    current, stale, unscored = ArticleFactory.create_batch(3)
    for article in (current, stale):
        services.article_score(article_id=article.pk)
    Score.objects.filter(article=stale, scorer="sentiment").update(version="0")

    sent = []
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids: sent.extend(ids))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rescore")
    assert sorted(sent) == sorted([stale.pk, unscored.pk])
    assert "Queued 2 article(s)" in capsys.readouterr().out


def test_rescore_by_outlet_and_all(monkeypatch, django_capture_on_commit_callbacks):
    outlet = OutletFactory(slug="gazette")
    mine = ArticleFactory(outlet=outlet)
    ArticleFactory()
    services.article_score(article_id=mine.pk)
    sent = []
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids: sent.extend(ids))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rescore", "--outlet", "gazette", "--all")
    assert sent == [mine.pk]


def test_one_failing_article_does_not_stop_the_chunk(monkeypatch):
    def picky(text):
        if "poison" in text:
            raise RuntimeError("cannot score this one")
        return ScoreResult(values={"length": len(text)})

    monkeypatch.setattr(services, "all_scorers", lambda: [Scorer("picky", "1", picky)])
    good = ArticleFactory.create_batch(3)
    bad = ArticleFactory(body="This body carries poison for the scorer.")
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[a.pk for a in [*good, bad]])

    scored, failed = services.articles_score(article_ids=[a.pk for a in good] + [bad.pk, 999_999])

    assert (scored, failed) == (3, 1)
    bad.refresh_from_db()
    assert bad.scoring_status == ScoringStatus.FAILED
    assert bad.scoring_error == "RuntimeError: cannot score this one"
    assert Score.objects.filter(scorer="picky").count() == 3
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (3, 1)


def test_a_chunk_is_written_with_a_fixed_number_of_queries(django_assert_max_num_queries):
    # The attempt recorded (savepoint, read, update, release), the curated actors, then
    # in a second savepoint the batches, one upsert (on PostgreSQL a staging table
    # filled by COPY: create if missing, insert, truncate; SQLite splits an INSERT by its
    # parameter limit), a status update, batch and event bookkeeping: 14 statements on
    # PostgreSQL once its LZ4 check is cached, whatever the number of articles.
    for size in (40, 80):
        articles = ArticleFactory.create_batch(size)
        with transaction.atomic():
            services.articles_queue_scoring(article_ids=[a.pk for a in articles])
        with django_assert_max_num_queries(15):
            services.articles_score(article_ids=[a.pk for a in articles])
    assert Score.objects.count() == 120 * len(scorer_names())


def test_curated_actor_aliases_reach_the_detector():
    from analysis.models import Actor

    Actor.objects.create(name="Russian government", kind="organisation", aliases=["Kremlin"])
    article = ArticleFactory(
        body="The Kremlin rejected the report on Monday. Officials said it was false."
    )
    services.article_score(article_id=article.pk)
    found = {
        a["name"]: a for a in Score.objects.get(article=article, scorer="actors").evidence["actors"]
    }
    assert "Russian government" in found
    assert "Kremlin" in found["Russian government"]["aliases"]


def test_preparing_a_rescore_that_fails_still_ends_its_preparing(monkeypatch):
    ArticleFactory()
    batch = ScoringBatch.objects.create(label="x", preparing=True)

    def broken(**kwargs):
        raise RuntimeError("broker down")

    monkeypatch.setattr(services, "articles_queue_scoring", broken)
    with pytest.raises(RuntimeError):
        services.rescore_prepare(batch_id=batch.pk, outlet_id=None, since=None, everything=True)
    batch.refresh_from_db()
    assert not batch.preparing


def test_preparing_a_rescore_of_an_outlet_deleted_meanwhile_queues_nothing(
    django_capture_on_commit_callbacks,
):
    ArticleFactory()  # another outlet's, outdated
    batch = ScoringBatch.objects.create(label="x", preparing=True)
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.rescore_prepare(
            batch_id=batch.pk, outlet_id=10**9, since=None, everything=True
        )
    batch.refresh_from_db()
    assert queued == 0 and (batch.total, batch.preparing) == (0, False)


def _stalls_on(marker: str, *, error: type[BaseException] | None = None) -> Scorer:
    """A scorer that takes far too long (or raises ``error``) on texts holding marker."""

    def scorer(text):
        if marker in text:
            if error:
                raise error()
            time.sleep(5)
        return ScoreResult(values={"length": len(text)})

    return Scorer("stalling", "1", scorer)


def test_a_text_slower_than_its_budget_fails_alone_and_the_rest_is_stored(monkeypatch, settings):
    settings.NEWSDESK_SCORING_BUDGET = 0.2
    monkeypatch.setattr(services, "all_scorers", lambda: [_stalls_on("stall")])
    good = ArticleFactory.create_batch(3)
    # Written for the tests.
    slow = ArticleFactory(body="This text will stall the scorer for a long while.")
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[a.pk for a in [*good, slow]])

    started = time.monotonic()
    scored, failed = services.articles_score(
        article_ids=[good[0].pk, slow.pk, good[1].pk, good[2].pk]
    )

    assert time.monotonic() - started < 2
    assert (scored, failed) == (3, 1)
    slow.refresh_from_db()
    assert slow.scoring_status == ScoringStatus.FAILED
    assert slow.scoring_error == "ScoringTimeout: scoring took longer than 0.2 s"
    assert Score.objects.filter(scorer="stalling").count() == 3
    batch.refresh_from_db()
    assert (batch.done, batch.failed, batch.is_running) == (3, 1, False)


def test_articles_left_behind_by_a_killed_task_are_scored_alone(
    monkeypatch, django_capture_on_commit_callbacks
):
    articles = ArticleFactory.create_batch(4)
    ids = [a.pk for a in articles]
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=ids)
    # A worker began this chunk and was killed (the hard time limit, or SIGKILL)
    # while on articles[1]: its attempt was recorded, never finished.
    Article.objects.filter(pk__in=ids).update(scoring_attempts=1)
    sent = []
    from analysis.tasks import score_articles

    real_delay = score_articles.delay
    monkeypatch.setattr(
        "analysis.tasks.score_articles.delay", lambda chunk: (sent.append(chunk), real_delay(chunk))
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.articles_score(article_ids=ids) == (0, 0)

    assert sorted(sent) == sorted([[pk] for pk in ids])
    assert Article.objects.filter(pk__in=ids, scoring_status=ScoringStatus.SCORED).count() == 4
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (4, 0)


def test_only_the_articles_an_unfinished_task_left_behind_travel_alone(
    monkeypatch, django_capture_on_commit_callbacks
):
    articles = ArticleFactory.create_batch(3)
    ids = [a.pk for a in articles]
    Article.objects.filter(pk=ids[2]).update(scoring_attempts=1)
    sent = []
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda chunk: sent.append(chunk))
    with django_capture_on_commit_callbacks(execute=True):
        services.articles_score(article_ids=ids)
    assert sorted(sent) == [ids[:2], [ids[2]]]
    assert list(
        Article.objects.filter(pk__in=ids).order_by("pk").values_list("scoring_attempts", flat=True)
    ) == [
        0,
        0,
        1,
    ]


def test_an_article_that_keeps_stopping_its_worker_is_marked_failed_with_the_reason():
    article = ArticleFactory()
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[article.pk])
    Article.objects.filter(pk=article.pk).update(scoring_attempts=services.MAX_ATTEMPTS)

    assert services.articles_score(article_ids=[article.pk]) == (0, 1)

    article.refresh_from_db()
    assert article.scoring_status == ScoringStatus.FAILED
    assert "Scoring stopped 2 times before it finished" in article.scoring_error
    batch.refresh_from_db()
    assert (batch.failed, batch.is_running) == (1, False)


@pytest.mark.parametrize(
    ("began", "status", "counts"),
    [
        # The last attempt began within the task's time limit: it may still be running.
        (timedelta(seconds=10), ScoringStatus.QUEUED, (0, 0)),
        # Long past the limit: no delivery can still be on it.
        (timedelta(minutes=30), ScoringStatus.FAILED, (0, 1)),
    ],
)
def test_an_article_at_its_last_attempt_fails_only_once_no_delivery_can_still_be_on_it(
    settings, began, status, counts
):
    settings.CELERY_TASK_TIME_LIMIT = 180
    article = ArticleFactory()
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[article.pk])
    Article.objects.filter(pk=article.pk).update(
        scoring_attempts=services.MAX_ATTEMPTS, scoring_started_at=timezone.now() - began
    )

    assert services.articles_score(article_ids=[article.pk]) == counts

    article.refresh_from_db()
    assert article.scoring_status == status
    assert article.scoring_attempts == (services.MAX_ATTEMPTS if counts == (0, 0) else 0)
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == counts


# serialized_rollback: a transactional test without it re-creates the roles (post_migrate)
# when it flushes, and a later test that restores the serialized rows finds them there.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_duplicate_delivery_after_a_kill_leaves_the_article_to_the_one_scoring_it(
    monkeypatch,
):
    # A worker was killed on this article (one unfinished attempt); its task came back
    # twice (restored by the broker, and re-sent by the sweep) and both copies run at once.
    # The copies are run by hand below, not by the eager test worker.
    monkeypatch.setattr(services, "_send_on_commit", lambda chunks: None)
    article = ArticleFactory(body="Written for the tests: a text the first copy is on.")
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[article.pk])
    Article.objects.filter(pk=article.pk).update(
        scoring_attempts=1, scoring_started_at=timezone.now() - timedelta(minutes=20)
    )
    inside, release = threading.Event(), threading.Event()

    def held(text):
        inside.set()
        release.wait(10)
        return ScoreResult(values={"length": len(text)})

    monkeypatch.setattr(services, "all_scorers", lambda: [Scorer("held", "1", held)])
    first: list = []

    def first_copy():
        try:
            first.append(services.articles_score(article_ids=[article.pk]))
        finally:
            connection.close()

    thread = threading.Thread(target=first_copy)
    thread.start()
    assert inside.wait(10)

    second = services.articles_score(article_ids=[article.pk])
    release.set()
    thread.join(10)

    assert second == (0, 0) and first == [(1, 0)]
    article.refresh_from_db()
    assert (article.scoring_status, article.scoring_error) == (ScoringStatus.SCORED, "")
    batch.refresh_from_db()
    assert (batch.done, batch.failed, batch.is_running) == (1, 0, False)


def test_a_chunk_hit_by_the_soft_time_limit_is_split_and_the_culprit_fails(
    monkeypatch, django_capture_on_commit_callbacks
):
    from analysis.tasks import score_articles

    stall = _stalls_on("stall", error=SoftTimeLimitExceeded)
    monkeypatch.setattr(services, "all_scorers", lambda: [stall])
    good = ArticleFactory.create_batch(2)
    slow = ArticleFactory(body="This text will stall the scorer for a long while.")
    ids = [good[0].pk, slow.pk, good[1].pk]
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=ids)

    with django_capture_on_commit_callbacks(execute=True):
        score_articles.delay(ids)

    statuses = dict(Article.objects.filter(pk__in=ids).values_list("pk", "scoring_status"))
    assert statuses == {
        good[0].pk: ScoringStatus.SCORED,
        slow.pk: ScoringStatus.FAILED,
        good[1].pk: ScoringStatus.SCORED,
    }
    slow.refresh_from_db()
    assert slow.scoring_error == "Scoring took longer than the task's time limit."
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (2, 1)


def test_a_time_limit_on_one_delivery_leaves_an_article_another_delivery_scored():
    # The broker handed the chunk out twice; one copy scored it, the other ran out of time.
    article = ArticleFactory()
    with transaction.atomic():
        batch = services.articles_queue_scoring(article_ids=[article.pk])
    services.articles_score(article_ids=[article.pk])

    services.articles_score_interrupted(article_ids=[article.pk])

    article.refresh_from_db()
    assert article.scoring_status == ScoringStatus.SCORED and not article.scoring_error
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (1, 0)


def _article_updates() -> tuple[int, int]:
    """This transaction's updates of article rows so far, and how many were written in
    place (PostgreSQL)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = %s",
            [Article._meta.db_table],
        )
        return cursor.fetchone()


def test_scoring_writes_the_article_row_in_place_on_postgresql():
    # Scoring updates an article row three times; PostgreSQL writes an update in place
    # ("HOT", no new entry in each index of the table, the full-text one among them) only
    # if no indexed column changed and the row's page has room (newsdesk 0017).
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("HOT updates are PostgreSQL's")
    article = ArticleFactory(
        body="The council approved the budget on Tuesday. Written for the tests."
    )

    with transaction.atomic():
        before = _article_updates()
        services.articles_queue_scoring(article_ids=[article.pk], track=False)
        services.articles_score(article_ids=[article.pk])
        after = _article_updates()
    article.refresh_from_db()
    assert article.scoring_status == ScoringStatus.SCORED
    updated, in_place = after[0] - before[0], after[1] - before[1]
    assert updated >= 3
    assert in_place == updated


def test_queueing_a_block_of_new_articles_writes_every_row_in_place_on_postgresql():
    # The queueing update changes every row of a page at once: the page must have room
    # for a new version of each (newsdesk 0018 fills new pages to half; at 70 %, about
    # three rows in five went to another page with new entries in every index).
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("HOT updates are PostgreSQL's")

    with transaction.atomic():
        # Written for the tests: 60 short reports, stored together as an import stores them.
        outlet = OutletFactory()
        articles = Article.objects.bulk_create(
            ArticleFactory.build(
                outlet=outlet,
                body=f"Report {i} on the council's budget, written for the tests.",
            )
            for i in range(60)
        )
        before = _article_updates()
        services.articles_queue_scoring(article_ids=[a.pk for a in articles], track=False)
        after = _article_updates()
    updated, in_place = after[0] - before[0], after[1] - before[1]
    assert updated == 60
    assert in_place == 60


def test_the_garbage_collector_stays_paused_until_the_scores_are_stored(monkeypatch):
    # Resumed while a chunk's results are alive, the cyclic collector walks all of
    # them; the task keeps it paused until they are stored and freed.
    import gc

    from analysis import score_store

    article = ArticleFactory()
    seen = []
    upsert = score_store.scores_upsert

    def recording(*, rows):
        seen.append(gc.isenabled())
        upsert(rows=rows)

    monkeypatch.setattr(services, "scores_upsert", recording)
    assert gc.isenabled()
    assert services.articles_score(article_ids=[article.pk]) == (1, 0)
    assert seen == [False]
    assert gc.isenabled()
    assert Score.objects.filter(article=article).count() == len(scorer_names())


def test_a_database_error_while_storing_leaves_the_collector_running(monkeypatch):
    import gc

    from django.db import DatabaseError

    def failing(*, rows):
        raise DatabaseError("the server went away")

    monkeypatch.setattr(services, "scores_upsert", failing)
    with pytest.raises(DatabaseError):
        services.articles_score(article_ids=[ArticleFactory().pk])
    assert gc.isenabled()


def _run_python(code: str) -> str:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout


def test_a_process_that_only_sends_tasks_loads_no_scorer():
    # A web process imports the tasks to send them: that must not load the scorers'
    # word lists (about 130 MB and 3 s in each web process).
    code = (
        "import sys, django; django.setup(); import analysis.tasks; "
        "print(sorted(m for m in ('analysis.scoring.framing', 'analysis.scoring.readability') "
        "if m in sys.modules))"
    )
    assert _run_python(code).strip() == "[]"


def test_a_worker_loads_the_scorers_before_it_forks_and_freezes_them():
    # Celery sends worker_init in the worker's main process before the pool starts:
    # the scorers load there (the pool processes share them) and are set apart from
    # the cyclic garbage collector.
    code = (
        "import gc, sys, django; django.setup(); from celery.signals import worker_init; "
        "import config.celery; before = gc.get_freeze_count(); worker_init.send(sender=None); "
        "print(before, gc.get_freeze_count(), 'analysis.scoring.framing' in sys.modules)"
    )
    before, after, loaded = _run_python(code).split()
    assert before == "0"
    assert int(after) > 100_000
    assert loaded == "True"
