"""The scoring page: counts per status, rescoring batches and their progress."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from analysis.models import Score, ScoringBatch
from analysis.scoring import get_scorer
from newsdesk.models import Article
from tests.conftest import scorer_names
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def count_link(status: str, n: int) -> str:
    return (
        f'<a class="count status-{status}" href="/articles/?status={status}">'
        f"<strong>{n}</strong> {status}</a>"
    )


@pytest.fixture
def scored(score):
    """Three articles with current scores."""
    return [score(a) for a in ArticleFactory.create_batch(3)]


def test_the_scoring_page_counts_articles_by_status(analyst_client):
    ArticleFactory.create_batch(2, scoring_status="pending")
    ArticleFactory(scoring_status="queued")
    ArticleFactory.create_batch(3, scoring_status="scored")

    html = html_of(analyst_client.get(reverse("scoring-status")))

    for status, n in (("pending", 2), ("queued", 1), ("scored", 3), ("failed", 0)):
        assert count_link(status, n) in html


def test_the_counts_refresh_alone_through_htmx(analyst_client):
    ArticleFactory(scoring_status="failed")

    response = analyst_client.get(
        reverse("scoring-status"), headers={**HTMX, "HX-Target": "scoring-counts"}
    )

    html = html_of(response).strip()
    assert html.startswith('<div id="scoring-counts"')
    assert "<html" not in html
    assert "Recent batches" not in html
    assert count_link("failed", 1) in html


def test_analysts_see_no_rescore_form(analyst_client):
    html = html_of(analyst_client.get(reverse("scoring-status")))

    assert 'action="/scoring/rescore/"' not in html


def test_admins_see_the_rescore_form(admin_client_):
    html = html_of(admin_client_.get(reverse("scoring-status")))

    assert 'action="/scoring/rescore/"' in html
    assert "Rescore all, not only outdated scores" in html


def test_without_batches_the_page_says_so(analyst_client):
    html = html_of(analyst_client.get(reverse("scoring-status")))

    assert "No scoring batches yet." in html


def test_rescoring_everything_makes_a_batch_and_scores_every_article(
    admin_client_, admin_user, scored, django_capture_on_commit_callbacks
):
    unscored = ArticleFactory()
    Score.objects.update(values={})

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(reverse("rescore"), {"everything": "on"})

    assert response["Location"] == reverse("scoring-status")
    batch = ScoringBatch.objects.get()
    assert batch.label == "Rescore all"
    assert batch.created_by == admin_user
    assert (batch.total, batch.done, batch.failed) == (4, 4, 0)
    assert not batch.is_running
    assert set(Article.objects.values_list("scoring_status", flat=True)) == {"scored"}
    assert unscored.scores.count() == len(scorer_names())
    assert not Score.objects.filter(values={}).exists()


def test_the_page_after_rescoring_shows_the_finished_batch(
    admin_client_, scored, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(reverse("rescore"), {"everything": "on"})

    html = html_of(admin_client_.get(reverse("scoring-status")))
    assert "Queueing 3 article(s) for scoring." in html
    assert "3 of 3 (100%) · done" in html
    assert count_link("scored", 3) in html


def test_without_everything_only_outdated_articles_are_rescored(
    admin_client_, scored, django_capture_on_commit_callbacks
):
    stale = scored[0]
    Score.objects.filter(article=stale, scorer="sentiment").update(version="0")
    unscored = ArticleFactory()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(reverse("rescore"))

    batch = ScoringBatch.objects.get()
    assert batch.label == "Rescore outdated"
    assert (batch.total, batch.done) == (2, 2)
    assert Score.objects.get(article=stale, scorer="sentiment").version == (
        get_scorer("sentiment").version
    )
    unscored.refresh_from_db()
    assert unscored.scoring_status == "scored"


def test_rescoring_can_be_limited_to_an_outlet_and_a_start_date(
    admin_client_, django_capture_on_commit_callbacks
):
    outlet = OutletFactory(name="Beeb")
    recent = ArticleFactory(outlet=outlet, published_at=dt.datetime(2024, 3, 5, tzinfo=dt.UTC))
    ArticleFactory(outlet=outlet, published_at=dt.datetime(2024, 2, 1, tzinfo=dt.UTC))
    ArticleFactory(published_at=dt.datetime(2024, 3, 5, tzinfo=dt.UTC))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(
            reverse("rescore"), {"outlet": outlet.pk, "since": "2024-03-01", "everything": "on"}
        )

    batch = ScoringBatch.objects.get()
    assert batch.label == "Rescore Beeb since 2024-03-01 all"
    assert batch.total == 1
    assert list(Article.objects.filter(scoring_status="scored")) == [recent]


def test_with_nothing_outdated_it_says_there_is_nothing_to_rescore(admin_client_, scored):
    response = admin_client_.post(reverse("rescore"), follow=True)

    html = html_of(response)
    assert "Nothing to rescore" in html
    assert not ScoringBatch.objects.exists()
    assert set(Article.objects.values_list("scoring_status", flat=True)) == {"scored"}


def test_bad_rescore_options_are_refused(admin_client_, scored):
    Score.objects.update(version="0")

    response = admin_client_.post(reverse("rescore"), {"since": "last week"}, follow=True)

    assert "Please correct the rescoring options." in html_of(response)
    assert not ScoringBatch.objects.exists()


# Batch progress


def test_a_running_batch_keeps_polling(analyst_client):
    batch = ScoringBatch.objects.create(label="Nightly", total=5, done=2)

    response = analyst_client.get(reverse("batch-progress", args=[batch.pk]), headers=HTMX)

    html = html_of(response).strip()
    assert html.startswith(f'<div class="batch" id="batch-{batch.pk}"')
    assert "<html" not in html
    assert f'hx-get="/scoring/batches/{batch.pk}/"' in html
    assert "2 of 5 (40%)" in html
    assert "done" not in html.split("data-progress>")[1]


def test_a_finished_batch_tells_htmx_to_stop_polling(analyst_client):
    batch = ScoringBatch.objects.create(label="Nightly", total=5, done=4, failed=1)

    response = analyst_client.get(reverse("batch-progress", args=[batch.pk]), headers=HTMX)

    assert response.status_code == 286
    html = response.content.decode()
    assert "5 of 5 (100%) · 1 failed · done" in html
    assert "hx-get" not in html


def test_a_finished_batch_outside_htmx_is_a_plain_page(analyst_client):
    batch = ScoringBatch.objects.create(label="Nightly", total=5, done=5)

    response = analyst_client.get(reverse("batch-progress", args=[batch.pk]))

    assert response.status_code == 200
    assert "5 of 5 (100%) · done" in response.content.decode()


def test_an_unknown_batch_is_not_found(analyst_client):
    assert analyst_client.get(reverse("batch-progress", args=[999999])).status_code == 404


def test_the_scoring_page_lists_recent_batches_with_their_progress(analyst_client):
    ScoringBatch.objects.create(label="Nightly", total=5, done=2)

    html = html_of(analyst_client.get(reverse("scoring-status")))

    assert "<strong>Nightly</strong>" in html
    assert '<progress max="5" value="2" aria-label="Nightly">40%</progress>' in html


def test_a_rescore_is_shown_at_once_and_queued_by_a_worker(
    admin_client_, scored, django_capture_on_commit_callbacks
):
    # Marking a large archive queued takes longer than a request may, so the request
    # only starts the batch; a task chooses and queues its articles.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin_client_.post(reverse("rescore"), {"everything": "on"})

    batch = ScoringBatch.objects.get()
    assert batch.preparing and batch.is_running and batch.total == 0
    assert set(Article.objects.values_list("scoring_status", flat=True)) == {"scored"}
    html = html_of(admin_client_.get(reverse("scoring-status")))
    assert "0 of 0 (0%) · queueing more" in html
    assert f'hx-get="{reverse("batch-progress", args=[batch.pk])}"' in html

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()

    batch.refresh_from_db()
    assert not batch.preparing and (batch.total, batch.done) == (3, 3)
    assert "3 of 3 (100%) · done" in html_of(admin_client_.get(reverse("scoring-status")))
