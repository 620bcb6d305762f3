"""Cue-level evaluation of the framing (and, when present, persuasion) scorers.

A sentence "has" a frame when any cue of that frame matches in it (and a persuasion
family when any cue of that family does). Compared with hand labels, per label: TP, FP,
FN, precision, recall and F1, then micro and macro averages.
Run: .venv/bin/python bench/eval_framing.py
     .venv/bin/python bench/eval_framing.py --ptc PATH [--semeval2023 PATH] [--draws N]   (persuasion
     against the SemEval-2020 Task 11 propaganda corpus, even half, and with --semeval2023
     also SemEval-2023 Task 3's even subtask-3 articles that are no PTC article; see
     bench/eval_ptc.py)
     .venv/bin/python bench/eval_framing.py --semeval2023 PATH [--draws N]   (frames:
     bench/eval_semeval2023.py)
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRAMES_SET = ROOT / "bench" / "data" / "eval_frames.jsonl"
PERSUASION_SET = ROOT / "bench" / "data" / "eval_persuasion.jsonl"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    per_label: dict[str, Counts]
    micro: Counts
    macro_precision: float
    macro_recall: float
    macro_f1: float
    sentences: int


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(
    items: Iterable[dict],
    gold_key: str,
    predict: Callable[[str], set[str]],
    labels: Iterable[str] = (),
) -> Report:
    """Compare predict(text) with item[gold_key] for every item; labels fixes the rows."""
    per_label: dict[str, Counts] = {label: Counts() for label in labels}
    n = 0
    for item in items:
        n += 1
        gold, predicted = set(item[gold_key]), predict(item["text"])
        for label in gold | predicted:
            counts = per_label.setdefault(label, Counts())
            if label in gold and label in predicted:
                counts.tp += 1
            elif label in predicted:
                counts.fp += 1
            else:
                counts.fn += 1
    micro = Counts(
        tp=sum(c.tp for c in per_label.values()),
        fp=sum(c.fp for c in per_label.values()),
        fn=sum(c.fn for c in per_label.values()),
    )
    k = len(per_label) or 1
    return Report(
        per_label=per_label,
        micro=micro,
        macro_precision=sum(c.precision for c in per_label.values()) / k,
        macro_recall=sum(c.recall for c in per_label.values()) / k,
        macro_f1=sum(c.f1 for c in per_label.values()) / k,
        sentences=n,
    )


def labels_from_cues(scorer: Callable, key: str) -> Callable[[str], set[str]]:
    return lambda text: {cue[key] for cue in scorer(text).evidence.get("cues", [])}


def registered_scorer(name: str):
    """The scorer registered as name by its own module, or None.

    Imports that one module instead of the whole package, so that a sibling module that
    fails to import cannot stop this evaluation.
    """
    from analysis import scoring

    try:
        importlib.import_module(f"analysis.scoring.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"analysis.scoring.{name}":
            raise
        return None
    return scoring._REGISTRY.get(name)


def evaluate_framing(path: Path = FRAMES_SET) -> Report:
    from analysis.scoring.framing import FRAMES

    scorer = registered_scorer("framing")
    return evaluate(load(path), "frames", labels_from_cues(scorer, "frame"), FRAMES)


def table(title: str, report: Report) -> str:
    width = max([len("macro average"), *map(len, report.per_label)]) + 2
    head = f"{'':<{width}}{'TP':>5}{'FP':>5}{'FN':>5}{'prec':>8}{'recall':>8}{'F1':>8}"
    lines = [f"{title} ({report.sentences} sentences)", head, "-" * len(head)]
    for label, c in report.per_label.items():
        lines.append(
            f"{label:<{width}}{c.tp:>5}{c.fp:>5}{c.fn:>5}"
            f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
        )
    m = report.micro
    lines.append("-" * len(head))
    lines.append(
        f"{'micro average':<{width}}{m.tp:>5}{m.fp:>5}{m.fn:>5}"
        f"{m.precision:>8.3f}{m.recall:>8.3f}{m.f1:>8.3f}"
    )
    lines.append(
        f"{'macro average':<{width}}{'':>15}"
        f"{report.macro_precision:>8.3f}{report.macro_recall:>8.3f}{report.macro_f1:>8.3f}"
    )
    return "\n".join(lines)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    if "--ptc" in sys.argv[1:]:
        from bench import eval_ptc

        args = sys.argv[1:]
        path = args[args.index("--ptc") + 1] if args.index("--ptc") + 1 < len(args) else ""
        if not path:
            raise SystemExit("--ptc needs the corpus path")
        rest = args[args.index("--ptc") + 2 :]
        eval_ptc.main([path, *rest])
        return
    if "--semeval2023" in sys.argv:
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("--semeval2023", type=Path, required=True)
        parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
        from bench.resample import add_draws_option

        add_draws_option(parser, "articles")
        args, _ = parser.parse_known_args()
        from bench.eval_semeval2023 import run

        run(args.semeval2023, as_json_output=args.json, draws=args.draws)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()

    print(table("framing", evaluate_framing()))
    persuasion = registered_scorer("persuasion")
    if PERSUASION_SET.exists() and persuasion is not None:
        # The written set checks the word lists' matching: findings and hints alike.
        def families(text: str) -> set[str]:
            evidence = persuasion(text).evidence
            return {c["family"] for c in evidence["cues"] + evidence.get("hints", [])}

        report = evaluate(load(PERSUASION_SET), "families", families)
        print()
        print(table("persuasion cues, findings and hints", report))
    else:
        missing = "eval set" if not PERSUASION_SET.exists() else "registered scorer"
        print(f"\npersuasion: skipped (no {missing} yet)")


if __name__ == "__main__":
    main()
