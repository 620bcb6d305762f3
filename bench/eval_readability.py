"""Whether the readability formulas grade harder texts higher, on OneStopEnglish.

Run: python bench/eval_readability.py PATH [--half even|odd] [--draws N]

PATH is a checkout of github.com/nishkalavallabhi/OneStopEnglishCorpus (or its
``Texts-SeparatedByReadingLevel`` folder): 189 news articles from The Guardian, each
rewritten by teachers at three reading levels (``Ele-Txt/<name>-ele.txt``,
``Int-Txt/<name>-int.txt``, ``Adv-Txt/<name>-adv.txt``). Articles are taken in the order of
their names; the even-numbered ones (counted from 0) are the development half, the odd ones
are held out for an independent check, and only the files of the half asked for are opened.
See docs/corpora/onestopenglish.md for the corpus terms.

The readability scorer runs on each text as on an article's body. Printed, for each
formula and for two simple baselines (words per sentence; length in words):

- *same article*: of the three pairs of one article's versions (elementary and
  intermediate, intermediate and advanced, elementary and advanced), the share the figure
  orders as the teachers did (the harder version graded harder; a tie counts half);
- *different articles*: the same over every pair of texts of different levels from
  different articles, which is what comparing two outlets' articles asks of the figure.

Each with a 95 % interval over resamplings of the articles (an article drawn with its three
versions; bench/resample.py).
"""

from __future__ import annotations

import argparse
import random
import sys
from bisect import bisect_left, bisect_right
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.scoring import get_scorer  # noqa: E402

LEVELS = (("ele", "Ele-Txt"), ("int", "Int-Txt"), ("adv", "Adv-Txt"))
PAIRS = ((0, 1), (1, 2), (0, 2))  # (easier, harder) level indices
# Each figure, and its sign: +1 where a higher value means a harder text.
FIGURES = (
    ("Flesch-Kincaid grade", "flesch_kincaid_grade", 1),
    ("Flesch reading ease", "flesch_reading_ease", -1),
    ("Gunning fog", "gunning_fog", 1),
    ("SMOG", "smog_index", 1),
    ("Dale-Chall", "dale_chall", 1),
    ("baseline: words per sentence", "words_per_sentence", 1),
    ("baseline: length in words", "word_count", 1),
)


def texts_folder(path: Path) -> Path:
    inner = path / "Texts-SeparatedByReadingLevel"
    return inner if inner.is_dir() else path


def article_names(folder: Path) -> list[str]:
    """The articles with a text at every level, by name (only file names are read)."""
    names = None
    for suffix, sub in LEVELS:
        found = {
            p.name[: -len(f"-{suffix}.txt")]
            for p in (folder / sub).iterdir()
            if p.is_file() and p.name.lower().endswith(f"-{suffix}.txt")
        }
        names = found if names is None else names & found
    return sorted(names or ())


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def load(path: Path, half: str = "even") -> list[tuple[str, list[str]]]:
    """(name, [elementary, intermediate, advanced text]) of the half's articles."""
    folder = texts_folder(path)
    parity = {"even": 0, "odd": 1}[half]
    names = [n for i, n in enumerate(article_names(folder)) if i % 2 == parity]
    return [
        (name, [read_text(folder / sub / f"{name}-{suffix}.txt") for suffix, sub in LEVELS])
        for name in names
    ]


def figures_of(text: str, scorer) -> dict[str, float]:
    values = dict(scorer(text).values)
    sentences = values.get("sentence_count") or 0
    values["words_per_sentence"] = values["word_count"] / sentences if sentences else 0.0
    return values


def right(easier: float, harder: float) -> float:
    return 1.0 if harder > easier else 0.5 if harder == easier else 0.0


def same_article(values: list[list[float]], weights: list[int]) -> float:
    """The share of one article's pairs of versions ordered right, articles weighted."""
    total = sum(weights) * len(PAIRS)
    got = sum(
        w * right(v[lo], v[hi]) for v, w in zip(values, weights, strict=True) for lo, hi in PAIRS
    )
    return got / total if total else 0.0


