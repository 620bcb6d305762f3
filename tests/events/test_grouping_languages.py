"""Grouping across languages by names, numbers and dates.

Sentences and the set tests/data/events_languages.jsonl are written for the tests
(fictional people and places, apart from a few well-known companies and products)."""

from pathlib import Path

import pytest

from events.crosslingual import crosslingual_terms, name_key, reads_as_english
from events.grouping import bcubed_scores, easy_words, events_rebuild, pairwise_scores
from newsdesk.models import Article
from tests.events.test_grouping import load_hard_set, truth_and_found

LANGUAGES_SET = Path(__file__).resolve().parents[1] / "data" / "events_languages.jsonl"


def test_a_name_has_one_key_in_latin_and_cyrillic_script_and_with_a_case_ending():
    assert name_key("Varnholt") == name_key("Варнхольт") == name_key("Varnholts") == "vrnhl"
    assert name_key("Tollen") == name_key("Толлене") == "tln"
    assert name_key("Lumeria") == name_key("Люмерии")
    assert name_key("Brenk") == name_key("Бренк") != name_key("Brask")
    assert name_key("Al") == ""  # too short to tell names apart
    # A final "h" that Russian does not write ("Хезболла", "Насралла") is left out, unless
    # the key would be too short to tell names apart without it ("ФАТХ", "Fatah").
    assert name_key("Hezbollah") == name_key("Хезболла") == "hsbl"
    assert name_key("Nasrallah") == name_key("Насралла")
    assert name_key("Fatah") == name_key("ФАТХ") == "fth"


def test_numbers_and_dates_are_read_whatever_the_separators_and_the_month_names():
    english = crosslingual_terms(
        "Quake", "At least 38 died and 1,400 homes fell on 14 February, magnitude 6.1."
    )
    spanish = crosslingual_terms(
        "Sismo", "Al menos 38 muertos y 1.400 casas el 14 de febrero, magnitud 6,1."
    )
    russian = crosslingual_terms(
        "Землетрясение", "Погибли 38 человек, 1 400 домов, 14 февраля, магнитуда 6,1."
    )
    dutch = crosslingual_terms(
        "Aardbeving", "Minstens 38 doden en 1.400 huizen op 14 februari, kracht 6,1."
    )
    for terms in (english, spanish, russian, dutch):
        assert {"x:d:38", "x:d:1400", "x:d:6.1", "x:t:02-14"} <= set(terms), terms
    # Spanish counts billions in thousands of millions.
    for text in ("El pedido vale 7.200 millones de dólares.", "The order is worth $7.2 billion."):
        assert "x:d:7200000000" in crosslingual_terms("", text)
    assert "x:d:40000000000" in crosslingual_terms("", "Un contrato de 40.000 millones de dólares.")
    assert "x:d:565000000" in crosslingual_terms("", "Unos 565 millones de dólares.")
    # Dutch month names ("maart", "mei", "augustus") beside the others.
    assert "x:t:03-01" in crosslingual_terms("", "De fabriek sloot op 1 maart 2008.")
    assert "x:t:05-24" in crosslingual_terms("", "Op 24 mei werd het contract getekend.")
    # Small counts say little: "3 people" is not a term.
    assert not any(t == "x:d:3" for t in crosslingual_terms("x", "Three or 3 people came."))


def test_a_number_is_the_value_it_stands_for_with_its_words_of_magnitude():
    # Written for the tests: one figure as reporters in five languages write it.
    for text in (
        "About 130,000 people marched.",
        "Около 130 тысяч человек вышли на марш.",
        "Rund 130.000 Menschen marschierten.",
        "Unas 130 mil personas marcharon.",
        "Ongeveer 130 duizend mensen liepen mee.",
        "Около 130 тыс. человек.",
    ):
        assert "x:d:130000" in crosslingual_terms("", text), text
    for text in (
        "The fund holds $2.5 billion.",
        "Der Fonds hält 2,5 Milliarden Dollar.",
        "Фонд располагает 2,5 млрд долларов.",
        "El fondo tiene 2.500 millones de dólares.",
        "El fondo tiene 2,5 mil millones de dólares.",
    ):
        assert "x:d:2500000000" in crosslingual_terms("", text), text
    # A small count with a magnitude is a large number, kept; a word after a number
    # that is not a magnitude multiplies nothing.
    assert "x:d:3000000" in crosslingual_terms("", "It cost 3 million euros.")
    assert "x:d:40" in crosslingual_terms("", "Some 40 military vehicles.")
    # A fraction is not the whole number with its point taken out.
    assert {"x:d:4.75", "x:d:475"} <= set(crosslingual_terms("", "Rates of 4.75 and 475 votes."))


def test_the_day_of_a_date_is_not_also_a_number():
    # Written for the tests: every report of a day names that day; its "26" is the
    # date's, and counts once, as the date.
    for text in (
        "The parade on July 26 drew 40 ships.",
        "Парад 26 июля собрал 40 кораблей.",
        "Die Parade am 26. Juli zählte 40 Schiffe.",
        "El desfile del 26 de julio reunió 40 barcos.",
    ):
        terms = crosslingual_terms("", text)
        assert {"x:t:07-26", "x:d:40"} <= set(terms), text
        assert "x:d:26" not in terms, text
    # A number that is not a day of a month stays a number.
    assert "x:d:26" in crosslingual_terms("", "On July 4, 26 people were hurt.")
    # English writes its months with a capital: "may" and "march" are words, not months.
    terms = crosslingual_terms("", "Up to 20 may have died; 30 march on the capital.")
    assert {"x:d:20", "x:d:30"} <= set(terms) and not any(t.startswith("x:t:") for t in terms)
    assert "x:t:05-20" in crosslingual_terms("", "It opened on 20 May and closed March 30.")


