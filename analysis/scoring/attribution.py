"""Attribution: who is quoted or paraphrased, how, and which claims carry no source.

Pure regular-expression heuristics, no model: direct quotes ("…," X said / X said: "…" /
"…" — X; quotes in ''…'' and over several paragraphs; a quote with no speaker of its own
going on with the speaker before it), reported speech around a reporting-verb lexicon with
named, anonymous, institutional and group speakers, speaker resolution (surname aliases,
"he"/"she" taken for the person named before and marked so, "the envoy"), spokespeople
with their principal, source typing (named person, named organisation, anonymous) and
sentences that state facts without any attribution. Measured on PolNeAR by
bench/eval_attribution.py (README, "Measured quality"). Russian, Spanish, French and
German get a smaller set of rules through the language parameter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import itemgetter

# The helpers called for each cue, quote and speaker are marked @cython.cfunc: compiled,
# each is a C function called directly, not through a Python call (function object,
# argument vector, parsing), which costs more than many of them do; they are then not
# visible from Python. score_attribution, find_quotes, quote_inner and
# text_ends_with_full_stop stay Python functions (@cython.ccall: a C call within the
# module). Interpreted, the decorators do nothing.
import cython

from analysis.scoring import SHARED_CACHE_SIZE, ScoreResult, register
from analysis.scoring.names import (
    SUBJECT_LEFT_OUT,
    THIRD_PERSON,
    is_institution,
    name_words,
    speaker_words,
    third_person,
)
from analysis.scoring.sentences import ascii_replaced, rare_characters, split_spans
from analysis.scoring.text import (
    APOSTROPHE_MARKS,
    BODY_NOUNS,
    CAP_STOP,
    COMPASS_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    LOADED_VERBS,
    NEUTRAL_VERBS,
    OFFICE_FIELDS,
    ORG_WORDS,
    ORGANISATION_NAMES,
    PLACE_SUFFIXES,
    RANK_TITLES,
    ROLE_NOUNS,
    TITLE_WORDS,
    WholeWords,
    ampersand_body,
    body_noun_before,
    fast_round,
    given_name_sex,
    is_given_name,
    lowered,
    role_synonyms,
    trie,
)
from analysis.scoring.text import word_set as _words

# --- Lexicons -------------------------------------------------------------------------

# More verbs that report speech, writing or a stance, for this scorer only (the actors
# scorer shares NEUTRAL_VERBS and LOADED_VERBS, in scoring.text): other tenses,
# participles ("…, saying that …") and the verbs that news writing puts before or after
# a quote.
MORE_VERBS = _words(
    "notes explains adds argue suggest predict acknowledge declined declaring "
    "mentioning citing remarking accuses quoted saying telling adding noting stating "
    "explaining announcing writing wrote write writes tweeting warning arguing "
    "insisting claiming asked asks ask asking joked concluded concludes continued "
    "agreed agrees reads chanted chanting described describes describing calling "
    "called calls suggested suggests suggesting praised answered posted predicted "
    "promised promises vowed urged urging wondered shouted yelled cautioned mocked "
    "accused criticized acknowledging acknowledges recalling responding reports "
    "questioned insisting revealed contends assured indicated"
)
# Words before a cue that make it an adjective, a passive or an infinitive instead.
_NOT_CUE_BEFORE = _words(
    "the a an this these those such so-called aforesaid his her its their our my your any no "
    "some was were is are been be being am to"
)
# Besides the words of organisations' names that actors reads too (ORG_WORDS, in
# scoring.text), words that make a speaker's name a body's here, where a speaker is one
# name: "White House Press Office", "Media Matters", "Joint Chiefs of Staff", "Immigration
# Services", "the Republican Congress", and the names of particular bodies ("Kremlin
# sources", "Ria Novosti"). Actors reads runs of capitalised words that may hold several
# names ("Congress and President Obama", "Department of Health and Human Services",
# "Fleeing Taliban fighters"), which these words would join or split wrongly, and finds
# the particular bodies by their names.
_ORG_WORDS = ORG_WORDS | _words(
    "Press Media Staff Congress Services Kremlin Pentagon Taliban Reuters Sputnik TASS Tass "
    "Interfax Xinhua Bloomberg Ria Novosti"
)
# Capitals, countries and agencies used as speakers by metonymy ("Moscow said"), and
# parties named by their members ("Democrats said"): organisations, not people.
KNOWN_ORGS = _words(
    "Moscow Washington Beijing Kyiv Kiev Tehran Ankara London Paris Berlin Brussels Kabul "
    "Dushanbe Tashkent Islamabad Delhi Tokyo Seoul Pyongyang Jerusalem Damascus Baghdad Riyadh "
    "Cairo Minsk Hamas Hezbollah Russia Ukraine China Iran Turkey Israel Afghanistan Pakistan "
    "India Japan France Germany Britain Uzbekistan Tajikistan Kazakhstan Kyrgyzstan "
    "Turkmenistan Syria Iraq Egypt Belarus NATO AFP AP Democrats Republicans"
)


# Last words of places that govern themselves: "Atlantic City said", "Orange County said"
# speak for the city's or the county's government, an organisation.
_GOVERNED = _words("City County Province Region District Oblast Krai Governorate")


@cython.cfunc
def _all_known_orgs(words: list[str]) -> bool:
    """Several known states or organisations joined by "and" or commas."""
    names = [w.rstrip(",") for w in words if w not in ("and", "&")]
    return len(names) > 1 and KNOWN_ORGS.issuperset(names)


# Every title word: the offices' and the ranks' alike ("Mayor", "Admiral", "CEO").
_TITLES = TITLE_WORDS | RANK_TITLES


# --- Regular expressions --------------------------------------------------------------

_W = r"[\w’'\-]"  # a word character, apostrophes and hyphens included
# A capitalised word, initials run together ("U.S.") and initials joined by an ampersand
# ("S.&P.", "AT&T"): one word of a name.
_CAP = r"[A-Z][\w’'\-]*(?:&[A-Z]+)?(?:\.&?[A-Z])*\.?"
_JOIN = r"(?:\s+(?:of|for|on|and|&|de|del|al|bin|ibn|van|von|der|da|di|la|le|el)(?:\s+the)?)?\s+"
_NAME = rf"{_CAP}(?:{_JOIN}{_CAP}){{0,7}}"
_ROLE_ALT = trie(ROLE_NOUNS)
_ROLE = rf"(?i:{_ROLE_ALT})(?!{_W})"
_ANON_MOD = (
    r"(?:the|some|several|many|two|three|four|five|few|other|senior|junior|local|government|"
    r"military|security|intelligence|western|foreign|police|border|health|defen[cs]e|unnamed|"
    r"anonymous|top|high-ranking|administration|industry|independent|regional|federal|state|"
    r"city|party|media|news|press|U\.S\.|[A-Z][a-z]+|[A-Z]{2,})"
)
_ANON_PLURAL = (
    r"(?i:officials|sources|experts|analysts|observers|diplomats|insiders|witnesses|eyewitnesses|"
    r"residents|critics|reports|authorities|police|commentators|scholars|researchers|economists|"
    r"activists|campaigners|investigators|medics|doctors|rescuers|people\s+(?=familiar|close|with))"
)
_ANON_SING = (
    rf"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:{_W}+\s+){{0,2}}?(?:source|official|diplomat|person|insider|"
    r"expert|analyst|witness|spokesman|spokesperson|spokeswoman|resident|observer|report)"
)
_ANON_TAIL = (
    r"(?:\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|involved\s+in|briefed\s+on|"
    r"in|at|from|with|for|to)\s+[^,.;:\"“”«»()]{1,60}?)?"
)
_ANON = rf"(?:(?:{_ANON_MOD}\s+){{0,3}}{_ANON_PLURAL}|{_ANON_SING}){_ANON_TAIL}"
# A party and state tag after a lawmaker's name: "(R-Ga.)", "(D-S.C.)", "(I-Vt.)", "(R)".
_PARTY = r"\s*\((?:[DRI]|Ind|Dem|Rep)(?:[-–]\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\)"
# A party, or a state alone, in parentheses after a name, before a cue: "Ann Lowe (R-Fla.)
# said", "Ann Lowe (Tex.) said".
_PARTY_END = re.compile(rf"(?:{_PARTY}|\s*\([A-Z][A-Za-z.]{{0,6}}\.\))\s*\Z")
# A short parenthesis of capitalised words that opens the words before a cue: "(R-Wis.)
# kept" in "Sen. Ann Lowe (R-Wis.) kept asking".
_TAG_THEN = re.compile(r"[A-Z][\w.\-–]*(?:\s[A-Z][\w.\-–]*){0,2}\)\s")
_TITLE_PRE = rf"(?:(?:{_W}+\s+){{0,2}}?{_ROLE}\s+)"
_NEVER = "(?!)"  # a pattern that matches nowhere


def _speaker_pattern(anon: bool = True, role: bool = True) -> str:
    """_SPEAKER, or (for where no word can be the noun they need) the same pattern with
    the same groups whose anonymous alternative, or role and title, match nowhere."""
    role_alt = rf"[Tt]he\s+(?:{_W}+\s+){{0,2}}?{_ROLE}" if role else _NEVER
    return (
        rf"(?P<spk>(?P<pron>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?!{_W})"
        rf"|(?P<anon>{_ANON if anon else _NEVER})(?!{_W})"
        rf"|(?P<role>{role_alt})"
        rf"|(?:(?P<the>[Tt]he)\s+)?(?P<title>{_TITLE_PRE if role else _NEVER})?"
        rf"(?P<named>{_NAME})(?:{_PARTY})?)"
    )


_SPEAKER = _speaker_pattern()
_APPOS = r"(?:\s*,\s*(?P<app>(?:\([^()]*\)|[^,;:\"“”«»()]){2,160}?)\s*,)?"
_ADV = (
    r"(?:(?:also|later|previously|has|had|have|then|further|again|once|earlier|repeatedly|"
    r"publicly|reportedly|separately|recently|would|will|privately|initially|originally|"
    r"subsequently|had\s+earlier|has\s+also|has\s+repeatedly)\s+){0,3}"
)
_VERBS = NEUTRAL_VERBS | LOADED_VERBS | MORE_VERBS
_VERB_ALT = trie(_VERBS)
_CUE = re.compile(
    rf"(?<!{_W})(?:(?P<acc>[Aa]ccording\s+to)|(?P<verb>{_VERB_ALT}|pointed\s+out))(?!{_W})"
)
# Speaker directly before a cue that ends at endpos: "Hasan Sultonov, <appos>, said";
# by (whether a word may be a noun of an anonymous source, whether one may be a role
# noun): where none can, the alternatives that need one are left out (they cost most of
# a match), and the pattern finds the same matches. _BEFORE: the whole pattern.
_BEFORES = {
    (anon, role): re.compile(rf"(?<!{_W}){_speaker_pattern(anon, role)}{_APPOS}\s*{_ADV}\Z")
    for anon in (False, True)
    for role in (False, True)
}
_BEFORE = _BEFORES[True, True]
# Speaker right after a cue: ", said Sultonov" / "according to the envoy,".
_STOP_AFTER = (
    r"(?=\s*(?:[.,;:!?)\"”»]|\Z)|\s+(?:on|in|at|during|after|before|late|earlier|last|this|"
    r"told|adding|who|when|as|and|that)(?!\w))"
)
_AFTER = re.compile(
    rf"\s+{_SPEAKER}(?:,\s*(?=(?:the|an?|his|her|its|their)\s|[A-Z]|{_W}+[’']s\s)"
    rf"(?P<app>(?:\([^()]*\)|[^,.;:\"“”«»()]){{2,160}}?))?{_STOP_AFTER}"
)
# Quotation marks: straight, curly, the New York Times' two apostrophes, guillemets and the
# low-high German pair. Which mark closes which opening one:
_MARKS = ('"', "“", "”", "«", "»", "„", "''", "``", "‹", "›")
_CLOSES = {'"': '"”', "“": '”"', "''": "''", "``": "''", "«": "»", "„": "“”", "‹": "›"}
_RARE_MARKS = frozenset(mark for mark in _MARKS if not mark.isascii())
# An opening curly mark typed where the closing one belongs, after a comma or a sentence's
# end: `“It's unusual,“ said Larry Noble`.
_TYPO_CLOSE = re.compile(r"(?<=[,.!?])“").match
_MAX_QUOTE = 4000  # characters: an opening mark left unclosed does not swallow the article


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted spans (from the opening mark to after the closing one), not overlapping.

    A quote runs over several paragraphs when each paragraph opens with a quotation mark and
    only the last one closes it (the newspapers' rule); an opening mark left unclosed at the
    end of its paragraph otherwise opens nothing.
    """
    quotes = []
    open_at = -1
    closes = ""
    checked = 0  # the quote has no paragraph break before this position
    marks = []  # str.find per mark: far faster than a pattern over the whole text
    rare = rare_characters(text)  # a mark outside ASCII is sought only if the text has it
    for mark in _MARKS:
        if mark in _RARE_MARKS and mark not in rare:
            continue
        i = text.find(mark)
        while i >= 0:
            marks.append((i, mark))
            i = text.find(mark, i + len(mark))
    marks.sort()
    for pos, mark in marks:
        mark_end = pos + len(mark)
        if open_at >= 0:
            newline = text.rfind("\n", checked, pos)
            if newline < 0 and (
                mark in closes or mark == "“" and closes == '”"' and _TYPO_CLOSE(text, pos)
            ):
                if pos - open_at <= _MAX_QUOTE:
                    quotes.append((open_at, mark_end))
                open_at = -1
                continue
            if newline >= 0 and mark in _CLOSES and not text[newline:pos].strip():
                checked = mark_end  # the next paragraph of the same quote
                continue
            open_at = -1
        if mark in _CLOSES:
            open_at, closes, checked = pos, _CLOSES[mark], mark_end
    return quotes


@cython.ccall
@cython.locals(text=str)
def quote_inner(text: str, qs: int, qe: int) -> tuple[int, int]:
    """The quoted words of the quote from qs to qe, without its marks."""
    return qs + (2 if text.startswith(("''", "``"), qs) else 1), qe - (
        2 if text.startswith("''", qe - 2) else 1
    )


# After a closing quote: `"…," Sultonov said` / `"…," said Sultonov` / `"…" — Sultonov`.
_TAIL_SPEAKER_CUE = re.compile(rf"[ \t]*,?[ \t]*{_SPEAKER}{_APPOS}\s*{_ADV}(?P<cue>{_CUE.pattern})")
_TAIL_CUE = re.compile(rf"[ \t]*,?[ \t]*(?P<cue>{_CUE.pattern})")
_TAIL_DASH = re.compile(rf"[ \t]*,?[ \t]*(?P<dash>—|–|--)[ \t]*{_SPEAKER}")
# Before an opening quote: `Sultonov said: "…"`, `X said that "…"`, `X told reporters: "…"`.
_HEAD_END = re.compile(
    r"(?:(?:\s+[^\s:\"“”«»,.]+){0,6}?\s+that|(?:\s+[^\s:\"“”«»,.]+){0,6}\s*[:,])?\s*\Z"
)
_ANON_CUE = re.compile(
    r"(?:(?P<adv>\breportedly|\ballegedly|\bpurportedly)|\b[Ii]t\s+(?:is|was|has\s+been|had\s+been)"
    r"\s+(?:reported|claimed|alleged|said|believed|understood|rumou?red))(?!\w)"
)
_TOLD_NON_SPEECH = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|some|bad|good|funny|old|tall)\s+){0,2}"
    r"(?:jokes?|stor(?:y|ies)|tales?|lies?|anecdotes?|fortunes?|off)(?!\w)"
)
_DECLINED_TO = re.compile(
    r"\s+(?:(?:repeated|multiple|several)\s+)?(?:requests?|to\s+(?:comment|say|discuss|answer|"
    r"elaborate|respond|provide|identify|speak|specify|confirm|address|be\s+interviewed))"
)
_THAT = re.compile(r"\s*(?:[,:]\s*)?(?:(?:[\w’'\-]+\s+){0,4}?that\s+)?")
_THAT_PREFIX = re.compile(r"\s*(?:[,:]\s*)?")  # what _THAT matches where "that" is not
_WORD = re.compile(rf"{_W}+")
_W_CHAR = re.compile(_W)
_TO_FOR = re.compile(r"\s+(?:to|for)\b")
_DASH_END = re.compile(r"\s*(?:[,.;]|\Z|\n)")
_QUOTE_BEFORE = re.compile(r"[,”\"»']\s*\Z")
_ACRONYM = re.compile(r"[A-Z][A-Z.&]+")


def _after_first_letter(words) -> str:
    """Words as "(?<=T)he|(?<=T)his|…": for a pattern that has just consumed the first letter."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"(?<={re.escape(ch)}){trie(r)}" for ch, r in sorted(rests.items()))


# A number, or a capitalised word that is not a function word, weekday or month. The
# pattern opens with a character class, which lets the engine skip straight to digits and
# capitals; the checks on the character before and the word come after it.
_ACTOR = re.compile(
    rf"[\dA-Z](?:(?<=\d)|(?<!{_W}.)(?!(?:{_after_first_letter(CAP_STOP)})(?!{_W})))"
)

# --- Fast scanning --------------------------------------------------------------------
#
# A large pattern run over a whole article tries itself at every character, which costs
# more than all the rest here together. C string methods on byte copies of the text (one
# byte per character) say instead where such a pattern can match, and it is only tried
# there: that finds the same matches.

# Byte tables for the classes of characters: "a" for a word character as _W counts it,
# or for a \w character; a space for any other.
_W_TABLE = bytes(97 if _W_CHAR.match(chr(ch)) else 32 for ch in range(256))
_ALNUM_TABLE = bytes(97 if chr(ch).isalnum() or ch == 95 else 32 for ch in range(256))


# _Scan reads _W and \w classes off Lowered.scan_bytes(APOSTROPHE_MARKS), framing's bytes:
# each character outside ASCII has an ASCII character's class there ("_" for a word
# character, which only str.isalnum() characters are, "'" for the curly apostrophe, _W's
# one other, and " " or "?", neither a word character, for the rest); lower case changes
# the class of no character.


class _Scan:
    """What the scans of one article share: its sentences, the words present and the
    classes of its characters as bytes."""

    def __init__(self, text: str, spans) -> None:
        self.text = text
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.lowered = lowered(text)
        # Where each word looked up occurs as a whole run of letters.
        self.at = _LOOKED_UP_WHOLE.find(self.lowered)
        self.words = self.at.keys()  # the words looked up that occur
        ascii_bytes = self.lowered.scan_bytes(APOSTROPHE_MARKS)
        self.word_bytes = ascii_bytes.translate(_W_TABLE)
        self.alnum_bytes = ascii_bytes.translate(_ALNUM_TABLE)

    def sentence(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def find_all(self, words) -> list[int]:
        """Where the words (bytes, of _LOOKED_UP) start as whole runs of letters, in no
        particular order."""
        return [pos for word in words for pos in self.at[word]]

    def lead(self, pos: int) -> str:
        """The text of pos's sentence before pos."""
        return self.text[self.spans[self.sentence(pos)][0] : pos]


# The per-article objects' helpers that are called for each cue or quote are functions
# of the object (@cython.cfunc, called in C), not methods (a Python call each).
# The helpers that read the text declare it a str (@cython.locals(text=str)): compiled,
# its characters, slices and searches (find, startswith, endswith) are read in C, with no
# method call each.


@cython.cfunc
def _count_words(scan: _Scan, start: int, end: int) -> int:
    """len(_WORD.findall(text, start, end)): the runs of word characters from start."""
    if end <= start:
        return 0
    word_bytes = scan.word_bytes
    first = word_bytes[start : start + 1] == b"a"
    return word_bytes.count(b" a", start, end) + first


_CUE_WORDS = frozenset(
    w.encode() for w in NEUTRAL_VERBS | LOADED_VERBS | MORE_VERBS | {"according", "pointed"}
)
_ANON_ADVERBS = frozenset((b"reportedly", b"allegedly", b"purportedly"))
_ANON_VERBS = frozenset(
    w.encode() for w in _words("reported claimed alleged said believed understood rumoured rumored")
)
_LOOKED_UP = _CUE_WORDS | _ANON_ADVERBS | _ANON_VERBS | {b"it", b"is", b"was", b"been"}
_LOOKED_UP_WHOLE = WholeWords(_LOOKED_UP)
# "it" before "is/was/has been/had been" and a verb of saying: where an _ANON_CUE can start.
_IT_HINT = re.compile(
    r"t(?=\s+(?:is|was|ha[sd]\s+been)\s+(?:reported|claimed|alleged|said|believed|understood"
    r"|rumou?red))"
)


def _cues(scan: _Scan) -> list[list[re.Match]]:
    """What _CUE.finditer gives over each sentence. A cue is a whole word in lower case
    (or "according to", "pointed out") with no word character either side, so it can only
    start where one of the cue words occurs as a whole run of letters in the lower-cased
    text; and no two cues overlap."""
    text, spans, starts = scan.text, scan.spans, scan.starts
    words = _CUE_WORDS.intersection(scan.words)
    result: list[list[re.Match]] = [[] for _ in spans]
    for pos in sorted(scan.find_all(words)):  # no two whole words start at one place
        if pos and scan.word_bytes[pos - 1] == 97:
            continue  # inside a word
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            m = _CUE.match(text, pos, spans[i][1])
            if m:
                result[i].append(m)
    return result


def _anon_cue_sentences(scan: _Scan) -> set[int]:
    """The sentences where _ANON_CUE may match (a superset)."""
    words = scan.words
    positions = scan.find_all(_ANON_ADVERBS.intersection(words))
    if (
        b"it" in words
        and (b"is" in words or b"was" in words or b"been" in words)
        and not _ANON_VERBS.isdisjoint(words)
    ):
        if scan.lowered.same:
            # _ANON_CUE's "it is said" ends with its verb as a whole word, which is then a
            # run of the letters: only where those words occur (but for "it is said"
            # alone, the same positions as _IT_HINT.finditer's).
            verbs = scan.find_all(_ANON_VERBS.intersection(words))
            positions += _it_hints(scan.text, verbs)
        else:
            positions += [m.start() for m in _IT_HINT.finditer(scan.text)]
    return {scan.sentence(pos) for pos in positions}


_IT_HINT_VERBS = (
    "reported",
    "claimed",
    "alleged",
    "said",
    "believed",
    "understood",
    "rumoured",
    "rumored",
)


def _it_hints(text: str, verbs: list[int]) -> list[int]:
    """Where _IT_HINT matches with its verb at one of the positions verbs, found from the
    verb back: cheaper than the pattern tried at every "t" of the text."""
    found = []
    for pos in verbs:
        if not text.startswith(_IT_HINT_VERBS, pos):
            continue
        before = text[pos - 2 : pos - 1]
        if text[pos - 1 : pos] == " " and before not in ("s", "n") and not before.isspace():
            continue  # (most often) one space after a word that is not "is", "was", "been"
        start = _space_before(text, pos)  # "t", spaces, the auxiliary, spaces, verb
        if start == pos:
            continue
        if text.endswith(("is", "was"), 0, start):
            aux = start - (2 if text[start - 2] == "i" else 3)
        elif text.endswith("been", 0, start):
            aux = _space_before(text, start - 4)
            aux = aux - 3 if aux < start - 4 and text.endswith(("has", "had"), 0, aux) else -1
        else:
            continue
        if aux > 0:
            t = _space_before(text, aux) - 1
            if 0 <= t < aux - 1 and text[t] == "t":
                found.append(t)
    return found


@cython.cfunc
@cython.locals(text=str)
def _space_before(text: str, pos: int) -> int:
    """Where the run of white space (\\s) that ends at pos starts."""
    while pos and text[pos - 1].isspace():
        pos -= 1
    return pos


# Which words can start a speaker, and which can stand inside one, for _speaker_before.
# Lower-case words a speaker (see _SPEAKER) can open with: pronouns, articles, and the
# modifiers and nouns of anonymous sources; otherwise it opens with a capital, or with a
# title of up to two words before a role noun ("foreign minister Sergei Lavrov").
_SPEAKER_OPENERS = _words(
    "he she they it the a an one another some several many two three four five few other "
    "senior junior local government military security intelligence western foreign police "
    "border health defence defense unnamed anonymous top high-ranking administration "
    "industry independent regional federal state city party media news press officials "
    "sources experts analysts observers diplomats insiders witnesses eyewitnesses residents "
    "critics reports authorities commentators scholars researchers economists activists "
    "campaigners investigators medics doctors rescuers people"
)
# Besides capitalised words and titles before a role noun, the only words of a named,
# role or pronoun speaker and of the adverbs after it (_JOIN, _ADV). An anonymous source
# may go on with any words ("officials familiar with the talks"), but only within a few
# words of one of its nouns (_ANON_NOUNS).
_SPEAKER_INNER = _words(
    "of for on and de del al bin ibn van von der da di la le el the he she they it also "
    "later previously has had have then further again once earlier repeatedly publicly "
    "reportedly separately recently would will privately initially originally subsequently"
)
_ANON_NOUNS = _words(
    "officials sources experts analysts observers diplomats insiders witnesses eyewitnesses "
    "residents critics reports authorities police commentators scholars researchers "
    "economists activists campaigners investigators medics doctors rescuers people source "
    "official diplomat person insider expert analyst witness spokesman spokesperson "
    "spokeswoman resident observer report"
)
# Plural nouns for people that, capitalised alone at the head of a sentence, are a group
# nobody named ("Lawyers say", "Workers said"), not a name: the anonymous sources' nouns
# and others of the kind.
_GROUP_NOUNS = _ANON_NOUNS | GROUP_NOUNS
# Head nouns of institutions: "the state government said", "the weather office warned",
# "Police said" name a body that speaks on the record, not an unnamed source.
_INSTITUTION_NOUNS = _words(
    "government ministry office agency council committee police army navy court commission "
    "department service bureau authority administration parliament senate congress assembly "
    "embassy company corporation bank union party university hospital cabinet directorate "
    "secretariat institute foundation association federation alliance coalition campaign"
)


# Head nouns of texts that speak in an article ("the report says", "the letter reads",
# "a poll found"): a document, neither a named source nor an anonymous one (version 20).
_DOCUMENT_NOUNS = _words(
    "report reports poll polls survey surveys study studies letter letters memo memos "
    "memorandum statement complaint lawsuit suit filing filings indictment ruling order bill "
    "law ad ads advertisement clip video tweet tweets post article editorial column book "
    "transcript document documents data analysis release website records email emails "
    "message cable motion affidavit petition resolution platform proposal guidance "
    "regulation verdict footage version copy draft card flyer mailer audio recording"
)
# Head nouns that, after "the", describe one person the article has named ("the Republican
# nominee", "the New York businessman"): not an unnamed source, but a person whom the words
# alone do not name (version 20). Role nouns (ROLE_NOUNS) are resolved by _by_role first.
_DESCRIBED_NOUNS = _words(
    "nominee candidate frontrunner front-runner incumbent challenger contender hopeful "
    "businessman businesswoman billionaire mogul tycoon developer congressman congresswoman "
    "congressmember star actor actress singer rapper host anchor founder president senator "
    "governor mayor premier chancellor chairman chairwoman director leader secretary minister "
    "head chief commissioner ambassador envoy prosecutor judge justice king queen prince "
    "princess pope lady"
)

# Head nouns that, after "the", call a body named before by what it is ("the group", "the
# online retail giant"): an organisation on the record, not an unnamed source (version 22).
_BODY_HEADS = _words("group giant firm retailer network organization organisation outlet")


