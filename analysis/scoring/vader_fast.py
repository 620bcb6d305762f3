"""A fast VADER: the same scores as vaderSentiment 3.3.2, computed in one pass.

``SentimentIntensityAnalyzer.polarity_scores`` lowercases the whole token list again
for every rule it checks on every lexicon word, and rescans lists with ``index``. This
module tokenises and lowercases each sentence once, looks at the words that carry a
lexicon valence only, and keeps the library's rules exactly as 3.3.2 applies them,
quirks included, so that every score is bit-for-bit the library's:

* A word's lowercase form is looked up, so lexicon entries with capitals are never
  used (":P" scores as ":p", 1.0 rather than 1.4; ":Þ" not at all), and neither are
  entries with a space ("fed up", "can't stand").
* Modifiers up to three words back are only considered when that word is not itself a
  lexicon word; so are the negations and the "never so" / "without doubt" rules.
* The "never so/this" boost (x1.25) also fires for a bare "so" or "this" right before
  the word, whenever the third word back is not a lexicon word ("found this crisis"):
  operator precedence in the library.
* Special-case idioms ("the shit", "bad ass", "kiss of death") and the "kind of" /
  "sort of" / "just enough" dampeners are only checked when the third word back exists
  and is not a lexicon word; the dampeners add -0.293 whatever the valence's sign.
* The sentiment-laden idioms ("cut the mustard") are never applied, nor is "least" in
  ``negated`` (commented out in the library).
* The "but" rule finds each value with ``list.index``: when a value already reweighted
  equals a later one, the earlier is reweighted again and the later not at all
  ("He was kind, but yeah."); that is simulated as is.
* ALL-CAPS emphasis applies when some but not all tokens are upper case; a zero valence
  in capitals (such as "NO" before a lexicon word) becomes -0.733.
"""

from __future__ import annotations

import re
import string
from importlib.resources import files
from math import sqrt

import cython

from analysis.scoring.text import fast_round

# --- The library's constants and word lists (tests/analysis/scoring/test_vader_fast.py checks
# them against vaderSentiment's own). ---

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
ALPHA = 15

# fmt: off
NEGATIONS = frozenset((
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
    "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent",
    "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
    "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
    "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
    "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't",
    "rarely", "seldom", "despite",
))

# Degree adverbs: boosters add B_INCR to the magnitude of the word they precede,
# dampeners B_DECR. The two-word ones only ever act through the idiom check.
_BOOSTING = (
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
    "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
    "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
    "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin",
    "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible",
    "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
    "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
    "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
)
_DAMPENING = (
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
    "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce",
    "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
)
# fmt: on
BOOSTERS: dict[str, float] = {
    **dict.fromkeys(_BOOSTING, B_INCR),
    **dict.fromkeys(_DAMPENING, B_DECR),
}

# Phrases whose valence replaces the word's (SPECIAL_CASES in the library).
SPECIAL_CASES: dict[str, float] = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}

# --- Lexicons, read once from the installed package. ---


def _read(name: str) -> list[str]:
    # The library reads with codecs.open (no newline translation) and strips each line.
    text = files("vaderSentiment").joinpath(name).read_bytes().decode("utf-8")
    return text.rstrip("\n").split("\n")


def _load_lexicon() -> dict[str, float]:
    lexicon = {}
    for line in _read("vader_lexicon.txt"):
        if line:
            fields = line.strip().split("\t")
            lexicon[fields[0]] = float(fields[1])
    return lexicon


def _load_emojis() -> dict[str, str]:
    emojis = {}
    for line in _read("emoji_utf8_lexicon.txt"):
        fields = line.strip().split("\t")
        emojis[fields[0]] = fields[1]
    return emojis


LEXICON = _load_lexicon()
# The library replaces emojis one character at a time: multi-character entries (flags,
# skin tones, ZWJ sequences) never match, only their single-character parts can.
EMOJIS = {e: d for e, d in _load_emojis().items() if len(e) == 1}

# --- Precomputed tables for the hot path. ---

