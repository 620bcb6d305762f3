"""The frames as annotators see them: several per article, each with a confidence and
the words behind it; generic cues that need context. Every text here was written for
the tests."""

import dataclasses

from analysis.scoring.framing import (
    MODEL,
    cues_in_context,
    find_cues,
    frames_present,
    score_framing,
    score_with,
)

# Written for the tests.
STARS = (
    "Astronomers now think the galaxy next door holds a trillion stars. "
    "At that price of telescope time, they said, nobody will count them one by one."
)
MONEY = "The bailout will cost taxpayers $2 trillion over ten years."
TWO_SENTENCES = "The galaxy holds a trillion stars. The budget deficit widened again."
COURT_AND_TROOPS = (
    "The appeals court ruled that the statute was unconstitutional, and the judges "
    "ordered a new trial. Hours later, troops and warships were deployed to the border "
    "after a missile attack on the naval base, and the defence ministry raised the "
    "threat level."
)


def counted(text):
    return [(c["cue"], c["frame"]) for c in cues_in_context(text, find_cues(text))]


def test_trillion_stars_and_a_price_of_telescope_time_are_not_economic():
    assert ("trillion", "economic") in [(c["cue"], c["frame"]) for c in find_cues(STARS)]
    assert all(frame != "economic" for _, frame in counted(STARS))
    values = score_framing(STARS).values
    assert "economic" not in values["frames_present"]
    assert values["primary_frame"] != "economic"
    assert values["per_1000"]["economic"] == 0.0


def test_a_cue_out_of_context_raises_a_confidence_but_does_not_make_a_frame_present():
    # The model adds each frame's bare cue rate (before the context rules) to its score.
    without_prior = score_with(STARS, dataclasses.replace(MODEL, cue_prior=0.0)).values
    values = score_framing(STARS).values
    assert values["frames"]["economic"] > without_prior["frames"]["economic"]
    assert "economic" not in values["frames_present"]


def test_a_trillion_with_a_currency_sign_is_economic():
    assert ("trillion", "economic") in counted(MONEY)


def test_a_generic_cue_needs_a_specific_cue_in_its_own_sentence():
    cues = counted(TWO_SENTENCES)
    assert ("trillion", "economic") not in cues  # the budget is in the next sentence
    assert ("budget", "economic") in cues


def test_an_article_gets_several_frames_each_with_a_confidence_and_its_words():
    result = score_framing(COURT_AND_TROOPS)
    values = result.values
    assert {"legality", "security_and_defense"} <= set(values["frames_present"])
    assert set(values["frames"]) == set(MODEL.frames)
    assert all(0.0 <= c <= 1.0 for c in values["frames"].values())
    for frame in values["frames_present"]:
        assert values["frames"][frame] >= MODEL.threshold
        # Each frame shown has words behind it: its cues, and the words that raised it.
        assert any(c["frame"] == frame for c in result.evidence["cues"])
        assert frame in result.evidence["words"]
    assert values["primary_frame"] == values["frames_present"][0]
    assert values["secondary_frame"] == values["frames_present"][1]


def test_the_model_ranks_a_frame_higher_when_its_words_are_there():
    legal = score_framing("The appeals court ruled that the statute was unconstitutional.")
    plain = score_framing("The cat slept on the warm windowsill all afternoon.")
    assert legal.values["frames"]["legality"] > plain.values["frames"]["legality"]
    assert plain.values["frames_present"] == []


def test_a_confident_frame_without_a_cue_in_the_text_is_not_present():
    confidences = {"economic": 0.9, "legality": 0.8, "political": 0.1}
    counts = {"legality": 2, "political": 3}
    assert frames_present(confidences, counts, threshold=0.5) == ["legality"]


def test_the_trust_line_quotes_the_measured_figures():
    # Formatting numbers inside format_html once crashed every article page.
    from analysis.methodology import accuracy_entry
    from analysis.templatetags.methodology import trust, trust_line

    measured = accuracy_entry("framing").headline
    line = trust_line("framing")
    assert f"F1 {measured.f1:.2f}" in line and measured.corpus in line
    assert "how far to trust this" in str(trust("framing"))


