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

Intervals: the 95 % interval of the scorer's macro F1 and accuracy and of the baselines'
macro F1 over ``--draws`` resamplings (bench/resample.py; default 1000, 0 for none), all
methods on the same draws, and the share of draws in which the scorer's macro F1 is above
each baseline's. The unit drawn is an article: NewsMTSC's ids name the article a sentence
comes from (``allsides_<n>_<n>_…`` or ``polusa_v1_<n>_…``), and its sentences, which share
a writer and a topic (and often the sentence, for two targets), are drawn together; a row
whose id names no article is a unit of its own.

Use the train file and the dev file only (the test file is held out for an independent
check). Give the folder holding the dataset's ``rw`` split as JSON Lines, or its ``mt``
split (sentences that name several people, the tone toward each judged apart; its train
file is the same as rw's):

    python bench/eval_sentiment.py /path/to/newsmtsc-rw-hf --split dev [--draws N]
    python bench/eval_sentiment.py /path/to/newsmtsc-mt-hf --split dev

The files are those of NewsSentiment/experiments/default/datasets/newsmtsc-rw-hf/ in the
public repository fhamborg/NewsMTSC (MIT licence; see docs/corpora/newsmtsc.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.scoring.sentiment import NEGATIVE, POSITIVE  # noqa: E402
from analysis.scoring.target_tone import tone_toward  # noqa: E402
from analysis.scoring.vader_fast import compound  # noqa: E402
from bench.eval_ptc import spearman  # noqa: E402

CLASSES = ("negative", "neutral", "positive")
GOLD = {-1: "negative", 0: "neutral", 1: "positive"}
SPLITS = ("train", "dev")  # test is the held-out part: never read here
# The article in a NewsMTSC id: "allsides_3447_1422_11_Ted Cruz_88_92" (then the sentence,
# the target and its offsets), "polusa_v1_4678416_-1_30_John Miller_149_155".
ARTICLE_ID = re.compile(r"(allsides_\d+_\d+|polusa_v\d+_\d+)_")


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


def class_counts(gold: list[str], predicted: list[str]) -> tuple[int, ...]:
    """What scores() is made of: each class's true positives, false positives and false
    negatives (in CLASSES order), then the sentences right and the sentences."""
    from bench.resample import class_counts as per_class

    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return (*per_class(gold, predicted, CLASSES), right, len(gold))


def macro_f1(counts: tuple[float, ...]) -> float:
    """scores()'s macro F1 from summed class_counts."""
    from bench.resample import macro_figures

    return macro_figures(counts, len(CLASSES))[2]


def accuracy(counts: tuple[float, ...]) -> float:
    return counts[-2] / counts[-1] if counts[-1] else 0.0


def article_of(row: dict, index: int) -> str:
    """The article a row's sentence comes from, or the row itself if its id names none."""
    match = ARTICLE_ID.match(str(row.get("id", "")))
    return match.group(1) if match else f"row {index}"


def by_article(
    rows: list[dict], gold: list[str], predictions: dict[str, list[str]]
) -> dict[str, list[tuple[int, ...]]]:
    """Each method's class_counts article by article (the same articles for all)."""
    members: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        members.setdefault(article_of(row, i), []).append(i)
    return {
        name: [
            class_counts([gold[i] for i in ids], [predicted[i] for i in ids])
            for ids in members.values()
        ]
        for name, predicted in predictions.items()
    }


def print_intervals(counts: dict[str, list[tuple[int, ...]]], draws: int) -> None:
    """The 95 % interval of each method's macro F1 (and the first one's accuracy) over
    ``draws`` resamplings of the articles (bench/resample.py), and how often the first
    method's macro F1 was above each other's on the same draws."""
    from bench.resample import document_resamples, interval, share_ahead

    # Macro F1 and accuracy of each, on the same draws.
    figures = document_resamples(counts, lambda c: (macro_f1(c), accuracy(c)), draws=draws)
    f1s = {name: [f1 for f1, _ in found] for name, found in figures.items()}
    mine, *others = counts
    units = len(counts[mine])
    print(f"\n95 % intervals over {draws} resamplings of the {units} articles:")
    low, high = interval(f1s[mine])
    acc_low, acc_high = interval([right for _, right in figures[mine]])
    print(f"{mine:<34} macro F1 {low:.3f}–{high:.3f}  accuracy {acc_low:.3f}–{acc_high:.3f}")
    for name in others:
        low, high = interval(f1s[name])
        ahead = share_ahead(f1s[mine], f1s[name])
        print(
            f"{name:<34} macro F1 {low:.3f}–{high:.3f}  (Newsdesk higher in {ahead:.0%} of draws)"
        )


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
    from bench.resample import add_draws_option

    add_draws_option(parser, "articles")
    args = parser.parse_args(argv)

    rows = load(args.folder, args.split)
    gold = [GOLD[int(row["polarity"])] for row in rows]
    values = [compound(row["sentence"]) for row in rows]
    predicted = [tone_class(v) for v in values]
    train_majority = Counter(GOLD[int(r["polarity"])] for r in load(args.folder, "train"))
    majority = train_majority.most_common(1)[0][0]

    print(f"{args.folder.name}, {args.split}: {len(rows)} sentences, gold {dict(Counter(gold))}")
    print(f"cut-offs: negative <= {NEGATIVE}, positive >= {POSITIVE} (the scorers' own)\n")
    methods = {}
    predicted_shown, values_shown = predicted, values
    if args.split == "train":
        print("(the tone toward the person is fitted on this split: not measured here)\n")
    else:
        toward = [tone_toward(row["sentence"], row["from"], row["to"]) for row in rows]
        # The errors shown below are the model's, with its tone toward the person.
        predicted_shown = [label for _, label in toward]
        values_shown = [value for value, _ in toward]
        methods["tone toward the person (actors 17)"] = predicted_shown
    methods.update(
        {
            "VADER sentence compound (sentence)": predicted,
            "baseline: every sentence neutral": ["neutral"] * len(gold),
            f"baseline: train majority ({majority})": [majority] * len(gold),
        }
    )
    for name, labels in methods.items():
        show(name, scores(gold, labels))
    if args.draws:
        print_intervals(by_article(rows, gold, methods), args.draws)
    numeric = [{"negative": -1, "neutral": 0, "positive": 1}[g] for g in gold]
    rho = spearman(list(zip(values, numeric, strict=True)))
    print(f"\nSpearman rank correlation of compound with gold: {rho:.3f}")

    print("\nErrors of the first method (gold -> predicted, its score, target, first words):")
    shown = 0
    for row, g, p, v in zip(rows, gold, predicted_shown, values_shown, strict=True):
        # The worst errors: the opposite sign of what the coders saw.
        if g != p and "neutral" not in (g, p) and shown < args.errors:
            words = " ".join(row["sentence"].split()[:10])
            print(f"  {g} -> {p} ({v:+.2f}) [{row['mention']}] {words} …")
            shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