_PUNCTUATION = string.punctuation
# Words that get a valence of their own: lexicon words, except boosters (which score 0).
_SCORED = frozenset(LEXICON) - frozenset(BOOSTERS)
# Single-word boosters, by lowercase word (multi-word ones only work as bigrams below).
_BOOSTER_WORDS = {w: v for w, v in BOOSTERS.items() if " " not in w}
# Idioms and booster bigrams, keyed by word tuple (tokens never contain a space).
_SPECIAL = {tuple(k.split(" ")): v for k, v in SPECIAL_CASES.items() if " " in k}
_BOOSTER_NGRAMS = {tuple(k.split(" ")): v for k, v in BOOSTERS.items() if " " in k}
# Words that change the valence of a lexicon word up to three places after them
# (besides words containing "n't", and idioms).
_MODIFIERS = frozenset(_BOOSTER_WORDS) | NEGATIONS | {"no", "so", "this", "least"}
# Lexicon words with rules of their own.
_SELF_MODIFYING = frozenset(("no", "kind"))
# Every idiom or booster bigram contains one of these (checked in the tests).
_IDIOM_MARKERS = frozenset(
    ("shit", "bomb", "ass", "bus", "yeah", "kiss", "die", "beating", "enough", "kind", "sort")
)
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
_AT_VERY = ("at", "very")
_EMOJI_CHARS = frozenset(EMOJIS)
# Every emoji is outside ASCII. (A character class of all 1,212 emojis would be scanned
# item by item, most of them being beyond U+FFFF: far slower than this.)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _emoji_description(match: re.Match) -> str:
    char = match.group()
    description = EMOJIS.get(char)
    if description is None:
        return char
    # Preceded by a space unless it starts the text or follows a space (as the library's
    # character loop does: an emoji right after another one also gets a space).
    at = match.start()
    if at == 0 or match.string[at - 1] == " ":
        return description
    return " " + description


def describe_emojis(text: str) -> str:
    """``text`` with each emoji character replaced by its description, as VADER does."""
    if text.isascii() or _EMOJI_CHARS.isdisjoint(text):
        return text
    return _NON_ASCII.sub(_emoji_description, text)


def _caps_differ(tokens: list[str]) -> bool:
    # ALL-CAPS emphasis counts only when some, but not all, words are upper case.
    upper = sum(map(str.isupper, tokens))
    return 0 < upper < len(tokens)


def _emphasis(valence: float, upper: bool, tokens: list[str]) -> float:
    # Capitals move a valence away from zero; a zero valence counts as negative here.
    if upper and _caps_differ(tokens):
        return valence + C_INCR if valence > 0 else valence - C_INCR
    return valence


def _scalar(boost: float, valence: float, token: str, tokens: list[str]) -> float:
    # A booster adds to the magnitude of the valence (a dampener takes from it); in
    # capitals, it adds C_INCR more, in the direction of the valence (down for zero).
    scalar = -boost if valence < 0 else boost
    if token.isupper() and _caps_differ(tokens):
        return scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def _idioms(valence: float, low: list[str], i: int) -> float:
    # Checked only when the third word back exists and is not a lexicon word.
    w3, w2, w1, w0 = low[i - 3], low[i - 2], low[i - 1], low[i]
    special = _SPECIAL
    for key in ((w1, w0), (w2, w1, w0), (w2, w1), (w3, w2, w1), (w3, w2)):
        if key in special:
            valence = special[key]
            break
    after = low[i + 1 : i + 3]
    if after:
        key = (w0, after[0])
        if key in special:
            valence = special[key]
        if len(after) == 2:
            key = (w0, after[0], after[1])
            if key in special:
                valence = special[key]
    for key in ((w3, w2, w1), (w3, w2), (w2, w1)):
        if key in _BOOSTER_NGRAMS:
            valence = valence + _BOOSTER_NGRAMS[key]
    return valence