def different_articles(values: list[list[float]], weights: list[int]) -> float:
    """The share of pairs of texts of different levels from different articles ordered
    right (a tie counts half), each article counted as often as it is drawn."""
    got = pairs = 0.0
    for lo, hi in PAIRS:
        easier = sorted((v[lo], w) for v, w in zip(values, weights, strict=True) if w)
        keys = [x for x, _ in easier]
        cumulative = [0, *accumulate(w for _, w in easier)]
        for v, w in zip(values, weights, strict=True):
            if not w:
                continue
            below = cumulative[bisect_left(keys, v[hi])]
            equal = cumulative[bisect_right(keys, v[hi])] - below
            got += w * (below + 0.5 * equal)
        # Less the pairs of an article with itself (w * w of them for an article drawn w
        # times), which are the same-article figure's.
        got -= sum(w * w * right(v[lo], v[hi]) for v, w in zip(values, weights, strict=True))
        total_weight = sum(weights)
        pairs += total_weight * total_weight - sum(w * w for w in weights)
    return got / pairs if pairs else 0.0


# The bands of the gap between two texts' figures, for the two figures the pages show.
GAPS = {
    "flesch_kincaid_grade": (0.0, 1.0, 2.0, 4.0),
    "flesch_reading_ease": (0.0, 5.0, 10.0, 20.0),
}


def by_gap(
    values: list[list[float]], gaps: tuple[float, ...] = GAPS["flesch_kincaid_grade"]
) -> list[tuple[float, int, float]]:
    """Pairs of texts of different levels from different articles, by how far apart the
    figure puts them (at least each of ``gaps``, under the next): (gap, pairs, share
    ordered right), ties counting half."""
    counts = {gap: [0, 0.0] for gap in gaps}
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            if i == j:
                continue
            for lo, hi in PAIRS:
                gap = abs(b[hi] - a[lo])
                floor = max(g for g in gaps if gap >= g)
                counts[floor][0] += 1
                counts[floor][1] += right(a[lo], b[hi])
    return [(gap, n, got / n if n else 0.0) for gap, (n, got) in counts.items()]


def _band(gap: float, gaps: tuple[float, ...]) -> str:
    later = [g for g in gaps if g > gap]
    if not later:
        return f"{gap:g} or more"
    return f"under {later[0]:g}" if gap == 0 else f"{gap:g} to {later[0]:g}"


def resampled(values: list[list[float]], measure, draws: int, seed: int = 0) -> list[float]:
    rng = random.Random(seed)
    n = len(values)
    found = []
    for _ in range(draws):
        weights = [0] * n
        for _ in range(n):
            weights[rng.randrange(n)] += 1
        found.append(measure(values, weights))
    return found


def main() -> None:
    from bench.resample import add_draws_option, interval, share_ahead

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the corpus checkout")
    parser.add_argument("--half", choices=("even", "odd"), default="even")
    add_draws_option(parser, "articles")
    args = parser.parse_args()

    scorer = get_scorer("readability")
    articles = load(args.path, args.half)
    scored = [[figures_of(text, scorer) for text in versions] for _, versions in articles]
    print(
        f"OneStopEnglish, {args.half} half: {len(articles)} articles at three levels"
        f" (readability {scorer.version})"
    )
    draws: dict[str, list[float]] = {}
    for label, key, sign in FIGURES:
        values = [[sign * level[key] for level in article] for article in scored]
        ones = [1] * len(values)
        same, different = same_article(values, ones), different_articles(values, ones)
        line = f"  {label:<32} same article {same:.3f}"
        if args.draws:
            same_draws = resampled(values, same_article, args.draws)
            draws[label] = resampled(values, different_articles, args.draws)
            low, high = interval(same_draws)
            line += f" ({low:.3f}–{high:.3f})"
        line += f" | different articles {different:.3f}"
        if args.draws:
            low, high = interval(draws[label])
            line += f" ({low:.3f}–{high:.3f})"
            if label.startswith("baseline"):
                ahead = share_ahead(draws["Flesch-Kincaid grade"], draws[label])
                line += f"; Flesch-Kincaid ahead in {ahead:.0%} of draws"
        print(line)
        if key in GAPS:
            bands = by_gap(values, GAPS[key])
            described = ", ".join(
                f"{_band(gap, GAPS[key])}: {share:.3f} of {n}" for gap, n, share in bands
            )
            print(f"    different articles by the gap between their figures: {described}")


if __name__ == "__main__":
    main()
