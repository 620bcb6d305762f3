"""Train the frames model (analysis/lexicons/frames_model.json) on SemEval-2023 Task 3.

Subtask 2, English: each article is labelled with every frame of the 14 Media Frames
Corpus frames it uses. Only articles whose number is even are read (the odd half is kept
for an independent check; this script refuses an odd one). Per frame, a logistic
regression over the lexicon's cue rates and the article's word counts (the features the
scorer computes, through the same functions), calibrated on out-of-fold scores (one
slope for all frames, an intercept per frame), with one confidence threshold for all frames chosen on those scores for micro-F1.

    python bench/train_frames.py /work/corpora/semeval2023-even          # writes the model
    python bench/train_frames.py PATH --output /tmp/frames_model.json

PATH holds ``labels-subtask-2.txt`` and ``articles/article<N>.txt`` (or the repository
layout, ``data/en/train-labels-subtask-2.txt`` and ``data/en/train-articles-subtask-2/``).
Needs scikit-learn (requirements-dev.txt); the scorer itself does not.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# The scorer module on its own, as source: no Django, no stale build.
os.environ.setdefault("NEWSDESK_INTERPRETED_SCORERS", "1")

from analysis.scoring import framing  # noqa: E402

# SemEval-2023 Task 3 frame names -> the lexicon's frame keys.
SEMEVAL_FRAMES = {
    "Economic": "economic",
    "Capacity_and_resources": "capacity_and_resources",
    "Morality": "morality",
    "Fairness_and_equality": "fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence": "legality",
    "Policy_prescription_and_evaluation": "policy_prescription",
    "Crime_and_punishment": "crime_and_punishment",
    "Security_and_defense": "security_and_defense",
    "Health_and_safety": "health_and_safety",
    "Quality_of_life": "quality_of_life",
    "Cultural_identity": "cultural_identity",
    "Public_opinion": "public_opinion",
    "Political": "political",
    "External_regulation_and_reputation": "external_regulation",
}
MODEL_FRAMES: tuple[str, ...] = tuple(SEMEVAL_FRAMES.values())

MODEL_VERSION = "m3"
REGULARISATION = 3.0  # LogisticRegression's C, chosen by cross-validation on the even half
MIN_DOCS = 3  # a word enters the vocabulary if at least this many training articles have it
MAX_DOC_SHARE = 0.5  # ...and at most this share of them (more is a function word)
CUE_SCALE = 0.25  # the cue rates' weight against the (unit-length) word vector (CV: 0.775 mean AUC at 0.25, 0.767 at 0.5, 0.758 at 1)
# Added to each frame's score, times its own cue rate before the context rules (the
# scorer's cue_prior). Chosen by 5-fold cross-validation on the even half, three
# shuffles: mean AUC of the out-of-fold scores 0.763 / 0.774 / 0.766 at 0, 0.774 /
# 0.784 / 0.775 at 1, 0.770 / 0.780 / 0.773 at 2 (0.5 and 4 lower).
CUE_PRIOR = 1.0
FOLDS = 5
MIN_SLOPE = 0.1  # the calibration keeps the model's ranking of articles
SEED = 2023


@dataclass
class Doc:
    number: int
    text: str
    frames: set[str]
    weighted: dict[str, float]  # lexicon cue weight per frame, after the context rules
    found: dict[str, float]  # ...and before them
    words: int


def _paths(root: Path) -> tuple[Path, Path]:
    if (root / "labels-subtask-2.txt").exists():
        return root / "labels-subtask-2.txt", root / "articles"
    en = root / "data" / "en"
    return en / "train-labels-subtask-2.txt", en / "train-articles-subtask-2"


def load_even(root: Path) -> list[Doc]:
    """The even-numbered articles with their frames; odd ones are skipped unread."""
    labels, articles = _paths(root)
    docs = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        number, _, names = line.partition("\t")
        if int(number) % 2:
            continue  # the held-out half: never opened
        text = (articles / f"article{number}.txt").read_text(encoding="utf-8")
        found = framing.find_cues(text)
        weighted, found_weight = _by_frame(framing.cues_in_context(text, found)), _by_frame(found)
        frames = {SEMEVAL_FRAMES[n] for n in names.split(",") if n}
        docs.append(
            Doc(int(number), text, frames, weighted, found_weight, framing.word_count(text))
        )
    return docs


def _by_frame(cues: list[dict]) -> dict[str, float]:
    weighted: dict[str, float] = {}
    for cue in cues:
        weighted[cue["frame"]] = weighted.get(cue["frame"], 0.0) + cue["weight"]
    return weighted


def _prior(docs: list[Doc]):
    """CUE_PRIOR times each frame's cue rate before the context rules, per article."""
    import numpy as np

    return CUE_PRIOR * np.array(
        [framing.cue_prior_features(d.found, d.words, MODEL_FRAMES) for d in docs]
    )


def vocabulary(docs: list[Doc]) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    df: dict[str, int] = {}
    for doc in docs:
        for word in set(framing._TOKEN.findall(doc.text.lower())):
            df[word] = df.get(word, 0) + 1
    most = MAX_DOC_SHARE * len(docs)
    return sorted(
        w
        for w, n in df.items()
        if MIN_DOCS <= n <= most and w not in ENGLISH_STOP_WORDS and len(w) > 2
    )


