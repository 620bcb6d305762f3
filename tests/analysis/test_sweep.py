"""The sweep brings back work whose task was lost; each article counts once in its batch."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from analysis import services
from analysis.models import Score, ScoringBatch
from events.models import ArticleTerm, EventComparison
from events.services import events_sweep
from newsdesk.models import Article, ScoringStatus
from tests.conftest import scorer_names
from tests.factories import ArticleFactory, EventFactory

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

    assert sent["scoring"] == 2
    statuses = dict(Article.objects.values_list("pk", "scoring_status"))
    assert statuses[lost.pk] == statuses[forgotten.pk] == ScoringStatus.SCORED
    assert statuses[recent.pk] == ScoringStatus.QUEUED
    assert Score.objects.filter(article=lost).count() == len(scorer_names())
    assert not Score.objects.filter(article=recent).exists()


def test_it_sends_nothing_when_nothing_is_stuck():
    ArticleFactory(scoring_status=ScoringStatus.SCORED)
    assert services.articles_sweep(stuck_after=timedelta(minutes=15)) == {
        "scoring": 0,
        "batches": 0,
        "jobs": 0,
    }
    assert events_sweep(stuck_after=timedelta(minutes=15)) == {
        "grouping": 0,
        "comparisons": 0,
        "reports": 0,
        "reindex": 0,
    }


def test_queueing_records_when():
    article = ArticleFactory()
    before = timezone.now()
    services.articles_queue_scoring(article_ids=[article.pk], track=False)
    article.refresh_from_db()
    assert article.scoring_status == ScoringStatus.QUEUED
    assert article.scoring_queued_at >= before


def _queued_in_a_batch(n: int, *, ago: timedelta | None = None) -> tuple[list[int], ScoringBatch]:
    """n articles queued in a batch whose tasks never reached a worker."""
    ids = [a.pk for a in ArticleFactory.create_batch(n)]
    with transaction.atomic():  # its sends wait for a commit that the test never makes
        batch = services.articles_queue_scoring(article_ids=ids, label="import")
    if ago:
        Article.objects.filter(pk__in=ids).update(scoring_queued_at=timezone.now() - ago)
        ScoringBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - ago)
    return ids, batch


def test_a_task_run_twice_counts_its_articles_once():
    ids, batch = _queued_in_a_batch(3)
    for _ in range(2):  # a task redelivered after its worker died past the commit
        services.articles_score(article_ids=ids)
    batch.refresh_from_db()
    assert (batch.done, batch.failed, batch.total) == (3, 0, 3)
    assert Score.objects.filter(article__in=ids).count() == 3 * len(scorer_names())


def test_different_tasks_each_count():
    ids, batch = _queued_in_a_batch(2)
    services.articles_score(article_ids=ids[:1])
    services.articles_score(article_ids=ids[1:])
    batch.refresh_from_db()
    assert batch.done == 2 and not batch.is_running


def test_articles_the_sweep_resends_count_in_their_batch(django_capture_on_commit_callbacks):
    ids, batch = _queued_in_a_batch(3, ago=timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.articles_sweep(stuck_after=timedelta(minutes=15))

    assert sent["scoring"] == 3
    batch.refresh_from_db()
    assert (batch.done, batch.total) == (3, 3)
    assert not batch.is_running


def test_work_resent_while_its_first_task_still_ran_counts_once(
    django_capture_on_commit_callbacks,
):
    ids, batch = _queued_in_a_batch(2, ago=timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.articles_sweep(stuck_after=timedelta(minutes=15))
    services.articles_score(article_ids=ids)  # the first task, slow but not lost
    batch.refresh_from_db()
    assert (batch.done, batch.failed) == (2, 0)


def test_a_batch_that_nothing_can_finish_is_closed_with_what_it_never_got(
    django_capture_on_commit_callbacks,
):
    ids, batch = _queued_in_a_batch(3, ago=timedelta(hours=1))
    services.articles_score(article_ids=ids[:1])
    Article.objects.filter(pk__in=ids[1:]).delete()  # deleted before a worker got them
    running, _ = _queued_in_a_batch(1)  # recent: left alone

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.articles_sweep(stuck_after=timedelta(minutes=15))

    batch.refresh_from_db()
    assert sent["batches"] == 1
    assert (batch.done, batch.abandoned, batch.total) == (1, 2, 3)
    assert not batch.is_running
    assert ScoringBatch.objects.exclude(pk=batch.pk).get().is_running


def test_the_sweep_sends_scored_articles_that_grouping_never_reached(
    settings, django_capture_on_commit_callbacks
):
    settings.NEWSDESK_GROUP_EVENTS = True
    # Written for the tests: two reports of one story, scored, then the broker died
    # before grouping got them.
    bodies = [
        "Firefighters in Brantwick contained a warehouse blaze on Tuesday, the fire "
        "brigade said, after 40 crews fought flames near the Brantwick canal overnight.",
        "A warehouse blaze near the Brantwick canal was contained on Tuesday after 40 "
        "crews fought it overnight, Brantwick fire brigade officials said.",
    ]
    articles = [ArticleFactory(body=body) for body in bodies]
    for article in articles:
        services.article_score(article_id=article.pk)  # sends grouping; it never runs
    ids = [a.pk for a in articles]
    Article.objects.filter(pk__in=ids).update(scored_at=timezone.now() - timedelta(hours=1))
    assert not ArticleTerm.objects.filter(article_id__in=ids).exists()

    with django_capture_on_commit_callbacks(execute=True):
        sent = events_sweep(stuck_after=timedelta(minutes=15))

    assert sent["grouping"] == 2
    assert ArticleTerm.objects.filter(article_id__in=ids).exists()
    assert not Article.objects.filter(pk__in=ids, grouped_at=None).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert events_sweep(stuck_after=timedelta(minutes=15))["grouping"] == 0


def test_the_sweep_indexes_again_the_articles_indexed_under_an_older_index_version(
    settings, django_capture_on_commit_callbacks
):
    from events.grouping import INDEX_VERSION, article_terms, vector_terms
    from events.models import ArticleVector
    from events.services import articles_group, articles_reindex

    settings.NEWSDESK_GROUP_EVENTS = True
    # Written for the tests: two reports of one story, grouped, then the way index terms
    # are made changes (an upgrade): their stored terms are the old way's.
    bodies = [
        "Crews reopened the Harlow Street bridge in Brantwick on Monday after 14 weeks of "
        "repairs costing 2,300,000 pounds, the Brantwick council said.",
        "The Harlow Street bridge in Brantwick reopened on Monday, 14 weeks and 2,300,000 "
        "pounds of repairs later, council engineers said.",
    ]
    articles = [ArticleFactory(body=body, scoring_status=ScoringStatus.SCORED) for body in bodies]
    ids = [a.pk for a in articles]
    articles_group(article_ids=ids)
    events = dict(Article.objects.filter(pk__in=ids).values_list("pk", "event_id"))
    assert set(ArticleVector.objects.values_list("index_version", flat=True)) == {INDEX_VERSION}
    made = bytes(ArticleVector.objects.get(article_id=ids[0]).meaning)
    # Stored before meaning vectors (index version 1): none.
    ArticleVector.objects.filter(article_id=ids[0]).update(
        index_version=INDEX_VERSION - 1, terms="w:old\x1f1.0", meaning=None
    )
    ArticleTerm.objects.filter(article_id=ids[0]).update(weight=0.5)

    with django_capture_on_commit_callbacks(execute=True):
        assert events_sweep(stuck_after=timedelta(minutes=15))["reindex"] == 1

    vector = ArticleVector.objects.get(article_id=ids[0])
    assert vector.index_version == INDEX_VERSION
    assert bytes(vector.meaning) == made
    assert vector_terms(vector.terms) == article_terms(Article.objects.get(pk=ids[0]))
    assert dict(ArticleTerm.objects.filter(article_id=ids[0]).values_list("term", "weight")) == (
        vector_terms(vector.terms)
    )
    # Its event is left alone, and nothing is sent again.
    assert dict(Article.objects.filter(pk__in=ids).values_list("pk", "event_id")) == events
    with django_capture_on_commit_callbacks(execute=True):
        assert events_sweep(stuck_after=timedelta(minutes=15))["reindex"] == 0
    assert articles_reindex(article_ids=ids) == 0  # a task sent twice does nothing more


def test_the_sweep_recomputes_comparisons_left_stale(django_capture_on_commit_callbacks):
    event = EventFactory()
    ArticleFactory(event=event)
    lost = EventComparison.objects.create(event=event, stale=True)
    EventComparison.objects.filter(pk=lost.pk).update(
        stale_since=timezone.now() - timedelta(hours=1)
    )
    recent = EventComparison.objects.create(event=EventFactory(), stale=True)

    with django_capture_on_commit_callbacks(execute=True):
        sent = events_sweep(stuck_after=timedelta(minutes=15))

    assert sent["comparisons"] == 1
    lost.refresh_from_db()
    recent.refresh_from_db()
    assert not lost.stale and lost.data["outlets"]
    assert recent.stale


def test_a_rescore_whose_preparing_task_was_lost_stops_saying_it_is_queueing():
    lost = ScoringBatch.objects.create(label="lost", preparing=True)
    ScoringBatch.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(hours=1))
    recent = ScoringBatch.objects.create(label="recent", preparing=True)

    services.articles_sweep(stuck_after=timedelta(minutes=15))

    lost.refresh_from_db()
    recent.refresh_from_db()
    assert not lost.preparing and not lost.is_running
    assert recent.preparing


def test_a_closed_batch_says_what_it_never_got_and_stops_its_poll(analyst_client):
    batch = ScoringBatch.objects.create(label="import", total=3, done=1, abandoned=2)
    response = analyst_client.get(
        reverse("batch-progress", args=[batch.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 286
    assert "2 left unscored (deleted or queued again meanwhile)" in response.content.decode()
