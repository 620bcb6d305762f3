"""Sentence spans for news text, as (start, end) character offsets into the text."""

from __future__ import annotations

import re
from functools import lru_cache

import cython

from analysis.scoring import SHARED_CACHE_SIZE

# Words that end with a period without ending a sentence ("v": versus, in "Roe v. Wade").
# fmt: off
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "sen", "rep", "gov", "pres", "rev", "st", "jr", "sr", "inc", "corp", "ltd", "co", "bros",
    "no", "vs", "etc", "al", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    "i.e", "e.g", "ft", "mt", "fla", "calif", "ariz", "v",
))
# Titles, which a name always follows; every other abbreviation above ends a sentence when
# a sentence opener follows it ("... in the U.S. The proposal", "at 7 p.m. He left"), as an
# initial does ("vs." and "v." excepted: "Smith v. The State").
TITLES = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "sen", "rep", "gov", "pres", "rev",
))
NEVER_ENDS = TITLES | {"vs", "v"}
# Abbreviations that end a sentence unless a number follows ("No. 10", "Art. 5"). A single
# letter ("p. 12") is an initial's case (below), not one of these.
NUMBER_ABBREVIATIONS = frozenset(("no", "art", "nos", "vol", "pp", "ch"))
# Words that open sentences and are not names. A single letter and a period are an
# initial ("Robert P. Casey", "George W. Bush"), and so are letters run together with
# periods ("George H.W. Bush", "the D.C. Circuit", "the S.&P. 500"), unless one of these
# follows: then the letter ended a sentence ("... Plan B. The next day", "... do I.
# This"). Run-together letters after a comma end a sentence before any capital: a place's
# state or country ("... in Bedminster, N.J. Roger Ailes said").
SENTENCE_OPENERS = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "there", "then", "he", "she", "it",
    "its", "his", "her", "we", "our", "they", "their", "you", "i", "but", "and", "or", "so",
    "yet", "in", "on", "at", "for", "if", "when", "while", "after", "before", "as", "now",
    "by", "what", "why", "how", "who", "however", "meanwhile", "instead",
))
# fmt: on

# A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
# Linear in the text's length: a match starts only where a run of punctuation starts
# (the lookbehind), and the possessive quantifiers never give back what they took. The
# plain "[.!?]+" tried every start inside a run and backtracked over the rest of it:
# 16,000 "!" without a capital after them took 3 s, 150,000 took a worker 2 minutes.
# The pattern opens with its character class and checks the character before after it:
# the engine then skips to the next punctuation mark in C instead of trying the
# lookbehind at every character (four times faster, the same matches).
_END = re.compile(r"[.!?](?<![.!?].)[.!?]*+[\"'”’»)\]]*+(?=\s++[\"'“‘«(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*")
# A list marker such as "1." or "a)" opening a line is not a sentence.
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[a-zA-Z])[.)]")
# Initials run together, lower-cased: "h.w" of "H.W."; an ampersand may join two of them
# ("s.&p" of "S.&P. 500", "a.&m" of "Texas A.&M.").
_INITIALS = re.compile(r"[a-z](?:\.&?[a-z])+")
# The word at the start of the next sentence, after an opening quote if any: whole (not an
# initial itself, as "A." in "J. A. Smith"; "It's" gives "It").
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([A-Za-z]+)(?![A-Za-z0-9.])")


def _title_case_before(text: str, start: int, words: int = 3) -> bool:
    """Whether the last few words of the line before ``start`` are all capitalised, as in
    a headline ("Central Americans To Enter U.S. As Refugees")."""
    line = text[max(0, start - 80) : start].rsplit("\n", 1)[-1].split()[-words:]
    return len(line) == words and all(w[:1].isupper() for w in line)


