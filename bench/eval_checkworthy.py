"""The claims scorer's "check-worthy" sentences against the ClaimBuster coders' labels.

Run: python bench/eval_checkworthy.py PATH [--half all|even|odd] [--errors 10] [--draws N]

PATH is the ClaimBuster training file as redistributed in
github.com/utaresearch/claimbuster-spotter, ``data/two_class/train.json``: a JSON list of
``{"sentence_id", "label", "text"}``, one sentence of a US presidential debate (1960–2016)
each, label 1 where the coders judged it a check-worthy factual sentence (CFS) and 0 where
they judged it non-factual or an unimportant fact. The companion ``test.json`` is held out
for an independent check: the script refuses a file of that name. See
docs/corpora/claimbuster.md for the corpus terms.

Each sentence is scored alone, as a one-sentence article (no headline, no neighbours): a
sentence is predicted check-worthy when the claims scorer finds a claim in it. Printed:
precision, recall and F1 of that prediction with 95 % intervals over resampled sentences,
beside two simple baselines (every sentence holding a number the scorer reads; every
sentence), the share of the scorer's claims of each kind (number, dated event, event) that
the coders call check-worthy, and examples of both kinds of error (to read on the
terminal, never to commit: the sentences are the corpus's).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.scoring import get_scorer  # noqa: E402
from analysis.scoring.claims import scan  # noqa: E402

HELD_OUT = "test.json"


def load(path: Path, half: str = "all") -> list[dict]:
    """The file's sentences with text; ``half`` "even" or "odd" keeps those whose
    sentence_id is (the even half chooses rules, the odd half checks them)."""
    if path.name == HELD_OUT:
        raise SystemExit(f"{path}: the test part is held out for an independent check")
    rows = json.loads(path.read_text(encoding="utf-8"))
    parity = {"even": 0, "odd": 1}.get(half)
    return [
        r
        for r in rows
        if str(r.get("text", "")).strip() and (parity is None or r["sentence_id"] % 2 == parity)
    ]


def predictions(rows: list[dict]) -> dict[str, list[tuple[bool, str]]]:
    """For each method, per sentence: predicted check-worthy, and why (the scorer's reason)."""
    claims = get_scorer("claims")
    found: dict[str, list[tuple[bool, str]]] = {"Newsdesk": [], "a number": [], "every": []}
    for row in rows:
        text = row["text"]
        result = claims(text, "en")
        reasons = [c["reason"] for c in result.evidence["claims"]]
        # Of several claims in one row (the splitter may cut it), the strongest reason.
        reason = next((r for r in ("number", "dated event", "event") if r in reasons), "")
        found["Newsdesk"].append((bool(reasons), reason))
        found["a number"].append((bool(scan(text)[0]), "number"))
        found["every"].append((True, ""))
    return found


def counts(gold: list[bool], guessed: list[tuple[bool, str]]) -> list[tuple[int, int, int]]:
    """Per sentence: (true positive, gold positive, predicted positive)."""
    return [(int(g and p), int(g), int(p)) for g, (p, _) in zip(gold, guessed, strict=True)]


def prf(summed: tuple[float, ...]) -> tuple[float, float, float]:
    tp, gold, guessed = summed[:3]
    precision = tp / guessed if guessed else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    from bench.resample import add_draws_option, document_resamples, interval, share_ahead

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="data/two_class/train.json")
    parser.add_argument("--errors", type=int, default=10, help="examples of each error")
    parser.add_argument(
        "--half",
        choices=("all", "even", "odd"),
        default="all",
        help="sentences by the parity of their id: rules are chosen on the even half",
    )
    add_draws_option(parser, "sentences")
    args = parser.parse_args()

    rows = load(args.path, args.half)
    gold = [bool(r["label"]) for r in rows]
    found = predictions(rows)
    per_sentence = {name: counts(gold, guessed) for name, guessed in found.items()}
    print(
        f"{args.path}: {len(rows)} sentences, {sum(gold)} check-worthy ({sum(gold) / len(rows):.1%})"
    )
    draws = document_resamples(per_sentence, prf, draws=args.draws) if args.draws else {}
    for name, rows_counts in per_sentence.items():
        summed = tuple(sum(c[i] for c in rows_counts) for i in range(3))
        precision, recall, f1 = prf(summed)
        line = f"  {name:<10} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        if draws:
            f1s = [f for _, _, f in draws[name]]
            low, high = interval(f1s)
            p_low, p_high = interval([p for p, _, _ in draws[name]])
            r_low, r_high = interval([r for _, r, _ in draws[name]])
            line += (
                f" (95 % interval F1 {low:.3f}–{high:.3f}, P {p_low:.3f}–{p_high:.3f},"
                f" R {r_low:.3f}–{r_high:.3f})"
            )
            if name != "Newsdesk":
                ahead = share_ahead([f for _, _, f in draws["Newsdesk"]], f1s)
                line += f"; Newsdesk ahead in {ahead:.0%} of draws"
        print(line)

    print("  of the scorer's claims, by reason: check-worthy to the coders / claimed")
    by_reason: Counter[tuple[str, bool]] = Counter()
    for g, (p, reason) in zip(gold, found["Newsdesk"], strict=True):
        if p:
            by_reason[(reason, g)] += 1
    for reason in ("number", "dated event", "event"):
        right, wrong = by_reason[(reason, True)], by_reason[(reason, False)]
        if right + wrong:
            print(f"    {reason:<12} {right} / {right + wrong} ({right / (right + wrong):.1%})")

    if args.errors:
        missed = [
            r for r, g, (p, _) in zip(rows, gold, found["Newsdesk"], strict=True) if g and not p
        ]
        extra = [
            r for r, g, (p, _) in zip(rows, gold, found["Newsdesk"], strict=True) if p and not g
        ]
        print(f"  missed (check-worthy, no claim found), first {args.errors} of {len(missed)}:")
        for r in missed[: args.errors]:
            print(f"    [{r['sentence_id']}] {r['text'][:160]}")
        print(f"  claimed but not check-worthy, first {args.errors} of {len(extra)}:")
        for r in extra[: args.errors]:
            print(f"    [{r['sentence_id']}] {r['text'][:160]}")


if __name__ == "__main__":
    main()
