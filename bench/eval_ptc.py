"""Persuasion cues against the SemEval-2020 Task 11 propaganda corpus (PTC), even half only.

Run: .venv/bin/python bench/eval_framing.py --ptc PATH   (or bench/eval_ptc.py PATH)
PATH holds ``train-articles/`` and ``train-labels-task2-technique-classification/`` (the
corpus's ``datasets/`` folder, or a copy of its even half). Articles whose number is odd
are the held-out independent check: their files are never opened.

The even half is split by article number: number // 2 % 3 == 0 is the development part,
the rest the training part that bench/train_persuasion.py learns from. Figures are
printed for both, development first.

The measure is the task's own span measure with partial credit (Da San Martino et al.
2019, "Fine-Grained Analysis of Propaganda in News Articles", section 4): for a technique,
each predicted span s earns |s ∩ G| / |s| of precision and each gold span t earns
|t ∩ P| / |t| of recall, where G and P are the union of the gold and of the predicted
spans of that same technique in the article. A cue as wide as a sentence around a
three-word gold span therefore earns a fraction of a point of precision, and one word
inside a long gold span a fraction of a point of recall. Precision = credit / number of
predicted spans, recall = credit / number of gold spans, summed over articles; micro
figures sum the credits and counts of the six techniques. (Using the union rather than
the sum over gold spans caps a span's credit at 1 where gold spans overlap.)

Newsdesk families map to the corpus's techniques: exaggeration and minimisation are both
"Exaggeration,Minimisation"; hedges and intensifiers have no technique and are measured
against any propaganda span (to decide whether they are findings or hints).

With --semeval2023 PATH (SemEval-2023 Task 3's English data/en/ folder), the same tables
for its even-numbered articles that are no PTC article (PTC's SemEval-2020 development
articles, labelled there): a second, smaller measurement.

Printed beside the scorer: the hand-written lexicon with every cue kept (its cues and
phrase rules, no learned weights and no promoted candidates) and a trivial baseline (every sentence with an exclamation
mark or an intensifier, as loaded language); the per-article Spearman correlation of cue
rates with the annotators' span rates (per 1,000 words); a few error examples, cut to a
few words.

Intervals (``--draws N``, default 1000, 0 for none): each column's micro F1, and the
scorer's micro precision and recall and its F1 per technique, as 95 % intervals over N
resamplings of the part's articles (bench/resample.py: an article is drawn with all its
spans, every column on the same draws), and the share of draws in which the findings'
micro F1 is above each other column's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TECHNIQUES = (
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Exaggeration,Minimisation",
    "Doubt",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
)
FAMILY_TECHNIQUE = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "exaggeration": "Exaggeration,Minimisation",
    "minimisation": "Exaggeration,Minimisation",
    "doubt": "Doubt",
    "appeal_to_fear": "Appeal_to_fear-prejudice",
    "flag_waving": "Flag-Waving",
}
TECHNIQUE_FAMILIES: dict[str, list[str]] = defaultdict(list)
for _family, _technique in FAMILY_TECHNIQUE.items():
    TECHNIQUE_FAMILIES[_technique].append(_family)
ANY = "any propaganda"  # the union of all 14 techniques' spans, for hedges and intensifiers
UNMAPPED_FAMILIES = ("hedges", "intensifiers")

_ARTICLE_FILE = re.compile(r"article(\d+)\.txt$")

Span = tuple[int, int]


@dataclass
class Article:
    number: int
    text: str
    gold: dict[str, list[Span]]  # technique (and ANY) -> spans

    @property
    def words(self) -> int:
        return len(self.text.split())


# --- The corpus -------------------------------------------------------------------------


def _folder(path: Path, name: str) -> Path:
    for candidate in (path / name, path / "datasets" / name, path / "data" / "en" / name):
        if candidate.is_dir():
            return candidate
    raise SystemExit(f"{path}: no {name}/ folder (give the corpus's datasets/ folder)")


def is_even(number: int) -> bool:
    return number % 2 == 0


def part_of(number: int) -> str:
    """'dev' or 'train' for an even article number."""
    return "dev" if number // 2 % 3 == 0 else "train"


def load_even(path: Path) -> list[Article]:
    """The even-numbered training articles with their technique spans; odd ones unopened."""
    return _read_even(
        path,
        "train-articles",
        "train-labels-task2-technique-classification",
        "article{}.task2-TC.labels",
        technique=lambda name: name,
    )


# SemEval-2023 Task 3 (English, subtask 3) names the same techniques in its newer taxonomy.
SEMEVAL2023_TECHNIQUE = {
    "Loaded_Language": "Loaded_Language",
    "Name_Calling-Labeling": "Name_Calling,Labeling",
    "Exaggeration-Minimisation": "Exaggeration,Minimisation",
    "Doubt": "Doubt",
    "Appeal_to_Fear-Prejudice": "Appeal_to_fear-prejudice",
    "Flag_Waving": "Flag-Waving",
}


def load_semeval2023_even(path: Path) -> list[Article]:
    """SemEval-2023 Task 3's English subtask-3 training articles whose number is even, with
    their technique spans under PTC's names (every technique's spans also under ANY); the
    odd ones are not opened. PATH holds ``train-articles-subtask-3/`` and
    ``train-labels-subtask-3-spans/`` (the repository's ``data/en/`` or a copy of its even
    half)."""
    return _read_even(
        path,
        "train-articles-subtask-3",
        "train-labels-subtask-3-spans",
        "article{}-labels-subtask-3.txt",
        technique=SEMEVAL2023_TECHNIQUE.get,
    )


def _read_even(
    path: Path, articles_name: str, labels_name: str, labels_file: str, *, technique
) -> list[Article]:
    """The even-numbered articles of a folder and their spans, from label lines
    "number<TAB>technique<TAB>start<TAB>end"; technique(name) gives PTC's name of a
    technique, or None for one not compared (its span still counts under ANY)."""
    articles_dir = _folder(path, articles_name)
    labels_dir = _folder(path, labels_name)
    articles = []
    for file in sorted(articles_dir.iterdir()):
        match = _ARTICLE_FILE.search(file.name)
        if not match or not is_even(int(match.group(1))):
            continue  # the odd half is held out: not even read
        number = int(match.group(1))
        text = file.read_text(encoding="utf-8", errors="replace")
        gold: dict[str, list[Span]] = defaultdict(list)
        labels = labels_dir / labels_file.format(number)
        if labels.exists():
            for line in labels.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) != 4:
                    continue
                span = (int(parts[2]), int(parts[3]))
                name = technique(parts[1])
                if name is not None:
                    gold[name].append(span)
                gold[ANY].append(span)
        articles.append(Article(number, text, dict(gold)))
    if not articles:
        raise SystemExit(f"{path}: no even-numbered articles found")
    return articles


def _folded(text: str) -> str:
    return " ".join(text.split())


def semeval2023_extra(
    semeval: list[Article], ptc_even: list[Article]
) -> tuple[list[Article], dict[str, int]]:
    """The SemEval-2023 articles that are no article of PTC's even half, and a count of
    those left out: an article is the same when its number or its text (whitespace
    folded: SemEval-2023 joins PTC's sentence lines into paragraphs) is."""
    part = {a.number: part_of(a.number) for a in ptc_even}
    by_text = {_folded(a.text): part_of(a.number) for a in ptc_even}
    extra, counts = [], {"PTC training part": 0, "PTC development part": 0, "new": 0}
    for article in semeval:
        found = part.get(article.number) or by_text.get(_folded(article.text))
        if found is None:
            extra.append(article)
            counts["new"] += 1
        else:
            counts["PTC training part" if found == "train" else "PTC development part"] += 1
    return extra, counts


def split(articles: Iterable[Article]) -> dict[str, list[Article]]:
    parts: dict[str, list[Article]] = {"train": [], "dev": []}
    for article in articles:
        parts[part_of(article.number)].append(article)
    return parts


# --- The measure ------------------------------------------------------------------------


def merged(spans: Iterable[Span]) -> list[Span]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def overlap(span: Span, union: list[Span]) -> int:
    """Characters of span inside a sorted, merged list of spans."""
    start, end = span
    total = 0
    for s, e in union:
        if s >= end:
            break
        if e > start:
            total += min(e, end) - max(s, start)
    return total


@dataclass
class Credit:
    precision_credit: float = 0.0
    predicted: int = 0
    recall_credit: float = 0.0
    gold: int = 0

    def add(self, other: Credit) -> None:
        self.precision_credit += other.precision_credit
        self.predicted += other.predicted
        self.recall_credit += other.recall_credit
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.precision_credit / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.recall_credit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def span_credit(predicted: list[Span], gold: list[Span]) -> Credit:
    gold_union, predicted_union = merged(gold), merged(predicted)
    return Credit(
        precision_credit=sum(
            overlap(s, gold_union) / (s[1] - s[0]) for s in predicted if s[1] > s[0]
        ),
        predicted=len(predicted),
        recall_credit=sum(overlap(t, predicted_union) / (t[1] - t[0]) for t in gold if t[1] > t[0]),
        gold=len(gold),
    )


# A prediction: (start, end, technique or family, confidence).
Prediction = tuple[int, int, str]
Predictor = Callable[[str], list[Prediction]]


@dataclass
class Result:
    per_label: dict[str, Credit] = field(default_factory=dict)
    micro: Credit = field(default_factory=Credit)
    article_rates: list[tuple[float, float]] = field(default_factory=list)  # (ours, gold)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, label, words)
    # Each article's credit per label and under MICRO, in the articles' order (intervals).
    per_article: list[dict[str, Credit]] = field(default_factory=list)


MICRO = "micro (six techniques)"


def _few_words(text: str, start: int, end: int, limit: int = 5) -> str:
    words = text[start:end].split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def evaluate(
    articles: list[Article],
    predict: Predictor,
    labels: Iterable[str] = TECHNIQUES,
    errors: int = 0,
) -> Result:
    """Span credit per label over the articles; predictions of other labels are ignored."""
    labels = tuple(labels)
    result = Result(per_label={label: Credit() for label in labels})
    for article in articles:
        by_label: dict[str, list[Span]] = defaultdict(list)
        for start, end, label in predict(article.text):
            by_label[label].append((start, end))
        headline = 0
        own: dict[str, Credit] = {MICRO: Credit()}
        for label in labels:
            gold_key = ANY if label.startswith(ANY) else label
            predicted, gold = by_label.get(label, []), article.gold.get(gold_key, [])
            credit = span_credit(predicted, gold)
            own[label] = credit
            result.per_label[label].add(credit)
            if label in TECHNIQUES:
                result.micro.add(credit)
                own[MICRO].add(credit)
                headline += len(predicted)
            if len(result.errors) < errors:
                _collect_errors(result, article, label, predicted, gold, errors)
        result.per_article.append(own)
        gold_count = sum(
            len(article.gold.get(label, [])) for label in labels if label in TECHNIQUES
        )
        per_1000 = 1000 / max(article.words, 1)
        result.article_rates.append((headline * per_1000, gold_count * per_1000))
    return result


def _collect_errors(result, article, label, predicted, gold, limit) -> None:
    gold_union, predicted_union = merged(gold), merged(predicted)

    def recent(kind: str) -> bool:  # keeps the examples varied
        return any(e[0] == kind and e[1] == label for e in result.errors[-2:])

    for s in predicted:
        if overlap(s, gold_union) == 0 and len(result.errors) < limit and not recent("false cue"):
            result.errors.append(("false cue", label, _few_words(article.text, *s)))
    for t in gold:
        if overlap(t, predicted_union) == 0 and len(result.errors) < limit and not recent("missed"):
            result.errors.append(("missed", label, _few_words(article.text, *t)))


def spearman(pairs: list[tuple[float, float]]) -> float:
    """Spearman's rho with average ranks for ties."""

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return out

    if len(pairs) < 3:
        return 0.0
    xs, ys = ranks([p[0] for p in pairs]), ranks([p[1] for p in pairs])
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs) ** 0.5
    vy = sum((y - my) ** 2 for y in ys) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


