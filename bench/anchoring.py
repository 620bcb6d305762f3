"""Time re-anchoring 200 annotations on a 5,000-word text after three kinds of change.

Run: .venv/bin/python bench/anchoring.py
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations.anchoring import reanchor, selector_for  # noqa: E402


def main() -> None:
    rng = random.Random(3)
    vocab = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(2000)
    ]
    words = [rng.choice(vocab) for _ in range(5000)]
    text = " ".join(" ".join(words[i : i + 15]).capitalize() + "." for i in range(0, 5000, 15))
    selectors = []
    for _ in range(200):
        start = rng.randrange(0, len(text) - 300)
        selectors.append(selector_for(text, start, start + rng.randint(20, 200)))
    variants = {
        "unchanged": text,
        "text inserted at the start": "Update: corrected. " + text,
        "every sentence re-spaced": text.replace(". ", ".  "),
    }
    for name, new in variants.items():
        began = time.perf_counter()
        outcomes = [reanchor(s, new).outcome for s in selectors]
        ms = 1000 * (time.perf_counter() - began)
        counts = {o: outcomes.count(o) for o in sorted(set(outcomes))}
        print(f"{name:<30} {ms:8.1f} ms for 200 annotations  {counts}")


if __name__ == "__main__":
    main()
