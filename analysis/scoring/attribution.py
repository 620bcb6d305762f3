"""Attribution: who is quoted or paraphrased, how, and which claims carry no source.

Pure regular-expression heuristics, no model: direct quotes ("…," X said / X said: "…" /
"…" — X), reported speech around a reporting-verb lexicon, simple speaker resolution
(surname aliases, "He"/"She", "the envoy"), source typing (named person, named
organisation, anonymous) and sentences that state facts without any attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from analysis.scoring import SHARED_CACHE_SIZE, ScoreResult, register
from analysis.scoring.sentences import rare_characters, split_spans

# --- Lexicons -------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _trie(words) -> str:
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


NEUTRAL_VERBS = _words(
    "said says say told tells added adds noted note stated explained explains announced "
    "announces confirmed confirms reported wrote writes cited mentioned remarked commented "
    "replied responded recalled observed warned warns stressed stresses argued argues denied "
    "denies emphasized emphasised declared declares tweeted acknowledged asserted"
)
LOADED_VERBS = _words(
    "claimed claims claim insisted insists insist admitted admits admit alleged alleges "
    "allege conceded concedes concede boasted boasts complained complains lamented purported"
)
# Words before a cue that make it an adjective, a passive or an infinitive instead.
_NOT_CUE_BEFORE = _words(
    "the a an this these those such so-called aforesaid his her its their our my your any no "
    "some was were is are been be being am to"
)
ROLE_NOUNS = _words(
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
# Capitalised title words that may precede a name: "Foreign Minister Sergei Lavrov".
TITLE_WORDS = _words(
    "President Prime Minister Secretary Spokesman Spokeswoman Spokesperson Ambassador Envoy "
    "Representative General Gen Colonel Col Commander Chief Director Chairman Chairwoman "
    "Governor Gov Mayor Senator Sen Rep Deputy King Queen Prince Pope Judge Professor Prof "
    "Leader Head Officer Adviser Advisor Captain Capt Lieutenant Lt Sheikh Emir Premier "
    "Chancellor Speaker Attorney Prosecutor Lawmaker"
)
HONORIFICS = _words("Mr Mrs Ms Dr Sir Dame")
ORG_WORDS = _words(
    "Ministry Office Organization Organisation Agency Council Committee Police Army Union "
    "Party Bank Department Service Services Commission Court Government Administration Forces "
    "Guard Guards Group Institute Foundation Association Federation Company Corporation Corp "
    "Inc Ltd Authority Authorities Bureau Parliament Senate Congress Assembly Embassy Mission "
    "Secretariat Fund Alliance Front Movement Network Navy Command Center Centre Kremlin "
    "Pentagon Taliban Reuters Sputnik TASS Interfax Xinhua Bloomberg Tass Ria Novosti Times "
    "News Post Press Media Television Radio Journal University Hospital Coalition Cabinet "
    "Directorate Staff Troops Prosecutor's Ministry's"
)
# Capitals, countries and agencies used as speakers by metonymy ("Moscow said").
KNOWN_ORGS = _words(
    "Moscow Washington Beijing Kyiv Kiev Tehran Ankara London Paris Berlin Brussels Kabul "
    "Dushanbe Tashkent Islamabad Delhi Tokyo Seoul Pyongyang Jerusalem Damascus Baghdad Riyadh "
    "Cairo Minsk Hamas Hezbollah Russia Ukraine China Iran Turkey Israel Afghanistan Pakistan "
    "India Japan France Germany Britain Uzbekistan Tajikistan Kazakhstan Kyrgyzstan "
    "Turkmenistan Syria Iraq Egypt Belarus NATO AFP AP"
)


def _all_known_orgs(words: list[str]) -> bool:
    """Several known states or organisations joined by "and" or commas."""
    names = [w.rstrip(",") for w in words if w not in ("and", "&")]
    return len(names) > 1 and all(n in KNOWN_ORGS for n in names)


# Capitalised words that start sentences or clauses and are never a name on their own.
CAP_STOP = _words(
    "The A An In On At This That These Those It He She They We I But And Or According After "
    "Before When While If As Also However Meanwhile Earlier Later Last Next Some Many Most "
    "Speaking Asked Over Under About Since Until During From With Without For By Then Still "
    "Yet So Thus There Here What Which Who Where Why How Only Even Both All Each Every Such "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Today Yesterday Tomorrow"
)

# --- Regular expressions --------------------------------------------------------------

_W = r"[\w’'\-]"  # a word character, apostrophes and hyphens included
_CAP = r"[A-Z][\w’'\-]*(?:\.[A-Z])*\.?"
_JOIN = r"(?:\s+(?:of|for|on|and|de|del|al|bin|ibn|van|von|der|da|di|la|le|el)(?:\s+the)?)?\s+"
_NAME = rf"{_CAP}(?:{_JOIN}{_CAP}){{0,7}}"
_ROLE_ALT = _trie(ROLE_NOUNS)
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
    r"in|at|from|with)\s+[^,.;:\"“”«»()]{1,60}?)?"
)
_ANON = rf"(?:(?:{_ANON_MOD}\s+){{0,3}}{_ANON_PLURAL}|{_ANON_SING}){_ANON_TAIL}"
_TITLE_PRE = rf"(?:(?:{_W}+\s+){{0,2}}?{_ROLE}\s+)"
_SPEAKER = (
    rf"(?P<spk>(?P<pron>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)(?!{_W})"
    rf"|(?P<anon>{_ANON})(?!{_W})"
    rf"|(?P<role>[Tt]he\s+(?:{_W}+\s+){{0,2}}?{_ROLE})"
    rf"|(?:(?P<the>[Tt]he)\s+)?(?P<title>{_TITLE_PRE})?(?P<named>{_NAME}))"
)
_APPOS = r"(?:\s*,\s*(?P<app>(?:\([^()]*\)|[^,;:\"“”«»()]){2,160}?)\s*,)?"
_ADV = (
    r"(?:(?:also|later|previously|has|had|have|then|further|again|once|earlier|repeatedly|"
    r"publicly|reportedly|separately|recently|would|will|privately|initially|originally|"
    r"subsequently|had\s+earlier|has\s+also|has\s+repeatedly)\s+){0,3}"
)
_VERB_ALT = _trie(NEUTRAL_VERBS | LOADED_VERBS)
_CUE = re.compile(
    rf"(?<!{_W})(?:(?P<acc>[Aa]ccording\s+to)|(?P<verb>{_VERB_ALT}|pointed\s+out))(?!{_W})"
)
# Speaker directly before a cue that ends at endpos: "Hasan Sultonov, <appos>, said".
_BEFORE = re.compile(rf"(?<!{_W}){_SPEAKER}{_APPOS}\s*{_ADV}\Z")
# Speaker right after a cue: ", said Sultonov" / "according to the envoy,".
_STOP_AFTER = (
    r"(?=\s*(?:[.,;:!?)\"”»]|\Z)|\s+(?:on|in|at|during|after|before|late|earlier|last|this|"
    r"told|adding|who|when|as|and|that)(?!\w))"
)
_AFTER = re.compile(
    rf"\s+{_SPEAKER}(?:,\s*(?=(?:the|an?|his|her|its|their)\s|[A-Z]|{_W}+[’']s\s)"
    rf"(?P<app>(?:\([^()]*\)|[^,.;:\"“”«»()]){{2,160}}?))?{_STOP_AFTER}"
)
_QUOTE = re.compile(r'"[^"\n]+"|“[^”]+”|«[^»]+»')
# After a closing quote: `"…," Sultonov said` / `"…," said Sultonov` / `"…" — Sultonov`.
_TAIL_SPEAKER_CUE = re.compile(rf"[ \t]*,?[ \t]*{_SPEAKER}{_APPOS}\s*{_ADV}(?P<cue>{_CUE.pattern})")
_TAIL_CUE = re.compile(rf"[ \t]*,?[ \t]*(?P<cue>{_CUE.pattern})")
_TAIL_DASH = re.compile(rf"[ \t]*,?[ \t]*(?P<dash>—|–|--)[ \t]*{_SPEAKER}")
# Before an opening quote: `Sultonov said: "…"`, `X said that "…"`, `X told reporters: "…"`.
_HEAD_END = re.compile(r"(?:\s+that|(?:\s+[^\s:\"“”«»,.]+){0,6}\s*:|\s*,)?\s*\Z")
_ANON_CUE = re.compile(
    r"(?:(?P<adv>\breportedly|\ballegedly|\bpurportedly)|\b[Ii]t\s+(?:is|was|has\s+been|had\s+been)"
    r"\s+(?:reported|claimed|alleged|said|believed|understood|rumou?red))(?!\w)"
)
_TOLD_NON_SPEECH = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|some|bad|good|funny|old|tall)\s+){0,2}"
    r"(?:jokes?|stor(?:y|ies)|tales?|lies?|anecdotes?|fortunes?|off)(?!\w)"
)
_THAT = re.compile(r"\s*(?:[,:]\s*)?(?:(?:[\w’'\-]+\s+){0,4}?that\s+)?")
_WORD = re.compile(rf"{_W}+")
_W_CHAR = re.compile(_W)
_TO_FOR = re.compile(r"\s+(?:to|for)\b")
_DASH_END = re.compile(r"\s*(?:[,.;]|\Z|\n)")
_QUOTE_BEFORE = re.compile(r"[,”\"»]\s*\Z")
_ACRONYM = re.compile(r"[A-Z][A-Z.&]+")


def _after_first_letter(words) -> str:
    """Words as "(?<=T)he|(?<=T)his|…": for a pattern that has just consumed the first letter."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"(?<={re.escape(ch)}){_trie(r)}" for ch, r in sorted(rests.items()))


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

