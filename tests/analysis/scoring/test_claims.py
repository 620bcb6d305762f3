from pathlib import Path

from analysis.scoring import get_scorer
from analysis.scoring.claims import scan, score_claims
from analysis.scoring.text import Lowered
from newsdesk.ingest.text import clean_text

SEED = (
    Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seed-sputnik-afghan-soldiers.txt"
)


def seed_body():
    return clean_text(SEED.read_text(encoding="utf-8")).body


def claims(text):
    return score_claims(text).evidence["claims"]


def claim_texts(text):
    return [text[c["start"] : c["end"]] for c in claims(text)]


def numbers(text):
    return scan(text)[0]


def only_number(text):
    found = numbers(text)
    assert len(found) == 1, found
    return found[0]


def dates(text):
    return [text[s:e] for s, e in scan(text)[1]]


def brief(n):
    return (n["value"], n["unit"], n["counts"], n["approximate"])


# --- The seed article -----------------------------------------------------------------


def test_the_scorer_is_registered():
    # Version 2: Russian, Spanish, French and German claims (issue 14).
    assert get_scorer("claims").version == "17"


def test_every_seed_sentence_is_a_claim_and_the_background_ones_are_unattributed():
    body = seed_body()
    result = score_claims(body)
    assert result.values == {
        "claim_count": 9,
        "claim_share": 1.0,
        "unattributed_claim_count": 4,
        "numbers_count": 10,
    }
    found = claims(body)
    unattributed = [body[c["start"] : c["end"]] for c in found if not c["attributed"]]
    assert [u.split(",")[0][:40] for u in unattributed] == [
        "Afghanistan is seeing a spike in violenc",
        "The troop pullout",
        "In recent days",
        "Uzbekistan has refused to accept Afghan ",
    ]


def test_the_seed_sentence_without_a_number_is_a_claim_by_actor_and_event():
    body = seed_body()
    by_opening = {body[c["start"] : c["end"]][:30]: c for c in claims(body)}
    assert by_opening["Afghanistan is seeing a spike "]["reason"] == "event"
    assert by_opening["Uzbekistan has refused to acce"]["reason"] == "event"
    assert by_opening["He noted that the latest incid"]["reason"] == "dated event"
    assert by_opening["He noted that the latest incid"]["dates"] == ["July 5"]


def test_the_seed_quote_with_1500_troops_is_attributed():
    body = seed_body()
    quote = next(c for c in claims(body) if body[c["start"]] == '"')
    assert quote["attributed"]
    assert [brief(n) for n in quote["numbers"]] == [
        (2.0, "weeks", "weeks", False),
        (1500.0, "troops", "Afghan government troops", True),
    ]


def test_the_seed_numbers_say_what_they_count():
    body = seed_body()
    found = [n for c in claims(body) for n in c["numbers"]]
    assert [(n["text"], brief(n)) for n in found if n["kind"] != "duration"] == [
        ("About 1,500 Afghan soldiers", (1500.0, "soldiers", "Afghan soldiers", True)),
        (
            "about 1,500 Afghan government troops",
            (1500.0, "troops", "Afghan government troops", True),
        ),
        ("910 kilometers", (910.0, "kilometers", "kilometers", False)),
        ("560 miles", (560.0, "miles", "miles", False)),
        ("some 1,037 Afghan soldiers", (1037.0, "soldiers", "Afghan soldiers", True)),
        ("over 200 people", (200.0, "people", "people", True)),
        (
            "hundreds of Afghan government soldiers",
            (100.0, "soldiers", "Afghan government soldiers", True),
        ),
        ("over 70% of the Afghan-Tajik border", (70.0, "%", "Afghan-Tajik border", True)),
    ]
    assert all(body[n["start"] : n["end"]] == n["text"] for n in found)


def test_the_seed_durations_are_numbers_of_kind_duration():
    body = seed_body()
    found = [n for c in claims(body) for n in c["numbers"] if n["kind"] == "duration"]
    assert [(n["text"], n["value"], n["unit"]) for n in found] == [
        ("over two past weeks", 2.0, "weeks"),
        ("two weeks", 2.0, "weeks"),
    ]
    # "over two past weeks" means during them, not more than two.
    assert not any(n["approximate"] for n in found)


def test_the_seed_dates_are_listed_and_their_days_are_not_numbers():
    body = seed_body()
    found = claims(body)
    assert [d for c in found for d in c["dates"]] == [
        "Wednesday",
        "July 5",
        "July 5",
        "September 11",
        "February of last year",
    ]
    assert not any(n["value"] in (5.0, 11.0) for c in found for n in c["numbers"])


