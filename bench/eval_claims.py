"""How often the claims matrix ("who reported which fact") puts two outlets' sentences in
one row when they state the same fact.

The set: events of fictional reports by three outlets each, every sentence labelled with the
fact it states (``bench/data/claim_facts.jsonl``, written for the tests; split into ``dev``
events, used to choose the rule; ``test`` events, whose errors led to one more rule; and
``check`` events, written before the last change and not looked at while choosing). Each
outlet's sentences form one article; the claims and actors scorers run on it as in the
pipeline, and ``events.comparison.claims_matrix`` lines the claims up. Over every pair of
claim sentences from different outlets: a pair is predicted "same fact" when the matrix puts
both in one row (as its cell's sentence or one of the outlet's other sentences of the fact,
``ClaimCell.also``), and is "same fact" in gold when both carry one label (a sentence
that states two facts carries both, "cases+deaths"). Printed: pairwise
precision, recall and F1, beside them one sentence per outlet (comparison report 7) and the
old rule (one neighbour above a cosine of 0.25), and the wrong pairs.

    python bench/eval_claims.py [bench/data/claim_facts.jsonl] [--split dev|test|check|all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.scoring import get_scorer  # noqa: E402
from events import comparison  # noqa: E402
from events.comparison import claim_sentences, claims_matrix  # noqa: E402

DEFAULT_SET = ROOT / "bench" / "data" / "claim_facts.jsonl"


def load(path: Path, split: str) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        events = [json.loads(line) for line in fh if line.strip()]
    return [e for e in events if split == "all" or e["split"] == split]


def event_claims(event: dict) -> tuple[dict, dict]:
    """The claim sentences of each outlet's article, and the gold fact of each (by outlet
    and start offset)."""
    claims, actors = get_scorer("claims"), get_scorer("actors")
    by_outlet, gold = {}, {}
    for outlet, sentences in event["outlets"].items():
        text, starts = "", {}
        for fact, sentence in sentences:
            starts[len(text)] = fact
            text += sentence + " "
        text = text.rstrip()
        found = claim_sentences(text, claims(text).evidence, actors(text).evidence)
        by_outlet[outlet] = found
        for c in found:
            gold[(outlet, c.start)] = starts.get(c.start)
    return by_outlet, gold


def facts(label: str | None) -> set[str]:
    """The facts a gold label names: one, or several joined by "+" ("cases+deaths", a
    sentence that states both); none for a sentence the set does not label."""
    return set(label.split("+")) if label else set()


def pair_counts(events: list[dict], matrix: Callable = claims_matrix) -> dict:
    tp = fp = fn = 0
    wrong, missed = [], []
    for event in events:
        by_outlet, gold = event_claims(event)
        row_of = {}
        for r, row in enumerate(matrix(by_outlet)):
            for outlet, cell in row.cells.items():
                # The cell's sentence and the outlet's other sentences of the fact.
                for sentence in (cell, *cell.also) if cell is not None else ():
                    row_of[(outlet, sentence.start)] = r
        keys = sorted(row_of)
        texts = {(o, c.start): c.text for o, cs in by_outlet.items() for c in cs}
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a[0] == b[0]:
                    continue
                same = bool(facts(gold[a]) & facts(gold[b]))
                predicted = row_of[a] == row_of[b]
                tp += same and predicted
                fp += predicted and not same
                fn += same and not predicted
                if predicted and not same:
                    wrong.append((texts[a], texts[b]))
                elif same and not predicted:
                    missed.append((texts[a], texts[b]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
            "wrong": wrong, "missed": missed}  # fmt: skip


@contextmanager
def _generic_counts(value: frozenset):
    saved = comparison.GENERIC_COUNTS
    comparison.GENERIC_COUNTS = value
    try:
        yield
    finally:
        comparison.GENERIC_COUNTS = saved


def old_rule(by_outlet):
    """The rule before the change: any pair above a plain cosine of 0.25 (of the words
    alone), and percentages or numbers of people as evidence of one fact."""
    with _generic_counts(frozenset()):
        return claims_matrix(by_outlet, threshold=0.25, telling=0.0, meaning=False)


def one_per_outlet(by_outlet):
    """The matrix of comparison report 7: one sentence per outlet in a fact."""
    return claims_matrix(by_outlet, several=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--split", default="all", choices=("dev", "test", "check", "all"))
    parser.add_argument("--errors", type=int, default=8)
    args = parser.parse_args(argv)
    events = load(args.path, args.split)
    print(f"{len(events)} events ({args.split}), pairs of claim sentences from different outlets")
    methods = (
        ("claims matrix (now)", claims_matrix),
        ("one sentence/outlet", one_per_outlet),
        ("old rule", old_rule),
    )
    for name, matrix in methods:
        r = pair_counts(events, matrix)
        print(
            f"{name:<22} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
        if name.endswith("(now)"):
            now = r
    print("\nPut in one row, but different facts:")
    for a, b in now["wrong"][: args.errors]:
        print(f"  {a[:70]!r}\n    ~ {b[:70]!r}")
    print("\nSame fact, left apart:")
    for a, b in now["missed"][: args.errors]:
        print(f"  {a[:70]!r}\n    ~ {b[:70]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
