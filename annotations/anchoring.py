"""Re-anchoring annotations after an article's body text changes.

Annotations follow the W3C Web Annotation model: a ``TextQuoteSelector``
(``exact`` plus up to 32 characters of ``prefix``/``suffix``) and a
``TextPositionSelector`` (``start``/``end``).  Offsets are Python string
indices, i.e. Unicode code points, as the W3C model specifies.  (JavaScript
strings count UTF-16 code units, so a client must convert offsets for text
that contains characters outside the Basic Multilingual Plane, e.g. emoji.)

When the text changes, :func:`reanchor` looks for the annotated passage again
and reports *how* it was found:

``"position"``
    The quote is still at the same offsets (and its context there is at
    least as convincing as anywhere else).
``"quote"``
    The exact quote was found somewhere else; its prefix/suffix decide which
    occurrence.
``"fuzzy"``
    A near-identical passage (``SequenceMatcher`` similarity of the quote
    >= ``fuzzy_threshold``) was found, whose context also matches.
``"orphaned"``
    Nothing trustworthy was found.  The annotation keeps its original quote
    and no offsets are returned: it is never moved by guesswork.

How a candidate passage is judged
---------------------------------
Every candidate (an exact occurrence of the quote, or a fuzzy one) gets an
*evidence* score: the share of the original quote-plus-context characters
that are found again there::

    evidence = (len(exact) * similarity + prefix_chars + suffix_chars)
               / (len(exact) + len(prefix) + len(suffix))

``prefix_chars``/``suffix_chars`` count the characters of the stored prefix
and suffix found again *in place* next to the candidate: at (nearly) the same
distance from the passage as before.  Up to 2 characters inserted or deleted
in the context are tolerated (a collapsed space, a fixed typo next to the
quote); the same words a few characters away do not count, because that is
exactly what a deleted passage leaves behind next to a look-alike.

* A candidate needs ``evidence >= 0.5``: one side of the context fully intact
  is enough, so is a quote of 64+ characters on its own (a paragraph moved to
  new surroundings is found), but a short quote needs its context ("Russia"
  found once in an unrelated sentence is orphaned).
* A fuzzy candidate also needs ``similarity >= fuzzy_threshold``, a context
  that matches reasonably (at least half of the prefix+suffix characters in
  place), and exactly the digits of the quote: a passage whose figures differ
  ("1,037 soldiers" for "1,500 soldiers") states a different fact and is never
  taken as a fuzzy match.
* The best candidate wins.  If several are equally good, the one nearest the
  old position wins only if it is clearly nearer (the runner-up is more than
  twice as far away); otherwise the annotation is orphaned rather than
  attached to one look-alike at random.
* "position" is reported whenever the winner is the exact quote at the old
  offsets; a quote at the old offsets whose surroundings no longer match is
  not trusted blindly.

Cost
----
The position check is a slice comparison; the quote step is ``str.find`` plus
a few ``SequenceMatcher`` calls on 32-character contexts.  The fuzzy step runs
only when those fail, and it is bounded: pieces of the quote (3-6 characters)
are looked up with ``str.find`` to find at most 12 regions where several of
them line up; a trigram count rules out windows that cannot reach the
threshold; ``SequenceMatcher`` then runs only on windows a little larger than
the quote.  If no region holds a passage, the window at the old position is
tried (quotes of up to 256 characters).  The whole text is never scanned with
``SequenceMatcher``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

POSITION = "position"
QUOTE = "quote"
FUZZY = "fuzzy"
ORPHANED = "orphaned"

CONTEXT_CHARS = 32
MIN_EVIDENCE = 0.5
MIN_CONTEXT = 0.5

_EPS = 1e-9
# Characters a context may shift (by insertions/deletions in it) and still count.
_CONTEXT_SHIFT = 2
# Occurrences of the exact quote scored in full (the rest are pre-ranked cheaply).
_MAX_OCCURRENCES = 64
# A piece of the quote found more often than this says nothing about where it is.
_MAX_PIECE_HITS = 64
# Candidate regions examined by the fuzzy step.
_MAX_REGIONS = 12
# The fuzzy step always tries the old position for quotes up to this length.
_ALWAYS_TRY_OLD_POSITION = 256
_NON_DIGITS = re.compile(r"\D+")


@dataclass(frozen=True)
class Selector:
    """A W3C TextQuoteSelector and TextPositionSelector for one annotation."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Anchor:
    """Where an annotation now sits, and how it was found.

    ``start``/``end`` are ``None`` for an orphaned annotation.  ``score`` is
    1.0 for an exact quote, the quote similarity for a fuzzy match, and 0.0
    when orphaned.
    """

    outcome: str
    start: int | None
    end: int | None
    score: float


