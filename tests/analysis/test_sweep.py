"""The sweep re-sends articles whose task was lost; receipts keep batch counts honest."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analysis import services
from analysis.models import Score, ScoringBatch, ScoringReceipt
from newsdesk.models import Article, ScoringStatus
from tests.conftest import scorer_names
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _age(article: Article, *, queued: timedelta | None = None, created: timedelta) -> None:
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(
        created_at=now - created, scoring_queued_at=None if queued is None else now - queued
    )


def test_it_resends_articles_queued_too_long_and_never_queued(
    django_capture_on_commit_callbacks,
):
    lost = ArticleFactory(scoring_status=ScoringStatus.QUEUED)
    _age(lost, queued=timedelta(hours=1), created=timedelta(hours=1))
    forgotten = ArticleFactory(scoring_status=ScoringStatus.PENDING)
    _age(forgotten, created=timedelta(hours=1))
    recent = ArticleFactory(scoring_status=ScoringStatus.QUEUED)
    _age(recent, queued=timedelta(minutes=1), created=timedelta(minutes=1))
    done = ArticleFactory(scoring_status=ScoringStatus.SCORED)
    _age(done, created=timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.articles_sweep(stuck_after=timedelta(minutes=15))

    assert sent == 2
    statuses = dict(Article.objects.values_list("pk", "scoring_status"))
    assert statuses[lost.pk] == statuses[forgotten.pk] == ScoringStatus.SCORED
    assert statuses[recent.pk] == ScoringStatus.QUEUED
    assert Score.objects.filter(article=lost).count() == len(scorer_names())
    assert not Score.objects.filter(article=recent).exists()


def test_it_sends_nothing_when_nothing_is_stuck():
    ArticleFactory(scoring_status=ScoringStatus.SCORED)
    assert services.articles_sweep(stuck_after=timedelta(minutes=15)) == 0


def test_queueing_records_when():
    article = ArticleFactory()
    before = timezone.now()
    services.articles_queue_scoring(article_ids=[article.pk], track=False)
    article.refresh_from_db()
    assert article.scoring_status == ScoringStatus.QUEUED
    assert article.scoring_queued_at >= before


def test_a_task_run_twice_counts_its_articles_once():
    articles = ArticleFactory.create_batch(3)
    batch = ScoringBatch.objects.create(label="twice", total=3)
    ids = [a.pk for a in articles]
    for _ in range(2):  # a redelivered task: same id, same articles
        services.articles_score(article_ids=ids, batch_id=batch.pk, receipt="task-1")
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (3, 0)
    assert Score.objects.filter(article__in=articles).count() == 3 * len(scorer_names())
    assert ScoringReceipt.objects.filter(task_id="task-1").count() == 1


def test_different_tasks_each_count():
    first, second = ArticleFactory(), ArticleFactory()
    batch = ScoringBatch.objects.create(label="two tasks", total=2)
    services.articles_score(article_ids=[first.pk], batch_id=batch.pk, receipt="a")
    services.articles_score(article_ids=[second.pk], batch_id=batch.pk, receipt="b")
    batch.refresh_from_db()
    assert batch.done == 2


def test_old_receipts_are_cleared_by_the_sweep():
    old = ScoringReceipt.objects.create(task_id="old")
    ScoringReceipt.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    ScoringReceipt.objects.create(task_id="new")
    services.articles_sweep(stuck_after=timedelta(minutes=15))
    assert list(ScoringReceipt.objects.values_list("task_id", flat=True)) == ["new"]


def test_a_rescore_whose_preparing_task_was_lost_stops_saying_it_is_queueing():
    lost = ScoringBatch.objects.create(label="lost", preparing=True)
    ScoringBatch.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(hours=1))
    recent = ScoringBatch.objects.create(label="recent", preparing=True)

    services.articles_sweep(stuck_after=timedelta(minutes=15))

    lost.refresh_from_db()
    recent.refresh_from_db()
    assert not lost.preparing and not lost.is_running
    assert recent.preparing
