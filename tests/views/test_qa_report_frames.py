"""Found in a QA pass: the outlet report showed each outlet's frames as a bar of colours
with nothing saying which colour was which frame (the article and event pages name the
primary and secondary frame under theirs; the report named none)."""

import datetime as dt

import pytest

from analysis.models import Score
from analysis.templatetags.analysis_charts import share_bar
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_a_share_bar_with_a_legend_names_its_largest_parts_in_their_colours():
    html = str(
        share_bar({"legality": 0.1, "economic": 0.6, "<b>x</b>": 0.05, "morality": 0.25}, legend=2)
    )
    legend = html.split('<ul class="sharelegend', 1)[1]
    assert legend.index('class="frame-economic"/></svg> economic: 60%') < legend.index(
        'class="frame-morality"/></svg> morality: 25%'
    )
    assert "legality" not in legend and "and 2 more" in legend
    assert "<b>" not in html  # keys are escaped, in the bar's titles and in the legend
    assert "sharelegend" not in str(share_bar({"economic": 1.0}))  # no legend unless asked


def test_the_outlet_report_names_the_colours_of_its_frame_bars(client, editor):
    outlet = OutletFactory(slug="gazette", name="Gazette")
    article = ArticleFactory(outlet=outlet, published_at=dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC))
    Score.objects.create(
        article=article,
        scorer="framing",
        version="1",
        values={"shares": {"economic": 0.75, "legality": 0.25}, "primary_frame": "economic"},
    )
    client.force_login(editor)

    html = client.get(
        "/reports/outlets/?outlets=gazette&start=2024-03-01&end=2024-03-31"
    ).content.decode()

    assert 'class="sharebar"' in html
    assert '<ul class="sharelegend small">' in html
    assert "economic: 75%" in html.split("sharelegend", 1)[1]
