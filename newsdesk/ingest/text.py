"""Clean the visible text of a scraped news page.

A scraper hands us one block of page text per line: menus, section labels,
photo captions and credits, share buttons and comment widgets sit between the
lines of the article. ``clean_text`` sorts every line into the article
(headline, dateline, body), the side lists (captions, credits) or ``removed``,
using a few general rules kept below as module-level data. Nothing here knows
about a particular site, and no Django import is needed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from newsdesk.ingest.language import language_detect


@dataclass
class CleanedText:
    headline: str = ""
    dateline: str = ""
    published: dt.date | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    outlet_hint: str = ""
    language: str = ""
    language_confidence: float | None = None  # the detector's, None if not detected
    byline: str = ""  # set by extractors that find one (HTML metadata)


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Characters a browser shows as a plain space (NBSP, thin spaces, tabs) or not at all.
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")

# A whole line that is only an interface word, maybe with a counter or arrow
# ("Share", "0 Comments", "Newsfeed ›"): buttons, widget titles, nav entries.
_CHROME_LINE = _ci(
    r"^[\d\s]*(?:subscribe|newsfeed|loader|loading|chats?|advertisement|advert|ad|"
    r"sponsored|share|comments?|print|e-?mail|menu|search|close|home|log ?in|sign in|"
    r"register|newsletters?|most read|most popular|trending|related|related topics|"
    r"related stories|more on this story|you may also like|recommended|"
    r"abonnez-vous|s['’]abonner|publicité|partager|commentaires?|se connecter|"
    r"lire aussi|à lire aussi|sur le même sujet|les plus lus|suivez-nous|"
    r"подписаться|реклама|комментарии|поделиться|читайте также)[\s\d:.!…»›>|]*$"
)
# Openings of calls to action and legal notices; only tested on short lines so
# that an article sentence which merely starts the same way is never dropped.
_CHROME_START = _ci(
    r"^(?:share (?:this|on|via)|read (?:more|also)|related\s*:|follow us|sign up|"
    r"subscribe (?:to|now|for)|skip to|to participate in the discussion|"
    r"log in (?:or|to)|we use cookies|this (?:site|website) uses cookies|"
    r"accept (?:all )?cookies|cookie (?:policy|settings)|copyright\b|"
    r"listen to this article|lire (?:aussi|la suite)|à lire aussi|abonnez-vous|"
    r"inscrivez-vous|nous utilisons des cookies|читайте также|подпишитесь)"
)
_CHROME_MAX_WORDS = 15
_CHROME_ANY = _ci(r"all rights reserved|tous droits réservés|все права защищены")
_COUNTER = re.compile(r"^[\d\s,/|+·•]+$")  # view/comment/share counters, pagers
# Widgets that follow the article: once one appears, the body is over.
_END_OF_ARTICLE = _ci(
    r"^(?:related topics|related stories|more on this story|most read|most popular|"
    r"you may also like|recommended|newsfeed|comments|to participate in the discussion|"
    r"sur le même sujet|les plus lus|commentaires|читайте также)\b"
)
# Words a date or time line may hold besides month names and numbers.
_DATE_WORDS = frozenset({
    "st", "nd", "rd", "th", "am", "pm", "a", "m", "p", "at", "on",
    "utc", "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "msk",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
_STAMP_TIME = _ci(r"\b\d{1,2}[:.]\d{2}\b|\b(?:ago|today|yesterday)\b")  # "9:02 AM", "2 hours ago"
_BYLINE = _ci(r"^(?:by|par|von|por|автор:?)\s+\S")
_PUBLISHED = _ci(r"^(?:first )?(?:published|posted|publié|опубликовано)\b")
_UPDATED = _ci(r"^(?:last )?(?:updated|modified|mis à jour|modifié|обновлено)\b")

# Image credits at the start of a line ("© AP Photo / …", "Photo: …", "Image source, …").
_CREDIT = _ci(
    r"^(?:©|\(c\)\s|(?:photo|image|picture|illustration|video)(?:\s+credit)?\s*:|"
    r"credits?\s*:|image source\s*,|\(?photo(?:graph)?\s+by\b|getty images\b|"
    r"(?:ap photo|reuters|afp|epa|anadolu|tass)\s*/)"
)
_CREDIT_MAX_WORDS = 25
# A credit closing a caption, after its last sentence or in brackets: "… on Monday.
# (AP Photo/Jane Doe)", "… Photo: Northbridge Ledger / staff", "… Credit: Jane Doe",
# "… Jane Doe/AFP via Getty Images", "… (Reuters)".
_CREDIT_FORMS = (
    r"(?:(?:\w+\s+)?(?:photo(?:graph)?|image|picture|illustration|video)s?(?:\s+credit)?"
    r"\s*(?::|/|\bby\b)\s*[^()]{1,80}?"
    r"|credits?\s*:\s*[^()]{1,80}?"
    r"|[^().!?]{0,60}\bgetty\s+images"
    r"|[^()./!?]{1,60}/\s*staff(?:\s+photographer)?"
    r"|reuters|ap|afp|epa|anadolu(?:\s+agency)?|tass|xinhua|pa(?:\s+(?:wire|media))?)"
)
_TRAILING_CREDIT = _ci(
    rf"(?:(?<=[.!?\"”’»])|\s)\s*\((?P<bracketed>{_CREDIT_FORMS})\)\s*$"
    rf"|(?<=[.!?\"”’»])\s+(?P<plain>{_CREDIT_FORMS})\s*$"
)
_CAPTION_MAX_WORDS = 60
_CAPTION_LABEL = _ci(r"^(?:image |photo )?(?:caption|légende)\s*[,:]\s*")
# Words that mark a sentence next to a credit as a description of a picture.
_PHOTO_CUE = _ci(r"\b(?:photos?|pictured|handout|file image|in this image|poses?)\b")
# Page stamps: "- Outlet Name, 1920, 24.01.2023" (outlet, an image width, a date),
# alone on a line or closing a caption.
_STAMP = re.compile(
    r"(?:^|\s)[-–—]\s*(?P<outlet>[^\W\d][^,]{1,60}?),\s*\d{1,4},\s*"
    r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*$"
)
# "CITY (Agency) -", "CITY, Country (Agency) –", "CITY —" opening the first paragraph.
_DATELINE = re.compile(
    r"^(?P<city>[^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]{1,2}[^\W\d_]+){0,3})"
    r"(?:,\s*(?P<region>[^\W\d_][\w .'’-]{1,30}?))?"
    r"(?:\s*\((?P<agency>[^()]{2,40})\))?\s*[-–—]+\s+"
)
# Marks that end a sentence: Latin, CJK, the Devanagari and Bengali danda, the Arabic
# (Urdu) full stop and question mark, Armenian, Ethiopic, Burmese and Khmer full stops.
_SENTENCE_MARKS = ".!?…。！？।॥۔؟։።။។"
# What may close a sentence after its mark: quotes as English („German“ too) and French
# write them, the latter after a space (« Oui. »), brackets, and the Japanese 」』.
_CLOSERS = "\"'”“’»›)\\]」』）"
_SENTENCE_END = re.compile(rf"[{_SENTENCE_MARKS}](?:\s?[{_CLOSERS}])*$")

# English and French month names; English ones also by their first three letters.
_MONTH_NAMES = (
    "january janvier", "february février fevrier", "march mars", "april avril",
    "may mai", "june juin", "july juillet", "august août aout",
    "september septembre sept", "october octobre", "november novembre",
    "december décembre decembre",
)  # fmt: skip
_MONTHS = {
    name: number
    for number, names in enumerate(_MONTH_NAMES, 1)
    for name in (*names.split(), names[:3])
}
_MONTH = r"(?P<m>[^\W\d_]{3,10})\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),  # 07.07.2021
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),  # 2021-07-07
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?\s+{_MONTH},?\s+(?P<y>\d{{4}})\b"),
)
# Words before a full stop that do not end a sentence ("Mr. Okafor").
_ABBREVIATION = _ci(r"^(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|jr|sr|vs)$")


@dataclass
class _Line:
    text: str
    kind: str = "para"  # para | title | chrome | media (caption and/or credit)
    caption: str = ""
    credit: str = ""
    outlet: str = ""
    stamp: bool = False
    ends_article: bool = False  # an end-of-article widget title
    date: dt.date | None = None
    rank: int = 9  # evidence for the article's date: 0 strongest, 9 unused
    short_title: bool = False  # two or three words that would be a title if they were four


def clean_text(raw: str) -> CleanedText:
    """Split scraped page text into the article and everything around it."""
    lines = _normalise(raw)
    if not lines:
        return CleanedText()
    page_script = _script(" ".join(lines))
    items = [_classify(text, page_script) for text in lines]
    _find_more_captions(items)
    for item in itertools.takewhile(lambda it: it.kind == "chrome", items):
        if item.stamp:  # a bare stamp above all content dates the page, not the article
            item.rank = 9
    start, end = _body_bounds(items)
    # A short headline ("Harbour strike continues") reads like a section label, but not
    # when it stands right above the body with no other title before it.
    titled = any(it.kind == "title" for it in items[: max(start, 0)])
    if start > 0 and items[start - 1].short_title and not titled:
        items[start - 1].kind = "title"

    result = CleanedText()
    # The headline is the last title-like line before the body (the first one if no body).
    heads = [i for i, it in enumerate(items) if it.kind == "title" and (i < start or start < 0)]
    head = (heads[-1] if start >= 0 else heads[0]) if heads else -1
    body: list[str] = []
    for i, item in enumerate(items):
        if i == head:
            result.headline = item.text
        elif item.kind == "media":
            if item.caption and item.caption not in result.captions:
                result.captions.append(item.caption)
            if item.credit and item.credit not in result.credits:
                result.credits.append(item.credit)
        elif item.kind == "para" and start <= i <= end:
            body.append(item.text)
        else:
            result.removed.append(item.text)

    agency = ""
    if body and (match := _dateline(body[0])):
        result.dateline = body[0][: match.end()].rstrip(" -–—")
        agency = (match["agency"] or "").strip()
        body[0] = body[0][match.end() :]
    result.body = "\n\n".join(body)
    if not result.headline and body:
        result.headline = _first_sentence(body[0])
    result.outlet_hint = next((it.outlet for it in items if it.outlet), agency)
    dated = sorted((it.rank, i) for i, it in enumerate(items) if it.date and it.rank < 9)
    result.published = items[dated[0][1]].date if dated else None
    detected = language_detect(result.body or " ".join(lines))
    result.language, result.language_confidence = detected.language, detected.confidence
    return result


# Chinese, Japanese and Thai write no spaces between words; about two of their
# characters make a word.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in ``text``, counting those of scripts written without spaces too (a
    Chinese sentence is one "word" to ``str.split``, so every line of a Chinese article
    read as a short label)."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


def _normalise(raw: str) -> list[str]:
    lines = (_SPACES.sub(" ", _INVISIBLE.sub("", line)).strip() for line in raw.splitlines())
    return [line for line in lines if line]


def _script(text: str) -> str:
    """The most common writing system among the letters of ``text`` ("" if none)."""
    names = Counter(unicodedata.name(c, "?").split()[0] for c in text if c.isalpha())
    for kana in ("HIRAGANA", "KATAKANA"):  # Japanese mixes kana with CJK ideographs
        names["CJK"] += names.pop(kana, 0)
    return names.most_common(1)[0][0] if names else ""


def _classify(text: str, page_script: str) -> _Line:
    item = _Line(text)
    words = word_count(text)
    script = _script(text)
    if script and page_script and script != page_script:
        item.kind = "chrome"  # e.g. a Cyrillic widget title left on an English page
    elif stamp := _STAMP.search(text):
        item.outlet, item.stamp, item.rank = stamp["outlet"].strip(), True, 1
        item.date = _find_date(stamp["date"])
        item.caption = text[: stamp.start()].strip()  # a stamped text is an image caption
        item.kind = "media" if item.caption else "chrome"
    elif _PUBLISHED.match(text) or _UPDATED.match(text):
        item.kind, item.date = "chrome", _find_date(text)
        item.rank = 0 if _PUBLISHED.match(text) else 3  # "Updated" never beats "Published"
    elif is_chrome_line(text):
        item.kind = "chrome"
    elif _CREDIT.match(text) and len((parts := _split_glued(text))[0].split()) <= _CREDIT_MAX_WORDS:
        item.kind, (item.credit, item.caption) = "media", parts
    elif label := _CAPTION_LABEL.match(text):
        item.kind, item.caption = "media", text[label.end() :]
    elif words <= _CAPTION_MAX_WORDS and (trailing := _TRAILING_CREDIT.search(text)):
        item.kind, item.credit = "media", (trailing["bracketed"] or trailing["plain"]).strip()
        item.caption = text[: trailing.start()].strip()
    elif words <= 25 and (_is_headline_question(text) or not _is_sentence(text)):
        item.kind = "title" if words >= 4 and not text.endswith((",", ";", ":")) else "chrome"
        item.short_title = item.kind == "chrome" and words in (2, 3) and text[-1].isalnum()
        if _BYLINE.match(text):
            item.kind, item.short_title = "chrome", False
        elif words <= 10 and (date := _find_date(text)):  # a date on its own line
            item.kind, item.date, item.rank, item.short_title = "chrome", date, 2, False
    if item.kind in ("chrome", "title"):
        item.ends_article = bool(_END_OF_ARTICLE.match(text.lstrip("0123456789 ")))
    return item


def is_chrome_line(text: str) -> bool:
    """A line that is page furniture by a narrow rule, wherever it stands.

    Only an interface word alone on its line ("Share", "Advertisement"), a counter, or a
    short line opening with a call to action or a legal notice ("Sign up for…", "All rights
    reserved"). The HTML path applies only this to a body the extractor already found.
    """
    if _CHROME_LINE.match(text) or _COUNTER.match(text):
        return True
    short = word_count(text) <= _CHROME_MAX_WORDS
    return short and bool(_CHROME_START.match(text) or _CHROME_ANY.search(text))


def is_byline_line(text: str) -> bool:
    """A short "By Jane Doe" line that is not a sentence ("By then it was too late." is one)."""
    return word_count(text) <= 8 and bool(_BYLINE.match(text)) and not _is_sentence(text)


def is_timestamp_line(text: str) -> bool:
    """A short "Published …" or "Updated …" line above or below an article."""
    stamp = _PUBLISHED.match(text) or _UPDATED.match(text)
    if not stamp or word_count(text) > 12:
        return False
    return bool(_find_date(text) or _STAMP_TIME.search(text))


def is_date_line(text: str) -> bool:
    """A line holding a date (and maybe a time) and nothing else ("- 24 July 2015",
    "08.04.2015 12:46", "Tue March 5, 2024 at 3:45 pm EST")."""
    if not (_find_date(text) or _STAMP_TIME.search(text)):
        return False
    rest = text
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _STAMP_TIME.sub(" ", rest)
    words = re.findall(r"[^\W\d_]+", rest.lower())  # no number may be left (a table row)
    return not re.search(r"\d", rest) and all(w in _MONTHS or w in _DATE_WORDS for w in words)


def page_lines(raw: str) -> list[str]:
    """The non-blank lines of ``raw``, with odd spaces made plain and invisible ones removed."""
    return _normalise(raw)


def split_dateline(paragraph: str) -> tuple[str, str]:
    """("CITY (Agency)", rest of the paragraph), or ("", paragraph) without a dateline."""
    match = _dateline(paragraph)
    if not match:
        return "", paragraph
    return paragraph[: match.end()].rstrip(" -–—"), paragraph[match.end() :]


def dateline_agency(dateline: str) -> str:
    """The agency in brackets of a dateline ("AP" in "LONDON (AP)"), or ""."""
    match = _dateline(dateline + " - ")
    return (match["agency"] or "").strip() if match else ""


def _is_sentence(text: str) -> bool:
    return word_count(text) >= 2 and bool(_SENTENCE_END.search(text))


def _is_headline_question(text: str) -> bool:
    """A title-case line ending in ? or !, such as: Is This the End of Cheap Flights?"""
    words = [w for w in text.split() if w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return text.endswith(("?", "!")) and len(words) >= 4 and capitalised >= 0.6 * len(words)


def _split_glued(text: str) -> tuple[str, str]:
    """Split a credit from a caption glued to it ("…TajikistanIn this photo…")."""
    for i in range(1, len(text)):
        if text[i - 1].islower() and text[i].isupper():
            rest = text[i:]
            first = rest.split()[0]
            glued_again = any(a.islower() and b.isupper() for a, b in itertools.pairwise(first))
            if len(rest.split()) >= 4 and not glued_again:  # "McDonaldA man…" splits at "A"
                return text[:i].strip(), rest.strip()
    return text, ""


def _find_more_captions(items: list[_Line]) -> None:
    """A paragraph repeating a caption, or describing a picture next to a credit, is a caption."""
    captions = {it.caption for it in items if it.caption}
    for i, item in enumerate(items):
        if item.kind != "para":
            continue
        near_credit = any(
            0 <= j < len(items) and items[j].credit for j in (i - 1, i + 1)
        ) and _PHOTO_CUE.search(item.text)
        if item.text in captions or near_credit:
            item.kind, item.caption = "media", item.text


def _body_bounds(items: list[_Line]) -> tuple[int, int]:
    """First and last line of the body; (-1, -2) when there is no paragraph."""
    runs: list[list[int]] = [[]]  # paragraphs not split by a title or an end widget
    for i, item in enumerate(items):
        if item.kind == "title" or item.ends_article:
            runs.append([])
        elif item.kind == "para":
            runs[-1].append(i)
    run = max(runs, key=len)
    if not run:
        return -1, -2
    limit = run[min(1, len(run) - 1)]  # a dateline may open the run or come just before it
    datelined = [
        i for i, it in enumerate(items[: limit + 1]) if it.kind == "para" and _dateline(it.text)
    ]
    start = datelined[0] if datelined else run[0]
    end = start
    for i in range(start, len(items)):
        if items[i].ends_article:
            break
        if items[i].kind == "para":
            end = i
    return start, end


def _dateline(text: str) -> re.Match[str] | None:
    """The dateline opening ``text``; its city must be upper case and not an initialism."""
    match = _DATELINE.match(text)
    city = match["city"] if match else ""
    return match if city.isupper() and sum(c.isalpha() for c in city) >= 3 else None


def _find_date(text: str) -> dt.date | None:
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match["m"]
            number = int(month) if month.isdigit() else _MONTHS.get(month.lower(), 0)
            try:
                return dt.date(int(match["y"]), number, int(match["d"]))
            except ValueError:
                continue
    return None


def _first_sentence(text: str, limit: int = 200) -> str:
    for match in re.finditer(rf"[{_SENTENCE_MARKS}](?:\s?[{_CLOSERS}])*(?=\s+(\S))", text):
        word = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
        abbreviation = _ABBREVIATION.match(word) or "." in word or len(word) == 1
        if not abbreviation and (match[1].isupper() or match[1] in "\"“«‘'"):
            return text[: match.end()][:limit].rstrip()
    return text[:limit].rstrip()
