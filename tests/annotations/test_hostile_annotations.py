"""Random and hostile annotations (property-based): never a server error, stored whole
or not at all, and the article page and its annotation panel render them inert."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotations.models import Annotation, Label
from tests.factories import ArticleFactory
from tests.hostile import PAYLOADS, SENTENCES, executable_markup, hostile_text

pytestmark = pytest.mark.django_db

BODY = "\n\n".join(f"{s} {p}" for s, p in zip(SENTENCES, PAYLOADS, strict=False))

links = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "javascript:alert(1)",
                "https://evidence.example/<script>",
                'https://x.example/"onmouseover="alert(1)',
                "data:text/html,<script>alert(1)</script>",
                "https://evidence.example/report",
            ]
        ),
        st.text(max_size=30),
    ),
    max_size=4,
).map("\n".join)


@pytest.fixture
def article_client(analyst):
    client = Client()
    client.force_login(analyst)
    article = ArticleFactory(body=BODY, headline="<script>alert(1)</script> headline")
    return client, article


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(
    note=hostile_text,
    links=links,
    quote=st.one_of(st.sampled_from(SENTENCES + PAYLOADS), hostile_text),
    span=st.one_of(
        st.none(), st.tuples(st.integers(-5, len(BODY) + 5), st.integers(-5, len(BODY) + 5))
    ),
    exact=st.one_of(st.just(""), hostile_text),
    verdict=st.sampled_from(["", "true", "false", "<script>", "x" * 20]),
    confidence=st.sampled_from(["1", "2", "3", "9", "<b>"]),
)
def test_hostile_annotations_are_stored_whole_or_not_at_all_and_render_inert(
    article_client, note, links, quote, span, exact, verdict, confidence
):
    client, article = article_client
    data = {
        "label": Label.objects.filter(is_active=True).first().pk,
        "note": note,
        "links": links,
        "quote": quote,
        "verdict": verdict,
        "confidence": confidence,
    }
    if span is not None:
        data.update(start=span[0], end=span[1], exact=exact)
    before = Annotation.objects.count()

    response = client.post(f"/articles/{article.pk}/annotations/new/", data)

    assert response.status_code < 500
    assert executable_markup(response.content.decode()) == []
    created = Annotation.objects.count() - before
    event(f"{created} stored")
    assert created in (0, 1)
    if created:
        annotation = Annotation.objects.latest("pk")
        assert annotation.label_id == data["label"]
        assert 0 <= annotation.start < annotation.end <= len(article.body)
        assert annotation.exact == article.body[annotation.start : annotation.end]
        for link in annotation.links:
            assert link.lower().startswith(("http://", "https://"))
    for url in (article.get_absolute_url(), f"/articles/{article.pk}/annotations/"):
        page = client.get(url)
        assert page.status_code == 200
        assert executable_markup(page.content.decode()) == [], url


# --- NUL in filters and hidden fields (issue 13: 500 on PostgreSQL) -----------------------


def _annotation(article, user):
    from tests.annotations.factories import AnnotationFactory

    return AnnotationFactory(article=article, creator=user, span=(0, len(SENTENCES[0])))


@pytest.mark.parametrize("field", ["f_label", "f_annotator", "f_verdict"])
def test_nul_in_a_panel_filter_is_a_400_that_says_why(article_client, field):
    client, article = article_client

    response = client.get(f"/articles/{article.pk}/annotations/", {field: "Claim\x00"})

    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_nul_in_a_reply_or_accept_post_is_a_400_and_stores_nothing(article_client, analyst):
    client, article = article_client
    annotation = _annotation(article, analyst)

    replies = [
        {"text": "A reply written for the tests.", "f_label": "\x00"},
        {"text": "A reply\x00 written for the tests."},
    ]
    for data in replies:
        response = client.post(f"/annotations/{annotation.pk}/reply/", data, HTTP_HX_REQUEST="true")
        assert response.status_code == 400
        assert "NUL" in response.content.decode()
    response = client.post(
        f"/articles/{article.pk}/annotations/suggestions/accept/",
        {"key": "claim:0\x00", "f_annotator": "ana\x00"},
    )
    assert response.status_code == 400
    assert Annotation.objects.count() == 1  # only the one made above; no reply
