import json
import random
from pathlib import Path

import pytest

from analysis.scoring import all_scorers, get_scorer
from analysis.scoring.persuasion import (
    _CUE_FAMILIES,
    CONFIDENCE_THRESHOLD,
    CUE_PATTERN,
    FAMILIES,
    FINDING_FAMILIES,
    HINT_FAMILIES,
    LEARNED_PATH,
    LEXICON_PATH,
    PHRASE_FAMILIES,
    SCARE_QUOTE_CUE,
    _automaton_spans,
    _cue_spans,
    count_words,
    find_cues,
    score_persuasion,
)
from analysis.scoring.text import lowered
from tests.analysis.scoring.cue_texts import random_text

EVAL_SET = Path(__file__).resolve().parents[3] / "bench" / "data" / "eval_persuasion.jsonl"
LEXICON = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
LEARNED = json.loads(LEARNED_PATH.read_text(encoding="utf-8"))

# Micro-F1 over families measured on the evaluation set when the lexicon was tuned.
MEASURED_MICRO_F1 = 0.988


def all_cues(text):
    """Every hand-written cue, findings and hints: what the lexicon and its rules match."""
    return find_cues(text, hints=True, learned=False)


def families(text):
    return {cue["family"] for cue in all_cues(text)}


def cue_texts(text, family):
    """The words each cue matched (without the phrase around loaded language and names)."""
    return [text[c["cue_start"] : c["cue_end"]] for c in all_cues(text) if c["family"] == family]


# --- The lexicon ------------------------------------------------------------------------


def test_the_lexicon_has_the_nine_families():
    assert set(FAMILIES) == {
        "loaded_language",
        "name_calling",
        "exaggeration",
        "minimisation",
        "doubt",
        "appeal_to_fear",
        "flag_waving",
        "hedges",
        "intensifiers",
    }


@pytest.mark.parametrize("family", sorted(LEXICON["families"]))
def test_every_family_has_at_least_25_cues_and_a_label(family):
    spec = LEXICON["families"][family]
    assert len(spec["cues"]) >= 25
    assert len(set(spec["cues"])) == len(spec["cues"])
    assert spec["label"]


def test_every_cue_is_lower_case_and_starts_and_ends_with_a_letter_or_digit():
    for spec in LEXICON["families"].values():
        for cue in spec["cues"]:
            word = cue.rstrip("*")
            assert cue == cue.lower()
            assert word[0].isalnum() and word[-1].isalnum(), cue


def test_every_context_rule_belongs_to_a_cue():
    cues = {cue for spec in LEXICON["families"].values() for cue in spec["cues"]}
    assert set(LEXICON["contexts"]) <= cues


def test_the_scorer_version_is_the_lexicon_version():
    assert get_scorer("persuasion").version == LEXICON["version"] == "3"


def test_the_learned_weights_were_learned_for_this_lexicon_version():
    assert LEARNED["lexicon_version"] == LEXICON["version"]


def test_the_scorer_is_discovered_with_the_others():
    assert "persuasion" in {s.name for s in all_scorers()}


# --- Known answers, one family at a time ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "family", "expected"),
    [
        ("Opposition leaders slammed the budget.", "loaded_language", ["slammed"]),
        ("The rally descended into chaos and carnage.", "loaded_language", ["chaos", "carnage"]),
        ("Scores of cattle were slaughtered.", "loaded_language", ["slaughtered"]),
        ("The regime in Tehran rejected the offer.", "name_calling", ["regime"]),
        ("Analysts called him a Kremlin puppet.", "name_calling", ["puppet"]),
        ("Globalists and elites met in Davos.", "name_calling", ["Globalists", "elites"]),
        ("The collapse was unprecedented.", "exaggeration", ["unprecedented"]),
        (
            "Everyone knows it was a total disaster.",
            "exaggeration",
            ["Everyone knows", "total disaster"],
        ),
        ("The leak affected merely a handful of users.", "minimisation", ["merely"]),
        ("It was nothing more than a glitch.", "minimisation", ["nothing more than", "glitch"]),
        ("The purported dossier was never published.", "doubt", ["purported"]),
        ("He allegedly moved the money.", "doubt", ["allegedly"]),
        ("The law poses a deadly threat to press freedom.", "appeal_to_fear", ["deadly threat"]),
        ("Act before it’s too late.", "appeal_to_fear", ["before it’s too late"]),
        (
            "True patriots defend our way of life.",
            "flag_waving",
            ["True patriots", "defend our way of life"],
        ),
        ("National pride is at stake.", "flag_waving", ["National pride"]),
        ("The minister reportedly resigned.", "hedges", ["reportedly"]),
        ("The drug may help, and it appears to be safe.", "hedges", ["may", "appears to"]),
        ("The reply was extremely polite.", "intensifiers", ["extremely"]),
        ("It was a massive, utterly avoidable blow.", "intensifiers", ["massive", "utterly"]),
    ],
)
def test_known_answers_for_each_family(text, family, expected):
    assert cue_texts(text, family) == expected


