"""How well sentence tone stands for the tone toward a person: Newsdesk's VADER sentence
scores against NewsMTSC (Hamborg and Donnay, EACL 2021), news sentences in which five or
more coders judged the sentiment toward one named person: negative, neutral or positive.

Newsdesk's "tone toward actors" is the VADER compound of the sentences that mention the
actor (analysis/scoring/actors.py), and an article's share of negative and positive
sentences cuts the same compounds at sentiment.NEGATIVE and POSITIVE. So each NewsMTSC
sentence is scored with the very function the scorers use (``vader_fast.compound``) and
put in a class by those cut-offs; the gold class is the coders' sentiment toward the target.

Printed: accuracy, macro F1 and per-class precision / recall / F1, beside two baselines
(every sentence neutral; every sentence the class most frequent in the training file),
Spearman's rank correlation of compound and gold, and a few errors.

Use the train file and the dev file only (the test file is held out for an independent
check). Give the folder holding the dataset's ``rw`` split as JSON Lines:

    python bench/eval_sentiment.py /path/to/newsmtsc-rw-hf --split dev

The files are those of NewsSentiment/experiments/default/datasets/newsmtsc-rw-hf/ in the
public repository fhamborg/NewsMTSC (MIT licence; see docs/corpora/newsmtsc.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.scoring.sentiment import NEGATIVE, POSITIVE  # noqa: E402
from analysis.scoring.vader_fast import compound  # noqa: E402
from bench.eval_ptc import spearman  # noqa: E402

CLASSES = ("negative", "neutral", "positive")
GOLD = {-1: "negative", 0: "neutral", 1: "positive"}
SPLITS = ("train", "dev")  # test is the held-out part: never read here


def load(folder: Path, split: str) -> list[dict]:
    if split not in SPLITS:
        raise SystemExit(f"split must be one of {SPLITS}: the test file is held out")
    path = folder / f"{split}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def tone_class(value: float, negative: float = NEGATIVE, positive: float = POSITIVE) -> str:
    if value <= negative:
        return "negative"
    if value >= positive:
        return "positive"
    return "neutral"


def scores(gold: list[str], predicted: list[str]) -> dict:
    per_class = {}
    for c in CLASSES:
        tp = sum(g == p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == c != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c != p for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[c] = (precision, recall, f1)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    macro = [sum(v[i] for v in per_class.values()) / len(CLASSES) for i in range(3)]
    return {
        "accuracy": accuracy,
        "macro_precision": macro[0],
        "macro_recall": macro[1],
        "macro_f1": macro[2],
        "per_class": per_class,
    }


def show(name: str, result: dict) -> None:
    print(
        f"{name:<34} accuracy {result['accuracy']:.3f}  macro P {result['macro_precision']:.3f}"
        f"  R {result['macro_recall']:.3f}  F1 {result['macro_f1']:.3f}"
    )
    for c in CLASSES:
        p, r, f = result["per_class"][c]
        print(f"    {c:<10} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the folder of NewsMTSC's rw split (JSON Lines)")
    parser.add_argument("--split", default="dev", choices=SPLITS)
    parser.add_argument("--errors", type=int, default=6, help="error examples to print")
    args = parser.parse_args(argv)

    rows = load(args.folder, args.split)
    gold = [GOLD[int(row["polarity"])] for row in rows]
    values = [compound(row["sentence"]) for row in rows]
    predicted = [tone_class(v) for v in values]
    train_majority = Counter(GOLD[int(r["polarity"])] for r in load(args.folder, "train"))
    majority = train_majority.most_common(1)[0][0]

    print(f"NewsMTSC rw, {args.split}: {len(rows)} sentences, gold {dict(Counter(gold))}")
    print(f"cut-offs: negative <= {NEGATIVE}, positive >= {POSITIVE} (the scorers' own)\n")
    show("VADER sentence compound (Newsdesk)", scores(gold, predicted))
    show("baseline: every sentence neutral", scores(gold, ["neutral"] * len(gold)))
    show(f"baseline: train majority ({majority})", scores(gold, [majority] * len(gold)))
    numeric = [{"negative": -1, "neutral": 0, "positive": 1}[g] for g in gold]
    rho = spearman(list(zip(values, numeric, strict=True)))
    print(f"\nSpearman rank correlation of compound with gold: {rho:.3f}")

    print("\nErrors (gold -> predicted, compound, target, first words):")
    shown = 0
    for row, g, p, v in zip(rows, gold, predicted, values, strict=True):
        # The worst errors: the opposite sign of what the coders saw.
        if g != p and "neutral" not in (g, p) and shown < args.errors:
            words = " ".join(row["sentence"].split()[:10])
            print(f"  {g} -> {p} ({v:+.2f}) [{row['mention']}] {words} …")
            shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
