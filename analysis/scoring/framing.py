"""Framing: which of the Media Frames Corpus policy frames an article uses.

Two layers. Weighted cue words and phrases from ``analysis/lexicons/frames.json`` (the 15
frame dimensions of Card et al. 2015) give the evidence: where each frame shows in the
text, its rate per 1,000 words and its share of the cues. A generic cue ("price",
"trillion", any cue of weight 0.5 or less) counts only in a sentence that holds a
specific cue of the same frame (or, for money, a currency sign). Then a per-frame
logistic model (``analysis/lexicons/frames_model.json``, trained by
``bench/train_frames.py``) over those cue rates and word counts gives every frame a
confidence that it is present, as annotators label frames: several per article. A frame
is present when its confidence reaches the model's threshold and at least one of its cues
is in the text, so that each frame shown has words behind it.

The lexicon and the model are data: the scorer's version is made of both versions, so
editing a cue or retraining re-scores articles.

All cues are compiled into one regular expression shaped as a character trie, matched
on word boundaries against the lower-cased text (an Aho-Corasick automaton, ahocorasick-rs,
finds the same matches with less work). At any position the trie prefers the
longest cue, so "rule of law" is one legality hit rather than a hit for "law". Cues
ending in "*" match any word that starts with them ("terror*": terrorism, terrorists).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from analysis.scoring import ScoreResult, register
from analysis.scoring.sentences import split_spans, whitespace_words
from analysis.scoring.text import (
    APOSTROPHE_MARKS,
    WORD_BYTES,
    WORD_REST,
    Lowered,
    fast_round,
    original_spans,
    single_spaced,
)
from analysis.scoring.text import lowered as lowered_text

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "frames.json"
MODEL_PATH = LEXICON_PATH.with_name("frames_model.json")

# In a cue, a space (or hyphen) matches any run of whitespace or hyphens in the text.
_SEPARATOR = re.compile(r"[\s-]+")
_SEPARATOR_PATTERN = r"[\s-]+"


def _key(text: str) -> str:
    return _SEPARATOR.sub(" ", text.strip().lower())


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


LEXICON = _load(LEXICON_PATH)
FRAMES: tuple[str, ...] = tuple(LEXICON["frames"])
LABELS: dict[str, str] = {k: v["label"] for k, v in LEXICON["frames"].items()}
# Cues that count only beside a specific cue of their frame (or one of its markers).
_NEEDS_CONTEXT: set[tuple[str, str]] = {
    (frame, cue) for frame, spec in LEXICON["frames"].items() for cue in spec["needs_context"]
}
_MARKERS: dict[str, tuple[str, ...]] = {
    frame: tuple(spec.get("context_markers", ())) for frame, spec in LEXICON["frames"].items()
}

# Normalised cue -> (frame, cue as written, weight); prefix cues are keyed by their stem.
_EXACT: dict[str, tuple[str, str, float]] = {}
_PREFIX: dict[str, tuple[str, str, float]] = {}
for _frame, _spec in LEXICON["frames"].items():
    for _cue, _weight in _spec["cues"].items():
        _table, _text = (_PREFIX, _cue[:-1]) if _cue.endswith("*") else (_EXACT, _cue)
        _table[_key(_text)] = (_frame, _cue, float(_weight))

_SEP, _STAR, _END = object(), object(), object()  # trie keys besides characters


def _trie_pattern() -> str:
    root: dict = {}
    for table, star in ((_EXACT, False), (_PREFIX, True)):
        for cue in table:
            node = root
            for ch in cue:
                node = node.setdefault(_SEP if ch == " " else ch, {})
            node[_STAR if star else _END] = True

    def build(node: dict) -> str:
        # A separator first (a phrase outranks its first word), then letters, then the
        # prefix wildcard; greedy matching and backtracking make the longest cue win.
        alts = [_SEPARATOR_PATTERN + build(node[_SEP])] if _SEP in node else []
        chars = sorted((k, v) for k, v in node.items() if isinstance(k, str))
        alts += [re.escape(ch) + build(child) for ch, child in chars]
        if _STAR in node:
            alts.append(r"\w*")
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or _END in node else alts[0]
        return body + "?" if _END in node else body

    return build(root)


# A cue starts after a non-word character (the text is scanned with a space in front)
# and ends on a word boundary. The definition of a match: the automaton below finds the
# same (tests/analysis/scoring/test_framing.py compares them); the regex itself scans
# the few texts in which lower case changes the length, with IGNORECASE.
_TRIE = _trie_pattern()
_CUES = re.compile(r"\W(" + _TRIE + r")\b")
_CUES_IGNORECASE = re.compile(_CUES.pattern, re.IGNORECASE)


def _lookup(matched: str) -> tuple[str, str, float]:
    key = _key(matched)
    hit = _EXACT.get(key)
    if hit is not None:
        return hit
    for end in range(len(key), 0, -1):
        hit = _PREFIX.get(key[:end])
        if hit is not None:
            return hit
    raise LookupError(matched)  # the pattern only matches cues, so this cannot happen


# Matched text -> cue, remembered: the same few hundred cue forms recur in every article.
_HITS: dict[str, tuple[str, str, float]] = {}
_HITS_LIMIT = 100_000


def _cue_at(matched: str, start: int, end: int) -> dict:
    """The cue that matched as ``matched``, at start:end of the scanned text."""
    hit = _HITS.get(matched)
    if hit is None:
        if len(_HITS) >= _HITS_LIMIT:
            _HITS.clear()
        hit = _HITS[matched] = _lookup(matched)
    frame, cue, weight = hit  # the offsets are into " " + text
    return {"start": start - 1, "end": end - 1, "frame": frame, "cue": cue, "weight": weight}


def _cue(m: re.Match) -> dict:
    start, end = m.span(1)
    return _cue_at(m.group(1), start, end)


# The same matches as _CUES, found by one Aho-Corasick automaton (compiled code) that
# reports every occurrence of every cue; the regex's rules are then applied to the few
# found: a non-word character before, a word boundary after, a prefix cue running on to
# the end of its word, the longest cue at a start, and none overlapping the one before.
# It scans bytes, one a character (cues are ASCII): a character outside ASCII becomes
# "_" if a word character (as the regex's \w: str.isalnum), " " if whitespace, else "?"
# (Lowered.scan_bytes), but a curly apostrophe a straight one.
_PATTERNS: tuple[str, ...] = (*_EXACT, *_PREFIX)
_AUTOMATON = BytesAhoCorasick(
    [p.encode("ascii") for p in _PATTERNS],
    matchkind=MatchKind.Standard,
    implementation=Implementation.DFA,
)
# Per pattern: the exact cue's entry, or None for a prefix (its entry hangs on the word).
_ENTRIES: tuple = (*_EXACT.values(), *(None for _ in _PREFIX))
# A separator (the regex's [\s-]) becomes a space; runs of spaces are then made one.
_SEPARATOR_BYTES = bytes.maketrans(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f-", b" " * 10)


def _scan_bytes(low: Lowered) -> bytes:
    """The scanned text (" " + low.lower, a curly apostrophe read as a straight one) as
    bytes, one a character, as the automaton reads it."""
    return (b" " + low.scan_bytes(APOSTROPHE_MARKS)).translate(_SEPARATOR_BYTES)


def _automaton_cues(low: Lowered) -> list[dict]:
    text, marks, removed = single_spaced(_scan_bytes(low))
    n = len(text)
    word = WORD_BYTES
    entries = _ENTRIES
    best: dict[int, tuple] = {}
    for index, start, end in _AUTOMATON.find_matches_as_indexes(text, overlapping=True):
        if word[text[start - 1]]:
            continue  # the regex wants a non-word character before (the text starts " ")
        entry = entries[index]
        if entry is None:  # a prefix: any word characters follow
            stop = WORD_REST.match(text, end).end()
            if stop == end and not word[text[end - 1]]:
                continue
            end = stop
        elif word[text[end - 1]] == (end < n and word[text[end]]):
            continue  # no word boundary after
        got = best.get(start)
        # The longest cue at a start; of an exact cue and a prefix one as long, the exact.
        if got is None or end > got[0] or (end == got[0] and entry is not None):
            best[start] = (end, entry)
    spans, kept = [], []
    last = 0
    for start in sorted(best):
        if start <= last:
            continue  # overlaps the cue before, or has no character of its own before
        end, entry = best[start]
        last = end
        spans.append((start, end))
        kept.append(entry)
    found = []
    lower = low.lower
    for (start, end), entry in zip(original_spans(marks, removed, spans), kept, strict=True):
        if entry is None:  # the word as matched: its slice of the scanned text
            found.append(_cue_at(lower[start - 1 : end - 1].replace("’", "'"), start, end))
        else:
            frame, cue, weight = entry
            found.append(
                {"start": start - 1, "end": end - 1, "frame": frame, "cue": cue, "weight": weight}
            )
    return found


def find_cues(text: str) -> list[dict]:
    """Every cue in the text, left to right, with character offsets into the text."""
    # A curly apostrophe reads as a straight one ("can’t afford"); one character for one,
    # so offsets are kept. Both are ignored by lower case's context rules (final sigma),
    # so the shared lower-cased text may be taken and its apostrophes replaced (in the
    # automaton's bytes, and in the few words it finds that are read again as text).
    low = lowered_text(text)
    # lower() keeps offsets too, unless a character lower-cases to two (Turkish dotted I).
    if low.same:
        return _automaton_cues(low)
    return [_cue(m) for m in _CUES_IGNORECASE.finditer(" " + text.replace("’", "'"))]


def cues_in_context(text: str, cues: list[dict]) -> list[dict]:
    """The cues that count: a cue that needs context counts only in a sentence that also
    holds a cue of its frame needing none, or one of the frame's markers ("$")."""
    needs = [(c["frame"], c["cue"]) in _NEEDS_CONTEXT for c in cues]
    if not any(needs):
        return cues
    kept: list[dict] = []
    spans = split_spans(text)
    tail = (spans[-1][1] if spans else 0, len(text) + 1)  # whatever no sentence holds
    i, n = 0, len(cues)
    for start, end in (*spans, tail):
        if i == n:
            break  # no cue left
        j = i  # the cues inside: i to j (and any before the sentence, after the last)
        while j < n and cues[j]["start"] < end:
            j += 1
        if j == i:
            continue
        anchored = {cues[k]["frame"] for k in range(i, j) if not needs[k]}
        sentence = None  # sliced only if a marker is looked for
        for k in range(i, j):
            c = cues[k]
            frame = c["frame"]
            if not needs[k] or frame in anchored:
                kept.append(c)
                continue
            if sentence is None:
                sentence = text[start:end]
            if any(m in sentence for m in _MARKERS[frame]):
                kept.append(c)
        i = j
    return kept


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of the per-1,000-words rates."""
    return whitespace_words(text)


# --- The frames model ---------------------------------------------------------------------

# Words as the model counts them (lower case; the training script uses the same rule).
_TOKEN = re.compile(r"[a-z][a-z']+")


def _load_model(path: Path) -> dict | None:
    return _load(path) if path.exists() else None


@dataclass(frozen=True)
class FramesModel:
    """A per-frame logistic model: one matrix product per article."""

    version: str
    frames: tuple[str, ...]
    bias: np.ndarray  # per model frame
    cue_weights: np.ndarray  # model frames x lexicon frames
    index: dict[str, int]  # vocabulary word -> row of word_weights
    word_weights: np.ndarray  # words x model frames
    calibration: tuple[tuple[float, float], ...]  # (slope, intercept) per model frame
    threshold: float
    cue_scale: float
    # Added to each frame's score: this times log(1 + the weight of the frame's own cues
    # per 1,000 words, before the context rules). The bare rate ranks articles by some
    # frames (economic, crime) better than the words do.
    cue_prior: float
    # cue_weights plus the prior on each frame's own cue feature: the whole score from the
    # cue features when the context rules dropped no cue (then both rates are one).
    prior_weights: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        own = np.zeros_like(self.cue_weights)
        for j, frame in enumerate(self.frames):
            own[j, FRAMES.index(frame)] = self.cue_prior / self.cue_scale
        object.__setattr__(self, "prior_weights", self.cue_weights + own)

    @cached_property
    def vocabulary_scan(self) -> tuple[AhoCorasick, dict[str, int], tuple[str, ...]]:
        """An automaton that finds the vocabulary's words in _token_bytes, decoded (each
        pattern a word with a space either side, so only whole tokens match); each
        pattern's row of word_weights; and the word of each row. Words that no token can
        be are left out. Made at the first use."""
        words = {f" {w} ": w for w in self.index if _TOKEN.fullmatch(w)}
        automaton = AhoCorasick(
            list(words),
            matchkind=MatchKind.Standard,
            store_patterns=True,  # matches are then the patterns themselves, not copies
            # Not a DFA: with thousands of words its table is megabytes, read at random,
            # and the scan was bound by cache misses (that also evicted the other
            # scorers' tables). The contiguous NFA is several times smaller: in the
            # engine it was 3-4 % faster overall (the framing and persuasion cue
            # automatons, with fewer patterns, were not faster as NFAs).
            implementation=Implementation.ContiguousNFA,
        )
        return automaton, {p: self.index[w] for p, w in words.items()}, tuple(self.index)

    @classmethod
    def from_json(cls, data: dict) -> FramesModel:
        words = data["words"]
        return cls(
            version=str(data["version"]),
            frames=tuple(data["frames"]),
            bias=np.array(data["bias"], dtype=float),
            cue_weights=np.array(data["cue_weights"], dtype=float),
            index={w: i for i, w in enumerate(words)},
            word_weights=np.array(list(words.values()), dtype=float).reshape(
                len(words), len(data["frames"])
            ),
            calibration=tuple((float(a), float(b)) for a, b in data["calibration"]),
            threshold=float(data["threshold"]),
            cue_scale=float(data["cue_scale"]),
            cue_prior=float(data.get("cue_prior", 0.0)),
        )


def cue_features(weighted: dict[str, float], words: int, scale: float) -> list[float]:
    """log(1 + cue weight per 1,000 words) for each lexicon frame, scaled."""
    n = max(words, 1)
    return [scale * math.log1p(1000 * weighted.get(f, 0.0) / n) for f in FRAMES]


# The lower-cased text as bytes with only a-z and the straight apostrophe (any other
# character a space): its whitespace-separated chunks are _TOKEN's matches, once the
# apostrophes a chunk opens with are taken off (a token starts with a letter) and the
# chunks of one letter left out. Split and counted in C, that is twice as fast.
_TOKEN_TABLE = bytes(ch if 97 <= ch <= 122 or ch == 39 else 32 for ch in range(256))


def _token_bytes(text: str) -> bytes | None:
    """The chunks that _tokens splits, between spaces (one at each end); None if lower
    case changes the text's length (then _tokens reads the text with _TOKEN)."""
    low = lowered_text(text)  # the lower-cased text the other scorers made already
    if not low.same:
        return None
    data = b" " + low.ascii.translate(_TOKEN_TABLE) + b" "
    while b" '" in data:  # apostrophes that open a chunk
        data = data.replace(b" '", b"  ")
    return data


