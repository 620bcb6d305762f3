"""Whether the attribution scorer tells anonymous sources from named ones, against source
types labelled by hand on PolNeAR's gold sources.

Run: python bench/eval_source_types.py /path/to/PolNeAR [--split dev]
     [--labels bench/data/polnear_source_types.tsv] [--labeller L6,L7,L9,L10] [--errors 8] [--draws N]

PolNeAR (docs/corpora/polnear.md) marks each attribution's source words; their type (a
named person, an organisation, unnamed people, a generic group, a document...) was
labelled here, by two labellers working alone from the codebook in
docs/corpora/polnear-source-types.md. The labels file holds no corpus text: split, a digest
of the article's file name, the source's character offsets, the label and the labeller. Where both labellers labelled
a source, the first one listed is the figure's; the two are compared for agreement.

Newsdesk's attributions are matched with the gold ones as bench/eval_attribution.py does
(content spans sharing half of the shorter). Over the matched pairs whose label is a type
(not ``unclear`` or ``self``):

- anonymous: the scorer's ``anonymous`` type against ``unnamed`` and ``group`` (nobody
  named: what the anonymous-source share counts), and against ``unnamed`` alone;
- the scorer's four types (named person, named organisation, anonymous, unresolved) against
  the labels, as a table.

Per outlet (PolNeAR's seven publishers), the share the outlet report shows, the mean over
the outlet's articles of the share of attributions that are anonymous, beside the same
mean taken from the labels (each article's labelled gold attributions), and whether each
pair of outlets is ordered the same way by both.

Baseline: a speaker is anonymous when the words the scorer took as the speaker hold no
capital letter and are not a pronoun ("officials", "a source"), or when there are none
("reportedly"); the same spans as the scorer's, typed by that one rule.

Never pass "test": PolNeAR's test split is held out (the script refuses it).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_attribution import Article, counted, load, match, prf, snippet  # noqa: E402
from bench.source_type_items import REFERRING, article_key  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "polnear_source_types.tsv"
TYPES = ("person", "org", "unnamed", "group", "document")
ANONYMOUS = frozenset(("unnamed", "group"))
# The scorer's types: since attribution 24 nobody named is an anonymous source proper
# ("anonymous", against the label "unnamed") or a generic group ("group", against "group").
STRICT = frozenset(("anonymous",))
NOBODY = frozenset(("anonymous", "group"))
SPEAKER_TYPES = ("named_person", "named_org", "anonymous", "group", "unresolved")
# What each figure compares: its name, the scorer's types, the labels.
FIGURES = (
    ("anonymous sources (the anonymous share) against unnamed", STRICT, frozenset(("unnamed",))),
    (
        "generic groups (the group share) against group",
        frozenset(("group",)),
        frozenset(("group",)),
    ),
    ("nobody named (both) against unnamed or group", NOBODY, ANONYMOUS),
)


def source_key(source: list[tuple[int, int]]) -> str:
    return "+".join(f"{s}-{e}" for s, e in source)


def read_labels(path: Path) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """(split, article, source offsets) -> [(label, labeller)...], in the file's order."""
    labels: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#") or n == 0 and line.startswith("split\t"):
            continue
        split, article, source, label, labeller = line.split("\t")
        labels[(split, article, source)].append((label, labeller))
    return labels


def baseline_type(text: str, attribution: dict) -> str:
    """The one-rule typing: no speaker words, or speaker words with no capital letter that
    are not a pronoun, are nobody named: a generic group if their last word is a plural
    in -s ("critics"), else an anonymous source ("a source"); the rest named."""
    start = attribution.get("speaker_start")
    if start is None:
        return "anonymous"
    words = text[start : attribution["speaker_end"]].strip(" ,.’'\"")
    if words.lower() in REFERRING:
        return "unresolved"
    if any(ch.isupper() for ch in words):
        return "named_person"
    return "group" if words.split()[-1].endswith("s") else "anonymous"


@dataclass
class Counts:
    """One method's counts over some articles."""

    pairs: Counter = field(default_factory=Counter)  # (scorer type, label) -> n
    errors: list = field(default_factory=list)

    def found(self, gold: frozenset[str], types: frozenset[str] = STRICT) -> tuple[int, int, int]:
        """True positives, predicted, gold: the scorer's ``types`` against the labels
        ``gold``, over typed pairs."""
        tp = sum(n for (t, g), n in self.pairs.items() if t in types and g in gold)
        predicted = sum(n for (t, _), n in self.pairs.items() if t in types)
        actual = sum(n for (_, g), n in self.pairs.items() if g in gold)
        return tp, predicted, actual