_A_TO_Z = bytes(ch if 97 <= ch <= 122 else 32 for ch in range(256))  # others: a space


class Lowered:
    """A text in lower case, of the same length; that as bytes with only the letters a-z
    (any other character a space); and those runs of letters. The claims scorer uses it
    too."""

    def __init__(self, text: str) -> None:
        lower = text.lower()
        self.same = len(lower) == len(text)  # else str.lower() of a slice may differ
        if not self.same:  # a rare character whose lower case is longer: kept as it is
            lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self.lower = lower
        self.rare = rare_characters(text)
        self.letters = lower.encode("ascii", "replace").translate(_A_TO_Z)
        self.runs = self.letters.split()

    def find_all(self, words) -> list[int]:
        """Where the words (bytes) start in the letters, in no particular order."""
        found = []
        for word in words:
            i = self.letters.find(word)
            while i >= 0:
                found.append(i)
                i = self.letters.find(word, i + 1)
        return found


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def lowered(text: str) -> Lowered:
    return Lowered(text)


# Byte tables for the classes of characters: "a" for a word character as _W counts it,
# or for a \w character; a space for any other.
_W_TABLE = bytes(97 if _W_CHAR.match(chr(ch)) else 32 for ch in range(256))
_ALNUM_TABLE = bytes(97 if chr(ch).isalnum() or ch == 95 else 32 for ch in range(256))