def test_a_neutral_news_sentence_has_no_cues():
    assert all_cues("The council approved the budget by nine votes to four on Tuesday.") == []


def test_the_longest_cue_wins_over_the_cues_inside_it():
    text = "The launch was a total disaster."
    assert [(c["cue"], c["family"]) for c in all_cues(text)] == [("total disaster", "exaggeration")]


def test_a_cue_listed_in_two_families_counts_for_both():
    text = "The so-called experts were wrong."
    found = all_cues(text)
    assert {c["family"] for c in found} == {"name_calling", "doubt"}
    assert {text[c["start"] : c["end"]] for c in found} == {"so-called experts"}


def test_spacing_hyphens_and_curly_apostrophes_are_folded():
    assert cue_texts("The so called reform.", "doubt") == ["so called"]
    assert cue_texts("A self-styled\nchampion.", "doubt") == ["self-styled"]
    assert cue_texts("Before it's too late.", "appeal_to_fear") == ["Before it's too late"]


def test_a_cue_does_not_start_inside_a_hyphenated_word():
    assert families("Counter-terrorist police raided the flat.") == set()
    assert families("Chaos-hit airports reopened.") == {"loaded_language"}


# --- Negatives and decisions ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The committee will meet again in May 2024.",
        "The bridge reopened on May 14.",
        "The offensive began in May, as troops withdrew.",
        "The May elections will decide 230 councils.",
        "Theresa May served as prime minister.",
        "May said the talks would continue.",
        "May 14 was the deadline.",
    ],
)
def test_may_the_month_or_a_name_is_not_a_hedge(text):
    assert "hedges" not in families(text)


def test_may_opening_a_sentence_before_a_verb_is_a_hedge():
    assert cue_texts("May be true. May prove costly.", "hedges") == ["May", "May"]


@pytest.mark.parametrize(
    "text",
    [
        "The tax regime for small firms will change.",
        "The visa regime for students was simplified.",
        "The EU extended its sanctions regime.",
        "The training regime lasts twelve weeks.",
        "The regime of daily testing ended in March.",
    ],
)
def test_regime_as_a_set_of_rules_is_not_name_calling(text):
    assert "name_calling" not in families(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you prefer, you could use vegetable stock instead.",
        "He could not attend the hearing.",
        "Residents could see the smoke for miles.",
        "The parade was a display of military might.",
    ],
)
def test_could_and_might_as_advice_ability_or_noun_are_not_hedges(text):
    assert "hedges" not in families(text)


def test_could_inside_a_direct_quote_still_counts_as_a_hedge():
    text = '"We could lose everything," the farmer said.'
    assert cue_texts(text, "hedges") == ["could"]


def test_alleged_in_court_reporting_still_counts_as_doubt():
    text = "The alleged offence took place in March, the court heard."
    assert cue_texts(text, "doubt") == ["alleged"]


@pytest.mark.parametrize(
    "text",
    [
        "Three men were convicted of terrorist offences.",
        "Russia's invasion of Ukraine began in 2022.",
        "The Patriot missile batteries arrived.",
        "The Department of Homeland Security issued guidance.",
        "Elite athletes will compete in Glasgow.",
        "Tickets for the concert sold out within an hour.",
        "The supplies were supposed to arrive on Monday.",
    ],
)
def test_descriptive_uses_of_charged_words_are_not_cues(text):
    assert families(text) == set()


def test_terrorists_as_a_label_is_name_calling():
    assert cue_texts("He branded the strikers terrorists.", "name_calling") == ["terrorists"]


# --- Scare quotes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The "peaceful" protest ended in hospital.', '"peaceful"'),
        ("The agency’s “independent review” was not.", "“independent review”"),
        ("The firm's ‘green’ credentials were questioned.", "‘green’"),
        ("The firm's 'eco-friendly' packaging.", "'eco-friendly'"),
    ],
)
def test_scare_quotes_count_as_doubt(text, quoted):
    found = [c for c in all_cues(text) if c["cue"] == SCARE_QUOTE_CUE]
    assert [text[c["start"] : c["end"]] for c in found] == [quoted]
    assert found[0]["family"] == "doubt"


