"""Persuasion cues: words and phrases that reveal persuasion techniques, per 1,000 words.

The families follow SemEval-2023 Task 3 where wording alone can reveal the technique
(loaded language, name calling, exaggeration, minimisation, doubt, appeal to fear,
flag-waving), plus hedges and intensifiers. The cues are data, in
``analysis/lexicons/persuasion.json``; its version is the scorer's version, so a lexicon
change rescores. How cues match, and the decisions on ambiguous words, are in the
lexicon's "notes".

Pure regular expressions, no model: one combined pattern over every cue (a prefix trie,
so the longest cue wins; an Aho-Corasick automaton finds its matches with less work),
context rules from the lexicon that switch a cue off next to certain words ("tax
regime", "military might", "regime change"), a rule for the month "May", and a second
pattern for scare quotes (the "peaceful" protest), which count as doubt. Loaded language
and name-calling are shown as the short phrase around the cue (the lower-case word on
each side, unless a function word), flag-waving with up to three words on each side
within its clause: the spans the corpus's annotators mark. A 600-word article takes
about a third of a millisecond on a slow shared server.

Learned weights, in ``analysis/lexicons/persuasion_learned.json`` (written by
``bench/train_persuasion.py`` from the training part of the even half of the SemEval-2020
Task 11 propaganda corpus): each cue's precision there, smoothed, is the cue's
confidence (a cue never seen there gets what such cues turned out to have). The file also
lists the lexicon's candidates that the training part promoted ("promoted": words from
VADER's lexicon and from written lists, none from the corpus), each with its confidence;
the others match nothing. It could add phrases learned from the corpus ("added"); it adds
none (see the training script). A cue whose confidence is under the file's threshold, or
of a family the lexicon lists in "hint_families" (measured precision under 0.3), is a
hint: kept apart in the evidence ("hints"), left out of the counts and rates, and shown
only on request.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from analysis.scoring import ScoreResult, register
from analysis.scoring.sentences import mark_positions, matches_at, whitespace_words
from analysis.scoring.text import (
    WORD_BYTES,
    WORD_REST,
    Lowered,
    fast_round,
    lowered,
    original_span,
    original_spans,
    single_spaced,
)

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "persuasion.json"
LEARNED_PATH = LEXICON_PATH.with_name("persuasion_learned.json")
SCARE_QUOTE_CUE = "scare quotes"

_LEXICON = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
_LEARNED = json.loads(LEARNED_PATH.read_text(encoding="utf-8"))
VERSION: str = _LEXICON["version"]
FAMILIES: tuple[str, ...] = tuple(_LEXICON["families"])
# Families whose measured precision is under 0.3: every cue of theirs is a hint.
HINT_FAMILIES: frozenset[str] = frozenset(_LEXICON["hint_families"])
# The families that count in the rates ("findings"), in lexicon order.
FINDING_FAMILIES: tuple[str, ...] = tuple(f for f in FAMILIES if f not in HINT_FAMILIES)
CONFIDENCE_THRESHOLD: float = _LEARNED["threshold"]

# --- The combined cue pattern -----------------------------------------------------------

_HYPHENS = "-\u2010\u2011"
_HYPHEN_CLASS = r"\-\u2010\u2011"
_APOSTROPHES = "'\u2019"


def _key(text: str) -> str:
    """How a cue and the text it matched are compared: lower case, spacing and marks folded."""
    text = text.lower().replace("\u2019", "'")
    for ch in _HYPHENS:
        text = text.replace(ch, " ")
    return " ".join(text.split())


def _char_pattern(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in _HYPHENS:
        return rf"(?:[{_HYPHEN_CLASS}]|\s+)"
    if ch in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    return re.escape(ch)


def _trie_pattern(cues: list[str]) -> str:
    """One alternation for all cues, shared by prefix; '*' at the end allows more letters.

    At each node the longer continuations are tried before stopping there, so the
    longest cue wins; the caller's word-end check makes the engine back off if needed.
    """
    tree: dict = {}
    for cue in cues:
        node = tree
        for ch in cue.lower().rstrip("*"):
            node = node.setdefault(ch, {})
        node["*" if cue.endswith("*") else ""] = {}

    def build(node: dict) -> str:
        alts = [
            _char_pattern(ch) + build(child)
            for ch, child in sorted(node.items())
            if ch not in ("", "*")
        ]
        if "*" in node:
            alts.append(r"\w*")
        elif "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(tree)


_HAND_CUE_FAMILIES: dict[str, list[str]] = {}  # cue as written -> the families listing it
for _family, _spec in _LEXICON["families"].items():
    for _cue in _spec["cues"]:
        _HAND_CUE_FAMILIES.setdefault(_cue, []).append(_family)
# The hand-written cues and the learned additions together.
_CUE_FAMILIES: dict[str, list[str]] = {cue: list(f) for cue, f in _HAND_CUE_FAMILIES.items()}
# Learned cues: phrases from the corpus ("added", none at present) and candidates from
# outside it that the training part promoted ("promoted": cue -> family -> [confidence,
# matches]; the candidates are listed in the lexicon's "candidates").
_LEARNED_CUES: list[tuple[str, str, float]] = [
    (cue, family, confidence) for cue, (family, confidence, _n) in _LEARNED["added"].items()
]
_LEARNED_CUES += [
    (cue, family, confidence)
    for cue, by_family in _LEARNED.get("promoted", {}).items()
    for family, (confidence, _n) in by_family.items()
]
for _cue, _family, _confidence in _LEARNED_CUES:
    if _family not in _CUE_FAMILIES.setdefault(_cue, []):
        _CUE_FAMILIES[_cue].append(_family)

# (cue, family) -> confidence: the cue's learned precision, else what cues unseen in
# training turned out to have (the "unseen prior").
_CONFIDENCE: dict[tuple[str, str], float] = {}
for _cue, _families in _CUE_FAMILIES.items():
    for _family in _families:
        _CONFIDENCE[(_cue, _family)] = _LEARNED["unseen_prior"].get(_family, 0.0)
for _cue, _by_family in _LEARNED["confidence"].items():
    for _family, (_confidence, _n) in _by_family.items():
        _CONFIDENCE[(_cue, _family)] = _confidence
for _cue, _family, _confidence in _LEARNED_CUES:
    _CONFIDENCE[(_cue, _family)] = _confidence

_EXACT = {_key(cue): cue for cue in _CUE_FAMILIES if not cue.endswith("*")}
_PREFIXES = sorted(
    ((_key(cue[:-1]), cue) for cue in _CUE_FAMILIES if cue.endswith("*")),
    key=lambda item: -len(item[0]),
)

# A cue follows whitespace or an opening mark, never a hyphen, so it does not start
# inside a hyphenated word ("counter-terrorist"), and it ends at a word end. Matching
# that one character first (no lookbehind, no capturing group) lets the engine jump from
# word start to word start in C, and lower-casing the text once is three times faster
# than IGNORECASE.
_BEFORE_WORD = r"[ \t\n\r\f\v\u00a0\u2009\u202f\"'“‘«‹(\[{/—–]"


def compile_cues(cues: list[str]) -> re.Pattern:
    """One pattern for these cues, matched over " " + the lower-cased text (see find_cues)."""
    return re.compile(_BEFORE_WORD + "(?:" + _trie_pattern(cues) + r")(?!\w)")


CUE_PATTERN = compile_cues(list(_CUE_FAMILIES))
# The hand-written cues alone: the lexicon before learning, for the evaluation's baseline
# (the same pattern while nothing learned adds a cue).
HAND_CUE_PATTERN = compile_cues(list(_HAND_CUE_FAMILIES)) if _LEARNED_CUES else CUE_PATTERN


# The same matches as CUE_PATTERN, found by an Aho-Corasick automaton (compiled code)
# that reports every occurrence of every cue, as in framing.py; the pattern's rules are
# then applied to the few found. It scans the lower-cased text as bytes, one a character:
# whitespace becomes a space (runs made one, offsets mapped back), "‐" and "‑" a hyphen,
# "’" an apostrophe, the marks outside ASCII that may stand before a cue a double quote,
# other word characters outside ASCII "_", anything else outside ASCII "?". A hyphen in a
# cue also matches whitespace, so each cue is entered with its hyphens either way. Where
# cues could match from one start, the pattern takes the first in its trie's order
# (continuations in character order, before stopping): the least of the keys below.
_AC_PATTERNS: dict[bytes, list[tuple[str, bool]]] = {}  # pattern -> (order key, prefix?)
for _cue in _CUE_FAMILIES:
    _path = _cue.lower().rstrip("*")
    _order = _path + "\U0010ffff"  # stopping comes after every continuation
    _variants = [""]
    for _ch in _path:
        if _ch in _HYPHENS:
            _variants = [v + c for v in _variants for c in "- "]
        else:
            _ch = "'" if _ch in _APOSTROPHES else _ch
            _variants = [v + _ch for v in _variants]
    for _variant in _variants:
        _AC_PATTERNS.setdefault(_variant.encode("ascii"), []).append((_order, _cue.endswith("*")))
_AC_ENTRIES: tuple = tuple(_AC_PATTERNS.values())
_AUTOMATON = BytesAhoCorasick(
    list(_AC_PATTERNS), matchkind=MatchKind.Standard, implementation=Implementation.DFA
)
# Whitespace that may stand before a cue (in _BEFORE_WORD), and whitespace that may not:
# a text with the latter is left to the pattern.
_SPACES_BEFORE = " \t\n\r\f\v\u00a0\u2009\u202f"
_OTHER_SPACES = "".join(  # (no whitespace lies beyond U+3000)
    chr(i) for i in range(0x3001) if chr(i).isspace() and chr(i) not in _SPACES_BEFORE
)
_MARKS_BEFORE = "“‘«‹—–"  # the non-ASCII characters of _BEFORE_WORD that are no spaces
# The bytes of the characters outside ASCII not read as "_", " " or "?" (Lowered.scan_bytes).
_MARKS = dict.fromkeys(_MARKS_BEFORE, 34) | {"\u2010": 45, "\u2011": 45, "\u2019": 39}
_BEFORE_BYTES: tuple[bool, ...] = tuple(chr(b) in " \"'([{/" for b in range(256))
_SPACE_BYTES = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")


def _automaton_spans(low: Lowered) -> list[tuple[int, int]] | None:
    """Where CUE_PATTERN's matches put their cues in " " + low.lower (whose characters
    outside ASCII are the text's rare ones and their lower cases), or None if the text is
    left to the pattern."""
    if low.rare and any(ch in _OTHER_SPACES for ch in low.rare):
        return None
    text = b" " + low.scan_bytes(_MARKS)  # (whitespace left is of _SPACES_BEFORE: " ")
    if b"\x1c" in text or b"\x1d" in text or b"\x1e" in text or b"\x1f" in text:
        return None
    text, marks, removed = single_spaced(text.translate(_SPACE_BYTES))
    n = len(text)
    word = WORD_BYTES
    before = _BEFORE_BYTES
    best: dict[int, tuple] = {}
    for index, start, end in _AUTOMATON.find_matches_as_indexes(text, overlapping=True):
        if not before[text[start - 1]]:
            continue
        for order, prefix in _AC_ENTRIES[index]:
            if prefix:
                stop = WORD_REST.match(text, end).end()
            elif end < n and word[text[end]]:
                continue  # the pattern wants no word character after
            else:
                stop = end
            got = best.get(start)
            if got is None or order < got[0]:
                best[start] = (order, stop)
    spans = []
    last = 0
    for start in sorted(best):
        if start <= last:
            continue  # overlaps the cue before, or has no character of its own before
        end = best[start][1]
        if text[start - 1] == 39:  # (so start - 1 > 0: the bytes open with a space)
            first = original_span(marks, removed, start, end)[0]
            if low.lower[first - 2] != "'":  # the character before, in " " + low.lower
                continue  # a curly apostrophe may not stand before a cue, a straight one may
        last = end
        spans.append((start, end))
    return original_spans(marks, removed, spans)


def _cue_spans(text: str, pattern: re.Pattern) -> list[tuple[int, int, str]]:
    """The pattern's matches in the text: where each cue starts and ends, and its text in
    lower case (CUE_PATTERN's found by the automaton, unless it leaves the text to it)."""
    if pattern is CUE_PATTERN:
        low = lowered(text)
        spans = _automaton_spans(low)
        if spans is not None:
            lower = low.lower  # the spans are into " " + lower, one longer
            return [(start - 1, end - 1, lower[start - 1 : end - 1]) for start, end in spans]
    # A match starts with the character before the cue, in a text one longer.
    scanned = " " + _lower_same_length(text)
    return [(m.start(), m.end() - 1, m.group()[1:]) for m in pattern.finditer(scanned)]


def _lower_same_length(text: str) -> str:
    # The shared lower-cased text, which the other scorers made already: a few
    # characters grow when lower-cased ("İ"), and it keeps those, so offsets stay true.
    return lowered(text).lower


def _cue_for(matched: str) -> str:
    cue = _EXACT.get(matched)  # the usual case: a one-word cue, already lower case
    if cue is not None:
        return cue
    key = _key(matched)
    if key in _EXACT:
        return _EXACT[key]
    for prefix, cue in _PREFIXES:
        if key.startswith(prefix):
            return cue
    raise LookupError(matched)  # the pattern only matches lexicon cues


# --- Context rules ----------------------------------------------------------------------

_CONTEXT_WINDOW = 60
_WORD_PUNCTUATION = ".,;:!?\"'“”‘’()[]"


def _previous_words(text: str, start: int) -> list[str]:
    """The two words before start, lower case, if only whitespace separates the last one."""
    before = text[max(0, start - _CONTEXT_WINDOW) : start]
    if not before[-1:].isspace():
        return []
    return [w.strip(_WORD_PUNCTUATION).lower() for w in before.split()[-2:]]


def _next_word(text: str, end: int) -> str:
    after = text[end : end + _CONTEXT_WINDOW]
    if not after[:1].isspace():
        return ""
    words = after.split(None, 1)
    return words[0].strip(_WORD_PUNCTUATION).lower() if words else ""


class _Context:
    """A lexicon "contexts" entry: where a cue is not a persuasion cue."""

    def __init__(self, spec: dict) -> None:
        self.not_after = frozenset(w.lower() for w in spec.get("not_after", ()))
        self.not_before = frozenset(w.lower() for w in spec.get("not_before", ()))
        after, before = spec.get("not_after_pattern"), spec.get("not_before_pattern")
        self.after_pattern = re.compile(after) if after else None
        self.before_pattern = re.compile(before) if before else None

    def rules_out(self, text: str, start: int, end: int) -> bool:
        if self.not_after:
            words = _previous_words(text, start)
            # "the 2003 invasion": an entry of two words compares with the last two.
            if words and (words[-1] in self.not_after or " ".join(words) in self.not_after):
                return True
        if self.not_before and _next_word(text, end) in self.not_before:
            return True
        if self.after_pattern and self.after_pattern.search(
            text[max(0, start - _CONTEXT_WINDOW) : start]
        ):
            return True
        return bool(
            self.before_pattern and self.before_pattern.search(text[end : end + _CONTEXT_WINDOW])
        )


_CONTEXTS = {cue: _Context(spec) for cue, spec in _LEXICON.get("contexts", {}).items()}


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised "May" is the month or a name ("in May", "Theresa May", "May 14") unless it
# opens a sentence and a verb follows ("May be", "May cause"): after a modal comes a bare
# verb, never "said", "is", "has" or a past tense.
_SENTENCE_OPENING = re.compile(r"(?:[.!?:;]['\"”’)\]]*\s+|\n\s*)['\"“‘(\[]?$")
_OPENING_MARKS = " \t\n'\"“‘(["
_NOT_AFTER_MODAL = _word_set(
    "said says told tells was is has had does did saw sees will would can could and or of in "
    "to at on for day brought spoke wrote went made met took won lost left became"
)
_DIGIT_NEXT = re.compile(r"\s*\d")
_NEXT_TOKEN = re.compile(r"\s+([\w'’]+)")


def _is_month_or_name(text: str, start: int, end: int) -> bool:
    if _DIGIT_NEXT.match(text, end):
        return True  # "May 14", "May 2024", even in a headline's capitals
    if text[start:end] != "May":
        return False  # lower-case "may" is the modal; so is "MAY" in a headline
    opens_text = not text[:start].strip(_OPENING_MARKS)
    if not opens_text and not _SENTENCE_OPENING.search(text[max(0, start - 6) : start]):
        return True
    following = _NEXT_TOKEN.match(text, end)
    if not following:
        return True
    token = following.group(1)
    lowered = token.lower()
    return token[0].isupper() or lowered in _NOT_AFTER_MODAL or lowered.endswith(("ed", "'s", "’s"))


# --- Scare quotes -----------------------------------------------------------------------

_SCARE = _LEXICON["scare_quotes"]
# One to max_words words, the first in lower case and of two letters or more: titles and
# names start with a capital, a speaker's sentence ends in punctuation inside the marks
# ("We will stay," she said), and "rock 'n' roll" is no sneer.
_WORDS_IN_QUOTES = r"[a-z][\w'’-]+(?:[ \t][\w'’-]+){0," + str(int(_SCARE["max_words"]) - 1) + "}"
# Starts with the opening mark itself so the engine can skip ahead in C; a straight
# apostrophe right after a letter ("firm's") opens nothing.
SCARE_QUOTE_PATTERN = re.compile(
    rf"(?:\"{_WORDS_IN_QUOTES}\"|“{_WORDS_IN_QUOTES}”|‘{_WORDS_IN_QUOTES}’|'(?<!\w')"
    rf"{_WORDS_IN_QUOTES}')(?!\w)"
)
_SCARE_MARKS = "\"“‘'"


def _scare_quote_matches(text: str) -> list[re.Match]:
    """What SCARE_QUOTE_PATTERN.finditer(text) finds. Each match opens with one of
    _SCARE_MARKS and a letter a-z, so only those few places are tried."""
    starts = [i for i in mark_positions(text, _SCARE_MARKS) if "a" <= text[i + 1 : i + 2] <= "z"]
    return matches_at(SCARE_QUOTE_PATTERN, text, starts)


_NEAR_WORDS = frozenset(w for w in _SCARE["not_near"] if " " not in w and not w.endswith("*"))
_NEAR_PREFIXES = tuple(w[:-1] for w in _SCARE["not_near"] if w.endswith("*"))
_NEAR_PHRASES = frozenset(w for w in _SCARE["not_near"] if " " in w)
_TOKEN = re.compile(r"[\w'’-]+")
_CLAUSE_END = re.compile(r"[.!?;:]\s")
_WORDS_BEFORE = 12
_WORDS_AFTER = 4
_ATTRIBUTION_AFTER = re.compile(r"\s*[,—–-]")


def _reporting(tokens: list[str]) -> bool:
    for i, token in enumerate(tokens):
        if token in _NEAR_WORDS or token.startswith(_NEAR_PREFIXES):
            return True
        if i and f"{tokens[i - 1]} {token}" in _NEAR_PHRASES:
            return True
    return False


def _is_quotation(text: str, start: int, end: int) -> bool:
    """Marks around a speaker's words, a title or a word mentioned: not a scare quote.

    A reporting word in the same clause before the marks ("described the figures as
    "encouraging"", "the word "sovereignty"") or just after them ("unworkable", he said).
    """
    clause = _CLAUSE_END.split(text[max(0, start - 100) : start])[-1]
    if _reporting(_TOKEN.findall(clause.lower())[-_WORDS_BEFORE:]):
        return True
    after = text[end : end + 60]
    if not _ATTRIBUTION_AFTER.match(after):
        return False
    clause = _CLAUSE_END.split(after)[0]
    return _reporting(_TOKEN.findall(clause.lower())[:_WORDS_AFTER])


# --- Phrases ----------------------------------------------------------------------------

# Annotators mark loaded language and name-calling as a short phrase ("brutal crackdown",
# "radical leftists"), and flag-waving as a longer one, not a lone word: a cue of these
# families is shown and counted with a few words on each side (the lexicon's "phrases":
# how many, and whether only lower-case words that are no function word join, so that a
# name, a number or "the" stops it). Punctuation always stops it. The confidence is the
# cue's own, measured on its words.
_PHRASES = _LEXICON["phrases"]
PHRASE_FAMILIES: frozenset[str] = frozenset(_PHRASES["families"])
_NOT_JOINED = frozenset(_PHRASES["not_joined"])
_PHRASE_WINDOW = 40
# (word before, word after) patterns: lower-case words only, or any word.
_LOWER_WORDS = (
    re.compile(r"(?<![\w'’\-])([a-z][a-z'’\-]*) +$"),
    re.compile(r" +([a-z][a-z'’\-]*)(?![\w'’\-])"),
)
_ANY_WORDS = (
    re.compile(r"(?<![\w'’\-])(\w[\w'’\-]*) +$"),
    re.compile(r" +(\w[\w'’\-]*)(?![\w'’\-])"),
)
# family -> (words before, words after, (before, after) patterns, function words join)
_PHRASE_RULES = {
    family: (
        int(spec["words_before"]),
        int(spec["words_after"]),
        _ANY_WORDS if spec["any_word"] else _LOWER_WORDS,
        bool(spec["any_word"]),
    )
    for family, spec in _PHRASES["families"].items()
}


def phrase_span(text: str, start: int, end: int, family: str) -> tuple[int, int]:
    """The cue's span with the words on each side that belong to its family's phrase."""
    rule = _PHRASE_RULES.get(family)
    if rule is None:
        return start, end
    words_before, words_after, (word_before, word_after), any_word = rule
    for _ in range(words_before):
        before = word_before.search(text, max(0, start - _PHRASE_WINDOW), start)
        if not before or (not any_word and before.group(1).rstrip("'’-") in _NOT_JOINED):
            break
        start = before.start()
    for _ in range(words_after):
        after = word_after.match(text, end)
        if not after or (not any_word and after.group(1).rstrip("'’-") in _NOT_JOINED):
            break
        end = after.end()
    return start, end


# --- The scorer -------------------------------------------------------------------------


def count_words(text: str) -> int:
    """Whitespace-separated tokens, less dashes standing alone between words."""
    return whitespace_words(text) - text.count(" — ") - text.count(" – ")


def _cue(text: str, start: int, end: int, family: str, cue: str) -> dict:
    confidence = _CONFIDENCE.get((cue, family), 0.0)
    phrase = phrase_span(text, start, end, family) if family in PHRASE_FAMILIES else (start, end)
    return {
        "start": phrase[0],
        "end": phrase[1],
        "cue_start": start,
        "cue_end": end,
        "family": family,
        "cue": cue,
        "confidence": confidence,
        "hint": family in HINT_FAMILIES or confidence < CONFIDENCE_THRESHOLD,
    }


def find_cues(text: str, *, hints: bool = False, learned: bool = True) -> list[dict]:
    """The cues in the text as {start, end, cue_start, cue_end, family, cue, confidence,
    hint}, in text order: start and end take in the cue's phrase (see phrase_span),
    cue_start and cue_end the cue alone.

    Findings only unless ``hints``; ``learned=False`` matches the hand-written cues alone
    (the learned additions are left out; confidences and hint marks stay). A cue listed
    in two families gives one entry per family, with the same offsets.
    """
    pattern, families_of = (
        (CUE_PATTERN, _CUE_FAMILIES) if learned else (HAND_CUE_PATTERN, _HAND_CUE_FAMILIES)
    )
    found = []
    for start, end, matched in _cue_spans(text, pattern):
        cue = _cue_for(matched)
        context = _CONTEXTS.get(cue)
        if context and context.rules_out(text, start, end):
            continue
        if cue == "may" and _is_month_or_name(text, start, end):
            continue
        for family in families_of[cue]:
            found.append(_cue(text, start, end, family, cue))
    scare = []
    for match in _scare_quote_matches(text):
        start, end = match.span()
        if start and text[start - 1].isalnum():
            continue  # an apostrophe or a mark inside a word, not an opening mark
        if not _is_quotation(text, start, end):
            scare.append(_cue(text, start, end, "doubt", SCARE_QUOTE_CUE))
    found.extend(scare)
    # A phrase can start before the cue (and a scare quote between cues): text order.
    found.sort(key=lambda c: (c["start"], c["end"]))
    return found if hints else [c for c in found if not c["hint"]]


def _per_1000(hits: int, words: int) -> float:
    return fast_round(hits * 1000 / words, 2) if words else 0.0


@register("persuasion", VERSION, languages=("en",))
def score_persuasion(text: str) -> ScoreResult:
    """Findings counted per family and per 1,000 words; hints apart, in the evidence only.

    Only the families that met the precision bar (FINDING_FAMILIES) have counts and rates,
    so outlet reports and comparisons add up findings alone; "hint_counts" says how many
    hints each family had, for a page that offers to show them.
    """
    word_count = count_words(text)
    cues, hints = [], []
    for cue in find_cues(text, hints=True):
        (hints if cue["hint"] else cues).append(cue)
    counts = dict.fromkeys(FINDING_FAMILIES, 0)
    for cue in cues:
        counts[cue["family"]] += 1
    hint_counts = dict.fromkeys(FAMILIES, 0)
    for cue in hints:
        hint_counts[cue["family"]] += 1
    return ScoreResult(
        values={
            "word_count": word_count,
            "counts": counts,
            "per_1000": {family: _per_1000(n, word_count) for family, n in counts.items()},
            "total_per_1000": _per_1000(len(cues), word_count),
            "hint_counts": {family: n for family, n in hint_counts.items() if n},
        },
        evidence={"cues": cues, "hints": hints},
    )