# --- Number parsing -------------------------------------------------------------------


def test_thousands_separators_are_read():
    assert only_number("Officials counted 1,500 soldiers.")["value"] == 1500.0


def test_a_scale_word_multiplies():
    n = only_number("The country lost 1.5 million jobs.")
    assert brief(n) == (1500000.0, "jobs", "jobs", False)


def test_a_percentage_has_the_percent_unit_and_what_it_is_of():
    n = only_number("The Taliban took 70% of the border.")
    assert (n["value"], n["unit"], n["kind"], n["counts"]) == (70.0, "%", "percent", "border")
    assert only_number("Inflation hit 12.5 percent.")["unit"] == "%"


def test_money_has_a_currency_code():
    n = only_number("Washington sent $3.5 billion in military aid.")
    assert (n["value"], n["unit"], n["kind"], n["counts"]) == (
        3500000000.0,
        "USD",
        "money",
        "military aid",
    )
    assert only_number("Berlin spent €2bn.")["unit"] == "EUR"
    assert only_number("It cost 40 million rubles.")["unit"] == "RUB"


def test_a_length_and_its_conversion_in_parentheses_are_two_numbers():
    found = numbers("This area borders Tajikistan for 910 kilometers (560 miles).")
    assert [(n["value"], n["unit"], n["kind"]) for n in found] == [
        (910.0, "kilometers", "measure"),
        (560.0, "miles", "measure"),
    ]
    assert only_number("The river is 5 km long.")["unit"] == "km"


def test_spelled_out_numbers_count_things():
    found = numbers("Four people died and twenty-five soldiers and a dozen police officers fled.")
    assert [brief(n) for n in found] == [
        (4.0, "people", "people", False),
        (25.0, "soldiers", "soldiers", False),
        (12.0, "officers", "police officers", False),
    ]


def test_a_number_word_with_a_letter_the_patterns_take_for_ascii_is_read_not_a_crash():
    # Written for the tests: the case-insensitive patterns take "ſ" (long s) for "s", so
    # "twenty-ſeven" is found as a number word; its value was looked up unfolded, and the
    # KeyError failed the whole article.
    found = numbers("The ministry said twenty-ſeven people were hurt.")
    assert [brief(n) for n in found] == [(27.0, "people", "people", False)]
    # "İ" lower-cases to "i" and a combining dot.
    assert [n["value"] for n in numbers("The ministry said twenty-fİve people were hurt.")] == [
        25.0
    ]
    assert (
        score_claims("Officials said twenty-ſeven people died on Monday.").values["numbers_count"]
        == 1
    )


def test_approximate_quantities_are_marked():
    cases = {
        "Over 200 people fled.": 200.0,
        "More than 40 villages burned.": 40.0,
        "Nearly 30 trucks crossed.": 30.0,
        "Hundreds of Afghan government soldiers fled.": 100.0,
        "Thousands of residents left.": 1000.0,
    }
    for text, value in cases.items():
        n = only_number(text)
        assert n["approximate"] and n["value"] == value, text
    assert not only_number("Exactly 200 people fled.")["approximate"]


def test_a_duration_is_a_number_of_kind_duration():
    n = only_number("The talks lasted two weeks.")
    assert (n["value"], n["unit"], n["kind"]) == (2.0, "weeks", "duration")


def test_a_range_gives_both_ends():
    found = numbers("Between 200-300 people protested.")
    assert [(n["value"], n["unit"]) for n in found] == [(200.0, "people"), (300.0, "people")]


def test_a_year_is_a_date_not_a_counted_number():
    assert numbers("The war began in 2014.") == []
    assert dates("The war began in 2014.") == ["2014"]
    assert numbers("The 1990s were hard.") == [] and dates("The 1990s were hard.") == ["1990s"]


def test_a_four_digit_number_that_counts_something_is_not_a_year():
    n = only_number("About 2000 soldiers crossed in 2021.")
    assert brief(n) == (2000.0, "soldiers", "soldiers", True)
    assert dates("About 2000 soldiers crossed in 2021.") == ["2021"]


def test_day_numbers_belong_to_their_dates():
    text = "They met on Tuesday, June 22, 2021, then on 5 July and at 10 a.m. on 07.07.2021."
    assert numbers(text) == []
    assert dates(text) == ["Tuesday, June 22, 2021", "5 July", "10 a.m.", "07.07.2021"]


