"""Distinct synthetic articles for benchmarks, built from the demo corpus.

Each article samples sentences from the demo pool and changes numbers and a few words
in every sentence, so that no per-sentence or per-word cache sees the same input twice
more often than real news would give it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"\b[a-z]{4,}\b")


def demo_texts() -> list[str]:
    path = ROOT / "demo" / "data" / "articles.jsonl"
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8")]


def _sentence_pool() -> list[str]:
    from analysis.scoring.sentences import split

    return [s for text in demo_texts() for s in split(text) if len(s.split()) > 3]


def distinct_articles(
    n: int, *, seed: int = 7, min_words: int = 400, max_words: int = 900
) -> list[str]:
    rng = random.Random(seed)
    pool = _sentence_pool()
    vocabulary = sorted({w for s in pool for w in _WORD.findall(s)})
    articles = []
    for _ in range(n):
        target = rng.randint(min_words, max_words)
        paragraphs, paragraph, words = [], [], 0
        while words < target:
            sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 9999)), rng.choice(pool))
            # Swap one lower-case word for another from the corpus vocabulary.
            candidates = _WORD.findall(sentence)
            if candidates:
                old = rng.choice(candidates)
                sentence = sentence.replace(old, rng.choice(vocabulary), 1)
            paragraph.append(sentence)
            words += len(sentence.split())
            if len(paragraph) >= rng.randint(1, 4):
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append(" ".join(paragraph))
        articles.append("\n\n".join(paragraphs))
    return articles