_ORPHAN = Anchor(ORPHANED, None, None, 0.0)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    similarity: float  # of the quote; 1.0 for an exact occurrence
    context: float  # weighted prefix/suffix similarity, 0..1
    evidence: float

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0


def selector_for(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selector:
    """Build the selector for ``text[start:end]`` with up to ``context`` characters each side."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of length {len(text)}")
    if context < 0:
        raise ValueError("context must not be negative")
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def reanchor(selector: Selector, text: str, *, fuzzy_threshold: float = 0.9) -> Anchor:
    """Find ``selector``'s passage in ``text`` (see the module docstring for the rules)."""
    if not 0.0 < fuzzy_threshold <= 1.0:
        raise ValueError("fuzzy_threshold must be in (0, 1]")
    exact = selector.exact
    if not exact or not text:
        return _ORPHAN  # an empty quote cannot be verified anywhere

    start, end = selector.start, selector.end
    # 1. Unchanged: same text at the same offsets, with the same context.
    if (
        0 <= start <= end <= len(text)
        and text[start:end] == exact
        and text[max(0, start - len(selector.prefix)) : start] == selector.prefix
        and text[end : end + len(selector.suffix)] == selector.suffix
    ):
        return Anchor(POSITION, start, end, 1.0)

    # 2. The exact quote, somewhere, disambiguated by its context.
    candidates = _exact_candidates(selector, text)
    if candidates:
        best = max(c.evidence for c in candidates)
        strong = [c for c in candidates if c.evidence >= MIN_EVIDENCE]
        # Accept without looking further only when the winner's context backs it up;
        # a winner carried by quote length alone is compared with fuzzy candidates.
        if strong and any(c.context >= MIN_CONTEXT for c in strong if c.evidence >= best - _EPS):
            return _resolve(strong, start)

    # 3. A near-identical passage (the exact occurrences compete too).
    candidates += _fuzzy_candidates(selector, text, fuzzy_threshold, candidates)
    acceptable = [c for c in candidates if c.evidence >= MIN_EVIDENCE]
    return _resolve(acceptable, start)


def _resolve(candidates: list[_Candidate], old_start: int) -> Anchor:
    """Pick the best candidate, or orphan if there is none or no clear winner."""
    candidates = _merge_overlapping(candidates)
    if not candidates:
        return _ORPHAN
    best = max(c.evidence for c in candidates)
    top = sorted(
        (c for c in candidates if c.evidence >= best - _EPS),
        key=lambda c: (abs(c.start - old_start), c.start),
    )
    if len(top) > 1:
        nearest, runner_up = (abs(c.start - old_start) for c in top[:2])
        if runner_up <= 2 * nearest:
            return _ORPHAN  # equally good and not clearly nearer: do not guess
    winner = top[0]
    if not winner.exact:
        return Anchor(FUZZY, winner.start, winner.end, round(winner.similarity, 6))
    outcome = POSITION if winner.start == old_start else QUOTE
    return Anchor(outcome, winner.start, winner.end, 1.0)


def _merge_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop fuzzy candidates that overlap a better candidate: they are the same place.

    Overlapping *exact* occurrences ("ha ha" twice in "ha ha ha") stay distinct.
    """
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.evidence, not c.exact, c.start, c.end)):
        if any(
            (c.start, c.end) == (cand.start, cand.end)
            or (not (c.exact and cand.exact) and c.start < cand.end and cand.start < c.end)
            for c in kept
        ):
            continue
        kept.append(cand)
    return kept


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_chars(old: str, new: str, *, before: bool, shift: int) -> int:
    """Characters of the old context found again *in place* next to a candidate.

    ``old`` is the selector's prefix (``before=True``) or suffix; ``new`` is the
    text at the same place next to the candidate.  Characters count only if
    they sit at (nearly) the same distance from the passage as before: up to
    ``shift`` characters inserted or deleted in the context are tolerated, so
    a corrected typo or a collapsed space next to the passage does not matter,
    but the same words found a few characters away do not count (they suggest
    a look-alike, not the passage).
    """
    if old == new:
        return len(old)
    if not new:
        return 0
    offset = len(new) - len(old) if before else 0
    return sum(
        size
        for a, b, size in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
        if abs(b - a - offset) <= shift
    )


def _score(selector: Selector, text: str, start: int, end: int, similarity: float) -> _Candidate:
    lp, ls, m = len(selector.prefix), len(selector.suffix), len(selector.exact)
    # Context displaced by the quote's own length is what a deleted quote leaves.
    shift = min(_CONTEXT_SHIFT, m - 1)
    context_chars = 0
    if lp:
        before = text[max(0, start - lp) : start]
        context_chars += _context_chars(selector.prefix, before, before=True, shift=shift)
    if ls:
        after = text[end : end + ls]
        context_chars += _context_chars(selector.suffix, after, before=False, shift=shift)
    context = context_chars / (lp + ls) if lp + ls else 1.0
    evidence = (m * similarity + context_chars) / (m + lp + ls)
    return _Candidate(start, end, similarity, context, evidence)


def _occurrences(needle: str, haystack: str, limit: int | None = None) -> list[int]:
    found: list[int] = []
    i = haystack.find(needle)
    while i != -1:
        found.append(i)
        if limit is not None and len(found) > limit:
            break
        i = haystack.find(needle, i + 1)
    return found


def _affix_chars(selector: Selector, text: str, start: int, end: int) -> int:
    """Cheap context score: characters of prefix/suffix matching right next to the span."""
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    n = 0
    for x, y in zip(reversed(selector.prefix), reversed(before), strict=False):
        if x != y:
            break
        n += 1
    for x, y in zip(selector.suffix, after, strict=False):
        if x != y:
            break
        n += 1
    return n


def _exact_candidates(selector: Selector, text: str) -> list[_Candidate]:
    m = len(selector.exact)
    starts = _occurrences(selector.exact, text)
    if len(starts) > _MAX_OCCURRENCES:
        starts.sort(
            key=lambda i: (-_affix_chars(selector, text, i, i + m), abs(i - selector.start))
        )
        starts = starts[:_MAX_OCCURRENCES]
    return [_score(selector, text, i, i + m, 1.0) for i in starts]


def _fuzzy_candidates(
    selector: Selector, text: str, threshold: float, known: list[_Candidate]
) -> list[_Candidate]:
    """Near-identical passages whose context matches, searched in bounded windows.

    Windows are the regions where pieces of the quote line up (see
    :func:`_seed_regions`); only if none of them holds a passage is the window
    at the old position tried (for quotes of up to ``_ALWAYS_TRY_OLD_POSITION``
    characters), so a short passage edited beyond recognition of its pieces is
    still found where it was.
    """
    exact = selector.exact
    m = len(exact)
    if m < 3:
        return []
    tolerance = max(3, m // 10)
    regions = _seed_regions(exact, text, selector.start, tolerance)
    search = _FuzzySearch(selector, text, threshold, tolerance, known)
    found = [c for lo, hi in regions for c in search.region(lo, hi)]
    anchor = min(max(0, selector.start), max(0, len(text) - m))
    if (
        not found
        and m <= _ALWAYS_TRY_OLD_POSITION
        and not any(lo - tolerance <= anchor <= hi + tolerance for lo, hi in regions)
    ):
        found = search.region(anchor, anchor)
    return found


class _FuzzySearch:
    def __init__(
        self,
        selector: Selector,
        text: str,
        threshold: float,
        tolerance: int,
        known: list[_Candidate],
    ) -> None:
        self.selector, self.text, self.threshold = selector, text, threshold
        self.tolerance = tolerance
        self.digits = _NON_DIGITS.sub("", selector.exact)
        self.grams = _trigrams(selector.exact)
        self.needed = _min_shared_trigrams(len(selector.exact), threshold)
        self.seen = {(c.start, c.end) for c in known}

    def region(self, lo: int, hi: int) -> list[_Candidate]:
        """The passage in the window around implied starts ``lo..hi``, if acceptable."""
        exact, text = self.selector.exact, self.text
        m = len(exact)
        slack = max(8, m // 5)
        w_start, w_end = max(0, lo - slack), min(len(text), hi + m + slack)
        if _shared(self.grams, text[w_start:w_end]) < self.needed:
            return []  # no passage in this window can be similar enough
        for start, end in _align(self.selector, text, w_start, w_end, self.tolerance):
            if (start, end) in self.seen:
                return []  # an exact occurrence, or a passage another region found
            self.seen.add((start, end))
            window = text[start:end]
            if _NON_DIGITS.sub("", window) != self.digits:
                continue  # a changed figure is a different claim, not a typo
            if _shared(self.grams, window) < self.needed:
                continue
            sim = _similarity(exact, window)
            if sim < self.threshold:
                continue
            if sim >= 1.0:  # an exact occurrence: scored by the quote step already
                return []
            cand = _score(self.selector, text, start, end, sim)
            if cand.context >= MIN_CONTEXT:
                return [cand]
        return []


def _trigrams(s: str) -> Counter[str]:
    return Counter(s[i : i + 3] for i in range(len(s) - 2))


def _shared(grams: Counter[str], window: str) -> int:
    """How many of the quote's trigrams (as a multiset) also occur in ``window``."""
    return sum((grams & _trigrams(window)).values())


def _min_shared_trigrams(m: int, threshold: float) -> int:
    """A lower bound on the quote trigrams kept by any passage of similarity >= threshold.

    ``SequenceMatcher`` similarity is ``2M / (m + m')`` for ``M`` matched
    characters.  A quote trigram survives unless it covers one of the ``u``
    unmatched quote characters (at most 3 per character) or straddles one of
    the ``v`` characters inserted in the passage (at most 2 per insertion
    point).  Similarity >= t means ``(2 - t) u + t v <= 2 m (1 - t)``, so at
    most ``2 m (1 - t) * max(3 / (2 - t), 2 / t)`` trigrams are lost.  This
    filter therefore never rejects a window that holds an acceptable passage.
    """
    lost = 2 * m * (1 - threshold) * max(3 / (2 - threshold), 2 / threshold)
    return int(m - 2 - lost)


def _seed_regions(exact: str, text: str, old_start: int, tolerance: int) -> list[tuple[int, int]]:
    """Regions of ``text`` where pieces of ``exact`` line up, best supported first.

    The quote is cut into pieces of 3-6 characters.  Each piece found at
    ``pos`` implies the passage starts near ``pos - offset``; implied starts
    within ``2 * tolerance`` of each other form one region, whose support is
    the number of distinct pieces pointing there.  A region needs the support
    of a quarter of the pieces (and half the best region's support); at most
    ``_MAX_REGIONS`` are returned.
    """
    m = len(exact)
    size = max(3, min(6, m // 4))
    offsets = list(range(0, m - size + 1, size))
    if offsets[-1] != m - size:
        offsets.append(m - size)
    seeds: list[tuple[int, int]] = []
    for k, off in enumerate(offsets):
        hits = _occurrences(exact[off : off + size], text, _MAX_PIECE_HITS)
        if len(hits) <= _MAX_PIECE_HITS:
            seeds.extend((pos - off, k) for pos in hits)
    seeds.sort()

    groups: list[tuple[int, int, int]] = []  # (support, first, last)
    i = 0
    while i < len(seeds):
        first = seeds[i][0]
        pieces = set()
        j = i
        while j < len(seeds) and seeds[j][0] - first <= 2 * tolerance:
            pieces.add(seeds[j][1])
            j += 1
        groups.append((len(pieces), first, seeds[j - 1][0]))
        i = j

    regions: list[tuple[int, int]] = []
    if groups:
        needed = max(-(-len(offsets) // 4), -(-max(g[0] for g in groups) // 2))
        groups.sort(key=lambda g: (-g[0], abs(g[1] - old_start)))
        regions = [
            (first, last) for support, first, last in groups[:_MAX_REGIONS] if support >= needed
        ]
    return regions


def _align(
    selector: Selector, text: str, w_start: int, w_end: int, tolerance: int
) -> Iterator[tuple[int, int]]:
    """Spans in ``text[w_start:w_end]`` that may be the quote, most precise first.

    1. The quote's boundaries mapped through an alignment of
       ``prefix + exact + suffix`` with the window widened by the context
       lengths: the context pins down where the passage starts and ends.
    2. The span lined up with the quote alone, extended over unmatched ends of
       the quote (a changed first or last character stays inside).
    3. That span trimmed to the matched characters.

    Alignments use ``SequenceMatcher`` matching blocks; blocks far off the
    main diagonal (chance matches in the surrounding text) are ignored.  The
    spans are generated lazily: the caller stops at the first acceptable one.
    """
    n, m, lp = len(text), len(selector.exact), len(selector.prefix)
    given: set[tuple[int, int]] = set()

    def clamp(start: int, end: int) -> tuple[int, int] | None:
        span = (max(0, start), min(n, end))
        if span[1] <= span[0] or span in given:
            return None
        given.add(span)
        return span

    c_start, c_end = max(0, w_start - lp), min(n, w_end + len(selector.suffix))
    full = selector.prefix + selector.exact + selector.suffix
    blocks = _main_blocks(full, text[c_start:c_end], tolerance)
    if blocks:
        start = c_start + _map_boundary(blocks, lp, opening=True)
        end = c_start + _map_boundary(blocks, lp + m, opening=False)
        if span := clamp(start, end):
            yield span

    blocks = _main_blocks(selector.exact, text[w_start:w_end], tolerance)
    if blocks:
        first, last = blocks[0], blocks[-1]
        tail = m - last[0] - last[2]
        if span := clamp(w_start + first[1] - first[0], w_start + last[1] + last[2] + tail):
            yield span
        if span := clamp(w_start + first[1], w_start + last[1] + last[2]):
            yield span


def _main_blocks(a: str, b: str, tolerance: int) -> list[tuple[int, int, int]]:
    """Matching blocks ``(i, j, size)`` of ``a`` in ``b`` near the main diagonal."""
    blocks = [
        (x.a, x.b, x.size)
        for x in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        if x.size
    ]
    if not blocks:
        return []
    main = max(blocks, key=lambda x: x[2])
    diagonal = main[1] - main[0]
    return [x for x in blocks if abs(x[1] - x[0] - diagonal) <= tolerance]


def _map_boundary(blocks: list[tuple[int, int, int]], i: int, *, opening: bool) -> int:
    """Where position ``i`` of the aligned string falls in the window (``blocks`` not empty).

    Inside a matching block the mapping is exact.  In a gap between blocks an
    opening boundary is placed so that the unmatched characters after it stay
    inside the passage, a closing one so that those before it do.
    """
    previous_end: tuple[int, int] | None = None  # (i, j) just after the previous block
    for a, b, size in blocks:
        if a <= i < a + size or (not opening and i == a + size):
            return b + (i - a)
        if a > i:
            if opening:
                mapped = b - (a - i)
                return mapped if previous_end is None else max(previous_end[1], mapped)
            mapped = b if previous_end is None else previous_end[1] + (i - previous_end[0])
            return min(b, mapped)
        previous_end = (a + size, b + size)
    assert previous_end is not None
    if opening:
        return previous_end[1]
    return previous_end[1] + (i - previous_end[0])