# Nobody named is of two kinds (version 24). Anonymous sources proper: particular people
# who give information and whom the text does not identify ("officials", "a senior aide",
# "sources", "people familiar with the talks", "a spokesman", "party leaders"). Generic
# groups: a category of people speaking as a class, of which nobody in particular is
# quoted ("critics", "experts", "many voters", "supporters", "some", "Americans", "the
# crowd", "Democrats" as the party's members). The head noun tells them apart; a head in
# neither list stays an anonymous source, as before.
_GENERIC_HEADS = _words(
    "critics experts analysts observers commentators pundits scholars academics researchers "
    "economists scientists historians pollsters strategists activists campaigners advocates "
    "protesters demonstrators marchers voters supporters opponents backers detractors "
    "skeptics sceptics fans followers believers conservatives liberals progressives "
    "moderates independents republicans democrats people citizens taxpayers consumers "
    "parents teachers students workers mourners respondents viewers readers listeners "
    "onlookers bystanders commenters users public crowd crowds audience audiences "
    "electorate majority many some most few several others everyone everybody all proponents "
    "lawmakers legislators groups family families veterans reporters journalists millennials"
)
# Quantities whose "of" names the people ("thousands of supporters", "some of his aides",
# "many of you"): the kind is that of the people named after it.
_QUANTITY_OF = _words(
    "thousands hundreds dozens millions scores number majority minority most many some few "
    "several none all each one two three four five handful lot"
)
_PEOPLE_PRONOUNS = _words("you them us those these whom which")
# Heads of one person described, after "the", a name's possessive, "former" or "current"
# (version 26): the described nouns and two more of campaigns.
_ONE_OF = _DESCRIBED_NOUNS | _words("strategist manager")
_REFERRED_TOGETHER = _words("two three four pair trio")
# A speaker nobody names is someone: its head noun says people (version 25). Words taken
# as a speaker whose head is no noun for people ("forcefully", "now", "the phrase", a
# verb) are words the rules took wrongly, left unresolved, not counted anonymous.
_PEOPLE_NOUNS = _words(
    "child children kid kids couple family families crowd band team staff someone somebody "
    "anyone anybody no-one nobody one another others all caller callers user users friend "
    "friends colleague colleagues partner partners neighbour neighbor public audience man "
    "men woman women boy boys girl girls people person persons voter individual "
    "individuals resident source sources camp side group groups docs"
)
_PEOPLE_ENDINGS = (
    "er", "or", "ist", "ian", "ant", "ent", "man", "men", "woman", "women", "eer", "ive",
    "ate", "ee", "ess", "ic", "ite", "nt", "crat",
)  # fmt: skip
# A relative by the possessive of someone the text names ("his ex-wife", "my father"):
# one person, described, not an anonymous source.
_KIN = _words(
    "father mother wife husband son daughter brother sister ex-wife ex-husband uncle aunt "
    "grandmother grandfather grandson granddaughter cousin nephew niece fiancee fiance "
    "fiancée stepson stepdaughter stepfather stepmother parents"
)
_POSSESSIVE_DETERMINERS = _words("my his her their our your its")
# A share of people, as polls report them ("52 percent of registered voters", "six in 10",
# "one out of three", "almost half of respondents", "a majority of Democrats"): the people
# polled, a generic group (version 25).
_FEW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SHARE_OF_PEOPLE = re.compile(
    rf"(?i)(?<![\w-])(?:percent|per\s+cent)(?![\w-])|\d\s*%"
    rf"|(?<![\w-]){_FEW}\s+(?:in|of|out\s+of)\s+{_FEW}(?![\w-])"
    r"|(?<![\w-])(?:half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters"
    r"|(?:a|the)\s+(?:majority|minority|plurality))(?:\s+of(?![\w-])|\Z)"
)
# After "people", the words of an anonymous source proper: "people familiar with the
# talks", "people close to him", "people with knowledge of", "people briefed on".
_INFORMED = _words("familiar close knowledge briefed involved aware who")
# The members of a party named by its plural ("Democrats said", "House Republicans",
# "Some Senate Democrats"): a generic group, not the party as a body ("the Republican
# Party", "the RNC": organisations).
_PARTY_MEMBERS = _words("Democrats Republicans Conservatives Liberals Tories Greens")


@cython.cfunc
def _nobody_named_kind(name: str) -> str:
    """Whether a speaker that names nobody is an anonymous source proper ("anonymous")
    or a generic group ("group"), by its head noun; or someone the text describes, words
    taken wrongly or people referred to together ("unresolved": "the California
    congressman", "forcefully", "both candidates"), or a campaign's team ("named_org")."""
    words = name.split()
    if not words:
        return "anonymous"
    if _SHARE_OF_PEOPLE.search(name):
        return "group"
    lowered = [w.lower() for w in words]
    # The head ends before a participle's phrase ("Protesters marching through the
    # streets"; version 26).
    cut = len(words)
    for i in range(1, len(words)):
        if (
            words[i].islower()
            and len(words[i]) > 4
            and words[i].endswith("ing")
            and _names_people(words[i - 1].lower())
        ):
            cut = i  # after a noun for people, not "a London-based shipping broker"
            break
    head = _head_noun(words[:cut])
    owned = lowered[0] == "the" or words[0].endswith(_POSSESSIVES)
    if head in _ONE_OF and (owned or lowered[0] in ("former", "current")):
        # "the California congressman", "Connecticut's tax commissioner", "Obama's former
        # campaign strategist", "Former DNC chairman": one person the text describes
        # (version 26), not an anonymous source ("a Democratic senator" still is).
        return "unresolved"
    if head in ("team", "camp") and owned and "of" not in lowered:
        return "named_org"  # "the Trump team", "Clinton's camp": a campaign (version 26)
    if lowered[0] in _POSSESSIVE_DETERMINERS and head in _KIN:
        return "unresolved"  # "his ex-wife", "my father": a relative, one person described
    if not _names_people(head) and not any(_listed_people(w.strip(".,")) for w in lowered):
        return "unresolved"
    if lowered[0] == "both" or (
        len(lowered) > 1 and lowered[0] in ("the", "all") and lowered[1] in _REFERRED_TOGETHER
    ):
        # "both candidates", "the two", "all three men": people the text has named,
        # referred to together (version 25): unresolved, not anonymous.
        return "unresolved"
    if head in _QUANTITY_OF:
        at = lowered.index(head) if head in lowered else -1
        if 0 <= at < len(words) - 2 and lowered[at + 1] == "of":
            rest = words[at + 2 :]
            if rest[0].lower() in _PEOPLE_PRONOUNS:
                return "group"  # "many of you"
            return _nobody_named_kind(" ".join(rest))
    if head == "people" and any(w.lower().strip(".,") in _INFORMED for w in words):
        return "anonymous"
    if head in _GENERIC_HEADS or _is_people(head.capitalize()):
        return "group"
    return "anonymous"


@cython.cfunc
def _names_people(head: str) -> bool:
    """Whether a head noun may name people: a noun of the anonymous sources, of groups,
    roles or people's descriptions, a quantity of them, or a word ending as nouns for
    people do ("organizer", "strategist", "representative", "candidate")."""
    bare = head.strip("'’\"“”()")
    if not bare or bare[0].isdigit():
        return bool(bare)  # "2,000 said": a number of people
    single = bare[:-1] if bare.endswith("s") else bare
    return (
        _listed_people(bare)
        or single.endswith(_PEOPLE_ENDINGS)
        or _is_people(bare.capitalize())
        or not bare.isalpha()
        and not bare.islower()
    )


@cython.cfunc
def _listed_people(word: str) -> bool:
    """Whether a lower-case word is on one of the lists of nouns for people, in the
    singular or the plural."""
    return (
        word in _LISTED_PEOPLE
        or (word[:-1] if word.endswith("s") else word + "s") in _LISTED_PEOPLE
    )


# The lists _listed_people reads, in one set: nouns for people, of the anonymous sources,
# groups, roles, people described, quantities of them, relatives, and bodies ("a company
# said": a body nobody names).
_LISTED_PEOPLE = (
    _PEOPLE_NOUNS
    | _ANON_NOUNS
    | _GROUP_NOUNS
    | _GENERIC_HEADS
    | _DESCRIBED_NOUNS
    | ROLE_NOUNS
    | _QUANTITY_OF
    | _KIN
    | _INSTITUTION_NOUNS
    | _BODY_HEADS
)


@cython.cfunc
def _party_members(name: str) -> bool:
    """Whether a speaker typed as a body is a party's members by its plural ("Democrats",
    "House Republicans", "Some Senate Democrats"), not a party's own name."""
    return name.rpartition(" ")[2] in _PARTY_MEMBERS


# _nobody_named_kind's answers by the speaker's words, which recur from article to article
# ("officials", "critics"); a pure function of them, so shared by every call in a process.
_NOBODY_KINDS: dict[str, str] = {}


@cython.cfunc
def _nobody_kind(name: str) -> str:
    kind = _NOBODY_KINDS.get(name)
    if kind is None:
        if len(_NOBODY_KINDS) >= 4096:
            _NOBODY_KINDS.clear()
        kind = _NOBODY_KINDS[name] = _nobody_named_kind(name)
    return kind


@cython.cfunc
def _speaker_kind(words: list[str]) -> str:
    """The type of an unnamed speaker's words: "document" for a text ("the report"),
    "named_org" for an institution ("the state government"), "unresolved" for one person
    described ("the Republican nominee", "the president" whom no one quoted before fits:
    the words stay the speaker's, typed as no name), else "anonymous" ("officials", "a
    senior aide", "critics", "the source")."""
    head = _head_noun(words)
    if head in _DOCUMENT_NOUNS:
        return "document"
    if head in _INSTITUTION_NOUNS and words[0].lower() not in _INDEFINITE:
        # "the state government", "the office of the governor"; not "a company" (which
        # one is not said), nor "a spokesman for the ministry", whose head is a person.
        return "named_org"
    if _describes_one_person(words, head):
        return "unresolved"
    if (
        len(words) > 1
        and words[0].lower() == "the"
        and head in _BODY_HEADS
        and not any(w.lower() == "of" for w in words)
    ):
        # "the group says", "the online retail giant reported": a body the article has
        # named, called so again (version 22); not "the group of protesters".
        return "named_org"
    return "anonymous"


@cython.cfunc
def _describes_one_person(words: list[str], head: str) -> bool:
    """Whether "the" and a person's description or office ("the Republican nominee", "the
    president") are the speaker's words: one person the article names, not an unnamed
    source."""
    return len(words) > 1 and words[0].lower() == "the" and head in _DESCRIBED_NOUNS


# Words after which a speaker's head noun has ended: a phrase ("a poll from Florida", "an
# Associated Press survey of voters") or a clause ("officials familiar with the talks"),
# or a word of time ("the party today"; version 22).
_HEAD_ENDS = _words(
    "of from by in on at for with familiar close who that which today yesterday now"
)
# Participles that end a document's noun ("a report issued last year", "audio provided by
# the station", "a poll released Thursday"; version 22); after other words they may be a
# verb ("Ryan issued a statement").
_ISSUED = _words(
    "issued released published obtained provided posted filed written prepared conducted "
    "commissioned compiled"
)


@cython.cfunc
def _head_noun(words: list[str]) -> str:
    """The speaker's head noun, lower case: its last word before a phrase or clause that
    follows it ("poll" of "a just-released poll from Florida"), else its last word."""
    for i in range(1, len(words)):
        word = words[i].lower()
        if word in _HEAD_ENDS:
            return words[i - 1].lower().strip(".,")
        if word in _ISSUED:
            before = words[i - 1].lower().strip(".,")
            if before in _DOCUMENT_NOUNS:
                return before
    return words[-1].lower().strip(".,") if words else ""


_INDEFINITE = _words("a an one another some several many")
# Before a name: a body's noun with "of" or "in" ("the government of Nordvale"), its
# group "of" (a noun that a body's own name follows, "the rights group Civic Watch", is
# found by body_noun_before, which actors reads too).
_BODY_OF = re.compile(
    rf"(?<!{_W})(?P<of>(?:{trie(_INSTITUTION_NOUNS)})\s+(?:of|in))(?:\s+the)?\s+\Z"
)


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ADV_TO_END = re.compile(rf"\s*{_ADV}\Z")


@cython.cfunc
@cython.locals(
    text=str,
    word_bytes=bytes,
    lo=cython.Py_ssize_t,
    end=cython.Py_ssize_t,
    comma=cython.Py_ssize_t,
    after=cython.Py_ssize_t,
    start=cython.Py_ssize_t,
    k=cython.Py_ssize_t,
    first=cython.Py_ssize_t,
    i=cython.Py_ssize_t,
    words=list,
    lows=list,
)
def _speaker_before(scan: _Scan, lo: int, end: int) -> re.Match | None:
    """_BEFORE.search(text, lo, end) for a cue at end, trying _BEFORE only at the words
    where a speaker can start and reach the cue: each attempt is costly. Compiled, the
    text, its word bytes and the positions are typed: read and searched in C."""
    text, word_bytes = scan.text, scan.word_bytes
    if end and word_bytes[end - 1] == 97:  # not at a word start: search everywhere
        return _BEFORE.search(text, lo, end)
    comma = text.rfind(",", lo, end)
    if comma >= 0 and not _ADV_TO_END.match(text, comma + 1, end):
        lo, comma = comma + 1, -1  # no apposition ends at that comma, and no speaker holds one
    # _WORD.findall(text, lo, end): the runs of word characters, read off the word bytes
    # (compiled, a C loop over them; the engine tests each character against _W's class).
    words = []
    k = lo
    while k < end:
        if word_bytes[k] != 97:
            k += 1
            continue
        first = k
        while k < end and word_bytes[k] == 97:
            k += 1
        words.append(text[first:k])
    if words and lo and word_bytes[lo] == word_bytes[lo - 1] == 97:
        del words[0]  # the end of a word that starts before lo: no speaker starts there
    # Without a noun of an anonymous source, nothing before a word that no other speaker
    # can hold can start one (when no comma lies between).
    all_ascii = "".join(words).isascii()
    # Each word in lower case, once ("" for one not ASCII: see below).
    lows = [w.lower() if all_ascii or w.isascii() else "" for w in words]
    anon = not all_ascii or not _ANON_NOUNS.isdisjoint(lows)
    # From the cue back. A named, role or pronoun speaker from a word reaches the cue (or
    # the comma of an apposition) only if every word up to there can stand in one. Words
    # that are not ASCII count as anything: the patterns ignore case the Unicode way.
    starts = []  # (start, may a word from there be a noun of an anonymous source, a role noun)
    reaches = True
    after = end
    role1 = role2 = False  # the next two words are role nouns
    roles = False  # a word from the cue back to this one may be a role noun
    nouns = False  # or a noun of an anonymous source
    noun_in = 99  # words to the nearest noun of an anonymous source
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        low = lows[i]
        # The word ends with the last word character before after: most often the one
        # before the single character between the two words.
        if after - 2 >= lo and word_bytes[after - 2] == 97:
            start = after - 1 - len(word)
        else:
            start = word_bytes.rfind(b"a", lo, after) + 1 - len(word)
        role = not low or low in ROLE_NOUNS
        titled = role or role1 or role2
        roles = roles or role
        capital = not low or word[0] in _UPPER
        if comma >= 0 and text.find(",", start + len(word), after) >= 0:
            reaches = True
        reaches = reaches and (capital or titled or low in _SPEAKER_INNER)
        if anon:
            noun_in = 0 if not low or low in _ANON_NOUNS else noun_in + 1
            nouns = nouns or noun_in == 0
        elif not reaches and (comma < 0 or text.rfind(",", lo, start) < 0):
            break
        if (reaches or noun_in <= 6) and (capital or titled or low in _SPEAKER_OPENERS):
            starts.append((start, nouns, roles))
        role1, role2 = role, role1
        after = start
    # A match from a start holds only the words from there to the cue: the alternatives
    # that need a noun none of them can be are left out.
    for start, nouns, roles in reversed(starts):
        m = _BEFORES[nouns, roles].match(text, start, end)
        if m:
            return m
    return None


# --- Candidates -----------------------------------------------------------------------


# A cue as an attribution records it: start, end, its words, and whether its verb is
# loaded ("claimed", "insisted").
_CueSpan = tuple[int, int, str, bool]


@cython.cfunc
def _cue_span(m: re.Match, group: int | str = 0) -> _CueSpan:
    cue = m.group(group)
    # A verb is one word in lower case; "according to" and "pointed out" are not loaded.
    start, end = m.span(group)
    return start, end, cue, cue in LOADED_VERBS


@cython.cfunc
def _prev_word(scan: _Scan, lo: int, end: int) -> str | None:
    """What ``re.search(rf"({_W}+)\\W*\\Z", text, lo, end)`` captures, without trying
    every start: the run of _W characters that holds the last \\w character (or, if there
    is none, the first run of ’ ' -), taken as far as it goes."""
    word_bytes, alnum_bytes = scan.word_bytes, scan.alnum_bytes
    if end - 2 >= lo and word_bytes[end - 1] == 32 and alnum_bytes[end - 2] == 97:
        # The common case, "… Smith said": the last \w character just before a character
        # that is no word character, which ends the word there (the two searches below
        # give these).
        j = stop = end - 1
        return scan.text[max(word_bytes.rfind(b" ", lo, j - 1) + 1, lo) : stop]
    j = alnum_bytes.rfind(b"a", lo, end) + 1  # after the last \w character
    if j:
        start = max(word_bytes.rfind(b" ", lo, j - 1) + 1, lo)
    else:  # only ’ ' - can be word characters here
        start = word_bytes.find(b"a", lo, end)
        if start < 0:
            return None
        j = start
    stop = word_bytes.find(b" ", j, end)
    return scan.text[start : stop if stop >= 0 else end]


_PASSIVE = _words("was were is are been being")


# Adverbs of degree, after which a cue in -ing is an adjective ("the most telling
# promise"; version 22).
_DEGREE = _words("most more less least very so too quite rather particularly especially")


@cython.cfunc
@cython.locals(text=str, cue=str)
def _is_false_cue(scan: _Scan, start: int, end: int, cue: str, lo: int) -> bool:
    if cue.startswith(("according", "According")):  # (as _CUE writes it)
        return False
    text = scan.text
    prev = _prev_word(scan, max(lo, start - 40), start)
    if prev and prev.lower() in _NOT_CUE_BEFORE:
        # "the said property", "what was said", "declined to say"; but "Trump was asked
        # what…" reports a question put to Trump.
        return not (cue == "asked" and prev.lower() in _PASSIVE)
    if prev and cue.endswith("ing") and prev.lower() in _DEGREE:
        return True  # "the most telling promise", "a more revealing answer": adjectives
    if cue == "told" and _TOLD_NON_SPEECH.match(text, end):
        return True
    if cue == "declined" and not _DECLINED_TO.match(text, end):
        return True  # "stocks declined 2 percent"
    return bool(cue in ("added", "noted") and _TO_FOR.match(text[end : end + 6]))


@cython.ccall
@cython.locals(text=str)
def text_ends_with_full_stop(text: str, start: int, end: int) -> bool:
    """Whether the name from start to end ends with a full stop rather than an
    abbreviation's point ("Maria Olsen." but not "Jr." or "J.")."""
    if text[end - 1 : end] != ".":
        return False
    last = text[start : end - 1].rsplit(None, 1)[-1]
    return len(last) > 2 and "." not in last and last not in HONORIFICS and last not in _TITLES


# Conjunctions that, capitalised, open the sentence and the clause of a subject ("While
# Ann Lowe claimed …", "But aides said …"); not "That", a determiner there ("That report
# said"), nor "If", whose clause supposes ("If the council said so, …").
_OPENING_CONJUNCTIONS = _words(
    "And But While Because As Though Although When Whereas Since After Before Until"
)
# Those and the other capitalised conjunctions, prepositions and adverbs that open a
# sentence or a clause before its subject ("Although Lowe argued …", "As the Ledger
# reported …", "If Ann Lowe said …"), which the speaker patterns read as the first word of
# the name after them: never a name's first word there. Not the articles, pronouns,
# quantifiers, days and months of CAP_STOP ("The Times", "Some Democrats", "May Lowe").
_FUNCTION_OPENERS = _OPENING_CONJUNCTIONS | _words(
    "Or Nor Yet So Then Still Thus Also Even Only Now However Meanwhile Instead Indeed "
    "Perhaps Whenever If Unless Whether Once In On At By For From To With Without During Over "
    "Under About Despite Upon Amid Among Through Throughout Following Like Unlike What Why "
    "How Where"
)
_OPENERS_BEFORE_NAME = re.compile(rf"(?:(?:{trie(_FUNCTION_OPENERS)})\s+)+(?=[A-Z])")


@cython.cfunc
def _speaker(m: re.Match) -> dict:
    # The groups of _SPEAKER, which every speaker pattern holds, at once (cheaper than
    # groupdict()); an apposition only some of the patterns have.
    spk, pron, anon, role, the, title, named = m.group(*_SPEAKER_GROUPS)
    app = m.group("app") if "app" in m.re.groupindex else None
    kind = "pron" if pron else "anon" if anon else "role" if role else "named"
    if app and (role or anon) and _apposed_name(app):
        # "The opposition leader, Ann Lowe, said": the name speaks; the role, or the
        # unnamed source's words ("a spokeswoman"), describe her.
        start = m.start("app") + len(app) - len(app.lstrip())
        app = app.strip()
        end = start + len(app)
        raw = {"kind": "named", "text": app, "start": start, "end": end, "the": False}
        raw.update(title="", named=app, app=spk)
        return raw
    start, end = m.span("spk")
    if named and text_ends_with_full_stop(m.string, start, end):
        end -= 1  # "said Maria Olsen." : the sentence's full stop is not the name's
    if named and start == m.start("named") and named.split(None, 1)[0] in _FUNCTION_OPENERS:
        opener = _OPENERS_BEFORE_NAME.match(m.string, start, end)
        if opener is not None:
            # "While Ann Lowe said …", "Although Lowe argued …": the conjunction opens the
            # clause, not the name.
            start = opener.end()
            spk = m.string[start : m.end("spk")]
            named = m.string[start : m.end("named")]
    return {
        "kind": kind,
        "text": spk,
        "start": start,
        "end": end,
        "the": bool(the),
        "title": (title or "").strip(),
        "named": named or "",
        "app": (app or "").strip(),
    }


_SPEAKER_GROUPS = ("spk", "pron", "anon", "role", "the", "title", "named")
# A person's name of two capitalised words or more ("Ann Lowe", "Sen. Ann T. Lowe", "Ann
# de Lowe"), as an apposition after a role.
_PERSON_NAME = re.compile(
    rf"{_CAP}(?:\s+(?:(?:de|del|van|von|bin|al|da|di|la|le)\s+)?{_CAP}){{1,5}}"
)


@cython.cfunc
def _apposed_name(app: str) -> bool:
    """Whether an apposition is a person's whole name: "Ann Lowe" of "the opposition
    leader, Ann Lowe,"; not a day, a body's or a place's name, nor several people ("Ann
    Lowe and Bo Hale")."""
    app = app.strip()
    if _PERSON_NAME.fullmatch(app) is None:
        return False
    words = [w.rstrip(".") for w in app.split()]
    return not (
        len(words[-1]) == 1  # an initial: the name is cut off at its point ("Ann B.")
        or words[0] in CAP_STOP
        or words[0] in COMPASS_WORDS
        or words[-1].endswith(_POSSESSIVES)
        or words[-1] in PLACE_SUFFIXES
        or words[-1] in _GOVERNED
        or not _ORG_WORDS.isdisjoint(words)
        or not KNOWN_ORGS.isdisjoint(words)
        or _leading_name(words) in ORGANISATION_NAMES
    )


@cython.cfunc
def _head_attribution(
    scan: _Scan, cues: list[re.Match], lo: int, qs: int, found: list[dict]
) -> tuple[re.Match | dict, re.Match] | None:
    """Speaker and cue in the text before an opening quote, from lo to qs; cues are the
    sentence's (no cue runs across the quote mark)."""
    best = None
    for cue in cues:
        if cue.end() > qs:
            break
        if _HEAD_END.match(scan.text, cue.end(), qs):
            best = cue
    if best is None:
        return None
    prep = _gerund_preposition(scan, best, lo)
    if prep >= 0:  # `… by saying: "…"`
        spk = _gerund_speaker(scan, prep, lo, lo, best.start(), found)
        return None if spk is None else (spk, best)
    spk = _name_after_role(scan.text, lo, best.start())
    if spk is None:
        spk = _speaker_before(scan, lo, best.start())
        spk = _apposition_chain(scan.text, lo, best.start(), spk) or spk
    if spk is None:
        spk = _subject_before(scan, lo, best.start())
    if spk is None and _chained(scan.text, max(lo, best.start() - 6), best.start()):
        spk = _sentence_subject(scan, lo, best.start(), found)  # "…, adding: "…""
    if spk is None:
        return None
    return spk, best


class _Found:
    """The attributions of one article found so far, in the order found (a later step may
    take the speaker of an earlier one), and by the start of their cue (a cue attributes
    once)."""

    def __init__(self, text: str, word_bytes: bytes) -> None:
        self.text = text
        self.word_bytes = word_bytes  # _Scan's
        self.items: list[dict] = []
        self.by_cue: dict[int, dict] = {}
        self.reported_quotes: set[int] = set()  # quotes that reported speech took whole
        # The speaker a reporting verb hands the gerund it yields to ("responded by
        # saying …"), by the gerund's start.
        self.handed: dict[int, object] = {}

    def add_quote(self, spk, cue: _CueSpan, qs: int, qe: int) -> None:
        """A direct quote from qs to qe, said by spk."""
        c_start, c_end = quote_inner(self.text, qs, qe)
        if c_start >= c_end:
            return  # nothing said: "X said:" at the end of a paragraph, the quote after it
        item = self.by_cue.get(cue[0])
        if item is not None:
            # `"A," he said, "B."`: one attribution that covers both quotes.
            item["start"], item["end"] = min(item["start"], qs), max(item["end"], qe)
            item["content_start"] = min(item["content_start"], c_start)
            item["content_end"] = max(item["content_end"], c_end)
            return
        c_start, c_end = _trim(self.text, c_start, c_end)
        _new_item(self, spk, cue, qs, qe, c_start, c_end, True)

    def add_anonymous(self, m: re.Match, s_start: int, s_end: int) -> None:
        """A sentence with an anonymous cue ("reportedly"): no speaker, the whole sentence."""
        cue = m.group(0)
        self.items.append(
            {
                "speaker_raw": None,
                "cue": cue,
                "loaded": cue.lower() in ("allegedly", "purportedly"),
                "cue_start": m.start(),
                "cue_end": m.end(),
                "start": s_start,
                "end": s_end,
                "content_start": s_start,
                "content_end": s_end,
                "direct": False,
            }
        )


@cython.cfunc
def _add_reported(found: _Found, spk, cue: _CueSpan, sentence: tuple[int, int], content) -> None:
    """Reported speech in a sentence, said by spk; content: what was said."""
    c_start, c_end = _trim(found.text, content[0], content[1])
    if found.word_bytes.find(b"a", c_start, c_end) >= 0:  # a word character in it
        _new_item(found, spk, cue, sentence[0], sentence[1], c_start, c_end, False)


# A day after a speaker's name, which _NAME's "on" joins to it: "Ann Lowe on Sunday said".
_DAY_AFTER = re.compile(
    r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\Z"
)


@cython.cfunc
def _without_day(raw: dict) -> dict:
    """A speaker's name less the day that ends it ("Ann Lowe on Sunday" -> "Ann Lowe"),
    also where the words before the day were read as no name ("Sen. Ann Lowe on Sunday
    morning"); other words before a day stay as they are ("a report filed on Sunday")."""
    if "day" not in raw["text"]:
        return raw
    day = _DAY_AFTER.search(raw["text"])
    if day is None or raw["kind"] not in ("named", "group") or not raw["text"][: day.start()]:
        return raw
    named = raw["named"] or raw["text"]
    cut = _DAY_AFTER.search(named)
    named = named[: cut.start()] if cut else named
    words = named.split()
    if raw["kind"] == "group" and not (
        len(words) > 1 and _all_name_words(words) and words[0] not in CAP_STOP
    ):
        return raw
    end = raw["end"] - len(day.group())
    return {**raw, "kind": "named", "text": raw["text"][: day.start()], "end": end, "named": named}


