"""Found in a QA pass: an empty highlight layer said "Nothing of this kind was found in the
text, or it is not scored yet." on a scored article, leaving the analyst to guess which;
the page knows whether the layer's scorer has run."""

import pytest

from newsdesk.models import IngestMethod, ScoringStatus
from newsdesk.services import ArticleInput, article_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article(seed_text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)


def _legend(client, article, layer: str) -> str:
    html = client.get(article.get_absolute_url() + f"?layer={layer}").content.decode()
    return html.split('<p class="legend">', 1)[1].split("</p>", 1)[0]


def test_a_scored_text_without_cues_says_none_were_found(analyst_client, seed_article):
    # The seed has no persuasion cue (0.0 per 1,000 words) but is scored.
    assert seed_article.scores.filter(scorer="persuasion").exists()
    assert _legend(analyst_client, seed_article, "persuasion") == (
        "Nothing of this kind was found in the text."
    )


def test_a_text_not_scored_yet_says_so(analyst_client, seed_article):
    seed_article.scores.filter(scorer="persuasion").delete()
    assert _legend(analyst_client, seed_article, "persuasion") == (
        "Not scored yet: the highlights appear once the text is scored."
    )


def test_a_text_whose_scoring_failed_says_so(analyst_client, seed_article):
    seed_article.scores.all().delete()
    seed_article.scoring_status = ScoringStatus.FAILED
    seed_article.save(update_fields=["scoring_status"])
    assert _legend(analyst_client, seed_article, "claims") == (
        "Scoring failed, so there is nothing to show."
    )