def _valence(low: list[str], tokens: list[str], i: int) -> float:
    """The valence of lexicon word ``low[i]`` with every rule of the library applied."""
    lexicon = LEXICON
    word = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else None
    if word == "kind" and nxt == "of":
        return 0.0
    valence = base = lexicon[word]
    # "no" before another lexicon word only negates it; shortly after "no", a word is
    # negated (from the lexicon value, undoing the line above for "no no").
    if word == "no" and nxt is not None and nxt in lexicon:
        valence = 0.0
    w1 = low[i - 1] if i > 0 else None
    w2 = low[i - 2] if i > 1 else None
    w3 = low[i - 3] if i > 2 else None
    if w1 == "no" or w2 == "no" or (w3 == "no" and w1 in _OR_NOR):
        valence = base * N_SCALAR
    valence = _emphasis(valence, tokens[i].isupper(), tokens)

    # The three preceding words, when not lexicon words themselves: boosters (weighing
    # less with distance), negations and the exceptions to them.
    if w1 is not None and w1 not in lexicon:
        if w1 in _BOOSTER_WORDS:
            valence = valence + _scalar(_BOOSTER_WORDS[w1], valence, tokens[i - 1], tokens)
        if w1 in NEGATIONS or "n't" in w1:
            valence = valence * N_SCALAR
    if w2 is not None and w2 not in lexicon:
        if w2 in _BOOSTER_WORDS:
            valence = valence + _scalar(_BOOSTER_WORDS[w2], valence, tokens[i - 2], tokens) * 0.95
        if w2 == "never" and w1 in _SO_THIS:
            valence = valence * 1.25
        elif w2 == "without" and w1 == "doubt":
            pass
        elif w2 in NEGATIONS or "n't" in w2:
            valence = valence * N_SCALAR
    if w3 is not None and w3 not in lexicon:
        if w3 in _BOOSTER_WORDS:
            valence = valence + _scalar(_BOOSTER_WORDS[w3], valence, tokens[i - 3], tokens) * 0.9
        # The library's precedence: "so"/"this" just before counts even without "never".
        if (w3 == "never" and w2 in _SO_THIS) or w1 in _SO_THIS:
            valence = valence * 1.25
        elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
            pass
        elif w3 in NEGATIONS or "n't" in w3:
            valence = valence * N_SCALAR
        # Idioms are only looked for here.
        valence = _idioms(valence, low, i)
    # "least" negates, but not in "at least" or "very least".
    if w1 == "least" and w1 not in lexicon and (w2 is None or w2 not in _AT_VERY):
        valence = valence * N_SCALAR
    return valence


# Token as written -> VADER's word for it, whether that word is scored (in _SCORED),
# whether it is a modifier (in _MODIFIERS), and whether it keeps its sentence off the
# plain path below (an idiom marker, or "n't" in it). Filled as tokens come (most recur)
# and emptied past the limit. A plain dict read with get(): a dict subclass with
# __missing__ is read through the generic __getitem__ slot, several times slower.
_ENTRIES: dict[str, tuple[str, bool, bool, bool]] = {}
_ENTRIES_LIMIT = 200_000


def _word(token: str) -> str:
    # VADER's word: the token with leading and trailing punctuation stripped, unless that
    # leaves two characters or fewer (so ":)" and "no," stay), in lower case.
    low = token.lower()
    word = low.strip(_PUNCTUATION)
    return word if len(word) > 2 else low


def _entry(token: str) -> tuple[str, bool, bool, bool]:
    word = _word(token)
    entry = (
        word,
        word in _SCORED,
        word in _MODIFIERS,
        word in _IDIOM_MARKERS or "n't" in word,
    )
    if len(_ENTRIES) >= _ENTRIES_LIMIT:
        _ENTRIES.clear()
    _ENTRIES[token] = entry
    return entry