def matrix(docs: list[Doc], vocab: list[str]):
    from scipy.sparse import csr_matrix

    index = {w: i for i, w in enumerate(vocab)}
    n_cues = len(framing.FRAMES)
    rows, cols, vals = [], [], []
    for r, doc in enumerate(docs):
        for c, x in enumerate(framing.cue_features(doc.weighted, doc.words, CUE_SCALE)):
            if x:
                rows.append(r), cols.append(c), vals.append(x)
        for w, x in framing.word_features(doc.text, index).items():
            rows.append(r), cols.append(n_cues + index[w]), vals.append(x)
    return csr_matrix((vals, (rows, cols)), shape=(len(docs), n_cues + len(vocab)))


def _targets(docs: list[Doc]):
    import numpy as np

    return np.array([[f in d.frames for f in MODEL_FRAMES] for d in docs], dtype=int)


def _fit_raw(docs: list[Doc], vocab: list[str]):
    from sklearn.linear_model import LogisticRegression

    X, Y = matrix(docs, vocab), _targets(docs)
    models = []
    for j in range(len(MODEL_FRAMES)):
        model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=5000)
        models.append(model.fit(X, Y[:, j]))
    return models


def _folds(n: int, k: int, seed: int) -> list[list[int]]:
    import random

    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def fit(docs: list[Doc]) -> dict:
    """The model trained on ``docs``, as the JSON the scorer loads."""
    import numpy as np

    # Out-of-fold decision values, for the calibration and the threshold.
    Y = _targets(docs)
    z = np.zeros(Y.shape)
    for held in _folds(len(docs), FOLDS, SEED):
        held_set = set(held)
        train = [d for i, d in enumerate(docs) if i not in held_set]
        vocab = vocabulary(train)
        X = matrix([docs[i] for i in held], vocab)
        for j, model in enumerate(_fit_raw(train, vocab)):
            z[held, j] = model.decision_function(X)
    z += _prior(docs)
    calibration = calibrate(z, Y)
    probs = np.zeros(Y.shape)
    for j, (slope, intercept) in enumerate(calibration):
        probs[:, j] = 1 / (1 + np.exp(-(slope * z[:, j] + intercept)))
    has_cue = np.array([[d.weighted.get(f, 0) > 0 for f in MODEL_FRAMES] for d in docs])
    threshold = best_threshold(Y, probs, has_cue)

    vocab = vocabulary(docs)
    models = _fit_raw(docs, vocab)
    n_cues = len(framing.FRAMES)
    coef = np.array([m.coef_[0] for m in models])  # frames x features
    words = {
        w: [round(float(x), 3) for x in coef[:, n_cues + i]]
        for i, w in enumerate(vocab)
        if np.abs(coef[:, n_cues + i]).max() >= 5e-3
    }
    return {
        "version": MODEL_VERSION,
        "lexicon_version": framing.LEXICON["version"],
        "notes": (
            "Per-frame logistic regression trained by bench/train_frames.py on the even-"
            "numbered English articles of SemEval-2023 Task 3 subtask 2 (see "
            "docs/corpora/semeval2023-task3.md). Weights only: no article text."
        ),
        "frames": list(MODEL_FRAMES),
        "cue_frames": list(framing.FRAMES),
        "cue_scale": CUE_SCALE,
        "cue_prior": CUE_PRIOR,
        "bias": [round(float(m.intercept_[0]), 5) for m in models],
        "cue_weights": [[round(float(x), 5) for x in row[:n_cues]] for row in coef],
        "calibration": calibration,
        "threshold": threshold,
        "trained_on": len(docs),
        "words": words,
    }


def calibrate(z, Y) -> list[list[float]]:
    """Platt scaling with one slope for all frames and an intercept per frame, fitted on
    out-of-fold decision values. A slope per frame, fitted on the dozen articles a rare
    frame has, came out near zero in some folds and not others, so that a frame's
    confidences did not rank articles alike from one trained model to the next."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    n, k = Y.shape
    X = np.zeros((n * k, 1 + k))
    X[:, 0] = z.T.ravel()
    X[np.arange(n * k), 1 + np.repeat(np.arange(k), n)] = 1.0
    platt = LogisticRegression(C=100.0, fit_intercept=False).fit(X, Y.T.ravel())
    slope = max(float(platt.coef_[0, 0]), MIN_SLOPE)
    return [[round(slope, 5), round(float(b), 5)] for b in platt.coef_[0, 1:]]


def best_threshold(Y, probs, has_cue) -> float:
    """The confidence threshold with the best micro-F1 (a frame also needs a cue). One for
    all frames: a threshold per frame, chosen the same way, scored no better in
    cross-validation (micro-F1 0.644 against 0.646)."""
    best, best_f1 = 0.5, -1.0
    for step in range(10, 91):
        t = step / 100
        predicted = (probs >= t) & has_cue
        tp = int((predicted & (Y == 1)).sum())
        fp = int((predicted & (Y == 0)).sum())
        fn = int((~predicted & (Y == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the SemEval-2023 Task 3 data (even half)")
    parser.add_argument("--output", type=Path, default=framing.MODEL_PATH)
    args = parser.parse_args()
    docs = load_even(args.path)
    model = fit(docs)
    args.output.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(docs)} articles, {len(model['words'])} words, threshold {model['threshold']}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
