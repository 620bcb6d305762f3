"""Meaning vectors (events/meaning.py) and how grouping stores and mixes them
(grouping 7). Every sentence here was written for these tests."""

import datetime as dt
from collections import Counter

import numpy as np
import pytest

from events.grouping import (
    INDEX_VERSION,
    MEANING_FLOOR,
    MEANING_WEIGHT,
    article_index,
    article_words,
    articles_index,
    find_candidates,
    likeness,
    reports_meanings,
    vector_terms,
)
from events.meaning import (
    DIMENSIONS,
    MODEL_DIR,
    meaning_likeness,
    meaning_text,
    meaning_vectors,
)
from events.models import ArticleVector
from newsdesk.models import Article
from tests.factories import ArticleFactory

# Written for the tests: two reports of one indictment in different words, a report of
# another story of the same capital, and one of a far-off happening.
INDICTED = (
    "Federal prosecutors charged the former campaign adviser with lying to Congress and "
    "tampering with a witness."
)
CHARGED = (
    "The ex-adviser to the campaign was indicted on charges of making false statements "
    "to lawmakers."
)
SHUTDOWN = "Congress passed a spending bill to reopen the government after the five-week shutdown."
QUAKE = "A strong earthquake shook the coast early on Tuesday, toppling houses in two villages."


def test_the_model_is_read_from_the_repository_not_a_hub():
    assert {p.name for p in MODEL_DIR.iterdir()} >= {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
    }
    (vector,) = meaning_vectors([INDICTED])
    numbers = np.frombuffer(vector, dtype="<f2")
    assert len(numbers) == DIMENSIONS
    assert float(np.linalg.norm(numbers.astype(np.float32))) == pytest.approx(1.0, abs=1e-3)


def test_a_missing_model_is_a_clear_error_not_a_download(monkeypatch, tmp_path):
    from events import meaning

    monkeypatch.setattr(meaning, "MODEL_DIR", tmp_path / "meaning_model")
    meaning._model.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="meaning model is missing"):
            meaning_vectors([INDICTED])
    finally:
        meaning._model.cache_clear()


def test_one_happening_in_other_words_is_nearer_than_another_story_of_the_same_capital():
    indicted, charged, shutdown, quake = meaning_vectors([INDICTED, CHARGED, SHUTDOWN, QUAKE])
    same = meaning_likeness(indicted, charged)
    other_story = meaning_likeness(indicted, shutdown)
    far_off = meaning_likeness(indicted, quake)
    assert same > other_story > far_off
    # These sentences are each alone; the floor is for whole reports, whose vectors of one
    # story are closer: the sentences of one report are all about it.
    assert other_story < MEANING_FLOOR
    assert meaning_likeness(indicted, indicted) == pytest.approx(1.0, abs=1e-3)


def test_no_vector_for_a_text_without_words_and_no_likeness_without_two_vectors():
    empty, indicted = meaning_vectors(["", INDICTED])
    assert empty is None
    assert meaning_likeness(None, indicted) is None
    assert meaning_likeness(indicted[:64], indicted) is None  # made with other dimensions
    assert meaning_vectors([]) == []


def test_meaning_text_is_the_headline_then_the_body():
    assert meaning_text("Bill passes", "The Senate voted.") == "Bill passes. The Senate voted."
    assert meaning_text("", "The Senate voted.") == "The Senate voted."


def test_a_close_meaning_raises_the_words_likeness_and_a_far_one_takes_nothing():
    assert likeness(0.1, None) == 0.1
    assert likeness(0.1, 0.9) == pytest.approx(0.1 + MEANING_WEIGHT * (0.9 - MEANING_FLOOR))
    assert likeness(0.1, MEANING_FLOOR) == 0.1
    assert likeness(0.1, 0.2) == 0.1  # one topic's other story: the words decide


@pytest.mark.django_db
def test_indexing_stores_a_vector_for_a_report_in_english_only():
    when = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    english = ArticleFactory(headline="Adviser indicted", body=INDICTED, published_at=when)
    russian = ArticleFactory(
        headline="Бывший советник обвинён",
        body="Федеральные прокуроры предъявили бывшему советнику обвинение во лжи Конгрессу.",
        published_at=when,
    )
    article_index(article=english)
    articles_index([russian])

    stored = dict(ArticleVector.objects.values_list("article_id", "meaning"))
    assert (
        bytes(stored[english.pk])
        == meaning_vectors([meaning_text("Adviser indicted", INDICTED)])[0]
    )
    assert stored[russian.pk] is None
    assert set(ArticleVector.objects.values_list("index_version", flat=True)) == {INDEX_VERSION}