def _tokens(text: str) -> list[str]:
    """_TOKEN.findall of the lower-cased text, with chunks of one letter besides."""
    data = _token_bytes(text)
    if data is None:
        return _TOKEN.findall(text.lower())
    return data.decode().split()


# log(1 + n) of the counts a word has in most articles, looked up instead of computed.
_LOG1P = tuple(math.log1p(n) for n in range(256))


def word_features(text: str, vocabulary) -> dict[str, float]:
    """log(1 + count) of each vocabulary word, L2-normalised over the vocabulary words."""
    # Only the vocabulary's words are counted (in first-seen order, as Counter keeps them).
    counts: dict[str, int] = {}
    for word in _tokens(text):
        if word in vocabulary:
            if word in counts:
                counts[word] += 1
            else:
                counts[word] = 1
    logs = {w: _LOG1P[c] if c < 256 else math.log1p(c) for w, c in counts.items() if len(w) > 1}
    norm = math.sqrt(sum([v * v for v in logs.values()])) or 1.0
    return {w: v / norm for w, v in logs.items()}


_LOG1P_ARRAY = np.array(_LOG1P)


def model_word_features(model: FramesModel, text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """word_features(text, model.index) as its words, its values and their rows of
    model.word_weights. The vocabulary's words are found by the model's automaton, and
    the values worked out by array, rather than every token of the text made a string,
    looked up, and its value computed alone. The same floats: a product or quotient of
    two floats is the same in numpy, and the squares are summed in the same order by
    sum() (tests/analysis/scoring/test_framing_frames.py compares the two)."""
    data = _token_bytes(text)
    if data is None:
        feats = word_features(text, model.index)
        rows = model.word_weights.take([model.index[w] for w in feats], axis=0)
        return list(feats), np.fromiter(feats.values(), dtype=float, count=len(feats)), rows
    automaton, rows, words = model.vocabulary_scan
    # A match a token, in the text's order: Counter keeps the patterns in first-seen order.
    found = Counter(automaton.find_matches_as_strings(data.decode(), overlapping=True))
    n = len(found)
    at = list(map(rows.__getitem__, found))  # one lookup a word: its row gives its word
    counts = np.fromiter(found.values(), dtype=np.intp, count=n)
    logs = _LOG1P_ARRAY.take(np.minimum(counts, len(_LOG1P) - 1))
    for k in np.flatnonzero(counts >= len(_LOG1P)).tolist():  # rare: counts past the table
        logs[k] = math.log1p(int(counts[k]))
    norm = math.sqrt(sum((logs * logs).tolist())) or 1.0
    return (
        [words[row] for row in at],  # (tuple.__getitem__ is a slot wrapper: slower)
        logs / norm,
        model.word_weights.take(np.fromiter(at, dtype=np.intp, count=n), axis=0),
    )


def cue_prior_features(found: dict[str, float], words: int, frames: tuple[str, ...]):
    """log(1 + cue weight per 1,000 words) of each of ``frames``, from the cues found
    before the context rules."""
    n = max(words, 1)
    return np.array([math.log1p(1000 * found.get(f, 0.0) / n) for f in frames])


def frame_confidences(
    model: FramesModel,
    text: str,
    weighted: dict[str, float],
    words: int,
    found: dict[str, float] | None = None,
) -> tuple[dict[str, float], tuple[list[str], np.ndarray | None]]:
    """Each model frame's confidence (0..1), and what each vocabulary word of the text
    added to each frame's score (its words, and a words x frames array), for the
    evidence. ``found``: the cue weight per frame before the context rules, if the rules
    dropped any cue (None: the same as ``weighted``)."""
    feats, values, rows = model_word_features(model, text)
    cue_rates = np.array(cue_features(weighted, words, model.cue_scale))
    if found is None:
        z = model.bias + model.prior_weights @ cue_rates
    else:
        z = model.bias + model.cue_weights @ cue_rates
        z = z + model.cue_prior * cue_prior_features(found, words, model.frames)
    contributions = None
    if feats:
        z = z + values @ rows
        # One array product for every frame's evidence (element by element, it took
        # more time than the rest of the scorer).
        contributions = values[:, None] * rows
    confidences = {
        frame: fast_round(_sigmoid(slope * float(zj) + intercept), 4)
        for frame, zj, (slope, intercept) in zip(
            model.frames, z.tolist(), model.calibration, strict=True
        )
    }
    return confidences, (feats, contributions)


def words_behind(
    model: FramesModel, contributions: tuple[list[str], np.ndarray | None], frames: list[str]
) -> dict[str, list[str]]:
    """For each of ``frames``, the words of the text that raised its confidence most
    (ties: the later word in reverse alphabetical order, as a sort of (contribution,
    word) pairs gives). The frames' columns are read together: a few array operations
    for all of them instead of a few for each."""
    words, added = contributions
    if added is None or not frames:
        return {frame: [] for frame in frames}
    # The frames' columns as rows: frames x words.
    columns = added.T.take([model.frames.index(frame) for frame in frames], axis=0)
    if len(words) > EVIDENCE_WORDS:
        # Only the words at least as high as the EVIDENCE_WORDS-th highest can be among
        # the best (ties included), so only those are sorted; and only those above 0:
        # at least the least float above 0 (one comparison instead of two and an and).
        floors = np.partition(columns, -EVIDENCE_WORDS, axis=1)[:, -EVIDENCE_WORDS, None]
        raised = columns >= np.maximum(floors, _LEAST_POSITIVE)
    else:
        raised = columns > 0
    # By frame, then by word in the text's order.
    frame_at, word_at = np.nonzero(raised)
    pairs: list[list[tuple[float, str]]] = [[] for _ in frames]
    for j, i, value in zip(
        frame_at.tolist(), word_at.tolist(), columns[raised].tolist(), strict=True
    ):
        pairs[j].append((value, words[i]))
    return {
        # What heapq.nlargest gives (its documented equivalent), sorted in C.
        frame: [w for _, w in sorted(best, reverse=True)[:EVIDENCE_WORDS]]
        for frame, best in zip(frames, pairs, strict=True)
    }


_LEAST_POSITIVE = math.nextafter(0.0, 1.0)  # the least float above 0 (5e-324)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


EVIDENCE_WORDS = 5
_MODEL_DATA = _load_model(MODEL_PATH)
MODEL = FramesModel.from_json(_MODEL_DATA) if _MODEL_DATA else None
# The scorer's own rules, and the sentences it reads its cues in: 2 since the sentence
# split keeps a middle initial inside its name ("Robert P. Casey"), which can bring a
# generic cue beside a specific one; 3 since initials joined by an ampersand after a comma
# end no sentence (", S.&P. Global said"; no sentence of PTC's or SemEval-2023's even
# articles changes). The version is lexicon + model + code.
CODE_VERSION = "3"
VERSION = (
    f"{LEXICON['version']}+{MODEL.version}+c{CODE_VERSION}"
    if MODEL
    else f"{LEXICON['version']}+c{CODE_VERSION}"
)

_ORDER = {frame: i for i, frame in enumerate(FRAMES)}


def frames_present(
    confidences: dict[str, float], counts: dict[str, int], threshold: float
) -> list[str]:
    """Frames at or above the threshold that have a cue in the text, most confident first."""
    present = [f for f, c in confidences.items() if c >= threshold and counts.get(f, 0) > 0]
    return sorted(present, key=lambda f: (-confidences[f], _ORDER[f]))


def score_with(text: str, model: FramesModel | None) -> ScoreResult:
    """The framing score of ``text`` under ``model`` (the evaluation passes its own)."""
    found = find_cues(text)
    cues = cues_in_context(text, found)
    words = word_count(text)
    weighted: dict[str, float] = {}
    counts: dict[str, int] = {}
    for cue in cues:
        frame = cue["frame"]
        weighted[frame] = weighted.get(frame, 0.0) + cue["weight"]
        counts[frame] = counts.get(frame, 0) + 1
    total = sum(weighted.values())
    per_1000 = dict.fromkeys(FRAMES, 0.0)
    shares = dict.fromkeys(FRAMES, 0.0)
    for frame, weight in weighted.items():
        per_1000[frame] = fast_round(1000 * weight / words, 2)
        shares[frame] = fast_round(weight / total, 4)
    evidence: dict = {"cues": cues}
    if model is not None:
        found_weight: dict[str, float] | None = (
            None  # the same as weighted when the context rules dropped no cue
        )
        if len(cues) < len(found):
            found_weight = {}
            for cue in found:
                frame = cue["frame"]
                found_weight[frame] = found_weight.get(frame, 0.0) + cue["weight"]
        confidences, contributions = frame_confidences(model, text, weighted, words, found_weight)
        ranked = frames_present(confidences, counts, model.threshold)
        evidence["words"] = words_behind(model, contributions, ranked)
    else:
        # Without a model: the heaviest frames by cue weight (ties: more hits, then order).
        confidences = {}
        ranked = sorted(weighted, key=lambda f: (-round(weighted[f], 6), -counts[f], _ORDER[f]))
    return ScoreResult(
        values={
            "word_count": words,
            "per_1000": per_1000,
            "shares": shares,
            "frames": confidences,
            "frames_present": ranked,
            "primary_frame": ranked[0] if ranked else None,
            "secondary_frame": ranked[1] if len(ranked) > 1 else None,
            "cue_count": len(cues),
        },
        evidence=evidence,
    )


@register("framing", VERSION, languages=("en",))
def score_framing(text: str) -> ScoreResult:
    return score_with(text, MODEL)