# What "on" adds after a person's name, which _NAME's "on" joins to it: where they spoke,
# "said Ann Lowe on Fox News", "wrote Ann Lowe on Hot Air" (an adjunct of the verb).
_ON_ADJUNCT = re.compile(r"\s+on\s+(?=[A-Z])")
# Capitalised nouns, besides ORG_WORDS, of bodies whose names go on with "on" ("the
# Subcommittee on Oversight", "the Caucus on Hunger"): a name that holds one before "on"
# is whole.
_ON_BODIES = _words("Subcommittee Caucus Panel Conference Forum Summit Commissioner Rapporteur")


@cython.cfunc
@cython.locals(text=str)
def _without_adjunct(raw: dict) -> dict:
    """A speaker less the day that ends it (_without_day), and a person's name less the
    place or outlet "on" adds to it ("Ann Lowe on Fox News" -> "Ann Lowe"); a body's name
    stays whole ("Council on Foreign Relations", "Republicans on Capitol Hill")."""
    raw = _without_day(raw)
    named = raw["named"]
    if raw["kind"] != "named" or " on " not in named or raw["the"]:
        return raw
    on = _ON_ADJUNCT.search(named)
    if on is None or not raw["text"].endswith(named):
        return raw
    before = [w.rstrip(".") for w in named[: on.start()].split()]
    if (
        not before
        or before[0] in CAP_STOP
        or not _ORG_WORDS.isdisjoint(before)
        or not _ON_BODIES.isdisjoint(before)
        or (len(before) == 1 and (before[0] in KNOWN_ORGS or _ACRONYM.fullmatch(before[0])))
        or _leading_name(before) in ORGANISATION_NAMES
        or _all_known_orgs(before)
        or before[-1] in _GOVERNED
        or before[-1] in PLACE_SUFFIXES
        or before[-1].lower() in _GROUP_NOUNS
        or _is_people(before[-1])
    ):
        return raw
    text = raw["text"][: len(raw["text"]) - len(named) + on.start()]
    return {**raw, "text": text, "end": raw["start"] + len(text), "named": named[: on.start()]}


# Relative pronouns after a comma, which open a clause about the words before it.
_RELATIVES = (" who ", " whose ", " whom ", " which ")


@cython.cfunc
@cython.locals(text=str, spoken=str, first=str, space=cython.Py_ssize_t, comma=cython.Py_ssize_t)
def _opens_no_subject(text: str, raw: dict, cue: _CueSpan) -> bool:
    """Whether a speaker's words are a capitalised function word that opens the clause, or
    what a preposition there governs, not who speaks: such a word alone ("In three
    interviews, the judge …, saying": "In"; "As reported by …": "As"), unless a word that
    is no conjunction stands right next to the cue, a name there ("From said"); where the
    phrase ends with a comma before the cue, a preposition and the words of its phrase ("In
    a flurry of calls, top Republicans …, urging"), not a quantity ("About 40 rabbis", "At
    least half of voters"), and the name right after one ("For Smith, the vote was …,
    adding": not Smith). Not a conjunction before a name ("While Ann Lowe said"), nor
    words that the cue stands in ("For someone who conceded …", "From Bush's Facebook
    post", "For Ann Lowe, who said …": the cue's own subject)."""
    spoken = raw["text"]
    space = spoken.find(" ")
    first = spoken if space < 0 else spoken[:space]
    opener = first in _FUNCTION_OPENERS
    if opener and space < 0:
        return (
            first in _OPENING_CONJUNCTIONS or raw["end"] < cue[0] - 1 or raw["start"] > cue[1] + 1
        )
    if not opener and raw["kind"] != "named":
        return False
    if raw["end"] > cue[0]:
        return False
    comma = text.find(",", raw["end"], cue[0])
    if comma < 0 or text.startswith(_RELATIVES, comma + 1):
        return False  # "For Ann Lowe, who said …": she said it
    if opener:
        second = spoken[space + 1 :].lstrip().split(None, 1)
        return bool(second) and _phrase_opener(first, second[0])
    if raw["start"] < 2 or text[raw["start"] - 1] != " ":
        return False
    before = text[max(0, raw["start"] - 12) : raw["start"] - 1].rsplit(None, 1)
    return bool(before) and _opening_preposition(before[-1])


@cython.cfunc
def _phrase_opener(first: str, second: str) -> bool:
    """Whether first, before second, is a capitalised preposition that opens a phrase of
    its own, not a quantity ("About 40 rabbis", "At least half of voters")."""
    return (
        _opening_preposition(first)
        and first != "About"
        and second not in ("least", "most")
        and not second[:1].isdigit()
    )


@cython.cfunc
def _opening_preposition(word: str) -> bool:
    """Whether a word is a capitalised preposition of _FUNCTION_OPENERS that opens no clause
    of its own ("In", "For", "Despite"; not "After", "Since", conjunctions too)."""
    return (
        word in _FUNCTION_OPENERS
        and word not in _OPENING_CONJUNCTIONS
        and word.lower() in _PREPOSITIONS
    )


@cython.cfunc
def _new_item(found: _Found, spk, cue: _CueSpan, start, end, c_start, c_end, direct) -> None:
    raw = spk if isinstance(spk, dict) else _speaker(spk) if spk is not None else None
    # A clause's opening function word or phrase is no speaker: said, by nobody found.
    nobody = raw is not None and (
        raw["kind"] == "nobody" or _opens_no_subject(found.text, raw, cue)
    )
    item = {
        "speaker_raw": _without_adjunct(raw) if raw is not None and not nobody else None,
        "cue": cue[2],
        "loaded": cue[3],
        "cue_start": cue[0],
        "cue_end": cue[1],
        "start": start,
        "end": end,
        "content_start": c_start,
        "content_end": c_end,
        "direct": direct,
    }
    if nobody:
        item["nobody"] = True
    found.items.append(item)
    found.by_cue[cue[0]] = item


class _Quotes:
    """An article's quotes (which never overlap), for the reported-speech step."""

    def __init__(self, quotes: list[tuple[int, int]]) -> None:
        self.quotes = quotes
        self.starts = [s for s, _ in quotes]
        self.ends = [e for _, e in quotes]  # in order too


@cython.cfunc
def _in_quote(quotes: _Quotes, pos: int) -> bool:
    """Whether one of the quotes holds pos."""
    # Only the last quote opening before pos can hold it.
    i = bisect_left(quotes.starts, pos) - 1
    return i >= 0 and pos < quotes.quotes[i][1]


@cython.cfunc
def _after_quotes(quotes: _Quotes, pos: int, lo: int) -> int:
    """lo, or the end of the last quote closing before pos if that is later."""
    ends = quotes.ends
    k = bisect_right(ends, pos) - 1
    return max(lo, ends[k]) if k >= 0 else lo


# The sort key of attributions (a C function: a lambda would be a Python call per item).
_BY_CUE_START = itemgetter("cue_start")


def _candidates(scan: _Scan, quotes: list[tuple[int, int]]) -> list[dict]:
    """Every attribution of the article, by the start of its cue: direct quotes with
    their speaker, then reported speech and anonymous cues sentence by sentence, then the
    quotes left over, which go on with the speaker before them."""
    cues = _cues(scan)
    found = _Found(scan.text, scan.word_bytes)
    pending = _direct_quotes(scan, quotes, cues, found)
    _reported_speech(scan, _Quotes(quotes), cues, found)
    _headline_speech(scan.text, found)
    if found.reported_quotes:
        pending = [q for q in pending if q[0] not in found.reported_quotes]
    _continued_quotes(scan, pending, found.items)
    found.items.sort(key=_BY_CUE_START)
    return found.items


# --- Direct quotes --------------------------------------------------------------------


def _direct_quotes(
    scan: _Scan, quotes: list[tuple[int, int]], cues: list[list[re.Match]], found: _Found
) -> list[tuple[int, int]]:
    """Each quote's speaker and cue, after the quote or before it; returns the quotes
    with neither of their own."""
    pending = []
    for qs, qe in quotes:
        title = _is_title(scan, qs, qe)
        if title:
            # A short capitalised quote is a title, unless it closes like speech and a
            # speaker is right beside it: it opens its sentence (`"Nusra is Al Qaeda,"
            # Mr. Kerry said`, not `on ABC's "This Week," Rubio said`) or follows a cue
            # and a comma or colon (`Priebus said, "Probably."`).
            if title == "capitalised" and _closes_like_speech(scan.text, qs, qe):
                before = scan.lead(qs).rstrip()
                if not before:
                    _quote_tail(scan, cues, qs, qe, found)
                elif before[-1] in ",:":
                    _quote_head(scan, cues, qs, qe, found)
            continue
        if not (
            _quote_tail(scan, cues, qs, qe, found)
            or _quote_head(scan, cues, qs, qe, found)
            or _colon_head(scan, qs, qe, found)
        ):
            pending.append((qs, qe))
    return pending


@cython.cfunc
@cython.locals(text=str)
def _colon_head(scan: _Scan, qs: int, qe: int, found: _Found) -> bool:
    """A quote of a few words or more after a colon that ends a short clause opened by a
    speaker, whatever its verb: `Trump went even further: "…"`, `the supporter retorted:
    "…"`. The words between the speaker and the colon are the cue."""
    text = scan.text
    colon = len(text[:qs].rstrip()) - 1
    if colon < 0 or text[colon] != ":" or _count_words(scan, qs, qe) < 5:
        return False
    s_start = scan.spans[scan.sentence(colon)][0]
    lo = text.rfind(",", s_start, colon) + 1 or s_start  # after a fronted phrase
    m = _opening_speaker(text, lo, colon)
    if m is None:
        return False
    if not m.group("pron") and m.group("spk") in CAP_STOP:
        return False  # "The agenda: …": a capitalised function word, no speaker
    raw = _opener(text, m, colon)
    after = raw["end"] if raw["kind"] == "group" else m.end()
    verb = text[after:colon].strip()
    words = verb.split()
    if not 1 <= len(words) <= 4 or not words[0].islower() or not words[0].isalpha():
        return False
    cue_start = after + len(text[after:colon]) - len(text[after:colon].lstrip())
    found.add_quote(raw, (cue_start, cue_start + len(verb), verb, False), qs, qe)
    return True


@cython.cfunc
@cython.locals(text=str)
def _quote_tail(scan: _Scan, cues: list[list[re.Match]], qs: int, qe: int, found: _Found) -> bool:
    """An attribution after the quote, in its sentence or (when the quote closes its
    sentence: `"… there!" Smith said.`) the next: with a cue, or `"…" — Smith`."""
    text, spans = scan.text, scan.spans
    last = scan.sentence(max(qe - 1, qs))
    next_sentence = spans[last][1] <= qe and last + 1 < len(spans)
    if next_sentence:
        last += 1
    sent_end = spans[last][1]
    # The tails with a cue need one of the sentence's cues after the quote.
    if cues[last] and cues[last][-1].start() >= qe:  # (in order of their start)
        tail = _tail_speaker_and_cue(scan, cues[last], qe, sent_end)
        if tail is not None:
            found.add_quote(*tail, qs, qe)
            if next_sentence and _says_more(text, tail[1][1], sent_end):
                # `"…." He says referees are …`: the quote is his, and the next
                # sentence's cue reports speech of its own too.
                found.by_cue.pop(tail[1][0], None)
            return True
    m = _TAIL_DASH.match(text, qe, sent_end)
    if m and _DASH_END.match(text[m.end() : m.end() + 2]):
        found.add_quote(m, (*m.span("dash"), m.group("dash"), False), qs, qe)
        return True
    m = _TAIL_VERB.match(text, qe, sent_end)
    if m and text[quote_inner(text, qs, qe)[1] - 1] in ",!?" and not scan.lead(qs).strip():
        # `"This is fantastic!" beamed Jo Hart`: after a quote that opens its sentence and
        # closes like speech, a verb in the past tense and a speaker report it, whatever
        # the verb (not `a ''super PAC,'' posited that`).
        spk = _AFTER.match(text, m.end(), sent_end) or _inverted_speaker(scan, m.end(), sent_end)
        if spk:
            found.add_quote(spk, _cue_span(m, "cue"), qs, qe)
            return True
    return False


_TAIL_VERB = re.compile(r"[ \t]*(?P<cue>[a-z]{3,}ed)(?=[ \t])")


@cython.cfunc
@cython.locals(text=str)
def _says_more(text: str, cue_end: int, sent_end: int) -> bool:
    """Whether a cue is followed by what was said (three words or more that are not an
    adjunct such as "on Monday" or "told reporters")."""
    rest = _WORD.findall(text, cue_end, sent_end)
    return len(rest) >= 3 and rest[0].lower() not in _ADJUNCT and text[cue_end : cue_end + 1] != ","


@cython.cfunc
@cython.locals(text=str)
def _tail_speaker_and_cue(
    scan: _Scan, cues: list[re.Match], qe: int, sent_end: int
) -> tuple[re.Match | dict, _CueSpan] | None:
    """`"…," Smith said`, `"…," said Smith`, `"…," the host said`: the speaker and cue
    after a quote that closes at qe; cues are the sentence's."""
    text = scan.text
    m = _TAIL_SPEAKER_CUE.match(text, qe, sent_end)
    if m and not _is_false_cue(scan, m.start("cue"), m.end("cue"), m.group("cue"), qe):
        return m, _cue_span(m, "cue")
    m = _TAIL_CUE.match(text, qe, sent_end)
    spk = _AFTER.match(text, m.end(), sent_end) if m and m.group("verb") else None
    if spk is None and m and m.group("verb"):
        # `"…," said Democratic strategist David Axelrod` / `wrote one commenter`.
        spk = _inverted_speaker(scan, m.end(), sent_end)
    if spk:
        return spk, _cue_span(m, "cue")
    # `"…," the host said`: a subject the patterns do not know, then the cue.
    cue = next(c for c in cues if c.start() >= qe)
    if cue.start() - qe < 80 and not _is_false_cue(scan, cue.start(), cue.end(), cue.group(0), qe):
        spk = _subject_before(scan, qe, cue.start())
        if (
            spk is not None
            and text[qe : spk["start"]].strip(" ,") == ""
            and spk["text"].rsplit(None, 1)[-1].lower() not in _PREPOSITIONS
        ):
            # (Not `"…" line by saying`, `"…" in describing`: a preposition ends no
            # subject, and the verb after it is a gerund.)
            return spk, _cue_span(cue)
    return None


@cython.cfunc
@cython.locals(text=str)
def _quote_head(scan: _Scan, cues: list[list[re.Match]], qs: int, qe: int, found: _Found) -> bool:
    """An attribution before the quote: `Sultonov said: "…"`, or `Alder said:` closing
    the paragraph before it."""
    text, spans = scan.text, scan.spans
    sentence = scan.sentence(qs)
    sent_lo = spans[sentence][0]
    head = _head_attribution(scan, cues[sentence], sent_lo, qs, found.items)
    if head is None and sentence and not text[sent_lo:qs].strip():
        sent_lo = spans[sentence - 1][0]
        if text[sent_lo:qs].rstrip().endswith(":"):
            head = _head_attribution(scan, cues[sentence - 1], sent_lo, qs, found.items)
    if head:
        spk, cue = head
        if not _is_false_cue(scan, cue.start(), cue.end(), cue.group(0), sent_lo):
            found.add_quote(spk, _cue_span(cue), qs, qe)
            return True
    return False


# --- Reported speech and anonymous cues ------------------------------------------------


# A headline in title case that reports speech: "Trump Says He Never Pledged To Do It".
_HEADLINE_CUES = ("Says", "Said", "Tells", "Told", "Warns", "Claims", "Admits", "Insists")
_HEADLINE = re.compile(
    rf"^(?P<spk>[A-Z][\w.’'\-]*(?:\s+(?:of\s+)?[A-Z][\w.’'\-]*){{0,4}})"
    rf"\s+(?P<cue>{'|'.join(_HEADLINE_CUES)})\s+(?P<said>[A-Z\d“\"'‘][^\n]{{5,200}})$",
    re.M,
)
_MINOR_WORDS = _words("a an the and or but of in on at to for by with as from is are was be")


def _headline_speech(text: str, found: _Found) -> None:
    """Reported speech in the first line, when it is a headline whose words are capitalised
    (minor words aside): the speaker before the cue word, what was said after it. (Only the
    first line: a search of every line for the cue words costs more than the rest of this
    step.)"""
    first_line = text.find("\n")
    if first_line < 0:
        first_line = len(text)
    if first_line > 300:
        return
    m = _HEADLINE.match(text, 0, first_line)
    if m is None:
        return
    words = [w for w in m.group(0).split() if w.lower() not in _MINOR_WORDS]
    if sum(w[0].isupper() or w[0].isdigit() for w in words) < 0.8 * len(words):
        return  # a sentence, not a headline
    s0, s1 = m.span("spk")
    named = m.group("spk")
    speaker = {"kind": "named", "text": named, "start": s0, "end": s1, "the": False}
    speaker.update(title="", named=named, app="")
    cue = (*m.span("cue"), m.group("cue").lower(), False)
    if cue[0] not in found.by_cue:
        _add_reported(found, speaker, cue, m.span(), m.span("said"))


def _reported_speech(
    scan: _Scan, quotes: _Quotes, cues: list[list[re.Match]], found: _Found
) -> None:
    """Reported speech, sentence by sentence, around the cues outside quotes that no
    quote took; a sentence without any may hold an anonymous cue ("reportedly")."""
    anon_cue_sentences = _anon_cue_sentences(scan)
    text = scan.text
    asked = text.find("sked ")  # (rare: a pattern tried at every character costs more)
    while asked > 0:
        sentence = scan.spans[scan.sentence(asked)]
        m = _ASKED.match(text, sentence[0])
        if m is not None and m.start("cue") == asked - 1:
            _asked(scan, sentence, asked - 1, found)
        asked = text.find("sked ", asked + 5)
    for i, sentence in enumerate(scan.spans):
        if not cues[i] and i not in anon_cue_sentences:
            continue
        said = False
        for cue in cues[i]:
            said = _reported_at(scan, cue, sentence, cues[i], quotes, found) or said
        if not said and i in anon_cue_sentences:
            _anonymous_cue(scan, sentence, quotes, found)


@cython.cfunc
@cython.locals(text=str)
def _in_opening_phrase(scan: _Scan, spk, s_start: int, c0: int) -> bool:
    """Whether a cue stands inside a preposition's phrase that opens the sentence, the
    words before it that phrase's ("In a video posted …, the mayor said", "In a statement
    announcing the deal, the firm …"): a video or a statement is no speaker. Not a phrase
    closed by a comma before the cue (_opens_no_subject: "In three interviews, the judge
    …, saying")."""
    text = scan.text
    raw = spk if isinstance(spk, dict) else _speaker(spk)
    words = raw["text"].split(None, 2)
    return (
        len(words) > 1
        and raw["end"] <= c0
        and _phrase_opener(words[0], words[1])
        and _SUBJECT_START.match(text, s_start, raw["start"]).end() >= raw["start"]
        and text.find(",", raw["end"], c0) < 0
    )


@cython.cfunc
def _opening_phrase_speaker(scan: _Scan, c0: int, sentence_cues: list) -> dict | None:
    """Who speaks a cue in -ing inside a preposition's phrase that opens the sentence
    ("In a letter calling for calm, Ann Lowe …"): the clause's subject after the phrase's
    comma (as for a gerund's phrase there: _subject_after_gerund); None for another cue
    (a past participle or a noun: "In a video posted Sunday, the mayor said …": one
    attribution, said's, not a second for "posted"), where there is no subject, or where
    a cue of the sentence follows that subject, which then reports the words itself."""
    cue = next(c for c in sentence_cues if c.start() == c0)
    if not cue.group(0).endswith("ing"):
        # "In a video posted …", "In a string of radio ads announced …": a participle
        # that tells what was done to the phrase's noun, or a noun ("In a note to staff"),
        # reports nobody's words.
        return None
    subject = _subject_after_gerund(scan, c0)
    if subject is None:
        return None
    for cue in sentence_cues:
        if cue.start() >= subject["end"]:
            return None
    return subject


_PASSIVE_CUES = _words("reported announced revealed disclosed")
_PASSIVE_AUX = re.compile(r"\s(?:was|were|been|is|are)\s+(?:\w+ly\s+|first\s+)?\Z")
_BY = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s+by(?=\s)")


# "Asked" opening a sentence, or "asked" after "When", "If" or "Once" there.
_ASKED = re.compile(r"(?:(?:When|If|Once) )?(?P<cue>[Aa]sked) ")


def _asked(scan: _Scan, sentence: tuple[int, int], cue: int, found: _Found) -> None:
    """ "Asked whether he would run, Smith said …", "When asked whether …, Smith said …": a
    sentence that opens with the question put to its speaker reports that question too,
    to its comma, asked by whoever the words after "by" name ("Asked by a reporter if …")
    or by nobody named; cue: where "asked" starts."""
    s_end = sentence[1]
    m = _QUESTION.match(scan.text, cue + 5, s_end)
    if m is not None:
        spk = _inverted_speaker(scan, m.start("by"), m.end("by")) if m.group("by") else None
        _add_reported(found, spk, (cue, cue + 5, "asked", False), sentence, m.span("q"))


@cython.cfunc
@cython.locals(text=str)
def _reported_at(
    scan: _Scan,
    cue: re.Match,
    sentence: tuple[int, int],
    sentence_cues: list[re.Match],
    quotes: _Quotes,
    found: _Found,
) -> bool:
    """Reported speech around one cue of a sentence; whether the cue attributes."""
    text = scan.text
    s_start, s_end = sentence
    c0, c1 = cue.span()
    if c0 in found.by_cue or _in_quote(quotes, c0):
        return False
    lo = _after_quotes(quotes, c0, s_start)  # what was said starts after any quote
    word = cue.group(0)
    if word in _PASSIVE_CUES:
        # "The meeting was first reported by Politico": the subject is what was reported,
        # by whoever "by" names.
        aux = _PASSIVE_AUX.search(text, max(lo, c0 - 30), c0)
        by = aux and _BY.match(text, c1, s_end)
        spk = by and (_AFTER.match(text, by.end(), s_end) or _object_after(scan, by.end(), s_end))
        if spk and _WORD.search(text, lo, aux.start()):
            _add_reported(found, spk, _cue_span(cue), sentence, (lo, aux.start()))
            return True
    if _is_false_cue(scan, c0, c1, word, s_start):
        return False
    if cue.group("acc"):
        spk = _AFTER.match(text, c1, s_end) or _object_after(scan, c1, s_end)
        if not spk:
            return False
        content = _according_to_content(scan, spk, lo, c0, s_end)
    else:
        spk, inverted = _reported_speaker(scan, cue, lo, sentence, found)
        if spk is None:
            return False
        phrase = not inverted and _in_opening_phrase(scan, spk, s_start, c0)
        if phrase:
            # "In a video posted …, the mayor said …": the phrase's noun is no speaker;
            # what the cue reports ends with the phrase ("In a statement announcing the
            # deal, the firm …": the deal).
            spk = _opening_phrase_speaker(scan, c0, sentence_cues)
            if spk is None:
                return False
            content = _trim(text, c1, text.find(",", c1, spk["start"]))
        # (no "by" after the cue in the sentence, the commonest case: no cue looked at)
        gerund = (
            -1
            if inverted or phrase or text.find("by ", c1, s_end) < 0
            else _gerund_after(scan, cue, sentence_cues)
        )
        if gerund >= 0:
            # "Ann Lowe responded by saying X": one attribution, the gerund's, said by the
            # speaker found here; not a second whose content is "by saying X".
            found.handed[gerund] = spk
            return False
        if not phrase:
            content = _reported_content(scan, cue, spk, inverted, lo, s_end, sentence_cues)
        if not _says_something(scan, content[0], content[1]):
            return False  # "Smith, a lawyer, said Monday.": when, but nothing said
    if content[0] >= c1:
        colon = _COLON_QUOTE.search(text, c1, content[1])
        k = bisect_left(quotes.starts, colon.end()) if colon is not None else -1
        if 0 <= k < len(quotes.starts) and quotes.starts[k] == colon.end():
            qs, qe = quotes.quotes[k]
            if qe > content[1]:
                # A quote after a colon that goes on past the sentence's end, where the
                # sentences were split inside it: `Lowe said: "A. B."` is one quote, and
                # `Lowe said X: "A. B."` X, then the quote (its own attribution, later).
                if _states_something(text, content[0], colon.start()):
                    content = (content[0], colon.start())
                elif not _quote_claimed(found, qs, qe):  # (else as before: not twice)
                    found.add_quote(spk, _cue_span(cue), qs, qe)
                    found.reported_quotes.add(qs)
                    return True
    _add_reported(found, spk, _cue_span(cue), sentence, content)
    return True


@cython.cfunc
@cython.locals(text=str)
def _states_something(text: str, start: int, end: int) -> bool:
    """Whether the words between a cue and a colon before a quote are something reported
    ("he was too busy to look: "…""), not only where, to whom or how it was said ("in a
    magazine:", "told The Ledger:", "by saying:")."""
    words = text[start:end].split()
    if not words or words[0].lower() in _WHERE_SAID or words[-1].lower() in _VERBS:
        return False
    return not all(w[:1].isupper() or w in ("of", "the", "and") for w in words)


# Words that open where or how something was said, before a colon and a quote.
_WHERE_SAID = _words("in on at during by via through from with to for after before")


@cython.cfunc
def _quote_claimed(found: _Found, qs: int, qe: int) -> bool:
    """Whether an attribution found already quotes the quote from qs to qe."""
    return any(item["direct"] and qs <= item["content_start"] < qe for item in found.items)


# A colon and the opening mark of a quote after it.
_COLON_QUOTE = re.compile(r":\s*(?=[\"“]|'')")


@cython.cfunc
def _says_something(scan: _Scan, start: int, end: int) -> bool:
    """Whether some run of word characters (_WORD's) from start to end is not an adjunct
    (only "Monday" or "on Monday": when, but nothing said). The runs are read off the
    word bytes: no pattern, iterator or match objects."""
    word_bytes = scan.word_bytes
    while True:
        first = word_bytes.find(b"a", start, end)
        if first < 0:
            return False
        start = word_bytes.find(b" ", first, end)
        if start < 0:
            start = end
        if scan.text[first:start].lower() not in _ADJUNCT:
            return True


