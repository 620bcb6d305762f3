import json
import random
import re

import pytest

from analysis.scoring import get_scorer
from analysis.scoring.framing import (
    _CUES,
    _CUES_IGNORECASE,
    _EXACT,
    _PREFIX,
    CODE_VERSION,
    FRAMES,
    LEXICON_PATH,
    MODEL_PATH,
    _key,
    _lookup,
    _trie_pattern,
    find_cues,
    score_framing,
)
from analysis.scoring.text import lowered
from bench.eval_framing import FRAMES_SET, evaluate_framing, load
from tests.analysis.scoring.cue_texts import random_text

# Micro-F1 of the framing cues on bench/data/eval_frames.jsonl was 0.814 when this bar
# was set (377 sentences; 0.733 on the last 73 of them, written after the lexicon was
# frozen). The bar is that figure minus 0.05, so that a regression fails.
MICRO_F1_BAR = 0.76

ECONOMIC = "The budget deficit widened as tax revenue fell and unemployment rose."
SECURITY = "Troops and warships were deployed after the terrorist attack on the naval base."
LEGAL = "The appeals court ruled that the statute was unconstitutional."
NO_CUES = "The cat slept on the warm windowsill all afternoon."


def frames_in(text):
    return [c["frame"] for c in find_cues(text)]


def test_an_economic_sentence_has_economic_as_primary_frame():
    values = score_framing(ECONOMIC).values
    assert values["primary_frame"] == "economic"
    assert values["shares"]["economic"] == 1.0


def test_a_security_sentence_has_security_as_primary_frame():
    assert score_framing(SECURITY).values["primary_frame"] == "security_and_defense"


def test_a_legal_sentence_has_legality_as_primary_frame():
    assert score_framing(LEGAL).values["primary_frame"] == "legality"


def test_a_sentence_without_cues_has_no_primary_frame():
    result = score_framing(NO_CUES)
    assert result.values["primary_frame"] is None
    assert result.values["secondary_frame"] is None
    assert result.values["cue_count"] == 0
    assert result.values["word_count"] == 9
    assert set(result.values["per_1000"]) == set(FRAMES)
    assert all(v == 0.0 for v in result.values["per_1000"].values())
    assert all(v == 0.0 for v in result.values["shares"].values())
    assert result.evidence == {"cues": [], "words": {}}


def test_empty_text_scores_zero_words_and_no_frame():
    values = score_framing("").values
    assert values["word_count"] == 0
    assert values["primary_frame"] is None
    assert values["cue_count"] == 0


def test_a_single_frame_has_no_secondary_frame():
    assert score_framing(LEGAL).values["secondary_frame"] is None


def test_evidence_offsets_point_at_the_cue_text():
    text = "Critics said the Pentagon budget ignores the rule of law."
    cues = score_framing(text).evidence["cues"]
    assert [text[c["start"] : c["end"]] for c in cues] == ["Pentagon", "budget", "rule of law"]
    assert [c["frame"] for c in cues] == ["security_and_defense", "economic", "legality"]
    assert cues[1] == {"start": 26, "end": 32, "frame": "economic", "cue": "budget", "weight": 1.0}


def test_a_phrase_beats_its_words():
    cues = find_cues("They defended the rule of law.")
    assert [(c["cue"], c["frame"]) for c in cues] == [("rule of law", "legality")]
    # "national security" is one security hit, not "security" plus a stray word.
    assert [c["cue"] for c in find_cues("a national security threat")] == [
        "national security",
        "threat",
    ]


def test_phrases_match_across_line_breaks_and_hyphens():
    assert [c["cue"] for c in find_cues("the rule\nof  law")] == ["rule of law"]
    assert [c["cue"] for c in find_cues("his re-election bid")] == ["re-election"]
    assert [c["cue"] for c in find_cues("his re election bid")] == ["re-election"]


def test_inflections_match():
    cues = find_cues("Taxes were raised and imports taxed; the taxpayers paid.")
    assert [(c["cue"], c["frame"]) for c in cues if c["cue"].startswith("tax")] == [
        ("taxes", "economic"),
        ("taxed", "economic"),
        ("taxpayers", "economic"),
    ]


