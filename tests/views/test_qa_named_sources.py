"""Found in a QA pass: the article page showed "Named sources 1 (1)" and "0 (0)": the
attribution scorer's Pew group of the count, unexplained, repeating the count."""

import re

import pytest

from analysis.models import Score
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _named_sources(client, count: int, bucket: str) -> str:
    article = ArticleFactory(scoring_status="scored")
    Score.objects.create(
        article=article,
        scorer="attribution",
        version="2",
        values={"named_source_count": count, "named_source_bucket": bucket},
        evidence={},
    )
    html = client.get(article.get_absolute_url()).content.decode()
    return re.search(r"<dt>Named sources</dt><dd>(.*?)</dd>", html, re.S).group(1)


def test_a_count_of_one_or_none_stands_alone(analyst_client):
    assert _named_sources(analyst_client, 1, "1") == "1"
    assert _named_sources(analyst_client, 0, "0") == "0"


def test_a_larger_count_names_its_pew_group(analyst_client):
    shown = _named_sources(analyst_client, 3, "2-3")
    assert shown.startswith("3 <small") and "(Pew group 2-3)</small>" in shown
    assert 'title="Pew Research Center' in shown