# --- Predictors -------------------------------------------------------------------------


def scorer_predictor(hints: bool = False) -> Predictor:
    """The persuasion scorer's findings (and its hints too when hints is true), as techniques."""
    from analysis.scoring.persuasion import find_cues

    def predict(text: str) -> list[Prediction]:
        out = []
        for cue in find_cues(text, hints=hints):
            out.extend(_as_labels(cue))
        return out

    return predict


def hand_lexicon_predictor() -> Predictor:
    """Every cue of the hand-written lexicon, no learned weights: the cues on main."""
    from analysis.scoring.persuasion import find_cues

    def predict(text: str) -> list[Prediction]:
        out = []
        for cue in find_cues(text, hints=True, learned=False):
            out.extend(_as_labels(cue))
        return out

    return predict


def _as_labels(cue: dict) -> list[Prediction]:
    family = cue["family"]
    technique = FAMILY_TECHNIQUE.get(family)
    out = [(cue["start"], cue["end"], technique)] if technique else []
    # Every family is also scored against any propaganda span (the hedges' only measure).
    out.append((cue["start"], cue["end"], f"{ANY}: {family}"))
    return out


_WORD = re.compile(r"\w+")


def every_word_predictor(text: str) -> list[Prediction]:
    """Every word, under every family's "any propaganda" label: the base rate to beat."""
    from analysis.scoring.persuasion import FAMILIES

    spans = [m.span() for m in _WORD.finditer(text)]
    return [(s, e, f"{ANY}: {family}") for family in FAMILIES for s, e in spans]


