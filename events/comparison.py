"""Pure functions behind the event comparison page: how outlets covering one event differ.

Nothing here touches the database or a request. The functions take plain data (texts,
the values and evidence of the scorers) and return dataclasses or dicts that a template
or a CSV writer can use as they are:

* ``distinctive_words``: the words each outlet uses more than the others ("Fightin'
  Words", a weighted log-odds ratio with an informative Dirichlet prior).
* ``claims_matrix``: the check-worthy sentences of every outlet, lined up into facts.
* ``number_disagreements``: quantities of the same thing that the outlets give differently.
* ``tone_summary``: sentence tone with a t-based confidence interval (``common.stats.mean_ci``).
* ``sources_grid``: who is quoted by which outlet, and how often.
* ``coverage_balance``: the outlets by leaning, country and state affiliation.

Helpers ``claim_sentences`` and ``numbers_from_claims`` turn the claims (and actors)
scorer evidence of one article into the inputs of ``claims_matrix`` and
``number_disagreements``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import fmean, stdev

from common.clustering import merge_greedily
from common.stats import mean_ci
from events.names import display_name, name_key, person_merges

# VADER's cut-off for a negative sentence, as in analysis.scoring.sentiment (not imported,
# so that this module stays free of the scorers' dependencies).
NEGATIVE = -0.05
POSITIVE = 0.05

# --- Words ----------------------------------------------------------------------------


# Function words, auxiliaries, pronouns, the verb "say" (every news story says things)
# and number words. Kept in the module so the page does not depend on a corpus download.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _words(
    """
    a about above after again against all almost along already also although always am
    among an and another any anyone anything are aren't around as at away back be because
    been before being below between both but by can can't cannot could couldn't did didn't
    do does doesn't doing don't done down during each either else even ever every few for
    from further get gets got had hadn't has hasn't have haven't having he he'd he'll he's
    her here here's hers herself him himself his how how's however i i'd i'll i'm i've if
    in into is isn't it it's its itself just least less let's like made make many may me
    might more most much must mustn't my myself neither never no nor not now of off often
    on once one only onto or other others ought our ours ourselves out over own per quite
    rather really same say said says saying shall shan't she she'd she'll she's should
    shouldn't since so some such than that that's the their theirs them themselves then
    there there's these they they'd they'll they're they've this those though through thus
    to too toward towards under until up upon us very via was wasn't we we'd we'll we're
    we've were weren't what what's when when's where where's whether which while who who's
    whom whose why why's will with within without won't would wouldn't yet you you'd you'll
    you're you've your yours yourself yourselves mr mrs ms dr
    zero two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion dozen dozens first second third half
    """
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def tokenize_for_words(text: str) -> list[str]:
    """Lower-case words of letters and inner apostrophes, without stop words or numbers.

    Curly apostrophes read as straight ones; a possessive "'s" is dropped ("Taliban's" ->
    "taliban"); digits split words and are dropped ("Covid-19" -> "covid"); one-letter
    words are dropped.
    """
    words = []
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOP_WORDS:
            words.append(word)
    return words


@dataclass(frozen=True)
class WordScore:
    word: str
    count: int  # in the group
    delta: float  # log-odds ratio, group against all the others, prior-smoothed
    variance: float
    z: float  # delta / sqrt(variance)


def distinctive_words(
    counts_by_group: Mapping[str, Counter[str]],
    prior: Counter[str] | None = None,
    alpha0: float | None = None,
    top: int = 10,
) -> dict[str, list[WordScore]]:
    """Each group's most distinctive words against all the other groups combined.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5: for word w, group i
    and the rest j (the other groups' counts summed), with prior pseudo-counts a_w and
    a0 = sum of a_w,

        delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    The prior is ``prior`` if given, else the counts of all groups pooled. It is rescaled
    so that its total is ``alpha0``; by default alpha0 is the prior's own total, so the
    default prior is exactly the pooled counts (the prior then weighs as much as the
    data, which shrinks words used a few times towards "not distinctive": right for a
    handful of articles). A word of the groups that a given prior lacks gets a
    pseudo-count of 0.01, so its log-odds stay finite.

    Returns, for every group, up to ``top`` words the group uses (count > 0) with a
    positive z, highest z first (ties: higher count, then alphabetical). Fewer than two
    groups have nothing to be compared with: every list is empty.
    """
    groups = {g: Counter(c) for g, c in counts_by_group.items()}
    if len(groups) < 2:
        return {g: [] for g in groups}
    pooled: Counter[str] = Counter()
    for counts in groups.values():
        pooled.update(counts)
    pooled = Counter({w: c for w, c in pooled.items() if c > 0})
    base = Counter(prior) if prior is not None else pooled
    base_total = sum(base.values())
    scale = 1.0 if alpha0 is None or base_total == 0 else alpha0 / base_total
    a = {w: base.get(w, 0) * scale for w in pooled}
    for w, v in a.items():
        if v <= 0:
            a[w] = 0.01
    a0 = (alpha0 if alpha0 is not None else base_total) + sum(
        a[w] for w in pooled if base.get(w, 0) <= 0
    )
    totals = {g: sum(c.values()) for g, c in groups.items()}
    n_all = sum(totals.values())
    result: dict[str, list[WordScore]] = {}
    for g, counts in groups.items():
        n_i = totals[g]
        n_j = n_all - n_i
        scores = []
        for w, y_i in counts.items():
            if y_i <= 0:
                continue
            y_j = pooled[w] - y_i
            a_w = a[w]
            rest_i = n_i + a0 - y_i - a_w
            rest_j = n_j + a0 - y_j - a_w
            if rest_i <= 0 or rest_j <= 0:
                continue  # a vocabulary of one word: no odds to compare
            delta = math.log((y_i + a_w) / rest_i) - math.log((y_j + a_w) / rest_j)
            variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
            z = delta / math.sqrt(variance)
            if z > 0:
                scores.append(WordScore(w, y_i, delta, variance, z))
        scores.sort(key=lambda s: (-s.z, -s.count, s.word))
        result[g] = scores[:top]
    return result


# --- Claim sentences and the claims matrix --------------------------------------------


@dataclass
class ClaimSentence:
    """One check-worthy sentence of one article: the unit ``claims_matrix`` lines up."""

    text: str
    start: int
    end: int
    numbers: list[dict] = field(default_factory=list)  # the claims scorer's number dicts
    actors: list[str] = field(default_factory=list)  # actor names mentioned in it


def claim_sentences(
    text: str, claims_evidence: Mapping, actors_evidence: Mapping | None = None
) -> list[ClaimSentence]:
    """The claims of one article (claims scorer evidence) as ``ClaimSentence`` objects,
    each with the actors (actors scorer evidence, optional) mentioned inside it."""
    mentions = []
    for actor in (actors_evidence or {}).get("actors", []):
        for s, _e in actor.get("mentions", []):
            mentions.append((s, actor["name"]))
    out = []
    for claim in claims_evidence.get("claims", []):
        s, e = claim["start"], claim["end"]
        names = sorted({name for pos, name in mentions if s <= pos < e})
        out.append(ClaimSentence(text[s:e], s, e, list(claim.get("numbers", [])), names))
    return out


def numbers_from_claims(text: str, claims_evidence: Mapping) -> list[dict]:
    """The numbers of one article's claims, each with its ``sentence`` text added."""
    out = []
    for claim in claims_evidence.get("claims", []):
        sentence = text[claim["start"] : claim["end"]]
        for number in claim.get("numbers", []):
            out.append({**number, "sentence": sentence})
    return out


_SUFFIXES = ("ings", "ing", "edly", "ed", "ies", "es", "s")


def _stem(word: str) -> str:
    """A light suffix stripper, enough to match "crossed", "crossing" and "crosses"."""
    word = word.replace("'", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "ies":
                return stem + "y"
            if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
                return stem + "e"
            if suffix == "s" and stem.endswith(("s", "u", "i")):
                return word  # "across", "status", "analysis"
            return stem
    return word


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _number_head(number: Mapping) -> str:
    counts = (number.get("counts") or "").split()
    return _singular(counts[-1]) if counts else ""


# What almost any number in a report counts: that two sentences each give a percentage, or
# a number of people, says nothing of whether they state one fact ("turnout was 61 percent",
# "he won with 54 percent"; "5,000 people protested", "40 people were detained"). Neither
# the words nor what is counted are features.
GENERIC_COUNTS = frozenset(("%", "percent", "per cent", "people", "person", "time", "year", "day"))


def _features(sentence: ClaimSentence) -> frozenset[str]:
    """The features of a claim sentence, compared by ``sentence_similarity``.

    Content-word stems; each actor mentioned as one feature ("@hasan sultonov") in place
    of the words of its name, so that "Sultonov" and "Hasan Sultonov" match when the actors
    scorer resolved both to one actor, and a name is not counted twice; and for each
    number (durations aside) what it counts ("#soldier"; its unit, "#%", when the claims
    scorer found nothing counted) and its value ("=1037"): two
    outlets giving a count of soldiers are likely on the same fact even when the counts
    differ, and the same exact value is strong evidence.
    """
    feats = {_stem(word) for word in tokenize_for_words(sentence.text)} - GENERIC_COUNTS
    for name in sentence.actors:
        feats.difference_update(_stem(word) for word in tokenize_for_words(name))
    feats.update("@" + " ".join(name.lower().split()) for name in sentence.actors)
    for number in sentence.numbers:
        if number.get("kind") == "duration":
            continue
        what = _number_head(number) or (number.get("unit") or "").lower()
        if what and what not in GENERIC_COUNTS:
            feats.add("#" + what)
        feats.add(f"={number.get('value')}")
    return frozenset(feats)


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def sentence_similarity(a: ClaimSentence, b: ClaimSentence) -> float:
    """Cosine similarity, 0 to 1, of two claim sentences' feature sets (``_features``):
    shared features over the geometric mean of the two sets' sizes."""
    return _cosine(_features(a), _features(b))


@dataclass(frozen=True)
class ClaimCell:
    text: str
    start: int
    end: int
    similarity: float  # to the row's representative sentence (1.0 for itself)
    # The outlet's other sentences of the same fact, in their order in the article (an
    # outlet often tells the main happening in several sentences); this cell's sentence is
    # the one that matches the other outlets best. Empty for most cells.
    also: tuple[ClaimCell, ...] = ()


@dataclass
class ClaimRow:
    """One fact: a representative sentence and, per outlet, its best sentence (and any
    other sentences of the fact, ``ClaimCell.also``) or None."""

    representative: str
    representative_outlet: str
    cells: dict[str, ClaimCell | None]  # every outlet, in the input order
    cohesion: float  # mean similarity of the member sentences' pairs (1.0 for one)

    @property
    def outlet_count(self) -> int:
        return sum(cell is not None for cell in self.cells.values())

    @property
    def outlets(self) -> list[str]:
        return [o for o, cell in self.cells.items() if cell is not None]


def _idf_weights(feature_sets: Sequence[frozenset[str]]) -> dict[str, float]:
    """How telling each feature is within one event: the inverse of how many of the event's
    claim sentences have it. Words every outlet uses for the event ("soldiers", the
    country's name) say little about which fact a sentence states."""
    df = Counter(f for feats in feature_sets for f in feats)
    n = len(feature_sets)
    return {f: math.log((n + 1) / count) for f, count in df.items()}


def _weighted_cosine(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    shared = sum(weight[f] ** 2 for f in a & b)
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(weight[f] ** 2 for f in a) * sum(weight[f] ** 2 for f in b))


# A second route to "same fact": the sentences' meaning vectors (events.meaning, the
# static model2vec table grouping uses), which see "foiled" and "captured" as near where
# the words share nothing. The likeness of two sentences is their word cosine mixed with
# their meaning cosine, MEANING_WEIGHT of the latter, against MEANING_THRESHOLD (higher
# than the words' 0.25: two sentences of one event are always somewhat near in meaning).
# Chosen on ECB+ topics 1-35's odd topics (bench/eval_claims_ecbplus.py --half odd; word
# cosine 0.25 alone: P 0.848, R 0.257; mixed: P 0.837, R 0.313), checked once on the even
# topics. The encoder read English: for other languages the words alone, as before.
MEANING_WEIGHT = 0.3
MEANING_THRESHOLD = 0.32

# Several sentences of one outlet in one fact (English, with the meaning vectors): a report
# often tells its main happening in several sentences, and one sentence per outlet per row
# could match at most about half of ECB+'s same-happening pairs. A merge that gives an
# outlet a second sentence in a row has higher bars than the first: the mean likeness of
# the two clusters' cross-outlet pairs at least SEVERAL_THRESHOLD, their mean rarity-
# weighted cosine (``_weighted_cosine``) at least SEVERAL_TELLING, and the mean likeness of
# the pairs of one outlet's sentences brought together at least SAME_OUTLET_THRESHOLD.
# Chosen on ECB+'s odd topics (bench/eval_claims_ecbplus.py --half odd: P 0.837, R 0.313
# with one sentence per outlet; P 0.843, R 0.417 with these), checked once on the even ones
# (P 0.870, R 0.360 -> P 0.850, R 0.401). Other languages keep one sentence per outlet: the
# bars were chosen on the mixed likeness, not on words alone.
SEVERAL_THRESHOLD = 0.35
SEVERAL_TELLING = 0.1
SAME_OUTLET_THRESHOLD = 0.2


def _meaning_cosines(texts: Sequence[str]) -> list[list[float]] | None:
    """events.meaning.meaning_cosines of the texts, or None when the model is missing."""
    from events.meaning import meaning_cosines

    try:
        return meaning_cosines(list(texts))
    except FileNotFoundError:
        return None


def claims_matrix(
    claims_by_outlet: Mapping[str, Sequence[ClaimSentence]],
    threshold: float | None = None,
    telling: float = 0.1,
    meaning: bool = True,
    several: bool = True,
) -> list[ClaimRow]:
    """Line up the claim sentences of several outlets into facts.

    Similarity: ``sentence_similarity``, the cosine of weighted feature sets (content
    word stems, actor names, what numbers count and their values), mixed with the
    cosine of the sentences' meaning vectors (``MEANING_WEIGHT`` of it) when ``meaning``
    (English sentences; the threshold is then ``MEANING_THRESHOLD``, else 0.25; a
    ``threshold`` given is used either way). Clustering is greedy average linkage: every
    pair of sentences from different outlets with a similarity of at least ``threshold``,
    and sharing something telling (their cosine with each feature weighted by its rarity
    among the event's claims, ``_idf_weights``, at least ``telling``), is taken, most
    similar first; the two sentences' clusters merge when the mean similarity over all
    their members' cross pairs from different outlets is still at least ``threshold``.
    Clusters that hold a sentence of the same outlet merge only when ``several`` and the
    meaning vectors are used, and then only past the higher bars of ``SEVERAL_THRESHOLD``,
    ``SEVERAL_TELLING`` and ``SAME_OUTLET_THRESHOLD``; otherwise a fact holds one
    sentence per outlet. A sentence no other outlet matches is a fact of its own.

    Each outlet's cell holds its sentence that matches the other outlets' sentences of
    the fact best (mean similarity; the earlier on a tie), its other sentences of the
    fact in ``ClaimCell.also``. Rows are sorted by how many outlets report the fact (most
    first), then by first appearance: the earliest rank of any member among its outlet's
    claims (a lede in any outlet comes first), then the outlet's input order.
    """
    outlets = list(claims_by_outlet)
    items: list[tuple[int, int, ClaimSentence]] = []
    for oi, outlet in enumerate(outlets):
        for rank, sentence in enumerate(claims_by_outlet[outlet]):
            items.append((oi, rank, sentence))
    feats = [_features(s) for _, _, s in items]
    weight = _idf_weights(feats)
    n = len(items)
    cosines = _meaning_cosines([s.text for _, _, s in items]) if meaning and n > 1 else None
    if threshold is None:
        threshold = MEANING_THRESHOLD if cosines is not None else 0.25
    several = several and cosines is not None

    def likeness(i: int, j: int) -> float:
        s = _cosine(feats[i], feats[j])
        if cosines is not None:
            s = (1 - MEANING_WEIGHT) * s + MEANING_WEIGHT * cosines[i][j]
        return s

    outlet_of = [oi for oi, _, _ in items]
    sim = [[0.0] * n for _ in range(n)]  # pairs from different outlets
    pairs = []
    for i in range(n):
        sim[i][i] = 1.0
        for j in range(i + 1, n):
            if outlet_of[i] == outlet_of[j]:
                continue
            s = likeness(i, j)
            sim[i][j] = sim[j][i] = s
            if s >= threshold and _weighted_cosine(feats[i], feats[j], weight) >= telling:
                pairs.append((-s, i, j))
    pairs.sort()

    same_outlet: dict[tuple[int, int], float] = {}  # likeness of one outlet's two sentences

    def like(i: int, j: int) -> float:
        if outlet_of[i] != outlet_of[j] or i == j:
            return sim[i][j]
        key = (min(i, j), max(i, j))
        if key not in same_outlet:
            same_outlet[key] = likeness(*key)
        return same_outlet[key]

    rare: dict[tuple[int, int], float] = {}  # weighted cosines asked for by ``accept``

    def rarity(i: int, j: int) -> float:
        if (i, j) not in rare:
            rare[i, j] = _weighted_cosine(feats[i], feats[j], weight)
        return rare[i, j]

    def accept(a: list[int], b: list[int]) -> bool:
        cross = [(x, y) for x in a for y in b if outlet_of[x] != outlet_of[y]]
        mean = sum(sim[x][y] for x, y in cross) / len(cross)
        if mean < threshold:
            return False
        same = [(x, y) for x in a for y in b if outlet_of[x] == outlet_of[y]]
        if not same:
            return True
        return (
            mean >= SEVERAL_THRESHOLD
            and sum(rarity(x, y) for x, y in cross) / len(cross) >= SEVERAL_TELLING
            and sum(like(x, y) for x, y in same) / len(same) >= SAME_OUTLET_THRESHOLD
        )

    groups = merge_greedily(
        n,
        ((i, j) for _neg, i, j in pairs),
        # One sentence per outlet, unless several: then ``accept`` judges shared outlets.
        group_of=(lambda k: k) if several else (lambda k: outlet_of[k]),
        accept=accept,
    )

    def fit(k: int, group: list[int]) -> tuple:
        """How well sentence k matches the other outlets' sentences of its group (mean
        similarity), the earlier sentence and outlet first on a tie."""
        mean = fmean([sim[k][m] for m in group if outlet_of[m] != outlet_of[k]] or [1.0])
        return (mean, -items[k][1], -items[k][0])

    def cell(k: int, rep: int, also: tuple[ClaimCell, ...] = ()) -> ClaimCell:
        s = items[k][2]
        return ClaimCell(s.text, s.start, s.end, round(like(rep, k), 4), also)

    rows = []
    for group in groups:
        by_outlet: dict[int, list[int]] = {}
        for k in sorted(group):
            by_outlet.setdefault(outlet_of[k], []).append(k)
        rep = max(group, key=lambda k: fit(k, group))
        cross = [(x, y) for x in group for y in group if x < y and outlet_of[x] != outlet_of[y]]
        cohesion = fmean(sim[x][y] for x, y in cross) if cross else 1.0
        cells: dict[str, ClaimCell | None] = dict.fromkeys(outlets)
        for oi, members in by_outlet.items():
            best = max(members, key=lambda k: fit(k, group))
            also = tuple(cell(k, rep) for k in members if k != best)
            cells[outlets[oi]] = cell(best, rep, also)
        first = min((items[k][1], items[k][0]) for k in group)
        row = ClaimRow(items[rep][2].text, outlets[items[rep][0]], cells, round(cohesion, 4))
        rows.append((-len(by_outlet), first, row))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [row for _, _, row in rows]


# --- Numbers ----------------------------------------------------------------------------

# How far an approximate number may be from its value, as a share of the value: "about"
# reaches either side, "nearly" only below, "more than" only above; range ends and vague
# quantities ("hundreds of") are handled apart.
APPROX_TOLERANCE = 0.10
OPEN_TOLERANCE = 0.50  # "more than 1,000" reads as at most 1,500; "as many as" as half
_BELOW = ("nearly", "almost", "just under", "close to", "an approximate")
_ABOVE = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "above",
    "just over",
    "well over",
)
_AT_MOST = ("less than", "fewer than", "under", "below", "up to", "as many as", "as much as")
# Words that do not change what a number counts ("1,000 more soldiers").
_MODIFIER_STOP = _words("more other additional new further some extra")
DEFAULT_KINDS = ("count", "money", "percent", "measure")
MAGNITUDE_GAP = 10.0


def _interval(number: Mapping) -> tuple[float, float]:
    """The values a number's wording allows (see the tolerances above)."""
    value = float(number["value"])
    text = " ".join((number.get("text") or "").lower().split())
    if not number.get("approximate"):
        return value, value
    for words in _BELOW:
        if text.startswith(words + " "):
            return value * (1 - APPROX_TOLERANCE), value
    for words in _AT_MOST:
        if text.startswith(words + " "):
            return value * (1 - OPEN_TOLERANCE), value
    for words in _ABOVE:
        if text.startswith(words + " "):
            return value, value * (1 + OPEN_TOLERANCE)
    if re.match(
        r"(?:tens of |hundreds of )?(?:dozens|scores|hundreds|thousands|millions|billions)\b", text
    ):
        return value, value * 10  # "hundreds of": at least 100, fewer than 1,000
    return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)


