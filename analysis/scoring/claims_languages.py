"""Check-worthy claims in German, Spanish, French and Russian: sentences that state a
quantity or a date, with each number's value, unit and what it counts.

A reduced form of the English claims rules (``claims``): quantities and dates are found
by the words of each language, but no event verbs or actors decide a claim without a
number or a date, and the attribution of a claim is not known (there is no attribution
scorer for these languages yet). Numbers are written as in each language: a comma marks
decimals and a dot, space or thin space groups thousands ("1.500", "3,5 Millionen",
"1 500"); in German, Spanish and French "12." after a day is an ordinal date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.scoring.sentences import split_spans_any


@dataclass(frozen=True)
class _Lexicon:
    numbers: dict[str, float]  # number words
    scales: dict[str, float]  # "millones" -> 1e6 (prefixes of inflected forms)
    percent: str  # pattern of the words for per cent
    currencies: dict[str, str]  # word prefix -> ISO code
    measures: dict[str, str]  # word prefix -> unit
    durations: dict[str, str]  # word prefix -> unit
    approx: str  # pattern of words that make a number approximate, before it
    months: str  # pattern of month names
    stop: frozenset[str]  # function words that end the noun phrase after a number
    of: str  # pattern of "of" between a quantity and what it counts ("de", "der")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


LEXICONS = {
    "ru": _Lexicon(
        numbers={
            "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
            "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
            "двадцать": 20, "тридцать": 30, "сто": 100, "двести": 200, "триста": 300,
        },
        scales={"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "млн": 1e6,
                "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9,
                "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12,
                "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12},
        percent=r"%|процент(?:а|ов)?\b|проц\.",
        currencies={"рубл": "RUB", "руб": "RUB", "доллар": "USD", "долл": "USD",
                    "евро": "EUR", "юан": "CNY", "фунт": "GBP", "гривн": "UAH"},
        measures={"километр": "km", "км": "km", "метр": "m", "тонн": "t", "гектар": "ha",
                  "килограмм": "kg", "кг": "kg", "баррел": "barrels", "градус": "degrees"},
        durations={"секунд": "seconds", "минут": "minutes", "час": "hours", "дн": "days",
                   "день": "days", "дня": "days", "недел": "weeks", "месяц": "months",
                   "год": "years", "лет": "years"},
        approx=r"около|почти|более|менее|свыше|примерно|приблизительно|порядка|до|не менее|"
        r"не более|более чем|менее чем|больше|меньше",
        months=r"январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|"
        r"сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]",
        stop=_words("и в во на с со к по о об от до за из у для при что как а но же ли не "
                    "это этот эта эти его ее её их он она они мы вы был была было были будет "
                    "году года год время также уже ещё еще"),
        of=r"",
    ),
    "es": _Lexicon(
        numbers={"uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
                 "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "veinte": 20,
                 "treinta": 30, "cien": 100, "cientos": 100, "mil": 1e3},
        scales={"mil": 1e3, "millón": 1e6, "millones": 1e6, "mill": 1e6,
                "billón": 1e12, "billones": 1e12, "mil millones": 1e9},
        percent=r"%|por\s+ciento\b",
        currencies={"dólar": "USD", "dólares": "USD", "euro": "EUR", "peso": "MXN",
                    "libra": "GBP", "rublo": "RUB", "yuan": "CNY"},
        measures={"kilómetro": "km", "km": "km", "metro": "m", "tonelada": "t",
                  "hectárea": "ha", "kilo": "kg", "kg": "kg", "barril": "barrels",
                  "grado": "degrees"},
        durations={"segundo": "seconds", "minuto": "minutes", "hora": "hours",
                   "día": "days", "semana": "weeks", "mes": "months", "año": "years",
                   "década": "decades", "siglo": "centuries"},
        approx=r"unos|unas|cerca\s+de|casi|más\s+de|menos\s+de|alrededor\s+de|"
        r"aproximadamente|hasta|al\s+menos|por\s+lo\s+menos",
        months=r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
        r"octubre|noviembre|diciembre",
        stop=_words("de el la los las un una y o en con por para a al del que se su sus es "
                    "son fue fueron ha han como pero más menos este esta estos estas lo le "
                    "les ya también según desde hasta entre sobre"),
        of=r"de\s+(?:(?:los|las|la|el)\s+)?",
    ),
    "fr": _Lexicon(
        numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
                 "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "vingt": 20,
                 "trente": 30, "cent": 100, "mille": 1e3},
        scales={"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
                "milliards": 1e9, "md": 1e9, "mds": 1e9},
        percent=r"%|pour\s+cent\b",
        currencies={"euro": "EUR", "dollar": "USD", "livre": "GBP", "rouble": "RUB",
                    "franc": "CHF", "yuan": "CNY"},
        measures={"kilomètre": "km", "km": "km", "mètre": "m", "tonne": "t",
                  "hectare": "ha", "kilo": "kg", "kg": "kg", "baril": "barrels",
                  "degré": "degrees"},
        durations={"seconde": "seconds", "minute": "minutes", "heure": "hours",
                   "jour": "days", "semaine": "weeks", "mois": "months", "an": "years",
                   "année": "years", "décennie": "decades", "siècle": "centuries"},
        approx=r"environ|près\s+de|presque|plus\s+de|moins\s+de|quelque|quelques|"
        r"jusqu'à|jusqu’à|au\s+moins|une\s+centaine\s+de",
        months=r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
        r"novembre|décembre",
        stop=_words("le la les l un une et ou en dans avec par pour à au aux du des de que "
                    "qui se sa son ses est sont a ont été comme mais plus moins ce cette ces "
                    "il elle ils elles y ne pas selon depuis entre sur"),
        of=r"(?:de|d['’])\s*(?:(?:la|les|l['’])\s*)?",
    ),
    "de": _Lexicon(
        numbers={"ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
                 "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
                 "zwanzig": 20, "dreißig": 30, "hundert": 100, "tausend": 1e3},
        scales={"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
                "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12,
                "billionen": 1e12},
        percent=r"%|prozent\b",
        currencies={"euro": "EUR", "dollar": "USD", "pfund": "GBP", "rubel": "RUB",
                    "franken": "CHF", "yuan": "CNY"},
        measures={"kilometer": "km", "km": "km", "meter": "m", "tonne": "t", "hektar": "ha",
                  "kilogramm": "kg", "kg": "kg", "barrel": "barrels", "grad": "degrees"},
        durations={"sekunde": "seconds", "minute": "minutes", "stunde": "hours",
                   "tag": "days", "woche": "weeks", "monat": "months", "jahr": "years",
                   "jahrzehnt": "decades", "jahrhundert": "centuries"},
        approx=r"etwa|rund|fast|knapp|mehr\s+als|weniger\s+als|über|unter|bis\s+zu|"
        r"mindestens|ungefähr|circa|ca\.",
        months=r"januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|"
        r"november|dezember",
        stop=_words("der die das den dem des ein eine einer einem einen und oder in im mit "
                    "von vom zu zum zur auf an am für aus bei nach über unter als wie aber "
                    "ist sind war waren hat haben wird werden sich es er sie wir nicht auch "
                    "noch schon laut seit bis"),
        of=r"",
    ),
}  # fmt: skip

# A number: digits grouped by dots, spaces or thin spaces, with a decimal comma.
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w]|[.,]\d)"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*)")
_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "JPY"}
_SIGN_AFTER = re.compile(r"\s?([$€£₽¥])")


@dataclass(frozen=True)
class _Compiled:
    lexicon: _Lexicon
    tail_scale: re.Pattern
    tail_percent: re.Pattern
    date: re.Pattern
    approx_before: re.Pattern
    word_number: re.Pattern
    of: re.Pattern


def _prefix_match(word: str, table: dict[str, str]) -> str | None:
    """The value of the longest key that ``word`` starts with ("рублей" -> RUB)."""
    best = max((k for k in table if word.startswith(k)), key=len, default=None)
    return table[best] if best else None


def _compile(lexicon: _Lexicon) -> _Compiled:
    scales = "|".join(sorted(map(re.escape, lexicon.scales), key=len, reverse=True))
    words = "|".join(sorted(map(re.escape, lexicon.numbers), key=len, reverse=True))
    return _Compiled(
        lexicon=lexicon,
        tail_scale=re.compile(rf"\s*(?P<scale>{scales})\.?(?![\w])", re.IGNORECASE),
        tail_percent=re.compile(rf"\s*(?:{lexicon.percent})", re.IGNORECASE),
        date=re.compile(
            rf"\b\d{{1,2}}\.?\s*(?:de\s+)?(?:{lexicon.months})\b(?:\s+(?:de\s+)?\d{{4}})?"
            rf"|\b(?:{lexicon.months})\s+(?:de\s+)?\d{{4}}\b"
            rf"|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b",
            re.IGNORECASE,
        ),
        approx_before=re.compile(rf"(?:^|\s)(?:{lexicon.approx})\s+\Z", re.IGNORECASE),
        word_number=re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE),
        of=re.compile(lexicon.of, re.IGNORECASE) if lexicon.of else re.compile(r"(?!)"),
    )


_COMPILED = {language: _compile(lexicon) for language, lexicon in LEXICONS.items()}
LANGUAGES = tuple(LEXICONS)


def _value(raw: str) -> float:
    return float(re.sub(r"[.\u00a0\u202f ]", "", raw).replace(",", "."))


# Russian adjective endings: "40 мирных жителей" counts inhabitants, not "peaceful".
_RU_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ой|ый|ий|ая|яя|ое|ее|ого|его|ому|ему)$")


def _word(c: _Compiled, text: str, pos: int, end: int) -> re.Match | None:
    m = _WORD.match(text, pos, end)
    return None if m is None or m.group(1).lower() in c.lexicon.stop else m


def _counted(c: _Compiled, language: str, text: str, pos: int, end: int) -> tuple[str, int]:
    """The noun after a quantity that says what it counts, with an adjective before it
    (German: up to the capitalised noun; Russian: after an adjective ending); Spanish
    and French put adjectives after the noun, so the noun alone."""
    first = _word(c, text, pos, end)
    if first is None:
        return "", pos
    word = first.group(1)
    second = _word(c, text, first.end(), end)
    if second and (
        (language == "de" and not word[:1].isupper() and second.group(1)[:1].isupper())
        or (language == "ru" and _RU_ADJECTIVE.search(word.lower()))
    ):
        return f"{word} {second.group(1)}", second.end()
    return word, first.end()


def _number_at(
    c: _Compiled, language: str, text: str, start: int, num_end: int, value: float
) -> dict:
    end = len(text)
    lexicon = c.lexicon
    pos = num_end
    if scale := c.tail_scale.match(text, pos, end):
        value *= lexicon.scales.get(scale.group("scale").lower().rstrip("."), 1.0)
        pos = scale.end()
        # "3,5 millones de euros", "2,3 milliards d'euros": "of" after a scale word.
        if of := c.of.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip())):
            pos = of.end()
    before = text[max(0, start - 30) : start]
    approx = c.approx_before.search(before)
    item = {
        "value": value,
        "text": "",
        "unit": "",
        "counts": "",
        "kind": "count",
        "start": start - (len(approx.group().lstrip()) if approx else 0),
        "end": pos,
        "approximate": bool(approx),
    }
    head = _word(c, text, pos, end)
    head_word = head.group(1).lower() if head else ""
    sign_after = _SIGN_AFTER.match(text, pos, end)
    if percent := c.tail_percent.match(text, pos, end):
        item.update(unit="%", kind="percent")
        pos = percent.end()
    elif start and text[start - 1] in _SIGNS:  # "$5 millones"
        item.update(unit=_SIGNS[text[start - 1]], kind="money", start=item["start"] - 1)
    elif sign_after:  # "3,5 Mio. €"
        item.update(unit=_SIGNS[sign_after.group(1)], kind="money")
        pos = sign_after.end()
    elif currency := _prefix_match(head_word, lexicon.currencies):
        item.update(unit=currency, kind="money")
        pos = head.end()
    elif measure := _prefix_match(head_word, lexicon.measures):
        item.update(unit=measure, kind="measure", counts=head.group(1))
        pos = head.end()
    elif duration := _prefix_match(head_word, lexicon.durations):
        item.update(unit=duration, kind="duration", counts=duration)
        pos = head.end()
    else:
        counts, after = _counted(c, language, text, pos, end)
        if counts:
            item.update(counts=counts, unit=counts.split()[-1])
            pos = after
    item["end"] = pos
    item["text"] = text[item["start"] : pos]
    return item


def scan(text: str, language: str) -> tuple[list[dict], list[tuple[int, int]]]:
    """The numbers (with what they count) and the date spans of ``text``."""
    c = _COMPILED[language]
    dates = [m.span() for m in c.date.finditer(text)]
    in_date = [False] * (len(text) + 1)
    for s, e in dates:
        in_date[s:e] = [True] * (e - s)
    numbers: list[dict] = []
    taken = 0
    found = [(m.start(), m.end(), _value(m["num"]), True) for m in _NUMBER.finditer(text)]
    found += [
        (m.start(), m.end(), float(c.lexicon.numbers[m.group().lower()]), False)
        for m in c.word_number.finditer(text)
    ]
    for start, end, value, digits in sorted(found):
        if start < taken or in_date[start]:
            continue
        raw = text[start:end]
        if digits and _YEAR.fullmatch(raw) and not c.tail_scale.match(text, end):
            dates.append((start, end))  # a bare year is a date, not a quantity
            continue
        item = _number_at(c, language, text, start, end, value)
        if not digits and not item["counts"] and item["kind"] == "count":
            continue  # "una de ellas", "ein paar": a word that counts nothing
        numbers.append(item)
        taken = item["end"]
    return numbers, sorted(dates)


def claims(text: str, language: str) -> tuple[list[dict], int]:
    """The claim sentences (each with its numbers and dates), and how many sentences."""
    spans = split_spans_any(text)
    numbers, dates = scan(text, language)
    found = []
    for s, e in spans:
        if text[s:e].rstrip(" \"'”’»)]").endswith("?"):
            continue
        nums = [n for n in numbers if s <= n["start"] < e]
        when = [text[a:b] for a, b in dates if s <= a < e]
        if not nums and not when:
            continue
        found.append({
            "start": s,
            "end": e,
            "attributed": None,  # not known: no attribution scorer for this language
            "reason": "number" if nums else "date",
            "numbers": nums,
            "dates": when,
        })  # fmt: skip
    return found, len(spans)