def test_a_starred_cue_matches_any_word_it_begins():
    cues = find_cues("Terrorism and terrorists; a new constitutional test.")
    assert [(c["cue"], c["frame"]) for c in cues] == [
        ("terror*", "security_and_defense"),
        ("terror*", "security_and_defense"),
        ("constitution*", "legality"),
    ]


def test_cues_match_whole_words_only():
    assert find_cues("A taxi driver fixed the syntax of the bylaws in an urban area.") == []


def test_matching_is_case_insensitive():
    assert frames_in("BUDGET Budget budget") == ["economic"] * 3
    assert find_cues("RULE OF LAW")[0]["cue"] == "rule of law"


def test_a_curly_apostrophe_reads_as_a_straight_one():
    text = "Families can’t afford rent."
    cue = find_cues(text)[0]
    assert cue["cue"] == "can't afford"
    assert text[cue["start"] : cue["end"]] == "can’t afford"


def test_offsets_survive_a_character_that_lower_cases_to_two():
    text = "İstanbul raised the budget."  # "İ".lower() is two characters
    cue = find_cues(text)[0]
    assert text[cue["start"] : cue["end"]] == "budget"


def test_per_1000_and_shares_on_a_tiny_text_computed_by_hand():
    # 7 words. Cues and weights: budget 1.0 + deficit 1.0 (economic), voters 0.7
    # (political), protested 1.0 (public opinion); 3.7 in all.
    values = score_framing("The budget deficit grew while voters protested.").values
    assert values["word_count"] == 7
    assert values["cue_count"] == 4
    assert values["per_1000"]["economic"] == 285.71  # 2.0 / 7 * 1000
    assert values["per_1000"]["political"] == 100.0  # 0.7 / 7 * 1000
    assert values["per_1000"]["public_opinion"] == 142.86  # 1.0 / 7 * 1000
    assert values["per_1000"]["legality"] == 0.0
    assert values["shares"]["economic"] == pytest.approx(2.0 / 3.7, abs=1e-4)
    assert values["shares"]["political"] == pytest.approx(0.7 / 3.7, abs=1e-4)
    assert sum(values["shares"].values()) == pytest.approx(1.0, abs=1e-3)
    # The primary frame is the model's most confident frame among those with cues here.
    present = values["frames_present"]
    assert set(present) <= {"economic", "political", "public_opinion"}
    assert values["primary_frame"] == present[0]
    assert present == sorted(present, key=lambda f: -values["frames"][f])


def test_the_scan_finds_what_a_plain_word_boundary_regex_finds():
    # The scorer starts its pattern with \W for speed; it must match like \b would.
    reference = re.compile(r"\b" + _trie_pattern() + r"\b")
    texts = [
        "rule of law-abiding citizens; (taxes) 'budget' tax_cut _tax",
        "re-election re - election reelection day-to-day work-life balance",
        "terrorism, anti-terror laws; the public's view, the poor and the rich",
        "Rule  of\tLaw\n\nnational security-threats, Alzheimer's care",
    ]
    for text in texts:
        expected = [
            (m.start(), m.end(), _lookup(m.group())[1]) for m in reference.finditer(text.lower())
        ]
        assert [(c["start"], c["end"], c["cue"]) for c in find_cues(text)] == expected


def _regex_cues(text):
    # The definition the automaton in find_cues reproduces: the regex over the text.
    low = lowered(text)
    if low.same:
        pattern, scanned = _CUES, " " + low.lower.replace("’", "'")
    else:
        pattern, scanned = _CUES_IGNORECASE, " " + text.replace("’", "'")
    return [(m.start(1) - 1, m.end(1) - 1, _lookup(m.group(1))) for m in pattern.finditer(scanned)]


