import socket

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.scoring import all_scorers, get_scorer

NEGATIVE = "The attack was a horrible, deadly disaster."
POSITIVE = "Residents were delighted and grateful for the wonderful rescue."
NEUTRAL = "The committee meets on Tuesday in the town hall."


def test_every_scorer_is_registered_with_a_version():
    names = {s.name: s.version for s in all_scorers()}
    assert {"sentiment", "readability"} <= set(names)
    assert all(version for version in names.values())


def test_sentiment_scores_each_sentence_like_vader():
    reference = SentimentIntensityAnalyzer()
    text = f"{NEGATIVE} {POSITIVE} {NEUTRAL}"
    result = get_scorer("sentiment")(text)
    compounds = [s["compound"] for s in result.evidence["sentences"]]
    assert compounds == [
        reference.polarity_scores(t)["compound"] for t in (NEGATIVE, POSITIVE, NEUTRAL)
    ]
    assert compounds[0] < -0.5 and compounds[1] > 0.5 and compounds[2] == 0
    assert result.values["negative_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert result.values["positive_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert result.values["compound_min"] == compounds[0]
    assert result.evidence["most_negative"]["start"] == 0


def test_sentiment_evidence_offsets_point_at_the_sentences():
    text = f"{NEUTRAL}\n\n{NEGATIVE}"
    result = get_scorer("sentiment")(text)
    spans = [text[s["start"] : s["end"]] for s in result.evidence["sentences"]]
    assert spans == [NEUTRAL, NEGATIVE]


def test_sentiment_of_empty_text_is_empty():
    assert get_scorer("sentiment")("").values == {"sentence_count": 0}


def test_readability_of_a_known_sentence():
    # 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1 = 116.145
    result = get_scorer("readability")("The cat sat on the mat.")
    assert result.values["word_count"] == 6
    assert result.values["sentence_count"] == 1
    assert result.values["syllable_count"] == 6
    assert result.values["flesch_reading_ease"] == pytest.approx(116.145, abs=0.01)


def test_harder_prose_reads_harder():
    easy = get_scorer("readability")("We ran. The dog ran too. It was fun. We sat down.")
    hard = get_scorer("readability")(
        "Notwithstanding considerable institutional opposition, the administration "
        "implemented comprehensive regulatory modifications affecting international "
        "telecommunications infrastructure."
    )
    assert hard.values["flesch_kincaid_grade"] > easy.values["flesch_kincaid_grade"] + 10
    assert "telecommunications" in hard.evidence["difficult_words"]


def test_readability_needs_no_network(monkeypatch):
    import nltk

    def no_network(*args, **kwargs):
        raise OSError("network is unavailable in this test")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(nltk, "download", no_network)
    result = get_scorer("readability")("Pronunciation dictionaries count syllables.")
    # pro-nun-ci-a-tion dic-tion-ar-ies count syl-la-bles
    assert result.values["syllable_count"] == 13


def test_score_texts_gives_each_scorer_s_own_result_for_every_text_of_several_batches():
    from analysis import scoring
    from bench.corpus import distinct_articles

    texts = distinct_articles(scoring.BATCH_SIZE + 30, seed=3)
    scorers = all_scorers()
    outcomes = scoring.score_texts(texts, scorers)
    assert len(outcomes) == len(texts)
    # The last text of each batch and a few others, against the scorers called one by one.
    for i in (0, 1, scoring.BATCH_SIZE - 1, scoring.BATCH_SIZE, len(texts) - 1):
        for scorer, result in zip(scorers, outcomes[i], strict=True):
            alone = scorer(texts[i])
            assert (result.values, result.evidence) == (alone.values, alone.evidence)


def test_score_texts_reports_a_failing_text_and_scores_the_others():
    from analysis.scoring import Scorer, ScoreResult, score_texts

    def fussy(text):
        if "poison" in text:
            raise ValueError("cannot read this")
        return ScoreResult(values={"length": len(text)})

    counted = []
    after = Scorer("after", "1", lambda text: counted.append(text) or ScoreResult({}))
    outcomes = score_texts(["fine", "poison pill", "also fine"], [Scorer("f", "1", fussy), after])
    assert [o[0].values for o in (outcomes[0], outcomes[2])] == [{"length": 4}, {"length": 9}]
    assert isinstance(outcomes[1], ValueError) and str(outcomes[1]) == "cannot read this"
    assert counted == ["fine", "also fine"]  # later scorers skip the failed text


def test_score_texts_pauses_the_garbage_collector_only_while_scoring():
    import gc

    from analysis.scoring import Scorer, ScoreResult, score_texts

    seen = []

    def watch(text):
        seen.append(gc.isenabled())
        if text == "fail":
            raise RuntimeError("boom")
        return ScoreResult({})

    scorers = [Scorer("watch", "1", watch)]
    assert gc.isenabled()
    score_texts(["a", "fail"], scorers)
    assert seen == [False, False] and gc.isenabled()  # resumed, even after a failure
    gc.disable()  # paused by someone else: left paused
    try:
        score_texts(["b"], scorers)
        assert not gc.isenabled()
    finally:
        gc.enable()
