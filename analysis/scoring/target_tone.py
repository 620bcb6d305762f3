"""The tone of a sentence toward one person it names (target-dependent sentiment).

A sentence's VADER compound is the tone of the whole sentence, which is the tone toward a
person it names only about half the time (NewsMTSC dev, macro F1 0.51): "Critics
attacked the plan, but Lee defended it" is negative, and warm toward Lee. This module
reads the sentence around the name: the words on each side of it (the name itself left
out), the pairs of words in a row, the words just before and just after it, the VADER
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
    words = [*left, TARGET, *right]
    for word in words:
        found["u:" + word] = 1.0
    for first, second in zip(words, words[1:], strict=False):
        found[f"b:{first} {second}"] = 1.0
    for word in near_left:
        found["l:" + word] = 1.0
    for word in near_right:
        found["r:" + word] = 1.0
    return found


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, tuple[float, float, float]], tuple[float, float, float]]:
    with MODEL_PATH.open(encoding="utf-8") as fh:
        data = json.load(fh)
    weights = {name: tuple(row) for name, row in data["weights"].items()}
    return weights, tuple(data["intercept"])


def probabilities(found: dict[str, float]) -> tuple[float, float, float]:
    """The model's chances of negative, neutral and positive for these features."""
    weights, intercept = _model()
    totals = list(intercept)
    for name, value in found.items():
        row = weights.get(name)
        if row is not None:
            totals[0] += row[0] * value
            totals[1] += row[1] * value
            totals[2] += row[2] * value
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    norm = sum(exps)
    return exps[0] / norm, exps[1] / norm, exps[2] / norm


def tone_toward(
    sentence: str, start: int, end: int, sentence_compound: float | None = None
) -> tuple[float, str]:
    """The tone of ``sentence`` toward the name at ``start``–``end``: P(positive) −
    P(negative), rounded to 4 places, and the likeliest class."""
    chances = probabilities(features(sentence, start, end, sentence_compound))
    best = max(range(3), key=chances.__getitem__)
    return round(chances[2] - chances[0], 4), CLASSES[best]
