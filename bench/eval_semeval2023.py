"""Frames against SemEval-2023 Task 3 subtask 2 (English), cross-validated by article.

Only the even-numbered articles are read. They are split into five folds by article;
for each fold the frames model is trained (bench/train_frames.py's ``fit``) on the other
four and the scorer, with that model, labels the fold's articles. Printed: per frame the
precision, recall and F1 of the frames the scorer calls present and the ROC AUC of its
confidence; micro-F1 and mean AUC; beside them two baselines (the five most frequent
frames of the training folds for every article; main's lexicon rule, every frame with at
least 5 % of the cue weight, with the AUC of its per-1,000-words rate) and a few errors
(article number, frames missed and added, the words behind them: no article text).

Intervals (``--draws N``, default 1000, 0 for none): every article is labelled once, by
the model of the folds it was not in; those out-of-fold predictions are pooled, and the
articles resampled (bench/resample.py, the same draws for the scorer and the baselines).
Printed: the 95 % interval of each line's micro-F1 and of the scorer's F1 per frame, and
the share of draws in which the scorer's micro-F1 is above each baseline's. (The folds'
models are not refitted on each draw: the interval is that of the pooled figure over the
articles, not of the training too. The AUCs get no interval.)

    python bench/eval_framing.py --semeval2023 /work/corpora/semeval2023-even [--json] [--draws N]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.train_frames import FOLDS, MODEL_FRAMES, Doc, _folds, fit, load_even

SHARE_RULE = 0.05  # main's rule: a frame with at least this share of the cue weight
EXAMPLES = 6


@dataclass
class FrameCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    scores: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def auc(self) -> float | None:
        return roc_auc(self.scores)


def roc_auc(scores: list[tuple[float, bool]]) -> float | None:
    """The probability that a positive outranks a negative (ties count half)."""
    pos = sorted(s for s, y in scores if y)
    neg = sorted(s for s, y in scores if not y)
    if not pos or not neg:
        return None
    wins = 0.0
    for s in pos:
        # Negatives below s, and half of those equal to it.
        lo = _bisect(neg, s, strict=True)
        hi = _bisect(neg, s, strict=False)
        wins += lo + (hi - lo) / 2
    return wins / (len(pos) * len(neg))


def _bisect(values: list[float], x: float, *, strict: bool) -> int:
    import bisect

    return bisect.bisect_left(values, x) if strict else bisect.bisect_right(values, x)


@dataclass
class Result:
    name: str
    per_frame: dict[str, FrameCounts]
    # Each article's (tp, fp, fn) of every frame in MODEL_FRAMES order, one flat tuple an
    # article, in the order the articles were labelled (for the intervals).
    per_article: list[tuple[int, ...]] = field(default_factory=list)

    @property
    def micro(self) -> tuple[float, float, float]:
        tp = sum(c.tp for c in self.per_frame.values())
        fp = sum(c.fp for c in self.per_frame.values())
        fn = sum(c.fn for c in self.per_frame.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)

    @property
    def mean_auc(self) -> float | None:
        aucs = [c.auc for c in self.per_frame.values() if c.auc is not None]
        return sum(aucs) / len(aucs) if aucs else None


def _count(result: Result, gold: set[str], predicted: set[str], scores: dict[str, float]):
    own: list[int] = []
    for frame in MODEL_FRAMES:
        c = result.per_frame.setdefault(frame, FrameCounts())
        hit = (frame in predicted and frame in gold, frame in predicted, frame in gold)
        own += [int(hit[0]), int(hit[1] and not hit[0]), int(hit[2] and not hit[0])]
        c.tp, c.fp, c.fn = c.tp + own[-3], c.fp + own[-2], c.fn + own[-1]
        if frame in scores:
            c.scores.append((scores[frame], frame in gold))
    result.per_article.append(tuple(own))


def micro_f1(counts: tuple[float, ...]) -> float:
    """Result.micro's F1 from summed per_article tuples."""
    tp, fp, fn = sum(counts[0::3]), sum(counts[1::3]), sum(counts[2::3])
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def frame_f1(frame: str):
    """FrameCounts.f1 of one frame from summed per_article tuples."""
    i = 3 * MODEL_FRAMES.index(frame)
    return lambda counts: micro_f1(counts[i : i + 3])