@dataclass(frozen=True)
class NumberValue:
    value: float
    low: float  # the interval the wording allows (value, value when exact)
    high: float
    approximate: bool
    text: str  # the number as written, with what it counts: "about 1,500 soldiers"
    counts: str
    sentence: str
    start: int
    end: int


@dataclass
class Disagreement:
    """Numbers of several outlets that count the same thing and cannot all be right."""

    counts: str  # the most specific wording of what is counted: "Afghan government soldiers"
    unit: str
    kind: str
    values: dict[str, list[NumberValue]]  # outlets that give a number, in input order
    role: str = ""  # what happened to what is counted ("dead", "displaced"), when said

    @property
    def outlets(self) -> list[str]:
        return list(self.values)

    @property
    def low(self) -> float:
        return min(v.value for vs in self.values.values() for v in vs)

    @property
    def high(self) -> float:
        return max(v.value for vs in self.values.values() for v in vs)


# What happened to the people (or things) a number counts, from the words next to it: two
# outlets' numbers of people are one row only when they count the same fate. Stems, so
# that "killed", "kills" and "killing" match.
_ROLE_WORDS = {
    "dead": "kill killed died dead death deaths toll lives bodies",
    "injured": "injur wound hurt hospitalis hospitaliz",
    "fled or displaced": "displac evacuat homeless homes fled flee shelter",
    "missing": "missing",
    "rescued": "rescu saved",
    "detained": "arrest detain",
    "protesting": "protest marched march rall demonstrat",
    "affected": "affect",
}
_ROLE_OF = [(stem, role) for role, stems in _ROLE_WORDS.items() for stem in stems.split()]
ROLE_WINDOW = 6  # words after the number, then before it, searched for its role