_SENTENCE_LINE = re.compile(r"[^\n]+")
_TRIVIAL_INTENSIFIERS = frozenset(
    [
        "very",
        "really",
        "extremely",
        "totally",
        "absolutely",
        "completely",
        "utterly",
        "incredibly",
        "truly",
        "so",
    ]
)


def trivial_predictor(text: str) -> list[Prediction]:
    """Every sentence (one a line in PTC) with '!' or an intensifier, as loaded language."""
    out = []
    for match in _SENTENCE_LINE.finditer(text):
        line = match.group()
        words = {w.strip(".,;:!?\"'()").lower() for w in line.split()}
        if "!" in line or words & _TRIVIAL_INTENSIFIERS:
            out.append((match.start(), match.end(), "Loaded_Language"))
    return out


# --- Report -----------------------------------------------------------------------------


def _counts(result: Result, label: str) -> list[tuple[float, ...]]:
    """Each article's credit for a label, as the tuples bench/resample.py sums."""
    return [
        (c.precision_credit, c.predicted, c.recall_credit, c.gold)
        for c in (own.get(label, Credit()) for own in result.per_article)
    ]


def _figure(name: str) -> Callable[[tuple[float, ...]], float]:
    return lambda counts: getattr(Credit(*counts), name)


def intervals(
    columns: dict[str, Result], draws: int, labels: Iterable[str] = TECHNIQUES
) -> dict[str, dict[str, tuple[float, float] | float]]:
    """95 % intervals over ``draws`` resamplings of the articles (bench/resample.py, the
    same draws for every column): each column's micro F1 ("f1"); for the first two
    columns (the findings, and findings with hints) the micro precision and recall too and
    each label's F1 (under the label's name); for the first, the share of draws in which
    its micro F1 is above each other column's ("ahead of <column>")."""
    from bench.resample import document_resamples, interval, share_ahead

    names = list(columns)
    # Each column's micro precision, recall and F1, on the same draws.
    micro = document_resamples(
        {name: _counts(columns[name], MICRO) for name in names},
        lambda counts: Credit(*counts),
        draws=draws,
    )
    f1s = {name: [credit.f1 for credit in drawn] for name, drawn in micro.items()}
    found: dict[str, dict] = {name: {"f1": interval(f1s[name])} for name in names}
    for name in names[:2]:
        for figure in ("precision", "recall"):
            found[name][figure] = interval([getattr(credit, figure) for credit in micro[name]])
        for label in labels:
            own = document_resamples(
                {name: _counts(columns[name], label)}, _figure("f1"), draws=draws
            )
            found[name][label] = interval(own[name])
    for other in names[1:]:
        found[names[0]][f"ahead of {other}"] = share_ahead(f1s[names[0]], f1s[other])
    return found


