import pytest
from django.core.management import call_command

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
    batch = ScoringBatch.objects.create(label="t", total=1)
    assert not services.article_score(article_id=article.pk, batch_id=batch.pk)
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
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids, batch: sent.append(ids))
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

    def delay(chunk, batch_id):
        # What a worker taking this task would find committed in the database.
        queued = set(
            Article.objects.filter(scoring_status=ScoringStatus.QUEUED).values_list("pk", flat=True)
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
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids, batch: sent.extend(ids))
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
    monkeypatch.setattr("analysis.tasks.score_articles.delay", lambda ids, batch: sent.extend(ids))
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
    batch = ScoringBatch.objects.create(label="t", total=4)

    scored, failed = services.articles_score(
        article_ids=[a.pk for a in good] + [bad.pk, 999_999], batch_id=batch.pk
    )

    assert (scored, failed) == (3, 1)
    bad.refresh_from_db()
    assert bad.scoring_status == ScoringStatus.FAILED
    assert bad.scoring_error == "RuntimeError: cannot score this one"
    assert Score.objects.filter(scorer="picky").count() == 3
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (3, 1)


def test_a_chunk_is_written_with_a_fixed_number_of_queries(django_assert_max_num_queries):
    # Reads, one upsert (by COPY on PostgreSQL, three statements; SQLite splits an
    # INSERT by its parameter limit), a status update, batch and event bookkeeping.
    articles = ArticleFactory.create_batch(40)
    batch = ScoringBatch.objects.create(label="chunk", total=40)
    with django_assert_max_num_queries(12):
        services.articles_score(
            article_ids=[a.pk for a in articles], batch_id=batch.pk, receipt="chunk-1"
        )
    assert Score.objects.count() == 40 * len(scorer_names())


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
