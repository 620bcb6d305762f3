"""Agreement between analysts who annotated the same article.

Every analyst marks spans of the article text with a label (and, for the
label ``"Claim"``, a verdict).  To compare them, spans are first grouped into
*units*, then agreement is measured over the units.

Matching spans (the rule the page explains)
-------------------------------------------
Two spans by different analysts *match* when their character ranges overlap
by at least half of their combined extent: the Jaccard index
``|A ∩ B| / |A ∪ B| >= 0.5``.  (A sentence and a clause covering 60% of it
match; a clause covering a third of a sentence does not.)

A *unit* is a group of spans, at most one per analyst, in which **every two
spans match**.  Units are built greedily from the best-matching pairs down
(highest Jaccard first, ties broken by position), so the result does not
depend on the order the spans are given in.  A span that matches nobody is a
unit of its own.

Missing annotations
-------------------
An analyst who has no span in a unit:

* counts as a *missing value* for Krippendorff's alpha: units with fewer than
  two values carry no information about agreement and drop out, so alpha
  measures agreement on the *labels* of passages that at least two analysts
  marked;
* counts as the label ``"none"`` for Cohen's kappa: kappa is computed over
  every unit either analyst marked, so it also measures whether they marked
  the *same passages*.  (``"none"`` is reserved: do not use it as a label.)

The verdict field is compared only where the analysts both labelled the
passage ``"Claim"`` (for alpha: an analyst whose span in the unit is not a
Claim, or is a Claim without a verdict, is a missing value; for kappa: only
units where both spans are Claims count, and a Claim without a verdict counts
as ``"none"``).

Degenerate cases
----------------
When the values being compared contain only one category (everyone said
"Claim" everywhere), both coefficients are formally ``0/0``.  Observed
agreement is then perfect, and we return ``1.0``.  ``None`` means "nothing to
compare": fewer than two analysts, or no unit with two values.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import krippendorff
import numpy as np

from common.clustering import merge_greedily

LABEL = "label"
VERDICT = "verdict"
CLAIM = "Claim"
NONE = "none"
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class Span:
    annotator: str
    start: int
    end: int
    label: str
    verdict: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}:{self.end}")


def overlap(a: Span, b: Span) -> float:
    """Jaccard index of two spans' character ranges (0.0 for empty ranges)."""
    intersection = min(a.end, b.end) - max(a.start, b.start)
    if intersection <= 0:
        return 0.0
    return intersection / (max(a.end, b.end) - min(a.start, b.start))


def units(spans: list[Span], min_overlap: float = MIN_OVERLAP) -> list[dict[str, Span]]:
    """Group spans into units: ``{annotator: span}``, every two spans matching.

    Two spans match when their Jaccard overlap (:func:`overlap`) is at least
    ``min_overlap``.  Units are ordered by position in the text; each unit's
    dict by annotator.
    """
    if not 0.0 < min_overlap <= 1.0:
        raise ValueError("min_overlap must be in (0, 1]")
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.annotator, s.label, s.verdict or ""))

    # Candidate pairs: spans of different analysts that match.  Sorted by start,
    # so the inner loop stops at the first span starting after this one ends.
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if b.start >= a.end:
                break
            if a.annotator != b.annotator:
                score = overlap(a, b)
                if score >= min_overlap:
                    pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    clusters = merge_greedily(
        len(ordered),
        ((i, j) for _, i, j in pairs),
        group_of=lambda k: ordered[k].annotator,  # at most one span per analyst in a unit
        # every two spans of a unit must match
        accept=lambda left, right: all(
            overlap(ordered[x], ordered[y]) >= min_overlap for x in left for y in right
        ),
    )

    result = []
    for indices in clusters:
        group = sorted((ordered[k] for k in indices), key=lambda s: s.annotator)
        result.append({s.annotator: s for s in group})
    result.sort(
        key=lambda u: (min(s.start for s in u.values()), min(s.end for s in u.values()), list(u))
    )
    return result


def _check_field(field: str) -> None:
    if field not in (LABEL, VERDICT):
        raise ValueError(f"field must be {LABEL!r} or {VERDICT!r}, not {field!r}")


def _alpha_value(span: Span, field: str) -> str | None:
    if field == LABEL:
        return span.label
    return (span.verdict or None) if span.label == CLAIM else None


def krippendorff_alpha(spans: list[Span], field: str = LABEL) -> float | None:
    """Nominal Krippendorff's alpha over the units (missing annotations are missing values).

    Uses the ``krippendorff`` package on a reliability matrix of analysts ×
    units (``np.nan`` where an analyst has no value).  Returns ``None`` for
    fewer than two analysts or no unit with two values, and ``1.0`` when all
    comparable values are one and the same category.
    """
    _check_field(field)
    annotators = sorted({s.annotator for s in spans})
    if len(annotators) < 2:
        return None
    rows = {name: i for i, name in enumerate(annotators)}
    columns: list[dict[str, str]] = []
    for unit in units(spans):
        values = {
            name: value
            for name, span in unit.items()
            if (value := _alpha_value(span, field)) is not None
        }
        if len(values) >= 2:  # a value nobody else rated cannot be compared
            columns.append(values)
    if not columns:
        return None
    categories = sorted({v for values in columns for v in values.values()})
    if len(categories) == 1:
        return 1.0
    code = {category: float(i) for i, category in enumerate(categories)}
    data = np.full((len(annotators), len(columns)), np.nan)
    for j, values in enumerate(columns):
        for name, value in values.items():
            data[rows[name], j] = code[value]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired nominal ratings: (p_o - p_e) / (1 - p_e)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(x == y for x, y in pairs) / n
    first = Counter(x for x, _ in pairs)
    second = Counter(y for _, y in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected >= 1.0:  # both used one and the same category throughout
        return 1.0
    return (observed - expected) / (1.0 - expected)


def cohen_kappa(spans: list[Span], a: str, b: str, field: str = LABEL) -> float | None:
    """Cohen's kappa between analysts ``a`` and ``b``.

    Units are built from the two analysts' spans only, so a third analyst never
    changes a pair's kappa.  For ``field="label"`` every unit either of them
    marked counts, a missing annotation being ``"none"``; for
    ``field="verdict"`` only units both labelled ``"Claim"`` count.  Returns
    ``None`` when there is no unit to compare.
    """
    _check_field(field)
    if a == b:
        raise ValueError("kappa needs two different analysts")
    pairs: list[tuple[str, str]] = []
    for unit in units([s for s in spans if s.annotator in (a, b)]):
        sa, sb = unit.get(a), unit.get(b)
        if field == LABEL:
            pairs.append((sa.label if sa else NONE, sb.label if sb else NONE))
        elif sa and sb and sa.label == CLAIM and sb.label == CLAIM:
            pairs.append((sa.verdict or NONE, sb.verdict or NONE))
    return _kappa(pairs)


def pairwise_kappas(spans: list[Span], field: str = LABEL) -> dict[tuple[str, str], float | None]:
    """Cohen's kappa for every pair of analysts, keyed ``(a, b)`` with ``a < b``."""
    _check_field(field)
    annotators = sorted({s.annotator for s in spans})
    return {(a, b): cohen_kappa(spans, a, b, field) for a, b in combinations(annotators, 2)}
