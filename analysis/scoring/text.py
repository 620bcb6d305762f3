"""What the scorers share: text primitives and the few word lists that more than one of
them reads. Scorer modules import these from here, never from one another's private
names, so that each scorer's rules stay its own.

- ``word_set``: a frozenset of whitespace-separated words (how word lists are written).
- ``trie``: a regular-expression alternation of words, shared by prefix.
- ``lowered``: an article in lower case with its runs of letters a-z as bytes, made once
  per text and read by attribution, claims and framing.
- The verbs of saying, role nouns, titles, honorifics, capitalised stop words, known
  organisations ("White House"), the words of organisations' names (ORG_WORDS) and nouns
  for bodies (with body_noun_before, the rule for a name after one) that attribution and
  actors both read, so that a name is typed by one rule in both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import cython
from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from analysis.scoring import SHARED_CACHE_SIZE
from analysis.scoring.sentences import ascii_replaced, rare_characters


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def trie(words) -> str:
    """A regex alternation of words shared by prefix: far faster than a flat list."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if optional:
            body = (body if len(alts) > 1 else "(?:" + body + ")") + "?"
        return body

    return build(tree)


# --- Rounding -------------------------------------------------------------------------

_POWERS_OF_TEN = tuple(10.0**n for n in range(8))  # exact


@cython.locals(value=cython.double, scale=cython.double, y=cython.double, n=cython.double)
def fast_round(x: float, ndigits: int) -> float:
    """round(x, ndigits) of a float, the same float, without the decimal string that
    round() writes and reads back. x times 10**ndigits rounded to an integer N gives
    N / 10**ndigits, which is the float nearest to N * 10**-ndigits (a division is
    correctly rounded), as round()'s is, whenever the scaled value lies well off a half
    (so that its own rounding error cannot carry it across one) and N is not 0 (round()
    keeps the sign of a zero); otherwise round() itself, as for anything but a float.
    Compiled, the steps run in C doubles (the same IEEE operations)."""
    if type(x) is not float:
        return round(x, ndigits)
    value = x
    scale = _POWERS_OF_TEN[ndigits]
    y = value * scale
    if -1e12 < y < 1e12:  # below 2**40: an error of at most 2**-13 in y
        # floor(y + 0.5) as a float: round(y) wherever y lies within 0.499 of an integer
        # (the sum is then off a whole number by more than its error), and where it
        # does not, no integer is that close to y either; no call made.
        n = (y + 0.5) // 1.0
        if n and abs(y - n) < 0.499:
            return n / scale
    return round(x, ndigits)


# --- Lower-cased text -----------------------------------------------------------------

_A_TO_Z = bytes(ch if 97 <= ch <= 122 else 32 for ch in range(256))  # others: a space
_ASCII_CAPITAL_BYTES = frozenset(range(65, 91))


def _lower(text: str, rare: frozenset[str]) -> str:
    """text.lower(). When no character outside ASCII changes in lower case, and none is
    a surrogate or holds the byte of an ASCII capital in UTF-16, only ASCII letters
    change: bytes.lower() of the text's UTF-16 does that, several times faster than
    str.lower() on a text that is not ASCII (each character looked up)."""
    if rare and all(
        ch.lower() == ch
        and not "\ud800" <= ch <= "\udfff"
        and _ASCII_CAPITAL_BYTES.isdisjoint(ch.encode("utf-16-le"))
        for ch in rare
    ):
        return text.encode("utf-16-le").lower().decode("utf-16-le")
    return text.lower()


def single_spaced(text: bytes) -> tuple[bytes, list[int], list[int]]:
    """The text with each run of spaces made one; and, to map offsets in the result back,
    where each removed run ends in the result (marks, ascending) with the characters
    removed up to there. The cue scans of framing and persuasion read texts so."""
    marks: list[int] = []
    removed: list[int] = []
    i = text.find(b"  ")
    if i < 0:
        return text, marks, removed
    pieces, n, done, gone = [], len(text), 0, 0
    while i >= 0:
        j = i + 2
        while j < n and text[j] == 32:
            j += 1
        pieces.append(text[done : i + 1])
        gone += j - i - 1
        marks.append(j - gone)
        removed.append(gone)
        done = j
        i = text.find(b"  ", j)
    pieces.append(text[done:])
    return b"".join(pieces), marks, removed


