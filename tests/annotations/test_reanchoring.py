"""Re-anchoring through the model layer: the article's text changes, annotations follow
it (same place, found by quote, near-identical passage) or become orphaned, never moved
to a look-alike passage."""

import pytest

from annotations.models import AnchorStatus, Annotation, Change
from annotations.services import annotations_reanchor_sweep, article_reanchor_annotations
from annotations.tasks import reanchor_annotations
from newsdesk.models import Article
from tests.annotations.conftest import BODY, span_of
from tests.annotations.factories import AnnotationFactory
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def change_text(article: Article, body: str) -> None:
    article.body = body
    article.save()


def test_an_annotation_stays_in_place_when_text_after_it_changes(article):
    a = AnnotationFactory(
        article=article, span=span_of(BODY, "Critics said the figure was inflated")
    )

    change_text(article, BODY + "\n\nMore later.")

    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.POSITION
    assert (a.start, a.end) == span_of(BODY, "Critics said the figure was inflated")


def test_an_annotation_is_found_by_its_quote_when_text_is_inserted_before_it(article):
    a = AnnotationFactory(article=article, span=span_of(BODY, "crossed the border"))

    change_text(article, "Breaking news. " + BODY)

    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.QUOTE
    assert article.body[a.start : a.end] == "crossed the border"
    assert a.start == span_of(BODY, "crossed the border")[0] + len("Breaking news. ")


def test_a_near_identical_passage_is_taken_as_a_fuzzy_match(article):
    a = AnnotationFactory(
        article=article, span=span_of(BODY, "Critics said the figure was inflated")
    )
    new_body = BODY.replace("Critics said the figure", "Critics said that figure")

    change_text(article, new_body)

    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.FUZZY
    assert a.exact == "Critics said that figure was inflated"
    assert new_body[a.start : a.end] == a.exact
    history = Change.objects.get(annotation=a, action=Change.Action.REANCHORED)
    assert history.data["outcome"] == "fuzzy"
    assert history.data["exact"] == ["Critics said the figure was inflated", a.exact]


def test_a_passage_that_is_gone_orphans_the_annotation_with_its_original_quote(article):
    a = AnnotationFactory(
        article=article, span=span_of(BODY, "Officials called the move a disgrace.")
    )

    change_text(
        article,
        BODY.replace("Officials called the move a disgrace.", "Officials welcomed the decision."),
    )

    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.ORPHANED
    assert a.is_orphaned and a.start is None and a.end is None
    assert a.exact == "Officials called the move a disgrace."


def test_a_quote_that_occurs_twice_keeps_its_own_occurrence(article):
    quote = "The ministry said 1,500 soldiers"
    second = AnnotationFactory(article=article, span=span_of(BODY, quote, occurrence=1))

    change_text(article, "Breaking news. " + BODY)

    second.refresh_from_db()
    assert second.anchor_status == AnchorStatus.QUOTE
    assert second.start == span_of(article.body, quote, occurrence=1)[0]


def test_deleting_one_of_two_identical_quotes_orphans_it_rather_than_moving_it(article):
    quote = "The ministry said 1,500 soldiers"
    second = AnnotationFactory(article=article, span=span_of(BODY, quote, occurrence=1))
    first = AnnotationFactory(article=article, span=span_of(BODY, quote))

    change_text(article, BODY.replace(" The ministry said 1,500 soldiers would return.", ""))

    second.refresh_from_db()
    first.refresh_from_db()
    assert second.is_orphaned  # the look-alike at the start is not taken
    assert first.anchor_status == AnchorStatus.POSITION
    assert (first.start, first.end) == span_of(BODY, quote)


def test_a_text_change_made_without_save_is_caught_by_the_sweep_not_by_reading_the_page(
    article, analyst_client
):
    a = AnnotationFactory(article=article, span=span_of(BODY, "crossed the border"))
    untouched = AnnotationFactory(
        article=ArticleFactory(body=BODY + "\n\nAnother article, written for the tests."),
        span=span_of(BODY, "crossed the border"),
    )
    Article.objects.filter(pk=article.pk).update(body="Breaking news. " + BODY)

    response = analyst_client.get(article.get_absolute_url())
    assert response.status_code == 200
    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.CREATED  # the page only reads

    assert reanchor_annotations.apply().get() == 1
    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.QUOTE
    assert a.start == span_of(BODY, "crossed the border")[0] + len("Breaking news. ")
    untouched.refresh_from_db()
    assert untouched.anchor_status == AnchorStatus.CREATED
    assert annotations_reanchor_sweep() == 0  # nothing left to do


def test_saving_an_article_without_a_text_change_does_not_touch_its_annotations(article):
    a = AnnotationFactory(article=article, span=span_of(BODY, "crossed the border"))

    article.headline = "A new headline"
    article.save()

    a.refresh_from_db()
    assert a.anchor_status == AnchorStatus.CREATED
    assert not Change.objects.filter(action=Change.Action.REANCHORED).exists()
    assert article_reanchor_annotations(article=article) == {}


def test_an_orphan_is_found_again_when_its_passage_comes_back(article):
    a = AnnotationFactory(
        article=article, span=span_of(BODY, "Officials called the move a disgrace.")
    )
    change_text(article, BODY.replace("Officials called the move a disgrace.", "Officials left."))
    assert Annotation.objects.get(pk=a.pk).is_orphaned

    change_text(article, BODY)

    a.refresh_from_db()
    assert not a.is_orphaned
    assert BODY[a.start : a.end] == "Officials called the move a disgrace."