def _ascii_stand_in(ch: str) -> str:
    """An ASCII character of the same class for _W and \\w as ch."""
    return "a" if ch.isalnum() or ch == "_" else "'" if _W_CHAR.match(ch) else " "


class _Scan:
    """What the scans of one article share: its sentences, the words present and the
    classes of its characters as bytes."""

    def __init__(self, text: str, spans) -> None:
        self.text = text
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.lowered = lowered(text)
        # Only the words looked up: cheaper than a set of all of them.
        self.words = _LOOKED_UP.intersection(self.lowered.runs)
        ascii_text = text
        for ch in self.lowered.rare:
            ascii_text = ascii_text.replace(ch, _ascii_stand_in(ch))
        ascii_bytes = ascii_text.encode("ascii")
        self.word_bytes = ascii_bytes.translate(_W_TABLE)
        self.alnum_bytes = ascii_bytes.translate(_ALNUM_TABLE)

    def sentence(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def count_words(self, start: int, end: int) -> int:
        """len(_WORD.findall(text, start, end)): the runs of word characters from start."""
        if end <= start:
            return 0
        first = self.word_bytes[start : start + 1] == b"a"
        return self.word_bytes.count(b" a", start, end) + first


_CUE_WORDS = frozenset(w.encode() for w in NEUTRAL_VERBS | LOADED_VERBS | {"according", "pointed"})
_ANON_ADVERBS = frozenset((b"reportedly", b"allegedly", b"purportedly"))
_ANON_VERBS = frozenset(
    w.encode() for w in _words("reported claimed alleged said believed understood rumoured rumored")
)
_LOOKED_UP = _CUE_WORDS | _ANON_ADVERBS | _ANON_VERBS | {b"it", b"is", b"was", b"been"}
# "it" before "is/was/has been/had been" and a verb of saying: where an _ANON_CUE can start.
_IT_HINT = re.compile(
    r"t(?=\s+(?:is|was|ha[sd]\s+been)\s+(?:reported|claimed|alleged|said|believed|understood"
    r"|rumou?red))"
)


def _cues(scan: _Scan) -> list[list[re.Match]]:
    """What _CUE.finditer gives over each sentence. A cue is a whole word in lower case
    (or "according to", "pointed out"), so it can only start where one of the cue words
    occurs in the lower-cased text; and no two cues overlap."""
    text, spans, starts = scan.text, scan.spans, scan.starts
    words = _CUE_WORDS.intersection(scan.words)
    result: list[list[re.Match]] = [[] for _ in spans]
    for pos in sorted(set(scan.lowered.find_all(words))):
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
    positions = scan.lowered.find_all(_ANON_ADVERBS.intersection(words))
    if (
        b"it" in words
        and (b"is" in words or b"was" in words or b"been" in words)
        and not _ANON_VERBS.isdisjoint(words)
    ):
        positions += [m.start() for m in _IT_HINT.finditer(scan.text)]
    return {scan.sentence(pos) for pos in positions}


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
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ADV_TO_END = re.compile(rf"\s*{_ADV}\Z")


def _speaker_before(scan: _Scan, lo: int, end: int) -> re.Match | None:
    """_BEFORE.search(text, lo, end) for a cue at end, trying _BEFORE only at the words
    where a speaker can start and reach the cue: each attempt is costly."""
    text, word_bytes = scan.text, scan.word_bytes
    if end and word_bytes[end - 1] == 97:  # not at a word start: search everywhere
        return _BEFORE.search(text, lo, end)
    comma = text.rfind(",", lo, end)
    if comma >= 0 and not _ADV_TO_END.match(text, comma + 1, end):
        lo, comma = comma + 1, -1  # no apposition ends at that comma, and no speaker holds one
    words = _WORD.findall(text, lo, end)
    if words and lo and word_bytes[lo] == word_bytes[lo - 1] == 97:
        del words[0]  # the end of a word that starts before lo: no speaker starts there
    # Without a noun of an anonymous source, nothing before a word that no other speaker
    # can hold can start one (when no comma lies between).
    anon = not "".join(words).isascii() or not _ANON_NOUNS.isdisjoint(map(str.lower, words))
    # From the cue back. A named, role or pronoun speaker from a word reaches the cue (or
    # the comma of an apposition) only if every word up to there can stand in one. Words
    # that are not ASCII count as anything: the patterns ignore case the Unicode way.
    starts = []
    reaches = True
    after = end
    role1 = role2 = False  # the next two words are role nouns
    noun_in = 99  # words to the nearest noun of an anonymous source
    for word in reversed(words):
        # The word ends with the last word character before after.
        start = word_bytes.rfind(b"a", lo, after) + 1 - len(word)
        low = word.lower() if word.isascii() else ""
        role = not low or low in ROLE_NOUNS
        titled = role or role1 or role2
        capital = not low or word[0] in _UPPER
        if comma >= 0 and text.find(",", start + len(word), after) >= 0:
            reaches = True
        reaches = reaches and (capital or titled or low in _SPEAKER_INNER)
        if anon:
            noun_in = 0 if not low or low in _ANON_NOUNS else noun_in + 1
        elif not reaches and (comma < 0 or text.rfind(",", lo, start) < 0):
            break
        if (reaches or noun_in <= 6) and (capital or titled or low in _SPEAKER_OPENERS):
            starts.append(start)
        role1, role2 = role, role1
        after = start
    for start in reversed(starts):
        m = _BEFORE.match(text, start, end)
        if m:
            return m
    return None


# --- Candidates -----------------------------------------------------------------------


def _cue_info(cue: str) -> tuple[str, bool]:
    return cue, cue.split()[0].lower() in LOADED_VERBS


def _prev_word(scan: _Scan, lo: int, end: int) -> str | None:
    """What ``re.search(rf"({_W}+)\\W*\\Z", text, lo, end)`` captures, without trying
    every start: the run of _W characters that holds the last \\w character (or, if there
    is none, the first run of ’ ' -), taken as far as it goes."""
    word_bytes = scan.word_bytes
    j = scan.alnum_bytes.rfind(b"a", lo, end) + 1  # after the last \w character
    if j:
        start = max(word_bytes.rfind(b" ", lo, j - 1) + 1, lo)
    else:  # only ’ ' - can be word characters here
        start = word_bytes.find(b"a", lo, end)
        if start < 0:
            return None
        j = start
    stop = word_bytes.find(b" ", j, end)
    return scan.text[start : stop if stop >= 0 else end]


def _is_false_cue(scan: _Scan, start: int, end: int, cue: str, lo: int) -> bool:
    if cue.lower().startswith("according"):
        return False
    text = scan.text
    prev = _prev_word(scan, max(lo, start - 40), start)
    if prev and prev.lower() in _NOT_CUE_BEFORE:
        # "the said property", "what was said", "declined to say".
        return True
    if cue == "told" and _TOLD_NON_SPEECH.match(text, end):
        return True
    return bool(cue in ("added", "noted") and _TO_FOR.match(text[end : end + 6]))


def _speaker(m: re.Match) -> dict:
    groups = m.groupdict()
    kind = (
        "pron"
        if groups["pron"]
        else "anon"
        if groups["anon"]
        else "role"
        if groups["role"]
        else "named"
    )
    start, end = m.span("spk")
    return {
        "kind": kind,
        "text": groups["spk"],
        "start": start,
        "end": end,
        "the": bool(groups.get("the")),
        "title": (groups.get("title") or "").strip(),
        "named": groups.get("named") or "",
        "app": (groups.get("app") or "").strip(),
    }


def _head_attribution(
    scan: _Scan, cues: list[re.Match], lo: int, qs: int
) -> tuple[re.Match, re.Match] | None:
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
    spk = _speaker_before(scan, lo, best.start())
    if spk is None:
        return None
    return spk, best


def _candidates(scan: _Scan, quotes: list[tuple[int, int]]) -> list[dict]:
    text, spans = scan.text, scan.spans
    cues = _cues(scan)
    used_cues: set[int] = set()
    found: list[dict] = []
    by_cue: dict[int, dict] = {}

    def add(spk_m, cue_start, cue_end, cue, loaded, start, end, c_start, c_end, direct):
        if cue_start in by_cue and direct:
            # `"A," he said, "B."`: one attribution that covers both quotes.
            item = by_cue[cue_start]
            item["start"], item["end"] = min(item["start"], start), max(item["end"], end)
            item["content_start"] = min(item["content_start"], c_start)
            item["content_end"] = max(item["content_end"], c_end)
            return
        item = {
            "speaker_raw": _speaker(spk_m) if spk_m is not None else None,
            "cue": cue,
            "loaded": loaded,
            "cue_start": cue_start,
            "cue_end": cue_end,
            "start": start,
            "end": end,
            "content_start": c_start,
            "content_end": c_end,
            "direct": direct,
        }
        if direct:
            item["content_start"], item["content_end"] = _trim(text, c_start, c_end)
        found.append(item)
        by_cue[cue_start] = item
        used_cues.add(cue_start)

    # Direct quotes.
    for qs, qe in quotes:
        sentence = scan.sentence(qs)
        sent_lo = spans[sentence][0]
        last = scan.sentence(max(qe - 1, qs))
        sent_end = spans[last][1]
        # The two tails with a cue need one of the sentence's cues after the quote.
        if any(cue.start() >= qe for cue in cues[last]):
            m = _TAIL_SPEAKER_CUE.match(text, qe, sent_end)
            if m and not _is_false_cue(scan, *m.span("cue"), m.group("cue"), qe):
                add(m, *m.span("cue"), *_cue_info(m.group("cue")), qs, qe, qs + 1, qe - 1, True)
                continue
            m = _TAIL_CUE.match(text, qe, sent_end)
            spk = _AFTER.match(text, m.end(), sent_end) if m and m.group("verb") else None
            if spk:
                cue = m.group("cue")
                add(spk, *m.span("cue"), *_cue_info(cue), qs, qe, qs + 1, qe - 1, True)
                continue
        m = _TAIL_DASH.match(text, qe, sent_end)
        if m and _DASH_END.match(text[m.end() : m.end() + 2]):
            d0, d1 = m.span("dash")
            add(m, d0, d1, m.group("dash"), False, qs, qe, qs + 1, qe - 1, True)
            continue
        head = _head_attribution(scan, cues[sentence], sent_lo, qs)
        if head:
            spk, cue = head
            if not _is_false_cue(scan, cue.start(), cue.end(), cue.group(0), sent_lo):
                add(spk, *cue.span(), *_cue_info(cue.group(0)), qs, qe, qs + 1, qe - 1, True)

    quote_starts = [s for s, _ in quotes]

    def in_quote(pos: int) -> bool:
        # Quotes do not overlap: only the last one opening before pos can hold it.
        i = bisect_left(quote_starts, pos) - 1
        return i >= 0 and pos < quotes[i][1]

    # Reported speech, sentence by sentence.
    anon_cue_sentences = _anon_cue_sentences(scan)
    for i, (s_start, s_end) in enumerate(spans):
        if not cues[i] and i not in anon_cue_sentences:
            continue
        sentence_found = False
        for cue in cues[i]:
            c0, c1 = cue.span()
            if c0 in used_cues or in_quote(c0):
                continue
            word = cue.group(0)
            if _is_false_cue(scan, c0, c1, word, s_start):
                continue
            lo = max([s_start] + [e for s, e in quotes if s_start <= e <= c0])
            loaded = word.split()[0].lower() in LOADED_VERBS
            if cue.group("acc"):
                spk = _AFTER.match(text, c1, s_end)
                if not spk:
                    continue
                if text[lo:c0].strip(' "“«'):
                    c_start, c_end = lo, c0
                else:
                    c_start, c_end = spk.end("spk"), s_end
                add(spk, c0, c1, word, loaded, s_start, s_end, *_trim(text, c_start, c_end), False)
                sentence_found = True
                continue
            spk = _speaker_before(scan, _speaker_window(text, lo, c0), c0)
            inverted = False
            if spk is None and _QUOTE_BEFORE.search(text[max(lo, c0 - 3) : c0]):
                spk = _AFTER.match(text, c1, s_end)
                inverted = spk is not None
            if spk is None:
                continue
            before = text[lo : spk.start("spk")] if not inverted else text[lo:c0]
            tail = _THAT.match(text, (spk.end() if inverted else c1), s_end)
            after_that = "that" in text[tail.start() : tail.end()].split()
            if before.strip(' ,"“«') and (
                len(_WORD.findall(before)) >= 3 and not after_that or inverted
            ):
                c_start, c_end = lo, (spk.start("spk") if not inverted else c0)
            else:
                c_start, c_end = tail.end(), s_end
            add(spk, c0, c1, word, loaded, s_start, s_end, *_trim(text, c_start, c_end), False)
            sentence_found = True
        if not sentence_found and i in anon_cue_sentences:
            for m in _ANON_CUE.finditer(text, s_start, s_end):
                if in_quote(m.start()):
                    continue
                cue = m.group(0)
                found.append(
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
                break
    found.sort(key=lambda a: a["cue_start"])
    return found


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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:\n":
        start += 1
    while end > start and text[end - 1] in " ,;:\n":
        end -= 1
    return start, end


# --- Resolution -----------------------------------------------------------------------


def _synonyms(noun: str) -> set[str]:
    result = {noun}
    for group in _SYNONYM_GROUPS:
        if noun in group:
            result |= group
    return result


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w not in ("The",))


class _Resolver:
    def __init__(self) -> None:
        self.sources: dict[str, dict] = {}
        self.people: list[str] = []  # person names in order of mention
        self.orgs: list[str] = []
        self.renamed: dict[str, str] = {}  # bare surname -> full name given later

    def _touch(self, name: str, kind: str, role: str) -> str:
        src = self.sources.get(name)
        if src is None:
            src = self.sources[name] = {"name": name, "type": kind, "role": role, "count": 0}
        elif role and not src["role"]:
            src["role"] = role
        src["count"] += 1
        history = self.people if kind == "named_person" else self.orgs
        if kind in ("named_person", "named_org"):
            if name in history:
                history.remove(name)
            history.append(name)
        return name

    def _by_role(self, noun: str) -> str | None:
        words = _synonyms(noun.lower())
        for name in reversed(self.people):
            role = self.sources[name]["role"].lower()
            if noun.lower() == "official" or any(w in role for w in words):
                return name
        return self.people[-1] if self.people else None

    def resolve(self, raw: dict | None) -> tuple[str | None, str, str]:
        if raw is None:
            return None, "anonymous", ""
        kind = raw["kind"]
        if kind == "pron":
            p = raw["text"].lower()
            if p in ("he", "she") and self.people:
                return self._found(self.people[-1])
            if p in ("it", "they") and self.orgs:
                return self._found(self.orgs[-1])
            return None, "unresolved", ""
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
            self._touch(name, "anonymous", raw["app"])
            return name, "anonymous", raw["app"]
        if kind == "role":
            noun = raw["text"].split()[-1]
            name = self._by_role(noun)
            if name:
                return self._found(name)
            role = " ".join(raw["text"].split()[1:])
            self._touch(raw["text"], "anonymous", role)
            return raw["text"], "anonymous", role
        return self._named(raw)

    def _found(self, name: str) -> tuple[str, str, str]:
        src = self.sources[name]
        self._touch(name, src["type"], "")
        return name, src["type"], src["role"]

    def _named(self, raw: dict) -> tuple[str | None, str, str]:
        tokens = raw["named"].split()
        while tokens and tokens[0].rstrip(".") in CAP_STOP:
            tokens.pop(0)
        last = tokens[-1] if tokens else ""
        if (
            last.endswith(".")
            and len(last) > 2
            and "." not in last[:-1]
            and last[:-1] not in HONORIFICS
        ):
            tokens[-1] = last[:-1]
        if not tokens or tokens[-1].endswith(("'s", "’s")) or tokens[0] in ("and", "of"):
            return None, "unresolved", ""
        name = " ".join(tokens)
        role = " ".join(filter(None, [raw["title"], raw["app"]]))
        bare = [t.rstrip(".") for t in tokens]
        is_acronym = len(tokens) == 1 and _ACRONYM.fullmatch(tokens[0])
        if (
            raw["the"]
            or is_acronym
            or any(t in ORG_WORDS for t in bare)
            or (len(tokens) == 1 and bare[0] in KNOWN_ORGS)
            or _all_known_orgs(bare)  # "Uzbekistan and Turkmenistan said"
        ):
            if is_acronym:
                for org in reversed(self.orgs):
                    if _acronym(org) == name or f"({name})" in org:
                        return self._found(org)
            return self._touch(name, "named_org", role), "named_org", self.sources[name]["role"]
        # Split a leading title off the name: "Foreign Minister Sergei Lavrov".
        titles = [i for i, t in enumerate(bare) if t in TITLE_WORDS or t in HONORIFICS]
        if titles and titles[-1] == len(bare) - 1:
            # Only titles ("the Foreign Minister" without a name): a role reference.
            return self.resolve({**raw, "kind": "role", "text": f"the {name}"})
        if titles:
            cut = titles[-1] + 1
            title = " ".join(t for t in tokens[:cut] if t.rstrip(".") not in HONORIFICS)
            role = " ".join(filter(None, [raw["title"], title, raw["app"]]))
            tokens = tokens[cut:]
            name = " ".join(tokens)
        canonical = self._alias(name)
        self._touch(canonical, "named_person", role)
        return canonical, "named_person", self.sources[canonical]["role"]

    def _alias(self, name: str) -> str:
        if name in self.sources:
            return name
        tokens = name.split()
        if len(tokens) == 1:
            for person in reversed(self.people):
                if tokens[0] in person.split()[1:] or person.split()[-1] == tokens[0]:
                    return person
            return name
        # A full name after a bare surname: upgrade the earlier entry.
        last = tokens[-1]
        if last in self.sources and self.sources[last]["type"] == "named_person":
            src = self.sources.pop(last)
            src["name"] = name
            self.sources[name] = src
            self.people = [name if p == last else p for p in self.people]
            self.renamed[last] = name
        return name


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
    return sum(scan.count_words(s, e) for s, e in merged)


@register("attribution", "2", languages=("en",))
@lru_cache(
    maxsize=SHARED_CACHE_SIZE
)  # the claims scorer asks again for the same text; read-only result
def score_attribution(text: str) -> ScoreResult:
    spans = split_spans(text)
    if not spans:
        return ScoreResult(
            values={"sentence_count": 0},
            evidence={"attributions": [], "sources": [], "unattributed_claims": []},
        )
    scan = _Scan(text, spans)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    candidates = _candidates(scan, quotes)
    resolver = _Resolver()
    attributions = []
    for c in candidates:
        speaker, kind, role = resolver.resolve(c["speaker_raw"])
        if c["speaker_raw"] is None:
            speaker = None
        attributions.append(
            {
                "start": c["start"],
                "end": c["end"],
                "speaker": speaker,
                "speaker_type": kind,
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
    sources = list(resolver.sources.values())

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
        if _ACTOR.search(text, s, e):
            claims.append({"start": s, "end": e})

    words = scan.count_words(0, len(text)) or 1
    content = [(a["content_start"], a["content_end"]) for a in attributions]
    direct = [(a["content_start"], a["content_end"]) for a in attributions if a["direct"]]
    n_attr = len(attributions)
    named = [s for s in sources if s["type"] in ("named_person", "named_org")]
    values = {
        "sentence_count": len(spans),
        "attributed_sentence_share": round(sum(attributed) / len(spans), 4),
        "attribution_density": round(_count_in(scan, content) / words, 4),
        "direct_quote_word_share": round(_count_in(scan, direct) / words, 4),
        "named_source_count": len(named),
        "named_source_bucket": _bucket(len(named)),
        "anonymous_share": round(
            sum(a["speaker_type"] == "anonymous" for a in attributions) / n_attr, 4
        )
        if n_attr
        else 0.0,
        "loaded_verb_share": round(sum(a["loaded"] for a in attributions) / n_attr, 4)
        if n_attr
        else 0.0,
        "unattributed_claim_share": round(len(claims) / len(spans), 4),
    }
    return ScoreResult(
        values=values,
        evidence={"attributions": attributions, "sources": sources, "unattributed_claims": claims},
    )