# Compiled, a C function whose text is typed: its characters are read and tested in C.
@cython.cfunc
@cython.locals(text=str, dot=cython.Py_ssize_t, after=cython.Py_ssize_t, start=cython.Py_ssize_t)
def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    if text[dot] != ".":
        return False
    if dot >= 7 and text[dot - 7 : dot].isalpha():
        return False  # a word of 7 letters or more: longer than any abbreviation
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '"“(«':
        start -= 1
    word = text[start:dot].lower()
    if word in NUMBER_ABBREVIATIONS:
        return text[after : after + 1].isdigit()
    if word in ABBREVIATIONS:
        if word in NEVER_ENDS or _title_case_before(text, start):
            return True  # in a headline's Title Case, "And" and "As" open nothing
        opener = _NEXT_WORD.match(text, after)
        return not (opener and opener[1].lower() in SENTENCE_OPENERS)
    if len(word) == 1 and word.isalpha():
        # An initial, such as "J." in "John J. Smith" (or "p." in "p. 12").
        opener = _NEXT_WORD.match(text, after)
        return not (opener and opener[1].lower() in SENTENCE_OPENERS)
    if "." in word and _INITIALS.fullmatch(word):
        # Initials run together, as "H.W." in "George H.W. Bush" or "S.&P." in "the S.&P.
        # 500", unless after a comma ("Washington, D.C."): but initials joined by an
        # ampersand name a body, not a place, there too (", S.&P. Global said").
        if text[max(0, start - 2) : start] == ", " and "&" not in word:
            return False
        opener = _NEXT_WORD.match(text, after)
        return not (opener and opener[1].lower() in SENTENCE_OPENERS)
    return False


# Each byte: a space for a character str.split() splits on, "a" for any other.
_SPACE_TABLE = bytes(32 if chr(b).isspace() else 97 for b in range(256))
_ASCII = bytes(range(128))


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def rare_characters(text: str) -> frozenset[str]:
    """The text's characters outside ASCII (a few quotes and dashes, most often): where
    none is a word character, a digit or whitespace, scans may use ASCII classes."""
    if text.isascii():
        return frozenset()
    rare = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    return frozenset(rare.decode("utf-8", "surrogatepass"))


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def ascii_replaced(text: str) -> bytes:
    """text.encode("ascii", "replace"), one byte a character: made once per text for the
    scans that read texts as bytes (here and in ``text.Lowered``)."""
    return text.encode("ascii", "replace")


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def _spaces(text: str) -> bytes | None:
    """The text as bytes of spaces and "a"s (one a character), so that its whitespace-
    separated tokens are counted in C; None when a character outside ASCII is whitespace."""
    if any(ch.isspace() for ch in rare_characters(text)):
        return None
    return ascii_replaced(text).translate(_SPACE_TABLE)


def whitespace_tokens(text: str, start: int = 0, end: int | None = None) -> int:
    """len(text[start:end].split()), without making the tokens."""
    end = len(text) if end is None else end
    spaces = _spaces(text)
    if spaces is None:
        return len(text[start:end].split())
    if end <= start:
        return 0
    return spaces.count(b" a", start, end) + (spaces[start] == 97)


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def whitespace_split(text: str) -> list[str]:
    """text.split(), made once per text: sentiment takes each sentence's tokens from it
    and readability all of them, which then share the strings and their hashes. The
    list itself is shared (not copied to a tuple): do not change it."""
    return text.split()


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def whitespace_words(text: str) -> int:
    """len(text.split()): cached, since the framing and persuasion rates both need it."""
    return whitespace_tokens(text)


