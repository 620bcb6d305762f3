"""What the pages, the API and the exports do with an article in a language the
English-only scorers cannot measure: leave it out of each measure and say so."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.urls import reverse

from analysis.models import Score
from analysis.scoring import NOT_AVAILABLE
from analysis.services import article_score
from events.event_report import event_comparison_refresh
from events.outlet_report import outlet_figures, outlet_report
from newsdesk.models import LanguageSource
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

# Written for the tests.
RUSSIAN = (
    "Правительство объявило о новых мерах поддержки фермеров во вторник. По словам "
    "министра, программа обойдётся бюджету в 12 миллиардов рублей."
)
ENGLISH = "Officials said the new bridge was a wonderful success. Crowds cheered on Monday."
DAY = dt.datetime(2024, 5, 2, 9, tzinfo=dt.UTC)


@pytest.fixture
def pair():
    """An outlet with one English and one Russian article, both scored, in one event."""
    outlet = OutletFactory(slug="wire", name="Wire")
    event = EventFactory(title="Bridge")
    english = ArticleFactory(outlet=outlet, body=ENGLISH, published_at=DAY, event=event)
    other = OutletFactory(slug="vesti", name="Vesti")
    russian = ArticleFactory(
        outlet=other, body=RUSSIAN, language="ru", published_at=DAY, event=event
    )
    same_outlet_russian = ArticleFactory(
        outlet=outlet, body=RUSSIAN + " Ещё.", language="ru", published_at=DAY
    )
    for article in (english, russian, same_outlet_russian):
        assert article_score(article_id=article.pk)
    return outlet, event, english, russian


def test_the_outlet_report_leaves_the_russian_article_out_and_counts_it(pair):
    outlet, *_ = pair
    [item] = outlet_report(outlets=[outlet], start=DAY.date(), end=DAY.date())["outlets"]

    assert item["articles"] == 2
    tone = item["figures"]["tone"]
    english_tone = Score.objects.get(scorer="sentiment", article=pair[2]).values["compound_mean"]
    assert (tone["n"], tone["mean"], tone["left_out"]) == (1, english_tone, 1)
    assert item["figures"]["reading_ease"]["n"] == item["figures"]["grade"]["n"] == 1
    assert item["left_out"] == {
        "tone": 1,
        "negative_share": 1,
        # Attribution reads Russian quotes and reported speech: measured, not left out;
        # but not who is nobody named, so not the anonymous and group shares (version 27).
        "attribution_density": 0,
        "anonymous_share": 1,
        "group_share": 1,
        "grade": 1,
        "reading_ease": 1,
        "frames": 1,
        "persuasion": 1,
    }


def test_the_outlet_report_page_and_csv_say_how_many_were_left_out(client, editor, pair):
    client.force_login(editor)
    query = "?outlets=wire&start=2024-05-02&end=2024-05-02"

    html = client.get("/reports/outlets/" + query).content.decode()
    assert "1 article; 1 left out: not measurable in its language" in html

    rows = list(csv.DictReader(io.StringIO(client.get(
        "/reports/outlets/" + query + "&format=csv"
    ).content.decode())))  # fmt: skip
    assert (rows[0]["tone_n"], rows[0]["tone_left_out"]) == ("1", "1")
    assert (rows[0]["reading_ease_n"], rows[0]["reading_ease_left_out"]) == ("1", "1")


def test_the_outlet_averages_and_the_api_count_the_left_out(pair, analyst_api):
    outlet, *_ = pair
    figures = outlet_figures(outlet=outlet)
    detail = analyst_api.get(reverse("api:outlet", args=["wire"])).json()["averages"]

    assert (figures["tone"]["n"], figures["tone"]["left_out"]) == (1, 1)
    assert (figures["grade"]["n"], figures["grade"]["left_out"]) == (1, 1)
    assert (detail["tone_n"], detail["tone_left_out"]) == (1, 1)
    assert (detail["reading_ease_n"], detail["reading_ease_left_out"]) == (1, 1)
    english_tone = Score.objects.get(scorer="sentiment", article=pair[2]).values["compound_mean"]
    assert detail["tone"] == pytest.approx(english_tone)


def test_an_outlet_with_only_russian_articles_shows_what_is_measured_and_why_not_the_rest(
    analyst_client, pair
):
    html = analyst_client.get(reverse("outlet-detail", args=["vesti"])).content.decode()

    def row(name):
        return re.search(rf'<tr data-figure="{name}">(.*?)</tr>', html, re.DOTALL)[1]

    # Attribution reads Russian: its density is averaged; the tone is not, and says why.
    assert 'data-n="1"' in row("attribution_density")
    assert "no data" in row("tone") and 'data-n="0"' in row("tone")
    assert "1 left out: not measurable in its language" in row("tone")
    assert "No averages" not in html


def test_an_outlet_whose_articles_nothing_measures_says_why_it_has_no_averages(
    analyst_client, score
):
    outlet = OutletFactory(slug="kanal")
    # Written for the tests, in Turkish, which no figure's scorer reads.
    score(
        ArticleFactory(
            outlet=outlet,
            language="tr",
            body="Liman salı günü yeniden açıldı. Bu metin testler için yazıldı. "
            "İşçiler sonuçtan memnun olduklarını söyledi.",
        )
    )
    html = analyst_client.get(reverse("outlet-detail", args=["kanal"])).content.decode()

    assert "No averages: its 1 scored article is in languages these measures do not" in html


def test_the_api_gives_a_russian_articles_scores_as_not_available(pair, analyst_api):
    russian = pair[3]
    listed = analyst_api.get("/api/articles/", {"outlet": "vesti"}).json()["items"]
    detail = analyst_api.get(reverse("api:article", args=[russian.pk])).json()
    scores = {s["scorer"]: s for s in detail["scores"]}

    assert listed[0]["scores"]["sentiment"]["values"] == scores["sentiment"]["values"]
    assert (listed[0]["language"], listed[0]["language_source"]) == ("ru", "")
    assert scores["sentiment"]["values"] == {
        NOT_AVAILABLE: {"reason": "language", "language": "ru", "supported": ["en"]}
    }
    assert "oborneva" in scores["readability"]["values"]


def test_the_event_comparison_leaves_the_russian_column_out_of_each_measure(client, editor, pair):
    _, event, _, russian = pair
    data = event_comparison_refresh(event_id=event.pk).data

    column = data["columns"]["vesti"]
    assert column["tone"]["n"] == 0 and column["tone"]["mean"] is None
    assert column["readability"]["flesch_reading_ease"] is None
    assert "sentiment" in column["not_available"] and "claims" not in column["not_available"]
    tone = next(m for m in data["left_out"] if m["scorer"] == "sentiment")
    assert tone["outlets"] == [{"key": "vesti", "name": "Vesti", "language": "Russian"}]
    assert not any(m["scorer"] in ("claims", "readability") for m in data["left_out"])
    # Words and facts are matched by their words: the Russian column is not compared.
    assert data["compared_language"] == "en"
    assert (column["compared"], data["columns"]["wire"]["compared"]) == (False, True)
    apart = {m["scorer"]: m for m in data["left_out"] if m["scorer"] in ("words", "facts")}
    assert [o["key"] for o in apart["facts"]["outlets"]] == ["vesti"]
    assert "vesti" not in data["words"]

    client.force_login(editor)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "not measured for 1 article (Vesti, Russian)" in html
    assert "not measured in Russian" in html

    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/events/{event.pk}/export.csv").content.decode()
    )))  # fmt: skip
    by_outlet = {r["outlet"]: r for r in rows}
    assert by_outlet["Vesti"]["language"] == "ru"
    assert by_outlet["Vesti"]["tone_mean"] == ""
    assert "sentiment" in by_outlet["Vesti"]["not_measured_in_language"].split()
    assert by_outlet["Wire"]["not_measured_in_language"] == ""
    assert (by_outlet["Vesti"]["facts_reported"], by_outlet["Vesti"]["facts_omitted"]) == ("", "")
    assert by_outlet["Wire"]["facts_omitted"] == "0"
    # Sourcing is read in Russian, but not who is nobody named (attribution 27).
    assert column["sourcing"]["anonymous_share"] is None
    assert data["columns"]["wire"]["sourcing"]["anonymous_share"] == 1.0
    assert html.count('data-not-measured="anonymous_share"') == 1
    assert (by_outlet["Vesti"]["anonymous_share"], by_outlet["Wire"]["anonymous_share"]) == (
        "",
        "1.0",
    )


def test_the_article_page_says_which_measures_are_not_available_and_why(analyst_client, pair):
    html = analyst_client.get(pair[3].get_absolute_url()).content.decode()

    assert "Not available in Russian" in html
    assert "<strong>Tone</strong>: VADER&#x27;s word list rates English words only" in html
    assert 'data-not-available="framing"' in html
    assert 'data-not-available="readability"' not in html
    assert 'data-figure="oborneva"' in html and "Oborneva reading ease" in html
    assert 'data-figure="compound_mean"' not in html
    english = analyst_client.get(pair[2].get_absolute_url()).content.decode()
    assert "Not available in" not in english
    # Sourcing is read, the anonymous and group shares are not (attribution 27).
    assert "not measured in this language" in html
    assert 'data-figure="group_share"' not in html
    assert "not measured in this language" not in english
    assert 'data-figure="anonymous_share">100%' in english


def test_an_analyst_corrects_the_language_and_the_article_is_scored_again(
    analyst_client, analyst, django_capture_on_commit_callbacks
):
    # Written for the tests: English text that an importer marked Russian.
    article = ArticleFactory(body=ENGLISH, language="ru", language_detected="ru")
    assert article_score(article_id=article.pk)
    assert NOT_AVAILABLE in article.scores.get(scorer="sentiment").values

    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_client.post(
            reverse("article-set-language", args=[article.pk]), {"language": "en"}
        )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.language, article.language_source) == ("en", LanguageSource.PERSON)
    assert article.language_set_by == analyst and article.language_set_at
    assert article.language_detected == "ru"  # the detector's guess is kept beside it
    assert "compound_mean" in article.scores.get(scorer="sentiment").values
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    assert "set by ana; detected Russian (ru)" in html


def test_confirming_the_language_records_it_without_rescoring(
    analyst_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(body=ENGLISH, language="en")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        analyst_client.post(reverse("article-set-language", args=[article.pk]), {"language": "en"})

    article.refresh_from_db()
    assert article.language_source == LanguageSource.PERSON
    assert callbacks == []


def test_an_unknown_language_code_is_refused(analyst_client):
    article = ArticleFactory(language="en")
    response = analyst_client.post(
        reverse("article-set-language", args=[article.pk]), {"language": "xx"}, follow=True
    )

    article.refresh_from_db()
    assert article.language == "en" and article.language_source == ""
    assert "Select a valid choice" in response.content.decode()


def test_only_analysts_may_correct_the_language(client):
    article = ArticleFactory(language="en")
    response = client.post(reverse("article-set-language", args=[article.pk]), {"language": "ru"})

    article.refresh_from_db()
    assert response.status_code in (302, 403) and article.language == "en"


def test_named_sources_in_german_and_russian_say_how_far_to_trust_them(analyst_client):
    # Written for the tests: a German article whose speakers are nouns and a name.
    german = ArticleFactory(
        body="Experten sagten, dass das Risiko steigt. Anna Schmidt sagte, dass es hält.",
        language="de",
        language_source=LanguageSource.DETECTED,
    )
    english = ArticleFactory(body=ENGLISH)
    for article in (german, english):
        article_score(article_id=article.pk)
    values = Score.objects.get(article=german, scorer="attribution").values
    assert values["named_source_count"] == 1  # "Experten" is described, not named
    html = analyst_client.get(german.get_absolute_url()).content.decode()
    assert "Universal Dependencies, German GSD" in html
    # How little German speech the rules find, beside the attributed sentences.
    assert "Redewiedergabe" in html
    english_html = analyst_client.get(english.get_absolute_url()).content.decode()
    assert "Universal Dependencies" not in english_html and "Redewiedergabe" not in english_html


def test_a_reading_ease_made_for_another_language_says_it_is_not_measured(analyst_client, pair):
    # Found in a pages audit: the Russian reading ease stood with no line on how far to
    # trust it, where the English formulas link to their measurement on OneStopEnglish.
    html = analyst_client.get(pair[3].get_absolute_url()).content.decode()
    block = html[html.index("<h3>Readability") : html.index('data-figure="oborneva"')]

    assert 'class="trust-short trust-unmeasured" href="/methodology/#readability"' in block
    assert "not measured on any corpus" in block
    assert "no corpus of Russian texts graded by reading level" in block
    english = analyst_client.get(pair[2].get_absolute_url()).content.decode()
    block = english[english.index("<h3>Readability") : english.index("Flesch–Kincaid grade")]
    assert "OneStopEnglish" in block and "trust-unmeasured" not in block