def interval_lines(
    columns: dict[str, Result], draws: int, labels: Iterable[str] = TECHNIQUES
) -> str:
    """The intervals of ``intervals``, each beside the column's own figure."""
    labels = tuple(labels)
    found = intervals(columns, draws, labels)
    names = list(columns)
    articles = len(columns[names[0]].per_article)
    lines = [f"95 % intervals over {draws} resamplings of the {articles} articles:"]
    for name in names:
        r, own = columns[name], found[name]
        line = f"  {name:<24} micro F1 {r.micro.f1:.3f} ({own['f1'][0]:.3f}–{own['f1'][1]:.3f})"
        if "precision" in own:
            line += "".join(
                f"  {figure[0].upper()} {getattr(r.micro, figure):.3f}"
                f" ({own[figure][0]:.3f}–{own[figure][1]:.3f})"
                for figure in ("precision", "recall")
            )
        lines.append(line)
        if labels[0] in own:
            lines.append(
                "    F1 "
                + "; ".join(
                    f"{label} {r.per_label[label].f1:.3f} ({own[label][0]:.3f}–{own[label][1]:.3f})"
                    for label in labels
                )
            )
    ahead = ", ".join(
        f"{other} in {found[names[0]][f'ahead of {other}']:.0%}" for other in names[1:]
    )
    lines.append(f"  {names[0]}: micro F1 above {ahead} of draws")
    return "\n".join(lines)