_QUESTION = re.compile(
    r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+by\s+(?P<by>[^,;:\"“”]{1,60}?))?"
    r"\s+(?P<q>(?:whether|if|what|why|how|who|whom|to|about)\s[^,;:\"“”]{3,300}?),"
)


@cython.cfunc
@cython.locals(text=str)
def _according_to_content(scan: _Scan, spk, lo: int, c0: int, s_end: int) -> tuple[int, int]:
    """ "X happened, according to Y[, who …]" or "According to Y, X happened"."""
    text = scan.text
    spk_end = spk["end"] if isinstance(spk, dict) else spk.end("spk")
    before_words = _count_words(scan, lo, c0)
    if before_words and (
        _count_words(scan, spk_end, s_end) < 3
        or before_words >= 3
        and not text[lo:c0].rstrip().endswith(":")
    ):
        return lo, c0
    return spk_end, s_end


@cython.cfunc
@cython.locals(text=str)
def _reported_speaker(
    scan: _Scan, cue: re.Match, lo: int, sentence: tuple[int, int], found: _Found
) -> tuple[re.Match | dict | None, bool]:
    """The speaker of a reporting verb, and whether it comes after the verb ("…, say
    some Democrats"); lo: where the text the speaker may stand in starts."""
    text = scan.text
    s_start, s_end = sentence
    c0, c1 = cue.span()
    prep = _gerund_preposition(scan, cue, lo)
    if prep >= 0:
        handed = found.handed.get(c0)
        if handed is not None:
            return handed, False
        return _gerund_speaker(scan, prep, lo, s_start, c0, found.items), False
    chained = _chained(text, max(lo, c0 - 6), c0)
    participle = chained and cue.group(0).endswith("ing") and text[c0 - 2] == ","
    # ", saying …": no speaker can stand between the comma and the cue.
    spk = None if participle else (_speaker_before(scan, _speaker_window(text, lo, c0), c0))
    spk = _apposition_chain(text, s_start, c0, spk) or spk
    inverted = False
    if (
        spk is not None
        and spk.group("app")
        and text[c0 - 2 : c0] == ", "
        and cue.group(0).lower() in _INVERTING
    ):
        # "Cruz lacks support in Congress, whom he has alienated, said Larry Sabato.": a
        # speaker after the cue that ends the sentence is the one, not the words before.
        after = _AFTER.match(text, c1, s_end)
        if after and _ends_inverted(text, after, s_end):
            spk, inverted = after, True
    if spk is None and not participle and _QUOTE_BEFORE.search(text[max(lo, c0 - 3) : c0]):
        spk = _AFTER.match(text, c1, s_end)
        inverted = spk is not None
    if spk is None and not inverted and not participle:
        spk = _subject_before(scan, lo, c0)
    comma = not participle and text[max(lo, c0 - 2) : c0] == ", "
    if spk is None and comma:
        # "Lance Beebe, 49, a Navy veteran who …, said X": the name that opens the
        # sentence, before its apposition; else "…, say some Democrats.": the speaker
        # after the cue, to the sentence's end.
        spk = _apposed_subject(text, s_start, c0) or _name_after_role(text, s_start, c0)
        if spk is None and cue.group(0).lower() == "declined":
            # "Clinton's lawyer, David Kendall, declined to comment": nobody speaks after
            # "declined"; the words that open the sentence do.
            spk = _opening_words(text, s_start, c0 - 2)
        elif spk is None:
            spk = _AFTER.match(text, c1, s_end) or _object_after(scan, c1, s_end, True)
            inverted = spk is not None
    if spk is None and chained:
        # "Clinton attacked Trump, saying …", "Rubio thanked Miami and said …": the
        # speaker of the clause before, or the sentence's subject.
        spk = _sentence_subject(scan, s_start, c0, found.items)
    return spk, inverted


# A preposition (or "while", "when", "since") just before a reporting verb in -ing makes
# the verb a gerund, the preposition's object ("ended the debate by saying …", "accused Ann
# Lowe of saying …"): the words up to the preposition are no speaker, nor is it.
# After these the gerund's subject is the clause's ("Ann Lowe ended the debate by saying
# …", "Ann Lowe left after saying …"); after the others ("of", "for", "into"), the noun
# just before the preposition ("attacked Ann Lowe for saying …").
_SUBJECT_GERUND = _words("by in on after before upon through without while when since")
# Adverbs between the preposition and the gerund, besides those in -ly ("by first saying").
_GERUND_ADVERBS = _words("first also just even still never ever not again then only")


@cython.cfunc
@cython.locals(text=str, c0=cython.Py_ssize_t, end=cython.Py_ssize_t, start=cython.Py_ssize_t)
def _gerund_preposition(scan: _Scan, cue: re.Match, lo: int) -> int:
    """Where the preposition right before a reporting verb in -ing starts, or -1: the
    word before the verb's white space read off the word bytes (no pattern tried)."""
    text = scan.text
    c0, end = cue.span()
    if not text.startswith("ing", end - 3):
        return -1
    end = _space_before(text, c0)
    if end == c0 or end <= lo:
        return -1
    start = max(scan.word_bytes.rfind(b" ", lo, end) + 1, lo)
    word = text[start:end].lower()
    if word in _GERUND_ADVERBS or word.endswith("ly"):
        # An adverb between them: "ended by first saying", "after briefly saying".
        end = _space_before(text, start)
        if end == start or end <= lo:
            return -1
        start = max(scan.word_bytes.rfind(b" ", lo, end) + 1, lo)
        word = text[start:end].lower()
    return start if word in _PREPOSITIONS or word in _SUBJECT_GERUND else -1


@cython.cfunc
@cython.locals(text=str)
def _gerund_speaker(
    scan: _Scan, p0: int, lo: int, s_start: int, c0: int, found: list[dict]
) -> re.Match | dict | None:
    """Who says what a gerund after the preposition at p0 reports: the clause's subject
    (as for a chained cue, "…, saying") or the noun before the preposition, standing
    before the preposition; where the preposition opens the sentence ("By saying …, Ann
    Lowe calmed the crowd"), the subject after the phrase's comma; None where none of
    these is found, or the preposition opens a clause after a quote; a speaker of kind
    "nobody" (said, by no one named: no speaker) where the words that open the sentence
    name nobody."""
    text = scan.text
    if _SUBJECT_START.match(text, lo, p0).end() >= p0:
        if _SUBJECT_START.match(text, s_start, p0).end() < p0:
            return None  # after a quote, within the sentence ("…,” while telling …)
        return _subject_after_gerund(scan, c0)
    if text[p0 : scan.word_bytes.find(b" ", p0, c0)].lower() in _SUBJECT_GERUND:
        spk = _sentence_subject(scan, s_start, p0, found)
    else:
        spk = _speaker_before(scan, lo, p0)
    if spk is None:
        return None
    raw = spk if isinstance(spk, dict) else _speaker(spk)
    if raw["end"] > p0:
        return None
    if raw["kind"] == "named":
        # Words that open the sentence and name nobody ("On Monday they … by saying",
        # "Her …", "That’s …"): said, by nobody found.
        words = raw["named"].split()
        if (
            not _plausible_subject(raw)
            or words[0].lower() in _DETERMINERS
            or len(words) == 1
            and words[0].endswith(_POSSESSIVES)
        ):
            return {**raw, "kind": "nobody"}
    return spk


@cython.cfunc
@cython.locals(text=str)
def _subject_after_gerund(scan: _Scan, c0: int) -> dict | None:
    """The subject of the clause after a gerund's phrase that opens the sentence, at the
    reporting verb c0 ("By saying …, Ann Lowe calmed the crowd", "After noting …, the mayor
    left"): the first speaker pattern after one of the phrase's commas that a word in lower
    case follows (a verb), if it can be who speaks and is no owner ("In responding,
    Clinton's campaign …"); else None."""
    text = scan.text
    s_end = scan.spans[scan.sentence(c0)][1]
    m = _after_participle(text, c0, s_end)
    if m is None or not _LOWER_WORD_NEXT.match(text, m.end()):
        return None
    raw = _opener(text, m, s_end)
    if not _plausible_subject(raw) or raw["text"].endswith(_POSSESSIVES):
        return None
    return raw


# Words that make the words between a reporting verb and "by" before a gerund a clause,
# what the verb reports ("said he had dodged it by saying …"), not whom or when.
# The auxiliary verbs, which make the words around them a clause (and end a subject).
_AUXILIARIES = _words(
    "is was were are be been being has have had do does did would could should will can may "
    "might must shall"
)
_CLAUSE_WORDS = _AUXILIARIES | _words("it's he she they we i you it there")
_CLAUSE_MARKS = re.compile(r"[,;:\"“”«»()]")


@cython.cfunc
@cython.locals(text=str)
def _gerund_after(scan: _Scan, cue: re.Match, sentence_cues: list[re.Match]) -> int:
    """Where the gerund starts that the reporting verb cue yields to, or -1: the next cue
    of the sentence, a reporting verb in -ing after "by" (not "in": "says Lowe is right
    in saying"), with at most six words between them that are no clause ("responded by
    saying", "responded to the council on Monday by noting", not "said he had … by
    saying")."""
    c1 = cue.end()
    for g in sentence_cues:
        if g.start() < c1:
            continue
        if not g.group(0).endswith("ing"):
            return -1
        p0 = _gerund_preposition(scan, g, c1)
        if p0 < 0:
            return -1
        text = scan.text
        if not text.startswith(("by", "By"), p0) or text[p0 + 2 : p0 + 3].isalnum():
            return -1
        words = text[c1:p0].split()
        if (
            len(words) > 6
            or words
            and words[0].lower() == "that"
            or any(w.lower() in _CLAUSE_WORDS for w in words)
            or _CLAUSE_MARKS.search(text, c1, p0) is not None
        ):
            return -1
        return g.start()
    return -1


# Verbs that news writing puts before their speaker ("…, said Larry Sabato"); not "told",
# "described" or "criticized", whose object follows them.
_INVERTING = _words(
    "said says say wrote writes added adds noted notes explained explains argued continued "
    "continues recalled"
)


@cython.cfunc
@cython.locals(text=str)
def _ends_inverted(text: str, m: re.Match, s_end: int) -> bool:
    """Whether a speaker found after a cue stands at the end of its sentence (its own
    apposition aside) and is not a day, a month or a pronoun: "…, said Larry Sabato,
    director of …" but not "…, said Monday." or "…, said Jones, the mayor, was …" (no verb
    after it)."""
    if m.group("pron") or m.group("spk").split()[0].rstrip(".,") in CAP_STOP:
        return False
    for word in _WORD.finditer(text, m.end(), s_end):
        w = word.group()
        if w.lower() in _NOT_IN_SUBJECT or w == "that":
            return False
    return True


@cython.cfunc
@cython.locals(text=str)
def _reported_content(
    scan: _Scan,
    cue: re.Match,
    spk,
    inverted: bool,
    lo: int,
    s_end: int,
    sentence_cues: list[re.Match],
) -> tuple[int, int]:
    """What was said: before the speaker ("X happened, officials said") or after the
    cue ("officials said (that) X happened"), up to the next chained cue."""
    text = scan.text
    c0, c1 = cue.span()
    spk_start = spk["start"] if isinstance(spk, dict) else spk.start("spk")
    before_end = spk_start if not inverted else c0
    before = text[lo:before_end]
    spk_stop = spk["end"] if isinstance(spk, dict) else spk.end()
    start = spk_stop if inverted else c1
    # _THAT tries its "that" clause at length: only where "that" occurs.
    if text.find("that", start, s_end) >= 0:
        tail = _THAT.match(text, start, s_end)
        said_that = not inverted and "that" in text[tail.start() : tail.end()].split()
        if said_that and _topic_before_that(text, tail.start(), tail.end()):
            # "warned of floods that would come": "that" opens the noun's clause, and what
            # was said is the noun with it, not the clause's verb on (version 21).
            tail = _THAT_PREFIX.match(text, start, s_end)
            said_that = False
    else:
        tail = _THAT_PREFIX.match(text, start, s_end)
        said_that = False
    if text.startswith("declined", c0):
        return c1, _chain_end(text, sentence_cues, c1, s_end)  # what was not said: "to comment"
    tail_end = tail.end()
    tell = cue.group(0) in _TELL  # (a verb is in lower case)
    # A cue chained to the clause before ("Ann Lowe toured the plant and said …",
    # "…, saying …") says what follows it, not the words before its speaker (a dateline,
    # a participle's phrase); not a cue after its speaker's apposition ("…, Ann Lowe, the
    # mayor, wrote").
    after_only = (
        not inverted
        and _chained(text, max(lo, c0 - 6), c0)
        and _count_words(scan, spk_stop, c0) > 0
    )
    if (
        not said_that
        and not after_only
        and (
            _content_before(scan, before, lo, tail_end, s_end, inverted)
            or tell
            and _told_whom(scan, cue, tail_end, s_end)
            and _count_words(scan, lo, before_end) >= 3
        )
    ):
        return lo, (spk_start if not inverted else c0)
    start = tail_end
    if not said_that and tell:
        # "Smith told reporters he would run": what was said starts after whom.
        clause = _CLAUSE_START.search(text, start, min(s_end, start + 60))
        if clause and _count_words(scan, start, clause.start()) <= 4:
            start = clause.start()
    if c1 < spk_start and not inverted:
        # "By saying X, Ann Lowe calmed the crowd": what was said ends before its speaker.
        return start, spk_start
    end = _chain_end(text, sentence_cues, c1, s_end)
    if not inverted and _relative_between(text, spk_stop, c0):
        # "Unlike Ann Lowe, who said the port was safe, Tom Hale …": what the relative
        # clause says ends at its closing comma (version 18).
        end = _relative_end(text, start, end)
    return start, end


@cython.cfunc
@cython.locals(text=str)
def _topic_before_that(text: str, start: int, end: int) -> bool:
    """Whether the words that _THAT matched before its "that" (from start to end) open
    with a word that says what a cue is of or about and an auxiliary follows the "that"
    ("of floods that would come", "about a plan that has failed"): "that" then opens a
    clause of the noun with no subject of its own, not what was said ("stated of the
    scandal that the report was bad": what was said)."""
    words = text[start:end].split()
    if len(words) < 3 or words[0] not in _TOPIC_WORDS:
        return False
    after = text[end : end + 12].split(None, 1)
    return bool(after) and after[0] in _AUXILIARIES


@cython.cfunc
@cython.locals(text=str, comma=cython.Py_ssize_t)
def _relative_end(text: str, start: int, end: int) -> int:
    """Where what a relative clause says ends: at the first comma after start that closes
    the clause, not one before "and", "or" or "but" ("the two men, and Mr. Cruz …") nor
    one in a list of names or places ("Facebook, Twitter, YouTube", "Buffalo, Rochester
    and …", "Omaha, Nebraska"); end if there is none."""
    comma = text.find(",", start, end)
    while comma > start:
        rest = text[comma + 1 : min(end, comma + 60)].split(None, 5)
        if not rest or rest[0] in ("and", "or", "but"):
            comma = text.find(",", comma + 1, end)
            continue
        n = 0  # the capitalised words after the comma: a name, if the list goes on after it
        while n < len(rest) - 1 and rest[n][:1].isupper() and not rest[n].endswith(","):
            n += 1
        if (n and rest[n] in ("and", "or")) or (rest[n][:1].isupper() and rest[n].endswith(",")):
            comma = text.find(",", comma + 1, end)
            continue
        return comma
    return end


@cython.cfunc
@cython.locals(text=str)
def _relative_between(text: str, spk_end: int, c0: int) -> bool:
    """Whether a cue stands in a relative clause set off by a comma after its speaker
    ("Ann Lowe, who said", "the ministry, which later said")."""
    between = text[spk_end:c0]
    if not between.startswith(","):
        return False
    words = between[1:].split()
    return 1 <= len(words) <= 3 and words[0] in ("who", "which")


@cython.cfunc
def _anonymous_cue(scan: _Scan, sentence: tuple[int, int], quotes: _Quotes, found: _Found) -> None:
    """The first anonymous cue outside quotes in the sentence ("reportedly", "it was
    reported that")."""
    for m in _ANON_CUE.finditer(scan.text, *sentence):
        if not _in_quote(quotes, m.start()):
            found.add_anonymous(m, *sentence)
            return


# Words after a reporting verb that begin an adjunct, not what was said ("officials said
# on Monday", "he told reporters"): the content is then before the speaker.
_ADJUNCT = _words(
    "on in at during after before late earlier last this told to of from with while when "
    "as by through since via about yesterday today tonight afterward afterwards later "
    "monday tuesday wednesday thursday friday saturday sunday reporters journalists"
)


_TELL = frozenset(("told", "tell", "tells", "telling"))


@cython.cfunc
def _told_whom(scan: _Scan, cue: re.Match, after: int, s_end: int) -> bool:
    """Whether all that follows a form of "tell" is whom it was told, and when or where
    ("…, a spokesman told The Wall Street Journal.", "…, Carter told a Senate panel
    Wednesday."): a short rest with no clause of its own. The cue is a form of "tell"."""
    # (A slice: at its start, \b takes no account of the character before.)
    return _count_words(scan, after, s_end) <= 8 and not _CLAUSE_START.search(
        scan.text[after:s_end]
    )


_CLAUSE_START = re.compile(r"\b(?:that|he|she|they|it|we|I|there|this)\b")


# Words that open a phrase put before the subject ("In a speech last July, he said …", "By
# saying …, Ann Lowe told reporters she …", "With the vote lost, she told …").
# Words after a cue that open what it is of or about ("warned of floods", "spoke about the
# plan").
_TOPIC_WORDS = _words("of about")
_FRONTED = _words(
    "In On At After Before During While When Since Earlier Later Last Asked Speaking Despite "
    "Although Though As Following Meanwhile Amid Through Throughout Once By For With Without "
    "Upon Within Under Like Unlike Among"
)


@cython.cfunc
@cython.locals(text=str)
def _content_before(
    scan: _Scan, before: str, lo: int, after_start: int, s_end: int, inverted: bool
) -> bool:
    """Whether what was said comes before the speaker ("X happened, officials said") rather
    than after the cue ("officials said X happened"); before: the text from lo."""
    text = scan.text
    if not before.strip(" ,\"“«'"):
        return False
    if inverted:
        return True
    word_bytes = scan.word_bytes
    first = word_bytes.find(b"a", after_start, s_end)  # where _WORD.search would match
    if first < 0:
        return True
    lead = before.strip(" \"“«'")
    first_end = word_bytes.find(b" ", first, s_end)
    first_word = text[first : first_end if first_end >= 0 else s_end]
    if (
        lead.endswith(",")
        and "," not in lead[:-1]
        and lead.split(None, 1)[0] in _FRONTED
        and (
            _CLAUSE_START.search(text, after_start, s_end)
            # "In a video posted online, Ann Lowe warned of floods": what the cue is of
            # or about follows it (version 18)
            or (first_word in _TOPIC_WORDS and first_end >= 0)
        )
    ):
        return False  # "After the debate, Trump told reporters he …": a phrase put first
    if first_word.lower() not in _ADJUNCT and _count_words(scan, first, s_end) >= 3:
        return False
    return _count_words(scan, lo, lo + len(before)) >= 3


# A speaker the patterns do not know (a group, an institution, a thing): the words before a
# cue, back to a clause boundary. Words that cannot be in such a subject stop it.
_CLAUSE_BOUNDARY = re.compile(
    r"(?:[,;:(\[\"“”—–]|''|\s-+\s|(?<!\w)(?:that|and|but|while|because|as|though|although|"
    r"when|if|whereas|so|since|after|before|until|where|why|how|whether)\s)"
)
# The boundary that starts last before endpos (.* takes all, then gives back).
_LAST_CLAUSE_BOUNDARY = re.compile(rf"(?s:.*)(?:{_CLAUSE_BOUNDARY.pattern})")
_NO_SUBJECT_BEFORE = frozenset(",;:([\"“”—–'")
_ANTECEDENT_BOUNDARY = re.compile(
    _CLAUSE_BOUNDARY.pattern[:-1] + r"|(?<!\w)(?:to|of|for|with|by|from|among|than|like)\s)"
)
_LAST_ANTECEDENT_BOUNDARY = re.compile(rf"(?s:.*)(?:{_ANTECEDENT_BOUNDARY.pattern})")
_NOT_IN_SUBJECT = _AUXILIARIES | _words(
    "not n't to what there here it's also said says told into then if very just only even "
    "still again"
)
_SUBJECT_ADVERBS = _words(
    "also later previously has had have then further again once earlier repeatedly publicly "
    "reportedly separately recently would will privately initially originally subsequently "
    "often long last first frequently already generally simply openly flatly widely largely "
    "all both each too themselves itself never since is was were are did does do not didn't "
    "doesn't just even still now"
)
_DETERMINERS = _words("the a an his her its their our my your this that these those")
# Prepositions, which end no subject of a verb after a quote.
_PREPOSITIONS = _words(
    "in on at by of for from with into onto about after before during without via through "
    "under upon among against like unlike despite amid"
)
# Words for an unnamed number of people ("Several said", "Many say").
_QUANTIFIERS = _words("several many some most few others both")
_UNNAMED_GROUPS = _GROUP_NOUNS | _QUANTIFIERS


def _speaker_words(
    kind: str, text: str, start: int, end: int, *, the: bool = False, named: str = ""
) -> dict:
    """A speaker's words as the candidates carry them: of what kind ("named", "group",
    "pron", …), the words and where they stand, whether "the" opened them, and the name
    among them."""
    return {
        "kind": kind,
        "text": text,
        "start": start,
        "end": end,
        "the": the,
        "title": "",
        "named": named,
        "app": "",
    }


@cython.cfunc
@cython.locals(
    text=str,
    lo=cython.Py_ssize_t,
    end=cython.Py_ssize_t,
    stop=cython.Py_ssize_t,
    word_end=cython.Py_ssize_t,
    space=cython.Py_ssize_t,
    last=cython.Py_ssize_t,
    start=cython.Py_ssize_t,
    window=cython.Py_ssize_t,
    search_end=cython.Py_ssize_t,
)
def _subject_before(scan: _Scan, lo: int, end: int) -> dict | None:
    text = scan.text
    lo = max(lo, end - 120)
    stop = end
    while True:  # drop the adverbs and auxiliaries before the cue, word by word
        word_end = stop
        while word_end > lo and text[word_end - 1].isspace():
            word_end -= 1
        space = text.rfind(" ", lo, word_end)
        word = text[space + 1 : word_end]
        if (
            not word
            or space < lo
            or not (word in _SUBJECT_ADVERBS or word.endswith("day") and word[:1].isupper())
        ):
            break
        stop = space
    last = stop
    while last > lo and text[last - 1].isspace():
        last -= 1
    if last <= lo or text[last - 1] in _NO_SUBJECT_BEFORE:
        return None  # a comma, a quote or a dash right before: no subject there
    rel = text[max(lo, last - 6) : last].endswith((" who", " which"))
    if rel:  # "Republicans who say …", "Priebus, who has said …": the noun before "who"
        stop = text.rfind(" ", lo, last)
        while stop > lo and text[stop - 1] in " ,":
            stop -= 1
    party = (
        _PARTY_END.search(text, max(lo, stop - 24), stop) if text[stop - 1 : stop] == ")" else None
    )
    search_end = party.start() if party else stop
    # The last clause boundary: a subject of ten words at most starts within 80 characters.
    start = window = max(lo, search_end - 80)
    if "-" in text[window:search_end] or "''" in text[window:search_end]:
        # Two boundaries may overlap (" - - "): the last that finditer finds.
        boundaries = _ANTECEDENT_BOUNDARY if rel else _CLAUSE_BOUNDARY
        for m in boundaries.finditer(text, window, search_end):
            start = m.end()
    else:
        # None can start inside another: the last one is the one that starts last,
        # which a pattern tried from the end back finds at once.
        m = (_LAST_ANTECEDENT_BOUNDARY if rel else _LAST_CLAUSE_BOUNDARY).match(
            text, window, search_end
        )
        if m:
            start = m.end()
    if start == window > lo and text[window - 1 : window].strip():
        return None  # the window starts inside a longer run of words: no subject
    if start - 1 > lo and text[start - 1] == "(":
        tag = _TAG_THEN.match(text, start, stop)
        after = text[tag.end() : stop].split() if tag else []
        if 1 <= len(after) <= 5 and _NOT_IN_SUBJECT.isdisjoint(after):
            # "Sen. Ann Lowe (R-Wis.) kept asking": the subject is the name before the
            # party and state, not the few words after them (a predicate with no
            # auxiliary, "kept", "issued a statement").
            return _subject_before(scan, lo, start - 1)
    subject = text[start:stop]
    if party:
        subject = text[start : party.start()]
    words = subject.split()
    if len(words) > 1 and (
        words[0] in _OPENING_CONJUNCTIONS or rel and _phrase_opener(words[0], words[1])
    ):
        # "While aides said": the conjunction opens the clause, not the subject; "For Ann
        # Lowe, who said": the preposition opens the phrase, the relative is its object's.
        cut = subject.index(words[0]) + len(words[0])
        start += cut
        subject = subject[cut:]
        del words[0]
    if not 1 <= len(words) <= 10:
        return None
    low = [w.lower().strip(".,") for w in words]
    if not _NOT_IN_SUBJECT.isdisjoint(low) or low[-1] in _DETERMINERS:
        return None
    if low[-1] in _NOT_CUE_BEFORE or not words[-1][-1].isalnum() and words[-1][-1] not in ".)":
        return None
    s0 = start + len(subject) - len(subject.lstrip())
    s1 = party.end() if party else s0 + len(subject.strip())
    first = low[0]
    the = first == "the"
    rest = words[1:] if first in _DETERMINERS else words
    named = " ".join(rest)
    if rest and _all_name_words(rest) and (first in _DETERMINERS or words[0] not in CAP_STOP):
        return {
            "kind": "named",
            "text": named,
            "start": s0,
            "end": s1,
            "the": the,
            "title": "",
            "named": named,
            "app": "",
        }
    return _speaker_words("group", text[s0:s1], s0, s1, the=the)


@cython.cfunc
def _all_name_words(words: list[str]) -> bool:
    """Whether every word is capitalised or joins a name ("of", "and", …): a loop, not
    all() over a generator (an object made and run at each call)."""
    for w in words:
        if not w[0].isupper() and w not in ("of", "for", "and", "the", "&"):
            return False
    return True


@cython.cfunc
@cython.locals(text=str)
def _opening_words(text: str, s_start: int, end: int) -> dict | None:
    """The words from the sentence's start to end, as a speaker the patterns do not know,
    when they are few and hold no verb: "Clinton's lawyer, David Kendall"."""
    start = _SUBJECT_START.match(text, s_start, end).end()
    words = text[start:end].split()
    if not 1 <= len(words) <= 10 or any(w.lower().strip(",") in _NOT_IN_SUBJECT for w in words):
        return None
    end = start + len(text[start:end].rstrip())
    raw = {"kind": "group", "text": text[start:end], "start": start, "end": end, "the": False}
    raw.update(title="", named="", app="")
    return raw


@cython.cfunc
@cython.locals(text=str)
def _apposed_subject(text: str, s_start: int, c0: int) -> re.Match | None:
    """A speaker that opens the sentence and is followed by a comma, when the words up to
    the cue at c0 read as its apposition (no verb of their own before a relative
    pronoun): `Lance Beebe, 49, a Navy veteran who now works for the Air Force, said …`."""
    m = _opening_speaker(text, s_start, c0)
    if m is None or m.group("pron") or text[m.end() : m.end() + 1] != ",":
        return None
    apposition = text[m.end() + 1 : c0]
    head = _APPOSITION_HEAD.match(apposition)
    return m if head and len(apposition) <= 200 else None


@cython.cfunc
@cython.locals(text=str)
def _name_after_role(text: str, s_start: int, c0: int) -> dict | None:
    """The name set between commas after the role that opens the sentence, just before
    the cue at c0: `Their lawyer, Anna Berg, said …`, `The company's chief executive,
    Adrian Pellow, said …`, after a dateline (`ELMTOWN — Nordvale’s opposition leader, Ann
    Lowe, said …`); the role is the opening words."""
    for start in _clause_starts(text, s_start, c0):
        m = _ROLE_THEN_NAME.match(text, start, c0)
        if m is not None:
            return _named_after_role(m)
    return None


@cython.cfunc
def _named_after_role(m: re.Match) -> dict:
    return {
        "kind": "named",
        "text": m.group("named"),
        "start": m.start("named"),
        "end": m.end("named"),
        "the": False,
        "title": "",
        "named": m.group("named"),
        "app": m.group("head"),
    }


# A role with an article, "one", "another" or a possessive (of one capitalised word or a
# few: "Mr. Lowe's"), or an article, "one" or "another", capitalised words and a few in
# lower case ("The Harbour Party leader", "One Harbour Party hopeful"), then a name between
# commas, then the cue.
_ROLE_HEAD = (
    r"(?P<head>(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur"
    r"|(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*[’']s)\s+"
    rf"[a-z][^,;:\"“”«»()]{{0,60}}?)"
    r"|(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)(?:\s+[A-Z][\w.’'\-]*){1,4}(?:\s+[a-z][\w’'\-]*){1,4}),"
    rf"\s+(?P<named>{_NAME}),"
)
_ROLE_THEN_NAME = re.compile(rf"{_ROLE_HEAD}\s*\Z")
# The same opening a clause whose verb follows the name (a word in lower case, not one
# that joins another name or opens a relative clause): "Nordvale’s opposition leader, Ann
# Lowe, backed the plan, saying …".
_ROLE_THEN_NAME_OPENS = re.compile(
    rf"{_ROLE_HEAD}\s+(?!(?:and|or|but|who|whose|which|whom)(?!{_W}))(?=[a-z])"
)


@cython.cfunc
@cython.locals(text=str)
def _opening_name_after_role(text: str, s_start: int, c0: int) -> dict | None:
    """The name set between commas after the role that opens the sentence, before the
    clause's verb, for a cue chained to that clause (as _name_after_role for a cue right
    after the name): `PARIS — Nordvale’s opposition leader, Ann Lowe, backed the plan on
    Monday, saying …` names Ann Lowe, not "Nordvale’s"."""
    for start in _clause_starts(text, s_start, c0):
        m = _ROLE_THEN_NAME_OPENS.match(text, start, c0)
        if m is not None:
            return _named_after_role(m)
    return None


# An apposition's opening: an age, or a noun phrase with an article or a possessive.
_APPOSITION_HEAD = re.compile(
    r"\s*(?:\d{1,3},|(?:the|an?|his|her|their|its)\s|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*[’']s\s)"
)


# What opens the apposition of a sentence's subject that runs to the cue over more than
# one comma: an age, an article or a possessive (as _APPOSITION_HEAD), a party and state
# ("R-Fla.,"), "who", or a word in lower case that is not a preposition or an adverb
# ("chief executive of CloudFlare, a San Francisco company,").
_CHAIN_HEAD = re.compile(
    rf"(?:{_APPOSITION_HEAD.pattern}|\s*[DRI][-–]\s?[A-Z][\w.]*,|\s*(?:who|whose)\s"
    r"|\s*(?!(?:in|on|at|after|before|during|when|while|as|however|meanwhile|though|also|too|"
    r"then|still|instead|like|asked|along|and|or|but|which|if|so|yet|now|later|earlier)\s)[a-z]+\s)"
)
_CHAIN_AND = re.compile(r",\s+(?:and|or)\s")
_CHAIN_SPEAKER = re.compile(rf"{_SPEAKER}\s*,\s*(?P<app>[^;:\"“”«»]{{2,200}}?)\s*,\s*{_ADV}\Z")


@cython.cfunc
@cython.locals(text=str)
def _apposition_chain(text: str, s_start: int, c0: int, spk) -> re.Match | None:
    """The speaker that opens the sentence when the name found before the cue at c0 is
    only the end of its apposition, which holds more than one comma: `Dean Lowe, a
    salesman from Ayr, Ohio, says …` (not "Ayr"), `Sen. Ann Park, R-Fla., speaking on
    radio, said …` (not "R-Fla")."""
    if spk is None or isinstance(spk, dict) or not spk.group("named") or not spk.group("app"):
        return None  # (the name ends with an apposition when it ends the opener's)
    if text.find(",", s_start, spk.start()) < 0:
        return None  # no comma after the words that open the sentence
    m = _opening_speaker(text, s_start, c0)
    if m is None or m.group("pron") or m.group("anon") or m.end() >= spk.start():
        return None
    if text[m.end() : m.end() + 1] != "," or text.count(",", m.end() + 1, c0) < 2:
        return None
    named = m.group("named")
    if named and not m.group("title") and named.split()[0] in CAP_STOP:
        return None  # "However, Ann Park, a lawyer, said": no name opens the sentence
    apposition = text[m.end() + 1 : c0]
    if len(apposition) > 200 or _CHAIN_AND.search(apposition):
        return None  # "Ann Park, a lawyer, and Bo Li, a judge, said": two speakers
    if not _CHAIN_HEAD.match(apposition):
        return None
    return _CHAIN_SPEAKER.match(text, m.start(), c0)  # with the apposition, as _BEFORE's


@cython.cfunc
@cython.locals(text=str)
def _chain_end(text: str, cues: list[re.Match], after: int, end: int) -> int:
    """Where what was said ends: before the next cue chained to the same speaker ("…,
    adding …", "… and said …"), else at end."""
    for cue in cues:
        if after < cue.start() < end and _chained(text, max(after, cue.start() - 6), cue.start()):
            return cue.start()
    return end


@cython.cfunc
@cython.locals(text=str, lo=cython.Py_ssize_t, end=cython.Py_ssize_t, start=cython.Py_ssize_t)
def _chained(text: str, lo: int, end: int) -> bool:
    r"""Whether re.compile(r"(?:,|\band)\s+\Z").search(text, lo, end) would match: a comma,
    or "and" after no word character, then white space to end, all from lo; a few string
    checks cost less than the pattern's call."""
    start = end  # where the white space before end starts
    while start > lo and text[start - 1].isspace():
        start -= 1
    if start in (end, lo):
        return False  # no white space, or nothing before it from lo
    if text[start - 1] == ",":
        return True
    return (
        start - 3 >= lo
        and text.startswith("and", start - 3)
        and not (start > 3 and _is_word_char(text[start - 4]))
    )


@cython.cfunc
def _is_word_char(ch: str) -> bool:
    """Whether a pattern's \\w matches ch."""
    return ch.isalnum() or ch == "_"


# A dateline or a heading in capitals before a dash, which opens a paragraph's first
# sentence and is no speaker: "WASHINGTON — ", "ORLANDO, Fla. (Reuters) - ", "PARIS, Aug 31
# (Reuters) - ", "TURNOUT ROSE IN IOWA - Ann Lowe: …".
_DATELINE = (
    r"[A-Z][A-Z.’'\-]+(?:\s+[A-Z0-9][A-Z0-9.,’'\-]*){0,15}"
    r"(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z0-9][A-Za-z0-9.]*){0,2})?"
    r"(?:\s*\([A-Z][\w .]*\))?\s*(?:—|–|--|-)\s+"
)
_SUBJECT_START = re.compile(
    rf"(?:{_DATELINE})?[\s\"“”'—–-]*(?:(?:But|And|So|Still|Yet|Then|Now|Later|Meanwhile)\s+)?"
)


@cython.cfunc
@cython.locals(text=str)
def _sentence_subject(scan: _Scan, s_start: int, c0: int, found: list[dict]) -> dict | None:
    """The speaker of a cue chained to the clause before it: the last attribution's speaker
    in the sentence, else a speaker pattern at the sentence's start."""
    # found holds the direct quotes of the whole article first, then reported speech
    # sentence by sentence: a quote's attribution in this sentence may stand before
    # reported speech of an earlier one ("Lowe said so. “Thank you,” Lowe replied, before
    # adding …": Lowe, not "Thank"), so every item is looked at.
    last = None
    for item in found:
        if (
            s_start <= item["cue_start"] < c0
            and item["speaker_raw"] is not None
            and (last is None or item["cue_start"] > last["cue_start"])
        ):
            last = item
    if last is not None:
        return last["speaker_raw"]
    text = scan.text
    named = _opening_name_after_role(text, s_start, c0)
    if named is not None:
        return named
    m = _opening_speaker(text, s_start, c0)
    if m is not None and _PARTICIPLE_OPENS.match(m.group("spk")):
        m = _after_participle(text, m.end(), c0) or m
    elif m is not None and m.group("named") and text[c0 : c0 + 1] in _QUOTE_OPENS:
        m = _after_inverted_cue(text, m, c0) or m
    return None if m is None else _opener(text, m, c0)


# Reporting verbs that open a sentence before their speaker and the quote ("Said Ann
# Lowe: “…”", "Continued Lowe, “…”"): those that news writing puts before their speaker,
# capitalised. Not every reporting verb (_VERBS): "Told Ann Lowe: “…”" and "Asked Lowe,
# “…”" name whom the words were said to.
_INVERTED_OPENERS = frozenset(verb.capitalize() for verb in _INVERTING)
# The first character of every opening mark (_CLOSES): a quote opens with one of these.
_QUOTE_OPENS = "".join(dict.fromkeys(mark[0] for mark in _CLOSES))


@cython.cfunc
@cython.locals(text=str)
def _after_inverted_cue(text: str, m: re.Match, c0: int) -> re.Match | None:
    """The speaker after a reporting verb that opens the sentence, before a colon or a
    comma and the quote at c0 ("Said Ann Lowe: “…”"): the name, not the verb with it
    ("Said Ann Lowe")."""
    named = m.group("named")
    verb = named.split(None, 1)[0]
    if verb not in _INVERTED_OPENERS or verb == named or m.start("named") != m.start():
        return None
    after = _SENTENCE_SPEAKER.match(text, m.start() + len(verb) + 1, c0)
    if after is None or not after.group("named") or text[after.end() : after.end() + 1] not in ",:":
        return None
    return after


@cython.cfunc
@cython.locals(text=str)
def _after_participle(text: str, pos: int, c0: int) -> re.Match | None:
    """The subject after a participle's phrase that opens the clause, behind one of its
    next commas ("Rallying hundreds of workers, Ann Lowe promised …"): the first speaker
    pattern there that a word in lower case follows (a verb: not "Ohio" of "in Ayr, Ohio,
    Ann Lowe said"), else the first one found."""
    first = None
    comma = text.find(",", pos, c0)
    tries = 0
    while comma >= 0 and tries < 4:
        m = _opening_speaker(text, comma + 1, c0)
        if m is not None:
            if _LOWER_WORD_NEXT.match(text, m.end()):
                return m
            first = first or m
        comma = text.find(",", comma + 1, c0)
        tries += 1
    return first


_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")


# A participle in -ing that opens a clause alone (a word in lower case after it: no name).
_PARTICIPLE_OPENS = re.compile(r"[A-Z][a-z]{2,}ing\Z")


@cython.cfunc
@cython.locals(text=str)
def _opening_speaker(text: str, lo: int, end: int) -> re.Match | None:
    """A speaker pattern where the clause from lo opens ("But Smith", "The envoy"), not
    "it"; after an adverbial phrase that opens it, the subject after the phrase's comma
    ("On Sunday, Ann Lowe endorsed …", not "On Sunday")."""
    starts = _clause_starts(text, lo, end)
    m = _SENTENCE_SPEAKER.match(text, starts[0], end)
    if m is None or m.group("pron") and m.group("pron").lower() == "it":
        return None
    for pos in starts[1:]:
        after = _SENTENCE_SPEAKER.match(text, pos, end)
        if after is not None and _subject_after_phrase(text, after, end):
            return after
    return m


# Prepositions and conjunctions that open an adverbial phrase or clause before a
# sentence's subject, capitalised: "In a statement, …", "On Sunday, …", "When asked …, …".
_ADVERBIAL_OPENERS = _words(
    "In On At After Before During When While As For With Since Despite Over By Following "
    "Amid Like Unlike Throughout Through Without Upon Until Among Under Within Although "
    "Though Because If Once"
)
_SPACES = re.compile(r"\s*")
_VERB_NEXT = re.compile(r"\s+[a-z]")


@cython.cfunc
def _clause_starts(text: str, lo: int, end: int) -> list[int]:
    """Where the subject of the clause from lo may start: after a dateline and "But" or
    "Meanwhile" (_SUBJECT_START); where an adverbial phrase opens the clause ("On Sunday,
    …", "In a statement to the Ledger, …"), after each of its first four commas too."""
    start = _SUBJECT_START.match(text, lo, end).end()
    word = _WORD.match(text, start, end)
    if word is None or word.group() not in _ADVERBIAL_OPENERS:
        return [start]
    return [start, *_after_commas(text, start, end)]


@cython.cfunc
def _after_commas(text: str, start: int, end: int) -> list[int]:
    """Where the words after each of the first four commas from start to end start."""
    found = []
    comma = text.find(",", start, end)
    while comma >= 0 and len(found) < 4:
        found.append(_SPACES.match(text, comma + 1, end).end())
        comma = text.find(",", comma + 1, end)
    return found


@cython.cfunc
def _subject_after_phrase(text: str, m: re.Match, end: int) -> bool:
    """Whether a speaker found after the comma of an adverbial phrase is the clause's
    subject: a person, a role or a body, then a verb in lower case or an apposition; not
    a day or a word that opens another phrase, nor a state's abbreviation ("Elmtown, Fla.,
    on Tuesday")."""
    if m.group("pron"):
        if m.group("pron").lower() == "it":
            return False
    elif m.group("named") and not m.group("title"):
        words = m.group("named").split()
        if words[0] in CAP_STOP or (len(words) == 1 and words[0].endswith(".")):
            return False
    return bool(_VERB_NEXT.match(text, m.end(), end)) or text.startswith(",", m.end())


# The rest of a name that a speaker's words stop inside: capitalised words, initials and
# "of" before a capitalised word (" Ann T. Lowe of Elmtown").
_NAME_GOES_ON = re.compile(r"(?:\s+(?:of\s+)?(?:[A-Z]\.|[A-Z][\w’'\-]+))+(?=[\s,;:.]|\Z)")
_SENTENCE_SPEAKER = re.compile(rf"{_SPEAKER}(?=\s|,|:)")
# After a name that opens a clause, words in lower case and a full name: the words and the
# name before them describe the person so named ("Republican presidential front-runner
# Donald Trump", "The Slate technology columnist David Auerbach").
_DESCRIBED_AFTER = re.compile(rf"(?:\s+[a-z][\w’'\-]*){{1,4}}?\s+(?P<name>{_CAP}(?:\s+{_CAP})+)")
_NOUN_AFTER = re.compile(r"\s+([a-z]+)(?![\w’'\-])")
# Nouns for a person that, last before a name, describe its holder, besides the role
# nouns: "presidential nominee Ann Lowe", "technology columnist Ann Lowe".
_DESCRIBING_NOUNS = ROLE_NOUNS | _words(
    "nominee candidate front-runner frontrunner hopeful contender challenger incumbent "
    "manager chair columnist commentator host anchor editor reporter correspondent writer "
    "pollster strategist operative congressman congresswoman lawmaker justice judge"
)


@cython.cfunc
def _describing(words: list[str]) -> bool:
    """Whether words in lower case between an opening name and a full name can describe
    the holder of the full name: the last a noun for a person ("presidential nominee",
    "secretary of state"), none a verb, an adverb, an article or a conjunction ("Beck
    has criticized Ann Lowe", "Lowe sternly rebuked Sen. Ann Park")."""
    last = words[-1]
    if last not in _DESCRIBING_NOUNS and not (
        len(words) > 2 and words[-2] == "of" and last.capitalize() in OFFICE_FIELDS
    ):
        return False
    for i, word in enumerate(words):
        if word == "of" and 0 < i < len(words) - 1:
            continue
        if (
            word in _NOT_DESCRIBING
            or word in _DETERMINERS
            or word in _NOT_IN_SUBJECT
            or word in _SUBJECT_ADVERBS
            or word in _VERBS
            or word.endswith(("ed", "ly"))
        ):
            return False
    return True


@cython.cfunc
@cython.locals(text=str)
def _opener(text: str, m: re.Match, end: int) -> dict:
    """The speaker of a match of _SENTENCE_SPEAKER (a clause's opening words) before end:
    its name, unless words in lower case after the name make it part of another speaker.
    Words that describe a full name after them make the name before them and themselves
    that person's role ("Republican presidential front-runner Donald Trump": Donald Trump,
    not "Republican"); a body's or a group's noun after "the" and the name is the speaker,
    which the name only qualifies ("The Sanders campaign", "the Christie supporter"; not
    "the Sanders", a body called Sanders)."""
    raw = _speaker(m)
    if raw["kind"] == "anon":
        rest = _NAME_GOES_ON.match(text, raw["end"], end)
        if rest is not None and raw["text"].split()[-1][:1].isupper():
            # "A spokesman for Mayor Ann T. Lowe of Elmtown defended …": the shortest
            # match stopped inside the name that ends the speaker; the name is whole.
            raw = {**raw, "text": text[raw["start"] : rest.end()], "end": rest.end()}
        return raw
    if raw["kind"] != "named" or raw["title"] or raw["named"].split()[0] in CAP_STOP:
        return raw
    described = _DESCRIBED_AFTER.match(text, raw["end"], end)
    if described and _describing(text[raw["end"] : described.start("name")].split()):
        title = text[raw["start"] : described.start("name")].split()
        if _described_name(text[raw["start"] : described.end()].split()) == len(title):
            return {
                **raw,
                "text": text[raw["start"] : described.end()],
                "end": described.end(),
                "the": False,
                "title": " ".join(title),
                "named": described["name"],
            }
    if raw["the"]:
        noun = _NOUN_AFTER.match(text, raw["end"], end)
        if noun and (noun[1] in _INSTITUTION_NOUNS or f"{noun[1]}s" in _GROUP_NOUNS):
            # Read as an unnamed source's words are: a body ("the Sanders campaign") or
            # a person nobody named ("the Christie supporter").
            return {
                **raw,
                "kind": "anon",
                "text": text[raw["start"] : noun.end()],
                "end": noun.end(),
            }
    return raw


_OBJECT_END = re.compile(r"[,.;:!?\"“”()—–]|\s(?:that|which|who|and|but|on|in|at)\s")
_OBJECT_MAX = 160
_RELATIVE_AFTER = re.compile(r",\s+(?:who|whose|which|many|most|some|all|both)\s")


@cython.cfunc
@cython.locals(text=str)
def _object_after(scan: _Scan, c1: int, s_end: int, to_end: bool = False) -> dict | None:
    """What follows "according to" when the speaker patterns do not know it ("Crowdpac
    data", "three television networks"): up to eight words, to a comma or clause."""
    text = scan.text
    start = c1 + len(text[c1:s_end]) - len(text[c1:s_end].lstrip())
    # An inverted speaker runs to the sentence's end, a relative clause included ("…,
    # said a handful of Democrats who point to his ties with labor.").
    ends = _INVERTED_END if to_end else _OBJECT_END
    limit = min(s_end, start + _OBJECT_MAX)
    first = m = ends.search(text, start, limit)
    while not to_end and m and m.group() == "." and _abbreviated(text, start, m.start()):
        m = ends.search(text, m.end(), limit)  # "according to former Sen. Ann Lowe"
    end = _object_end(text, start, s_end, m, to_end)
    if end < 0 and m is not first:
        # Too long past the abbreviation's point: the words up to the point, as before.
        end = _object_end(text, start, s_end, first, to_end)
    if end < 0:
        return None
    return _speaker_words("group", text[start:end], start, end)


_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]\Z")  # "U.S" of "the U.S. Senate"


@cython.cfunc
@cython.locals(text=str)
def _abbreviated(text: str, start: int, point: int) -> bool:
    """Whether the full stop at point ends an abbreviation or an initial ("Sen.", "J.",
    "U.S.") rather than the speaker's words, from start."""
    return bool(_ABBREVIATION.search(text, start, point) or _INITIALS.search(text, start, point))


@cython.cfunc
@cython.locals(text=str)
def _object_end(text: str, start: int, s_end: int, m: re.Match | None, to_end: bool) -> int:
    """Where _object_after's words end, at m (an end of _OBJECT_END or _INVERTED_END) or
    the sentence's end; -1 where they are no speaker (too few or many words, or an
    inverted one not at the sentence's end)."""
    end = m.start() if m else s_end
    if (
        to_end
        and (text[end : end + 1] not in ".!?" or text[end + 1 : s_end].strip())
        and not _RELATIVE_AFTER.match(text, end, s_end)
    ):
        return -1  # the inverted speaker ends the sentence, or a relative clause follows it
    words = text[start:end].split()
    if not 1 <= len(words) <= (24 if to_end else 14) or m is None and end - start >= _OBJECT_MAX:
        return -1
    return start + len(text[start:end].rstrip())


_TITLE_BEFORE = _words(
    "on in at to from of by with through the a an his her their its our my your about called "
    "titled dubbed named show shows program programme book film movie song"
)


@cython.cfunc
@cython.locals(text=str)
def _is_title(scan: _Scan, qs: int, qe: int) -> str:
    """A title or name in quotation marks rather than words someone said: "after" a
    preposition or article (on "Meet the Press", the "Fight for 15" movement), or
    "capitalised": a few words, most of them capitalised ("This Week," "Morning Joe");
    "" for neither."""
    text = scan.text
    inner = quote_inner(text, qs, qe)
    words = text[inner[0] : inner[1]].split(None, 5)  # six items only if more words
    if len(words) > 5:
        return ""
    prev = _prev_word(scan, max(0, qs - 30), qs)
    if prev and prev.lower() in _TITLE_BEFORE:
        return "after"
    return "capitalised" if _capitalised(words) * 2 > len(words) else ""


@cython.cfunc
def _capitalised(words: list[str]) -> int:
    """How many of the words open with a capital (a loop, not sum() over a generator)."""
    n = 0
    for w in words:
        n += w[0].isupper()
    return n


@cython.cfunc
@cython.locals(text=str)
def _closes_like_speech(text: str, qs: int, qe: int) -> bool:
    """Whether the words inside a quote end with a comma or a sentence's end, as what
    someone said does ("Yes," "Probably.") and a title in running text seldom does."""
    inner = text[slice(*quote_inner(text, qs, qe))].rstrip()
    return inner[-1:] in (",", ".", "?", "!")


@cython.cfunc
def _plausible_subject(raw: dict) -> bool:
    """A sentence's first words that can be who is quoted: not "Across", "Placing", "Yes"."""
    if raw["kind"] != "named":
        return raw["kind"] != "group"
    first = raw["named"].split()[0]
    return first not in CAP_STOP and first not in _NOT_SUBJECTS and not first.endswith("ing")


_NOT_SUBJECTS = _words(
    "Across Yes No Top Now Among Like Unlike Despite Through Amid Against Between Along Within "
    "Beyond Outside Inside Near Around Behind Below Above Toward Towards Upon Per Via Once "
    "Whether Although Though Because Unless Instead Indeed Perhaps Nor Neither Either Not "
    "Never Just Well Oh Sure Of To Here There Other Another Last First Second New Old"
)


_INVERTED_END = re.compile(
    r"[,;:!?()—–\"“”]|\.(?=\s|\Z)|\s(?:who|which|that|in|on|at|during|after|before|of\s+the)\s"
)
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]|Rep|Sen|Gov|Gen|Mr|Mrs|Ms|Dr|Lt|Col|Sgt|St|Jr|Sr|Rev|Prof|Capt|Adm|Maj)\Z"
)
_SUBJECT_PRONOUNS = _words("he she they we it I you")
_NAME_OF = re.compile(r"[A-Z][a-z’'\-]+\s+of\s+(?:the\s+)?[A-Z]")
_NAME_RUN = re.compile(r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w’'\-]*\.?|[A-Z]\.))*\Z")


@cython.cfunc
@cython.locals(text=str)
def _inverted_speaker(scan: _Scan, start: int, s_end: int) -> dict | None:
    """A speaker after the cue that the patterns do not know, to a comma or the sentence's
    end: "the 46-year-old", "one former GOP leadership aide", "Democratic strategist David
    Axelrod" (the name last, the words before it its title)."""
    text = scan.text
    start += len(text[start:s_end]) - len(text[start:s_end].lstrip())
    limit = min(s_end, start + 140)
    m = _INVERTED_END.search(text, start, limit)
    while m and m.group() == "." and _ABBREVIATION.search(text, start, m.start()):
        m = _INVERTED_END.search(text, m.end(), limit)  # "former Rep. George Miller"
    end = m.start() if m else s_end
    if m is None and end - start >= 140:
        return None
    party = re.compile(_PARTY).match(text, end) if m and m.group() == "(" else None
    phrase = text[start:end].rstrip()
    of = _NAME_OF.search(phrase)
    if of:  # "Patrick Murray of Catholic University": the person, of somewhere
        phrase = phrase[: of.start() + of.group().index(" ")]
        party = None
    words = phrase.split()
    if not 1 <= len(words) <= 12 or any(w.lower() in _NOT_IN_SUBJECT for w in words):
        return None
    if len(words) > 1 and words[0] in _SUBJECT_PRONOUNS:
        return None  # `“…,” says she warned …`: the subject of what was said, no speaker
    end = start + len(phrase)
    run = _NAME_RUN.search(phrase)
    the = words[0].lower() == "the"
    if run and (run.start() > 0 or words[0] not in CAP_STOP):
        title = phrase[: run.start()].strip()
        if the:
            title = title[3:].strip()
        return {
            "kind": "named",
            "text": phrase,
            "start": start,
            "end": party.end() if party else end,
            "the": False,
            "title": title,
            "named": run.group(),
            "app": "",
        }
    return _speaker_words("group", phrase, start, end, the=the)


def _continued_quotes(scan: _Scan, pending: list[tuple[int, int]], found: list[dict]) -> None:
    """A quote with no speaker of its own that opens its paragraph or sentence goes on
    with the speaker quoted last before it, if that was at most two paragraphs back."""
    if not pending:
        return
    text = scan.text
    by_pos = sorted(found, key=_BY_CUE_START)
    positions = [a["cue_start"] for a in by_pos]
    ends = sorted((a["content_start"], a["content_end"]) for a in found)
    mid: list = []
    for qs, qe in pending:
        inner = quote_inner(text, qs, qe)
        words = text[inner[0] : inner[1]].split()
        if len(words) < 3 or _capitalised(words) * 2 > len(words):
            continue  # a word or two, a title or a heading
        i = bisect_left(ends, (qs, qs))
        if i and ends[i - 1][1] > qs:
            continue  # inside what someone was reported to say
        s_start = scan.spans[scan.sentence(qs)][0]
        lead = text[s_start:qs].rstrip()
        if lead and lead[-1] not in ".!?":  # (the sentences may not split before a quote)
            # Within a sentence: words quoted from the sentence's subject ("Christie called
            # Obama a "petulant child who acts as a king""), unless they are a title.
            spk = _sentence_subject(scan, s_start, qs, found)
            if spk is not None and len(words) >= 4 and _plausible_subject(spk):
                mid.append((spk, qs, qe, inner))
            continue
        k = bisect_left(positions, qs) - 1
        if k < 0 or by_pos[k]["speaker_raw"] is None:
            continue
        prev = by_pos[k]
        if (
            text.count("\n\n", prev["content_end"], qs)
            + (text.count("\n", prev["content_end"], qs) > 0)
            > 2
        ):
            continue
        found.append(
            {
                "speaker_raw": prev["speaker_raw"],
                "follows": prev,
                "cue": text[qs : inner[0]],
                "loaded": False,
                "cue_start": qs,
                "cue_end": inner[0],
                "start": qs,
                "end": qe,
                "content_start": inner[0],
                "content_end": inner[1],
                "direct": True,
            }
        )
    for spk, qs, qe, inner in mid:
        found.append(
            {
                "speaker_raw": _without_adjunct(spk),
                "cue": text[qs : inner[0]],
                "loaded": False,
                "cue_start": qs,
                "cue_end": inner[0],
                "start": qs,
                "end": qe,
                "content_start": inner[0],
                "content_end": inner[1],
                "direct": True,
            }
        )


@cython.cfunc
@cython.locals(text=str)
def _speaker_window(text: str, lo: int, end: int) -> int:
    """Where a speaker before a cue can start: neither a speaker nor its apposition holds a
    comma, so at most three commas back (", Name, apposition, said"); searching less text
    keeps the scorer fast."""
    for _ in range(3):
        k = text.rfind(",", lo, end)
        if k < 0:
            return max(lo, end - 240)
        end = k
    return max(end + 1, lo, end - 240)


@cython.cfunc
@cython.locals(text=str)
def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIMMED:
        start += 1
    while end > start and text[end - 1] in _TRIMMED:
        end -= 1
    return start, end


_TRIMMED = frozenset(" ,;:\n\u00a0\u202f")  # and the no-break spaces of French quotes


# --- Other languages ----------------------------------------------------------------
#
# Russian, Spanish, French and German: quotes in «», „“, ‹› or "", a reporting verb and a
# capitalised name on either side of them; reported speech "X said that …" (что, que,
# dass); "according to X" (по словам, según, selon, laut); and Russian direct speech
# opened by a dash ("— Мы остаёмся, — сказал Лавров."). Chosen by the language parameter.

_UP = "A-ZА-ЯЁÀ-ÖØ-ÞĀ-Ž"
_FOREIGN_NAME = (
    rf"[{_UP}][\w’'\-]+(?:\s+(?:de|del|la|von|van|le|du|dos)?\s*[{_UP}][\w’'\-]+){{0,3}}"
)


class _Language:
    def __init__(self, code: str, verbs: str, according: str, that: str) -> None:
        self.code = code
        verb = "|".join(sorted(map(re.escape, verbs.split("|")), key=len, reverse=True))
        self.verb = verb
        name = rf"(?P<spk>{_FOREIGN_NAME})"
        self.tail = re.compile(rf"\s*[,.]?\s*(?:[—–-]\s*)?(?P<cue>{verb})(?!\w)\s+{name}")
        # After a quote, the verb and a pronoun ("sagte er", "— сказал он"), or the verb
        # alone where the language drops the subject ("dijo.", "a-t-il déclaré."): the
        # speaker is the person quoted before (version 28). English pronoun of each.
        said = "|".join(sorted(map(re.escape, THIRD_PERSON[code]), key=len, reverse=True))
        subject = [rf"\s+(?P<pron>{said})(?!\w)"]
        if code in SUBJECT_LEFT_OUT:
            subject.append(r"(?=\s*[.;!?\n]|\s*\Z)")
        self.tail_pronoun = re.compile(
            rf"\s*[,.]?\s*(?:[—–-]\s*)?(?P<cue>{verb})(?!\w)(?:{'|'.join(subject)})"
        )
        self.tail_before = re.compile(rf"\s*[,.]?\s*(?:[—–-]\s*)?{name}\s+(?P<cue>{verb})(?!\w)")
        self.head = re.compile(rf"{name}\s+(?P<cue>{verb})(?!\w)\s*:?\s*\Z")
        self.reported = re.compile(rf"{name}\s+(?P<cue>{verb})(?!\w),?\s+(?:{that})\s+")
        self.according = re.compile(rf"(?P<cue>{according})\s+{name}")
        self.dash = re.compile(
            rf"^[ \t]*[—–]\s*(?P<content>[^\n]+?),?\s+[—–]\s*(?P<cue>{verb})(?!\w)\s+{name}", re.M
        )


_FOREIGN = {
    "ru": _Language(
        "ru",
        "сказал|сказала|сказали|заявил|заявила|заявили|отметил|отметила|отметили|добавил|"
        "добавила|добавили|подчеркнул|подчеркнула|сообщил|сообщила|сообщили|пояснил|"
        "пояснила|говорит|говорят|считает|заявляет|утверждает|написал|написала|"
        # version 28: the neuter, for an institution ("Правительство заявило")
        "заявило|сообщило|отметило|подчеркнуло|добавило|пояснило",
        "[Пп]о словам|[Пп]о данным|[Сс]огласно|[Кк]ак сообщил[аи]?",
        "что",
    ),
    "es": _Language(
        "es",
        "dijo|dijeron|afirmó|afirmaron|declaró|declararon|señaló|señalaron|añadió|"
        "añadieron|explicó|aseguró|aseguraron|indicó|indicaron|advirtió|sostuvo|dice|afirma|"
        "asegura|escribió",
        "[Ss]egún",
        "que",
    ),
    "fr": _Language(
        "fr",
        "a déclaré|a dit|a affirmé|a ajouté|a expliqué|a souligné|a indiqué|a assuré|"
        "a estimé|a écrit|déclare|dit|affirme|ajoute|explique|souligne|estime|assure|"
        "a-t-il déclaré|a-t-elle déclaré|a-t-il dit|a-t-elle dit|a-t-il ajouté|"
        "a-t-elle ajouté",
        "[Ss]elon|[Dd]['’]après",
        "que|qu['’]",
    ),
    "de": _Language(
        "de",
        "sagte|sagten|erklärte|erklärten|betonte|betonten|fügte hinzu|sagt|erklärt|betont|"
        "teilte mit|meinte|schrieb|warnte|so|"
        # version 28: verbs of saying that German reports use as often (chosen before the
        # Redewiedergabe measurement, not from its misses)
        "meinten|schrieben|warnten|fragte|fragten|antwortete|antworteten|erwiderte|"
        "entgegnete|rief|riefen|bemerkte|versicherte|versicherten|behauptete|behaupteten|"
        "berichtete|berichteten|kritisierte|kritisierten|forderte|forderten|bestätigte|"
        "bestätigten|erläuterte|unterstrich|ergänzte|mahnte|argumentierte",
        "[Ll]aut|[Nn]ach Angaben",
        "dass|daß",
    ),
}
FOREIGN_LANGUAGES = tuple(_FOREIGN)


@cython.cfunc
def _pronoun_raw(m: re.Match, lang: _Language) -> dict:
    """The speaker of a quote followed by its verb and a pronoun, or by the verb alone: a
    pronoun ("pron", in English: "he", "she", "they"; "" for a subject left out), which
    the resolver takes for the person quoted before (version 28)."""
    if "pron" in m.re.groupindex and m.group("pron"):
        start, end = m.span("pron")
        pronoun = third_person(m.group("pron"), lang.code, m.group("cue")) or ""
    else:
        start = end = m.end("cue")
        pronoun = ""
    return _foreign_pronoun(pronoun, start, end)


@cython.cfunc
def _foreign_pronoun(pronoun: str, start: int, end: int) -> dict:
    # "foreign": English's search for a person named before is not for it.
    return {**_speaker_words("pron", pronoun, start, end), "foreign": True}


@cython.cfunc
def _named_raw(text: str, m: re.Match, language: str) -> dict:
    """The speaker a rule of another language found: its capitalised words, of which
    (version 28) only those that name someone are the name (analysis.scoring.names: in
    German every noun is capitalised, in Russian a sentence's first word). Words before
    the name are its role ("Der SPD-Vorsitzende Lars Klingbeil", "Министр Лавров"); words
    naming nobody ("Experten", "Der Sprecher", "Эксперты") are a speaker described, not
    named."""
    start, end = m.span("spk")
    raw = _speaker_words("named", m.group("spk"), start, end, named=m.group("spk"))
    words = speaker_words(m.group("spk"))
    spoken = tuple(w.group() for w in words)
    pronoun = third_person(spoken[0], language, m.group("cue")) if len(spoken) == 1 else None
    if pronoun is not None:
        # "Er sagte, dass …", "Il ajoute que …": the person quoted before (version 28).
        return _foreign_pronoun(pronoun, start, end)
    names = name_words(
        spoken, language, sentence_start=_opens_sentence(text, start), verb=m.group("cue")
    )
    if not any(names):
        return {**raw, "kind": "described", "institution": is_institution(spoken, language)}
    # The name runs from its first word to the verb: a role comes before a name, and a
    # surname the tagger does not know may follow the first name it does ("Lars Klingbeil").
    first = names.index(True)
    spk = m.group("spk")
    raw["named"] = spk[words[first].start() : words[-1].end()]
    raw["title"] = spk[: words[first].start()].strip()
    return raw


@cython.cfunc
@cython.locals(text=str, start=cython.Py_ssize_t)
def _opens_sentence(text: str, start: int) -> bool:
    """Whether the words at start open a sentence (after its end, a line's start, or a
    quote or dash opening one)."""
    before = text[:start].rstrip(' \t\u00a0«»"„“”‹›—–-')
    return not before or before[-1] in ".!?:\n"


def _foreign_candidates(text: str, lang: _Language, quotes: list[tuple[int, int]]) -> list[dict]:
    found: list[dict] = []

    def add(m: re.Match, start: int, end: int, c_start: int, c_end: int, direct: bool) -> None:
        c_start, c_end = _trim(text, c_start, c_end)
        if c_start < c_end:
            found.append(
                {
                    "speaker_raw": (
                        _pronoun_raw(m, lang)
                        if m.re is lang.tail_pronoun
                        else _named_raw(text, m, lang.code)
                    ),
                    "cue": m.group("cue"),
                    "loaded": False,
                    "cue_start": m.start("cue"),
                    "cue_end": m.end("cue"),
                    "start": start,
                    "end": end,
                    "content_start": c_start,
                    "content_end": c_end,
                    "direct": direct,
                }
            )

    covered = []
    for qs, qe in quotes:
        inner = quote_inner(text, qs, qe)
        line_start = text.rfind("\n", 0, qs) + 1
        m = (
            lang.tail.match(text, qe)
            or lang.tail_before.match(text, qe)
            or lang.tail_pronoun.match(text, qe)
        )
        if m is None:
            head = text[max(line_start, qs - 120) : qs]
            hm = lang.head.search(head)
            if hm:  # rebase the match on the text
                m = lang.head.search(text, qs - len(head) + hm.start(), qs)
        if m:
            add(m, qs, qe, *inner, True)
            covered.append((qs, qe))
    for m in lang.dash.finditer(text):
        add(m, m.start("content"), m.end(), m.start("content"), m.end("content"), True)
        covered.append((m.start(), m.end()))

    def free(pos: int) -> bool:
        return not any(s <= pos < e for s, e in covered)

    for m in lang.reported.finditer(text):
        if free(m.start("cue")):
            end = text.find("\n", m.end())
            stop = re.search(r"[.!?](?=\s|\Z)", text[m.end() : end if end >= 0 else len(text)])
            c_end = m.end() + stop.end() if stop else (end if end >= 0 else len(text))
            add(m, m.start(), c_end, m.end(), c_end, False)
    for m in lang.according.finditer(text):
        if free(m.start("cue")):
            end = text.find("\n", m.end())
            stop = re.search(r"[.!?](?=\s|\Z)", text[m.end() : end if end >= 0 else len(text)])
            c_end = m.end() + stop.end() if stop else (end if end >= 0 else len(text))
            add(m, m.start(), c_end, m.end(), c_end, False)
    found.sort(key=_BY_CUE_START)
    return found


# --- Resolution -----------------------------------------------------------------------


@cython.cfunc
def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w not in ("The",))


