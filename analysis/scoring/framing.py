"""Framing: which of the Media Frames Corpus policy frames an article leans on.

Counts weighted cue words and phrases from ``analysis/lexicons/frames.json`` (the 15
frame dimensions of Card et al. 2015). The lexicon is data: its ``version`` is the
scorer's version, so editing a cue re-scores articles.

All cues are compiled into one regular expression shaped as a character trie, matched
on word boundaries against the lower-cased text. At any position the trie prefers the
longest cue, so "rule of law" is one legality hit rather than a hit for "law". Cues
ending in "*" match any word that starts with them ("terror*": terrorism, terrorists).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from analysis.scoring import ScoreResult, register
from analysis.scoring.attribution import lowered as lowered_text
from analysis.scoring.sentences import whitespace_words

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "frames.json"

# In a cue, a space (or hyphen) matches any run of whitespace or hyphens in the text.
_SEPARATOR = re.compile(r"[\s-]+")
_SEPARATOR_PATTERN = r"[\s-]+"


def _key(text: str) -> str:
    return _SEPARATOR.sub(" ", text.strip().lower())


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


LEXICON = _load(LEXICON_PATH)
VERSION = str(LEXICON["version"])
FRAMES: tuple[str, ...] = tuple(LEXICON["frames"])
LABELS: dict[str, str] = {k: v["label"] for k, v in LEXICON["frames"].items()}

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
# and ends on a word boundary. Starting the pattern with \W, not \b, lets the regex
# engine skip from one non-word character to the next in C instead of trying the trie
# inside every word: a fifth faster, with the same matches.
_TRIE = _trie_pattern()
_CUES = re.compile(r"\W(" + _TRIE + r")\b")
_CUES_IGNORECASE = re.compile(_CUES.pattern, re.IGNORECASE)
# The same on a text whose word characters are all ASCII: the engine tests that range
# faster than the Unicode class \W at every character.
_ASCII_CUES = re.compile(r"[^a-zA-Z0-9_](" + _TRIE + r")\b")


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


def _cue(m: re.Match) -> dict:
    text = m.group(1)
    hit = _HITS.get(text)
    if hit is None:
        if len(_HITS) >= _HITS_LIMIT:
            _HITS.clear()
        hit = _HITS[text] = _lookup(text)
    frame, cue, weight = hit
    start, end = m.span(1)  # offsets into " " + text
    return {"start": start - 1, "end": end - 1, "frame": frame, "cue": cue, "weight": weight}


def find_cues(text: str) -> list[dict]:
    """Every cue in the text, left to right, with character offsets into the text."""
    # A curly apostrophe reads as a straight one ("can’t afford"); one character for one,
    # so offsets are kept.
    text = text.replace("’", "'")
    lowered = text.lower()
    # lower() keeps offsets too, unless a character lower-cases to two (Turkish dotted I).
    if len(lowered) == len(text):
        # No lower case makes a word character of another, so without one that is not
        # ASCII in the text (most have a few quotes and dashes) there is none after.
        word_rare = any(ch.isalnum() or ch == "_" for ch in lowered_text(text).rare)
        cues = _CUES if word_rare else _ASCII_CUES
        return [_cue(m) for m in cues.finditer(" " + lowered)]
    return [_cue(m) for m in _CUES_IGNORECASE.finditer(" " + text)]


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of the per-1,000-words rates."""
    return whitespace_words(text)


_ORDER = {frame: i for i, frame in enumerate(FRAMES)}


@register("framing", VERSION, languages=("en",))
def score_framing(text: str) -> ScoreResult:
    cues = find_cues(text)
    words = word_count(text)
    weighted: dict[str, float] = {}
    counts: dict[str, int] = {}
    for cue in cues:
        frame = cue["frame"]
        weighted[frame] = weighted.get(frame, 0.0) + cue["weight"]
        counts[frame] = counts.get(frame, 0) + 1
    total = sum(weighted.values())
    # Heaviest first; ties go to the frame with more hits, then to lexicon order.
    ranked = sorted(weighted, key=lambda f: (-round(weighted[f], 6), -counts[f], _ORDER[f]))
    per_1000 = dict.fromkeys(FRAMES, 0.0)
    shares = dict.fromkeys(FRAMES, 0.0)
    for frame, weight in weighted.items():
        per_1000[frame] = round(1000 * weight / words, 2)
        shares[frame] = round(weight / total, 4)
    return ScoreResult(
        values={
            "word_count": words,
            "per_1000": per_1000,
            "shares": shares,
            "primary_frame": ranked[0] if ranked else None,
            "secondary_frame": ranked[1] if len(ranked) > 1 else None,
            "cue_count": len(cues),
        },
        evidence={"cues": cues},
    )