def table(title: str, columns: dict[str, Result], labels: Iterable[str]) -> str:
    names = list(columns)
    width = max(len(label) for label in [*labels, "micro (six techniques)"]) + 2
    head = f"{'':<{width}}" + "".join(f"{name[:24]:>25}" for name in names)
    sub = f"{'':<{width}}" + "".join(f"{'n':>7}{'P':>6}{'R':>6}{'F1':>6}" for _ in names)
    lines = [title, head, sub, "-" * len(sub)]

    def row(label: str, pick: Callable[[Result], Credit]) -> str:
        cells = ""
        for name in names:
            c = pick(columns[name])
            cells += f"{c.predicted:>7}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}"
        return f"{label:<{width}}{cells}"

    for label in labels:
        lines.append(row(label, lambda r, label=label: r.per_label.get(label, Credit())))
    lines.append("-" * len(sub))
    lines.append(row("micro (six techniques)", lambda r: r.micro))
    rho = "".join(f"{spearman(columns[n].article_rates):>25.2f}" for n in names)
    lines.append(f"{'Spearman, rate/article':<{width}}{rho}")
    return "\n".join(lines)


def family_labels() -> list[str]:
    from analysis.scoring.persuasion import FAMILIES

    return [f"{ANY}: {family}" for family in FAMILIES]


def run(
    path: Path, errors: int = 12, semeval2023: Path | None = None, draws: int = 0
) -> dict[str, dict[str, Result]]:
    even = load_even(path)
    parts = split(even)
    if semeval2023 is not None:
        # SemEval-2023's even articles that are no PTC article: a second measurement, on
        # articles the committed weights never saw unless they were learned with them
        # (persuasion_learned.json then says "semeval2023_articles").
        parts["SemEval-2023 (new articles)"] = semeval2023_extra(
            load_semeval2023_even(semeval2023), even
        )[0]
    predictors = {
        "scorer (findings)": scorer_predictor(),
        "scorer (+ hints)": scorer_predictor(hints=True),
        "hand lexicon, every cue": hand_lexicon_predictor(),
        "trivial (! or intens.)": trivial_predictor,
    }
    results: dict[str, dict[str, Result]] = {}
    for part in ("dev", "train", *(p for p in parts if p not in ("dev", "train"))):
        articles = parts[part]
        spans = sum(len(a.gold.get(t, [])) for a in articles for t in TECHNIQUES)
        columns = {
            name: evaluate(articles, predict, errors=errors if name == "scorer (findings)" else 0)
            for name, predict in predictors.items()
        }
        results[part] = columns
        print(
            table(
                f"{'PTC even half, ' + part + ' part' if part in ('dev', 'train') else part}: "
                f"{len(articles)} articles, "
                f"{spans} spans of the six techniques (n = predicted spans)",
                columns,
                TECHNIQUES,
            )
        )
        if draws and articles:
            print(interval_lines(columns, draws))
        family_columns = {
            "scorer (+ hints)": evaluate(
                articles, predictors["scorer (+ hints)"], labels=family_labels()
            ),
            "every word (base rate)": evaluate(
                articles, every_word_predictor, labels=family_labels()
            ),
        }
        print()
        print(
            table(
                f"Each family (findings and hints) against any of the 14 techniques' spans, {part}",
                family_columns,
                family_labels(),
            ).rsplit("\n", 3)[0]
        )
        print()
        if part == "dev":
            print("Error examples (dev, scorer findings; a few words each):")
            for kind, label, words in columns["scorer (findings)"].errors:
                print(f"  {kind:<10} {label:<28} {words}")
            print()
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="the PTC datasets/ folder (or its even half)")
    parser.add_argument("--errors", type=int, default=12)
    parser.add_argument(
        "--semeval2023",
        type=Path,
        help="SemEval-2023 Task 3's data/en/ folder: also measure on its even articles that "
        "are no PTC article",
    )
    sys.path.insert(0, str(ROOT))
    from bench.resample import add_draws_option

    add_draws_option(parser, "articles")
    args = parser.parse_args(argv)
    run(args.path, errors=args.errors, semeval2023=args.semeval2023, draws=args.draws)


if __name__ == "__main__":
    main()