def _role(sentence: str, text: str) -> str:
    """The fate of what the number ``text`` counts in ``sentence``: the first role word
    among the few words after it ("47 people were killed"), else before it ("killed 47
    people"); "" when none is near."""
    at = sentence.find(text)
    if at < 0:
        return ""
    after = sentence[at + len(text) :].lower().split()[:ROLE_WINDOW]
    before = sentence[:at].lower().split()[-ROLE_WINDOW:][::-1]
    for word in after + before:
        for stem, role in _ROLE_OF:
            if word.startswith(stem):
                return role
    return ""


def _modifiers(counts: str) -> frozenset[str]:
    words = [w.lower().strip("'’") for w in counts.split()[:-1]]
    return frozenset(w for w in words if w and w not in _MODIFIER_STOP)


def _consistent(values: Mapping[str, list[NumberValue]]) -> bool:
    """Whether one true value fits at least one number of every outlet."""
    candidates = {v.low for vs in values.values() for v in vs}
    candidates |= {v.high for vs in values.values() for v in vs}
    return any(
        all(any(v.low <= x <= v.high for v in vs) for vs in values.values()) for x in candidates
    )


def _split_magnitudes(clusters: list[list]) -> list[list]:
    """Split each cluster where consecutive values (sorted) are more than
    ``MAGNITUDE_GAP`` times apart: 47 people and 200,000 people are not the same people."""
    out = []
    for members in clusters:
        members = sorted(members, key=lambda m: m[1].value)
        part = [members[0]]
        for prev, cur in pairwise(members):
            if prev[1].value > 0 and cur[1].value / prev[1].value > MAGNITUDE_GAP:
                out.append(part)
                part = []
            part.append(cur)
        out.append(part)
    return out