class _Resolver:
    def __init__(self, text: str = "") -> None:
        self.text = text
        self.sources: dict[str, dict] = {}
        self.people: list[str] = []  # person names in order of mention
        self.orgs: list[str] = []
        self.unnamed: list[str] = []  # anonymous sources, in order of mention
        self.renamed: dict[str, str] = {}  # bare surname -> full name given later
        self.sexes: dict[str, str] = {}  # person -> "female", "male" or "" (_sex)
        # surname -> the sex its honorifics tell ("Ms. Lowe"), read once when needed
        self.honorifics: dict[str, str] | None = None


# The resolver's steps, functions of it (@cython.cfunc, called in C) rather than methods.


@cython.cfunc
def _touch(resolver: _Resolver, name: str, kind: str, role: str) -> str:
    src = resolver.sources.get(name)
    if src is None:
        src = resolver.sources[name] = {"name": name, "type": kind, "role": role, "count": 0}
    elif role and not src["role"]:
        src["role"] = role
    src["count"] += 1
    # The list a source joins is its type's, which its first mention set: a name typed as
    # an organisation never joins the people that a role or a pronoun refers to.
    kind = src["type"]
    history = (
        resolver.people
        if kind == "named_person"
        else resolver.unnamed
        if kind in ("anonymous", "group")
        else resolver.orgs
    )
    if kind in ("named_person", "named_org", "anonymous", "group"):
        if name in history:
            history.remove(name)
        history.append(name)
    return name


