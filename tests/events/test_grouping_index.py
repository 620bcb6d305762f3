"""The grouping's term index carries publication times, and regrouping keeps the
precomputed comparison reports in step."""

import datetime as dt
import json
from pathlib import Path

import pytest

from events.event_report import event_comparison_refresh
from events.grouping import (
    article_index,
    article_place,
    articles_group_since,
    articles_index,
    body_overlap,
    events_rebuild,
    find_candidates,
)
from events.models import ArticleTerm, EventComparison
from newsdesk.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HARD_SET = Path(__file__).resolve().parents[1] / "data" / "events_hard.jsonl"


def rows_of(event: str) -> list[dict]:
    rows = [json.loads(line) for line in HARD_SET.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if row["event"] == event]


def article_from(row: dict, **fields) -> Article:
    fields = {
        "headline": row["title"],
        "body": row["text"],
        "published_at": dt.datetime.fromisoformat(row["published"]),
        **fields,
    }
    return ArticleFactory(**fields)


def test_every_indexed_term_carries_its_articles_publication_time():
    one, two = (article_from(row) for row in rows_of("brask-flood")[:2])
    article_index(article=one)
    articles_index([two])

    for article in (one, two):
        times = set(ArticleTerm.objects.filter(article=article).values_list("published_at"))
        assert times == {(article.published_at,)}


def test_candidates_come_from_postings_inside_the_window_only():
    first, second = rows_of("graufeld-mine-collapse")[:2]
    near = article_from(first)
    far = article_from(first, body=first["text"] + " Filed again.")
    far.published_at = near.published_at - dt.timedelta(days=30)
    far.save()
    newcomer = article_from(second)
    terms = {}
    for article in (near, far, newcomer):
        terms[article.pk] = article_index(article=article).terms

    found = find_candidates(article=newcomer, terms=terms[newcomer.pk], window_days=3)

    assert [c.article_id for c in found] == [near.pk]


def test_body_overlap_counts_shared_five_word_runs():
    a = "one two three four five six"
    b = "one two three four five seven"
    overlap = body_overlap(a, b)
    # 5-grams: a has 2, b has 2, one in common.
    assert (overlap.jaccard, overlap.containment, overlap.length_ratio) == (1 / 3, 0.5, 1.0)
    assert body_overlap("Short text", "short TEXT").jaccard == 1.0
    assert body_overlap("", "anything").jaccard == 0.0


def test_grouping_marks_the_comparison_of_every_event_it_changed_stale(
    django_capture_on_commit_callbacks,
):
    first, second = rows_of("graufeld-mine-collapse")[:2]
    one = article_from(first)
    event = article_place(article=one)
    event_comparison_refresh(event_id=event.pk)
    assert not EventComparison.objects.get(event=event).stale
    article_from(second)

    with django_capture_on_commit_callbacks() as callbacks:
        report = articles_group_since()

    assert report.joined == 1
    assert EventComparison.objects.get(event=event).stale
    assert callbacks  # the refresh task is sent once the transaction commits


def test_rebuilding_marks_the_reports_of_events_that_lost_members_stale():
    first, second = rows_of("graufeld-mine-collapse")[:2]
    one, two = article_from(first), article_from(second)
    event = article_place(article=one)
    assert article_place(article=two) == event
    event.locked = False
    event.created_by_id = None
    event.save()
    event_comparison_refresh(event_id=event.pk)

    events_rebuild()

    kept = EventComparison.objects.filter(event_id=event.pk).first()
    assert kept is None or kept.stale  # deleted with its emptied event, or to recompute
