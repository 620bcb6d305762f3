"""Language detection at ingest: the language, the detector's confidence, and what is
stored when the text is too short to tell."""

from __future__ import annotations

import pytest

from newsdesk.ingest.language import MIN_CONFIDENCE, language_detect
from newsdesk.ingest.text import clean_text
from newsdesk.models import LanguageSource
from newsdesk.services import ArticleInput, article_ingest
from tests.factories import OutletFactory

# Written for the tests: one news paragraph per language.
PARAGRAPHS = {
    "ru": "Правительство объявило во вторник о новых мерах поддержки фермеров. По словам "
    "министра, программа обойдётся бюджету в двенадцать миллиардов рублей.",
    "es": "El Gobierno anunció el martes nuevas medidas de apoyo a los agricultores. Según "
    "el ministro, el programa costará al presupuesto doce mil millones de pesos.",
    "fr": "Le gouvernement a annoncé mardi de nouvelles mesures de soutien aux agriculteurs. "
    "Selon le ministre, le programme coûtera douze milliards d'euros au budget.",
    "de": "Die Regierung hat am Dienstag neue Hilfen für die Landwirte angekündigt. Nach "
    "Angaben des Ministers kostet das Programm den Haushalt zwölf Milliarden Euro.",
    "en": "The government announced new support measures for farmers on Tuesday. According "
    "to the minister, the programme will cost the budget twelve billion pounds.",
}


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_it_names_the_language_of_a_news_paragraph(language):
    found = language_detect(PARAGRAPHS[language])

    assert found.language == language
    assert MIN_CONFIDENCE <= found.confidence <= 1.0


def test_a_russian_text_with_an_english_quote_is_russian():
    # Written for the tests: mostly Russian, with a short English quotation.
    text = (
        PARAGRAPHS["ru"] + ' Посол сказал: "We are ready to talk." Переговоры продолжатся '
        "в пятницу в Женеве, сообщили в министерстве иностранных дел."
    )

    assert language_detect(text).language == "ru"


def test_half_and_half_is_less_sure_than_either_alone():
    mixed = language_detect(PARAGRAPHS["fr"] + " " + PARAGRAPHS["de"])

    assert mixed.language in ("fr", "de")
    assert mixed.confidence < min(
        language_detect(PARAGRAPHS["fr"]).confidence, language_detect(PARAGRAPHS["de"]).confidence
    )


@pytest.mark.parametrize("text", ["Putin", "Да.", "OK 2024", "", "12 345 678"])
def test_a_text_too_short_to_tell_gets_no_language(text):
    assert language_detect(text) == language_detect(text).__class__("", None)


def test_the_cleaner_passes_the_detection_on():
    page = clean_text(PARAGRAPHS["es"])

    assert page.language == "es"
    assert page.language_confidence >= MIN_CONFIDENCE


@pytest.mark.django_db
def test_an_ingested_article_stores_its_language_and_confidence():
    article = article_ingest(data=ArticleInput(raw=PARAGRAPHS["de"]), method="paste")

    assert (article.language, article.language_detected) == ("de", "de")
    assert article.language_source == LanguageSource.DETECTED
    assert article.language_confidence >= MIN_CONFIDENCE


@pytest.mark.django_db
def test_a_text_too_short_to_tell_takes_its_outlets_language():
    outlet = OutletFactory(language="ru")
    # Written for the tests: nine words, fewer than twenty letters.
    article = article_ingest(
        data=ArticleInput(raw="Да и нет: 5, 6, 7 и 8 раз.", outlet=outlet), method="paste"
    )

    assert article.language == "ru"
    assert article.language_source == LanguageSource.OUTLET
    assert article.language_detected == ""


@pytest.mark.django_db
def test_detecting_again_fixes_stored_languages_but_keeps_a_persons(
    django_capture_on_commit_callbacks,
):
    from django.core.management import call_command

    from analysis.models import Score
    from tests.factories import ArticleFactory

    wrong = ArticleFactory(body=PARAGRAPHS["es"], language="en")
    right = ArticleFactory(body=PARAGRAPHS["fr"], language="fr")
    kept = ArticleFactory(body=PARAGRAPHS["de"], language="nl", language_source="person")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("detect_languages")

    for article in (wrong, right, kept):
        article.refresh_from_db()
    assert (wrong.language, wrong.language_source) == ("es", LanguageSource.DETECTED)
    assert wrong.language_confidence >= MIN_CONFIDENCE
    assert Score.objects.filter(article=wrong).exists()  # scored for Spanish
    assert not Score.objects.filter(article=right).exists()  # unchanged: not re-queued
    assert (kept.language, kept.language_source) == ("nl", LanguageSource.PERSON)