@cython.cfunc
def _source(resolver: _Resolver, name: str, kind: str, role: str) -> tuple[str, str, str]:
    """A mention of the source called name, of that kind and role if it is new: the
    name, and the source's type and role as stored. Every speaker is resolved through
    here, so that an attribution's type is always its source's, which the source's first
    mention set ("Ann Lowe" typed as a person once and as a body later is the one source,
    of one type). Nobody named is an anonymous source proper or a generic group, and a
    party's members are a group (_nobody_named_kind, _party_members: version 24)."""
    if name not in resolver.sources:  # else its first mention's type stands (_touch)
        if kind == "anonymous":
            kind = _nobody_kind(name)
        elif kind in ("named_org", "named_person") and _party_members(name):
            kind = "group"
    _touch(resolver, name, kind, role)
    src = resolver.sources[name]
    return name, src["type"], src["role"]


# Role nouns whose holder speaks for someone else ("the spokesman", "the adviser"): never
# the person named before, whose role they do not name.
_FOR_OTHERS = _words(
    "spokesman spokeswoman spokesperson adviser advisor lawyer attorney aide representative"
)
# Words that before a role noun make it another office ("vice president", "deputy head").
_RANKS = _words("vice deputy assistant associate acting under lieutenant")
_ROLE_WORD = re.compile(rf"(?<!{_W}){_W}+")
_NEAR = 300  # characters: how far back a person's name counts as just named
# Titles as news writing abbreviates them ("Vermont Sen."), for a role noun.
_ABBREVIATED = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general"}
_POSSESSIVE_AFTER = ("'s", "’s", "' ", "’ ")
# Words of a role that name an office: a person who holds one is not "the senator" unless
# it is that office.
_OFFICES = (ROLE_NOUNS | {w.lower() for w in _TITLES} | set(_ABBREVIATED.values())) - {
    "head",
    "leader",
    "chief",
}


@cython.cfunc
def _fits(role: str, name: str, nouns: set[str], rank: str, places: list[str]) -> int:
    """1 if a role ("Florida Sen.", "the senator from Vermont") holds one of the nouns as a
    whole word, with the same rank word before it as the mention ("vice president" is not
    "the president"), and the mention's capitalised words ("the Florida senator") stand in
    the role or the name; -1 if it names another office; 0 if it names none, or this one
    without saying where ("Sen." for "the Vermont senator")."""
    words = [_ABBREVIATED.get(w, w) for w in _ROLE_WORD.findall(role.lower())]
    other = 0
    for i, word in enumerate(words):
        if word in nouns or (i and f"{words[i - 1]} {word}" in nouns):
            before = words[i - 1] if i else ""
            if (before if before in _RANKS else "") != rank:
                other = -1
            elif all(p in role or p in name for p in places):
                return 1
            # "Sen." for "the Vermont senator": the office, but not said where
        elif word in _OFFICES:
            other = -1
    return other


@cython.cfunc
@cython.locals(text=str)
def _by_role(resolver: _Resolver, mention: str, start: int) -> str | None:
    """Whom "the senator", "the Florida senator" refers to. First the people quoted
    before whose names (not as a possessive) stand within _NEAR characters before the
    mention, the nearest first: one whose role holds the noun (a whole word), or names no
    office (but the holder of an office that speaks for another, "the spokesman", is
    never someone named without it); then the last person quoted whose role holds the
    noun. "the official" is the last anonymous source that was an official."""
    words = mention.split()
    noun = words[-1].lower()
    if noun == "official":
        for name in reversed(resolver.unnamed):
            if "official" in name.split() or "officials" in name.split():
                return name
        return None
    nouns = role_synonyms(noun)
    rank = words[-2].lower() if len(words) > 2 and words[-2].lower() in _RANKS else ""
    places = [w for w in words[1:-1] if w[:1].isupper()]
    text = resolver.text
    lo = max(0, start - _NEAR)
    near = []
    for name in resolver.people:
        last = name.split()[-1]
        i = text.rfind(last, lo, start)
        while i >= 0 and (
            text[i - 1 : i].isalnum()
            or text[i + len(last) : i + len(last) + 1].isalnum()  # inside another word
            or text.startswith(_POSSESSIVE_AFTER, i + len(last))
        ):
            i = text.rfind(last, lo, i)  # "agrees with Ginsburg's remarks": not the subject
        if i >= 0:
            near.append((i, name))
    near.sort(reverse=True)
    neutral_ok = noun not in _FOR_OTHERS and not rank
    for _, name in near:
        fit = _fits(resolver.sources[name]["role"], name, nouns, rank, places)
        if fit == 1 or (fit == 0 and neutral_ok):
            return name
    for name in reversed(resolver.people):
        if _fits(resolver.sources[name]["role"], name, nouns, rank, places) == 1:
            return name
    return None


# Words that, before a name, make it no person's name of its own ("a report by Ann Lowe",
# "Jo Hart and Ann Lowe", "officials at the Lowe Institute").
_NOT_DESCRIBING = _words(
    "the a an of in on at by from with for to and or nor but as than like about after before "
    "into over under via per between among including against near said says told whose"
)


# Verbs in the past tense not in -ed that follow a name before a cue ("Ann Lowe began
# tweeting", "Ann Lowe took to Twitter, writing"; version 22).
_IRREGULAR_PAST = _words(
    "began kept took went came made gave sent spoke stood got won lost held led ran sought "
    "left met set felt found brought thought wrote told said"
)


@cython.cfunc
def _leading_name_words(words: list[str]) -> int:
    """How many capitalised words (two or more) open the words when a word that is an
    adjunct or a verb follows them: "on" or "in", an adverb in -ly, a verb in -ed ("Ann
    Lowe issued a statement") or another past ("Ann Lowe began"); 0 otherwise."""
    if words[0] in CAP_STOP or words[0].lower() in _DETERMINERS:
        return 0
    i = 0
    while i < len(words) and words[i][:1].isupper():
        i += 1
    if i < 2 or i == len(words):
        return 0
    after = words[i]
    if (
        after in ("on", "in")
        or (after[:1].islower() and after.endswith(("ly", "ed")))
        or after in _IRREGULAR_PAST
    ):
        return i
    return 0


@cython.cfunc
def _described_name(words: list[str]) -> int:
    """Where a person's full name starts after the words in lower case that describe them
    (a role: "Democratic pollster Ann Lowe"), 0 if the words end with none: two
    capitalised words or more at the end, after a word in lower case that is neither an
    article, a preposition nor a conjunction, with no word of a body's name, a place's
    or a group's among them."""
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper():
        i -= 1
    if i == 0 or len(words) - i < 2:
        return 0
    before = words[i - 1]
    if not before[:1].islower() or before in _NOT_DESCRIBING or before in BODY_NOUNS:
        return 0  # (the activist group Lowe Watch: a body)
    if words[0].lower() in _INDEFINITE:
        return 0  # "another New Hampshire Republican": one of many, not a name
    bare = [w.rstrip(".,") for w in words[i:]]
    if (
        bare[0] in CAP_STOP
        or not _ORG_WORDS.isdisjoint(bare)
        or _all_known_orgs(bare)
        or _leading_name(bare) in ORGANISATION_NAMES
        or bare[-1] in PLACE_SUFFIXES
        or bare[-1] in _GOVERNED
        or bare[-1].lower() in _GROUP_NOUNS
        or _is_people(bare[-1])
        or any(b.endswith(_POSSESSIVES) for b in bare)
    ):
        return 0
    return i


@cython.cfunc
def _resolve(resolver: _Resolver, raw: dict | None) -> tuple[str | None, str, str]:
    if raw is None:
        return None, "anonymous", ""
    kind = raw["kind"]
    if kind == "pron":
        p = raw["text"].lower()
        # "" is another language's subject left out ("dijo."): anyone quoted before.
        person = _last_person(resolver, p) if p in ("he", "she", "") else None
        if person is not None:
            return _found(resolver, person)
        if p in ("he", "she") and raw.get("named_before"):
            # Nobody quoted yet (or only people quoted together): the person named last
            # before the pronoun.
            return _named(
                resolver,
                {
                    **raw,
                    "kind": "named",
                    "named": raw["named_before"],
                    "the": False,
                    "title": "",
                    "app": "",
                },
            )
        if p in ("it", "they") and resolver.orgs:
            return _found(resolver, resolver.orgs[-1])
        return None, "unresolved", ""
    if kind == "group":
        words = raw["text"].split()
        if len(words) == 1 and words[0].lower() in ("he", "she", "it", "they"):
            return _resolve(resolver, {**raw, "kind": "pron"})  # "She has since said …"
        if len(words) == 1 and (words[0].lower() in _DETERMINERS or words[0] in CAP_STOP):
            return None, "unresolved", ""  # "the", "Why" alone name nobody
        if words[0].lower() in _DETERMINERS:
            words[0] = words[0].lower()
        if len(words) == 2 and words[0] == "the":
            noun = words[1].capitalize()
            for org in reversed(resolver.orgs):  # "the commission": the Election Commission
                if noun in org.split():
                    return _found(resolver, org)
        lead = _leading_name_words(words)
        if lead:
            # "Ann Lowe on Fox News", "Ann Lowe passionately rebuked critics by": the name
            # that opens the words, before an adjunct or a verb of its own.
            named = {**raw, "kind": "named", "the": False, "app": "", "title": ""}
            named["named"] = " ".join(words[:lead])
            return _named(resolver, named)
        cut = _described_name(words)
        if cut:
            # "Democratic pollster Ann Lowe", "the Post's politics editor Ann Lowe": a
            # person's name after the words that describe them, which are their role.
            described = {**raw, "kind": "named", "the": False, "app": ""}
            described.update(named=" ".join(words[cut:]), title=" ".join(words[:cut]))
            return _named(resolver, described)
        name = " ".join(words)
        return _source(resolver, name, _speaker_kind(words), "")
    if kind == "described":  # another language's speaker that names nobody (version 28)
        typed = "named_org" if raw.get("institution") else "unresolved"
        return _source(resolver, " ".join(raw["text"].split()), typed, "")
    if kind == "anon":
        name = " ".join(raw["text"].split())
        first, _, rest = name.partition(" ")
        if first.lower() in (
            "the",
            "some",
            "a",
            "an",
            "one",
            "another",
            "experts",
            "officials",
            "sources",
            "analysts",
            "many",
            "several",
            "reports",
        ):
            name = " ".join(filter(None, [first.lower(), rest]))
        role = _role(raw["app"])
        return _source(resolver, name, _speaker_kind(name.split()), role)
    if kind == "role":
        name = _by_role(resolver, raw.get("noun") or raw["text"], raw["start"])
        if name:
            return _found(resolver, name)
        # "the president", and no president quoted before: a person the words do not name
        # (unresolved, the words kept as the speaker); "the spokesman", an unnamed source.
        words = raw["text"].split()
        kind = "unresolved" if _describes_one_person(words, _head_noun(words)) else "anonymous"
        return _source(resolver, raw["text"], kind, " ".join(words[1:]))
    return _named(resolver, raw)


@cython.cfunc
def _several(person: str) -> bool:
    """Whether a person's name names several people ("Ann Lowe and Bo Hale")."""
    words = person.split()
    return "and" in words or "&" in words


@cython.cfunc
def _last_person(resolver: _Resolver, pronoun: str = "") -> str | None:
    """The person quoted last who is one person: whom "he" or "she" refers to (never
    "Ann Lowe and Bo Hale", quoted together), and not one known to be of the other sex
    than the pronoun's (_sex: "Tom Hale … She said" is not Tom Hale's)."""
    for person in reversed(resolver.people):
        if not _several(person) and _may_be(resolver, person, pronoun):
            return person
    return None


# The sex a pronoun or an honorific tells.
_PRONOUN_SEXES = {"he": "male", "she": "female"}
_HONORIFIC_SEXES = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}
# An honorific and the name after it, to its last capitalised word ("Mr. Tom Hale": Hale).
# The pattern opens with its literal "M" so that the engine looks for it alone, not for a
# word boundary at every character (26 times slower on a news article); that no letter
# comes before the "M" is checked where it matched.
_HONORIFIC_NAME = re.compile(r"M(r|rs|s|iss)\.?\s+(?:[A-Z][\w’'\-]*\.?\s+)*([A-Z][\w’'\-]+)")


@cython.cfunc
def _may_be(resolver: _Resolver, person: str, pronoun: str) -> bool:
    """Whether "he" or "she" (pronoun, in lower case) may refer to person: unless the
    person is known to be of the other sex (any person for any other pronoun)."""
    wanted = _PRONOUN_SEXES.get(pronoun, "")
    if not wanted:
        return True
    sex = _sex(resolver, person)
    return not sex or sex == wanted


@cython.cfunc
def _sex(resolver: _Resolver, person: str) -> str:
    """A person's sex as the text tells it, "" if it does not: a common given name
    (text.given_name_sex: "Ann Lowe"), else an honorific before the surname somewhere in
    the text ("Ms. Lowe", "Mr. Hale"); "" where two honorifics disagree (two people of
    one surname)."""
    sex = resolver.sexes.get(person)
    if sex is not None:
        return sex
    words = person.split()
    sex = ""
    # Past a title ("Sen. Ann Lowe"); never the last word, a surname ("Hassan" alone may
    # be a woman's surname).
    for word in words[:-1]:
        sex = given_name_sex(word)
        if sex:
            break
    if not sex and words:
        if resolver.honorifics is None:
            found: dict[str, str] = {}
            text = resolver.text
            for m in _HONORIFIC_NAME.finditer(text):
                at = m.start()
                if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
                    continue  # "UMrs", "HMS": no honorific
                told = _HONORIFIC_SEXES["M" + m.group(1)]
                found[m.group(2)] = told if found.get(m.group(2), told) == told else ""
            resolver.honorifics = found
        sex = resolver.honorifics.get(words[-1].rstrip("."), "")
    resolver.sexes[person] = sex
    return sex


@cython.cfunc
def _found(resolver: _Resolver, name: str) -> tuple[str, str, str]:
    return _source(resolver, name, resolver.sources[name]["type"], "")


_POSSESSIVES = ("'s", "’s", "s'", "s’")
_INITIAL = re.compile(r"[A-Z]")  # of a bare word, its point taken off: "T" of "Peter T. King"
# Capitalised words that qualify a title rather than name its holder ("Prime Minister",
# "Crown Prince", "Press Secretary"), beside the offices' fields ("Foreign Minister").
_TITLE_QUALIFIERS = _words(
    "Prime Crown Press Former Senior Chief Supreme Grand Lord Acting Assistant Associate "
    "Vice Deputy Under Executive Managing Regional District County City Federal National "
    "Special Presidential Royal Papal Majority Minority Party Opposition Interim Caretaker"
)


@cython.cfunc
def _given_name(word: str) -> bool:
    """Whether a capitalised word before a title word can be a given name ("Charlie" of
    "Charlie King"): not a title, an office's field, a title's qualifier or an
    organisation's word ("Foreign Minister", "Crown Prince", "Army General")."""
    return (
        len(word) > 1
        and word[0].isupper()
        and word[1:].islower()
        and word not in _TITLES
        and word not in OFFICE_FIELDS
        and word not in _TITLE_QUALIFIERS
        and word not in _ORG_WORDS
        and word not in KNOWN_ORGS
        and word not in CAP_STOP
        and word not in COMPASS_WORDS
    )