def _words(
    lowered: str, text: str, tokens: list[str]
) -> tuple[list[str], list[int], list[bool], bool]:
    """VADER's words of ``text`` (``tokens``: text.split()); the positions of the scored
    ones, and for each whether a modifier is among the three words before it; and
    whether the text holds neither "n't" nor an idiom marker (``plain``)."""
    if len(lowered) != len(text):
        # A character lowercased to two ("İ"): the length rule must see the original.
        low = [(s if len(s := w.strip(_PUNCTUATION)) > 2 else w).lower() for w in tokens]
        hits = [i for i, word in enumerate(low) if word in _SCORED]
        modified = [not _MODIFIERS.isdisjoint(low[max(i - 3, 0) : i]) for i in hits]
        return low, hits, modified, "n't" not in lowered and _IDIOM_MARKERS.isdisjoint(low)
    # Lowercasing mapped character to character, never to or from whitespace or
    # punctuation (and a final sigma's context ends at whitespace): it commutes with
    # splitting and stripping, so each token is lower-cased on its own, and "n't" (no
    # punctuation at either end) is in the text iff in one of its words. One pass over
    # the tokens, each looked up once; an entry is never empty, so never falsy.
    table = cython.declare(dict, _ENTRIES)  # compiled: read with the C API's dict lookup
    low = []
    hits = []
    modified = []
    plain = True
    last_modifier = -4
    for i, token in enumerate(tokens):
        word, scored, modifier, idiomatic = table.get(token) or _entry(token)
        low.append(word)
        if scored:
            hits.append(i)
            modified.append(i - last_modifier <= 3)
        if modifier:
            last_modifier = i
        if idiomatic:
            plain = False
    return low, hits, modified, plain


def holds_emoji(characters) -> bool:
    """Whether any of ``characters`` is an emoji that VADER replaces by its description."""
    return not _EMOJI_CHARS.isdisjoint(characters)


def _sentiments(
    text: str, lowered: str | None = None, emoji_free: bool = False, tokens=None
) -> tuple[list[float], int, str]:
    """The non-zero word sentiments in order, the number of words, and the text (with
    emojis described) that punctuation emphasis is counted on. ``lowered``: text.lower(),
    if the caller has it; ``emoji_free``: the caller knows that the text holds no emoji."""
    if not emoji_free and not text.isascii():
        described = describe_emojis(text)
        if described is not text:
            text, lowered = described, None
    if lowered is None:
        lowered = text.lower()
    # Split once: the words come from the tokens as written, whose capitals count too.
    if tokens is None or not emoji_free:
        tokens = text.split()
    low, hits, modified, plain = _words(lowered, text, tokens)
    n = len(low)
    if not hits:
        return [], n, text

    # Stripping punctuation never changes whether a token is upper case: capitals are
    # checked on the raw tokens.
    lexicon = LEXICON
    # Without "n't" or any idiom in the sentence (plain), a lexicon word with no modifier
    # among the three words before it keeps its lexicon valence (capitals aside).
    positions: list[int] = []
    values: list[float] = []
    for i, near in zip(hits, modified, strict=True):
        word = low[i]
        if plain and not near and word not in _SELF_MODIFYING:
            valence = lexicon[word]
            if tokens[i].isupper():
                valence = _emphasis(valence, True, tokens)
        else:
            valence = _valence(low, tokens, i)
        if valence:
            positions.append(i)
            values.append(valence)

    if values and "but" in low:
        _but(positions, values, low.index("but"))
    return values, n, text


def _but(positions: list[int], values: list[float], pivot: int) -> None:
    # Sentiments before the first "but" are halved, those after it weighted by 1.5. The
    # library locates each value with list.index, so when values repeat, the first equal
    # one is reweighted instead (zeros only ever hit zeros, so they are left out here).
    for k in range(len(values)):
        value = values[k]
        j = values.index(value)
        if positions[j] < pivot:
            values[j] = value * 0.5
        elif positions[j] > pivot:
            values[j] = value * 1.5


def _punctuation_emphasis(text: str) -> float:
    if "!" not in text and "?" not in text:
        return 0.0  # as below, without counting
    exclamations = min(text.count("!"), 4)
    questions = text.count("?")
    if questions <= 1:
        question_amplifier = 0
    elif questions <= 3:
        question_amplifier = questions * 0.18
    else:
        question_amplifier = 0.96
    return exclamations * 0.292 + question_amplifier


def _normalize(score: float) -> float:
    normalized = score / sqrt(score * score + ALPHA)
    if normalized < -1.0:
        return -1.0
    if normalized > 1.0:
        return 1.0
    return normalized


def compound(
    sentence: str, lowered: str | None = None, emoji_free: bool = False, tokens=None
) -> float:
    """VADER's compound score of ``sentence``, as the library computes it. ``lowered``:
    sentence.lower(), if the caller has it; ``emoji_free``: the caller knows that the
    sentence holds no emoji; ``tokens``: sentence.split(), if the caller has it (with
    emoji_free only)."""
    values, _, text = _sentiments(sentence, lowered, emoji_free, tokens)
    if not values:
        return 0.0
    return _compound_of(float(sum(values)), text)


