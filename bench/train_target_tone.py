"""Fit the model of the tone toward a named person (analysis/scoring/target_tone.py) on
the training split of NewsMTSC (Hamborg and Donnay 2021; MIT licence, see
docs/corpora/newsmtsc.md) and write analysis/lexicons/target_tone_model.json.

Only ``train.jsonl`` is read: the dev split is where the model is measured
(``bench/eval_sentiment.py --split dev``), the test split is held out. The strength of
the model's regularisation (C) is chosen by five-fold cross-validation on the training
split, folds drawn by article (a sentence's article is in its id), by macro F1. Features
seen in fewer than two training sentences are left out. Needs scikit-learn
(requirements-dev.txt); the scorer does not.

    python bench/train_target_tone.py /path/to/newsmtsc-rw-hf [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.scoring.target_tone import MODEL_PATH, features  # noqa: E402
from bench.eval_sentiment import ARTICLE_ID, load  # noqa: E402

GRID = (0.03, 0.1, 0.3, 1.0)
MIN_SENTENCES = 2
FOLDS = 5


def article_of(row: dict) -> str:
    match = ARTICLE_ID.match(row["id"])
    return match.group(1) if match else row["id"]


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)

    rows = load(args.folder, "train")
    labels = np.array([row["polarity"] for row in rows])
    groups = [article_of(row) for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([features(r["sentence"], r["from"], r["to"]) for r in rows])
    seen = np.asarray((matrix != 0).sum(axis=0)).ravel()
    kept = np.flatnonzero(seen >= MIN_SENTENCES)
    matrix = matrix[:, kept]
    names = [vectorizer.feature_names_[i] for i in kept]
    print(f"NewsMTSC rw train: {len(rows)} sentences, {len(names)} features")

    def model(c: float):
        return LogisticRegression(C=c, max_iter=3000, class_weight="balanced")

    scores = {}
    for c in GRID:
        predicted = np.zeros_like(labels)
        for fit, held in GroupKFold(FOLDS).split(matrix, labels, groups):
            predicted[held] = model(c).fit(matrix[fit], labels[fit]).predict(matrix[held])
        scores[c] = f1_score(labels, predicted, average="macro")
        print(f"  C={c:<5} cross-validated macro F1 {scores[c]:.3f}")
    best = max(GRID, key=lambda c: (round(scores[c], 3), -c))
    fitted = model(best).fit(matrix, labels)
    order = [list(fitted.classes_).index(k) for k in (-1, 0, 1)]
    weights = {
        name: [round(float(fitted.coef_[k, j]), 5) for k in order]
        for j, name in enumerate(names)
        if any(abs(fitted.coef_[k, j]) >= 1e-4 for k in order)
    }
    data = {
        "about": (
            "Multinomial logistic model of the tone toward a named person "
            "(analysis/scoring/target_tone.py), fitted by bench/train_target_tone.py on "
            "the train split of NewsMTSC rw (Hamborg and Donnay 2021, MIT licence)."
        ),
        "classes": ["negative", "neutral", "positive"],
        "C": best,
        "cross_validated_macro_f1": round(scores[best], 4),
        "intercept": [round(float(fitted.intercept_[k]), 5) for k in order],
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"C={best}: {len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
