"""Claims and numbers in Russian, Spanish, French and German."""

from __future__ import annotations

import pytest

from analysis.scoring.claims import score_claims


def numbers(text: str, language: str) -> list[tuple]:
    result = score_claims(text, language=language)
    return [
        (n["value"], n["unit"], n["counts"], n["kind"], n["approximate"])
        for claim in result.evidence["claims"]
        for n in claim["numbers"]
    ]


# Written for the tests: sentences with known quantities.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "Программа обойдётся в 12 миллиардов рублей.", [(12e9, "RUB", "", "money", False)]),
        ("ru", "Погибли около 40 мирных жителей.", [(40.0, "жителей", "мирных жителей", "count", True)]),
        ("ru", "Инфляция составила 7,4% в 2023 году.", [(7.4, "%", "", "percent", False)]),
        ("ru", "Мост длиной 300 метров открыли.", [(300.0, "m", "метров", "measure", False)]),
        ("es", "El Gobierno aprobó 3,5 millones de euros.", [(3.5e6, "EUR", "", "money", False)]),
        ("es", "Unos 1.500 soldados cruzaron la frontera.", [(1500.0, "soldados", "soldados", "count", True)]),
        ("es", "La inflación subió al 4,2 por ciento.", [(4.2, "%", "", "percent", False)]),
        ("fr", "Environ 1 500 personnes ont manifesté.", [(1500.0, "personnes", "personnes", "count", True)]),
        ("fr", "Le budget atteint 2,3 milliards d'euros.", [(2.3e9, "EUR", "", "money", False)]),
        ("de", "Rund 1.200 russische Soldaten wurden verlegt.", [(1200.0, "Soldaten", "russische Soldaten", "count", True)]),
        ("de", "Der Staat zahlt 3,5 Milliarden Euro.", [(3.5e9, "EUR", "", "money", False)]),
        ("de", "Die Quote sank auf 5,7 Prozent.", [(5.7, "%", "", "percent", False)]),
    ],
)  # fmt: skip
def test_it_reads_the_number_and_what_it_counts(language, text, expected):
    assert numbers(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Dos de ellos huyeron."),  # a number word that counts nothing
        ("fr", "Combien de personnes ont manifesté?"),  # no number
        ("de", "Wie viele Soldaten sind es, 1.200?"),  # a question
        ("ru", "Это решение правильное."),  # an opinion without a number
    ],
)
def test_sentences_without_a_checkable_quantity_are_no_claims(language, text):
    assert score_claims(text, language=language).values["claim_count"] == 0


def test_a_dated_sentence_is_a_claim_and_its_date_no_quantity():
    # Written for the tests.
    result = score_claims("Die Truppen wurden am 3. Mai 2024 verlegt.", language="de")

    [claim] = result.evidence["claims"]
    assert (claim["reason"], claim["dates"], claim["numbers"]) == ("date", ["3. Mai 2024"], [])
    assert claim["attributed"] is None
    assert "unattributed_claim_count" not in result.values


def test_it_splits_russian_sentences_and_counts_the_share():
    # Written for the tests: two sentences, one with a number.
    result = score_claims("Мэр открыл мост. Его длина 300 метров.", language="ru")

    assert result.values == {"claim_count": 1, "claim_share": 0.5, "numbers_count": 1}
