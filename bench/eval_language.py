"""Accuracy of the language detector (newsdesk.ingest.language) on labelled text.

The corpus is the test data of the lingua detector (pemistahl/lingua-py,
``language-testdata/``): for each language 1,000 sentences, 1,000 word pairs and 1,000
single words drawn from the Leipzig Wortschatz corpora (see docs/corpora/lingua-testdata.md).
It is never committed; pass its folder:

    python bench/eval_language.py /work/corpora/lingua-testdata/language-testdata [--draws N]

Prints, for each kind of text, precision, recall and F1 per target language (a guess
of "" counts as no answer: it lowers recall, not precision), the share left undecided,
the same for a baseline (the stopword and script check Newsdesk used before), and a
few errors. Besides the five target languages, the texts of languages that are easy
to confuse with them are run too, so that precision counts their false alarms.

Intervals (``--draws N``, default 1000, 0 for none): the macro F1's 95 % interval over N
resamplings of the texts (bench/resample.py; a text of a confusable language is drawn as
any other, and the detector and the baseline are scored on the same draws), and the share
of draws in which the detector's macro F1 is above the baseline's.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdesk.ingest.language import language_detect  # noqa: E402

TARGETS = ("en", "ru", "es", "fr", "de")
# Languages that share a script and much vocabulary with a target.
CONFUSABLE = ("uk", "be", "bg", "mk", "sr", "it", "pt", "ca", "nl", "da", "sv", "af", "la")
KINDS = ("sentences", "word-pairs", "single-words")

# The baseline: ingest's check before issue 14 (stopword counts for Latin script, the
# script alone otherwise), kept here to compare against.
_STOPWORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for with was said on it as by",
        "fr": "le la les des et est une du que dans pour qui au sur pas",
        "de": "der die das und ist nicht mit den von zu ein eine auf dem",
        "es": "el los las y que del por con una para es al se",
    }.items()
}
_SCRIPT_LANGUAGE = {
    "CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "HANGUL": "ko",
    "DEVANAGARI": "hi", "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy",
}  # fmt: skip


def _script(text: str) -> str:
    names = Counter(unicodedata.name(c, "?").split()[0] for c in text if c.isalpha())
    return names.most_common(1)[0][0] if names else ""


def baseline(text: str) -> str:
    script = _script(text)
    if script == "LATIN":
        words = Counter(re.findall(r"[^\W\d_]+", text.lower()))
        scores = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
        best = max(scores.values())
        winners = [lang for lang, score in scores.items() if score == best]
        return winners[0] if best >= 2 and len(winners) == 1 else ""
    if script == "CYRILLIC" and re.search(r"[іїєґІЇЄҐ]", text):
        return "uk"
    return _SCRIPT_LANGUAGE.get(script, "")


def detector(text: str) -> str:
    return language_detect(text).language


def text_counts(gold: str, guess: str) -> tuple[int, ...]:
    """One text's (tp, fp, fn) for each target language, in TARGETS order."""
    from bench.resample import class_counts

    return class_counts([gold], [guess], tuple(TARGETS))


def macro(counts: tuple[float, ...]) -> tuple[float, float, float]:
    """Macro precision, recall and F1 over TARGETS from summed text_counts."""
    from bench.resample import macro_figures

    return macro_figures(counts, len(TARGETS))


def print_intervals(per_text: dict[str, list[tuple[int, ...]]], draws: int) -> None:
    """The 95 % interval of each guesser's macro F1 over ``draws`` resamplings of the texts
    (bench/resample.py, the same draws for all), and how often the first was higher."""
    from bench.resample import document_resamples, interval, share_ahead

    f1s = document_resamples(per_text, lambda counts: macro(counts)[2], draws=draws)
    first = next(iter(per_text))
    size = len(per_text[first])
    print(f"95 % intervals of macro F1 over {draws} resamplings of the {size} texts:")
    for name in per_text:
        low, high = interval(f1s[name])
        ahead = ""
        if name != first:
            ahead = f"  ({first} higher in {share_ahead(f1s[first], f1s[name]):.0%} of draws)"
        print(f"    {name:22s} {low:.3f}–{high:.3f}{ahead}")


def evaluate(items: list[tuple[str, str]], guess) -> dict:
    predicted = [(gold, guess(text), text) for gold, text in items]
    per = {}
    for lang in TARGETS:
        tp = sum(1 for g, p, _ in predicted if g == lang and p == lang)
        fp = sum(1 for g, p, _ in predicted if g != lang and p == lang)
        fn = sum(1 for g, p, _ in predicted if g == lang and p != lang)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[lang] = (precision, recall, f1)
    targets = [(g, p, t) for g, p, t in predicted if g in TARGETS]
    return {
        "per": per,
        "macro": tuple(sum(v[i] for v in per.values()) / len(per) for i in range(3)),
        "undecided": sum(1 for _, p, _ in targets if not p) / len(targets),
        "errors": [(g, p, t) for g, p, t in targets if p and p != g],
        "per_text": [text_counts(g, p) for g, p, _ in predicted],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="the language-testdata folder")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--errors", type=int, default=4)
    from bench.resample import add_draws_option

    add_draws_option(parser, "texts")
    args = parser.parse_args(argv)
    for kind in args.kinds.split(","):
        items = []
        for lang in TARGETS + CONFUSABLE:
            path = args.corpus / kind / f"{lang}.txt"
            if path.exists():
                lines = path.read_text(encoding="utf-8").splitlines()
                items += [(lang, line.strip()) for line in lines if line.strip()]
        gold = sum(1 for g, _ in items if g in TARGETS)
        print(f"\n== {kind}: {gold} texts in {len(TARGETS)} target languages, "
              f"{len(items) - gold} in {len(CONFUSABLE)} confusable ones")  # fmt: skip
        per_text = {}
        for name, guess in (("py3langid (newsdesk)", detector), ("baseline (stopwords)", baseline)):
            start = time.perf_counter()
            result = evaluate(items, guess)
            per_text[name] = result["per_text"]
            ms = 1000 * (time.perf_counter() - start) / len(items)
            p, r, f = result["macro"]
            print(f"{name:22s} macro P {p:.3f} R {r:.3f} F1 {f:.3f}  "
                  f"undecided {result['undecided']:.3f}  ({ms:.2f} ms a text)")  # fmt: skip
            for lang, (lp, lr, lf) in result["per"].items():
                print(f"    {lang}: P {lp:.3f} R {lr:.3f} F1 {lf:.3f}")
            for g, pr, text in result["errors"][: args.errors]:
                print(f"    error: gold {g}, guessed {pr}: {' '.join(text.split()[:6])}…")
        if args.draws and items:
            print_intervals(per_text, args.draws)


if __name__ == "__main__":
    main()
