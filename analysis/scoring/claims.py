"""Check-worthy claims: sentences that assert a fact someone could check.

A sentence is a claim when it states a quantity ("1,500 Afghan soldiers", "70% of the
border", "over 200 people", "$3.5 billion"), a dated event with an actor ("on July 5,
when the Taliban took full control") or an event or change involving an actor
("Uzbekistan has refused ..."). Questions are never claims; opinions ("This is a
disgrace.") are not unless they carry a number. Each claim lists its numbers with what
they count, its dates, and whether the attribution scorer found a source for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from analysis.scoring import (
    NO_CONTEXT,
    SHARED_CACHE_SIZE,
    ScoreResult,
    ScoringContext,
    claims_languages,
    register,
)
from analysis.scoring.actors import mention_spans
from analysis.scoring.attribution import score_attribution
from analysis.scoring.sentences import split_spans
from analysis.scoring.text import Lowered, WholeWords, fast_round, lowered, trie

# --- Lexicons -------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return text.split()


def _optional(pattern: str) -> str:
    """``(?:pattern)?`` as the engine matches it faster: an alternation with nothing, which
    matches the same in the same order of tries (the pattern first), without the repeat
    context the engine allocates at each try of an optional group."""
    return f"(?:{pattern}|)"


_SMALL = _split(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS = _split("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES = {w: float(i) for i, w in enumerate(_SMALL)} | {
    w: float(10 * (i + 2)) for i, w in enumerate(_TENS)
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
}
# "hundreds of", "dozens of": approximate quantities, valued at their lower bound.
VAGUE = {
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "millions": 1e6,
    "billions": 1e9,
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "rupees": "INR",
    "yen": "JPY",
    "somoni": "TJS",
    "afghanis": "AFN",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "RUB": "RUB",
}
MEASURES = (
    "square kilometers|square kilometres|square miles|sq km|kilometers|kilometres|km|miles|"
    "mi|meters|metres|feet|ft|kilograms|kg|tons|tonnes|hectares|acres|liters|litres|"
    "barrels|degrees|kilometer|kilometre|mile|meter|metre|foot|ton|tonne"
)
DURATIONS = "seconds|minutes|hours|days|weeks|months|years|decades|centuries"
_DURATION_SINGULAR = {
    "second": "seconds",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "decade": "decades",
    "century": "centuries",
}
_IRREGULAR_PLURALS = frozenset(
    _split(
        "people children men women police personnel staff troops cattle sheep fish aircraft "
        "livestock civilians militia"
    )
)
# Words that end the noun phrase after a number.
_NP_STOP = frozenset(
    _split(
        """a an the of in on at to from by for with into over under across near during after
    before since until and or but as than that which who whom whose have has had were was
    are is be been being will would could should may might must can did do does per each
    this these those its their his her our it they he she we when while where said says
    reportedly also already still once ago more less so too very not no only just up down
    out off away back then there here last again instead including among between"""
    )
)
_APPROX = (
    r"about|around|some|over|nearly|almost|roughly|approximately|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|up\s+to|close\s+to|as\s+many\s+as|as\s+much\s+as|upwards\s+of|"
    r"an\s+estimated|estimated|under|above|below|just\s+over|just\s+under|well\s+over|"
    r"an?\s+approximate"
)
# "over two weeks" means "during"; these still make a duration approximate.
_DURATION_APPROX = frozenset(
    ("about", "around", "some", "nearly", "almost", "roughly", "approximately", "more than",
     "less than", "at least", "up to", "close to", "just over", "well over")
)  # fmt: skip
# Words that make the number after them an identifier: "Article 5", "Flight 17".
_ID_WORDS = frozenset(
    _split(
        "article resolution no. number flight route highway chapter section page paragraph "
        "room gate level phase stage item decree law bill platform terminal line road "
        "building block apartment unit case version model channel region district class "
        "grade division group team squad ward zone sector point"
    )
)
_OPINION_ADJECTIVES = _split(
    "disgrace disgraceful shameful outrageous absurd ridiculous unacceptable appalling terrible "
    "horrible awful wonderful great best worst stupid scandal scandalous shocking deplorable "
    "despicable disgusting pathetic brilliant excellent fantastic hopefully sadly shame"
)
# (One word boundary before all the alternatives and the words as a trie: only whether it
# matches is read, and it matches where the plain alternation would, with fewer attempts.)
_OPINION = re.compile(
    r"(?i)\b(?:(?:I|we)\s+(?:think|believe|feel|hope|fear|doubt)|in\s+my\s+(?:view|opinion)"
    rf"|should|must|ought\s+to|needs?\s+to|{trie(_OPINION_ADJECTIVES)})\b"
)


def _inflections(verbs: str) -> set[str]:
    forms = set()
    for verb in verbs.split():
        forms |= {verb, verb + "s", verb + "es"}
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {stem + "ed", stem + "ing"}
        if verb.endswith("y") and verb[-2] not in "aeiou":
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
        if len(verb) <= 5 and verb[-1] not in "aeiouwy" and verb[-2] in "aeiou":
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # "banned", "cutting"
    return forms


# Verbs and nouns of events and changes: with an actor, they make a sentence a claim.
EVENT_WORDS = frozenset(
    _inflections(
        "kill attack seize capture control cross escape withdraw deploy invade bomb shell "
        "launch fire arrest detain release sign agree reach approve reject refuse ban impose "
        "sanction lift vote elect resign appoint dismiss open close border accept deliver "
        "raise cut increase decrease decline double triple host visit occur happen evacuate "
        "surrender negotiate recognize recognise accuse charge convict sentence sue block "
        "halt suspend resume destroy damage burn raid occupy return enter arrive move injure "
        "wound die flee spike surge rise fall grow drop plunge soar jump announce confirm "
        "expel deport retreat advance clash fight threaten condemn strike shoot take win "
        "lose leave send pay spend hold meet build break see kidnap execute hijack collapse "
        "fail pass adopt ratify veto overrun storm mobilize mobilise supply export import "
        "produce invest buy sell lend borrow fund shut expand reduce end start begin complete"
    )
    | set(
        _split(
            "withdrew withdrawn fled rose risen fell fallen grew grown fought struck shot took "
            "taken won lost left sent paid spent held met built broke broken saw seen began begun "
            "overran overrun bought sold lent shut dead injured wounded missing killed "
            "spike surge influx wave escalation offensive takeover pullout withdrawal ceasefire "
            "agreement deal election referendum sanctions casualties deaths invasion war clashes "
            "fighting violence crisis outbreak"
        )
    )
)
_LOWER_WORDS = re.compile(r"[a-z]+")

# --- Dates and numbers ---------------------------------------------------------------
#
# One pass of a cheap anchor regex (digits, currency signs, number, month and weekday
# words) over the lower-cased text finds the few places where a date or a number can
# start; the detailed patterns are then only tried there, anchored.

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTH_NO_MAY = _MONTH.replace("May|", "")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = rf"(?:[12]\d|3[01]|0?[1-9]){_optional('st|nd|rd|th')}"
# The alternatives of _DATE_AT in their order, each with what it can open with: "w" a
# weekday, "m" a month, "d" a digit, "r" the words of a relative date (in any case).
_WEEKDAY_BEFORE = _optional(rf"{_WEEKDAY},?\s+")
_YEAR_AFTER = _optional(rf",?\s+{_YEAR}")
_OF_AFTER = _optional(r"\s+of")
_OF_BEFORE = _optional(r"of\s+")
_MINUTES = _optional(r":\d{2}")
_DATE_ALTERNATIVES = (
    ("wm", rf"{_WEEKDAY_BEFORE}{_MONTH}\s+{_DAY}{_YEAR_AFTER}"),
    ("wd", rf"{_WEEKDAY_BEFORE}{_DAY}\s+{_OF_BEFORE}{_MONTH}{_YEAR_AFTER}"),
    ("m", rf"{_MONTH}{_OF_AFTER}\s+(?:{_YEAR}|(?:last|this|next)\s+year)"),
    ("m", _MONTH_NO_MAY),
    (
        "m",
        r"(?:(?<=in\s)|(?<=by\s)|(?<=since\s)|(?<=until\s)|(?<=during\s)"
        r"|(?<=early\s)|(?<=late\s)|(?<=mid-)|(?<=last\s)|(?<=next\s)|(?<=this\s))May",
    ),
    ("w", _WEEKDAY),
    ("d", r"\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}"),
    ("d", rf"(?:1[89]|20)\d0s|\d{{1,2}}{_MINUTES}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"),
    (
        "r",
        r"(?i:yesterday|today|tomorrow|tonight|(?:last|next|this)\s+(?:year|month|week|night|"
        r"weekend|spring|summer|autumn|fall|winter))",
    ),
)


def _date_at(kind: str) -> re.Pattern:
    """The alternatives of _DATE_AT that can open with ``kind``, in their order: where the
    text opens so, _DATE_AT finds what this finds (the others cannot match), quicker."""
    alternatives = [alt for kinds, alt in _DATE_ALTERNATIVES if kind in kinds]
    if kind != "w":  # nor can the weekday that may come first
        alternatives = [alt.removeprefix(_WEEKDAY_BEFORE) for alt in alternatives]
    return re.compile(rf"(?:{'|'.join(alternatives)})(?![\w])")


_DATE_AT = re.compile(rf"(?:{'|'.join(alt for _, alt in _DATE_ALTERNATIVES)})(?![\w])")
_DATE_AT_DIGIT = _date_at("d")
_YEAR_AT = re.compile(rf"{_YEAR}(?![\w,]|\.\d)")
_YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|by|until|from|of|during|before|after|early|late|mid|year|the|to|"
    r"through|between|and|fiscal)\s*|[,–-]\s*)\Z"
)
# The anchor words that can open a date: every alternative of _DATE_AT opens with one of
# them (in any case) or with a digit, so at any other anchor it cannot match.
_WEEKDAY_WORDS = frozenset(d.lower() for d in re.findall(r"[A-Z][a-z]+", _WEEKDAY))
_MONTH_WORDS = frozenset(m.lower() for m in re.findall(r"[A-Z][a-z]+", _MONTH))
_DATE_WORDS = _MONTH_WORDS | _WEEKDAY_WORDS | {
    "yesterday", "today", "tomorrow", "tonight", "last", "next", "this"
}  # fmt: skip
# The alternatives of _DATE_AT that can match at each of them (the whole run of letters
# there): those that open with a weekday, with a month, or with the other words.
_DATE_AT_KIND = {kind: _date_at(kind) for kind in "wmr"}
_DATE_AT_WORD = {
    word: _DATE_AT_KIND["w" if word in _WEEKDAY_WORDS else "m" if word in _MONTH_WORDS else "r"]
    for word in _DATE_WORDS
}
_ANCHOR_WORDS = (
    set(WORD_VALUES)
    | set(SCALES) - {"k", "m", "mn", "bn", "tn"}
    | {"dozen", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"}
    | _DATE_WORDS
)
_ANCHOR = re.compile(rf"[$€£¥₽]|\d[\d,.]*|\b(?:{trie(_ANCHOR_WORDS)})\b")
# _ANCHOR's number alternative alone (it never overlaps the words, see _anchors): it opens
# with a character class, so the engine skips to digits and currency signs; the words are
# found among the runs of letters (_runs_at).
_NUMBER_ANCHOR = re.compile(r"[\d$€£¥₽](?:(?<=\d)[\d,.]*)?")
# The same where the only digits are ASCII ones (no lower case makes a digit): the engine
# tests a range faster than the Unicode digit class, at every character.
_ASCII_NUMBER_ANCHOR = re.compile(r"[0-9$€£¥₽](?:(?<=[0-9])[0-9,.]*)?")
_DECIMALS = _optional(r"\.\d+")
_NUM_AT = re.compile(
    _optional(r"(?P<cur>US\$|\$|€|£|¥|₽)")
    + rf"(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+{_DECIMALS}|\d+{_DECIMALS})"
    rf"(?:(?P<glued>bn|mn|tn|m|k|km|kg|%)(?![\w])|(?![\w]))"
    rf"|(?P<word>(?i:{'|'.join(_TENS)})-(?i:{'|'.join(_SMALL[1:10])})"
    rf"|(?i:{trie(WORD_VALUES)})(?![\w-])"  # (a letter run: the whole run or none matches)
    rf"|(?i:an?)\s+(?:dozen|hundred|thousand|million|billion)(?![\w]))"
    rf"|(?P<vague>(?i:(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|"
    rf"millions|billions))\s+of(?![\w]))"
    + _optional(r"\s+(?P<scale>(?i:hundred|thousand|million|billion|trillion))(?![\w])")
    + _optional(r"(?P<pct>\s?(?:%|percent\b|per\s+cent\b))")
)
_APPROX_LAST = frozenset(re.findall(r"[a-z]+(?=\||$)", _APPROX.replace("\\s+", " ")))
_CODES = frozenset(("USD", "EUR", "GBP", "RUB"))
_APPROX_BEFORE = re.compile(rf"(?i:\b(?:{_APPROX}))\s+\Z")


def _approx_ending(last: str) -> re.Pattern:
    alternatives = [a for a in _APPROX.split("|") if re.search(rf"\b{last}$", a)]
    return re.compile(rf"(?i:\b(?:{'|'.join(alternatives)}))\s+\Z")


# _APPROX_BEFORE, by the word before the number: when that word (lower-cased, the whole
# of what precedes the number's whitespace) is in _APPROX_LAST, a match must end with it
# (it is all letters, so no shorter ending has a word boundary or a space before), so
# only the alternatives that end with it are tried, and the search finds the same span.
_APPROX_ENDING = {last: _approx_ending(last) for last in _APPROX_LAST}
_CODE_BEFORE = re.compile(r"(?:USD|EUR|GBP|RUB)\s?\Z")
_ARTICLE_BEFORE = re.compile(r"(?i)\ban?\s+\Z")
_PRONOUN_ONE = re.compile(r"(?i)\b(?:no|the|any|every|each|which|this|that)\s+\Z")
_RANGE = re.compile(r"\s?(?:-|–|to)\s?(\d{1,3}(?:,\d{3})+|\d+)(?![\w])")
# The unit after a number: a currency word (in any case), else a measure, else a duration,
# as three patterns tried in turn would find them (each alternative opens with a letter,
# so giving back whitespace never lets an earlier one match), in one attempt.
# (Each list as a trie: at most one of its words can be followed by no word character, as
# the words hold letters and single spaces and none is another followed by a space.)
_DURATION_BEFORE = _optional(
    r"(?:past|last|next|previous|coming|straight|consecutive|full|more)\s+"
)
_TAIL_UNIT = re.compile(
    rf"\s+(?:(?P<currency>(?i:{trie(CURRENCY_WORDS)}))|(?P<measure>{trie(MEASURES.split('|'))})"
    rf"|{_DURATION_BEFORE}"
    rf"(?P<duration>{trie(DURATIONS.split('|') + list(_DURATION_SINGULAR))}))(?![\w])"
)
_DETERMINER = _optional(r"(?:the|its|their|his|her|all)\s+")
_TAIL_OF = re.compile(rf"\s+(?:of|in|worth\s+of|for)\s+{_DETERMINER}")
_TAIL_OF_ONLY = re.compile(rf"\s+of\s+{_DETERMINER}")
_NP_WORD = re.compile(r"[ \t]+([^\W\d][\w'’-]*|\d[\w-]*[^\W\d][\w'’-]*)")


# Non-ASCII characters that a pattern ignoring case matches to an ASCII letter: İ and ı
# (i), ſ (long s), the Kelvin sign (k).
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# The same, lower-cased, as the ASCII letters they stand for (İ lower-cases to i and a
# combining dot, the Kelvin sign to k): a number word matched with one ("twenty-ſeven")
# then finds its value.
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s", "\u0307": None})


def _lower_folded(words: str) -> str:
    low = words.lower()
    return low if low.isascii() else low.translate(_FOLD)


def _value(num: str | None, glued: str | None, word: str | None, vague: str | None) -> float:
    """The quantity of a _NUM_AT match, from its groups, before its scale word."""
    if num:
        value = float(num.replace(",", ""))
        glued = (glued or "").lower()
        if glued in SCALES:
            value *= SCALES[glued]
    elif word:
        word = " ".join(_lower_folded(word).split())
        if "-" in word:
            tens, unit = word.split("-")
            value = WORD_VALUES[tens] + WORD_VALUES[unit]
        elif word.split()[0] in ("a", "an"):
            value = 12.0 if word.endswith("dozen") else SCALES[word.split()[-1]]
        else:
            value = WORD_VALUES[word]
    else:
        value = VAGUE[" ".join(_lower_folded(vague).split())]
    return value


def _noun_phrase(text: str, pos: int, end: int) -> tuple[str, int]:
    """The noun phrase at pos: words up to a function word, cut after its plural head."""
    words: list[str] = []
    plurals: list[bool] = []
    ends: list[int] = []  # where each word ends
    while len(words) < 5:
        m = _NP_WORD.match(text, pos, end)
        if not m:
            break
        word = m.group(1)
        lower = word.lower()
        if lower in _NP_STOP:
            break
        words.append(word)
        plurals.append(
            lower in _IRREGULAR_PLURALS
            or (
                word.endswith("s")
                and not word.endswith(("ss", "us", "is", "'s", "’s"))
                and len(word) > 2
            )
        )
        pos = m.end()
        ends.append(pos)
    if not words:
        return "", pos
    n = len(words)
    if True in plurals:
        cut = plurals.index(True) + 1  # after the first plural and those right after it
        while cut < n and plurals[cut]:  # "police officers"
            cut += 1
    else:
        cut = n
        for i in range(1, n):
            if words[i].endswith(("ed", "ing")):
                cut = i
                break
        cut = min(cut, 3)
    return " ".join(words[:cut]), ends[cut - 1]


def _number(
    text: str,
    m: re.Match,
    groups: tuple,
    end: int,
    approx: re.Match | None,
    code: str,
    rng: re.Match | None,
) -> dict | None:
    """The quantity matched by _NUM_AT at m (groups: its groups(), read once instead of a
    group() call for each look), with its unit and what it counts; rng: _RANGE's match
    after it, if a number of digits. The item is made once its fields are known (one dict
    of eight keys, none set twice)."""
    cur, num, glued, word, vague, scale, pct = groups
    approx_word = " ".join(approx.group().lower().split()) if approx else ""
    pos = m.end()
    start = approx.start() if approx else m.start() - len(code)
    value = _value(num, glued, word, vague)
    if scale:
        value *= SCALES[scale.lower()]
    unit = counts = ""
    kind = "count"
    approximate = bool(approx_word) or bool(vague)
    if rng:
        pos = rng.end()
    cur = cur or code.strip()
    pct = pct or glued == "%"
    # The unit word after it, unless a sign or a per cent says what it is.
    t = None if pct or cur else _TAIL_UNIT.match(text, pos, end)
    found = t.lastgroup if t else None
    if found == "duration" and glued not in ("km", "kg"):
        unit = t.group("duration")
        counts = unit = _DURATION_SINGULAR.get(unit, unit)
        kind = "duration"
        # "over two weeks" means during them, not more than two.
        approximate = approx_word in _DURATION_APPROX or bool(vague)
        pos = t.end()
    elif pct or cur or found or glued in ("km", "kg"):
        if pct:
            unit, kind = "%", "percent"
        elif cur or found == "currency":
            unit = CURRENCY_SIGNS.get(cur) or CURRENCY_WORDS.get(cur, cur)
            if found:
                unit = t.group("currency")
                unit = CURRENCY_WORDS.get(unit.lower(), unit)
                pos = t.end()
            kind = "money"
        else:  # a measure word, else a measure glued to the number ("5km")
            if found == "measure":
                unit = t.group("measure")
                pos = t.end()
            else:
                unit = glued
            counts, kind = unit, "measure"
        # What it is of: "70% of the border", "$3 billion for its army".
        of = (_TAIL_OF if kind == "money" else _TAIL_OF_ONLY).match(text, pos, end)
        phrase, after = _noun_phrase(text, of.end() - 1, end) if of else ("", pos)
        if phrase:
            counts, pos = phrase, after
    else:
        phrase, after = _noun_phrase(text, pos, end)
        if phrase:
            counts, pos = phrase, after
            unit = phrase[phrase.rfind(" ") + 1 :]  # its last word
        elif not num:
            return None  # "the two", "one of": no quantity
    if (
        word
        and word.lower() == "one"
        and _PRONOUN_ONE.search(text, max(0, m.start() - 8), m.start())
    ):
        return None  # "no one", "the one"
    return {
        "value": value,
        "text": text[start:pos],
        "unit": unit,
        "counts": counts,
        "kind": kind,
        "start": start,
        "end": pos,
        "approximate": approximate,
    }


def _counts_something(text: str, pos: int) -> bool:
    counts, _ = _noun_phrase(text, pos, min(len(text), pos + 80))
    return counts.endswith("s")  # its last word (counts has no spaces at its ends)


# --- Words present --------------------------------------------------------------------
#
# A large pattern run over a whole article (or every sentence) tries itself at each
# character. The runs of letters a-z of the lower-cased text (scoring.text.lowered, shared
# with other scorers) say instead which of the words such a pattern needs occur, and where.

_CLOSING = " \"'”’»)]"  # what may close a sentence after its "?"
_OPINION_WORDS = frozenset(
    w.encode()
    for w in _split("think believe feel hope fear doubt view opinion should must ought need needs")
    + _OPINION_ADJECTIVES
)
_EVENT_BYTES = frozenset(w.encode() for w in EVENT_WORDS if w.isascii())
_ANCHOR_BYTES = frozenset(w.encode() for w in _ANCHOR_WORDS)
_ANCHOR_TEXT = {w.encode(): w for w in _ANCHOR_WORDS}
# Where the anchor and opinion words (all of letters a-z) occur as whole runs of letters.
_RUN_WORDS = WholeWords(_ANCHOR_BYTES | _OPINION_WORDS)


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def _runs_at(low: Lowered) -> dict[bytes, list[int]]:
    """{word: where it starts} of the anchor and opinion words that occur as whole runs
    of the letters (made once a text: the Lowered is the shared one of scoring.text)."""
    return _RUN_WORDS.find(low)


# The text as bytes for _ASCII_NUMBER_ANCHOR: each digit 0-9 a "0", commas, full stops and
# dollar signs as they are, any other character a space. A run of digits, commas and full
# stops from a digit is then found from a literal "0", which the engine skips to far faster
# than to a member of a class of characters.
_DIGIT_TABLE = bytes(48 if 48 <= ch <= 57 else ch if ch in b",.$" else 32 for ch in range(256))
_DIGIT_RUN = re.compile(rb"0[0,.]*")
_ALL_SIGNS = "$€£¥₽"  # those of _ASCII_NUMBER_ANCHOR


def _number_anchors(low: Lowered, signs: str = _ALL_SIGNS) -> dict[int, str]:
    """{start: text} of what _ASCII_NUMBER_ANCHOR.finditer(low.lower) finds, for a text
    whose currency signs are all among ``signs``: its digit runs and its currency signs,
    which never overlap (a sign outside ASCII is one "?" in the bytes, which ends a run).
    A sign outside ASCII is looked for only in a text that holds it."""
    lower = low.lower
    data = low.ascii.translate(_DIGIT_TABLE)
    found = {}
    for m in _DIGIT_RUN.finditer(data):
        start, end = m.span()
        found[start] = lower[start:end]
    for sign in signs:
        if sign == "$":  # in the bytes (one a character), found far faster than in a str
            i = data.find(b"$")
            while i >= 0:
                found[i] = sign
                i = data.find(b"$", i + 1)
        elif sign in low.rare:  # (the text's characters outside ASCII: else it has none)
            i = lower.find(sign)
            while i >= 0:
                found[i] = sign
                i = lower.find(sign, i + 1)
    return found


def _anchors(low: Lowered) -> list[tuple[int, str]]:
    """(start, text) of what _ANCHOR.finditer(low.lower) finds. Its number and word
    alternatives never overlap (digits, commas, dots and currency signs against letters),
    so together they find what each finds alone; a word is a whole run of letters."""
    lower = low.lower
    if any(map(str.isdecimal, low.rare)):  # a digit that is not ASCII
        found = {m.start(): m.group() for m in _NUMBER_ANCHOR.finditer(lower)}
    else:
        found = _number_anchors(low)
    at = _runs_at(low)
    # Only where a word is a whole run can _ANCHOR's word alternative match: a run of a-z bounded by other
    # characters, so the match is the whole run, and it matches where the characters
    # either side are no word characters (\b: str.isalnum() or "_", as the engine has it).
    n = len(lower)
    for word in _ANCHOR_BYTES.intersection(at):
        size = len(word)
        for pos in at[word]:  # (a letter: never where found has a digit or a sign)
            if pos and (lower[pos - 1].isalnum() or lower[pos - 1] == "_"):
                continue
            after = pos + size
            if after < n and (lower[after].isalnum() or lower[after] == "_"):
                continue
            found[pos] = _ANCHOR_TEXT[word]
    return [(pos, found[pos]) for pos in sorted(found)]  # ints sort faster than pairs


def scan(text: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """The numbers (with what they count) and the date spans in text."""
    numbers: list[dict] = []
    dates: list[tuple[int, int]] = []
    end = len(text)
    taken = 0
    for pos, word in _anchors(lowered(text)):
        if pos < taken:
            continue
        before = text[pos - 1] if pos else " "
        ch = text[pos]
        digit = before.isdigit() or ch.isdigit()
        if digit and (
            before.isalnum()
            or before in ".,/"
            or (before == "-" and pos > 1 and text[pos - 2].isalpha())
        ):
            continue  # "G20", "Covid-19", "3/4"
        if ch.isdecimal():
            d = _DATE_AT_DIGIT.match(text, pos)
        else:  # a number word or a currency sign opens no date
            date_at = _DATE_AT_WORD.get(word)
            d = date_at.match(text, pos) if date_at else None
        if d:
            dates.append(d.span())
            taken = d.end()
            continue
        # A year opens with an ASCII 1 or 2.
        y = (
            _YEAR_AT.match(text, pos)
            if (ch == "1" or ch == "2") and before not in "$€£¥₽"
            else None
        )
        if y and (
            _YEAR_CONTEXT.search(text, max(0, pos - 12), pos)
            or not _counts_something(text, y.end())
        ):
            dates.append(y.span())
            taken = y.end()
            continue
        if word in ("dozen", "hundred", "thousand", "million", "billion"):
            article = _ARTICLE_BEFORE.search(text[max(0, pos - 4) : pos])
            if not article:
                continue
            pos -= len(article.group())
        m = _NUM_AT.match(text, pos)
        if not m:
            continue
        groups = m.groups()  # cur, num, glued, word, vague, scale, pct
        num = groups[1]
        # The words before decide whether it is an identifier, approximate, or money;
        # a set look-up first spares most of the regular expressions.
        lo = max(0, pos - 24)
        window = text[lo:pos]
        last = window.rsplit(None, 1)  # [..., its last word], or [] if all whitespace
        prev = last[-1].lower() if last else ""
        if prev.endswith("#") or (prev in _ID_WORDS and window[-1:].isspace()):
            continue
        approx = _APPROX_ENDING[prev].search(text, lo, pos) if prev in _APPROX_LAST else None
        # (upper() never shortens a word: one longer than a code never becomes one)
        code = (
            _CODE_BEFORE.search(text, lo, pos)
            if num and len(prev) <= 3 and prev.upper() in _CODES
            else None
        )
        rng = None
        if num:
            # _RANGE opens with "-", "–" or "to", after one whitespace character at most:
            # where neither of the next two characters can be one, it is not tried.
            after = m.end()
            c = text[after] if after < end else ""
            if c.isspace() and after + 1 < end:
                c = text[after + 1]
            if c == "-" or c == "–" or c == "t":
                rng = _RANGE.match(text, after, end)
        item = _number(text, m, groups, end, approx, code.group() if code else "", rng)
        if item is None:
            continue
        numbers.append(item)
        taken = item["end"]
        if rng:  # "200-300 people": both ends count the same thing
            second = dict(item, value=float(rng.group(1).replace(",", "")))
            second.update(start=rng.start(1), end=rng.end(1), text=rng.group(1))
            numbers.append(second)
    return numbers, dates


# --- Scorer ---------------------------------------------------------------------------


def _attribution_spans(text: str) -> tuple[list[int], list[int]]:
    """What the attribution scorer covers (statements, contents, cues), merged: the starts
    and the ends of the merged spans, ascending (each of its spans ends where it starts or
    after, so the merged ones follow one another and their ends ascend)."""
    # Each (start, end) as one int, start * width + end, which sorts as the pair does (the
    # offsets lie in 0..len(text)): ints compare far faster than tuples of them.
    width = len(text) + 1
    keys = []
    for a in score_attribution(text).evidence.get("attributions", []):
        keys += (
            a["start"] * width + a["end"],
            a["content_start"] * width + a["content_end"],
            a["cue_start"] * width + a["cue_end"],
        )
    keys.sort()
    starts: list[int] = []
    ends: list[int] = []
    for key in keys:
        s = key // width
        e = key - s * width
        if ends and s <= ends[-1]:
            if e > ends[-1]:
                ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _no_event_word(low: Lowered, text: str, start: int, end: int) -> bool:
    """EVENT_WORDS.isdisjoint(_LOWER_WORDS.findall(text[start:end].lower())): its runs of
    a-z are those of the lower-cased text, unless lower case changed a length."""
    if low.same:
        return _EVENT_BYTES.isdisjoint(low.letters[start:end].split())
    return EVENT_WORDS.isdisjoint(_LOWER_WORDS.findall(text[start:end].lower()))


# Version 2: claims and numbers in German, Spanish, French and Russian (English unchanged).
# Version 4: English claims by the new sentence split (a middle initial such as "P." in
# "Robert P. Casey" no longer ends a sentence).
# Version 5: the actors of actors 7 (a sentence naming an actor and an event word is a
# claim: "The board of Lumeria closed the plant" now is, a recurring Lumeria being found).
# Version 6: the attributions of attribution 10 and the actors of actors 8 (which
# sentences are attributed changes where a dateline opened them: on PolNeAR train+dev the
# unattributed claims of 8 articles out of 924 changed).
# Version 7: the attributions of attribution 11 (a quote after a role and a name between
# commas is found: on PolNeAR train+dev one claim of one article out of 924 is attributed).
# Version 8: the actors of actors 9 as well (a sentence whose only actor was a city read as
# one, "the march went from Denver to Boston", is no longer a claim by it: on MEANTIME dev
# and NewsWCL50's even topics 3 sentences of 2 articles out of 85; the claims matrix's
# written set the same). Both were made as "7" on their own branches.
# Version 9: the actors of actors 10 (an event's or an agreement's name, "the Tarsa War",
# is no actor, so a sentence whose only actor it was is no longer a claim by it: on
# MEANTIME dev and NewsWCL50's even topics 2 sentences of 2 articles out of 85; the claims
# matrix's written set the same, P 0.984 / R 0.871).
# Version 10: the actors of actors 11 (a country named only as a demonym describing a
# named actor, by a currency or in a region's name, and a model's name, are no actors
# there: a sentence whose only actor one was is no longer a claim by it).
# Version 11: the attributions of attribution 13 (a name after a role between commas, the
# subject after an opening adverbial phrase, "When asked …": on PolNeAR train+dev the
# claims of 20 articles out of 924 change, more of them attributed).
# Version 12: the attributions of attribution 14 (a gerund after a preposition, "by
# saying", said by the clause's subject; a conjunction before a name no part of it; "S.&P."
# ending no sentence), and the actors of actors 12 (the same sentence split): on PolNeAR
# train+dev the claims of 39 articles out of 924 change;
# bench/eval_claims.py --split all the same (P 0.984 R 0.871 F1 0.924).
# Version 13: the attributions of attribution 15 (a reporting verb before "by saying"
# yields to the gerund; "S.&P." and "AT&T" whole names, a quote newly given a speaker): on
# PolNeAR train+dev the claims of no article change;
# bench/eval_claims.py --split all the same (P 0.984 R 0.871 F1 0.924).
# Version 14: the attributions of attribution 16 (no speaker from an opening function word,
# a gerund's opening phrase said by the subject after it) and the actors of actors 13 (a
# product line's name no actor, ampersand names whole): on PolNeAR train+dev the claims of
# 6 articles out of 924 change; bench/eval_claims.py --split all the same (P 0.984 R 0.871
# F1 0.924).
# Version 15: the attributions of attribution 17 (a chained cue said by its sentence's
# quote's speaker, no source from a preposition's phrase, "he"/"she" by sex) and the actors
# of actors 14 (given names keep a person a person, more products no actors): on PolNeAR
# train+dev the claims of 17 articles out of 924 change; bench/eval_claims.py --split all
# the same (P 0.984 R 0.871 F1 0.924).
# Version 16: the attributions of attribution 18 ("he"/"she" never a thing named before,
# names joined by "and" typed by all of them, a relative clause's content ends at its
# comma) and the actors of actors 15 (no name across a sentence's end, regnal numbers,
# "Ben & Jerry's"): on PolNeAR train+dev the claims of 2 articles out of 924 change;
# bench/eval_claims.py --split all the same (P 0.984 R 0.871 F1 0.924).
# Version 17: the attributions of attribution 19 and the actors of actors 16 (groups "of" a
# name nobody named; more plural nouns for people): on PolNeAR train+dev no claim changes.
@register("claims", "17", languages=("en", *claims_languages.LANGUAGES))
def score_claims(
    text: str, language: str = "en", context: ScoringContext = NO_CONTEXT
) -> ScoreResult:
    if language != "en":
        return _score_other(text, language)
    spans = split_spans(text)
    if not spans:
        return ScoreResult(
            values={
                "claim_count": 0,
                "claim_share": 0.0,
                "unattributed_claim_count": 0,
                "numbers_count": 0,
            },
            evidence={"claims": []},
        )
    numbers, dates = scan(text)
    low = lowered(text)
    opinion_sentences = _opinion_sentences(text, spans, low)
    mentions = mention_spans(text, context.curated_actors)
    attributed_starts, attributed_ends = _attribution_spans(text)
    # The sentences ascend and do not overlap, so one pointer into each sorted list (the
    # first item at or after the sentence) replaces binary searches of each sentence.
    number_starts = [n["start"] for n in numbers]
    n_numbers, n_dates, n_mentions = len(numbers), len(dates), len(mentions)
    n_attributed = len(attributed_ends)
    i_number = i_date = i_mention = i_attributed = 0
    claims = []
    unattributed = numbers_count = 0
    for k, (s, e) in enumerate(spans):
        # A question: its last character but closing quotes, brackets and spaces is "?"
        # (text[s:e].rstrip(_CLOSING).endswith("?"), read from its end without a copy).
        j = e - 1
        while j >= s and text[j] in _CLOSING:
            j -= 1
        if j >= s and text[j] == "?":
            continue
        while i_number < n_numbers and number_starts[i_number] < s:
            i_number += 1
        first_number = i_number
        while i_number < n_numbers and number_starts[i_number] < e:
            i_number += 1
        while i_date < n_dates and dates[i_date][0] < s:
            i_date += 1
        j = i_date
        while j < n_dates and dates[j][0] < e:
            j += 1
        when = [text[a:b] for a, b in dates[i_date:j]] if j > i_date else []
        i_date = j
        while i_mention < n_mentions and mentions[i_mention][0] < s:
            i_mention += 1
        has_actor = i_mention < n_mentions and mentions[i_mention][0] < e
        if first_number == i_number:  # no number
            if not has_actor:
                continue
            if (opinion_sentences is None or k in opinion_sentences) and _OPINION.search(text[s:e]):
                continue
            if not when and _no_event_word(low, text, s, e):
                continue
        # Attributed: a merged span ends after the sentence starts and starts before it ends.
        while i_attributed < n_attributed and attributed_ends[i_attributed] <= s:
            i_attributed += 1
        attributed = i_attributed < n_attributed and attributed_starts[i_attributed] < e
        if not attributed:
            unattributed += 1
        nums = numbers[first_number:i_number]
        numbers_count += len(nums)
        claims.append(
            {
                "start": s,
                "end": e,
                "attributed": attributed,
                "reason": "number" if nums else "dated event" if when else "event",
                "numbers": nums,
                "dates": when,
            }
        )
    return ScoreResult(
        values={
            "claim_count": len(claims),
            "claim_share": fast_round(len(claims) / len(spans), 4),
            "unattributed_claim_count": unattributed,
            "numbers_count": numbers_count,
        },
        evidence={"claims": claims},
    )


def _opinion_sentences(text: str, spans: list[tuple[int, int]], low: Lowered) -> set[int] | None:
    """The sentences where _OPINION may match: those with one of the words it needs (it
    ignores case, so first make sure that no other character can stand for a-z); None:
    any sentence may."""
    if not text.isascii() and not _FOLDS_TO_ASCII.isdisjoint(low.rare):
        return None
    starts = [s for s, _ in spans]
    at = _runs_at(low)
    # _OPINION wants a word boundary either side of each word: a whole run of letters.
    positions = [pos for word in _OPINION_WORDS.intersection(at) for pos in at[word]]
    return {bisect_right(starts, p) - 1 for p in positions}


def _score_other(text: str, language: str) -> ScoreResult:
    """Claims of a German, Spanish, French or Russian text (``claims_languages``): no
    unattributed count, since no attribution scorer reads these languages yet."""
    claims, n_sentences = claims_languages.claims(text, language)
    return ScoreResult(
        values={
            "claim_count": len(claims),
            "claim_share": round(len(claims) / n_sentences, 4) if n_sentences else 0.0,
            "numbers_count": sum(len(c["numbers"]) for c in claims),
        },
        evidence={"claims": claims},
    )
