"""Tone: VADER's compound score per sentence, summarised for the article.

VADER is run sentence by sentence: that is what it was built for, and whole-text
scoring grows quadratically with length.
"""

from __future__ import annotations

from statistics import fmean

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.scoring import ScoreResult, register
from analysis.scoring.sentences import split_spans

# VADER's own recommended cut-offs for a positive or negative sentence.
NEGATIVE, POSITIVE = -0.05, 0.05

_analyzer = SentimentIntensityAnalyzer()


@register("sentiment", "1")
def score_sentiment(text: str) -> ScoreResult:
    sentences = []
    for start, end in split_spans(text):
        compound = _analyzer.polarity_scores(text[start:end])["compound"]
        sentences.append({"start": start, "end": end, "compound": compound})
    if not sentences:
        return ScoreResult(values={"sentence_count": 0}, evidence={"sentences": []})
    compounds = [s["compound"] for s in sentences]
    most_negative = min(sentences, key=lambda s: s["compound"])
    most_positive = max(sentences, key=lambda s: s["compound"])
    return ScoreResult(
        values={
            "sentence_count": len(sentences),
            "compound_mean": round(fmean(compounds), 4),
            "compound_min": min(compounds),
            "compound_max": max(compounds),
            "negative_share": round(sum(c <= NEGATIVE for c in compounds) / len(compounds), 4),
            "positive_share": round(sum(c >= POSITIVE for c in compounds) / len(compounds), 4),
        },
        evidence={
            "sentences": sentences,
            "most_negative": most_negative,
            "most_positive": most_positive,
        },
    )
