"""The tone toward a named person (analysis/scoring/target_tone.py). Every sentence below
was written for these tests; the person named is fictional."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.scoring import target_tone
from analysis.scoring.target_tone import (
    TARGET,
    features,
    probabilities,
    reading,
    tokens,
    tone_toward,
)
from analysis.scoring.vader_fast import compound


def toward(sentence: str, name: str) -> tuple[float, str]:
    start = sentence.index(name)
    return tone_toward(sentence, start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (
            "Ann Lee was praised for her courage by the families of the victims.",
            "Ann Lee",
            "positive",
        ),
        (
            "Tom Hale, who lost his seat after the scandal, was accused of lying to investigators.",
            "Tom Hale",
            "negative",
        ),
        ("The council met Ann Lee on Tuesday to discuss the budget.", "Ann Lee", "neutral"),
    ],
)
def test_clear_cases_read_as_the_coders_would(sentence, name, expected):
    tone, label = toward(sentence, name)
    assert label == expected
    assert -1.0 <= tone <= 1.0
    assert (
        (tone > 0.3)
        if expected == "positive"
        else (tone < -0.3)
        if expected == "negative"
        else True
    )


def test_a_cheerful_sentence_can_be_hostile_toward_the_person_it_names():
    # The sentence reads positive as a whole (his happy words), but what it says of him
    # is that he was arrested for fraud.
    sentence = (
        "Tom Hale, who was arrested for fraud, said he was happy and grateful for the "
        "support of his friends."
    )
    assert compound(sentence) > 0.05
    tone, label = toward(sentence, "Tom Hale")
    assert label == "negative" and tone < 0


def test_the_name_itself_is_no_feature_and_the_words_near_it_are():
    sentence = "Critics attacked the plan, but Ann Lee defended it."
    start = sentence.index("Ann Lee")
    found = features(sentence, start, start + len("Ann Lee"))
    assert "u:ann" not in found and "u:lee" not in found
    assert found["u:" + TARGET] == 1.0
    assert found["l:but"] == 1.0 and found["r:defended"] == 1.0
    assert found[f"b:but {TARGET}"] == 1.0
    assert found["v_compound"] == compound(sentence)
    # The same sentence about someone else reads the same around the name.
    other = sentence.replace("Ann Lee", "Tom Hale")
    assert features(other, start, start + len("Tom Hale")) == found
    # The sentence's compound is taken from the caller where it has it.
    assert features(sentence, start, start + 7, sentence_compound=0.5)["v_compound"] == 0.5


def test_the_chances_sum_to_one_and_the_tone_is_positive_minus_negative():
    sentence = "Ann Lee was praised for her courage."
    negative, neutral, positive = probabilities(reading(sentence, 0, 7))
    assert negative + neutral + positive == pytest.approx(1.0)
    assert tone_toward(sentence, 0, 7)[0] == round(positive - negative, 4)


@pytest.mark.parametrize(
    "sentence",
    [
        'Critics attacked the plan, but Ann Lee defended it: "a fine plan", she said.',
        "Ann Lee's rivals, who called her reckless, lost the vote to Ann Lee again.",
    ],
)
def test_the_scorers_tables_give_what_the_training_scripts_feature_names_give(sentence):
    # The model file holds weights by feature name, as the training script wrote them;
    # the scorer reads them by kind of word. Both must give the same chances.
    with target_tone.MODEL_PATH.open(encoding="utf-8") as fh:
        data = json.load(fh)
    start = sentence.index("Ann Lee")
    totals = list(data["intercept"])
    for name, value in features(sentence, start, start + 7).items():
        for k, weight in enumerate(data["weights"].get(name, (0.0, 0.0, 0.0))):
            totals[k] += weight * value
    exps = [math.exp(t - max(totals)) for t in totals]
    expected = [e / sum(exps) for e in exps]
    assert probabilities(reading(sentence, start, start + 7)) == pytest.approx(expected)


def test_the_model_file_is_the_training_scripts_shape():
    with target_tone.MODEL_PATH.open(encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["classes"] == list(target_tone.CLASSES)
    assert len(data["intercept"]) == 3
    assert all(len(row) == 3 for row in data["weights"].values())
    assert "w_compound" in data["weights"] and "v_compound" in data["weights"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abzAZ' \t\n\x1c\xa0\u2003,.\"“’-0é\u03a3ς😀", max_size=40))
def test_the_tokens_are_the_patterns(text):
    # ASCII letters and apostrophes in runs, any other character alone, whitespace
    # (ASCII and not, as the pattern's \s has it) between them.
    assert tokens(text) == re.findall(r"[A-Za-z']+|[^\sA-Za-z']", text)


def test_the_tokens_of_a_sentence():
    assert tokens("the nation’s ‘envoy’, Ann's aide\u2003said: yes") == [
        *("the", "nation", "’", "s", "‘", "envoy", "’", ",", "Ann's", "aide", "said", ":"),
        "yes",
    ]