def _number_entries(
    numbers_by_outlet: Mapping[str, Sequence[Mapping]], kinds: frozenset[str]
) -> list[tuple]:
    """The numbers that can disagree, each as (outlet, NumberValue, kind, unit, head,
    modifiers, role): a range is one number, counts of one and other kinds are out."""
    entries = []
    for outlet, numbers in numbers_by_outlet.items():
        numbers = list(numbers)
        spans = [(n.get("start", -1), n.get("end", -1)) for n in numbers]
        for idx, number in enumerate(numbers):
            kind = number.get("kind", "count")
            head = _number_head(number)
            if kind not in kinds or not head or number.get("value") is None:
                continue
            s, e = spans[idx]
            # The second end of a range lies inside the first number's span.
            if any(
                k != idx and s0 <= s and e <= e0 and (s0, e0) != (s, e)
                for k, (s0, e0) in enumerate(spans)
            ):
                continue
            value = float(number["value"])
            if kind == "count" and value == 1:
                continue
            low, high = _interval(number)
            for k, other in enumerate(numbers):  # "200-300 people": one interval
                s1, e1 = spans[k]
                if k != idx and s <= s1 and e1 <= e and (s1, e1) != (s, e):
                    low = min(low, float(other["value"]))
                    high = max(high, float(other["value"]))
            unit = number.get("unit") or ""
            unit = head if kind == "count" else unit.lower()
            nv = NumberValue(
                value=value,
                low=low,
                high=high,
                approximate=bool(number.get("approximate")),
                text=number.get("text") or "",
                counts=number.get("counts") or "",
                sentence=number.get("sentence") or number.get("text") or "",
                start=s,
                end=e,
            )
            role = _role(nv.sentence, nv.text)
            entries.append((outlet, nv, kind, unit, head, _modifiers(nv.counts), role))

    return entries