@cython.cfunc
def _title_end(bare: list[str], titles: list[int]) -> int:
    """Where the title of a name ends: after its last title word, and after the office's
    field that "of" adds to it ("Secretary of State", "Secretary of the Navy")."""
    cut = titles[-1] + 1
    if cut < len(bare) and bare[cut] == "of":
        first = cut + 2 if cut + 1 < len(bare) and bare[cut + 1] == "the" else cut + 1
        end = first
        while end < len(bare) and (
            bare[end] in OFFICE_FIELDS or (bare[end] == "and" and end > first)
        ):
            end += 1
        while end > first and bare[end - 1] == "and":
            end -= 1
        if end > first:
            cut = end
    return cut


@cython.cfunc
def _is_people(word: str) -> bool:
    """Whether a capitalised word is a people's plural ("Ethiopians", "Americans", not
    "Evans" or "Caltrans")."""
    return (
        len(word) >= 6
        and word.endswith(("ians", "eans", "oans", "cans"))
        and word[0].isupper()
        and word[1:].islower()
        and word not in KNOWN_ORGS
    )


_AGENTS_PLURAL = ("ers", "ents", "ants", "ists")
_AFTER_SENTENCE_END = frozenset(".:;!?\"“”'‘’—(\n")


@cython.cfunc
@cython.locals(text=str, word=str)
def _agents_plural(text: str, word: str) -> bool:
    """Whether a capitalised word is a plural noun for people that does things
    ("Mourners", "Respondents", "Protesters"; version 22), not a surname ("Sanders",
    "Rogers"): a plural in -ers, -ents, -ants or -ists, which the text writes only at the
    head of a sentence or a headline, never after another word ("Bernie Sanders", "said
    Rogers")."""
    if len(word) < 7 or not word.endswith(_AGENTS_PLURAL) or not word[1:].islower():
        return False
    if word in KNOWN_ORGS:
        return False
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        before = text[: m.start()].rstrip(" \t")
        if before and before[-1] not in _AFTER_SENTENCE_END:
            return False
    return True


@cython.cfunc
def _named(resolver: _Resolver, raw: dict) -> tuple[str | None, str, str]:
    tokens = raw["named"].split()
    while tokens and (tokens[0].rstrip(".") in CAP_STOP or tokens[0] == "Now"):
        tokens.pop(0)  # ("Now Ann Lowe says": the adverb opens the clause, not the name)
    # "NBC's Chuck Todd", "Reuters' Luciana Lopez": the name after the last possessive is
    # the speaker's; the one before it says where they work (their affiliation, in the role).
    # Not where the words after it are a body's name ("the County Sheriff's Department",
    # "Podesta Group's CEO"), which the possessive belongs to.
    affiliation = ""
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].endswith(_POSSESSIVES) and tokens[i + 1][:1].isupper():
            rest = [t.rstrip(".") for t in tokens[i + 1 :]]
            if not _ORG_WORDS.isdisjoint(rest) or (len(rest) == 1 and _ACRONYM.fullmatch(rest[0])):
                break
            owner = tokens[: i + 1]
            if "and" in owner:
                owner = owner[len(owner) - owner[::-1].index("and") :]
            owner[-1] = owner[-1][:-2] if owner[-1].endswith(("'s", "’s")) else owner[-1][:-1]
            affiliation = "" if owner == [owner[-1]] and owner[-1] in CAP_STOP else " ".join(owner)
            tokens = tokens[i + 1 :]
            break
    the = raw["the"] and not affiliation  # "the Post's Chris Cillizza": the Post's "the"
    last = tokens[-1] if tokens else ""
    if (
        last.endswith(".")
        and len(last) > 2
        and "." not in last[:-1]
        and last[:-1] not in HONORIFICS
    ):
        tokens[-1] = last[:-1]
    if (
        not tokens
        or tokens[-1].endswith(("'s", "’s"))
        or tokens[0] in ("and", "of")
        or (len(tokens) == 1 and tokens[0].lower() in _DETERMINERS)
    ):
        return None, "unresolved", ""  # "His spokesman said": not a name
    name = " ".join(tokens)
    role = " ".join(filter(None, [raw["title"], affiliation, _role(raw["app"])]))
    bare = [t.rstrip(".") for t in tokens]
    if len(bare) == 1 and bare[0].lower() in _UNNAMED_GROUPS:
        # "Lawyers say …", "Several said …" opening a sentence: a group nobody named.
        return _source(resolver, name, "anonymous", role)
    if len(bare) > 1 and bare[-1].lower() in _GROUP_NOUNS and name.isupper():
        # "EBOLA SURVIVORS said": in capitals a plural noun for people says nothing of a
        # name (as "Harbour Workers" does, below), and is read as in lower case: a group
        # nobody named.
        return _source(resolver, name, "anonymous", role)
    if len(bare) == 1 and _is_people(bare[0]):
        # "Ethiopians said", "Americans say": a nationality's plural, a group nobody named.
        return _source(resolver, name, "anonymous", role)
    if len(bare) == 1 and bare[0] in _FUNCTION_OPENERS:
        return None, "unresolved", ""  # "Whenever asked about it, …": no one's name
    if len(bare) == 1 and _agents_plural(resolver.text, bare[0]):
        # "Mourners say", "Respondents are obliged to disclose": a group nobody named.
        return _source(resolver, name, "anonymous", role)
    body = None if affiliation else raw.get("body")  # set by _attributions (_body_before)
    if body is not None:
        # "the rights group Civic Watch said": the name is a body's. "the government of
        # Nordvale said": the government speaks (not Nordvale, which may be a person's
        # name elsewhere: "the campaign of Ann Lee").
        name = f"{body} {name}" if body else name
        return _source(resolver, name, "named_org", role)
    if "and" in bare and _joined_names(bare):
        # Names joined by "and" speak together, typed by all of them (version 18), not by
        # the first or the last alone: people if one of them is known to be a person's
        # ("Goldman Sachs and Donald Trump said": people quoted together, whom "he" and
        # "she" never refer to, _several), bodies if one is a lone word known as no one's
        # ("Lumeria and Vostra Aero said"; _joined_kind). Either way one named source, as
        # the pages count named people and organisations alike.
        joined = _joined_kind(resolver, bare)
        people, bodies = joined == "named_person", joined == "named_org"
    else:
        people = bodies = False
    # A title word after an initial is a surname ("Peter T. King of New York").
    titles = [
        i
        for i, t in enumerate(bare)
        if t in HONORIFICS or t in _TITLES and not (i and _INITIAL.fullmatch(bare[i - 1]))
    ]
    if all(t in HONORIFICS for t in bare):
        return None, "unresolved", ""  # "Mr." alone: the name is cut off
    if (
        titles
        and titles[-1] == len(bare) - 1
        and bare[-1] in _TITLES
        and not the
        and (
            len(bare) == 1
            or bare[-2] in HONORIFICS
            or _INITIAL.fullmatch(bare[-2])
            or (len(bare) == 2 and _given_name(bare[0]))
        )
    ):
        # "King said", "Mr. King said", "Peter T. King said", "Charlie King said": a title
        # word after nothing, an honorific, an initial or a given name is a surname.
        titles.pop()
    is_acronym = len(tokens) == 1 and _ACRONYM.fullmatch(tokens[0])
    if (
        the
        or bodies
        or is_acronym
        # "S.&P. Global", "AT&T Mobility", "Procter & Gamble": an ampersand joins the
        # initials or the names of a body (text.ampersand_body, as for actors).
        or ampersand_body(tokens)
        or not _ORG_WORDS.isdisjoint(bare)
        or (len(tokens) == 1 and bare[0] in KNOWN_ORGS)
        or _leading_name(bare) in ORGANISATION_NAMES  # "White House", "Human Rights Watch"
        or bare[-1] in _GOVERNED
        # "Harbour Workers said", "United Auto Workers said": a body of people (a union,
        # an association), not one person (but "Heiserman of the CORE Teachers" is one).
        or (len(bare) > 1 and bare[-1].lower() in GROUP_NOUNS and "of" not in bare)
        or _all_known_orgs(bare)  # "Uzbekistan and Turkmenistan said"
        # "North Korea said", "South Asia": a place (its government, if it speaks).
        or (len(bare) > 1 and bare[0] in COMPASS_WORDS and bare[-1] not in PLACE_SUFFIXES)
    ) and not (
        people
        or _titled_person(raw, bare, titles)
        # "Ann Bloomberg said": given names before a body's one-word name make it a
        # person's surname, as a title does ("Mayor Ann Bloomberg"); and that surname
        # alone, once the person was named, is the person ("Bloomberg said").
        or (
            not the
            and not titles
            and not raw["title"]
            and _person_with_body_surname(resolver, bare)
        )
    ):
        if is_acronym:
            for org in reversed(resolver.orgs):
                if _acronym(org) == name or f"({name})" in org:
                    return _found(resolver, org)
        if raw["title"] and raw["title"].istitle():
            # "General Motors said": a capitalised title word that opens a body's name is
            # the name's ("General"), not the role of someone called "Motors".
            name = f"{raw['title']} {name}"
            role = " ".join(filter(None, [affiliation, _role(raw["app"])]))
        return _source(resolver, name, "named_org", role)
    if bare[-1] in PLACE_SUFFIXES and not _place_word_surname(resolver.text, raw, bare, titles):
        # "A café owner on Quay Street said": the place is where the speaker is, not who.
        return None, "unresolved", ""
    # Split a leading title off the name: "Foreign Minister Sergei Lavrov", "Secretary of
    # State John Kerry".
    cut = _title_end(bare, titles) if titles else 0
    if titles and (cut == len(bare) or bare[cut] in ("of", "for", "at")):
        # Only titles ("the Foreign Minister", "the Secretary of State" without a name): a
        # role reference, by the title's last word ("the Secretary").
        noun = " ".join(["the", *tokens[: titles[-1] + 1]])
        return _resolve(resolver, {**raw, "kind": "role", "text": f"the {name}", "noun": noun})
    if people and titles and titles[-1] > 0:
        # "Sen. Orrin Vale and Rep. Cy Tan said": titled people joined by "and" speak
        # together, each name's title taken off its own part (version 21).
        joint = _joint_titled(tokens, bare)
        if joint is not None:
            name, title = joint
            role = " ".join(filter(None, [raw["title"], affiliation, title, _role(raw["app"])]))
            return _source(resolver, name, "named_person", role)
    if titles:
        title = " ".join(t for t in tokens[:cut] if t.rstrip(".") not in HONORIFICS)
        role = " ".join(filter(None, [raw["title"], affiliation, title, _role(raw["app"])]))
        tokens = tokens[cut:]
        name = " ".join(tokens)
    canonical = _alias(resolver, name, raw.get("start", 0))
    return _source(resolver, canonical, "named_person", role)


@cython.cfunc
def _joined_names(bare: list[str]) -> bool:
    """Whether words are two names or more joined by "and", each opening with a capital
    ("Ann Lowe and Tom Hale", "Lumeria and Vostra Aero"; not "Ann Lowe and her aide")."""
    first = True
    for word in bare:
        if word == "and":
            if first:
                return False
            first = True
        elif first:
            if not word[:1].isupper():
                return False
            first = False
    return not first


@cython.cfunc
def _joint_titled(tokens: list[str], bare: list[str]) -> tuple[str, str] | None:
    """People joined by "and" whose parts have titles of their own ("Sen. Orrin Vale and
    Rep. Cy Tan"): their names joined by "and", and their titles joined so ("Sen. and
    Rep."). None where a part is only a title or its title's field ("Secretary of State
    and Defense Secretary Ann Lowe"), or no title is after the first part's start: the
    title is then the whole name's, read as for one name."""
    names: list[str] = []
    titles: list[str] = []
    lo = 0
    late = False
    for hi in [*[i for i, w in enumerate(bare) if w == "and"], len(bare)]:
        part = bare[lo:hi]
        marks = [
            i
            for i, t in enumerate(part)
            if t in HONORIFICS or t in _TITLES and not (i and _INITIAL.fullmatch(part[i - 1]))
        ]
        if (
            marks
            and marks[-1] == len(part) - 1
            and part[-1] in _TITLES
            and (
                len(part) == 1
                or part[-2] in HONORIFICS
                or _INITIAL.fullmatch(part[-2])
                or (len(part) == 2 and _given_name(part[0]))
            )
        ):
            marks.pop()  # "Ann King": a title word after a given name is a surname
        cut = _title_end(part, marks) if marks else 0
        if marks and (cut == len(part) or part[cut] in ("of", "for", "at")):
            return None
        if marks and lo:
            late = True
        names.append(" ".join(tokens[lo + cut : hi]))
        title = " ".join(t for t in tokens[lo : lo + cut] if t.rstrip(".") not in HONORIFICS)
        if title:
            titles.append(title)
        lo = hi + 1
    if not late:
        return None
    return " and ".join(names), " and ".join(titles)


@cython.cfunc
def _joined_kind(resolver: _Resolver, bare: list[str]) -> str:
    """The type of names joined by "and", where they tell it: "named_person" where one of
    them is known to be a person's (a title, an honorific or a common given name before
    its last word: "Sen. Ann Lowe", "Donald Trump"; a surname alone that a person quoted
    before or named in full in the text bears: "Lowe and Hale"); else "named_org" where
    one is a lone word known as no one's ("Lumeria and Vostra Aero": a body beside
    another); else "" (the name's words decide, as for one name: "Hasan Sultonov and
    Russia" is a person's, "United States Citizenship and Immigration Services" a body's)."""
    part: list[str] = []
    lone_word = False
    for word in [*bare, "and"]:
        if word != "and":
            part.append(word)
            continue
        for w in part:
            if w in HONORIFICS or w in _TITLES:
                return "named_person"
        for w in part[:-1]:
            if is_given_name(w):
                return "named_person"
        if len(part) == 1:
            if _surname_of_a_person(resolver, part[0]):
                return "named_person"
            if part[0] not in KNOWN_ORGS:
                if len(bare) > 3 and _shares_surname(resolver.text, part[0], bare):
                    return "named_person"
                if _in_full_name(resolver.text, part[0]):
                    return "named_person"
                lone_word = True
        elif not _ORG_WORDS.isdisjoint(part) or part[-1] in KNOWN_ORGS:
            pass
        elif _surname_of_a_person(resolver, part[-1]):
            return "named_person"  # "Khizr and Ghazala Khan" where "Mrs. Khan" is written
        part = []
    return "named_org" if lone_word else ""


@cython.cfunc
@cython.locals(text=str)
def _shares_surname(text: str, word: str, bare: list[str]) -> bool:
    """Whether a lone word joined by "and" to a name of several words is written somewhere
    before that name's last word ("Khizr Khan" of "Khizr and Ghazala Khan"): a given name
    that shares the surname (version 21)."""
    if bare[-2] == "and" or not bare[-1][:1].isupper():
        return False
    at = text.find(f"{word} {bare[-1]}")
    while at >= 0:
        end = at + len(word) + 1 + len(bare[-1])
        if (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            return True
        at = text.find(f"{word} {bare[-1]}", end)
    return False


@cython.cfunc
@cython.locals(text=str, at=cython.Py_ssize_t, end=cython.Py_ssize_t)
def _in_full_name(text: str, word: str) -> bool:
    """Whether a lone capitalised word is written somewhere as the last of two words of a
    person's name (version 21): after a word that may be a given name (_given_name, not
    ending in "s": not "Visits" of a headline's "Leader Visits Brunei"), itself after a
    lowercase word, a comma, a possessive, a sentence's end or nothing ("the network's
    Dara Quill", "moderators Dara Quill and Wes Brandt"), and before no capitalised word
    ("Dara Quill Center"). "Brunei" and "Taiwan" are written so nowhere."""
    at = text.find(" " + word)
    while at > 0:
        end = at + 1 + len(word)
        nxt = text[end : end + 2]
        if not nxt[:1].isalnum() and not (nxt[:1] == " " and nxt[1:].isupper()):
            m = _GIVEN_BEFORE.search(text, max(0, at - 24), at)
            if m is not None and m["initial"] is None:
                given = m["given"]
                if _given_name(given) and not given.endswith("s"):
                    before = text[max(0, m.start() - 16) : m.start()]
                    last = before.split()[-1] if before.split() else ""
                    if (
                        not last
                        or "\n" in before[-2:]
                        or last[-1] in ",.:;"
                        or last.endswith(_POSSESSIVES)
                        or not last[:1].isupper()
                    ):
                        return True
        at = text.find(" " + word, end)
    return False


@cython.cfunc
@cython.locals(text=str, at=cython.Py_ssize_t)
def _surname_of_a_person(resolver: _Resolver, surname: str) -> bool:
    """Whether a surname is that of a person quoted before, or written somewhere in the
    text after a common given name or an honorific ("Ann Lowe", "Ms. Lowe")."""
    for person in resolver.people:
        if person.rsplit(" ", 1)[-1] == surname:
            return True
    if _sex(resolver, surname):  # an honorific before it somewhere
        return True
    text = resolver.text
    at = text.find(" " + surname)
    while at > 0:
        end = at + 1 + len(surname)
        if not (text[end : end + 1].isalnum()):
            before = text[max(0, at - 30) : at].rsplit(None, 1)
            if before and is_given_name(before[-1]):
                return True
        at = text.find(" " + surname, end)
    return False


@cython.cfunc
@cython.locals(text=str)
def _body_before(text: str, start: int) -> str | None:
    """Before a name at start: the body's noun with "of" or "in" ("government of"), ""
    after a noun that a body's name follows (body_noun_before), or None. _BODY_OF's
    search only where the word before the name is one that can end a match."""
    if body_noun_before(text, 0, start):
        return ""
    if start < 2 or text[start - 1] != " ":
        return None
    last = text[max(0, start - 16) : start - 1].rsplit(None, 1)
    if not last or last[-1] not in ("of", "in", "the"):
        return None
    m = _BODY_OF.search(text, max(0, start - 40), start)
    return None if m is None else " ".join(m["of"].split())


# A group's noun and "of" just before a name ("the dockers of", "residents of the"), with
# the determiner or quantity that opens them, if any.
_GROUP_OF_BEFORE = re.compile(
    r"(?<![\w’'\-])(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Aa]ll|[Ss]everal|[Tt]housands\s+of"
    r"|[Hh]undreds\s+of|[Dd]ozens\s+of)\s+)?(?P<noun>[a-z]{3,})\s+of\s+(?:the\s+)?\Z"
)


# An office and "of" or "from" just before a name ("the senator from Vermont", "the
# governor of Texas", "the mayor of London"): the name is the office's place or body, and
# the office holder speaks (version 23). Not an office that speaks for another ("the
# spokesman of"), whose holder is an unnamed source read elsewhere.
_OFFICE_OF_BEFORE = re.compile(
    rf"(?<![\w’'\-])[Tt]he\s+(?P<noun>{trie(ROLE_NOUNS - _FOR_OTHERS)})\s+(?:of|from)"
    rf"\s+(?:the\s+)?\Z"
)


@cython.cfunc
@cython.locals(text=str, start=cython.Py_ssize_t)
def _office_of(text: str, raw: dict) -> dict | None:
    """The office holder whose office a name only places: "The senator from Vermont said"
    is a senator, not a person called Vermont; "the governor of Texas" a governor. As a
    role speaker ("the Vermont senator" to _by_role, which may find the senator quoted
    before); None where no office stands just before the name."""
    start = raw["start"]
    last = text[max(0, start - 6) : start - 1]
    if not (last.endswith(" of") or last.endswith("from") or last.endswith(" the")):
        return None
    if raw.get("app"):
        return None  # "The leader of the League, Jo Hart, warned": the apposed name speaks
    place = raw["named"]
    words = [w.rstrip(".,") for w in place.split()]
    if len(words) > 2 or not _ORG_WORDS.isdisjoint(words) or _all_known_orgs(words):
        return None  # "the director of the Federal Bureau of Investigation": a body's name
    m = _OFFICE_OF_BEFORE.search(text, max(0, start - 50), start)
    if m is None:
        return None
    return {
        **raw,
        "kind": "role",
        "text": text[m.start() : raw["end"]].replace("The", "the", 1),
        "noun": f"the {place} {m['noun'].lower()}",
        "start": m.start(),
        "title": "",
        "named": "",
    }


@cython.cfunc
@cython.locals(text=str, start=cython.Py_ssize_t)
def _group_of(text: str, raw: dict) -> dict | None:
    """The unnamed group that a name only qualifies, as an anonymous source's words:
    "Residents of Gaza said", "the dockers of Halvern said", "Supporters of Donald Trump
    said" are people nobody named, not Gaza, Halvern or Donald Trump. None where the
    words before "of" are no group's ("Bank of America", "the government of Nordvale",
    read by _body_before; "the mayor of London")."""
    words = raw["named"].split()
    if len(words) > 2 and words[1] == "of" and words[0].lower() in _GROUP_NOUNS:
        return {**raw, "kind": "anon", "title": "", "named": ""}
    spoken = raw["text"]
    if raw["named"] and spoken.endswith(raw["named"]) and len(spoken) > len(raw["named"]):
        # "… said the dockers of Halvern": the words before the name are the speaker's.
        m = _GROUP_OF_BEFORE.search(spoken[: len(spoken) - len(raw["named"])])
        if m is not None and m.start() == 0 and m["noun"] in _GROUP_NOUNS:
            return {**raw, "kind": "anon", "title": "", "named": ""}
    start = raw["start"]
    # Only where the word before the name is one that can end a match.
    if start < 4 or text[start - 1] != " ":
        return None
    last = text[max(0, start - 5) : start - 1]
    if not (last.endswith(" of") or last.endswith(" the") or last == "of"):
        return None
    m = _GROUP_OF_BEFORE.search(text, max(0, start - 60), start)
    if m is None or m["noun"] not in _GROUP_NOUNS:
        return None
    return {
        **raw,
        "kind": "anon",
        "text": text[m.start() : raw["end"]],
        "start": m.start(),
        "title": "",
        "named": "",
    }


@cython.cfunc
def _leading_name(bare: list[str]) -> str:
    """The name's capitalised words up to the first that is not ("White House" of "White
    House on Monday")."""
    n = 0
    while n < len(bare) and bare[n][:1].isupper():
        n += 1
    return " ".join(bare[:n])


@cython.cfunc
def _titled_person(raw: dict, bare: list[str], titles: list[int]) -> bool:
    """Whether the name is a person's after a title ("White House Press Secretary Sarah
    Sanders", "the Foreign Minister Sergei Lavrov"): a title in the name or before it,
    and after it only capitalised words, none a word of an organisation or a place and
    not a known organisation or a body of people. Such a name is a person even where a
    word before the title ("White House", "Senate", "the") would make it a body."""
    if titles:
        after = bare[_title_end(bare, titles) :]
    elif raw["title"]:
        if raw["title"].split()[1:2] in (["of"], ["in"]):
            return False  # "the government of President Ann Lee": the government speaks
        after = bare
    else:
        return False
    if not after or not _ORG_WORDS.isdisjoint(after[:-1] if _body_surname(after) else after):
        return False
    for word in after:
        if not word[:1].isupper():
            return False
    return (
        not (len(after) == 1 and (after[0] in KNOWN_ORGS or _ACRONYM.fullmatch(after[0])))
        and " ".join(after) not in ORGANISATION_NAMES
        and after[-1] not in PLACE_SUFFIXES
        and after[-1].lower() not in GROUP_NOUNS
    )


@cython.cfunc
@cython.locals(text=str)
def _place_word_surname(text: str, raw: dict, bare: list[str], titles: list[int]) -> bool:
    """Whether a speaker's name that ends with a place's word ("Park", "Lake") is a
    person's: the word alone ("Park said"), after a title or an honorific ("Ms. Park",
    "President Park"), or after a given name (and initials) that no preposition of place
    or article comes before ("Ann Park said", not "a café owner on Quay Street said")."""
    if titles or raw["title"] or len(bare) == 1:
        return True
    given = [w for w in bare[:-1] if not _INITIAL.fullmatch(w)]
    if len(given) != 1 or not _given_name(given[0]) or bare[-1] not in raw["text"]:
        return False  # (nor the name that "she" may stand for: "Wall Street" before "she")
    before = text[max(0, raw.get("start", 0) - 20) : raw.get("start", 0)].split()
    return not before or before[-1].lower() not in _WHERE_BEFORE


# Words before a name that make it where someone is ("a café owner on Quay Street").
_WHERE_BEFORE = _words("on in at near from of off along across outside inside the a an")


@cython.cfunc
def _body_surname(after: list[str]) -> bool:
    """Whether the last of a titled person's name words is a surname that is also a body's
    one-word name, after given names ("Mayor Ann Bloomberg", "Gov. Ann T. Reuters"): the
    words after the title are a person's, not the body's."""
    if len(after) < 2 or after[-1] not in ORGANISATION_NAMES or not after[-1][1:].islower():
        return False
    return all(_given_name(word) or _INITIAL.fullmatch(word) for word in after[:-1])


# One-word names of bodies that are no one's surname ("the Brazilian Congress"), and
# bodies whose whole name is a word that may be a given name and a body's name.
_NOT_SURNAMES = _words("Congress Kremlin Pentagon")
_BODY_FULL_NAMES = frozenset(("Thomson Reuters",))


@cython.cfunc
def _person_with_body_surname(resolver: _Resolver, bare: list[str]) -> bool:
    """Whether a name without a title that ends with a body's one-word name is a person's:
    given names (and initials) before it ("Ann Bloomberg", "Ann T. Bloomberg", not "Thomson
    Reuters" or "Nordvale's Congress"), or the word alone where a person of that surname
    was named as a speaker before ("Bloomberg said" after "Ann Bloomberg said")."""
    last = bare[-1]
    if last in _NOT_SURNAMES or last not in ORGANISATION_NAMES:
        return False
    if len(bare) == 1:
        for person in resolver.people:
            if " " in person and person.rsplit(None, 1)[1] == last:
                return True
        return False
    for word in bare[:-1]:
        if word.endswith(_POSSESSIVES):
            return False
    return _body_surname(bare) and " ".join(bare) not in _BODY_FULL_NAMES


@cython.cfunc
def _alias(resolver: _Resolver, name: str, start: int) -> str:
    """The name a person's name stands for: a surname alone (at start) is the person quoted
    before who bears it, else the one person named in full before it who does
    (_named_before); a full name after its surname alone takes the surname's entry."""
    if name in resolver.sources:
        return name
    tokens = name.split()
    if len(tokens) == 1:
        for person in reversed(resolver.people):
            if _several(person):
                continue  # "Jeb Bush and Chris Christie": two people, neither "Christie" alone
            words = person.split()
            if tokens[0] in words[1:] or words[-1] == tokens[0]:
                return person
        full = _named_before(resolver, name, start)
        if full:
            return _alias(resolver, full, start)  # takes the entry of "Hale" quoted before
        return name
    # A full name after a bare surname: upgrade the earlier entry.
    last = tokens[-1]
    if last in resolver.sources and resolver.sources[last]["type"] == "named_person":
        src = resolver.sources.pop(last)
        src["name"] = name
        resolver.sources[name] = src
        resolver.people = [name if p == last else p for p in resolver.people]
        resolver.renamed[last] = name
    return name


# A given name, and an initial, just before a surname: "Tom" of "Tom Hale", "Tom A." of
# "Tom A. Hale" (searched in the few characters before the surname's space).
_GIVEN_BEFORE = re.compile(r"(?<![\w’'\-.])(?P<given>[A-Z][a-z’'\-]+)(?P<initial>\s+[A-Z]\.)?\Z")


@cython.cfunc
@cython.locals(text=str, at=cython.Py_ssize_t, end=cython.Py_ssize_t, start=cython.Py_ssize_t)
def _named_before(resolver: _Resolver, surname: str, start: int) -> str:
    """The full name of the one person named before start with that surname and never
    quoted ("Tom Hale runs the port. … Hale said"; version 21): a common given name before
    it, or a word that may be one (_given_name) where the name is known as a person's
    (_a_person: a title or an honorific, a role's noun before it, an age after it); ""
    where nobody, or two people of that surname ("Tom Hale" and "Ann Hale"), were."""
    text = resolver.text
    if not surname[:1].isupper() or surname.isupper():
        return ""
    found = ""
    at = text.find(" " + surname, 0, start)
    while at > 0:
        end = at + 1 + len(surname)
        nxt = text[end : end + 2]
        if not nxt[:1].isalnum() and not (nxt[:1] == " " and nxt[1:].isupper()):
            m = _GIVEN_BEFORE.search(text, max(0, at - 24), at)
            if m is not None:
                given = m["given"]
                full = f"{given}{m['initial'] or ''} {surname}"
                before = text[max(0, m.start() - 12) : m.start()].split()
                if before and is_given_name(before[-1]) and text[m.start() - 1] == " ":
                    given = before[-1]  # "John Ellis Bush": a given name and a middle one
                    full = f"{given} {full}"
                    before = text[max(0, m.start() - 14 - len(given)) : m.start()].split()[:-1]
                if is_given_name(given) or (
                    _given_name(given)
                    and (
                        (before and before[-1].rstrip(".") in HONORIFICS)
                        or (before and before[-1].rstrip(".") in _TITLES)
                        or _a_person(resolver, full, [given, surname], m.start(), end)
                    )
                ):
                    if found and found != full:
                        return ""
                    found = full
        at = text.find(" " + surname, end, start)
    return " ".join(found.split())


_PERSON = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-z’'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'\-]+)+"
)


