"""The primitives the scorers share (analysis/scoring/text.py)."""

import random
import re

from analysis.scoring.text import (
    Lowered,
    WholeWords,
    ampersand_body,
    body_noun_before,
    fast_round,
    given_name_sex,
    lowered,
    original_span,
    original_spans,
    role_synonyms,
    single_spaced,
    trie,
)


def test_the_letters_are_the_lower_case_letters_a_to_z_in_place():
    text = "Written for the tests: Someone said ONE thing, one-off; one."
    low = Lowered(text)
    assert len(low.letters) == len(text)
    assert [m.start() for m in re.finditer(b"one", low.letters)] == [
        m.start() for m in re.finditer("one", text.lower())
    ]
    assert low.letters.split().count(b"one") == 3


def _whole_run_starts(low, words):
    """{word: starts} of the words that are whole runs of the letters, the slow way."""
    found = {}
    pos = 0
    for run in low.letters.split(b" "):
        if run in words:
            found.setdefault(run, []).append(pos)
        pos += len(run) + 1
    return found


def test_whole_words_share_one_pass_and_each_finds_only_its_own():
    # Written for the tests: words inside longer runs ("is" in "this"), capitals, a dash.
    text = "This is what she said; IS it unsaid? It is, she SAID-this."
    low = Lowered(text)
    first = WholeWords([b"is", b"said"])
    second = WholeWords([b"this", b"she", b"is"])
    for finder in (first, second):
        expected = _whole_run_starts(low, finder.words)
        assert finder.find(low) == expected
        assert list(finder.find(low)) == list(expected)  # in the order of first occurrence
    # Words brought by one made after a search are found in a text searched before.
    third = WholeWords([b"what", b"unsaid"])
    assert third.find(low) == {b"what": [text.index("what")], b"unsaid": [text.index("unsaid")]}
    assert first.find(low) == _whole_run_starts(low, first.words)


def test_lowered_keeps_offsets_when_a_character_lower_cases_to_two():
    text = "İstanbul said"  # "İ".lower() is two characters
    low = lowered(text)
    assert not low.same
    assert len(low.lower) == len(text)
    assert [m.start() for m in re.finditer(b"said", low.letters)] == [text.index("said")]


def test_the_trie_matches_exactly_its_words():
    pattern = re.compile(rf"(?:{trie(['say', 'said', 'says', 'stated'])})\Z")
    assert all(pattern.match(w) for w in ("say", "said", "says", "stated"))
    assert not any(pattern.match(w) for w in ("sa", "sayd", "state"))


def test_role_synonyms_take_in_the_nouns_that_refer_back_to_the_same_person():
    assert {"envoy", "ambassador", "diplomat"} <= role_synonyms("envoy")
    assert role_synonyms("mayor") == {"mayor"}


def test_lowered_text_is_str_lower_whatever_the_characters_outside_ascii():
    # Written for the tests: curly quotes and dashes (the fast path), capitals outside
    # ASCII, a final sigma, a character above the Basic Multilingual Plane, one whose
    # UTF-16 holds the byte of "A" (U+0141 "Ł"), and two lone surrogates.
    for text in (
        "“Quoted,” SHE said — ÜBER “all” of IT.",
        "ÉCOLE “Élan”",
        "ΟΔΟΣ “Σ”",
        "Emoji 😀 and “QUOTE”",
        "Łódź “Lodz” ŁA",
        "Pair \ud83d\ude00 OK",
        "PLAIN ASCII Text.",
    ):
        assert lowered(text).lower == text.lower(), text


def test_lowered_letters_are_the_letters_a_to_z_of_the_lower_case_text():
    # Written for the tests: the Kelvin sign lower-cases to an ASCII "k", "İ" to two
    # characters; the others keep their case or lower-case outside ASCII.
    pieces = ["a", "Z", " ", "“", "—", "É", "ß", "\u212a", "İ", "Σ", "😀", "\u0141", ".", "7"]
    rng = random.Random(11)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        low = Lowered(text)
        want = bytes(ch if 97 <= ch <= 122 else 32 for ch in low.lower.encode("ascii", "replace"))
        assert low.letters == want, repr(text)


def test_lowered_ascii_is_the_lower_case_text_encoded_with_its_swaps_replaced():
    # Written for the tests: curly quotes, capitals outside ASCII and outside Latin-1, the
    # Kelvin sign (lower-cases to an ASCII "k"), "İ" (to two characters), a final sigma,
    # an emoji, a no-break space.
    pieces = ["a", "Z", " ", "“", "’", "—", "É", "ß", "\u212a", "İ", "Σ", "😀", "Ł", "\xa0", "7"]
    swaps = {"’": 39, "é": 95, "ł": 95, "σ": 95, "ς": 95, "İ": 95, "\xa0": 32, "😀": 95}
    rng = random.Random(13)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        low = Lowered(text)
        assert low.ascii == low.lower.encode("ascii", "replace"), repr(text)
        replaced = low.lower
        for ch, byte in swaps.items():
            replaced = replaced.replace(ch, chr(byte))
        assert low.ascii_with(swaps) == replaced.encode("ascii", "replace"), repr(text)


