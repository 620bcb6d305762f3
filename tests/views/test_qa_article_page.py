"""Found in a QA pass of the article page: legends and labels that showed raw scorer values."""

import re

import pytest

from analysis.templatetags.analysis_charts import share_bar
from newsdesk.models import IngestMethod
from newsdesk.services import ArticleInput, article_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article(seed_text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)


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


def test_sources_show_their_type_in_words_not_the_scorers_key(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url()).content.decode()
    assert '<span class="tag">named person</span>' in html
    assert "named_person" not in html and "named_org" not in html


def test_the_share_bar_stretches_to_the_width_of_its_box():
    svg = str(share_bar({"economic": 0.75, "legality": 0.25}))
    assert 'preserveAspectRatio="none"' in svg
    assert 'width="225.0"' in svg and 'x="225.0"' in svg