def test_may_is_a_date_only_as_a_month():
    assert dates("The vote was held in May. Four people died on May 3.") == ["May", "May 3"]
    assert dates("Russia may respond.") == []


def test_identifiers_and_pronoun_one_are_not_quantities():
    text = "Resolution 2231 and Article 5 were cited at the G20. No one was hurt in Covid-19 wards."
    assert numbers(text) == []
    assert numbers("It was one of the points.") == []


# --- Claims ---------------------------------------------------------------------------


def test_an_opinion_is_not_a_claim():
    assert claims("This is a disgrace.") == []
    assert claims("Russia's policy is a disgrace. I think NATO should stay.") == []


def test_a_question_is_not_a_claim_even_with_a_number():
    assert claims("Did Russia really send 500 tanks?") == []


def test_a_number_makes_a_claim_even_without_an_actor():
    text = "Prices rose 70% over the year."
    assert claim_texts(text) == [text]
    assert claims(text)[0]["reason"] == "number"


def test_an_actor_with_an_event_makes_a_claim_but_an_actor_alone_does_not():
    assert claim_texts("NATO troops withdrew.") == ["NATO troops withdrew."]
    assert claims("NATO is an alliance.") == []


def test_a_dated_event_needs_an_actor():
    assert claim_texts("The Taliban met in Doha on July 5.") == [
        "The Taliban met in Doha on July 5."
    ]
    assert claims("It happened on July 5.") == []


def test_a_claim_is_attributed_when_a_source_says_it():
    text = "Police said 12 people died. Another 30 people were injured."
    found = claims(text)
    assert [(c["attributed"], c["numbers"][0]["value"]) for c in found] == [
        (True, 12.0),
        (False, 30.0),
    ]
    assert score_claims(text).values["unattributed_claim_count"] == 1


def test_empty_text_has_no_claims():
    result = score_claims("")
    assert result.values == {
        "claim_count": 0,
        "claim_share": 0.0,
        "unattributed_claim_count": 0,
        "numbers_count": 0,
    }
    assert result.evidence == {"claims": []}


def test_the_anchors_are_those_of_the_whole_anchor_pattern_with_any_digits():
    from analysis.scoring import claims
    from analysis.scoring.text import Lowered

    texts = [
        "Some 1,500 soldiers and 3.5 million dollars, $20 and ₽7 on May 5.",
        "Officials said ٣٤ soldiers (34) crossed; ४२ more and ５ trucks followed.",  # not ASCII
        "The “ministry” said — at 10:30 — that twelve hundred people left.",
    ]
    for text in texts:
        low = Lowered(text)
        expected = [(m.start(), m.group()) for m in claims._ANCHOR.finditer(low.lower)]
        assert claims._anchors(low) == expected, text


def _random_texts(seed: int, pieces: list[str]):
    """5,000 texts of up to 40 of the pieces, drawn at random."""
    import random

    rng = random.Random(seed)
    for _ in range(5000):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))


def _every_start(data: bytes, word: bytes) -> list[int]:
    """Where word starts in data, overlapping occurrences too."""
    found = []
    i = data.find(word)
    while i >= 0:
        found.append(i)
        i = data.find(word, i + 1)
    return found


def test_runs_at_are_where_the_words_occur_as_whole_runs_of_letters():
    from analysis.scoring.claims import _ANCHOR_BYTES, _OPINION_WORDS, _runs_at

    # Written for the tests: anchor and opinion words inside and beside other letters,
    # capitals, curly quotes, "İ", the Kelvin sign, emoji.
    pieces = ["may", "mayor", "May", "think", "best", "s", "dis", " ", "“", "—", "İ", "\u212a"]
    pieces += ["😀", "é", "7", "-", "hundred", "shame", "ful", "THINK"]
    for text in _random_texts(6, pieces):
        low = Lowered(text)
        runs = low.letters.split()
        expected = {}
        for word in (_ANCHOR_BYTES | _OPINION_WORDS).intersection(runs):
            expected[word] = sorted(
                i
                for i in _every_start(low.letters, word)
                if low.letters[i - 1 : i] in (b"", b" ")
                and low.letters[i + len(word) : i + len(word) + 1] in (b"", b" ")
            )
        assert {w: sorted(p) for w, p in _runs_at(low).items()} == expected, text