@pytest.mark.parametrize(
    "text",
    [
        '"We will stay," she said.',
        'The chancellor described the figures as "encouraging" in a statement.',
        'The spokesman said the minister was "disappointed" by the ruling.',
        "It was 'unacceptable', he said.",
        'The word "sovereignty" appears 14 times.',
        'The novel "Atonement" was filmed in 2007.',
        "Rock 'n' roll never died.",
        'A quote of four words: the "we shall not yield" line.',
    ],
)
def test_quotations_titles_and_mentions_are_not_scare_quotes(text):
    assert "doubt" not in families(text)


# --- Offsets and arithmetic -------------------------------------------------------------


def test_offsets_point_at_each_cue():
    text = 'Critics slammed the "reform".\n\nIt may well be a catastrophe.'
    found = all_cues(text)
    assert [(text[c["start"] : c["end"]], c["family"]) for c in found] == [
        ("slammed", "loaded_language"),
        ('"reform"', "doubt"),
        ("may", "hedges"),
        ("catastrophe", "loaded_language"),
    ]
    assert {k: found[0][k] for k in ("start", "end", "family", "cue")} == {
        "start": 8,
        "end": 15,
        "family": "loaded_language",
        "cue": "slammed",
    }


def test_offsets_survive_characters_that_grow_when_lower_cased():
    text = "İİ İstanbul may see chaos."
    assert [text[c["cue_start"] : c["cue_end"]] for c in all_cues(text)] == ["may", "chaos"]
    assert [text[c["start"] : c["end"]] for c in all_cues(text)] == ["may", "see chaos"]


# --- Phrases (sentences written for the tests) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "phrase"),
    [
        # a lower-case word on each side joins the loaded word
        ("They called it a barbaric bloodbath yesterday.", "barbaric", "barbaric bloodbath"),
        ("Troops unleashed brutal repression there.", "brutal", "unleashed brutal repression"),
        # function words, capitals, numbers and punctuation stop the phrase
        ("It was the carnage of the war.", "carnage", "carnage"),
        ("Critics slammed Smith, again.", "slammed", "slammed"),
        ("Reporters saw chaos 24 hours later.", "chaos", "saw chaos"),
        ("Mayhem.", "mayhem", "Mayhem"),
        # name-calling takes its phrase too
        (
            "Protesters denounced corrupt globalists everywhere.",
            "globalist*",
            "corrupt globalists everywhere",
        ),
    ],
)
def test_loaded_language_and_names_are_shown_as_short_phrases(text, cue, phrase):
    [found] = [c for c in all_cues(text) if c["cue"] == cue]
    assert found["start"] <= found["cue_start"] < found["cue_end"] <= found["end"]
    assert text[found["start"] : found["end"]] == phrase


def test_flag_waving_takes_up_to_three_words_on_each_side_within_its_clause():
    # written for the tests
    text = "Reform, they said, will finally protect our way of life for all of us. Then a vote."
    [found] = [c for c in all_cues(text) if c["family"] == "flag_waving"]
    assert text[found["cue_start"] : found["cue_end"]] == "our way of life"
    assert text[found["start"] : found["end"]] == "will finally protect our way of life for all of"
    text = "Vote, for our country."  # punctuation stops it
    [found] = [c for c in all_cues(text) if c["family"] == "flag_waving"]
    assert text[found["start"] : found["end"]] == "for our country"


def test_families_without_phrases_keep_the_cue_span():
    text = "The reform, purportedly free, will destroy our way of life."  # written for the tests
    assert {"doubt", "appeal_to_fear"} <= families(text)
    for cue in all_cues(text):
        if cue["family"] not in PHRASE_FAMILIES:
            assert (cue["start"], cue["end"]) == (cue["cue_start"], cue["cue_end"])
    assert "purportedly" in cue_texts(text, "doubt")


# --- Candidates from outside the corpus -------------------------------------------------


def test_the_candidates_come_from_vader_and_a_written_list_and_are_no_hand_cue():
    spec = LEXICON["candidates"]
    assert spec["vader"]["min_valence"] >= 1.0
    assert set(spec["vader"]["families"]) <= set(FINDING_FAMILIES)
    hand = {cue for family in LEXICON["families"].values() for cue in family["cues"]}
    for family, cues in spec["written"].items():
        assert family in FAMILIES
        assert not set(cues) & hand