def test_names_are_capitalised_words_inside_a_sentence_not_weekdays_or_openers():
    terms = crosslingual_terms(
        "", "On Tuesday the minister met Ilse Varnholt in Kessra. The talks ended."
    )
    assert {"x:n:vrnhl", "x:n:ils", "x:n:ksr"} <= set(terms)
    assert not any(t.startswith("x:n:t") for t in terms)  # neither "Tuesday" nor "The"


def test_a_name_after_an_elided_article_and_a_name_with_a_small_first_letter_are_names():
    italian = crosslingual_terms("", "Il contratto dell'Airbus con l'Aeronautica è firmato.")
    english = crosslingual_terms("", "The contract of Airbus with the Aeronautica is signed.")
    assert {"x:n:arbs", "x:n:arntk"} <= set(italian) & set(english)
    assert "x:n:ifn" in crosslingual_terms("", "Ieri il nuovo iPhone è uscito.")
    # Neither a lowercase word after an elision nor an English contraction is a name.
    assert not crosslingual_terms("", "Era dell'anno scorso, and it wasn't Tuesday.")


def test_a_report_naming_many_people_keeps_its_numbers_and_dates():
    # Written for the test: 24 fictional names, then two numbers and a date, each once.
    names = " ".join(f"Then {a}a{b}en spoke." for a in "BDFGKLMN" for b in "drt")
    terms = crosslingual_terms("", f"{names} He said 480 jobs and 1,250 homes on 3 March.")
    assert len(terms) == 20
    assert {"x:d:480", "x:d:1250", "x:t:03-03"} <= set(terms)
    assert sum(t.startswith("x:n:") for t in terms) == 17


def test_english_is_told_from_other_languages_by_its_familiar_words():
    familiar = easy_words()
    assert reads_as_english("The minister said on Tuesday that the plan would go ahead.", familiar)
    assert not reads_as_english("Министр заявил во вторник, что план будет выполнен.", familiar)
    assert not reads_as_english(
        "Die Ministerin sagte am Dienstag, der Plan werde umgesetzt.", familiar
    )


@pytest.mark.django_db
def test_reports_of_one_happening_in_four_languages_form_one_event_and_the_same_minister_two():
    articles = load_hard_set(LANGUAGES_SET)
    events_rebuild()
    truth, found = truth_and_found(articles)
    assert pairwise_scores(truth, found)["f1"] >= 0.95
    assert bcubed_scores(truth, found)["f1"] >= 0.95

    def event_of(slug: str) -> int:
        return Article.objects.get(url__endswith=slug).event_id

    # The pact in English, Russian and German; the earthquake in English, Spanish, Russian.
    assert event_of("/varnholt-pell-pact") == event_of("/varnholt-pell-pakt")
    assert event_of("/varnholt-pell-pact") == event_of("/varnholt-pell-zollpakt")
    assert event_of("/tollen-earthquake") == event_of("/terremoto-tollen")
    assert event_of("/tollen-earthquake") == event_of("/zemletryasenie-tollen")
    # The same minister's expenses, the same day, in Russian too, are another event.
    assert event_of("/varnholt-raskhody") == event_of("/varnholt-expenses-inquiry")
    assert event_of("/varnholt-raskhody") != event_of("/varnholt-pell-pakt")
    # An appointment told in English and Spanish with no number or date: they share ten
    # names, most of both reports' (grouping 10). The pact of two days before shares
    # three of those names (Estrel, Kessra, Lumeria): names alone, too few to join.
    assert event_of("/brand-national-museum") == event_of("/brand-museo-nacional")
    assert event_of("/brand-museo-nacional") != event_of("/varnholt-pell-pakt")
    assert event_of("/brand-museo-nacional") != event_of("/varnholt-pell-pact")
    # A translation is neither an update nor a syndicated copy.
    assert not Article.objects.exclude(copy_kind="").exists()


@pytest.mark.django_db
def test_two_stories_of_one_minister_that_share_three_names_and_no_number_stay_apart(tmp_path):
    # The pact and the expenses inquiry in Russian, stored alone: they share the minister's
    # first name, her surname and her country, at a likeness (0.26) a translation could
    # have, but three names alone do not make one happening (grouping 10 asks five).
    lines = LANGUAGES_SET.read_text(encoding="utf-8").splitlines()
    wanted = ("/varnholt-pell-pakt", "/varnholt-raskhody")
    path = tmp_path / "two.jsonl"
    kept = [line for line in lines if any(w in line for w in wanted)]
    path.write_text("\n".join(kept), encoding="utf-8")
    articles = load_hard_set(path)
    assert len(articles) == 2
    events_rebuild()
    pakt, raskhody = (Article.objects.get(url__endswith=w) for w in wanted)
    assert pakt.event_id != raskhody.event_id