@pytest.mark.django_db
def test_candidates_are_ranked_by_words_and_meaning_and_keep_the_words_likeness():
    when = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    headline = "Former campaign adviser charged"
    first = ArticleFactory(headline=headline, body=f"{INDICTED} {CHARGED}", published_at=when)
    other = ArticleFactory(
        headline=headline,
        body=f"{CHARGED} {SHUTDOWN}",
        published_at=when + dt.timedelta(hours=2),
    )
    terms = {a.pk: article_index(article=a).terms for a in (first, other)}
    mine = bytes(ArticleVector.objects.get(article=other).meaning)
    theirs = bytes(ArticleVector.objects.get(article=first).meaning)

    with_meaning = find_candidates(
        article=other, terms=terms[other.pk], window_days=3, meaning=mine
    )
    words_only = find_candidates(article=other, terms=terms[other.pk], window_days=3)

    (found,) = with_meaning
    (plain,) = words_only
    assert found.article_id == plain.article_id == first.pk
    assert found.words == plain.words == plain.similarity
    assert found.similarity == pytest.approx(
        likeness(plain.words, meaning_likeness(mine, theirs)), abs=1e-9
    )


@pytest.mark.django_db
def test_a_regrouping_reads_each_vector_with_its_article_not_once_a_placement():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events.grouping import article_placement, articles_group_since

    when = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    bodies = [INDICTED, CHARGED, f"{INDICTED} {CHARGED}", SHUTDOWN]
    for i, body in enumerate(bodies):
        ArticleFactory(headline="Adviser", body=body, published_at=when + dt.timedelta(hours=i))

    def vector_reads(context) -> int:
        # A read of one article's stored vector by its key.
        return sum(
            '"events_articlevector"."meaning"' in q["sql"]
            and 'FROM "events_articlevector" WHERE' in q["sql"]
            for q in context.captured_queries
        )

    with CaptureQueriesContext(connection) as regrouping:
        report = articles_group_since(only_unplaced=False)
    assert report.placed == len(bodies)
    assert vector_reads(regrouping) == 0

    # Placed on its own, given its terms but not its vector (or the stored row having
    # none yet), an article makes it from its text rather than read its row again.
    article = ArticleFactory(headline="Adviser", body=f"{CHARGED} Again.", published_at=when)
    indexed = article_index(article=article)
    with CaptureQueriesContext(connection) as alone:
        given_terms = article_placement(article=article, terms=indexed.terms)
    assert vector_reads(alone) == 0
    # Read from its row (terms and meaning in one read), it lands in the same event.
    Article.objects.filter(pk=article.pk).update(event=None, event_source="")
    article.refresh_from_db()
    with CaptureQueriesContext(connection) as from_row:
        from_its_row = article_placement(article=article)
    assert vector_reads(from_row) == 1
    assert from_its_row.event == given_terms.event
    assert from_its_row.similarity == given_terms.similarity


@pytest.mark.django_db
def test_indexing_returns_the_vector_it_stored_and_the_task_places_with_it():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events.services import articles_group

    when = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    first = ArticleFactory(headline="Adviser indicted", body=INDICTED, published_at=when)
    indexed = article_index(article=first)
    stored = ArticleVector.objects.get(article=first)
    assert indexed.meaning == bytes(stored.meaning)
    assert indexed.terms == vector_terms(stored.terms)

    second = ArticleFactory(
        headline="Adviser indicted", body=f"{INDICTED} {CHARGED}", published_at=when
    )
    with CaptureQueriesContext(connection) as task:
        articles_group(article_ids=[first.pk, second.pk])
    # Indexed, then placed with what indexing made: no read of a stored vector.
    assert not any(
        'FROM "events_articlevector" WHERE' in q["sql"] and "meaning" in q["sql"]
        for q in task.captured_queries
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.event_id and first.event_id == second.event_id


def test_only_reports_with_english_words_get_a_meaning_vector():
    with_words = article_words("Adviser indicted", INDICTED)
    assert not article_words("Советник обвинён", "Прокуроры предъявили обвинение.")
    found = reports_meanings(
        [
            ("Adviser indicted", INDICTED, with_words),
            ("Советник обвинён", "Прокуроры предъявили обвинение.", Counter()),
        ]
    )
    assert found == [meaning_vectors([meaning_text("Adviser indicted", INDICTED)])[0], None]
