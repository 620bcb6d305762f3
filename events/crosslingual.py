"""Terms of an article that survive translation: names, numbers and dates.

A Russian, German or Spanish report of a happening shares few words with an English one,
but it names the same people and places (in another script, or with a case ending), gives
the same numbers (with other separators) and the same dates (with other month names).
These terms let event grouping compare articles across languages without translating
them and without knowing their language:

- ``x:n:<key>`` a name: a capitalised word inside a sentence ("iPhone" too, and "Airbus"
  in the Italian "dell'Airbus"), transliterated to ASCII (anyascii), spelling variants of
  transliteration folded ("kh" and "h", "z" and "s"...), and reduced to its first letter
  and the consonants after it, at most five: "Varnholt", "Варнхольт" and "Varnholts" are
  all "vrnhl"; the Russian "в Толлене" and "Tollen" both "tln". Case endings are mostly
  vowels, which the key drops; so is a final "h" of a longer key ("Hezbollah" and
  "Хезболла" are "hsbl").
- ``x:d:<value>`` a number written with digits, as the value it stands for: its
  separators read ("86,000", "86 000" and "86.000" are 86000; "4.75" and "4,75" are 4.75)
  and the words of magnitude after it multiplied in, in any of those languages ("130
  тысяч", "130 mil" and "130,000" are one; "7.200 millones", "7,2 Milliarden" and "$7.2
  billion" are 7200000000). Numbers below 10 are left out.
- ``x:t:<MM-DD>`` a day of a month, from month names in English, German, Dutch,
  Spanish, French, Italian, Portuguese and Russian.

Pure functions: no Django.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from anyascii import anyascii

NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 1.5
DATE_WEIGHT = 1.0
MAX_TERMS = 20
# The share of those kept for numbers and dates, if the report has them.
FACT_SHARE = 0.3
KEY_LENGTH = 5
MIN_KEY_LENGTH = 3

_MONTHS = {
    1: "january januar januari jan enero janvier gennaio janeiro января январь",
    2: "february februar februari feb febrero février fevrier febbraio fevereiro февраля февраль",
    3: "march märz maerz maart mar marzo mars março marco марта март",
    4: "april apr abril avril aprile апреля апрель",
    5: "may mai mei mayo maggio maio мая май",
    6: "june juni jun junio juin giugno junho июня июнь",
    7: "july juli jul julio juillet luglio julho июля июль",
    8: "august augustus aug agosto août aout августа август",
    9: "september sept sep septiembre septembre settembre setembro сентября сентябрь",
    10: "october oktober oct octubre octobre ottobre outubro октября октябрь",
    11: "november nov noviembre novembre novembro ноября ноябрь",
    12: "december dezember dec diciembre décembre decembre dicembre dezembro декабря декабрь",
}
MONTHS = {word: month for month, words in _MONTHS.items() for word in words.split()}
# English month names that are also common words, read as months only when capitalised,
# as English writes months ("up to 20 may have died", "20 march on the capital").
LOWERCASE_NOT_MONTHS = frozenset({"may", "march"})
# Capitalised words that are not names: weekdays and months (English and German write
# them with a capital), and words that open a clause in the languages above.
_NOT_NAMES = """
    monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch
    donnerstag freitag samstag sonntag the a an and but in on at of for to by with el la
    los las un una der die das ein eine le les des du et il ils
