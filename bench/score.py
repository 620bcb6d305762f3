"""Scoring throughput over the demo corpus repeated to N articles.

Prints articles/s for each registered scorer and for the whole engine, next to the
naive baseline (vaderSentiment per sentence plus textstat's five formulas).
Run: .venv/bin/python bench/score.py [--articles 2000]
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import textstat  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from analysis.scoring import all_scorers  # noqa: E402
from analysis.scoring.sentences import split  # noqa: E402


def corpus(n: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "newsdesk/demo/articles.jsonl").open()]
    # Vary each copy a little so that per-text caches cannot flatter the figures.
    return [
        f"{texts[i % len(texts)]}\n\nCopy {i} of the demo text, sentence {i * 7}." for i in range(n)
    ]


def naive(texts: list[str]) -> None:
    analyzer = SentimentIntensityAnalyzer()
    for text in texts:
        for sentence in split(text):
            analyzer.polarity_scores(sentence)
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        textstat.dale_chall_readability_score(text)


def timed(label: str, func, texts: list[str]) -> float:
    start = time.perf_counter()
    func(texts)
    seconds = time.perf_counter() - start
    rate = len(texts) / seconds
    print(f"{label:<28} {rate:9.1f} articles/s   {1000 * seconds / len(texts):6.2f} ms/article")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    all_scorers()  # installs the offline pronunciation data that textstat needs
    texts = corpus(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words on average, one process")
    baseline = timed("naive vader+textstat", naive, texts)
    for scorer in all_scorers():
        timed(
            f"scorer {scorer.name} v{scorer.version}",
            lambda ts, s=scorer: [s(t) for t in ts],
            texts,
        )
    engine = timed("whole engine", lambda ts: [[s(t) for s in all_scorers()] for t in ts], texts)
    print(f"engine / naive speed ratio: {engine / baseline:.2f}x")


if __name__ == "__main__":
    main()