def original_span(marks: list[int], removed: list[int], start: int, end: int) -> tuple[int, int]:
    """Where the span start:end of single_spaced's result lies in the text it was made
    from (its ``marks`` and ``removed``)."""
    if not marks:
        return start, end
    k = bisect_right(marks, start) - 1
    first = start + removed[k] if k >= 0 else start
    k = bisect_right(marks, end - 1) - 1
    return first, end + removed[k] if k >= 0 else end


def original_spans(
    marks: list[int], removed: list[int], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """original_span of each span, in one pass over the marks instead of two binary
    searches a span: the spans' starts ascending, and their ends too (as cues that do not
    overlap, left to right)."""
    if not marks:
        return spans
    found = []
    n = len(marks)
    at_start = at_end = 0  # the marks up to a start; those before an end
    for start, end in spans:
        while at_start < n and marks[at_start] <= start:
            at_start += 1
        while at_end < n and marks[at_end] < end:
            at_end += 1
        found.append(
            (
                start + removed[at_start - 1] if at_start else start,
                end + removed[at_end - 1] if at_end else end,
            )
        )
    return found


# Bytes that are word characters in ASCII (the cue scans write any other word character
# as "_"), and the run of them from a position: where a prefix cue's word ends.
WORD_BYTES: tuple[bool, ...] = tuple(b < 128 and (chr(b).isalnum() or b == 95) for b in range(256))
WORD_REST = re.compile(rb"\w*")


# scan_bytes' marks of framing and attribution: a curly apostrophe read as a straight one.
# One dict for both, so the bytes are made once an article (scan_bytes keeps them by marks).
APOSTROPHE_MARKS = {"’": 39}


class Lowered:
    """A text in lower case, of the same length; that as bytes, one a character ("?" for
    any outside ASCII); and those bytes with only the letters a-z (any other character a
    space), where WholeWords finds whole runs of letters."""

    def __init__(self, text: str) -> None:
        self.rare = rare_characters(text)
        lower = _lower(text, self.rare)
        self.same = len(lower) == len(text)  # else str.lower() of a slice may differ
        if not self.same:  # a rare character whose lower case is longer: kept as it is
            lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self.lower = lower
        if all(ch.lower() == ch for ch in self.rare):
            # Only ASCII capitals changed: the text's bytes (shared with other scans) in
            # lower case are the same, and far cheaper than encoding a text not in Latin-1.
            self.ascii = ascii_replaced(text).lower()
        else:
            self.ascii = lower.encode("ascii", "replace")
        self.letters = self.ascii.translate(_A_TO_Z)
        self.whole = None  # (automaton, runs) of _whole_runs, made when first asked for
        self.scanned: dict = {}  # scan_bytes' results, by their marks

    def ascii_with(self, swaps: dict[str, int]) -> bytes:
        """The lower-cased text as bytes with each character outside ASCII a "?" (as
        encode("ascii", "replace") writes it), but those of swaps (single characters)
        written as their byte. When none of them occurs, the shared bytes; else the text
        with them replaced, encoded again (patching the bytes at each occurrence instead
        was measured slower on news text, with its many curly quotes and apostrophes)."""
        replaced = self.lower
        found = False
        for ch, byte in swaps.items():
            if ch in replaced:
                replaced = replaced.replace(ch, chr(byte))
                found = True
        return replaced.encode("ascii", "replace") if found else self.ascii

    def scan_bytes(self, marks: dict[str, int]) -> bytes:
        """The lower-cased text as bytes, one a character, as the cue automatons of
        framing and persuasion read it: a character outside ASCII is written as its byte
        in ``marks`` (each scorer's own punctuation), else as "_" if a word character (as
        a regular expression's \\w: str.isalnum), " " if whitespace, or "?"."""
        rare = self.rare
        if not rare:
            return self.ascii
        # Kept by marks: framing and attribution ask for the same (APOSTROPHE_MARKS), and
        # the replacing and encoding is then done once.
        key = tuple(marks.items())
        found = self.scanned.get(key)
        if found is None:
            found = self.scanned[key] = self._scan_bytes(marks)
        return found

    def _scan_bytes(self, marks: dict[str, int]) -> bytes:
        rare = self.rare
        # The characters outside ASCII that self.lower holds: the rare ones in lower case,
        # or as they are where lower case lengthens them (kept, see __init__); a capital
        # sigma lower-cases to either sigma, after its context.
        chars = {low if len(low := ch.lower()) == 1 else ch for ch in rare}
        if "Σ" in rare:
            chars.add("ς")
        swaps = {}
        for ch in chars:
            if ch.isascii():
                continue  # the Kelvin sign lower-cases to "k"
            byte = marks.get(ch)
            if byte is None:
                if ch.isalnum():
                    byte = 95  # "_"
                elif ch.isspace():
                    byte = 32  # " "
                else:
                    continue  # "?"
            swaps[ch] = byte
        return self.ascii_with(swaps)


class WholeWords:
    """Where some words (bytes of the letters a-z) occur as whole runs of a Lowered's
    letters. Used where a scorer's pattern wants a word boundary either side of its words,
    so that only a whole run can match.

    Every WholeWords' words are looked for together, in one pass over a text's letters
    (_whole_runs, made once a text and kept with its Lowered), each WholeWords keeping its
    own of what that finds: attribution, claims and actors each have one, and one pass
    costs about as much as one of three."""

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        _WHOLE_WORDS.update(self.words)

    def find(self, low: Lowered) -> dict[bytes, list[int]]:
        """{word: where it starts in the letters} of the words that occur, in the order
        of their first occurrence. (The lists are those of the shared pass: read, never
        changed.)"""
        words = self.words
        return {word: at for word, at in _whole_runs(low).items() if word in words}


# The words of every WholeWords, and the automaton that finds them (made at the first
# search, and again if a WholeWords made later brought new words).
_WHOLE_WORDS: set[bytes] = set()
_whole_automaton: list = [0, (), None]  # how many words, the words sorted, the automaton


def _whole_runs(low: Lowered) -> dict[bytes, list[int]]:
    """{word: where it starts in the letters} of every WholeWords' words that occur as
    whole runs of the letters, in the order of their first occurrence: one pass of an
    Aho-Corasick automaton (compiled code) over the letters, each word looked for with
    the space after it (a space put at the end of the letters, so that the last word has
    one too), and a hit kept when a space or the start of the letters comes before it.
    Two hits kept never end at one place (a word holds no space), so each WholeWords'
    words come in the order they would alone.

    (Not a space before each word as well: with every word opening with the same byte the
    automaton's prefilter stops at every space of the text, which makes the pass twice as
    slow as the few hits inside longer runs, "said " in "unsaid ", cost to drop.)"""
    if _whole_automaton[0] != len(_WHOLE_WORDS):
        words = tuple(sorted(_WHOLE_WORDS))
        _whole_automaton[:] = [
            len(words),
            words,
            BytesAhoCorasick(
                [word + b" " for word in words],
                matchkind=MatchKind.Standard,
                implementation=Implementation.DFA,
            ),
        ]
    _, words, automaton = _whole_automaton
    kept = low.whole
    if kept is not None and kept[0] is automaton:
        return kept[1]
    at: dict[bytes, list[int]] = {}
    letters = low.letters
    for index, start, _ in automaton.find_matches_as_indexes(
        letters + b" ",
        overlapping=True,  # all the words that end at a space, "is " in "this " too
    ):
        if start and letters[start - 1] != 32:
            continue  # the end of a longer run
        word = words[index]
        if word in at:
            at[word].append(start)
        else:
            at[word] = [start]
    low.whole = automaton, at
    return at


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def lowered(text: str) -> Lowered:
    """The text's Lowered, made once for all the scorers (a per-text cache)."""
    return Lowered(text)


# --- Word lists that attribution and actors share ---------------------------------------

NEUTRAL_VERBS = word_set(
    "said says say told tells added adds noted note stated explained explains announced "
    "announces confirmed confirms reported wrote writes cited mentioned remarked commented "
    "replied responded recalled observed warned warns stressed stresses argued argues denied "
    "denies emphasized emphasised declared declares tweeted acknowledged asserted"
)
LOADED_VERBS = word_set(
    "claimed claims claim insisted insists insist admitted admits admit alleged alleges "
    "allege conceded concedes concede boasted boasts complained complains lamented purported"
)
ROLE_NOUNS = word_set(
    "envoy emissary representative ambassador diplomat delegate minister secretary spokesman "
    "spokeswoman spokesperson official president premier leader head chief general commander "
    "officer director chairman chairwoman governor mayor senator prosecutor lawyer attorney "
    "adviser advisor negotiator professor researcher analyst"
)
# "the envoy" may refer back to a speaker introduced as a representative or ambassador.
_SYNONYM_GROUPS = [
    {"envoy", "emissary", "representative", "ambassador", "diplomat", "delegate"},
    {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
    {"minister", "secretary"},
    {"president", "premier", "leader", "head"},
    {"chief", "general", "commander", "officer", "head"},
    {"lawyer", "attorney"},
    {"adviser", "advisor"},
]


def role_synonyms(noun: str) -> set[str]:
    """The role noun and those that may refer back to the same person ("the envoy")."""
    result = {noun}
    for group in _SYNONYM_GROUPS:
        if noun in group:
            result |= group
    return result


# Plural nouns for people: capitalised alone at the head of a sentence ("Lawyers say",
# "Scientists warn") they are a group nobody named, not a name.
GROUP_NOUNS = word_set(
    "lawyers attorneys prosecutors workers employees staff teachers parents students farmers "
    "protesters demonstrators voters lawmakers legislators politicians scientists academics "
    "historians journalists reporters locals villagers survivors relatives neighbours "
    "neighbors supporters opponents aides advisers advisors negotiators nurses volunteers "
    "rebels militants fighters refugees migrants executives managers traders investors "
    "shopkeepers organizers organisers soldiers troops members leaders meteorologists "
    "forecasters experts analysts officials residents critics activists researchers doctors "
    "installers developers builders engineers designers drivers owners homeowners landlords "
    "tenants shoppers customers consumers commuters passengers patients citizens taxpayers "
    "pensioners retirees veterans fishermen miners growers producers suppliers retailers "
    "vendors contractors operators firefighters paramedics officers guards dockers "
    "dockworkers strikers allies backers loyalists"
)
# Last words of place names ("Badakhshan Province", "Quay Street"), landmarks' and sites'
# among them ("the Tarsa Lawn", "Lind Plaza"): a name ending in one is a place, not a
# person (attribution lets a city or a county speak, as its government).
PLACE_SUFFIXES = word_set(
    "Province Region District City River Valley Mountains Mountain Sea Ocean Lake Street "
    "Square Airport Bridge Island Islands Peninsula Strait Bay Desert Oblast Krai Governorate "
    "County Border Pass Gorge Canal Basin Plateau Highway Road Avenue Park Stadium Base "
    "Lawn Garden Gardens Plaza Boulevard Monument Memorial Cemetery Harbor Harbour Beach "
    "Falls Canyon Palace Castle Cathedral Tower Station Zone"
)
# International bodies, institutions, seats of government and media that rarely carry an
# organisation suffix ("White House", "Kremlin"): organisations wherever they stand, as a
# speaker too; and companies whose names of two words or more read as a person's (two
# surnames, or a given name and a surname: "Lockheed Martin", "Morgan Stanley"), which no
# rule of the words can tell from one. One a line, the canonical name first, then other
# names, "|"-separated.
ORGANISATIONS = """
NATO|North Atlantic Treaty Organization|North Atlantic Alliance
European Union|EU|E.U.
United Nations|UN|U.N.
UN Security Council|Security Council|UNSC
European Commission
World Health Organization|WHO
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO
Organization for Security and Co-operation in Europe|OSCE
Collective Security Treaty Organization|CSTO
Shanghai Cooperation Organisation|Shanghai Cooperation Organization|SCO
Commonwealth of Independent States|CIS
Eurasian Economic Union|EAEU
Association of Southeast Asian Nations|ASEAN
African Union
Arab League
OPEC
BRICS
G7
G20
Red Cross|International Committee of the Red Cross|ICRC
Interpol
UNHCR|UN Refugee Agency
UNICEF
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
Amnesty International
Human Rights Watch
Kremlin
White House
Pentagon
State Department
Downing Street
Congress
Sputnik
Reuters
Associated Press|AP
AFP|Agence France-Presse
TASS
Interfax
Xinhua
Bloomberg
BBC
CNN
Al Jazeera
Lockheed Martin
Northrop Grumman
Goldman Sachs
Morgan Stanley
JPMorgan Chase
Wells Fargo
Merrill Lynch
Berkshire Hathaway
Booz Allen Hamilton|Booz Allen
Dow Jones
Best Buy
Home Depot
Kaiser Permanente
Charles Schwab
John Deere
Edward Jones
Arthur Andersen
"""
# Every name of ORGANISATIONS.
ORGANISATION_NAMES = frozenset(
    name for line in ORGANISATIONS.strip().splitlines() for name in line.split("|")
)
# Nouns for a body of people that a name may follow as its own ("the rights group Civic
# Watch", "the watchdog Transparency Now"): that name is the body's, not a person's.
BODY_NOUNS = word_set(
    "group organisation organization watchdog charity coalition alliance movement network "
    "association federation union"
)


def noun_before(text: str, lo: int, start: int, nouns: frozenset[str]) -> bool:
    """Whether one of ``nouns`` is the word just before a name at start, one space or
    more between them ("the rights group Civic Watch"), looking no further back than lo."""
    if start - 1 <= lo or text[start - 1] != " ":
        return False
    words = text[max(lo, start - 20) : start - 1].rsplit(None, 1)
    return bool(words) and words[-1] in nouns


def body_noun_before(text: str, lo: int, start: int) -> bool:
    """Whether one of BODY_NOUNS is the word just before a name at start. Attribution and
    actors both read a name so placed as a body's."""
    return noun_before(text, lo, start, BODY_NOUNS)


# Capitalised title words that may precede a name: "Foreign Minister Sergei Lavrov",
# "Senate Minority Whip Dick Durbin" (the words before the last title word are the title's).
TITLE_WORDS = word_set(
    "President Prime Minister Secretary Spokesman Spokeswoman Spokesperson Ambassador Envoy "
    "Representative General Gen Colonel Col Commander Chief Director Chairman Chairwoman "
    "Governor Gov Mayor Senator Sen Rep Deputy King Queen Prince Pope Judge Professor Prof "
    "Leader Head Officer Adviser Advisor Captain Capt Lieutenant Lt Sheikh Emir Premier "
    "Chancellor Speaker Attorney Prosecutor Lawmaker Whip"
)
# Title words of ranks, clerics, companies' officers and counsel ("Rear Admiral Guan Li",
# "Ayatollah Ali Sadr", "Lumeria CEO Ann Lee", "General Counsel Ann Lee"): they head a title
# before a name as TITLE_WORDS do, but "of" after them starts a body's name, not an
# office's ("the CEO of Lumeria": a role and a company, not one name), and actors does not
# read them as role nouns. Attribution reads both lists alike.
RANK_TITLES = word_set(
    "Commissioner Secretary-General Marshal Sergeant Sgt Maj Admiral Adm Brigadier Ayatollah "
    "Mullah Counsel CEO CFO COO CTO"
)
HONORIFICS = word_set("Mr Mrs Ms Dr Sir Dame")
# Capitalised words that after "Title of" name the office's field, not the person:
# "Secretary of State John Kerry", "Minister of Foreign Affairs Sergei Lavrov".
OFFICE_FIELDS = word_set(
    "State Defense Defence Foreign Affairs Homeland Security Treasury Finance Justice Interior "
    "Labor Labour Commerce Energy Education Agriculture Transportation Transport Health Human "
    "Services Housing Urban Development Veterans Economy Economic Trade Industry Culture "
    "Environment War Navy Army Air Force Internal Home Public Works Information Communications "
    "Planning Immigration Science Technology Emergency Emergencies Situations Natural Resources "
    "Budget Management Intelligence National Revenue Taxes"
)
# Last words of companies' names that no person's name ends with: "General Motors",
# "United Technologies" are bodies (and "General" there no title).
# Compass words that open a place's name ("South Asia", "North Carolina", "Central
# America"): such a name is a place's, and the word alone is no one's name.
COMPASS_WORDS = word_set("North South East West Northern Southern Eastern Western Central")
COMPANY_WORDS = word_set(
    "Motors Electric Dynamics Industries Airlines Airways Foods Technologies Pharmaceuticals "
    "Petroleum Holdings Enterprises Laboratories Insurance"
)
# Words of an organisation's name, wherever they stand in it ("Ministry of Defence",
# "Collective Security Treaty Organization", "General Motors": a company, not a General
# called Motors): a name holding one is a body's, not a person's, and the word is no given
# name or surname.
ORG_WORDS = COMPANY_WORDS | word_set(
    "Ministry Office Organization Organisation Agency Council Committee Police Army Union "
    "Party Bank Department Service Commission Court Government Administration "
    "Forces Force Guard Guards Group Institute Foundation Association Federation Company "
    "Corporation Corp Inc Ltd Authority Authorities Bureau Parliament Senate "
    "Assembly Embassy Mission Secretariat Fund Alliance Front Movement Network Navy Command "
    "Corps Troops Brigade Battalion Division Cabinet Directorate Coalition University "
    "Hospital Tribunal Duma Majlis Legislature Commissariat Inspectorate Prosecutor's "
    "Ministry's Consulate Board Centre Center Programme Program Airlines Airways Railways "
    "News Times Post Journal Television Radio"
)
# Capitalised words that start sentences or clauses and are never a name on their own.
CAP_STOP = word_set(
    "The A An In On At This That These Those It He She They We I But And Or According After "
    "Before When While If As Also However Meanwhile Earlier Later Last Next Some Many Most "
    "Speaking Asked Over Under About Since Until During From With Without For By Then Still "
    "Yet So Thus There Here What Which Who Where Why How Only Even Both All Each Every Such "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Today Yesterday Tomorrow"
)


# --- Names holding an ampersand -------------------------------------------------------

# The words that head a title before a name, with or without their point ("Sen.", "Mr").
_TITLE_HEAD_WORDS = TITLE_WORDS | RANK_TITLES | HONORIFICS


def ampersand_joins_people(words: list[str], i: int) -> bool:
    """Whether the ampersand words[i] joins two people's names, as "and" would: before a
    title or "I" ("Rudy Giuliani & Sen. Jeff Sessions", "Ann & I"), or between given names
    ("Jim & Sarah", "Ann Lowe & Tom Hale"; not "Simon & Schuster", "Ben & Jerry's")."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return i > 0 and (
        after == "I"
        or after.rstrip(".") in _TITLE_HEAD_WORDS
        or (
            is_given_name(after)
            and (is_given_name(words[i - 1]) or (i > 1 and is_given_name(words[i - 2])))
        )
    )


def ampersand_body(words: list[str]) -> bool:
    """Whether a name, given as its words, holds an ampersand that makes it a body's name:
    initials joined by one ("S.&P. Global", "AT&T Mobility") or names joined by one
    ("Procter & Gamble"), never a person's; but not an ampersand that joins two people
    (ampersand_joins_people). Attribution and actors both type a name so."""
    found = False
    for i, word in enumerate(words):
        if "&" in word:
            if word == "&" and ampersand_joins_people(words, i):
                return False
            found = True
    return found


# --- Given names ----------------------------------------------------------------------

# Common English given names, by the sex they are mostly given to: a name whose first word
# is one is a person's ("Donald Trump", even beside a body: "Goldman Sachs and Donald
# Trump"), and "he" or "she" does not refer to a person whose given name is the other
# sex's. Written by hand from common US and British names and the politicians' names of
# the news; names given to both sexes ("Jordan", "Kelly", "Chris", "Leslie") and names
# that are also common words or companies' ("Hope", "Grace", "Morgan", "Will") are left
# out. Short forms are listed beside the full names ("Jim", "Liz").
FEMALE_NAMES = word_set(
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Sara Karen Lisa "
    "Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda "
    "Dorothy Melissa Deborah Debra Debbie Stephanie Rebecca Sharon Laura Cynthia Kathleen "
    "Amy Angela Shirley Anna Ann Anne Annie Brenda Pamela Emma Nicole Helen Samantha "
    "Katherine Kathryn Catherine Kathy Cathy Christine Christina Rachel Carolyn Janet "
    "Maria Marie Heather Diane Dianne Diana Ruth Julie Julia Olivia Joyce "
    "Lauren Joan Joanne Evelyn Judith Judy Megan Andrea Cheryl Hannah Jacqueline "
    "Martha Gloria Teresa Theresa Frances Janice Abigail Alice Sophia Sophie "
    "Denise Amber Doris Marilyn Danielle Beverly Isabella Natalie Brittany "
    "Kayla Alexis Lori Hillary Carly Kellyanne Huma Melania Ivanka Nikki Condoleezza Liz "
    "Kate Katie Jane Jill Jenny Peggy Nina Rosa Maxine Tammy Tulsi Kamala Marsha "
    "Kirsten Claire Heidi Ayanna Ilhan Alexandria Megyn Gretchen Mika Katrina Wendy Ellen "
    "Eleanor Irene Ivana Jeanne Leah Lucy Mia Monica Paula Penny Stacey Tina Valerie "
    "Vanessa Yvonne Zoe Sheila Molly Angelina Bernadette Caroline Cecilia Clara Donatella "
    "Elaine Elena Eva Fiona Gina Harriet Ingrid Irina Joanna Josephine Karin Kristen Lena "
    "Loretta Lydia Marcia Margot Maureen Michele Natasha Olga Rita Roberta Sally Susie "
    "Suzanne Sylvia Tanya Tatiana Ursula Vera Veronica Yulia Nicola Priti Jacinda Dilma "
    "Cristina Golda Indira Benazir Mazie Elise Malia Sasha Lara Omarosa "
    "Stormy Madeleine Gwen Joni Maggie Shelley Marianne Dolores Agnes Colleen Erin "
    "Kristin Jeanine Susana"
)
MALE_NAMES = word_set(
    "James Jim Jimmy John Johnny Jon Robert Rob Bob Bobby Michael Mike William Bill Billy "
    "David Dave Richard Rick Dick Joseph Joe Thomas Tom Tommy Charles Charlie Chuck "
    "Christopher Daniel Dan Danny Matthew Matt Anthony Tony Mark Donald Steven "
    "Stephen Steve Paul Andrew Andy Joshua Josh Kenneth Ken Kevin Brian George Timothy "
    "Tim Ronald Ron Edward Ed Ted Jason Jeffrey Jeff Ryan Jacob Gary Nicholas Nick Eric "
    "Jonathan Larry Justin Scott Brandon Benjamin Ben Samuel Gregory Greg Alexander Frank "
    "Patrick Raymond Ray Jack Dennis Jerry Tyler Aaron Adam Nathan Henry Hank Douglas "
    "Doug Zachary Peter Kyle Ethan Walter Noah Jeremy Keith Roger Gerald Harold Sean Carl "
    "Arthur Lawrence Dylan Jesse Bryan Bruce Gabriel Logan Albert Alan Allen Juan Wayne "
    "Elijah Randy Roy Vincent Ralph Eugene Russell Philip Phil Louis Harry Howard Fred "
    "Martin Bernie Bernard Marco Jeb Rand Mitch Barack Newt Reince Corey Rudy Marcus Nate "
    "Stan Todd Trey Vladimir Sergei Sergey Dmitry Boris Igor Ivan Emmanuel Francois Hugo "
    "Mohammed Muhammad Ahmed Abdul Benny Lamar Orrin Mitt Ross Rex Wilbur Herman Jared "
    "Rudolph Rodney Xavier Lloyd Luke Leon Leonard Marvin Maurice Melvin Neil Norman "
    "Oliver Oscar Otto Reggie Roland Ruben Rupert Shane Sidney Simon Stuart Theodore "
    "Travis Troy Victor Warren Wesley Willie Winston Zach Angus Barry Bradley Brad Brett "
    "Clarence Clint Craig Curtis Dale Darrell Derek Duncan Dwight Edgar Elliot "
    "Ernest Floyd Harvey Jay Jeremiah Jimmie Joel Jorge Karl Kurt Leroy Lyndon "
    "Malcolm Paolo Pedro Pete Pierre Ricardo Ricky Sergio Silvio Spencer Terrence Ulysses "
    "Vernon Wade Wolfgang Woodrow Hugh Thad Tad Trent Kirk Herbert Harold Gerhard "
    "Mikhail Nikolai Yuri Viktor Ali Hassan Omar Ibrahim"
)


def is_given_name(word: str) -> bool:
    """Whether a word is one of the common given names (FEMALE_NAMES, MALE_NAMES)."""
    return word in FEMALE_NAMES or word in MALE_NAMES


def given_name_sex(word: str) -> str:
    """ "female" or "male" for a given name mostly given to that sex, "" for any other."""
    return "female" if word in FEMALE_NAMES else "male" if word in MALE_NAMES else ""
