"""Readability in German, Spanish, French and Russian: each language's own formula over
syllables counted by its vowel rules."""

from __future__ import annotations

import pytest

from analysis.scoring.readability import score_readability, syllables


# Written for the tests: words and their spoken syllables.
@pytest.mark.parametrize(
    ("language", "word", "count"),
    [
        ("ru", "она", 2),
        ("ru", "экономика", 5),
        ("ru", "объявило", 4),
        ("ru", "мир", 1),
        ("es", "país", 2),
        ("es", "economía", 5),
        ("es", "ciudad", 2),
        ("es", "guerra", 2),
        ("es", "negociaciones", 5),
        ("de", "aber", 2),
        ("de", "Meinungsverschiedenheiten", 7),
        ("de", "Häuser", 2),
        ("fr", "déclaré", 3),
        ("fr", "journalistes", 3),
        ("fr", "eau", 1),
    ],
)
def test_it_counts_spoken_syllables(language, word, count):
    assert syllables(word, language) == count


def test_russian_uses_obornevas_formula():
    # Written for the tests: 2 sentences, 9 words, 17 syllables (one per vowel):
    # Мэр 1, открыл 2, новый 2, мост 1; Школьники 3, первыми 3, прошли 2, по 1, мосту 2.
    text = "Мэр открыл новый мост. Школьники первыми прошли по мосту."
    values = score_readability(text, language="ru").values

    assert (values["word_count"], values["sentence_count"], values["syllable_count"]) == (9, 2, 17)
    assert values["oborneva"] == pytest.approx(206.835 - 1.3 * 9 / 2 - 60.1 * 17 / 9)
    assert "flesch_reading_ease" not in values


def test_spanish_gives_fernandez_huerta_and_szigriszt_pazos():
    # Written for the tests: 1 sentence, 6 words: El(1) país(2) votó(2) una(2) ley(1) nueva(2).
    values = score_readability("El país votó una ley nueva.", language="es").values

    assert values["syllable_count"] == 10
    assert values["fernandez_huerta"] == pytest.approx(206.84 - 60 * 10 / 6 - 1.02 * 6)
    assert values["szigriszt_pazos"] == pytest.approx(206.835 - 62.3 * 10 / 6 - 6)


def test_german_gives_amstad_and_the_wiener_sachtextformel():
    # Written for the tests: Die(1) Regierung(3) plant(1) neue(2) Gesetze(3): 5 words,
    # 10 syllables; 2 of 3+ syllables, 2 longer than six letters, 2 of one syllable.
    values = score_readability("Die Regierung plant neue Gesetze.", language="de").values

    assert values["flesch_amstad"] == pytest.approx(180 - 5 - 58.5 * 10 / 5)
    assert values["wiener_sachtextformel"] == pytest.approx(
        0.1935 * 40 + 0.1672 * 5 + 0.1297 * 40 - 0.0327 * 40 - 0.875
    )


def test_french_gives_kandel_moles():
    # Written for the tests: Le 1, maire 1 (its final e is mute), a 1, parlé 2, mardi 2.
    values = score_readability("Le maire a parlé mardi.", language="fr").values

    assert values["syllable_count"] == 7
    assert values["kandel_moles"] == pytest.approx(207 - 1.015 * 5 - 73.6 * 7 / 5)


def test_english_keeps_the_flesch_scale():
    values = score_readability("The cat sat on the mat.", language="en").values

    assert "flesch_reading_ease" in values and "formula" not in values