def test_the_automaton_finds_what_the_regex_finds_on_random_texts():
    rng = random.Random(14)
    cues = sorted(_EXACT) + [
        stem + ending for stem in sorted(_PREFIX) for ending in ("", "s", "ism")
    ]
    pieces = cues + [word for cue in cues for word in cue.split()] + ["rock'n", "don't", "a", "x"]
    texts = [random_text(rng, pieces) for _ in range(5000)]
    texts += [cue for cue in cues]  # each cue alone: at the start and at the end
    texts += ["rule\n\nof -- law", "rule of law’s", "the gop's", "İstanbul tax", "taxİ tax"]
    for text in texts:
        found = [
            (c["start"], c["end"], (c["frame"], c["cue"], c["weight"])) for c in find_cues(text)
        ]
        assert found == _regex_cues(text), text


def test_the_lexicon_has_at_least_40_cues_for_each_policy_frame():
    lexicon = json.loads(LEXICON_PATH.read_text())
    frames = lexicon["frames"]
    assert len(frames) == 15
    for name, frame in frames.items():
        if name != "other":
            assert len(frame["cues"]) >= 40, name
    assert len(frames["other"]["cues"]) >= 15


def test_every_cue_is_weighted_and_belongs_to_one_frame():
    lexicon = json.loads(LEXICON_PATH.read_text())
    seen = {}
    for name, frame in lexicon["frames"].items():
        assert frame["label"]
        for cue, weight in frame["cues"].items():
            assert 0.3 <= weight <= 1.0, cue
            assert cue == cue.lower() and re.match(r"\w", cue), cue
            assert "*" not in cue[:-1], cue
            if cue.endswith("*"):  # a prefix cue is one word stem
                assert re.fullmatch(r"\w+\*", cue), cue
            key = _key(cue)
            assert key not in seen, f"{cue!r} is in {seen.get(key)} and {name}"
            seen[key] = name


def test_the_version_is_made_of_the_lexicon_model_and_code_versions():
    lexicon = json.loads(LEXICON_PATH.read_text())
    model = json.loads(MODEL_PATH.read_text())
    assert get_scorer("framing").version == (
        f"{lexicon['version']}+{model['version']}+c{CODE_VERSION}"
    )


def test_a_middle_initial_keeps_a_generic_cue_beside_the_specific_one_in_its_sentence():
    # Written for the tests: "costs" counts as an economic cue only in a sentence with a
    # firmer economic cue ("budget"); split after "P.", the two were in different sentences.
    result = score_framing("The budget of Gov. Robert P. Casey cuts costs for the state.")
    assert [c["cue"] for c in result.evidence["cues"]] == ["budget", "costs"]
    assert result.values["cue_count"] == 2


def test_the_eval_set_covers_every_frame_and_has_negatives():
    items = load(FRAMES_SET)
    assert len(items) >= 200
    assert sum(1 for item in items if not item["frames"]) >= 30
    for frame in FRAMES:
        assert sum(frame in item["frames"] for item in items) >= 10, frame
    assert all(set(item["frames"]) <= set(FRAMES) for item in items)


def test_cue_matching_reaches_the_measured_micro_f1_on_the_eval_set():
    report = evaluate_framing()
    assert report.sentences == len(load(FRAMES_SET))
    assert report.micro.f1 >= MICRO_F1_BAR


def test_no_sentence_without_a_frame_trips_a_cue():
    negatives = [item["text"] for item in load(FRAMES_SET) if not item["frames"]]
    assert [text for text in negatives if find_cues(text)] == []


def test_cues_are_those_of_the_unicode_pattern_whatever_the_word_characters():
    from analysis.scoring import framing

    texts = [
        "The economy and the “tax” rules — jobs, security, and the rule of law.",
        "The café’s économie: tax cuts, security talks, and the rule of law.",  # é: a word
        "Армия and the army; the tax_cut and taxes; 5tax and security2 and security.",
        "Über-taxation? The ½security, ²economy and ñtax: word characters before cues.",
    ]
    for text in texts:
        lowered = " " + text.replace("’", "'").lower()
        expected = [m.span(1) for m in framing._CUES.finditer(lowered)]
        found = [(c["start"] + 1, c["end"] + 1) for c in framing.find_cues(text)]
        assert found == expected and found, text