@dataclass
class ArticleResult:
    outlet: str
    ours: Counts
    base: Counts
    # The scorer's shares as stored for the article, and the labelled gold attributions'
    # shares: (anonymous sources, generic groups), None without any.
    share_ours: tuple[float, float] | None
    share_gold: tuple[float, float] | None


def evaluate_article(art: Article, split: str, labels) -> ArticleResult:
    from analysis.scoring.attribution import score_attribution

    text = art.text
    attributions = score_attribution(text).evidence["attributions"]
    gold_label = []
    for g in art.golds:
        key = (split, article_key(art.name), source_key(g.source))
        found = labels.get(key) if g.source else None
        gold_label.append(found[0][0] if found else None)
    preds = [counted(text, [(a["content_start"], a["content_end"])]) for a in attributions]
    used_p, _ = match(preds, [counted(text, g.content) for g in art.golds])
    ours, base = Counts(), Counts()
    for i, j in used_p.items():
        label = gold_label[j]
        if label not in TYPES:
            continue
        a = attributions[i]
        mine, rule = a["speaker_type"], baseline_type(text, a)
        ours.pairs[(mine, label)] += 1
        base.pairs[(rule, label)] += 1
        wrong = mine != "unresolved" and (
            (mine == "anonymous") != (label == "unnamed") or (mine == "group") != (label == "group")
        )
        if wrong and len(ours.errors) < 20:
            s = art.golds[j].source[0][0]
            ours.errors.append(f"{label:8} got {mine:13} {snippet(text, s, 5)!r}")
    typed = [label for label in gold_label if label in TYPES]
    return ArticleResult(
        outlet=art.name.split("_", 1)[0],
        ours=ours,
        base=base,
        share_ours=_shares([a["speaker_type"] for a in attributions], "anonymous", "group"),
        share_gold=_shares(typed, "unnamed", "group"),
    )


def _shares(types: list[str], anonymous: str, group: str) -> tuple[float, float] | None:
    if not types:
        return None
    return types.count(anonymous) / len(types), types.count(group) / len(types)


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellers' labels on the same items."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(labels) -> None:
    """How far each pair of labellers agree, on the sources both labelled."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for found in labels.values():
        first = {}
        for label, labeller in found:
            first.setdefault(labeller, label)
        names = sorted(first)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                pairs[(a, b)].append((first[a], first[b]))
    if not pairs:
        print("agreement: no source was labelled by two labellers")
        return
    for (a, b), both in sorted(pairs.items()):
        binary = [(x in ANONYMOUS, y in ANONYMOUS) for x, y in both]
        print(
            f"agreement of {a} and {b} on the {len(both)} sources both labelled: "
            f"{sum(x == y for x, y in both) / len(both):.3f} the same label, kappa "
            f"{kappa(both):.3f}; anonymous or not {sum(x == y for x, y in binary) / len(binary):.3f}, "
            f"kappa {kappa(binary):.3f}"
        )
        differ = Counter((x, y) for x, y in both if x != y)
        if differ:
            print(
                "  where they differ: "
                + ", ".join(f"{x}/{y} {n}" for (x, y), n in differ.most_common(8))
            )


def fmt_prf(tp: float, predicted: float, actual: float) -> str:
    p, r, f = prf(tp, actual, tp, predicted)
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({int(tp)} of {int(predicted)} found, {int(actual)} labelled)"


def report(results: list[ArticleResult], draws: int) -> None:
    ours, base = Counts(), Counts()
    for r in results:
        ours.pairs.update(r.ours.pairs)
        base.pairs.update(r.base.pairs)
    typed = sum(ours.pairs.values())
    print(f"\n{len(results)} articles, {typed} matched attributions whose source has a type")
    for name, types, gold in FIGURES:
        print(f"{name}:")
        print(f"  scorer   {fmt_prf(*ours.found(gold, types))}")
        print(f"  baseline {fmt_prf(*base.found(gold, types))}")
        if types == STRICT:
            print(
                "  the scorer's nobody named all counted anonymous (as attribution 23's share "
                "counted): " + fmt_prf(*ours.found(gold, NOBODY))
            )
        everything = sum(n for (_, g), n in ours.pairs.items() if g in gold)
        print(f"  every attribution so typed: {fmt_prf(everything, typed, everything)}")
        if draws:
            from bench.resample import document_resamples, interval, share_ahead

            rows = {
                "scorer": [r.ours.found(gold, types) for r in results],
                "baseline": [r.base.found(gold, types) for r in results],
            }
            f1s = document_resamples(rows, lambda c: prf(c[0], c[2], c[0], c[1])[2], draws=draws)
            (low, high), (b_low, b_high) = interval(f1s["scorer"]), interval(f1s["baseline"])
            print(
                f"  F1, 95 % interval over {draws} resamplings of the articles: "
                f"{low:.3f}–{high:.3f} (baseline {b_low:.3f}–{b_high:.3f}; the scorer higher "
                f"in {share_ahead(f1s['scorer'], f1s['baseline']):.0%} of draws)"
            )
    print("\nthe scorer's type (rows) by label (columns):")
    print(f"  {'':14}" + "".join(f"{t:>10}" for t in TYPES))
    for t in SPEAKER_TYPES:
        print(f"  {t:14}" + "".join(f"{ours.pairs[(t, g)]:>10}" for g in TYPES))
    by_outlet: dict[str, list[ArticleResult]] = defaultdict(list)
    for r in results:
        by_outlet[r.outlet].append(r)
    for k, what in enumerate(("anonymous share (unnamed)", "group share (group)")):
        print(f"\n{what} per outlet (mean over its articles, as the outlet report shows):")
        mine = _outlet_means(by_outlet, "share_ours", k)
        gold = _outlet_means(by_outlet, "share_gold", k)
        for outlet, rs in sorted(by_outlet.items()):
            print(
                f"  {outlet:14} scorer {mine[outlet]:.3f}   labels {gold[outlet]:.3f}"
                f"   ({len(rs)} articles)"
            )
        same, total = _ordered_alike(mine, gold)
        print(
            f"  pairs of outlets ordered the same way by the scorer and the labels: {same} of {total}"
        )
        if draws:
            # How well the articles at hand can order the outlets at all: the labels'
            # own means on two resamplings of each outlet's articles, pair by pair.
            rng = random.Random(0)
            alike = sorted(
                _ordered_alike(
                    _outlet_means(_resampled(by_outlet, rng), "share_gold", k),
                    _outlet_means(_resampled(by_outlet, rng), "share_gold", k),
                )[0]
                for _ in range(draws)
            )
            low, mid, high = (alike[int(q * (draws - 1))] for q in (0.05, 0.5, 0.95))
            print(
                f"  the labels against themselves, on two resamplings of each outlet's "
                f"articles: {mid} of {total} (5-95 %: {low}-{high}), what this many articles "
                "can tell"
            )


def _outlet_means(by_outlet: dict, field: str, k: int) -> dict[str, float]:
    """Each outlet's mean share (k: 0 anonymous, 1 group) over its articles that have one."""
    means = {}
    for outlet, rs in by_outlet.items():
        values = [getattr(r, field)[k] for r in rs if getattr(r, field) is not None]
        means[outlet] = sum(values) / len(values) if values else 0.0
    return means