def mark_positions(text: str, marks: str) -> list[int]:
    """Where the text has any of ``marks`` (single characters), in order. For a pattern
    that can only start at one of a few characters: str.find reaches them faster than the
    engine's search, which tests every character against their class."""
    found = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def matches_at(
    pattern: re.Pattern, text: str, starts: list[int], first: int = 0, lo: int = 0, hi=None
) -> list[re.Match]:
    """What ``pattern.finditer(text, lo, hi)`` finds, given every position where a match
    can start (sorted; those from ``starts[first]`` on are tried): each is matched
    there, and the search goes on after a match, as finditer's does."""
    hi = len(text) if hi is None else hi
    found = []
    end = lo
    for k in range(first, len(starts)):
        pos = starts[k]
        if pos >= hi:
            break
        if pos >= end and (m := pattern.match(text, pos, hi)):
            end = m.end()
            found.append(m)
    return found


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def split_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: every scorer of an article asks for the same text's sentences."""
    spans: list[tuple[int, int]] = []
    marks = mark_positions(text, ".!?")
    k = 0
    for para in _paragraphs(text):
        start = para[0]
        while k < len(marks) and marks[k] < para[0]:
            k += 1
        for match in matches_at(_END, text, marks, k, para[0], para[1]):
            after = match.end()
            while after < para[1] and text[after].isspace():
                after += 1
            if _is_abbreviation(text, match.start(), after):
                continue
            if match.end() - start <= 4 and _LIST_MARKER.fullmatch(text, start, match.end()):
                continue  # (a list marker has four characters at most)
            spans.append((start, match.end()))
            start = match.end()
            while start < para[1] and text[start].isspace():
                start += 1
        if start < para[1]:
            spans.append((start, para[1]))
    return tuple(spans)


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def sentence_tokens(text: str) -> tuple[int, ...]:
    """whitespace_tokens of each sentence of split_spans(text), in order: sentiment and
    readability both need them."""
    spans = split_spans(text)
    spaces = _spaces(text)
    if spaces is None:
        return tuple(len(text[s:e].split()) for s, e in spans)
    count = spaces.count
    counts = []  # a compiled loop: faster than a generator
    for s, e in spans:
        counts.append(count(b" a", s, e) + (spaces[s] == 97) if e > s else 0)
    return tuple(counts)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The stretches between _PARAGRAPH matches, stripped of whitespace, if not empty.
    A match takes a newline and the whitespace after it, so these are the lines of the
    text (split at newlines) that are not all whitespace, stripped: found so in C."""
    result = []
    start = 0
    for line in text.split("\n"):
        n = len(line)
        lead = n - len(line.lstrip())
        if lead < n:
            result.append((start + lead, start + len(line.rstrip())))
        start += n + 1
    return result


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


# Any language (the English rule above wants an ASCII capital next): terminal
# punctuation, closing quotes, space, then an opening quote or dialogue dash and a
# capital of any script or a digit (checked in ``split_spans_any``).
_END_ANY = re.compile(r"[.!?…]+[\"'”’»“)\]]*(?=\s+[\"'“‘«„(\[—–-]?\s*(\w))")
# A short word before a full stop that does not end a sentence in German, French,
# Spanish or Russian ("z. B.", "Sr.", "г.", "т. е."); initials ("В. Путин") are one letter.
FOREIGN_ABBREVIATIONS = frozenset((
    "bzw", "ca", "dr", "nr", "str", "vgl", "usw", "sr", "sra", "srs", "dra", "av", "etc",
    "mme", "mlle", "dr", "st", "prof", "г", "гг", "т", "тыс", "млн", "млрд", "руб", "им",
    "ул", "др", "проф", "см", "ст",
))  # fmt: skip


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def split_spans_any(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans for text in any alphabetic script; cached like ``split_spans``."""
    spans: list[tuple[int, int]] = []
    for para in _paragraphs(text):
        start = para[0]
        for match in _END_ANY.finditer(text, para[0], para[1]):
            if not (match[1].isupper() or match[1].isdigit()):
                continue
            end = match.end()
            if text[match.start()] == ".":
                word_start = max(start, text.rfind(" ", start, match.start()) + 1)
                word = text[word_start : match.start()].lower().lstrip('(«"“„')
                if len(word) == 1 or word in FOREIGN_ABBREVIATIONS:
                    continue
            spans.append((start, end))
            start = end
            while start < para[1] and text[start].isspace():
                start += 1
        if start < para[1]:
            spans.append((start, para[1]))
    return tuple(spans)