def _by_head_and_role(entries: list[tuple]) -> dict[tuple[str, str, str, str], list]:
    """The numbers grouped by (kind, unit, head, role); a number whose role is not said
    joins its head's only role, when it has just one."""
    roles: dict[tuple[str, str, str], set[str]] = {}
    for entry in entries:
        if entry[6]:
            roles.setdefault(entry[2:5], set()).add(entry[6])
    by_head: dict[tuple[str, str, str, str], list] = {}
    for entry in entries:
        role = entry[6]
        if not role and len(roles.get(entry[2:5], ())) == 1:
            (role,) = roles[entry[2:5]]
        by_head.setdefault((*entry[2:5], role), []).append(entry)
    return by_head


def number_disagreements(
    numbers_by_outlet: Mapping[str, Sequence[Mapping]],
    kinds: Iterable[str] = DEFAULT_KINDS,
) -> list[Disagreement]:
    """Quantities of the same thing that the outlets give differently.

    Input: per outlet, the claims scorer's number dicts (``numbers_from_claims`` adds the
    ``sentence`` each comes from). What a number counts is its head noun, singular,
    with the same ``kind`` and ``unit`` (the unit of a count is the head noun itself):
    "Afghan soldiers", "Afghan government soldiers" and "soldiers" all count soldiers.
    Within a head noun, a more specific wording joins a group when one set of modifier
    words contains the other ({afghan} within {afghan, government}); the most specific
    wordings are placed first, and a bare "soldiers" joins a group only when exactly one
    fits it (else it stays on its own). A group is then cut where its sorted values
    jump more than tenfold (``MAGNITUDE_GAP``): "47 people" killed and "200,000 people"
    displaced share a noun, not a referent. Numbers whose nearby words give different fates
    (``_role``: killed, injured, displaced, rescued, ...) are never in one group, whatever
    their size: a death toll beside a number of people rescued is no disagreement; a number
    whose fate is not said joins the group of its head noun's only fate, if there is one. Skipped: numbers without anything counted,
    durations (by default ``kinds`` leaves them out: "two days" in two outlets are rarely
    the same two days), and counts of one ("one soldier" is a person, not a tally). A
    range ("200-300 people") is one number from its low to its high end.

    Approximate wording widens a number to an interval: "about"/"around"/"some" by
    ``APPROX_TOLERANCE`` (10%) either side, "nearly"/"almost" by 10% below only, "more
    than"/"over"/"at least" up to 50% above, "up to"/"as many as"/"fewer than" down to
    half, "hundreds of" up to ten times. A group is a disagreement when it spans two or
    more outlets and no single value fits at least one number of every outlet; so 1,037
    against "more than 1,000" is not one, 1,037 against "about 1,500" is.

    Sorted by how many outlets give a number (most first), then by the relative spread
    (high / low) of the values, widest first.
    """
    entries = _number_entries(numbers_by_outlet, frozenset(kinds))
    order = {o: i for i, o in enumerate(numbers_by_outlet)}
    found = []
    for (kind, unit, _head, role), group in _by_head_and_role(entries).items():
        group.sort(key=lambda en: (-len(en[5]), order[en[0]], en[1].start))
        clusters: list[tuple[set[str], list]] = []
        for entry in group:
            mods = entry[5]
            fits = [c for c in clusters if mods <= c[0] or c[0] <= mods]
            if len(fits) == 1:
                fits[0][0].update(mods)
                fits[0][1].append(entry)
            else:
                clusters.append((set(mods), [entry]))
        for members in _split_magnitudes([c[1] for c in clusters]):
            values: dict[str, list[NumberValue]] = {}
            for outlet in sorted({m[0] for m in members}, key=order.__getitem__):
                values[outlet] = sorted(
                    (m[1] for m in members if m[0] == outlet), key=lambda v: v.start
                )
            if len(values) < 2 or _consistent(values):
                continue
            label = max((m[1].counts for m in members), key=lambda c: (len(_modifiers(c)), len(c)))
            d = Disagreement(label, unit, kind, values, role)
            spread = d.high / d.low if d.low > 0 else math.inf
            found.append((-len(values), -spread, d))
    found.sort(key=lambda f: (f[0], f[1]))
    return [d for _, _, d in found]


