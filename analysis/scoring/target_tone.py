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
measured on its dev splits by ``bench/eval_sentiment.py``. Pure functions: no
Django. English only, as the corpus is.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import cython

from analysis.scoring.text import fast_round
from analysis.scoring.vader_fast import compound

MODEL_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "target_tone_model.json"
# Words on each side of the name read as "near" it (and whose VADER compound is taken).
WINDOW = 6
CLASSES = ("negative", "neutral", "positive")

TARGET = "<t>"


class Reading(NamedTuple):
    """What the model reads of a sentence toward a name: its three numbers, and the sets
    of words and word pairs it looks up (``KINDS``: the words anywhere in the sentence
    but the name's, with TARGET in its place; the words just before it; just after it;
    the pairs in a row among those near words and TARGET)."""

    numbers: dict[str, float]
    words: tuple[set, set, set, set]


# The kinds of words read, in Reading.words' order, as feature names spell them.
KINDS = ("u", "l", "r", "b")


def reading(sentence: str, start: int, end: int, sentence_compound: float | None = None) -> Reading:
    """What the model reads of ``sentence`` toward the name at ``start``–``end`` (offsets
    in the sentence). ``sentence_compound``: the sentence's VADER compound, if the caller
    has it."""
    numbers, words = _read(sentence, start, end, sentence_compound)
    return Reading(numbers, words)


@cython.ccall
@cython.locals(low=str, i=cython.Py_ssize_t, start=cython.Py_ssize_t, ch=cython.Py_UCS4)
def tokens(low: str) -> list:
    """The words and marks of ``low``, read character by character: the runs of ASCII letters and
    apostrophes, and each other character but whitespace (the pattern's \\s is
    str.isspace) alone. Compiled, a loop in C: the engine's findall cost more than the
    rest of reading() together."""
    found = []
    start = -1  # where the run of letters being read starts
    for i in range(len(low)):
        ch = low[i]
        if "a" <= ch <= "z" or "A" <= ch <= "Z" or ch == "'":
            if start < 0:
                start = i
            continue
        if start >= 0:
            found.append(low[start:i])
            start = -1
        if not ch.isspace():
            found.append(ch)
    if start >= 0:
        found.append(low[start:])
    return found


@cython.cfunc
def _read(sentence: str, start: int, end: int, sentence_compound) -> tuple:
    """reading()'s numbers and sets of words, as a plain tuple (tone_toward's)."""
    low = sentence.lower()
    if len(low) == len(sentence):  # the offsets hold in lower case (nearly always)
        left, right = tokens(low[:start]), tokens(low[end:])
    else:
        left, right = tokens(sentence[:start].lower()), tokens(sentence[end:].lower())
    near_left, near_right = left[-WINDOW:], right[:WINDOW]
    near = [*near_left, TARGET, *near_right]
    quoted = '"' in sentence or "“" in sentence or "”" in sentence
    numbers = {
        "v_compound": compound(sentence) if sentence_compound is None else sentence_compound,
        "w_compound": compound(" ".join(near_left + near_right)),
        "quote": 1.0 if quoted else 0.0,
    }
    words = {*left, TARGET, *right}
    # (The pairs in a row, added as set(zip(near, near[1:])) adds them: a zip() with a
    # keyword took the slow way of a call, about 4,000 instructions.)
    pairs = {(near[i], near[i + 1]) for i in range(len(near) - 1)}
    return numbers, (words, set(near_left), set(near_right), pairs)


def feature_name(kind: str, key) -> str:
    """A word's or a pair's feature name: "u:word", "b:first second"."""
    return f"{kind}:{' '.join(key) if kind == 'b' else key}"


def features(sentence: str, start: int, end: int, sentence_compound: float | None = None) -> dict:
    """The model's features of ``sentence`` toward the name at ``start``–``end`` by name,
    as the training script counts them (reading())."""
    found = reading(sentence, start, end, sentence_compound)
    named = dict(found.numbers)
    for kind, keys in zip(KINDS, found.words, strict=True):
        for key in keys:
            named[feature_name(kind, key)] = 1.0
    return named


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, dict], list[float]]:
    """The model as a table of weights (negative, neutral, positive) for each kind of
    word (KINDS, keyed by the word or the pair) and for the numbers, then the
    intercepts."""
    with MODEL_PATH.open(encoding="utf-8") as fh:
        data = json.load(fh)
    tables: dict[str, dict] = {kind: {} for kind in (*KINDS, "")}
    for name, row in data["weights"].items():
        kind, colon, key = name.partition(":")
        if not colon or kind not in KINDS:
            tables[""][name] = tuple(row)  # the numbers: "v_compound", ...
        else:
            tables[kind][tuple(key.split(" ")) if kind == "b" else key] = tuple(row)
    return tables, [float(w) for w in data["intercept"]]


def probabilities(found: Reading) -> tuple[float, float, float]:
    """The model's chances of negative, neutral and positive for this reading."""
    return _probabilities(found.numbers, found.words)


@cython.cfunc
@cython.locals(
    row=tuple,
    a=cython.double,
    b=cython.double,
    c=cython.double,
    x=cython.double,
    y=cython.double,
    z=cython.double,
    value=cython.double,
    top=cython.double,
    norm=cython.double,
)
def _probabilities(found_numbers: dict, found_words: tuple) -> tuple:
    """probabilities() of a reading's numbers and words."""
    tables, intercept = _model()
    a, b, c = intercept
    numbers = cython.declare(dict, tables[""])
    for name, value in found_numbers.items():
        row = numbers.get(name)
        if row is not None:
            a += row[0] * value
            b += row[1] * value
            c += row[2] * value
    for k in range(len(KINDS)):  # (not zip(..., strict=True): a call with a keyword)
        table = cython.declare(dict, tables[KINDS[k]])  # compiled: the C API's dict lookup
        for key in found_words[k]:
            row = table.get(key)
            if row is not None:
                # (Compiled, the weights are read into doubles and added in C: the same
                # IEEE sums, without a float object made for each.)
                x, y, z = row
                a += x
                b += y
                c += z
    top = max(a, b, c)
    a, b, c = math.exp(a - top), math.exp(b - top), math.exp(c - top)
    norm = a + b + c
    return a / norm, b / norm, c / norm


def tone_toward(
    sentence: str, start: int, end: int, sentence_compound: float | None = None
) -> tuple[float, str]:
    """The tone of ``sentence`` toward the name at ``start``–``end``: P(positive) −
    P(negative), rounded to 4 places, and the likeliest class."""
    numbers, words = _read(sentence, start, end, sentence_compound)
    negative, neutral, positive = _probabilities(numbers, words)
    # The likeliest class, the first of equal chances (as max() over the three gives it).
    best = 0
    if neutral > negative:
        best = 1
    if positive > (neutral if best else negative):
        best = 2
    return fast_round(positive - negative, 4), CLASSES[best]