def _compound_of(total: float, text: str) -> float:
    # The compound score of text whose sentiments sum to total.
    if total > 0:
        total += _punctuation_emphasis(text)
    elif total < 0:
        total -= _punctuation_emphasis(text)
    return fast_round(_normalize(total), 4)


# What span_compounds needs of a token (VADER's word for it): nothing (_FILLER); that it
# is a modifier (_MODIFIER); that it calls for the full rules (_COMPLEX: an idiom marker,
# "n't", "but", "no" or "kind", or a lexicon word in capitals); or else, as a float, the
# valence of a lexicon word that keeps it unless a modifier precedes it.
_FILLER, _MODIFIER, _COMPLEX = "filler", "modifier", "complex"


def token_code(token: str) -> object:
    """The token's code for span_compounds (see above); not cached here: the caller keeps
    it with what readability needs of the token (``tokens.token_records``)."""
    word, scored, modifier, idiomatic = _ENTRIES.get(token) or _entry(token)
    if idiomatic or word == "but" or word in _SELF_MODIFYING:
        return _COMPLEX
    if scored:
        # (A lexicon word that is also a modifier is "no", above.)
        return _COMPLEX if token.isupper() else (LEXICON[word] or _FILLER)
    return _MODIFIER if modifier else _FILLER


def span_compounds(
    text: str,
    lower: str,
    spans: tuple[tuple[int, int], ...],
    tokens: list[str],
    counts: tuple[int, ...],
    records: list,
) -> list[tuple[int, int, float]]:
    """(start, end, compound(text[start:end], lower[start:end], True, its tokens)) for
    each span, given the text's tokens (text.split()), how many of them each span holds,
    in order, and for each token a record whose first item is its token_code. The text
    holds no emoji and ``lower``, text.lower(), has its length.

    Most sentences hold no lexicon word, or only lexicon words with no modifier among
    the three words before them and none of the other rules' words in the sentence:
    those are scored in this loop, with no slice of the text and no call per sentence
    (the sum of the valences in order, as compound sums them; a valence is never zero).
    The others go to compound."""
    filler, modifier, complex_ = _FILLER, _MODIFIER, _COMPLEX
    # Punctuation emphasis counts "!" and "?" in a sentence: in a text without either
    # (most texts), every sentence's is the empty text's, 0.0, found with no slice made.
    emphatic = "!" in text or "?" in text
    result = []
    k = 0
    for (start, end), n in zip(spans, counts, strict=True):
        stop = k + n
        total = None
        last = -4  # the last modifier's place
        for i, record in enumerate(records[k:stop]):
            code = record[0]
            if code is filler:
                continue
            if code is modifier:
                last = i
            elif code is complex_ or i - last <= 3:
                total = complex_
                break
            else:
                total = code if total is None else total + code
        if total is None:
            score = 0.0
        elif total is complex_:
            score = compound(text[start:end], lower[start:end], True, tokens[k:stop])
        else:
            score = _compound_of(total, text[start:end] if emphatic else "")
        result.append((start, end, score))
        k = stop
    return result


def polarity_scores(sentence: str) -> dict[str, float]:
    """VADER's neg, neu, pos and compound scores of ``sentence``, as the library's."""
    values, n, text = _sentiments(sentence)
    if not n:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    if not values:
        return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
    amplifier = _punctuation_emphasis(text)
    total = float(sum(values))
    if total > 0:
        total += amplifier
    elif total < 0:
        total -= amplifier
    pos_sum = 0.0
    neg_sum = 0.0
    for value in values:
        if value > 0:
            pos_sum += value + 1  # each sentiment word also counts as one word
        else:
            neg_sum += value - 1
    neutral = n - len(values)
    if pos_sum > abs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < abs(neg_sum):
        neg_sum -= amplifier
    words = pos_sum + abs(neg_sum) + neutral
    return {
        "neg": round(abs(neg_sum / words), 3),
        "neu": round(abs(neutral / words), 3),
        "pos": round(abs(pos_sum / words), 3),
        "compound": round(_normalize(total), 4),
    }
