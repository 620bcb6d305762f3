"""Time re-anchoring 200 annotations on a 5,000-word text after three kinds of change.

Run: .venv/bin/python bench/anchoring.py
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations.anchoring import reanchor, selector_for  # noqa: E402


def synthetic_text(words: int, seed: int) -> str:
    """Sentences of 8 to 25 made-up words, about ``words`` of them: no real text, so no
    accidental repeats of a real passage."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(2000)
    ]
    sentences, count = [], 0
    while count < words:
        n = rng.randint(8, 25)
        sentences.append(" ".join(rng.choice(vocab) for _ in range(n)).capitalize() + ".")
        count += n
    return " ".join(sentences)


def sample_selectors(text: str, n: int, seed: int) -> list:
    """``n`` annotations of 20 to 200 characters at random places in ``text``."""
    rng = random.Random(seed)
    selectors = []
    for _ in range(n):
        start = rng.randrange(0, len(text) - 300)
        selectors.append(selector_for(text, start, start + rng.randint(20, 200)))
    return selectors


# The three kinds of change measured, and tested (tests/annotations/test_anchoring.py).
def variants(text: str) -> dict[str, str]:
    return {
        "unchanged": text,
        "text inserted at the start": "Update: corrected. " + text,
        # every sentence boundary changes: many spans need the fuzzy step
        "every sentence re-spaced": text.replace(". ", ".  "),
    }


def main() -> None:
    text = synthetic_text(5000, seed=3)
    selectors = sample_selectors(text, 200, seed=4)
    for name, new in variants(text).items():
        began = time.perf_counter()
        outcomes = [reanchor(s, new).outcome for s in selectors]
        ms = 1000 * (time.perf_counter() - began)
        counts = {o: outcomes.count(o) for o in sorted(set(outcomes))}
        print(f"{name:<30} {ms:8.1f} ms for 200 annotations  {counts}")


if __name__ == "__main__":
    main()