# --- Tone -------------------------------------------------------------------------------


def tone_summary(sentence_compounds: Sequence[float], confidence: float = 0.95) -> dict:
    """Tone of a set of sentences from their VADER compounds.

    Keys: n, mean, sd (sample standard deviation, None below two sentences), ci_low and
    ci_high (``mean_ci``), share_negative (compound <= -0.05, VADER's cut-off, as the
    sentiment scorer) and share_positive (>= 0.05). With no sentences every key but n is
    None.
    """
    values = [float(c) for c in sentence_compounds]
    n = len(values)
    if not n:
        keys = ("mean", "sd", "ci_low", "ci_high", "share_negative", "share_positive")
        return {"n": 0, **dict.fromkeys(keys)}
    mean, low, high = mean_ci(values, confidence)
    return {
        "n": n,
        "mean": mean,
        "sd": stdev(values) if n > 1 else None,
        "ci_low": low,
        "ci_high": high,
        "share_negative": sum(v <= NEGATIVE for v in values) / n,
        "share_positive": sum(v >= POSITIVE for v in values) / n,
    }


# --- Sources ----------------------------------------------------------------------------

QUOTED_TYPES = ("named_person", "named_org")


def sources_grid(
    sources_by_outlet: Mapping[str, Sequence[Mapping]],
    types: Iterable[str] = QUOTED_TYPES,
) -> tuple[list[str], dict[str, dict[str, int]]]:
    """Who is quoted by which outlet, and how often.

    Input: per outlet, the attribution scorer's ``sources`` ({name, type, role, count}).
    Only named people and organisations are kept (``types``); a source without a type
    counts as a person. Names merge case-insensitively (spacing folded, a leading "the"
    dropped), and a person name merges into the one longer person name it ends
    ("Sultonov" into "Hasan Sultonov"; "Elena Stoyan" into "Challenger Elena Stoyan",
    a title the attribution scorer left on) when exactly one such longer name exists
    across the outlets; with two ("Hasan Sultonov", "Rustam Sultonov") the bare surname
    stays apart (the rule of ``events.names``, shared with the outlet report). How a
    merged source is shown: ``display_name``.

    Returns (sources, grid): the source names, most quoted first (then by number of
    outlets, then by name), and grid[source][outlet] = count, with every outlet (in
    input order) present, 0 where it does not quote the source.
    """
    types = frozenset(types)
    outlets = list(sources_by_outlet)
    rows = []  # (key, surface, outlet, count, is_person)
    for outlet, sources in sources_by_outlet.items():
        for src in sources:
            kind = src.get("type") or "named_person"
            name = " ".join((src.get("name") or "").split())
            if kind not in types or not name:
                continue
            count = int(src.get("count", 1) or 0)
            rows.append((name_key(name), name, outlet, count, kind == "named_person"))

    canon = person_merges(r[0] for r in rows if r[4])
    counts: dict[str, Counter[str]] = {}
    surfaces: dict[str, Counter[str]] = {}
    for key, surface, outlet, count, is_person in rows:
        key = canon.get(key, key) if is_person else key
        counts.setdefault(key, Counter())[outlet] += count
        surfaces.setdefault(key, Counter())[surface] += count
    shown = {key: display_name(forms) for key, forms in surfaces.items()}
    order = sorted(
        counts,
        key=lambda k: (-sum(counts[k].values()), -len(+counts[k]), shown[k].casefold()),
    )
    sources = [shown[k] for k in order]
    grid = {shown[k]: {o: counts[k].get(o, 0) for o in outlets} for k in order}
    return sources, grid


