import re

import pytest

from newsdesk.models import IngestMethod, ScoringStatus
from newsdesk.services import ArticleInput, article_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article(seed_text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)


def test_the_verbs_layer_marks_the_reporting_verbs(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url() + "?layer=verbs").content.decode()
    assert html.count('<span class="cue" title="Hasan Sultonov">') == 5
    assert '<span class="cue" title="Hasan Sultonov">noted</span>' in html
    assert 'data-layer="verbs"' in html and 'class="layer active" data-layer="verbs"' in html


def test_the_quotes_layer_colours_each_speaker(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url() + "?layer=quotes").content.decode()
    assert 'class="quote speaker-0"' in html
    assert "Over the past two weeks, about 1,500 Afghan government troops" in html
    assert '<span class="quote speaker-0">Hasan Sultonov</span>' in html  # the legend


def test_htmx_gets_only_the_text_fragment(analyst_client, seed_article):
    response = analyst_client.get(
        seed_article.get_absolute_url() + "?layer=verbs",
        headers={"HX-Request": "true", "HX-Target": "article-text"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="article-text">')
    assert "<html" not in html and 'class="cue"' in html


def test_an_unknown_layer_falls_back_to_tone(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url() + "?layer=<script>").content.decode()
    assert 'class="layer active" data-layer="tone"' in html
    assert "<script>" not in html.split('id="article-text"')[1].split("</div>")[0]


def test_a_layer_without_evidence_says_so(analyst_client, seed_article):
    seed_article.scores.all().delete()
    html = analyst_client.get(seed_article.get_absolute_url() + "?layer=verbs").content.decode()
    assert "Not scored yet: the highlights appear once the text is scored." in html


# Found in a QA pass of the article page: legends and labels that showed raw scorer values.


def legend(html: str) -> str:
    return re.search(r'<p class="legend">(.*?)</p>', html, re.S).group(1)


def test_the_verbs_legend_names_the_kinds_of_verb_not_a_speaker(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url() + "?layer=verbs").content.decode()
    shown = legend(html)
    assert '<span class="cue">neutral verb</span>' in shown
    assert "Hasan Sultonov" not in shown


def test_the_quotes_legend_lists_each_speaker_once(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url() + "?layer=quotes").content.decode()
    names = re.findall(r'<span class="[^"]*speaker-\d[^"]*">([^<]+)</span>', legend(html))
    assert "Hasan Sultonov" in names
    assert len(names) == len(set(names))


# Found in a QA pass: an empty highlight layer said "Nothing of this kind was found in the
# text, or it is not scored yet." on a scored article, leaving the analyst to guess which;
# the page knows whether the layer's scorer has run.


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


# Found in a pages audit: the tone layer, the one a page opens with, always showed its
# colours' legend, so an article not scored yet, whose scoring failed or in a language the
# tone does not cover showed "positive neutral negative" over plain text and none of the
# lines above.


def test_the_tone_layer_of_a_text_not_scored_yet_says_so(analyst_client, seed_article):
    seed_article.scores.all().delete()
    assert _legend(analyst_client, seed_article, "tone") == (
        "Not scored yet: the highlights appear once the text is scored."
    )


def test_the_tone_layer_of_a_text_whose_scoring_failed_says_so(analyst_client, seed_article):
    seed_article.scores.all().delete()
    seed_article.scoring_status = ScoringStatus.FAILED
    seed_article.save(update_fields=["scoring_status"])
    assert _legend(analyst_client, seed_article, "tone") == (
        "Scoring failed, so there is nothing to show."
    )


def test_the_tone_layer_of_a_german_text_says_it_is_not_available(analyst_client):
    from analysis.services import article_score
    from tests.factories import ArticleFactory

    article = ArticleFactory(  # written for the tests
        body="Die Hafenarbeiter streiken weiter, sagte die Gewerkschaft am Montag.",
        language="de",
    )
    assert article_score(article_id=article.pk)
    assert _legend(analyst_client, article, "tone") == (
        "Not available in this article's language (see Scores)."
    )


def test_the_tone_layer_of_a_scored_text_shows_its_colours(analyst_client, seed_article):
    legend = _legend(analyst_client, seed_article, "tone")
    assert re.findall(r'<span class="tone-(\w+)">', legend) == ["positive", "neutral", "negative"]
