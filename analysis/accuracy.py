"""The measured quality of each scorer, as ``analysis/accuracy/<scorer>.json`` records it
(written from the bench/ evaluation scripts; read by the pages that show the figures)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ACCURACY = Path(__file__).resolve().parent / "accuracy"


@lru_cache(maxsize=32)
def scorer_accuracy(scorer: str) -> dict | None:
    path = ACCURACY / f"{scorer}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def headline_measurement(scorer: str) -> dict | None:
    """The measurement a one-line caveat quotes: the first one recorded."""
    data = scorer_accuracy(scorer)
    measurements = (data or {}).get("measurements") or []
    return measurements[0] if measurements else None