# --- Coverage balance -------------------------------------------------------------------

LEANINGS = ("left", "lean_left", "center", "lean_right", "right")


def coverage_balance(outlets: Iterable[Mapping]) -> dict:
    """How the outlets covering an event spread by leaning, country and state affiliation.

    Returns {"total": n, "leaning": {...}, "country": {...}, "state_affiliated": {...}}:
    leaning has every rating of the scale (left to right) plus "unrated" for a blank or
    missing one, then any other value seen; country maps the code as given (blank:
    "unknown"), most outlets first, then by code; state_affiliated maps "state" and
    "independent" ("unknown" is added when an outlet has no value).
    """
    outlets = list(outlets)
    leaning: dict[str, int] = dict.fromkeys((*LEANINGS, "unrated"), 0)
    countries: Counter[str] = Counter()
    state: dict[str, int] = {"state": 0, "independent": 0}
    for outlet in outlets:
        lean = outlet.get("leaning") or "unrated"
        leaning[lean] = leaning.get(lean, 0) + 1
        countries[outlet.get("country") or "unknown"] += 1
        affiliated = outlet.get("state_affiliated")
        key = "unknown" if affiliated is None else "state" if affiliated else "independent"
        state[key] = state.get(key, 0) + 1
    return {
        "total": len(outlets),
        "leaning": leaning,
        "country": dict(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))),
        "state_affiliated": state,
    }