def test_number_anchors_are_what_the_ascii_pattern_finds():
    from analysis.scoring.claims import _ASCII_NUMBER_ANCHOR, _number_anchors

    # Written for the tests: random runs of digits, separators, dollar signs and other text.
    pieces = ["1", "23", ",", ".", "$", " ", "a", "“", "—", "-", "0", "9.", ",5", "\n", "😀", "é"]
    for text in _random_texts(4, pieces):
        expected = {m.start(): m.group() for m in _ASCII_NUMBER_ANCHOR.finditer(text)}
        assert _number_anchors(Lowered(text)) == expected, text


def test_number_anchors_with_currency_signs_outside_ascii_are_what_the_pattern_finds():
    from analysis.scoring.claims import _ALL_SIGNS, _ASCII_NUMBER_ANCHOR, _number_anchors

    # Written for the tests: digits and separators beside every currency sign it knows.
    pieces = ["1", "23", ",", ".", "$", "€", "£", "¥", "₽", " ", "a", "’", "—", "9.", ",5", "é"]
    for text in _random_texts(5, pieces):
        expected = {m.start(): m.group() for m in _ASCII_NUMBER_ANCHOR.finditer(text)}
        assert _number_anchors(Lowered(text), _ALL_SIGNS) == expected, text
    text = "€5 at the start, £1,200.50 and ¥3, 7₽ and 40$, ending on €"
    expected = {m.start(): m.group() for m in _ASCII_NUMBER_ANCHOR.finditer(text)}
    assert _number_anchors(Lowered(text), _ALL_SIGNS) == expected
    assert expected[0] == "€" and expected[len(text) - 1] == "€"


def test_no_date_opens_at_an_anchor_word_that_is_not_a_date_word():
    from analysis.scoring.claims import _ANCHOR_WORDS, _DATE_AT, _DATE_WORDS

    # Written for the tests: each other anchor word in three cases, then what may follow.
    tails = ["", " ", ".", " 5", " of May", " year", ", 2020", "s", "-", " a.m."]
    for word in sorted(_ANCHOR_WORDS - _DATE_WORDS):
        for form in (word, word.capitalize(), word.upper()):
            for tail in tails:
                assert _DATE_AT.match(form + tail) is None, form + tail


def test_the_date_pattern_of_a_date_word_finds_what_the_whole_pattern_finds():
    from analysis.scoring.claims import _DATE_AT, _DATE_AT_WORD, _DATE_WORDS

    # Written for the tests: each date word in three cases, then what may follow, after
    # what may come before ("in May", "mid-May").
    tails = ["", " ", ".", ". 5", " 5", " 5th, 2021", " of 2020", " of last year", " year"]
    tails += [", March 3", " 12 of June, 2019", " week", "s", "-", " a.m.", " May 5"]
    heads = ["", "in ", "mid-", "last ", "this ", "x"]
    for word in sorted(_DATE_WORDS):
        for form in (word, word.capitalize(), word.upper(), word.capitalize() + "."):
            for head in heads:
                for tail in tails:
                    text = head + form + tail
                    pos = len(head)
                    whole = _DATE_AT.match(text, pos)
                    part = _DATE_AT_WORD[word].match(text, pos)
                    assert (whole and whole.span()) == (part and part.span()), text


def test_the_approximation_by_its_last_word_is_what_the_whole_pattern_finds():
    from analysis.scoring.claims import _APPROX_BEFORE, _APPROX_ENDING, _APPROX_LAST

    # Written for the tests: approximation words and others, in mixed case, with spaces,
    # punctuation and letters that lower case or ignoring case treats specially.
    pieces = ["as ", "many ", "much ", "up ", "to ", "just ", "over ", "well ", "more ",
              "than ", "an ", "a ", "estimated ", "approximate ", "Upwards ", "of ",
              "AT ", "least ", "close ", "some", "(", "\n", "  ", "x", "ſ", "K", "ł", "under"]  # fmt: skip
    for text in _random_texts(6, pieces):
        window = text[-24:]
        prev = window.split()[-1].lower() if window.strip() else ""
        if prev in _APPROX_LAST:
            expected = _APPROX_BEFORE.search(text, len(text) - len(window), len(text))
            found = _APPROX_ENDING[prev].search(text, len(text) - len(window), len(text))
            assert (found and found.span()) == (expected and expected.span()), text


def test_a_recurring_company_named_with_an_event_word_makes_a_claim():
    # Written for the tests: "Lumeria" is an actor by recurring (actors 7).
    text = "The board of Lumeria closed the plant. Critics of Lumeria were quiet."
    claims = score_claims(text).evidence["claims"]
    assert [text[c["start"] : c["end"]] for c in claims] == [
        "The board of Lumeria closed the plant."
    ]