def _person_before(resolver: _Resolver, pos: int, pronoun: str) -> str:
    """The last name of two capitalised words or more in the 600 characters before pos
    that is neither an organisation nor a place we know, and is a person's (_a_person),
    not one known to be of the other sex than the pronoun's (_may_be): who "he" or "she"
    may be."""
    text = resolver.text
    for m in reversed(list(_PERSON.finditer(text, max(0, pos - 600), pos))):
        words = [w.rstrip(".") for w in m.group().split()]
        if (
            words[0] in CAP_STOP
            or words[0] in COMPASS_WORDS  # "South Asia", "North Carolina"
            or any(w in _ORG_WORDS or w in KNOWN_ORGS for w in words)
            or " ".join(words) in ORGANISATION_NAMES  # "White House"
            or not _a_person(resolver, m.group(), words, m.start(), m.end())
            or not _may_be(resolver, m.group(), pronoun)
        ):
            continue
        return m.group()
    return ""


@cython.cfunc
@cython.locals(text=str)
def _a_person(resolver: _Resolver, name: str, words: list[str], start: int, end: int) -> bool:
    """Whether capitalised words (from start to end) are known to name a person (version
    18): a title or an honorific opens them ("Sen. Ann Lowe", "President Xi Jinping"), a
    role's noun comes before them ("spokesman Don Hale") or an age after them ("Ann Lowe,
    26,"), a common given name or an honorific before the surname somewhere tells the
    person's sex (_sex), or the last word is the surname of a person quoted before. Not
    "Keystone Pipeline", "United States Tuesday", "Economic Advisers": "he" and "she" refer
    to no such words."""
    if words[0] in HONORIFICS or words[0] in _TITLES or _sex(resolver, name):
        return True
    text = resolver.text
    after = text[end : end + 5]
    if after[:2] == ", " and after[2:4].isdigit() and after[4:5] in (",", ")"):
        return True  # an age: "Ann Lowe, 26, said"
    before = text[max(0, start - 20) : start].split()
    if before and before[-1] in ROLE_NOUNS:
        return True  # "McConnell spokesman Don Hale"
    last = words[-1]
    for person in resolver.people:  # noqa: SIM110 - not any() over a generator, made per call
        if person.rsplit(" ", 1)[-1] == last:
            return True
    return False


_PRINCIPAL = re.compile(
    r"(?:spokes(?:man|woman|person)|press\s+secretary|aide|adviser|advisor|lawyer|attorney|"
    r"representative|campaign\s+manager|campaign)\s+(?:for|to|of)\s+(?:the\s+)?"
    r"(?P<after>[A-Z][\w.’'\-]*(?:\s+(?:of\s+)?[A-Z][\w.’'\-]*)*)"
    r"|(?P<before>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*?)(?:’s|'s)?\s+(?:campaign\s+)?"
    r"(?:spokes(?:man|woman|person)|press\s+secretary|aide|adviser|advisor|lawyer|attorney)\b"
)


# Words that open a clause set between commas after a speaker's name ("Hamid, because he
# fears for his family, said"; "Russia, which keeps a base there, said"): a description
# or an aside, not the speaker's role ("a spokesman for the ministry", "the mayor").
_CLAUSE_OPENERS = _words(
    "because who whom whose which that when where while whilst although though whereas "
    "if unless until since after before despite but and or so"
)


@cython.cfunc
def _role(apposition: str) -> str:
    """The speaker's role from the words set after the name between commas; none if
    they are a clause rather than a noun phrase."""
    first = apposition.split(maxsplit=1)[0].lower() if apposition else ""
    word, mark, rest = first.replace("’", "'").partition("'")
    if mark and rest in _CONTRACTED:
        first = word  # "who's running for mayor", "who’d": "who" and a verb, a clause
    return "" if first in _CLAUSE_OPENERS else apposition


# What follows the apostrophe of a word contracted with a verb ("who's", "who’d", "that've").
_CONTRACTED = frozenset(("s", "d", "ve", "ll", "re"))


@cython.cfunc
def _without_principal(speaker: str, principal: str) -> str:
    """An unnamed spokesperson's words without the principal they speak for, when it
    comes after them, after "for", "to" or "of" ("a spokeswoman" of "a spokeswoman for
    the Defence Ministry"); a principal before the noun stays ("a Clinton spokeswoman",
    "the senior Cruz adviser", not "the senior")."""
    before = speaker[: max(speaker.lower().find(principal.lower()), 0)].split()
    if before and before[-1].lower() == "the":
        before.pop()
    return " ".join(before) if before and before[-1].lower() in ("for", "to", "of") else speaker


_PRINCIPAL_WORDS = (
    "spokes",
    "press",
    "aide",
    "advis",
    "lawyer",
    "attorney",
    "representative",
    "campaign",
)


@cython.cfunc
@cython.locals(text=str)
def _holds_principal_word(text: str) -> bool:
    """Whether one of _PRINCIPAL_WORDS occurs in text."""
    for word in _PRINCIPAL_WORDS:  # noqa: SIM110 - not any() over a generator, made per call
        if word in text:
            return True
    return False


@lru_cache(maxsize=1024)
def _principal(mention: str) -> str | None:
    """Whom a spokesperson, aide or lawyer speaks for: "a spokeswoman for Hillary Clinton",
    "Clinton spokesman Brian Fallon", "Brian Fallon, a spokesman for the campaign".
    Asked only of a mention that holds a word of _holds_principal_word."""
    pos = 0
    while (m := _PRINCIPAL.search(mention, pos)) is not None:
        name = m.group("after") or m.group("before")
        if name.split()[0] not in CAP_STOP and name not in _TITLES:
            return name
        pos = m.start() + 1
    return None


# --- Scorer ---------------------------------------------------------------------------


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def _count_in(scan: _Scan, intervals: list[tuple[int, int]]) -> int:
    merged: list[list[int]] = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    total = 0
    for s, e in merged:
        total += _count_words(scan, s, e)
    return total


# Version 9: descriptors before a full name, an adjunct after it ("X on Fox News") and the
# stored type of a source; English sentences by the new split (a middle initial such as
# "P." in "Robert P. Casey" no longer ends a sentence, so the name is whole).
# Version 10: a title inside the name after an unnamed speaker's noun no longer ends it
# ("A spokesman for Mayor Ann T. Lowe of Elmtown"); a title before a given name and a surname that is also a body's name
# ("Mayor Ann Bloomberg") makes the name a person's, less the title; the point of an
# abbreviation or initials ("former Sen. Ann Lowe", "the U.S. Harbour Board") no longer
# ends the words after "according to"; the title words of ranks, officers and counsel
# ("Rear Admiral", "Police Commissioner", "General Counsel") are titles too; a title word
# after an initial is a surname ("Ann T. King"); a title and "of" with no name after them
# ("the former CEO of Lumeria") refer to someone by their role; a surname that is a
# place's word ("Ann Park", "Ms. Park") is a person's unless a preposition of place or an
# article comes before the name ("a café owner on Quay Street"); a dateline or a heading
# in capitals before a dash ("ELMTOWN, Ohio (Reuters) - ") is no speaker, nor a participle
# that opens the sentence ("Facing …, Ann Lowe said"); a name before a colon is whole
# ("Ann T. Lowe: …"); a cue chained to the clause before ("… and promised to …") says what
# follows it; a quote of several sentences after a colon and a reporting verb is quoted
# whole, apart from what was reported before the colon.
# Version 11: the name between commas after a possessive role that opens the sentence
# speaks after a dateline and before a chained cue ("ELMTOWN - Nordvale’s opposition
# leader, Ann Lowe, backed …, saying …", "Mr. Lowe's aide, Bo Hale, said …"); a reporting
# verb that opens the sentence before the speaker and a quote is no part of the name
# ("Said Lowe: “…”"); given names before a body's one-word name make a person's name
# without a title ("Ann Bloomberg said"), and the surname alone that person after it;
# "Now" opening a clause is no part of the name.
# Version 12: "the", capitalised words and a role in lower case before a name between
# commas make the name the speaker, as a role in lower case does ("The Harbour Party
# leader, Ann Lowe, backed …, saying …"); a clause after the name that opens with a
# contraction ("who's running for …") is no role; a lone surname is never resolved to a
# speaker that joins two names ("Christie" after "Jeb Bush and Chris Christie say"), but to
# a person named alone before, else to itself.
# Version 14: a reporting verb in -ing right after a preposition is a gerund ("ended the
# debate by saying …", "attacked Ann Lowe for saying …"), said by the clause's subject
# (after "by", "in", "after" …) or by the speaker just before the preposition (after
# "of", "for" …), or by no one found, never by the words up to the preposition; a
# conjunction, preposition or adverb that opens the clause is no part of the name after
# it ("While Ann Lowe said", "Although Lowe argued"); English sentences by the split that
# keeps initials joined by an ampersand whole ("the S.&P. 500").
# Version 15: a reporting verb before "by" and a reporting verb in -ing, with at most six
# words between them that are no clause ("responded by saying …", "replied to the
# council by noting …"), yields to the gerund: one attribution, not two for the same words;
# initials joined by an ampersand are one word of a name ("S.&P. said", "AT&T said"), not
# the initial after it ("P.").
# Version 16: a capitalised function word that opens the clause, a preposition's phrase
# closed by a comma before the cue, or the name such a preposition governs, is no speaker
# ("In three interviews, the judge …, saying", "For Smith, the plan …, adding": said by
# nobody found, not by "In" or Smith), but the name such a preposition governs speaks a
# relative clause about it ("For Ann Lowe, who said …"); a gerund's phrase that opens the
# sentence is said by the subject after its comma ("By saying X, Ann Lowe calmed the
# crowd"), and is no content of the verb after that subject ("By saying …, Ann Lowe told
# reporters she …");
# a name holding an ampersand is a body's, "&" joining its words ("S.&P. Global",
# "Procter & Gamble"); companies whose names read as a person's ("Lockheed Martin",
# text.ORGANISATIONS) are bodies.
# Version 17: an ampersand between given names or before "I" joins two people, not a body
# ("Tom & Ann said", "Lowe & I said": text.ampersand_body, one rule with actors); "Unlike",
# "Like", "Despite" and "Amid" open a phrase as "For" does ("Unlike Ann Lowe, who said …":
# Ann Lowe); a cue chained to a quote of its sentence ("…," Lowe replied, before adding …)
# is said by the quote's speaker, not by the sentence's first capitalised word; a cue inside
# a preposition's phrase that opens the sentence makes no source of the phrase ("In a video
# posted …, the mayor said": one attribution, the mayor's; "In a letter calling for calm,
# Ann Lowe …": Ann Lowe's); "he" and "she" skip a person known to be of the other sex (a
# common given name, an honorific before the surname); the sentence split keeps initials
# joined by an ampersand after a comma in their sentence (", S.&P. Global said"). On
# PolNeAR train+dev the attributions of 182 articles of 924 change (none by the split).
# Version 18: "he" or "she" with nobody quoted before is a name before known to be a
# person's (a title, a role's noun, an age, a given name: _a_person), never "Keystone
# Pipeline" or "United States Tuesday"; names joined by "and" are typed by all of them, people where one is known to
# be a person's, bodies where one is a lone word known as no one's ("Lumeria and Vostra
# Aero"; _joined_kind), not by one name alone; after a phrase put first, "warned of X"
# reports X; what a relative clause set off by commas says ends at its closing comma
# ("Unlike Ann Lowe, who said X, Tom Hale …"). On PolNeAR train+dev the attributions of 75
# articles of 924 change.
# Version 19: a group that a name only qualifies is nobody named ("Residents of Gaza said",
# "the dockers of Halvern said", "supporters of Hillary Clinton said": _group_of), not
# the place or the person, who is no longer taken for the group later ('"We won," Sanders
# said' was "Supporters of Sanders"). On PolNeAR train+dev the attributions of 8 articles
# of 924 change.
# Version 21: titled people joined by "and" speak together, each part's title its own
# ("Sen. Orrin Vale and Rep. Cy Tan": _joint_titled), not the last one alone; single words
# joined by "and" are people where the text writes one after a word that may be a given
# name ("Dara Quill": _in_full_name) or a lone word before the surname of the name after it
# ("Khizr Khan": _shares_surname), or an honorific before that surname, and stay bodies
# otherwise ("Brunei and Taiwan"); a surname alone is the one person named before with it
# and never quoted ("Tom Hale … Hale said": _named_before); "warned of floods that would
# come" reports the noun and its clause. On PolNeAR train+dev the attributions of 505
# articles of 924 change, nearly all by a surname now named in full ("Trump": "Donald
# Trump"); the claims of none change.
# Version 22: fewer speakers typed anonymous that name a document or a body: a document's
# noun ends before a participle ("a report issued last year", "audio provided by …":
# _ISSUED) or is a version or copy of one; "the group", "the online retail giant" call a
# body named before (_BODY_HEADS); a word of time ends the head ("the party today"); "he",
# "she" or "it" that opens the words read before a cue ("it proudly", "he sounded a rare
# note") or follows a participle or conjunction ("meaning he") is their subject, resolved
# as the pronoun (_pronoun_in_words); a name before a past not in -ed ("Ann Lowe began")
# is the speaker (_IRREGULAR_PAST); a capitalised plural in -ers, -ents, -ants or -ists
# that the text writes only at a sentence's head is a group nobody named ("Mourners say":
# _agents_plural), and a conjunction alone ("Whenever asked") no one's name; a cue in -ing
# after an adverb of degree is an adjective ("the most telling promise": _DEGREE). On
# PolNeAR train+dev the attributions of 70 articles of 924 change; the claims of none.
# Version 23: an office and "of" or "from" before a name ("The senator from Vermont said",
# "the governor of Texas", "the mayor of London") is the office holder, not a person or a
# body named by the place (_office_of): found by role, else unresolved.
# Version 24: nobody named is of two kinds, an anonymous source proper ("officials", "a
# senior aide", "people familiar with the talks") or a generic group ("critics", "experts",
# "many voters", "Americans", "the crowd"), told apart by the head noun
# (_nobody_named_kind); a party's members by its plural ("Democrats said", "House
# Republicans") are a generic group, no longer an organisation (_party_members). The
# anonymous share counts anonymous sources proper; group_share the generic groups.
# Version 25: a share of people as polls give it ("52 percent of registered voters", "six
# in 10", "almost half of respondents") is a generic group (_SHARE_OF_PEOPLE), and so is
# "several" alone; a speaker nobody names whose words hold no noun for people
# ("forcefully", "now", "the phrase": words taken wrongly) is unresolved, as are people
# named before and referred to together ("both candidates", "the two") and a relative by
# a possessive ("his ex-wife", "my father"); "the former first lady" a person described.
# Chosen on PolNeAR dev and two train samples (L4, L5); a third (L6, L7) labelled
# meanwhile and scored once after.
# Version 26: one person described after "the", a name's possessive, "former" or "current"
# ("the California congressman", "Connecticut's tax commissioner", "Obama's former campaign
# strategist") is unresolved, not an anonymous source; "the Trump team" a campaign; a
# speaker's head ends before a participle ("Protesters marching …"); lawmakers, groups,
# families, veterans and reporters in the plural are generic groups, and so are "many of
# whom". Chosen on dev, L4 and L5; a new sample (L9, L10) labelled meanwhile and scored
# once after.
# Version 27: in Russian, Spanish, French and German the anonymous and group shares are not
# given (their keys left out: "not measured"). The rules of those languages find a speaker
# only by a capitalised name, so nobody named is never found and both shares were 0 for
# every such article: beside an English outlet's, a figure that only looked like one.
# English output is the same as version 26's.
# Version 28: in German and Russian a capitalised speaker is a named source only where its
# words name someone (analysis.scoring.names: the Hanover Tagger's proper-noun tag for
# German, pymorphy3's dictionary for a Russian sentence's first word); "Experten sagten",
# "Der Sprecher sagte", "Эксперты заявили" are described speakers ("unresolved"), no
# longer named sources, and "Der SPD-Vorsitzende Lars Klingbeil" is Lars Klingbeil with
# his role. Measured on Universal Dependencies treebanks (bench/eval_foreign_names.py).
# In all four languages a personal pronoun is never a named source ("Il ajoute que", "Je
# souligne que"), and a quote followed by its verb and a pronoun ("sagte er", "— сказал
# он"), or by the verb alone where the subject is left out ("dijo.", "a-t-il déclaré."), is
# found; a third person's pronoun is the person quoted before (else a speaker not named).
# German has more verbs of saying.
# English output is the same as version 27's.
@register("attribution", "28", languages=("en", "ru", "es", "fr", "de"))
@lru_cache(
    maxsize=SHARED_CACHE_SIZE
)  # the claims scorer asks again for the same text; read-only result
def score_attribution(text: str, language: str = "en") -> ScoreResult:
    """language: "en" (the default), or one of FOREIGN_LANGUAGES ("ru", "es", "fr", "de"),
    whose quotes and reported speech a smaller set of rules finds (see _foreign_candidates);
    any other language gets English's rules."""
    spans = split_spans(text)
    if not spans:
        return ScoreResult(
            values={"sentence_count": 0},
            evidence={"attributions": [], "sources": [], "unattributed_claims": []},
        )
    scan = _Scan(text, spans)
    quotes = find_quotes(text)
    if language in _FOREIGN:
        candidates = _foreign_candidates(text, _FOREIGN[language], quotes)
    else:
        candidates = _candidates(scan, quotes)
    attributions, sources = _attributions(text, candidates)
    attributed, claims = _unattributed_claims(scan, quotes, attributions)
    values = _values(scan, attributions, sources, attributed, claims)
    if language in _FOREIGN:
        # Nobody named is not found in these languages (version 27): not measured.
        del values["anonymous_share"], values["group_share"]
    return ScoreResult(
        values=values,
        evidence={"attributions": attributions, "sources": sources, "unattributed_claims": claims},
    )


# Words before "he", "she" or "it" that leave the pronoun the subject of the clause
# ("meaning he had not said", "but she said"): a conjunction or a participle.
_BEFORE_SUBJECT = _words("and but so then while as because since though although when once")


@cython.cfunc
def _pronoun_in_words(raw: dict) -> dict | None:
    """The pronoun that words read before a cue hold as its subject (version 22): "it" of
    "it proudly declared", "he" of "he sounded a rare note", after which a pronoun's own
    verb or adverb follows, never a name's words; "he" of "meaning he had not said", after
    a participle or a conjunction. None otherwise."""
    words = raw["text"].split()
    if len(words) < 2:
        return None
    if words[0].lower() in ("he", "she", "it"):
        i = 0
    elif (
        len(words) == 2
        and words[1].lower() in ("he", "she", "it")
        and (words[0] in _BEFORE_SUBJECT or words[0][:1].islower() and words[0].endswith("ing"))
    ):
        i = 1
    else:
        return None
    found = list(re.finditer(r"\S+", raw["text"]))[i]
    start = raw["start"] + found.start()
    return {
        **raw,
        "kind": "pron",
        "text": found.group(),
        "start": start,
        "end": start + len(found.group()),
    }


def _attributions(text: str, candidates: list[dict]) -> tuple[list[dict], list[dict]]:
    """The candidates with their speakers resolved (surnames, pronouns, roles, the
    principal of a spokesperson), and the sources they name."""
    resolver = _Resolver(text)
    attributions = []
    resolved: dict[int, tuple] = {}
    for c in candidates:
        raw = c["speaker_raw"]
        if "follows" in c:  # a quote going on with the speaker before it
            speaker, kind, role = resolved[id(c["follows"])]
        else:
            if raw and raw["kind"] == "group":
                pronoun = _pronoun_in_words(raw)
                if pronoun is not None:
                    raw = pronoun
            if (
                raw
                and raw["kind"] == "pron"
                and raw["text"].lower() in ("he", "she")
                and not raw.get("foreign")
                and _last_person(resolver, raw["text"].lower()) is None
            ):
                pronoun = raw["text"].lower()
                raw = {**raw, "named_before": _person_before(resolver, raw["start"], pronoun)}
            if raw and raw["kind"] == "named":
                group = _group_of(text, raw) or _office_of(text, raw)
                if group is not None:
                    raw = group
                else:
                    body = _body_before(text, raw["start"])
                    if body is not None:
                        raw = {**raw, "body": body}
            speaker, kind, role = _resolve(resolver, raw)
            if raw is None and (c["cue"] == "asked" or "nobody" in c):
                # A question put by nobody named, words said by no one found (a gerund's
                # subject that names nobody): no anonymous source.
                kind = "unresolved"
            resolved[id(c)] = (speaker, kind, role)
        if c["speaker_raw"] is None:
            speaker = None
        mention = text[raw["start"] : raw["end"]] if raw else ""
        principal = None
        if raw:
            app = raw["app"]
            # Only a mention or apposition with one of the words can name a principal (none
            # holds a space, so none spans the two joined; every _PRINCIPAL match holds one):
            # the rest skip the join, the cache and the search.
            if _holds_principal_word(mention) or _holds_principal_word(app):
                principal = _principal(" ".join(filter(None, [mention, app])))
        if principal and kind == "anonymous" and speaker:
            # "a spokeswoman for Hillary Clinton": the spokeswoman speaks, for her principal.
            speaker = _without_principal(speaker, principal)
            speaker = re.sub(r"\s+(?:for|to|of)\Z", "", speaker)
        attributions.append(
            {
                "start": c["start"],
                "end": c["end"],
                "speaker": speaker,
                "speaker_type": kind,
                "speaker_start": raw["start"] if raw else None,
                "speaker_end": raw["end"] if raw else None,
                # A pronoun or role ("he", "the minister") taken for someone named before.
                "speaker_resolved": bool(
                    raw
                    and raw["kind"] in ("pron", "role", "group")
                    and speaker
                    and speaker.lower() != " ".join(mention.lower().split())
                ),
                "principal": principal,
                "role": role,
                "cue": c["cue"],
                "loaded": c["loaded"],
                "cue_start": c["cue_start"],
                "cue_end": c["cue_end"],
                "content_start": c["content_start"],
                "content_end": c["content_end"],
                "direct": c["direct"],
            }
        )
    for a in attributions:  # a bare surname later upgraded to the full name
        a["speaker"] = resolver.renamed.get(a["speaker"], a["speaker"])
        if a["speaker"] in resolver.sources:
            a["role"] = resolver.sources[a["speaker"]]["role"]
    return attributions, list(resolver.sources.values())


# What _ACTOR.search(text, s, e) finds or not, read off the bytes of the text (compiled,
# a C loop over them): an ASCII digit, or an ASCII capital after no _W character whose run
# of _W characters (up to e) is no word of CAP_STOP, as _ACTOR's lookahead has it (its
# words are all of _W characters). A digit outside ASCII (\d) is left to the pattern.
assert all(_W_CHAR.fullmatch(w[0]) and _WORD.fullmatch(w) for w in CAP_STOP)


@cython.cfunc
@cython.locals(
    cased=bytes,
    word_bytes=bytes,
    s=cython.Py_ssize_t,
    e=cython.Py_ssize_t,
    p=cython.Py_ssize_t,
    q=cython.Py_ssize_t,
    c=cython.int,
)
def _holds_actor(scan: _Scan, cased: bytes, s: int, e: int) -> bool:
    """Whether _ACTOR matches from s to e; cased: ascii_replaced(text), and the text has
    no digit outside ASCII."""
    word_bytes = scan.word_bytes
    for p in range(s, e):
        c = cased[p]
        if 48 <= c <= 57:
            return True
        if 65 <= c <= 90 and not (p and word_bytes[p - 1] == 97):
            q = word_bytes.find(b" ", p, e)
            if scan.text[p : q if q >= 0 else e] not in CAP_STOP:
                return True
    return False


def _unattributed_claims(
    scan: _Scan, quotes: list[tuple[int, int]], attributions
) -> tuple[list[bool], list[dict]]:
    """Whether each sentence overlaps an attribution, and the sentences outside any
    attribution and quote that state something of an actor or a number."""
    text, spans = scan.text, scan.spans
    # Bytes to read _ACTOR's matches off, unless a digit outside ASCII needs the pattern.
    cased = None if any(map(str.isdecimal, scan.lowered.rare)) else ascii_replaced(text)
    covered = [(a["start"], a["end"]) for a in attributions]
    covered += [(a["cue_start"], a["cue_end"]) for a in attributions]
    covered.sort()
    attributed = []
    claims = []
    quote_starts = [qs for qs, _ in quotes]
    k, reach = 0, -1  # reach: the furthest end of the covered spans starting before e
    for s, e in spans:
        while k < len(covered) and covered[k][0] < e:
            reach = max(reach, covered[k][1])
            k += 1
        hit = reach > s  # some covered span overlaps the sentence
        attributed.append(hit)
        q = bisect_right(quote_starts, s) - 1  # the only quote that may hold the sentence
        if hit or q >= 0 and e <= quotes[q][1]:
            continue
        if _holds_actor(scan, cased, s, e) if cased is not None else _ACTOR.search(text, s, e):
            claims.append({"start": s, "end": e})
    return attributed, claims


def _values(
    scan: _Scan, attributions: list[dict], sources: list[dict], attributed: list[bool], claims
) -> dict:
    words = _count_words(scan, 0, len(scan.text)) or 1
    content = [(a["content_start"], a["content_end"]) for a in attributions]
    direct = [(a["content_start"], a["content_end"]) for a in attributions if a["direct"]]
    n_attr = len(attributions)
    named = [s for s in sources if s["type"] in ("named_person", "named_org")]
    n_spans = len(scan.spans)
    anonymous = group = loaded = 0  # (loops, not sum() over generators)
    for a in attributions:
        anonymous += a["speaker_type"] == "anonymous"
        group += a["speaker_type"] == "group"
        loaded += a["loaded"]
    return {
        "sentence_count": n_spans,
        "attributed_sentence_share": fast_round(sum(attributed) / n_spans, 4),
        "attribution_density": fast_round(_count_in(scan, content) / words, 4),
        "direct_quote_word_share": fast_round(_count_in(scan, direct) / words, 4),
        "named_source_count": len(named),
        "named_source_bucket": _bucket(len(named)),
        "anonymous_share": fast_round(anonymous / n_attr, 4) if n_attr else 0.0,
        "group_share": fast_round(group / n_attr, 4) if n_attr else 0.0,
        "loaded_verb_share": fast_round(loaded / n_attr, 4) if n_attr else 0.0,
        "unattributed_claim_share": fast_round(len(claims) / n_spans, 4),
    }