# Written for the tests: a word repeated past the log table's end, curly apostrophes,
# hyphens, words that are not ASCII, and frame words at the text's start and end.
_WORD_TEXTS = [
    "Economy first: the budget’s deficit, tax-payers and the economy’s jobs. " * 3
    + "Troops and police at the border; immigration court rulings. Économie and économie.",
    "war " * 300 + "the army, the navy and the war's veterans fought the war",
    "Health care costs and hospital beds: the doctors' union and health insurance.",
]


def test_word_features_are_the_normalised_log_counts_of_the_vocabulary_words():
    import math

    from analysis.scoring.framing import MODEL, _tokens, word_features

    for text in _WORD_TEXTS:
        counts: dict[str, int] = {}
        for word in _tokens(text):
            if word in MODEL.index and len(word) > 1:
                counts[word] = counts.get(word, 0) + 1
        logs = {w: math.log1p(c) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in logs.values())) or 1.0
        found = word_features(text, MODEL.index)
        assert list(found.items()) == [(w, v / norm) for w, v in logs.items()], text
        assert found
    assert max(_tokens(_WORD_TEXTS[1]).count(w) for w in ("war",)) > 256


def test_the_models_word_scan_gives_the_word_features_floats_and_rows():
    import numpy as np

    from analysis.scoring.framing import MODEL, model_word_features, word_features

    # Besides _WORD_TEXTS: apostrophes opening and closing words, a text that lower case
    # lengthens (the dotted capital I), words at both ends, and none at all.
    texts = [
        *_WORD_TEXTS,
        "'war ''war war'' war's 'economy' WAR-torn war",
        "İstanbul: the economy and the war.",
        "economy",
        "",
        "zzz qqq",
    ]
    for text in texts:
        expected = word_features(text, MODEL.index)
        words, values, rows = model_word_features(MODEL, text)
        assert words == list(expected), text
        assert values.tolist() == list(expected.values()), text
        assert np.array_equal(rows, MODEL.word_weights[[MODEL.index[w] for w in words]])
        assert rows.shape == (len(words), len(MODEL.frames))


def test_confidences_and_words_are_those_of_the_rows_and_columns_indexed_with_lists():
    import numpy as np

    from analysis.scoring.framing import (
        MODEL,
        _sigmoid,
        cue_features,
        fast_round,
        frame_confidences,
        word_count,
        word_features,
        words_behind,
    )

    for text in _WORD_TEXTS:
        words = word_count(text)
        weighted = {"economic": 2.0, "security_and_defense": 1.0}
        confidences, contributions = frame_confidences(MODEL, text, weighted, words)
        feats = word_features(text, MODEL.index)
        rows = MODEL.word_weights[[MODEL.index[w] for w in feats]]
        values = np.array(list(feats.values()))
        z = MODEL.bias + MODEL.prior_weights @ np.array(
            cue_features(weighted, words, MODEL.cue_scale)
        )
        z = z + values @ rows
        expected = {
            frame: fast_round(_sigmoid(slope * float(zj) + intercept), 4)
            for frame, zj, (slope, intercept) in zip(
                MODEL.frames, z, MODEL.calibration, strict=True
            )
        }
        assert confidences == expected, text
        assert np.array_equal(contributions[1], values[:, None] * rows)
        frames = list(MODEL.frames[:3])
        columns = contributions[1][:, [MODEL.frames.index(f) for f in frames]]
        best = words_behind(MODEL, contributions, frames)
        for j, frame in enumerate(frames):
            pairs = sorted(
                ((v, w) for v, w in zip(columns[:, j].tolist(), feats, strict=True) if v > 0),
                reverse=True,
            )
            assert best[frame] == [w for _, w in pairs[:5]], (text, frame)