"""
NOT_NAMES = frozenset(_NOT_NAMES.split()) | frozenset(MONTHS)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\"“”«»„‘’'(—–-]\s*|\n\s*)\Z")
_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:(?:[ \u00a0\u202f]|[.,](?=\d{3}\b))\d{3})+(?:[.,]\d+)?"
    r"|(?<![\w.,])\d+(?:[.,]\d+)?"
)
# Words of magnitude after a number, and what they multiply it by: "mil millones" is
# both in turn. English "billion" is a thousand millions; German "Billion" and Spanish
# "billón" a million millions (so a German "1 Billion" is read as English: rare in news);
# "mil" is the Spanish and Portuguese thousand, not the English slang for a million.
_MAGNITUDES = {
    3: "thousand thousands tausend tsd mil mila mille duizend тыс тысяча тысячи тысяч тысячу",
    6: "million millions millionen mio millones millón millon milioni milione miljoen "
    "milhões milhoes milhão milhao миллион миллиона миллионов млн mln",
    9: "billion billions bn milliarde milliarden mrd milliard milliards miliardi miliardo "
    "miljard miljarden миллиард миллиарда миллиардов млрд",
    12: "trillion trillions billionen billón billones trillón триллион триллиона триллионов трлн",
}
MAGNITUDES = {word: 10**power for power, words in _MAGNITUDES.items() for word in words.split()}
_MAGNITUDE = re.compile(r"[ \u00a0]*([^\W\d_]+)\.?", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]+)", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b([^\W\d_]+)\s+(\d{1,2})\b", re.IGNORECASE)
# Transliteration variants folded into one spelling, in this order.
_FOLDS = (
    ("sch", "s"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("tz", "c"),
    ("ts", "c"),
    ("sh", "s"),
    ("zh", "j"),
    ("ch", "c"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("c", "k"),
)


@lru_cache(maxsize=50_000)
def name_key(word: str) -> str:
    """The key of a name: ASCII, folded, its first letter and the consonants after it."""
    letters = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for variant, spelling in _FOLDS:
        letters = letters.replace(variant, spelling)
    if not letters:
        return ""
    key = letters[0] + re.sub(r"[aeiouyj]", "", letters[1:])
    key = re.sub(r"(.)\1+", r"\1", key)
    # A final "h" is often not written in another script ("Hezbollah" and "Хезболла"),
    # but a short key needs it to tell names apart ("Fatah" and "ФАТХ" keep it).
    if len(key) > MIN_KEY_LENGTH and key.endswith("h"):
        key = key[:-1]
    return key[:KEY_LENGTH] if len(key) >= MIN_KEY_LENGTH else ""


def _names(text: str) -> Counter:
    found: Counter = Counter()
    for match in _WORD.finditer(text):
        raw = re.sub(r"['’]s$", "", match.group())
        # An elided article or preposition written against a name ("dell'Airbus",
        # "l'Élysée"): the name is what follows it.
        head, _, rest = raw.replace("’", "'").partition("'")
        if rest and head.islower() and len(head) <= 6 and rest[0].isupper():
            raw = rest
        # A name starts with a capital, or with one small letter before it ("iPhone").
        capital = raw[0].isupper() or (len(raw) > 1 and raw[0].islower() and raw[1].isupper())
        if not capital or len(raw) < 3 or raw.lower() in NOT_NAMES:
            continue
        if _SENTENCE_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            continue
        if key := name_key(raw):
            found[key] += 1
    return found


def _numbers(text: str, days: frozenset[int]) -> Counter:
    """The numbers of the text but the days of its dates (where ``days`` says they
    start): "26 July" is a date, not also a count of 26."""
    found: Counter = Counter()
    for match in _NUMBER.finditer(text):
        if match.start() in days:
            continue
        written = match.group()
        fraction = re.search(r"[.,](\d+)$", written)
        if fraction and not _THOUSANDS.fullmatch(written):
            whole = re.sub(r"\D", "", written[: fraction.start()])
            value = Decimal(f"{whole or 0}.{fraction.group(1)}")
        else:
            value = Decimal(re.sub(r"\D", "", written))
        end = match.end()
        while (word := _MAGNITUDE.match(text, end)) and (
            times := MAGNITUDES.get(word.group(1).lower())
        ):
            value *= times
            end = word.end()
        if value >= 10 or value != value.to_integral_value():
            found[format(value.normalize(), "f")] += 1
    return found


def _dates(text: str) -> tuple[Counter, frozenset[int]]:
    """The text's days of a month, and where each day's number starts."""
    found: Counter = Counter()
    days: set[int] = set()
    for pattern, day_group in ((_DAY_MONTH, 1), (_MONTH_DAY, 2)):
        for match in pattern.finditer(text):
            day, word = match.group(day_group), match.group(3 - day_group)
            month = MONTHS.get(word.lower())
            if word in LOWERCASE_NOT_MONTHS:
                continue
            if month and 1 <= int(day) <= 31:
                found[f"{month:02d}-{int(day):02d}"] += 1
                days.add(match.start(day_group))
    return found, frozenset(days)


def crosslingual_terms(headline: str, body: str, limit: int = MAX_TERMS) -> dict[str, float]:
    """The article's names, numbers and dates as language-free terms, the heaviest
    ``limit`` of them (a term found n times weighs 1 + 0.5 ln n times its kind's), of
    which up to ``FACT_SHARE`` are numbers and dates whatever their weight."""
    text = f"{headline}.\n{body}"
    dates, days = _dates(text)
    terms: dict[str, float] = {}
    for prefix, weight, counts in (
        ("x:n:", NAME_WEIGHT, _names(text)),
        ("x:d:", NUMBER_WEIGHT, _numbers(text, days)),
        ("x:t:", DATE_WEIGHT, dates),
    ):
        for key, n in counts.items():
            terms[f"{prefix}{key}"[:80]] = weight * (1 + 0.5 * math.log(n))
    ranked = sorted(terms.items(), key=lambda tw: (-tw[1], tw[0]))
    # Names weigh more, and a long report names more than ``limit`` people, places and
    # organisations: kept by weight alone, its numbers and dates would all be cut, and
    # across languages a report without them can join nothing (CROSSING_FACTS).
    facts = [tw for tw in ranked if not tw[0].startswith("x:n:")][: int(limit * FACT_SHARE)]
    kept = set(facts)
    best = facts + [tw for tw in ranked if tw not in kept][: limit - len(facts)]
    return {term: round(weight, 4) for term, weight in best}


def reads_as_english(text: str, familiar: frozenset[str]) -> bool:
    """Whether most of the text's words could be English: at least 35% of them
    are among ``familiar`` (the most familiar English words; news in English scores 0.5
    to 0.75, German, Spanish or Russian news under 0.15). Any other language, or
    another script, falls far below."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return True
    return sum(w in familiar for w in words) >= 0.35 * len(words)