def intervals(results: list[Result], draws: int) -> dict[str, dict]:
    """95 % intervals over ``draws`` resamplings of the articles (bench/resample.py, the
    same draws for every result): each result's micro-F1 ("f1"); the first's F1 per frame
    (under the frame) and the share of draws its micro-F1 is above each other result's
    ("ahead of <name>")."""
    from bench.resample import document_resamples, interval, share_ahead

    by_frame = [frame_f1(frame) for frame in MODEL_FRAMES]
    # Each result's micro-F1, then each frame's F1, on the same draws.
    drawn = document_resamples(
        {r.name: r.per_article for r in results},
        lambda counts: (micro_f1(counts), *(f1(counts) for f1 in by_frame)),
        draws=draws,
    )
    f1s = {name: [figures[0] for figures in found] for name, found in drawn.items()}
    found = {r.name: {"f1": interval(f1s[r.name])} for r in results}
    ours = results[0]
    for i, frame in enumerate(MODEL_FRAMES, start=1):
        found[ours.name][frame] = interval([figures[i] for figures in drawn[ours.name]])
    for other in results[1:]:
        found[ours.name][f"ahead of {other.name}"] = share_ahead(f1s[ours.name], f1s[other.name])
    return found


def interval_lines(results: list[Result], found: dict[str, dict], draws: int) -> str:
    n = len(results[0].per_article)
    lines = [f"95 % intervals over {draws} resamplings of the {n} articles (out-of-fold, pooled):"]
    for res in results:
        low, high = found[res.name]["f1"]
        lines.append(f"  {res.name}: micro F1 {res.micro[2]:.3f} ({low:.3f}–{high:.3f})")
    ours = found[results[0].name]
    lines.append(
        "  F1 per frame: "
        + "; ".join(
            f"{frame} {results[0].per_frame[frame].f1:.3f} ({ours[frame][0]:.3f}–{ours[frame][1]:.3f})"
            for frame in MODEL_FRAMES
        )
    )
    lines.append(
        "  the scorer's micro F1 above "
        + ", ".join(f"{r.name} in {ours[f'ahead of {r.name}']:.0%}" for r in results[1:])
        + " of draws"
    )
    return "\n".join(lines)


def main_rule(doc: Doc) -> tuple[set[str], dict[str, float]]:
    """main's rule: the lexicon without context rules, frames with >= 5 % of the weight."""
    from analysis.scoring import framing

    weighted: dict[str, float] = {}
    for cue in framing.find_cues(doc.text):
        weighted[cue["frame"]] = weighted.get(cue["frame"], 0.0) + cue["weight"]
    total = sum(weighted.values()) or 1.0
    words = max(doc.words, 1)
    predicted = {f for f, w in weighted.items() if w / total >= SHARE_RULE}
    return predicted, {f: 1000 * weighted.get(f, 0.0) / words for f in MODEL_FRAMES}


def evaluate(docs: list[Doc]) -> tuple[list[Result], list[dict], list[Result]]:
    """Pooled results (ours, the two baselines), errors, and ours fold by fold."""
    from analysis.scoring import framing

    model_result = Result("Newsdesk frames (this scorer, cross-validated)", {})
    top5 = Result("baseline: the 5 most frequent frames for every article", {})
    lexicon = Result("baseline: main's lexicon rule (share >= 5 %; AUC of the rate)", {})
    errors: list[dict] = []
    by_fold: list[Result] = []
    for k, held in enumerate(_folds(len(docs), FOLDS, seed=7)):
        fold = Result(f"fold {k + 1}", {})
        by_fold.append(fold)
        held_set = set(held)
        train = [d for i, d in enumerate(docs) if i not in held_set]
        model = framing.FramesModel.from_json(fit(train))
        freq = {f: sum(f in d.frames for d in train) for f in MODEL_FRAMES}
        common = set(sorted(MODEL_FRAMES, key=lambda f: -freq[f])[:5])
        for i in held:
            doc = docs[i]
            result = framing.score_with(doc.text, model)
            predicted = set(result.values["frames_present"])
            _count(model_result, doc.frames, predicted, result.values["frames"])
            _count(fold, doc.frames, predicted, result.values["frames"])
            _count(top5, doc.frames, common, {f: freq[f] for f in MODEL_FRAMES})
            rule, rates = main_rule(doc)
            _count(lexicon, doc.frames, rule, rates)
            if predicted != doc.frames:
                errors.append(
                    {
                        "article": doc.number,
                        "missed": sorted(doc.frames - predicted),
                        "added": sorted(predicted - doc.frames),
                        "words": result.evidence.get("words", {}),
                        "confidence": result.values["frames"],
                        "size": len(doc.frames ^ predicted),
                    }
                )
    return [model_result, top5, lexicon], errors, by_fold


