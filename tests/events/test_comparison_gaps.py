"""What the comparison says in the cells of a column that has no figure of a measure: its
article is in a language the measure does not cover, is not scored yet, or its scoring
failed (found in a pages audit: such cells showed a bare "per 1,000 words", " ± ",
"% attributed words", "no frame cues" or nothing). Outlets and articles are written for
the tests."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from analysis.services import article_score
from events.event_report import column_gap, event_comparison_refresh
from newsdesk.models import ScoringStatus
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

ENGLISH = (
    "The harbour workers extended their strike on Monday, the union said. "
    "Forty ships were waiting in the estuary, the port authority said."
)
GERMAN = (
    "Die Hafenarbeiter haben am Montag ihren Streik fortgesetzt, wie die Gewerkschaft "
    "mitteilte. Nach Angaben der Hafenbehörde warten 40 Schiffe im Ästuar."
)
DAY = dt.datetime(2024, 5, 2, 9, tzinfo=dt.UTC)
MEASURES = ("sentiment", "actors", "attribution", "framing", "persuasion")


def _cells(html: str, scorer: str) -> list[str]:
    return re.findall(rf'data-not-measured="{scorer}">([^<]*)<', html)


@pytest.fixture
def event():
    """Four outlets' articles: English and German scored, one not scored, one failed."""
    event = EventFactory(title="Harbour strike")
    english = ArticleFactory(
        outlet=OutletFactory(name="Ledger"), body=ENGLISH, published_at=DAY, event=event
    )
    german = ArticleFactory(
        outlet=OutletFactory(name="Kurier"),
        body=GERMAN,
        language="de",
        published_at=DAY,
        event=event,
    )
    for article in (english, german):
        assert article_score(article_id=article.pk)
    ArticleFactory(outlet=OutletFactory(name="Pending Post"), published_at=DAY, event=event)
    ArticleFactory(
        outlet=OutletFactory(name="Failed Times"),
        published_at=DAY,
        event=event,
        scoring_status=ScoringStatus.FAILED,
    )
    event_comparison_refresh(event_id=event.pk)
    return event


def test_each_measures_cell_says_why_a_column_has_no_figure(client, editor, event):
    client.force_login(editor)
    html = client.get(event.get_absolute_url()).content.decode()

    for scorer in ("sentiment", "actors", "framing", "persuasion"):
        assert _cells(html, scorer) == [
            "not measured in German",
            "not scored yet",
            "scoring failed",
        ], scorer
    # Sourcing is read in German (not who nobody names); readability has its own formula.
    assert _cells(html, "attribution") == ["not scored yet", "scoring failed"]
    assert _cells(html, "readability") == ["not scored yet", "scoring failed"]
    assert "no grade (German)" in html
    # No figure's unit without its figure.
    assert ">per 1,000 words" not in html and "> ± " not in html
    assert "<td>% attributed words" not in html
    # The German column's words are not compared with the English ones.
    assert _cells(html, "words") == ["not compared (German)"]


def test_a_column_gap_is_empty_where_the_figure_is_there(event):
    data = event_comparison_refresh(event_id=event.pk).data
    by_name = {col["outlet"]["name"]: col for col in data["columns"].values()}

    assert [column_gap(by_name["Ledger"], s) for s in MEASURES] == [""] * len(MEASURES)
    assert column_gap(by_name["Kurier"], "attribution") == ""
    # A report stored before the columns listed their measures reads as scored.
    old = {k: v for k, v in by_name["Ledger"].items() if k not in ("scorers", "scoring")}
    assert column_gap(old, "persuasion") == ""


def test_an_event_of_one_outlet_says_what_its_words_and_tone_chart_need(client, editor):
    event = EventFactory(title="Quay closed")
    german = ArticleFactory(body=GERMAN, language="de", published_at=DAY, event=event)
    assert article_score(article_id=german.pk)
    event_comparison_refresh(event_id=event.pk)
    client.force_login(editor)
    html = client.get(event.get_absolute_url()).content.decode()

    assert "needs a second outlet in the same language to compare with" in html
    assert 'data-no-chart="tone"' in html
    # No frames measured, so no "Frames" legend heading without a legend under it.
    assert "<h3>Frames</h3>" not in html


def test_the_sourcing_figures_trust_lines_say_which_figure_they_are_of(client, editor, event):
    client.force_login(editor)
    html = client.get(event.get_absolute_url()).content.decode()

    for of in ("anonymous sources", "generic groups"):
        assert html.count(f'">{of}: F1 ') == 2  # under the chart, and in the table's row


def test_the_frames_row_says_what_its_bar_and_its_names_are(client, editor):
    # Found in a pages audit: a column's bar was mostly "health and safety" while the
    # names under it began with "political", since the bar is the share of cue words and
    # the names the frames the model is surest of; nothing said so.
    event = EventFactory(title="Flood written for the tests")
    article = ArticleFactory(body=ENGLISH, published_at=DAY, event=event)
    assert article_score(article_id=article.pk)
    event_comparison_refresh(event_id=event.pk)
    client.force_login(editor)
    html = client.get(event.get_absolute_url()).content.decode()

    row = html[html.index("<tr><th>Frames") :].split("</tr>", 1)[0]
    key = row[row.index("data-frames-key>") :].split("</small>", 1)[0]
    assert "bar: share of frame cue words" in key and "the model is surest of" in key
    assert "data-frames-named>" in row
