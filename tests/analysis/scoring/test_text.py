"""The primitives the scorers share (analysis/scoring/text.py)."""

import re

from analysis.scoring.text import Lowered, lowered, role_synonyms, trie


def test_find_all_gives_every_occurrence_of_the_words_in_lower_case():
    text = "Written for the tests: Someone said ONE thing, one-off; one."
    low = Lowered(text)
    assert sorted(low.find_all([b"one"])) == [m.start() for m in re.finditer("one", text.lower())]
    assert low.runs.count(b"one") == 3


def test_lowered_keeps_offsets_when_a_character_lower_cases_to_two():
    text = "İstanbul said"  # "İ".lower() is two characters
    low = lowered(text)
    assert not low.same
    assert len(low.lower) == len(text)
    assert low.find_all([b"said"]) == [text.index("said")]


def test_the_trie_matches_exactly_its_words():
    pattern = re.compile(rf"(?:{trie(['say', 'said', 'says', 'stated'])})\Z")
    assert all(pattern.match(w) for w in ("say", "said", "says", "stated"))
    assert not any(pattern.match(w) for w in ("sa", "sayd", "state"))


def test_role_synonyms_take_in_the_nouns_that_refer_back_to_the_same_person():
    assert {"envoy", "ambassador", "diplomat"} <= role_synonyms("envoy")
    assert role_synonyms("mayor") == {"mayor"}