def test_lowered_scan_bytes_writes_each_character_by_its_rule():
    # Each character of the lower-cased text: ASCII as it is; outside ASCII its byte in
    # the marks, else "_" if a word character, " " if whitespace, else "?".
    pieces = ["a", "Z", " ", "“", "’", "—", "É", "ß", "\u212a", "İ", "Σ", "😀", "Ł", "\xa0", "7"]
    pieces += ["\u2010", "\u3000", "."]
    marks = {"’": 39, "“": 34, "\u2010": 45}
    rng = random.Random(17)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        low = Lowered(text)
        expected = bytes(
            ord(ch)
            if ch.isascii()
            else marks.get(ch, 95 if ch.isalnum() else 32 if ch.isspace() else 63)
            for ch in low.lower
        )
        assert low.scan_bytes(marks) == expected, repr(text)


def test_fast_round_gives_what_round_gives():
    rng = random.Random(5)
    values = [rng.uniform(-1, 1) for _ in range(20000)] + [
        rng.uniform(0, 5000) for _ in range(20000)
    ]
    values += [k / 20000 for k in range(-2000, 2000)] + [k / 200 for k in range(-2000, 2000)]
    values += [0.0, -0.0, -1e-9, 0.00005, -0.00005, 0.00015, 2.675, 1e15, -1e300]
    for ndigits in (2, 3, 4, 6):
        for x in values:
            # repr tells -0.0 from 0.0
            assert repr(fast_round(x, ndigits)) == repr(round(x, ndigits)), (x, ndigits)


def test_single_spaced_makes_each_run_of_spaces_one_and_maps_offsets_back():
    text = b"  ab   cd  e f    g "  # written for the tests
    spaced, marks, removed = single_spaced(text)
    assert spaced == b" ab cd e f g "
    for i, byte in enumerate(spaced):
        if byte != 32:  # a character kept: it maps back to itself
            start, end = original_span(marks, removed, i, i + 1)
            assert end == start + 1 and text[start] == byte
    # A span across removed runs keeps its ends: " cd e" is "   cd  e" in the text.
    assert original_span(marks, removed, 3, 8) == (4, 12)
    assert text[4:12] == b"   cd  e"
    assert single_spaced(b"a b ") == (b"a b ", [], [])


def test_original_spans_are_original_span_of_each_span():
    rng = random.Random(17)
    for _ in range(2_000):
        text = bytes(rng.choice(b"  ab") for _ in range(rng.randrange(30)))
        spaced, marks, removed = single_spaced(text)
        # Spans that do not overlap, left to right, some touching, some of one character.
        cuts = sorted(rng.sample(range(len(spaced) + 1), min(len(spaced) + 1, rng.randrange(8))))
        spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
        expected = [original_span(marks, removed, a, b) for a, b in spans]
        assert original_spans(marks, removed, spans) == expected, (text, spans)


def test_a_body_noun_before_a_name_is_found_one_space_before_it():
    # Written for the tests.
    text = "the rights group Civic Watch and the subgroup Ann Lowe, then group\nBo Lind"
    assert body_noun_before(text, 0, text.index("Civic"))
    assert not body_noun_before(text, 0, text.index("Ann"))
    assert body_noun_before(text, 0, text.index("Bo Lind")) is False  # a newline, no space
    assert not body_noun_before(text, text.index("Civic") - 1, text.index("Civic"))


def test_an_ampersand_makes_a_bodys_name_unless_it_joins_two_people():
    # Written for the tests: one rule for attribution and actors.
    assert ampersand_body(["S.&P.", "Global"])
    assert ampersand_body(["AT&T"])
    assert ampersand_body(["Procter", "&", "Gamble"])
    assert not ampersand_body(["Ann", "Lowe", "&", "Sen.", "Tom", "Hale"])
    assert not ampersand_body(["Ann", "&", "I"])
    assert not ampersand_body(["Ann", "Lowe"])
    assert not ampersand_body(["Tom", "&", "Ann"])
    assert not ampersand_body(["Tom", "Hale", "&", "Ann", "Lowe"])
    assert ampersand_body(["Simon", "&", "Schuster"])


def test_a_common_given_name_has_the_sex_it_is_mostly_given_to():
    # Written for the tests.
    assert given_name_sex("Ann") == "female"
    assert given_name_sex("Tom") == "male"
    assert given_name_sex("Jordan") == ""  # given to both
    assert given_name_sex("Lumeria") == ""
