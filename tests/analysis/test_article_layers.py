import pytest

from newsdesk.models import IngestMethod
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
