"""The tone of a sentence toward one person it names (target-dependent sentiment).

A sentence's VADER compound is the tone of the whole sentence, which is the tone toward a
person it names only about half the time (NewsMTSC dev, macro F1 0.51): "Critics
attacked the plan, but Lee defended it" is negative, and warm toward Lee. This module
reads the sentence around the name: the words on each side of it (the name itself left
out), the words just before and just after it and the pairs of them in a row, the VADER
compound of the sentence and of the few words around the name, and whether the sentence
quotes someone. A multinomial logistic model over those features
(``analysis/lexicons/target_tone_model.json``) gives the chances that the sentence is
negative, neutral or positive toward the name; the tone is P(positive) − P(negative),
from −1 to +1.

The model was fitted on the training split of NewsMTSC (Hamborg and Donnay 2021, MIT
licence; ``bench/train_target_tone.py`` remakes it, docs/corpora/newsmtsc.md) and is
measured on its dev split by ``bench/eval_sentiment.py --toward``. Pure functions: no
Django. English only, as the corpus is.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import cython

from analysis.scoring.vader_fast import compound

MODEL_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "target_tone_model.json"
# Words on each side of the name read as "near" it (and whose VADER compound is taken).
WINDOW = 6
CLASSES = ("negative", "neutral", "positive")

_WORD = re.compile(r"[A-Za-z']+|[^\sA-Za-z']")
_QUOTES = ('"', "“", "”")
TARGET = "<t>"


def features(sentence: str, start: int, end: int, sentence_compound: float | None = None) -> dict:
    """The features of ``sentence`` toward the name at ``start``–``end`` (offsets in the
    sentence). ``sentence_compound``: the sentence's VADER compound, if the caller has it."""
    left = _WORD.findall(sentence[:start].lower())
    right = _WORD.findall(sentence[end:].lower())
    near_left, near_right = left[-WINDOW:], right[:WINDOW]
    found: dict[str, float] = {
        "v_compound": compound(sentence) if sentence_compound is None else sentence_compound,
        "w_compound": compound(" ".join(near_left + near_right)),
        "quote": 1.0 if any(q in sentence for q in _QUOTES) else 0.0,
    }
    for word in left:
        found["u:" + word] = 1.0
    found["u:" + TARGET] = 1.0
    for word in right:
        found["u:" + word] = 1.0
    near = [*near_left, TARGET, *near_right]
    for first, second in zip(near, near[1:], strict=False):
        found[f"b:{first} {second}"] = 1.0
    for word in near_left:
        found["l:" + word] = 1.0
    for word in near_right:
        found["r:" + word] = 1.0
    return found


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, int], list[float], list[float], list[float], list[float]]:
    """The model as an index of feature names and three columns of weights (negative,
    neutral, positive), then the intercepts."""
    with MODEL_PATH.open(encoding="utf-8") as fh:
        data = json.load(fh)
    index: dict[str, int] = {}
    columns: tuple[list[float], list[float], list[float]] = ([], [], [])
    for position, (name, row) in enumerate(data["weights"].items()):
        index[name] = position
        for column, weight in zip(columns, row, strict=True):
            column.append(float(weight))
    return index, *columns, [float(w) for w in data["intercept"]]


def probabilities(found: dict[str, float]) -> tuple[float, float, float]:
    """The model's chances of negative, neutral and positive for these features."""
    index, negative, neutral, positive, intercept = _model()
    table = cython.declare(dict, index)  # compiled: read with the C API's dict lookup
    a: cython.double = intercept[0]
    b: cython.double = intercept[1]
    c: cython.double = intercept[2]
    value: cython.double
    for name, value in found.items():
        j = table.get(name)
        if j is not None:
            a += negative[j] * value
            b += neutral[j] * value
            c += positive[j] * value
    top: cython.double = max(a, b, c)
    a, b, c = math.exp(a - top), math.exp(b - top), math.exp(c - top)
    norm: cython.double = a + b + c
    return a / norm, b / norm, c / norm


def tone_toward(
    sentence: str, start: int, end: int, sentence_compound: float | None = None
) -> tuple[float, str]:
    """The tone of ``sentence`` toward the name at ``start``–``end``: P(positive) −
    P(negative), rounded to 4 places, and the likeliest class."""
    chances = probabilities(features(sentence, start, end, sentence_compound))
    best = max(range(3), key=chances.__getitem__)
    return round(chances[2] - chances[0], 4), CLASSES[best]