def test_a_promoted_candidate_is_a_cue_with_its_learned_confidence():
    assert LEARNED["promoted"], "the training part promoted no candidate"
    for cue, by_family in LEARNED["promoted"].items():
        text = f"They called them {cue}."  # written for the tests
        found = {c["family"]: c for c in find_cues(text, hints=True) if c["cue"] == cue}
        assert set(found) == set(by_family)
        for family, (confidence, _matches) in by_family.items():
            assert found[family]["confidence"] == confidence >= CONFIDENCE_THRESHOLD
            assert not found[family]["hint"]
        # the hand-written lexicon alone does not know it
        assert not [c for c in all_cues(text) if c["cue"] == cue]


def test_a_candidate_the_training_did_not_promote_is_no_cue():
    promoted = set(LEARNED["promoted"])
    written = [c for c in LEXICON["candidates"]["written"]["name_calling"] if c not in promoted]
    word = next(c for c in written if " " not in c and not c.endswith("*"))
    text = f"They called them {word}."  # written for the tests
    assert not find_cues(text, hints=True)


def test_prefix_cues_are_reported_as_written_in_the_lexicon():
    assert [c["cue"] for c in all_cues("Villagers were slaughtered.")] == ["slaughter*"]


def confidence_of(cue, family):
    """The learned confidence of a hand-written cue, else the unseen prior: read from the file."""
    return LEARNED["confidence"].get(cue, {}).get(family, [LEARNED["unseen_prior"][family]])[0]


def a_finding_cue(family):
    """A hand-written one-word cue of the family whose learned confidence passes the bar."""
    for cue in LEXICON["families"][family]["cues"]:
        if cue.isalpha() and confidence_of(cue, family) >= CONFIDENCE_THRESHOLD:
            return cue
    raise AssertionError(f"no {family} cue passes the bar")


def test_per_1000_by_hand_on_a_tiny_text():
    # written for the tests: 8 words, one loaded-language finding, one hedge (a hint).
    word = a_finding_cue("loaded_language")
    result = score_persuasion(f"Critics called the plan {word}, and prices may rise.")
    # 9 words; 1 finding: 1 * 1000 / 9 = 111.11
    assert result.values["word_count"] == 9
    assert result.values["counts"]["loaded_language"] == 1
    assert result.values["per_1000"]["loaded_language"] == 111.11
    assert result.values["total_per_1000"] == 111.11
    assert result.values["hint_counts"] == {"hedges": 1}


def test_per_1000_rounds_to_two_places():
    # written for the tests: 3 words, 1 finding: 1000 / 3 = 333.333... -> 333.33
    result = score_persuasion(f"Utterly {a_finding_cue('loaded_language')} stuff.")
    assert result.values["total_per_1000"] == 333.33


def test_only_the_families_that_met_the_bar_have_counts_and_rates():
    result = score_persuasion("Rain is forecast.")
    assert set(result.values["counts"]) == set(FINDING_FAMILIES)
    assert set(result.values["per_1000"]) == set(FINDING_FAMILIES)
    assert sum(result.values["counts"].values()) == 0
    assert not set(result.values["counts"]) & HINT_FAMILIES


def test_the_hint_families_are_the_ones_under_the_bar_and_findings_remain():
    assert set(FAMILIES) >= HINT_FAMILIES
    assert {"hedges", "doubt"} <= HINT_FAMILIES
    assert "loaded_language" in FINDING_FAMILIES


# --- Confidences and hints (sentences written for the tests) ----------------------------


def test_every_cue_carries_a_confidence_between_0_and_1():
    text = 'Critics slammed the "reform"; it may well be a catastrophe, said the so-called experts.'
    found = all_cues(text)
    assert found
    for cue in found:
        assert 0.0 <= cue["confidence"] <= 1.0
        assert cue["confidence"] == confidence_of(cue["cue"], cue["family"])


def test_a_cue_is_a_hint_when_its_family_is_one_or_its_confidence_is_low():
    text = "They say it may be a catastrophe, perhaps a massacre."
    for cue in all_cues(text):
        expected = cue["family"] in HINT_FAMILIES or cue["confidence"] < CONFIDENCE_THRESHOLD
        assert cue["hint"] is expected


def test_hints_are_off_by_default():
    # written for the tests: a hedge (a hint family) and a finding.
    word = a_finding_cue("loaded_language")
    text = f"The plan may be {word}."
    assert [c["family"] for c in find_cues(text)] == ["loaded_language"]
    assert {c["family"] for c in find_cues(text, hints=True)} == {"hedges", "loaded_language"}
    result = score_persuasion(text)
    assert [c["family"] for c in result.evidence["cues"]] == ["loaded_language"]
    assert [c["family"] for c in result.evidence["hints"]] == ["hedges"]
    assert all(not c["hint"] for c in result.evidence["cues"])
    assert all(c["hint"] for c in result.evidence["hints"])