def _ordered_alike(a: dict[str, float], b: dict[str, float]) -> tuple[int, int]:
    """How many pairs of outlets the two sets of means order the same way, of how many."""
    names = sorted(a)
    same = total = 0
    for i, x in enumerate(names):
        for y in names[i + 1 :]:
            total += 1
            same += (a[x] - a[y]) * (b[x] - b[y]) > 0
    return same, total


def _resampled(by_outlet: dict, rng: random.Random) -> dict[str, list]:
    """Each outlet's articles drawn again with replacement, as many as it has."""
    return {o: [rs[rng.randrange(len(rs))] for _ in rs] for o, rs in by_outlet.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--errors", type=int, default=8)
    parser.add_argument(
        "--labeller",
        help="only the articles these labellers labelled (comma-separated), by their "
        "labels: L6,L7,L9,L10 are the check samples, labelled while attributions 25 and 26 "
        "were written and scored once after",
    )
    from bench.resample import add_draws_option

    add_draws_option(parser, "articles")
    args = parser.parse_args(argv)
    splits = [s for s in args.split.split(",") if s]
    if "test" in splits:
        parser.error("the test split is held out: evaluate on train and dev only")
    labels = read_labels(args.labels)
    agreement(labels)
    if args.labeller:
        chosen = set(args.labeller.split(","))
        labels = {
            key: mine
            for key, found in labels.items()
            if (mine := [x for x in found if x[1] in chosen])
        }
    results = []
    for split in splits:
        labelled = {article for (s, article, _) in labels if s == split}
        articles = [a for a in load(args.corpus, [split]) if article_key(a.name) in labelled]
        for art in articles:
            results.append(evaluate_article(art, split, labels))
    report(results, args.draws)
    print("\nerrors (label, then the scorer's type, then the source's first words):")
    for line in [line for r in results for line in r.ours.errors][: args.errors]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.exit(main())