def fold_spread(by_fold: list[Result]) -> dict[str, tuple[float, float]]:
    """Micro-F1 and mean AUC fold by fold: (mean, standard deviation) across folds."""
    from statistics import fmean, pstdev

    f1s = [fold.micro[2] for fold in by_fold]
    aucs = [fold.mean_auc for fold in by_fold if fold.mean_auc is not None]
    return {"f1": (fmean(f1s), pstdev(f1s)), "auc": (fmean(aucs), pstdev(aucs))}


def report(results: list[Result], errors: list[dict], n: int, by_fold: list[Result]) -> str:
    lines = [
        f"SemEval-2023 Task 3 subtask 2, English, even-numbered articles: {n}, "
        f"{FOLDS}-fold cross-validation by article",
        "",
        f"{'frame':<24}{'P':>7}{'R':>7}{'F1':>7}{'AUC':>7}   {'base F1':>8}{'rule F1':>8}"
        f"{'rule AUC':>9}",
    ]
    for frame in MODEL_FRAMES:
        c, b, r = (res.per_frame[frame] for res in results)
        lines.append(
            f"{frame:<24}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}{_f(c.auc):>7}   "
            f"{b.f1:>8.2f}{r.f1:>8.2f}{_f(r.auc):>9}"
        )
    lines.append("")
    for res in results:
        p, r, f1 = res.micro
        auc = "" if res is results[1] else f"  mean AUC {_f(res.mean_auc)}"
        lines.append(f"{res.name}: micro P {p:.3f} R {r:.3f} F1 {f1:.3f}{auc}")
    spread = fold_spread(by_fold)
    lines.append(
        "fold by fold (each fold's own model): micro-F1 {:.3f} ± {:.3f}, mean AUC {:.3f} ± "
        "{:.3f}".format(*spread["f1"], *spread["auc"])
    )
    lines += ["", "Errors (largest first; article number, frames missed / added):"]
    for e in sorted(errors, key=lambda e: (-e["size"], e["article"]))[:EXAMPLES]:
        added = ", ".join(
            f"{f} ({e['confidence'][f]:.2f}: {' '.join(e['words'].get(f, [])[:3])})"
            for f in e["added"]
        )
        missed = ", ".join(f"{f} ({e['confidence'][f]:.2f})" for f in e["missed"])
        lines.append(f"  article {e['article']}: missed {missed or '-'}; added {added or '-'}")
    return "\n".join(lines)


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def as_json(
    results: list[Result], n: int, by_fold: list[Result], found: dict | None = None
) -> dict:
    ours, top5, rule = results
    out = {
        "n": n,
        "micro": dict(zip(("precision", "recall", "f1"), ours.micro, strict=True)),
        "mean_auc": ours.mean_auc,
        "folds": {
            key: {"mean": mean, "sd": sd} for key, (mean, sd) in fold_spread(by_fold).items()
        },
        "per_frame": {
            f: {
                "precision": c.precision,
                "recall": c.recall,
                "f1": c.f1,
                "auc": c.auc,
                "support": c.tp + c.fn,
            }
            for f, c in ours.per_frame.items()
        },
        "baselines": {
            "top5": dict(zip(("precision", "recall", "f1"), top5.micro, strict=True)),
            "main_rule": dict(zip(("precision", "recall", "f1"), rule.micro, strict=True))
            | {"mean_auc": rule.mean_auc},
        },
    }
    if found:
        out["intervals"] = {
            "f1": found[ours.name]["f1"],
            "per_frame_f1": {f: found[ours.name][f] for f in MODEL_FRAMES},
            "baselines_f1": {"top5": found[top5.name]["f1"], "main_rule": found[rule.name]["f1"]},
            "ahead": {
                "top5": found[ours.name][f"ahead of {top5.name}"],
                "main_rule": found[ours.name][f"ahead of {rule.name}"],
            },
        }
    return out


def run(path: Path, *, as_json_output: bool = False, draws: int = 0) -> None:
    docs = load_even(path)
    results, errors, by_fold = evaluate(docs)
    print(report(results, errors, len(docs), by_fold))
    found = intervals(results, draws) if draws else None
    if found:
        print()
        print(interval_lines(results, found, draws))
    if as_json_output:
        json.dump(as_json(results, len(docs), by_fold, found), sys.stdout, indent=1)
        print()