def test_a_low_confidence_cue_of_a_finding_family_is_a_hint():
    # "massacre" was right about once in ten times on the corpus: written for the tests.
    assert confidence_of("massacre", "loaded_language") < CONFIDENCE_THRESHOLD
    text = "Reporters described the massacre in detail."
    assert find_cues(text) == []
    [cue] = find_cues(text, hints=True)
    assert cue["family"] == "loaded_language" and cue["hint"]


def test_regime_change_is_not_name_calling():
    # written for the tests
    for text in ("Plans to spark regime change in Iran.", "The regime-change lobby met."):
        assert "name_calling" not in families(text)
    assert "name_calling" in families("The regime jailed its critics.")


def test_scare_quotes_around_evidence_are_not_a_doubt_finding():
    # written for the tests: a term of art in quotation marks, not a sneer
    text = 'Police collected "gunshot residue" from the car.'
    assert find_cues(text) == []
    assert all(c["hint"] for c in find_cues(text, hints=True))


def test_the_american_people_is_flag_waving():
    assert cue_texts("They betrayed the American people.", "flag_waving") == ["the American people"]


def test_free_standing_dashes_are_not_words():
    assert count_words("Prices rose — sharply – again") == 4


def test_empty_text_scores_zero():
    result = score_persuasion("")
    assert result.values["word_count"] == 0
    assert result.values["total_per_1000"] == 0.0
    assert result.evidence == {"cues": [], "hints": []}
    assert result.values["hint_counts"] == {}


def test_the_registered_scorer_is_this_function():
    text = "The regime slammed the so-called experts."
    assert get_scorer("persuasion")(text) == score_persuasion(text)


# --- The evaluation set -----------------------------------------------------------------


def load_eval_set():
    return [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]


def test_the_eval_set_is_large_enough_with_negatives_and_every_family():
    rows = load_eval_set()
    assert len(rows) >= 120
    assert sum(1 for row in rows if not row["families"]) >= 30
    for family in FAMILIES:
        assert sum(1 for row in rows if family in row["families"]) >= 8, family
    assert all(set(row["families"]) <= set(FAMILIES) for row in rows)


def test_micro_f1_on_the_eval_set_stays_near_the_measured_figure():
    tp = fp = fn = 0
    for row in load_eval_set():
        predicted, gold = families(row["text"]), set(row["families"])
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    micro_f1 = 2 * tp / (2 * tp + fp + fn)
    assert micro_f1 >= MEASURED_MICRO_F1 - 0.05


def test_scare_quotes_are_found_where_the_pattern_finds_them():
    import random

    from analysis.scoring.persuasion import SCARE_QUOTE_PATTERN, _scare_quote_matches

    # Written for the tests: random runs of marks, letters and spaces.
    rng = random.Random(2)
    pieces = ['"', "“", "‘", "'", "”", "’", "a", "so", "word", "X", " ", "\t", "-", "\n", "x'y"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    texts.append("the “so-called” plan, the 'experts' and a firm's \"reform\" ‘deal’")
    for text in texts:
        expected = [m.span() for m in SCARE_QUOTE_PATTERN.finditer(text)]
        assert [m.span() for m in _scare_quote_matches(text)] == expected, text


def test_the_automaton_finds_what_the_cue_pattern_finds_on_random_texts():
    rng = random.Random(2023)
    cues = [cue.rstrip("*") for cue in _CUE_FAMILIES]
    cues += [cue[:-1] + ending for cue in _CUE_FAMILIES if cue.endswith("*") for ending in "se"]
    pieces = cues + [word for cue in cues for word in cue.split()] + ["don't", "a", "x"]
    texts = [random_text(rng, pieces) for _ in range(5000)] + cues
    texts += [
        "so-called\u2011experts",
        "so called  experts",
        "‘sell‐out’",
        "’sell-out",
        "a ’regime",
    ]
    scanned = 0
    for text in texts:
        lower = " " + lowered(text).lower
        expected = [(m.start(), m.end() - 1, m.group()[1:]) for m in CUE_PATTERN.finditer(lower)]
        assert _cue_spans(text, CUE_PATTERN) == expected, text
        scanned += _automaton_spans(lowered(text)) is not None
    assert scanned > 0.95 * len(texts)  # few left to the pattern (rare whitespace)
