"""Tone: VADER's compound score per sentence, summarised for the article.

VADER is run sentence by sentence: that is what it was built for, and whole-text
scoring grows quadratically with length. The scores come from ``vader_fast``, which
gives exactly vaderSentiment's compound scores, several times faster.
"""

from __future__ import annotations

from functools import lru_cache
from statistics import fmean

from analysis.scoring import SHARED_CACHE_SIZE, ScoreResult, register
from analysis.scoring.sentences import sentence_tokens, split_spans, whitespace_split
from analysis.scoring.text import fast_round, lowered
from analysis.scoring.tokens import token_records
from analysis.scoring.vader_fast import compound, holds_emoji, span_compounds

# VADER's own recommended cut-offs for a positive or negative sentence.
NEGATIVE, POSITIVE = -0.05, 0.05


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def sentence_compounds(text: str) -> list[tuple[int, int, float]]:
    """(start, end, VADER compound) for each sentence of ``text``.

    Cached, so that scorers run on the same text (actor sentiment) reuse the scores; the
    list is shared between callers, so copy it before changing it.
    """
    spans = split_spans(text)
    # Each sentence in lower case, from the text's: lower case maps one character to
    # one but for a few, and only the capital sigma's depends on the characters around.
    low = lowered(text)
    if not low.same or "Σ" in low.rare:
        return [(start, end, compound(text[start:end])) for start, end in spans]
    lower = low.lower
    # Without an emoji in the text, no sentence is looked over for one.
    if holds_emoji(low.rare):
        return [(start, end, compound(text[start:end], lower[start:end])) for start, end in spans]
    # Each sentence's tokens from the text's: the sentences start and end at whitespace
    # (or the text's ends) and only whitespace lies between them, so the text's tokens
    # are theirs, in order.
    return span_compounds(
        text, lower, spans, whitespace_split(text), sentence_tokens(text), token_records(text)
    )


# Version 1 outlived the move to vader_fast, which scores exactly as the vaderSentiment
# analyzer did. Version 2: the new sentence split (a middle initial such as "P." in
# "Robert P. Casey" no longer ends a sentence). Version 3: initials joined by an ampersand
# ("the S.&P. 500") end no sentence either (on PolNeAR train+dev, 1 article of 924 changes).
# Version 4: nor after a comma (", S.&P. Global said"): no sentence of PolNeAR train+dev,
# NewsMTSC rw train+dev, PTC's or SemEval-2023's even articles changes.
@register("sentiment", "4", languages=("en",))
def score_sentiment(text: str) -> ScoreResult:
    scored = sentence_compounds(text)
    if not scored:
        return ScoreResult(values={"sentence_count": 0}, evidence={"sentences": []})
    sentences = [{"start": start, "end": end, "compound": score} for start, end, score in scored]
    compounds = [score for _, _, score in scored]
    # min() and max() in C, no key function called per sentence: the first sentence with
    # the extreme score is the one they find, as list.index finds it.
    lowest, highest = min(compounds), max(compounds)
    negative = positive = 0
    for score in compounds:  # compiled: no generator resumed per sentence
        if score <= NEGATIVE:
            negative += 1
        if score >= POSITIVE:
            positive += 1
    return ScoreResult(
        values={
            "sentence_count": len(sentences),
            "compound_mean": fast_round(fmean(compounds), 4),
            "compound_min": lowest,
            "compound_max": highest,
            "negative_share": fast_round(negative / len(compounds), 4),
            "positive_share": fast_round(positive / len(compounds), 4),
        },
        evidence={
            "sentences": sentences,
            "most_negative": sentences[compounds.index(lowest)],
            "most_positive": sentences[compounds.index(highest)],
        },
    )
