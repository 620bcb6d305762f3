"""Automatic event grouping: which stored articles report the same event.

Every article is described by the words of its headline and body, weighted by TF-IDF:
a word counts more the more often the report uses it (sublinearly) and the fewer stored
articles use it, the document frequencies being kept in ``TermCount`` as articles are
indexed (so a name in every report of the month, or a word of every report, tells little,
and the weights follow the archive). The heaviest ``MAX_TERMS`` words, scaled to unit
length, are stored in the ``ArticleTerm`` inverted index, with the terms that survive
translation (events/crosslingual.py), and all together in one ``ArticleVector`` row.
Placing an article is one indexed query for the articles published within a few days
that share its heaviest ``SEARCH_TERMS`` words or its terms that survive translation
(each posting carries its article's publication time, so the window is part of the
index), with their vectors, and their cosine similarity to it over all the terms they
share, raised where the two reports' meaning vectors (events/meaning.py, stored in the
same row) are very close. It joins the event most like it as a whole — the mean similarity to
the event's members in the window, not to one neighbour, so an event does not drift one
link at a time and two events never merge through one bridging article — if that reaches
the threshold, a member shares enough distinct words with it, and it is related to every
member (cohesion: a high likeness to one bridging member cannot make up for none to the
others) and close to most of them (a new story that shares a topic's words with one or two
reports of yesterday's story is not close to all of them); a report more than a day apart
counts less, the further apart the less;
otherwise it starts a new event. Near-identical bodies are flagged as an outlet's update of its own article or
as a syndicated copy, so that event pages need not count them as independent coverage.

Locked events, and memberships that a person set, are never changed.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Count,
    F,
    Max,
    Min,
    OuterRef,
    ProtectedError,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone

from events.crosslingual import crosslingual_terms, reads_as_english
from events.event_report import events_mark_stale
from events.meaning import meaning_likeness, meaning_text, meaning_vectors
from events.models import ArticleTerm, ArticleVector, IndexedWords, TermCount
from newsdesk.dates import shifted
from newsdesk.models import Article, CopyKind, Event, MembershipSource

# --- Tuning ---------------------------------------------------------------------------

DEFAULT_WINDOW_DAYS = 3
# Two reports' likeness (grouping 7): their words' cosine similarity (TF-IDF), raised by
# MEANING_WEIGHT times how far the cosine similarity of their meaning vectors
# (events.meaning) rises above MEANING_FLOOR. Words tell names and numbers apart; the
# vectors see that "indicted" and "charged" say one thing, which is how a news report and
# an opinion column on one story, sharing few words, still join. Reports of one topic's
# different stories are mostly under the floor, so only a close meaning counts: mixing
# it in both ways (a likeness lowered for a meaning under a floor too) lost on the crowded
# sets what it won on the sparse one (README "Event grouping", session 17).
MEANING_WEIGHT = 0.5
MEANING_FLOOR = 0.8
# Mean likeness over the event's members within the window at which an article may join
# the event (bench/eval_events.py --grid: with the meaning's raise, 0.14 is at or above
# grouping 5, words alone at 0.13, on every set, real and written)...
DEFAULT_THRESHOLD = 0.14
# ...if it also shares this many distinct words with a member...
DEFAULT_MIN_SHARED = 5
# ...and is at least this similar to every one of those members (cohesion): a mean can
# hide a member the article has nothing to do with, and that is how a story of the same
# week, joined through one article that touches both, would drift into the event.
DEFAULT_COHESION = 0.05
# ...and close to most of them (grouping 8): at least CLOSE_SHARE of the members in the
# window (all three of a three-report event, three of four, nine of twelve) at least this
# similar. The first report of a new story often shares a topic's words with one or two
# reports of yesterday's story on the topic, enough for the mean, not with all of them;
# reports of one happening are close to nearly all of one another. Chosen on AllSides
# roundups dev (0.779 -> 0.801 pairwise F1 by a regrouping, 0.760 -> 0.789 as a feed
# places them) with every other set at or above grouping 7 (README "Event grouping",
# session 21); all of them (CLOSE_SHARE 1) split big events of one happening (ECB+ dev
# 0.814 -> 0.790 at 0.9).
DEFAULT_CLOSE = 0.12
CLOSE_SHARE = 0.75
# Reports of one happening mostly appear within hours of each other; two stories of one
# topic a day or more apart are more often two happenings (AllSides roundups dev: 537 of
# 687 same-story pairs are within 12 hours, but only 104 of the 510 different-story pairs
# alike enough to merge). So a candidate's similarity counts in full within
# DECAY_GRACE_HOURS of the article, then linearly less, down to this much less at the
# window's edge (grouping 5; grouping 4 had 0.5 after 24 hours).
DEFAULT_TIME_DECAY = 0.75
DECAY_GRACE_HOURS = 12.0
# A second look (grouping 9): once the articles of some days are placed, each is placed
# again among the events as they now stand, and again while any moves, at most this many
# times. Placed in publication order, the first report of a story saw only the reports
# before it: it may have joined yesterday's story on the topic before its own story had
# any member, and stayed there. Seeing its own story's later reports, it moves to them.
# Moving one article at a time, a second look never merges two events. AllSides roundups
# dev 0.801 -> 0.835 pairwise F1 by a regrouping (its held-out test split, read once,
# 0.729 -> 0.751), MEANTIME dev 0.945 -> 0.961, ECB+ dev 0.814 -> 0.827; no set lower
# (README "Event grouping", session 22).
DEFAULT_SECOND_LOOKS = 3
# Ids put in one query's list at most (SQLite takes 32,766 parameters), and the most
# neighbours of moved articles a later pass of a second look lists (more: the whole span).
LISTED_IDS = 1_000
NEIGHBOURS_LISTED = 20_000
# An article the machine put in an event with a likeness under this is worth an editor's
# check (the event page marks it, with how often such joins were right as measured by
# bench/eval_events.py: analysis/accuracy/weak_matches.json). On AllSides roundups dev
# under grouping 9, 9 of the 41 joins under 0.2 went to another story's event, against
# 51 of the 401 above it; on ECB+ dev 2 of 22 against 90 of 619; on PAC's training
# split, 0 of 4 against 5 of 80.
WEAK_JOIN = 0.2
# The similarity recorded for the article that starts an event: it joined nothing.
FOUNDED = 0.0
# A report's heaviest words kept in the index (and compared). A long report has a few
# hundred distinct words; cut at 60, two long reports of one happening often kept
# different ones and looked unalike (grouping 3). At 150, same-event pairs stand out
# from different-event pairs of the same days better on both real development sets.
MAX_TERMS = 150
# How an article's index terms are made: 1 is grouping 4's words (MAX_TERMS of them) with
# cross-language terms 2; 2 adds the meaning vector (events/meaning_model/); 3 reads a
# number as its value, words of magnitude multiplied in, a date's day not also a number
# and a long name key without its final "h" (events/crosslingual.py). Raise
# it whenever either changes: the sweep then indexes the stored articles made under a
# lower one again, a few thousand at a time (events.services.events_sweep), so that new
# articles are not compared with terms made the old way.
INDEX_VERSION = 3
# Terms that survive translation (events/crosslingual.py) start with this; two articles
# compared by them must share this many (names, numbers, dates).
CROSSING = "x:"
CROSSING_MIN_SHARED = 3
# ...and one of them must be a number or a date: the same minister in two languages on
# one day may be two stories. Unless they share many names, a good part of both reports':
# this many, at a likeness (weighted Jaccard) of at least this much, make one happening by
# names alone (a minister's two names and her country are three; two short reports that
# share just those can have any likeness). Required always (grouping 9 and before), the
# number or date kept apart 20 of 120 reports and their translations, which share none
# (WMT21 news test sets, dev halves; README, "Across languages").
CROSSING_FACTS = ("x:d:", "x:t:")
CROSSING_NAMES_ALONE = 0.25
CROSSING_NAMES_ALONE_SHARED = 5
# Across languages the likeness is the weighted Jaccard similarity of those terms; at
# this value it counts as much as the threshold of cosine similarity within a language.
CROSSING_THRESHOLD = 0.09
# A candidate shares at least this many index terms with the article (the SQL filter).
MIN_CANDIDATE_TERMS = 3
MAX_CANDIDATES = 50
# Candidates are searched by the article's heaviest this many words (with its terms that
# survive translation); those found are then compared by all their shared terms. Reading
# the postings of all MAX_TERMS words in the window tripled a placement's time at 100,000
# stored articles; searching by 40 to 150 words finds the same events on every set.
SEARCH_TERMS = 60
# Same outlet and this similar by terms (cosine), or this much of the shorter body found
# in the longer one (word 5-grams): an update of the outlet's own article.
UPDATE_SIMILARITY = 0.9
UPDATE_CONTAINMENT = 0.6
# Another outlet, and the 5-grams of the bodies this alike (Jaccard), or the shorter body
# this much contained in a longer one of comparable length: a syndicated copy.
SYNDICATED_JACCARD = 0.85
SYNDICATED_CONTAINMENT = 0.9
SYNDICATED_LENGTH_RATIO = 0.6
# Bodies are compared only for the few earlier candidates at least this similar by terms
# (cosine; these two were 0.8 and 0.3 in weighted Jaccard similarity, J ≈ C / (2 − C)).
COPY_CHECK_SIMILARITY = 0.45
COPY_CHECK_MAX = 5
SHINGLE = 5

# Terms: a report's words weighted by TF-IDF, the heaviest MAX_TERMS of them indexed.
WORD = "w:"
# A headline says what the report is about: its words count this many times more.
HEADLINE_REPEAT = 2


def _float_setting(name: str, default: float) -> float:
    """A number from the settings, the default where it is NaN."""
    value = float(getattr(settings, name, default))
    return default if math.isnan(value) else value


def window_days_setting() -> int:
    return int(getattr(settings, "NEWSDESK_EVENT_WINDOW_DAYS", DEFAULT_WINDOW_DAYS))


def threshold_setting() -> float:
    return _float_setting("NEWSDESK_EVENT_THRESHOLD", DEFAULT_THRESHOLD)


class Linkage:
    """How an article's likeness to an event is measured."""

    MEAN = "mean"  # mean similarity to the event's members in the window (the default)
    NEAREST = "nearest"  # similarity to its single most similar member (main until 2026-12)


def linkage_setting() -> str:
    value = getattr(settings, "NEWSDESK_EVENT_LINKAGE", Linkage.MEAN)
    if value not in (Linkage.MEAN, Linkage.NEAREST):
        raise ValueError(f"NEWSDESK_EVENT_LINKAGE must be 'mean' or 'nearest', not {value!r}")
    return value


def cohesion_setting() -> float:
    return _float_setting("NEWSDESK_EVENT_COHESION", DEFAULT_COHESION)


def close_setting() -> float:
    return _float_setting("NEWSDESK_EVENT_CLOSE", DEFAULT_CLOSE)


def min_shared_setting() -> int:
    return int(getattr(settings, "NEWSDESK_EVENT_MIN_SHARED", DEFAULT_MIN_SHARED))


def time_decay_setting() -> float:
    return _float_setting("NEWSDESK_EVENT_TIME_DECAY", DEFAULT_TIME_DECAY)


def second_looks_setting() -> int:
    return int(getattr(settings, "NEWSDESK_EVENT_SECOND_LOOKS", DEFAULT_SECOND_LOOKS))


# --- Word lists -----------------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, titles, and words that every news report uses whatever it is about.
STOP_WORDS = _word_set(
    """
    a about above across after again against ago all almost along already also although
    am among amid an and another any are around as at away back be became because been
    before being below between both but by can could did do does doing done down during
    each either else even ever every few for from further get gets got had has have having
    he her here hers herself him himself his how however i if in including into is it its
    itself just last least less like made make many may me might more most much must my
    near nearly neither never new next no nor not now of off on once one only onto or other
    others our ours out over own per rather same says said she should since so some still
    such than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very via was we were what
    when where whether which while who whom whose why will with within without would yet
    you your yours
    according added announced asked called comment comments confirmed continue continued
    described expected told reported reporters report reports statement statements
    officials official spokesman spokeswoman spokesperson percent cent news
    million billion thousand hundred meanwhile later earlier several various
    today yesterday week weeks year years month months day days hour hours
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    government minister ministers ministry president prime deputy mayor secretary chief
    executive governor director chairman chairwoman head leader senior vice acting former
    general commissioner ambassador envoy representative permanent mr mrs ms dr
    """
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """textstat's Dale–Chall list of 2,940 words most readers know (installed data).

    Located without importing textstat, whose import pulls in NLTK.
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        with (folder / "resources" / "en" / "easy_words.txt").open(encoding="utf-8") as lines:
            return frozenset(line.strip().lower() for line in lines if line.strip())
    except OSError:
        return frozenset()


def stem(word: str) -> str:
    """A light stemmer: plural and possessive endings only ("floods" → "flood")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _familiar_words() -> frozenset[str]:
    return easy_words() | STOP_WORDS


# --- Terms ----------------------------------------------------------------------------


def _content_words(text: str) -> Iterable[str]:
    for match in _WORD.finditer(text):
        word = stem(match.group())
        if len(word) >= 3 and word not in STOP_WORDS:
            yield word


def article_words(headline: str, body: str) -> Counter[str]:
    """The content words of a report (stemmed, function words out) with their counts,
    the headline's counted ``HEADLINE_REPEAT`` times; none if it does not read as English
    (its words would match no English report's, and the word lists are English)."""
    if not reads_as_english(f"{headline} {body}", _familiar_words()):
        return Counter()
    words = Counter(_content_words(body))
    for word in _content_words(headline):
        words[word] += HEADLINE_REPEAT
    return Counter({f"{WORD}{word}"[:80]: n for word, n in words.items()})


@dataclass(frozen=True)
class Frequencies:
    """Document frequencies: in how many of ``articles`` indexed articles each word is."""

    documents: Mapping[str, int]
    articles: int

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency: 1 for a word in every article, more the
        rarer it is; a word no stored article has counts as in one."""
        n = max(self.articles, 1)
        return math.log((1 + n) / (1 + min(max(self.documents.get(term, 1), 1), n))) + 1


# Every word equally informative: a report weighted on its own, with no archive.
NO_ARCHIVE = Frequencies({}, 1)


def word_weights(
    words: Counter[str], frequencies: Frequencies, limit: int | None = None
) -> dict[str, float]:
    """TF-IDF weights of a report's words (sublinear counts times the inverse document
    frequency over the stored articles), the heaviest ``limit`` of them (MAX_TERMS unless
    given, read when called), scaled to unit length so that the sum of the products of two
    reports' shared weights is their cosine."""
    limit = MAX_TERMS if limit is None else limit
    weights = {t: (1 + math.log(n)) * frequencies.idf(t) for t, n in words.items() if n > 0}
    best = sorted(weights.items(), key=lambda tw: (-tw[1], tw[0]))[:limit]
    norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
    return {term: round(weight / norm, 5) for term, weight in best}


def terms_for_text(
    headline: str,
    body: str,
    limit: int | None = None,
    frequencies: Frequencies = NO_ARCHIVE,
) -> dict[str, float]:
    """The index terms of a headline and body: its ``limit`` words of most weight by
    TF-IDF under ``frequencies``, and its terms that survive translation (names,
    numbers, dates: events/crosslingual.py). A report that does not read as English
    has only the latter."""
    return _terms(article_words(headline, body), headline, body, frequencies, limit)


def _terms(
    words: Counter[str],
    headline: str,
    body: str,
    frequencies: Frequencies,
    limit: int | None = None,
) -> dict[str, float]:
    return {**word_weights(words, frequencies, limit), **crosslingual_terms(headline, body)}


def _upsert_counts(delta: Counter[str]) -> None:
    """Add ``delta`` to the stored document frequencies, in one statement per 2,000
    terms, in term order (so that two indexers lock rows in the same order); a term that
    no article uses any more loses its row (one more statement per 2,000 terms taken
    down), so that deleted articles and rewritten bodies leave no rows behind."""
    changes = sorted((term, n) for term, n in delta.items() if n)
    table = connection.ops.quote_name(TermCount._meta.db_table)
    for i in range(0, len(changes), 2000):
        part = changes[i : i + 2000]
        values = ", ".join(["(%s, %s)"] * len(part))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (term, articles) VALUES {values} "
                f"ON CONFLICT (term) DO UPDATE SET articles = {table}.articles + "
                "EXCLUDED.articles",
                [x for row in part for x in row],
            )
    # Rows locked by the upsert till the commit; one that another indexer counts again
    # meanwhile is above zero when this delete reads it, and stays.
    down = [term for term, n in changes if n < 0]
    for i in range(0, len(down), 2000):
        TermCount.objects.filter(term__in=down[i : i + 2000], articles__lte=0).delete()


def _count_words(words: dict[int, set[str]]) -> None:
    """Count these articles' words (by article id) in the document frequencies, in place
    of what was counted for them before; an article counts if it has words."""
    before = dict(
        IndexedWords.objects.filter(article_id__in=list(words)).values_list("article_id", "words")
    )
    delta: Counter[str] = Counter()
    for pk, now in words.items():
        old = {f"{WORD}{w}" for w in before.get(pk, "").split()}
        delta.update(now - old)
        delta.subtract(old - now)
        delta[TermCount.ALL_ARTICLES] += bool(now) - bool(old)
    _upsert_counts(delta)
    IndexedWords.objects.bulk_create(
        [
            IndexedWords(article_id=pk, words=" ".join(sorted(t[len(WORD) :] for t in now)))
            for pk, now in words.items()
        ],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["words"],
    )


def articles_uncount_words(*, article_ids: Iterable[int]) -> None:
    """Take these articles' words out of the document frequencies and forget them, as
    the articles are deleted (newsdesk's ``articles_deleting``, in the deleting
    transaction): one read and one delete per 2,000 articles and one upsert per 2,000
    distinct words, however many articles go. Calling it twice counts nothing twice."""
    ids = sorted(set(article_ids))
    delta: Counter[str] = Counter()
    with transaction.atomic():
        for i in range(0, len(ids), 2000):
            part = ids[i : i + 2000]
            # Locked till the commit: no indexer changes them between this read and the delete.
            rows = IndexedWords.objects.select_for_update().filter(article_id__in=part)
            for words in rows.values_list("words", flat=True):
                delta.subtract(f"{WORD}{w}" for w in words.split())
                delta[TermCount.ALL_ARTICLES] -= bool(words)
            IndexedWords.objects.filter(article_id__in=part).delete()
        _upsert_counts(delta)


def frequencies_of(terms: Iterable[str]) -> Frequencies:
    """The stored document frequencies of these terms, and the number of articles: one
    query."""
    wanted = [TermCount.ALL_ARTICLES, *set(terms)]
    documents = dict(TermCount.objects.filter(term__in=wanted).values_list("term", "articles"))
    return Frequencies(documents, documents.pop(TermCount.ALL_ARTICLES, 0))


def article_terms(article: Article, frequencies: Frequencies | None = None) -> dict[str, float]:
    """The article's index terms with their weights (at most MAX_TERMS words), under the
    stored document frequencies unless others are given."""
    words = article_words(article.headline, article.body)
    if frequencies is None:
        frequencies = frequencies_of(words)
    return _terms(words, article.headline, article.body, frequencies)


class Indexed(NamedTuple):
    """What indexing stored for an article: its terms and its meaning vector (None for a
    report that does not read as English)."""

    terms: dict[str, float]
    meaning: bytes | None


def article_index(*, article: Article) -> Indexed:
    """Count the article's words in the document frequencies and (re)write its rows in
    the term index; returns its terms and meaning vector. A few queries, whatever the
    archive's size."""
    words = article_words(article.headline, article.body)
    with transaction.atomic():
        _count_words({article.pk: set(words)})
        terms = _terms(words, article.headline, article.body, frequencies_of(words))
        ArticleTerm.objects.filter(article=article).delete()
        ArticleTerm.objects.bulk_create(
            ArticleTerm(
                article=article, term=term, weight=weight, published_at=article.published_at
            )
            for term, weight in terms.items()
        )
        meanings = _meanings([article], {article.pk: words})
        _store_vectors({article.pk: terms}, meanings)
    return Indexed(terms, meanings.get(article.pk))


def reports_meanings(reports: list[tuple[str, str, Counter[str]]]) -> list[bytes | None]:
    """The meaning vectors indexing stores for these reports (headline, body and their
    ``article_words``): None for a report with no English words, which is compared by
    the terms that survive translation. One call of the model for them all."""
    english = [i for i, (_, _, words) in enumerate(reports) if words]
    vectors = meaning_vectors([meaning_text(*reports[i][:2]) for i in english])
    found: list[bytes | None] = [None] * len(reports)
    for i, vector in zip(english, vectors, strict=True):
        found[i] = vector
    return found


def _meanings(articles: list[Article], words: dict[int, Counter[str]]) -> dict[int, bytes | None]:
    """The meaning vectors of those articles, by article id."""
    reports = [(a.headline, a.body, words.get(a.pk) or Counter()) for a in articles]
    return dict(zip((a.pk for a in articles), reports_meanings(reports), strict=True))


def _fresh_meaning(article: Article) -> bytes | None:
    """The article's meaning vector made from its text (as indexing stores it), with no
    query: for a placement whose stored row had none (or was not read)."""
    words = article_words(article.headline, article.body)
    return _meanings([article], {article.pk: words})[article.pk]


def articles_index(
    articles: QuerySet[Article] | list[Article], chunk: int = 200
) -> dict[int, dict[str, float]]:
    """Index many articles (a query set, read twice, or a list); returns the terms by
    article id.

    Two passes: first their words are counted in the document frequencies, then they
    are weighted, so that the first of them are weighted by the same frequencies as the
    last (a few queries per chunk each time).
    """

    def chunks():
        source: Iterable[Article] = articles
        if isinstance(articles, QuerySet):
            fields = ("pk", "headline", "body", "published_at")
            source = articles.only(*fields).iterator(chunk_size=500)
        batch: list[Article] = []
        for article in source:
            batch.append(article)
            if len(batch) >= chunk:
                yield batch
                batch = []
        if batch:
            yield batch

    for batch in chunks():
        with transaction.atomic():
            _count_words({a.pk: set(article_words(a.headline, a.body)) for a in batch})
    result: dict[int, dict[str, float]] = {}
    for batch in chunks():
        words = {a.pk: article_words(a.headline, a.body) for a in batch}
        frequencies = frequencies_of(t for counts in words.values() for t in counts)
        for a in batch:
            result[a.pk] = _terms(words[a.pk], a.headline, a.body, frequencies)
        with transaction.atomic():
            ArticleTerm.objects.filter(article_id__in=[a.pk for a in batch]).delete()
            ArticleTerm.objects.bulk_create(
                ArticleTerm(article_id=a.pk, term=term, weight=weight, published_at=a.published_at)
                for a in batch
                for term, weight in result[a.pk].items()
            )
            _store_vectors({a.pk: result[a.pk] for a in batch}, _meanings(batch, words))
    return result


def _store_vectors(terms: dict[int, dict[str, float]], meanings: dict[int, bytes | None]) -> None:
    """Write these articles' vectors (terms, and meaning where there is one, by article
    id), in place of those they had: one statement."""
    ArticleVector.objects.bulk_create(
        [
            ArticleVector(
                article_id=pk,
                terms=vector_text(own),
                meaning=meanings.get(pk),
                index_version=INDEX_VERSION,
            )
            for pk, own in terms.items()
        ],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["terms", "meaning", "index_version"],
    )


# --- Similarity -----------------------------------------------------------------------


def is_weak_join(article: Article, *, reviewed_at: dt.datetime | None) -> bool:
    """Whether the machine joined ``article`` to an existing event with a likeness under
    WEAK_JOIN (not a copy, which joins its original's event; not the event's first
    article, which joined nothing and records FOUNDED; not a membership a person set),
    and nobody has reviewed the event (``reviewed_at``, its review's time) since. The
    same rule as ``weak_joins``, for an article in hand."""
    return (
        article.event_source == MembershipSource.MACHINE
        and not article.copy_kind
        and article.event_similarity is not None
        and FOUNDED < article.event_similarity < WEAK_JOIN
        and (
            reviewed_at is None
            or article.event_set_at is None
            or reviewed_at < article.event_set_at
        )
    )


def weak_joins() -> Q:
    """The articles ``is_weak_join`` marks, as a filter (to count them in a query)."""
    return Q(
        event_source=MembershipSource.MACHINE,
        copy_kind="",
        event_similarity__gt=FOUNDED,
        event_similarity__lt=WEAK_JOIN,
    ) & (
        Q(event__reviewed_at__isnull=True)
        | Q(event_set_at__isnull=True)
        | Q(event__reviewed_at__lt=F("event_set_at"))
    )


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Jaccard similarity of two term-weight maps, from 0 to 1."""
    if not a or not b:
        return 0.0
    low = sum(min(a[t], b[t]) for t in a.keys() & b.keys())
    # The sum over the union of max(a, b): both totals minus the shared minima.
    high = sum(a.values()) + sum(b.values()) - low
    return low / high if high else 0.0


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two reports' word weights (each of unit length): the sum of
    the products of their shared words' weights, from 0 to 1."""
    return sum(w * b[t] for t, w in a.items() if t in b and not t.startswith(CROSSING))


def _concept(term: str) -> str:
    """ "n:23" and "n:23 miner" are one number (terms of the index before 2026-12)."""
    kind, _, text = term.partition(":")
    return text.split(" ")[0] if kind == "n" else text


def shared_terms(a: dict[str, float], b: dict[str, float]) -> int:
    """How many distinct things (words, names, numbers) two term maps have in common."""
    return len({_concept(t) for t in a.keys() & b.keys()})


def required_shared(terms: dict[str, float], min_shared: int) -> int:
    """Short articles have few terms: ask them for proportionally fewer in common."""
    own = sum(not term.startswith(CROSSING) for term in terms)
    return max(2, min(min_shared, own // 6))


def shingles(body: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """The body's word ``size``-grams (lowercased), as tuples of words.

    Only ever compared with each other in one process, so Python's own hashing of the
    tuples serves: no digest per n-gram (that took longer than the rest of a placement).
    """
    words = _TOKEN.findall(body.lower())
    if len(words) < size:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(size)), strict=False))


@dataclass
class Overlap:
    jaccard: float
    containment: float  # share of the shorter body's 5-grams found in the longer one
    length_ratio: float  # shorter / longer, in 5-grams


def body_overlap(a: str, b: str) -> Overlap:
    return _overlap(shingles(a), shingles(b))


def _overlap(sa: set, sb: set) -> Overlap:
    if not sa or not sb:
        return Overlap(0.0, 0.0, 0.0)
    common = len(sa & sb)
    small, large = sorted((len(sa), len(sb)))
    return Overlap(common / len(sa | sb), common / small, small / large)


def is_syndicated(overlap: Overlap) -> bool:
    return overlap.jaccard >= SYNDICATED_JACCARD or (
        overlap.containment >= SYNDICATED_CONTAINMENT
        and overlap.length_ratio >= SYNDICATED_LENGTH_RATIO
    )


def is_update(term_similarity: float, overlap: Overlap) -> bool:
    return term_similarity >= UPDATE_SIMILARITY or overlap.containment >= UPDATE_CONTAINMENT


# --- Placement ------------------------------------------------------------------------


@dataclass
class Candidate:
    article_id: int
    outlet_id: int | None
    event_id: int | None
    event_locked: bool
    published_at: dt.datetime | None
    copy_of_id: int | None
    copy_kind: str
    # The likeness grouping places by (``likeness``: words and meaning)...
    similarity: float = 0.0
    # ...and that of the words alone (cosine; across languages weighted Jaccard), by which
    # updates and copies are looked for.
    words: float = 0.0
    shared: int = 0
    # How many articles its event holds that were published within the window.
    event_size: int = 0
    # Compared by the terms that survive translation (one of the two is not English).
    crossing: bool = False


@dataclass
class Placement:
    """What article_placement did: the event, whether it is new, and any copy found."""

    event: Event | None
    created: bool = False
    similarity: float | None = None
    copy_kind: str = ""
    copy_of_id: int | None = None
    # Why the article was left alone: "person", "locked" (or linked to a storyline by a
    # person: events_kept), "changed".
    skipped: str = ""
    candidates: int = 0


def _reference_time(article: Article) -> dt.datetime:
    return article.published_at or article.created_at or timezone.now()


# Separators of an ArticleVector's "term<_FIELD>weight" pairs: no term contains them
# (terms are words, numbers and names).
_FIELD, _ROW = "\x1f", "\x1e"


def vector_text(terms: Mapping[str, float]) -> str:
    """Terms and weights as an ArticleVector stores them: sorted by term; each weight as
    Python writes a float, which reads back as the same float."""
    return _ROW.join(f"{term}{_FIELD}{terms[term]!r}" for term in sorted(terms))


def _vector_split(text: str | None) -> tuple[list[str], list[str]]:
    """An ArticleVector's terms, and their weights as text, in its order."""
    if not text:
        return [], []
    flat = text.replace(_FIELD, _ROW).split(_ROW)
    return flat[::2], flat[1::2]


def vector_terms(text: str | None) -> dict[str, float]:
    """The terms and weights of an ArticleVector's text."""
    names, weights = _vector_split(text)
    return dict(zip(names, map(float, weights), strict=True))


def likeness(words: float, meaning: float | None) -> float:
    """Two reports' likeness: that of their words (cosine), raised where their meaning
    vectors are closer than MEANING_FLOOR (cosine; None if either has none, when the
    words alone count)."""
    if meaning is None:
        return words
    return words + MEANING_WEIGHT * max(0.0, meaning - MEANING_FLOOR)


def find_candidates(
    *,
    article: Article,
    terms: dict[str, float],
    window_days: int,
    meaning: bytes | None = None,
) -> list[Candidate]:
    """Articles published within the window that share a few terms with these, with
    their likeness to them (by these terms and, within a language, the ``meaning``
    vector): one query.

    Each posting carries its article's publication time, so the query reads, for each
    term, only its postings within the window: one range of the (term, published_at)
    index. Its cost depends on how many articles appear in a week, not on how many are
    stored (reading every posting of a common term since the first article would, and
    so did probing the terms of every article in the window, at about 570 articles a
    week). Articles without a publication date are never candidates; an undated article
    looks around the time it was stored.

    The cosine similarity needs only the shared words' weights (each article's are of
    unit length), and the weighted Jaccard similarity across languages those and the sum
    of each candidate's weights. The query sends each candidate's ``ArticleVector``, one
    row: reading its postings of the article's terms and the sums of its weights from
    the index took three probes of up to MAX_TERMS index rows each per candidate (and
    reading all of its terms that way was once a second query and most of a
    placement's time).
    """
    if not terms:
        return []
    when = _reference_time(article)
    span = dt.timedelta(days=window_days)
    window = (shifted(when, -span), shifted(when, span))
    mine_crossing = sum(w for t, w in terms.items() if t.startswith(CROSSING))
    mine_own = any(not t.startswith(CROSSING) for t in terms)
    candidates = []
    for row in _candidate_rows(article=article, terms=terms, window=window):
        compared = _compared(row, terms, mine_crossing=mine_crossing, mine_own=mine_own)
        if compared is None:
            continue
        shared, words, crossing = compared
        alike = words if crossing else likeness(words, meaning_likeness(meaning, row["meaning"]))
        candidates.append(
            Candidate(
                article_id=row["pk"],
                outlet_id=row["outlet_id"],
                event_id=row["event_id"],
                event_locked=bool(row["event__locked"]),
                published_at=row["published_at"],
                copy_of_id=row["copy_of_id"],
                copy_kind=row["copy_kind"],
                similarity=alike,
                words=words,
                shared=len({_concept(term) for term in shared}),
                event_size=row["event_size"] or 0,
                crossing=crossing,
            )
        )
    return candidates


def search_terms(terms: dict[str, float]) -> list[str]:
    """The terms candidates are searched by: the SEARCH_TERMS heaviest words and every
    term that survives translation."""
    words = sorted((t for t in terms if not t.startswith(CROSSING)), key=lambda t: (-terms[t], t))
    return words[:SEARCH_TERMS] + [t for t in terms if t.startswith(CROSSING)]


def _candidate_rows(*, article: Article, terms: dict[str, float], window: tuple):
    """The query of find_candidates: the best articles of the window by shared weight,
    each with its vector and its event's size."""
    # The postings of the heaviest terms within the window (a range of the (term,
    # published_at) index each), summed by article; only the best MAX_CANDIDATES articles
    # are read.
    search = search_terms(terms)
    best = (
        ArticleTerm.objects.filter(term__in=search, published_at__range=window)
        .exclude(article_id=article.pk)
        .values("article_id")
        .annotate(shared=Count("article_id"), shared_weight=Sum("weight"))
        .filter(shared__gte=min(MIN_CANDIDATE_TERMS, len(search)))
        .order_by("-shared_weight", "article_id")
        .values("article_id")[:MAX_CANDIDATES]
    )
    # For each of those, its vector (one row by its primary key) and the size of its
    # event within the window (a correlated subquery: a few index rows).
    return (
        Article.objects.filter(pk__in=best)
        .order_by()
        .annotate(
            vector=F("term_vector__terms"),
            meaning=F("term_vector__meaning"),
            event_size=Subquery(
                Article.objects.filter(event_id=OuterRef("event_id"), published_at__range=window)
                .order_by()
                .values("event_id")
                .annotate(n=Count("pk"))
                .values("n")
            ),
        )
        .values(
            "pk",
            "outlet_id",
            "event_id",
            "event__locked",
            "published_at",
            "copy_of_id",
            "copy_kind",
            "vector",
            "meaning",
            "event_size",
        )
    )


def _compared(
    row: dict, terms: dict[str, float], *, mine_crossing: float, mine_own: bool
) -> tuple[dict[str, float], float, bool] | None:
    """A candidate's shared terms, its similarity and whether it was compared across
    languages; None if it shares too little of the kind of terms that compare."""
    names, weights = _vector_split(row["vector"])
    # Two articles in the same language are compared by their own terms; if either has
    # none (it does not read as English), by the terms that survive translation.
    crossing = not mine_own or all(t.startswith(CROSSING) for t in names)
    # Only the weights of the shared terms are read as numbers (parsing the vector of
    # each of 50 candidates whole took milliseconds).
    shared = {
        t: float(w)
        for t, w in zip(names, weights, strict=True)
        if t in terms and t.startswith(CROSSING) == crossing
    }
    if len(shared) < MIN_CANDIDATE_TERMS:
        return None  # it was found by terms of the other kind only
    if crossing:  # weighted Jaccard: the sum of the minima over that of the maxima
        low = sum(min(weight, terms.get(term, 0.0)) for term, weight in shared.items())
        total_crossing = sum(
            float(w) for t, w in zip(names, weights, strict=True) if t.startswith(CROSSING)
        )
        high = mine_crossing + total_crossing - low
        likeness = low / high if high > 0 else 0.0
        names_alone = (
            likeness >= CROSSING_NAMES_ALONE and len(shared) >= CROSSING_NAMES_ALONE_SHARED
        )
        if not names_alone and not any(t.startswith(CROSSING_FACTS) for t in shared):
            return None  # a few shared names alone do not make the same happening
    else:  # cosine: both sides' word weights are of unit length
        likeness = sum(weight * terms.get(term, 0.0) for term, weight in shared.items())
    return shared, likeness, crossing


def _is_earlier(candidate: Candidate, article: Article) -> bool:
    mine = article.published_at
    if candidate.published_at is None or mine is None or candidate.published_at == mine:
        return candidate.article_id < (article.pk or 0)
    return candidate.published_at < mine


def _find_copy(
    article: Article, candidates: list[Candidate]
) -> tuple[str, Candidate | None, int | None]:
    """An earlier article this one updates or copies: (kind, that candidate, copy_of id)."""
    # A report in another language is never an update or a copy of its text.
    close = [
        c
        for c in candidates
        if not c.crossing and c.words >= COPY_CHECK_SIMILARITY and _is_earlier(c, article)
    ][:COPY_CHECK_MAX]
    if not close:
        return "", None, None
    bodies = dict(
        Article.objects.filter(pk__in=[c.article_id for c in close])
        .order_by()
        .values_list("pk", "body")
    )
    best: tuple[float, str, Candidate] | None = None
    mine = shingles(article.body)
    for c in close:
        overlap = _overlap(mine, shingles(bodies.get(c.article_id, "")))
        same_outlet = article.outlet_id is not None and c.outlet_id == article.outlet_id
        if same_outlet and is_update(c.words, overlap):
            kind = CopyKind.UPDATE
        elif not same_outlet and is_syndicated(overlap):
            kind = CopyKind.SYNDICATED
        else:
            continue
        score = max(overlap.containment, c.words)
        if best is None or score > best[0]:
            best = (score, kind, c)
    if best is None:
        return "", None, None
    _, kind, found = best
    copy_of = found.article_id
    if kind == CopyKind.SYNDICATED and found.copy_kind == CopyKind.SYNDICATED and found.copy_of_id:
        copy_of = found.copy_of_id  # the text they all copy, not another copy of it
    return kind, found, copy_of


def event_scores(
    candidates: list[Candidate],
    linkage: str = Linkage.MEAN,
    own_event_id: int | None = None,
    crossing_scale: float = 1.0,
) -> dict[int, float]:
    """Each candidate event's likeness to the article, by ``linkage``.

    MEAN: the sum of the similarities to its members among the candidates, divided by
    the number of its members in the window (those not among the candidates share too
    little to count; the article itself, if it is already a member of ``own_event_id``,
    is not one of them). NEAREST: the similarity to its most similar member. Likeness
    across languages (weighted Jaccard) is multiplied by ``crossing_scale`` to count in
    the units of cosine similarity.
    """
    sums: dict[int, float] = defaultdict(float)
    seen: dict[int, int] = defaultdict(int)
    best: dict[int, float] = defaultdict(float)
    for c in candidates:
        if c.event_id and not c.event_locked:
            likeness = c.similarity * (crossing_scale if c.crossing else 1.0)
            sums[c.event_id] += likeness
            seen[c.event_id] += 1
            best[c.event_id] = max(best[c.event_id], likeness)
    if linkage == Linkage.NEAREST:
        return dict(best)
    sizes = {c.event_id: c.event_size for c in candidates if c.event_id}
    if own_event_id in sizes:
        sizes[own_event_id] -= 1
    return {e: total / max(sizes.get(e, 0), seen[e]) for e, total in sums.items()}


def cohesive_events(
    candidates: list[Candidate],
    cohesion: float,
    own_event_id: int | None = None,
    crossing_scale: float = 1.0,
    close: float = 0.0,
) -> set[int]:
    """The candidate events to every member of which (within the window) the article is
    at least ``cohesion`` similar and, where ``close`` is given, to at least CLOSE_SHARE
    of which it is at least ``close`` similar.

    A member that is not among the candidates shares too little with the article (fewer
    than MIN_CANDIDATE_TERMS terms) and fails, unless the candidates were cut at
    MAX_CANDIDATES, when it may simply not have been read: then only those read count.
    """
    lowest: dict[int, float] = {}
    seen: dict[int, int] = defaultdict(int)
    near: dict[int, int] = defaultdict(int)
    sizes: dict[int, int] = {}
    for c in candidates:
        if c.event_id and not c.event_locked:
            likeness = c.similarity * (crossing_scale if c.crossing else 1.0)
            lowest[c.event_id] = min(lowest.get(c.event_id, likeness), likeness)
            seen[c.event_id] += 1
            near[c.event_id] += likeness >= close
            sizes[c.event_id] = c.event_size - (c.event_id == own_event_id)
    complete = len(candidates) < MAX_CANDIDATES
    return {
        e
        for e, low in lowest.items()
        if low >= cohesion
        and (not complete or seen[e] >= sizes[e])
        and (not close or near[e] >= math.ceil(CLOSE_SHARE * (sizes[e] if complete else seen[e])))
    }


def _nearer_first(
    candidates: list[Candidate],
    when: dt.datetime,
    window_days: int,
    decay: float,
    grace_hours: float | None = None,
) -> list[Candidate]:
    """The candidates with their likeness lowered for time apart: not within
    ``grace_hours``, then linearly to ``decay`` less at the window's edge."""
    grace_hours = DECAY_GRACE_HOURS if grace_hours is None else grace_hours
    span = window_days * 86400.0 - grace_hours * 3600.0
    if not decay or span <= 0:
        return candidates
    grace = grace_hours * 3600.0
    nearer = []
    for c in candidates:
        apart = abs((c.published_at - when).total_seconds()) - grace if c.published_at else 0.0
        if apart > 0:
            # A copy with only the similarity changed, made by copying its fields
            # (dataclasses.replace and copy.copy took longer than the rest of the choice).
            far = object.__new__(Candidate)
            far.__dict__.update(c.__dict__)
            far.similarity = c.similarity * (1 - decay * min(1.0, apart / span))
            c = far
        nearer.append(c)
    return nearer


def _choose_event(
    candidates: list[Candidate],
    copy_source: Candidate | None,
    threshold: float,
    required: int,
    linkage: str = Linkage.MEAN,
    own_event_id: int | None = None,
    cohesion: float = 0.0,
    close: float = 0.0,
) -> tuple[int | None, float]:
    """The event most like the article as a whole (or the event of the copied article).

    Only events with a member that shares ``required`` distinct terms with the article
    are eligible, and with mean linkage only those to every member of which it is at
    least ``cohesion`` similar, and to most of which ``close`` (none is asked if these are
    0: cohesive_events); the best of them must score ``threshold`` or more.
    """
    if copy_source and copy_source.event_id and not copy_source.event_locked:
        return copy_source.event_id, copy_source.similarity
    crossing_scale = threshold / CROSSING_THRESHOLD
    eligible = {
        c.event_id
        for c in candidates
        if c.event_id
        and c.shared >= (min(required, CROSSING_MIN_SHARED) if c.crossing else required)
    }
    if linkage == Linkage.MEAN and (cohesion > 0 or close > 0):
        eligible &= cohesive_events(candidates, cohesion, own_event_id, crossing_scale, close)
    scores = {
        e: v
        for e, v in event_scores(
            candidates, linkage, own_event_id, crossing_scale=crossing_scale
        ).items()
        if e in eligible
    }
    if not scores:
        return None, 0.0
    event_id, score = max(scores.items(), key=lambda kv: (kv[1], -kv[0]))
    return (event_id, score) if score >= threshold else (None, 0.0)


def article_placement(
    *,
    article: Article,
    window_days: int | None = None,
    threshold: float | None = None,
    min_shared: int | None = None,
    terms: dict[str, float] | None = None,
    meaning: bytes | None = None,
    linkage: str | None = None,
    cohesion: float | None = None,
    close: float | None = None,
    second_look: bool = False,
) -> Placement:
    """Place one article in the nearby event most like it as a whole, or in a new one.

    With ``second_look``, an article that stays in its event is left as it was
    (articles_second_look); otherwise placing it again records its likeness anew and
    refreshes the event's dates in case the article's own changed.

    ``terms`` are the article's indexed terms if the caller has them, and ``meaning`` its
    meaning vector; otherwise both are read from its stored row, and the article is
    indexed if it has none (a meaning vector neither given nor stored is made from the
    text). The number of queries does not depend on how many articles are stored.
    """
    window_days = window_days_setting() if window_days is None else window_days
    threshold = threshold_setting() if threshold is None else threshold
    min_shared = min_shared_setting() if min_shared is None else min_shared
    linkage = linkage_setting() if linkage is None else linkage
    cohesion = cohesion_setting() if cohesion is None else cohesion
    close = close_setting() if close is None else close
    if article.event_source == MembershipSource.PERSON or (
        article.event_id and article.event_source != MembershipSource.MACHINE
    ):
        # Set (or taken out) by a person, or put there by a bulk action that did not
        # say by whom: theirs to change.
        return Placement(event=article.event, skipped="person")
    if article.event_id and events_kept().filter(pk=article.event_id).exists():
        return Placement(event=article.event, skipped="locked")
    if terms is None:
        # Terms and meaning in one row; indexed now if it has none.
        stored = ArticleVector.objects.filter(article=article).values_list("terms", "meaning")
        text, found = stored.first() or ("", None)
        terms = vector_terms(text)
        if not terms:
            terms, found = article_index(article=article)
        meaning = bytes(found) if found and meaning is None else meaning
    if meaning is None and any(not t.startswith(CROSSING) for t in terms):
        # Not given and not stored (a row the sweep has not remade yet): made from the
        # text, which costs less than reading the row again.
        meaning = _fresh_meaning(article)

    candidates = find_candidates(
        article=article, terms=terms, window_days=window_days, meaning=meaning
    )
    candidates.sort(key=lambda c: (-c.similarity, c.article_id))

    copy_kind, copy_source, copy_of = _find_copy(article, candidates)
    # The single-link method of before is kept as it was, without the time decay.
    decay = time_decay_setting() if linkage == Linkage.MEAN else 0.0
    chosen_id, chosen_score = _choose_event(
        _nearer_first(candidates, _reference_time(article), window_days, decay),
        copy_source,
        threshold,
        required_shared(terms, min_shared),
        linkage,
        own_event_id=article.event_id,
        cohesion=cohesion,
        close=close,
    )
    if chosen_id is None and article.event_id and _alone(article):
        # Looked at again, alone in the event it started: it stays there (a new event
        # would only change the id its links and bookmarks use).
        chosen_id = article.event_id
    # The similarity recorded is that of the match; 0 for the article that starts an event
    # (it joined nothing: the likeness of a candidate it refused would read as a weak join).
    score = round(chosen_score, 4) if chosen_score and chosen_id else FOUNDED
    if second_look and chosen_id == article.event_id:
        # Looked at again and staying: left as it was (its likeness is the one it joined
        # with, the one the weak-match figures were measured on; the founder keeps 0).
        return Placement(
            event=article.event,
            similarity=article.event_similarity,
            copy_kind=article.copy_kind,
            copy_of_id=article.copy_of_id,
            candidates=len(candidates),
        )

    stored = _store_placement(
        article, chosen_id, score=score, copy_kind=copy_kind, copy_of=copy_of, moved=second_look
    )
    if stored is None:
        return Placement(event=article.event, skipped="changed")
    event, created = stored
    return Placement(
        event=event,
        created=created,
        similarity=score,
        copy_kind=copy_kind,
        copy_of_id=copy_of,
        candidates=len(candidates),
    )


def events_kept():
    """The events whose members the machine never moves, nor takes out in a rebuild:
    locked ones, and those a person linked to a storyline (or took out of one), so that
    the link still means the articles it was made for."""
    return Event.objects.filter(Q(locked=True) | Q(storyline_source=MembershipSource.PERSON))


def _alone(article: Article) -> bool:
    """Whether the article is the only one in its event."""
    return not Article.objects.filter(event_id=article.event_id).exclude(pk=article.pk).exists()


def _store_placement(
    article: Article,
    chosen_id: int | None,
    *,
    score,
    copy_kind: str,
    copy_of: int | None,
    moved: bool = False,
) -> tuple[Event, bool] | None:
    """Put the article in the chosen event (or a new one), with what the machine found
    (``moved``: by a second look, out of the event it was in); the event and whether it is
    new, or None if a person or a lock got there first (the article is read again then)."""
    with transaction.atomic():
        event = Event.objects.filter(pk=chosen_id, locked=False).first() if chosen_id else None
        created = event is None
        day = _day_of(article)
        if created:
            # Its only article's day; no refresh of the dates needed afterwards.
            event = Event.objects.create(title=article.headline[:300], starts_on=day, ends_on=day)
        now = timezone.now()
        fields = {
            "event": event,
            "event_source": MembershipSource.MACHINE,
            "event_similarity": score,
            "event_set_by": None,
            "event_set_at": now,
            "event_moved_at": now if moved else None,
            "copy_of_id": copy_of,
            "copy_kind": copy_kind,
        }
        # Only if no person and no lock got there since the article was read.
        changed = (
            Article.objects.filter(pk=article.pk)
            .exclude(event_source=MembershipSource.PERSON)
            .filter(
                Q(event__isnull=True)
                | Q(event__locked=False, event_source=MembershipSource.MACHINE)
            )
            .update(**fields, updated_at=now)
        )
        if not changed:
            if created:
                event.delete()
            article.refresh_from_db()
            return None
        previous_id = article.event_id
        for name, value in fields.items():
            setattr(article, name, value)
        if previous_id == event.pk:
            event_refresh_dates(event=event)  # the article's date may have changed
        elif not created:
            _widen_dates(event, day)
        if previous_id and previous_id != event.pk:
            _tidy_event(previous_id)
    return event, created


def _day_of(article: Article) -> dt.date | None:
    """The article's publication day in UTC, as event_refresh_dates counts it."""
    return article.published_at.astimezone(dt.UTC).date() if article.published_at else None


def _widen_dates(event: Event, day: dt.date | None) -> None:
    """Stretch the event's dates to a new article's day, if they do not cover it already.

    Joining an event only ever widens its span, so this needs no reading of its other
    articles (event_refresh_dates does); the UPDATE takes the earlier and later of the
    stored dates and the day, so a placement in the same event meanwhile is not undone.
    """
    if day is None:
        return
    if (
        event.starts_on is not None
        and event.ends_on is not None
        and (event.starts_on <= day <= event.ends_on)
    ):
        return
    on = Value(day)
    Event.objects.filter(pk=event.pk).update(
        starts_on=Least(Coalesce("starts_on", on), on),
        ends_on=Greatest(Coalesce("ends_on", on), on),
    )
    event.starts_on = min(event.starts_on or day, day)
    event.ends_on = max(event.ends_on or day, day)


def article_place(
    *,
    article: Article,
    window_days: int | None = None,
    threshold: float | None = None,
    terms: dict[str, float] | None = None,
) -> Event | None:
    """Place one (scored) article in an event; see ``article_placement``."""
    return article_placement(
        article=article, window_days=window_days, threshold=threshold, terms=terms
    ).event


def _machine_made(event: Event) -> bool:
    """Made by the machine and left to it: no creator, no lock, no review, and not linked
    to (or out of) a storyline by a person."""
    return (
        event.created_by_id is None
        and not event.locked
        and event.reviewed_by_id is None
        and event.storyline_source != MembershipSource.PERSON
    )


def _delete_unprotected(events) -> None:
    """Delete these events but those that something (an assignment) protects."""
    try:
        events.delete()
    except ProtectedError as exc:
        kept = {getattr(obj, "event_id", None) for obj in exc.protected_objects}
        events.exclude(pk__in=kept).delete()


def _tidy_event(event_id: int) -> None:
    """Delete a machine-made event left empty, or refresh the dates of one that is not."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return
    if _machine_made(event) and not event.articles.exists():
        try:
            event.delete()
            return
        except ProtectedError:  # work was assigned on it (an annotation assignment)
            pass
    event_refresh_dates(event=event)


# --- Whole-corpus runs ----------------------------------------------------------------


@dataclass
class GroupingReport:
    indexed: int = 0
    placed: int = 0
    new_events: int = 0
    joined: int = 0
    updates: int = 0
    syndicated: int = 0
    skipped: int = 0
    cleared: int = 0
    deleted_events: int = 0
    moved: int = 0  # by the second look
    events: set[int] = field(default_factory=set)

    def add(self, placement: Placement) -> None:
        if placement.skipped:
            self.skipped += 1
            return
        self.placed += 1
        self.events.add(placement.event.pk)
        if placement.created:
            self.new_events += 1
        else:
            self.joined += 1
        if placement.copy_kind == CopyKind.UPDATE:
            self.updates += 1
        elif placement.copy_kind == CopyKind.SYNDICATED:
            self.syndicated += 1


def _since_filter(since: dt.date | dt.datetime | None) -> Q:
    if since is None:
        return Q()
    if not isinstance(since, dt.datetime):
        since = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
    return _span_filter(since, None)


def _in_publication_order(queryset):
    return queryset.order_by("published_at", "created_at", "pk").defer("raw")


def _placed(articles, terms: Mapping[int, dict[str, float]], **how) -> Iterator[tuple]:
    """Place these articles in publication order (article_placement with ``how``), each
    with its indexed terms where ``terms`` has them, and its meaning vector read with it
    (not one query a placement): each article, its event before, and the placement. Given
    no terms at all (the worker's second look), each article's stored terms are read with
    it too; one with none stored is indexed as it is placed."""
    ordered = _in_publication_order(articles).annotate(stored_meaning=F("term_vector__meaning"))
    if not terms:
        ordered = ordered.annotate(stored_terms=F("term_vector__terms"))
    for article in ordered.iterator(chunk_size=500):
        before = article.event_id
        meaning = bytes(article.stored_meaning) if article.stored_meaning else None
        own = terms.get(article.pk) if terms else (vector_terms(article.stored_terms) or None)
        placement = article_placement(article=article, terms=own, meaning=meaning, **how)
        yield article, before, placement


def articles_group_since(
    *,
    since: dt.date | dt.datetime | None = None,
    window_days: int | None = None,
    threshold: float | None = None,
    min_shared: int | None = None,
    only_unplaced: bool = True,
    linkage: str | None = None,
    second_looks: int | None = None,
) -> GroupingReport:
    """Index the articles (published since ``since``), then place those without an event
    (or, with ``only_unplaced=False``, all of them) in publication order; then give those
    days, and a window either side, a second look (``second_looks`` passes at most:
    articles_second_look)."""
    report = GroupingReport()
    scope = Article.objects.filter(_since_filter(since))
    terms = articles_index(_in_publication_order(scope))
    report.indexed = len(terms)
    to_place = scope.filter(event__isnull=True) if only_unplaced else scope
    changed: set[int] = set()
    first = last = None
    how = {"window_days": window_days, "threshold": threshold, "min_shared": min_shared}
    for article, before, placement in _placed(to_place, terms, linkage=linkage, **how):
        report.add(placement)
        if not placement.skipped and placement.event is not None:
            changed.update(i for i in (before, placement.event.pk) if i)
            when = _reference_time(article)
            first, last = min(first or when, when), max(last or when, when)
    second_looks = second_looks_setting() if second_looks is None else second_looks
    if last is not None and second_looks:
        # The days just placed, and a window either side: their neighbours may now have
        # a better event too.
        reach = dt.timedelta(days=window_days_setting() if window_days is None else window_days)
        look = articles_second_look(
            start=first - reach,
            end=last + reach,
            passes=second_looks,
            window_days=window_days,
            threshold=threshold,
            min_shared=min_shared,
            linkage=linkage,
            terms=terms,
        )
        report.moved = look.moved
        changed.update(look.events)
        Article.objects.filter(_span_filter(first - reach, last + reach)).update(
            second_look_at=timezone.now()
        )
    # Indexed and placed: the sweep leaves them alone (analysis.services.articles_sweep).
    scope.update(grouped_at=timezone.now())
    events_mark_stale(event_ids=changed)
    return report


@dataclass
class SecondLook:
    """What a second look did: the passes made, the articles placed again and those
    moved (each counted as often as it was), and the events that gained or lost an
    article."""

    passes: int = 0
    looked: int = 0
    moved: int = 0
    events: set[int] = field(default_factory=set)
    # Moved by a pass whose neighbours' pass was cut short by its deadline.
    unfollowed: list[int] = field(default_factory=list)


def _span_filter(start: dt.datetime | None, end: dt.datetime | None) -> Q:
    """Articles published from ``start`` to ``end`` (either open); undated ones by when
    they were stored."""
    if start is None and end is None:
        return Q()
    dated, undated = Q(published_at__isnull=False), Q(published_at__isnull=True)
    if start is not None:
        dated &= Q(published_at__gte=start)
        undated &= Q(created_at__gte=start)
    if end is not None:
        dated &= Q(published_at__lte=end)
        undated &= Q(created_at__lte=end)
    return dated | undated


def articles_neighbours(*, article_ids: Iterable[int], window_days: int | None = None) -> set[int]:
    """These articles and their candidates (find_candidates: published within the window,
    sharing a few terms): what a new article may have given a better event."""
    window_days = window_days_setting() if window_days is None else window_days
    given = sorted(set(article_ids))
    found = set(given)
    for start in range(0, len(given), LISTED_IDS):
        rows = (
            Article.objects.filter(pk__in=given[start : start + LISTED_IDS])
            .defer("raw", "body")
            .annotate(
                stored_terms=F("term_vector__terms"), stored_meaning=F("term_vector__meaning")
            )
        )
        for article in rows:
            meaning = bytes(article.stored_meaning) if article.stored_meaning else None
            terms = vector_terms(article.stored_terms)
            found.update(
                c.article_id
                for c in find_candidates(
                    article=article, terms=terms, window_days=window_days, meaning=meaning
                )
            )
    return found


def _past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline


def articles_second_look(
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    article_ids: Iterable[int] | None = None,
    passes: int | None = None,
    window_days: int | None = None,
    threshold: float | None = None,
    min_shared: int | None = None,
    linkage: str | None = None,
    terms: Mapping[int, dict[str, float]] | None = None,
    deadline: float | None = None,
) -> SecondLook:
    """Place again, in publication order, every article the machine put in an (unlocked)
    event and published from ``start`` to ``end`` (and, if given, among ``article_ids``),
    among the events as they now stand; again while any moves, at most ``passes`` times
    (DEFAULT_SECOND_LOOKS).

    Memberships set by a person, locked events and events a person linked to a storyline
    keep their members, as in a rebuild (events_kept). ``terms`` are articles' indexed
    terms where the caller has them (the rest are read). Nothing is written for an
    article that stays where it is. After the first pass, only the neighbours of the
    articles the pass before moved are looked at.

    The first pass is always made whole; the later ones stop once ``deadline`` (a
    ``time.monotonic()`` reading) has passed, and the articles whose moves they were
    following, or which moved in the pass cut short, are returned as ``unfollowed``.
    """
    passes = second_looks_setting() if passes is None else passes
    terms = terms or {}
    look = SecondLook()
    scope = Article.objects.filter(
        _span_filter(start, end),
        event__isnull=False,
        event_source=MembershipSource.MACHINE,
    ).exclude(event__in=events_kept())
    if article_ids is not None:
        scope = scope.filter(pk__in=list(article_ids))
    how = {"window_days": window_days, "threshold": threshold, "min_shared": min_shared}
    following: list[int] = []  # moved in the pass before: this pass follows them up
    for number in range(passes):
        if number and _past(deadline):
            look.unfollowed = following
            break
        look.passes += 1
        moved: list[int] = []
        placements = _placed(scope, terms, linkage=linkage, second_look=True, **how)
        for article, before, placement in placements:
            look.looked += 1
            if not (placement.skipped or placement.event is None or placement.event.pk == before):
                moved.append(article.pk)
                look.events.update((before, placement.event.pk))
            if number and _past(deadline):
                placements.close()
                look.unfollowed = list(dict.fromkeys([*following, *moved]))
                break
        look.moved += len(moved)
        if look.unfollowed or not moved:
            break
        following = moved
        # The next pass: what the moves may have changed, the moved articles' neighbours
        # (or all of the span again, if they are too many to list in a query).
        nearby = articles_neighbours(article_ids=moved, window_days=window_days)
        if len(nearby) <= NEIGHBOURS_LISTED:
            scope = scope.filter(pk__in=list(nearby))
    return look


def events_rebuild(
    *,
    since: dt.date | dt.datetime | None = None,
    window_days: int | None = None,
    threshold: float | None = None,
    min_shared: int | None = None,
    linkage: str | None = None,
    second_looks: int | None = None,
) -> GroupingReport:
    """Undo the machine's grouping (of articles published since ``since``) and redo it.

    Memberships set by a person, locked events and events a person linked to a storyline
    are kept as they are; machine-made events left empty (no creator, not locked, not
    reviewed, no storyline link by a person) are deleted. Articles are
    re-indexed and placed again in publication order; a rebuild of every article counts
    their words anew (deleting articles takes their words out as it goes; this repairs
    what a deletion by raw SQL left behind).
    """
    scope = Article.objects.filter(_since_filter(since))
    # An event a person linked to a storyline (or took out of one) is a person's fix too:
    # its members stay, like those of a locked event, so that the link still means them.
    machine = scope.filter(event_source=MembershipSource.MACHINE).exclude(event__in=events_kept())
    with transaction.atomic():
        if since is None:
            TermCount.objects.all().delete()
            IndexedWords.objects.all().delete()
        touched = set(machine.exclude(event=None).values_list("event_id", flat=True))
        cleared = machine.update(
            event=None,
            event_source="",
            event_similarity=None,
            event_set_by=None,
            event_set_at=None,
            event_moved_at=None,
        )
        # Copy flags are the machine's too, except on the articles it may not touch.
        scope.filter(event__isnull=True).exclude(event_source=MembershipSource.PERSON).exclude(
            copy_kind=""
        ).update(copy_of=None, copy_kind="")
        empty_ids = list(
            Event.objects.filter(
                pk__in=touched,
                created_by__isnull=True,
                locked=False,
                reviewed_by__isnull=True,
                articles__isnull=True,
            )
            .exclude(storyline_source=MembershipSource.PERSON)
            .values_list("pk", flat=True)
        )
        _delete_unprotected(Event.objects.filter(pk__in=empty_ids))
        for event in Event.objects.filter(pk__in=touched):
            event_refresh_dates(event=event)
    report = articles_group_since(
        since=since,
        window_days=window_days,
        threshold=threshold,
        min_shared=min_shared,
        only_unplaced=False,
        linkage=linkage,
        second_looks=second_looks,
    )
    report.cleared, report.deleted_events = cleared, len(empty_ids)
    # Events that lost machine-made members and kept others (those placed again are
    # marked by articles_group_since).
    events_mark_stale(event_ids=touched - set(empty_ids))
    return report


# --- Evaluation -----------------------------------------------------------------------


def _clusters(labels: dict) -> dict:
    clusters: dict = defaultdict(set)
    for item, label in labels.items():
        clusters[label].add(item)
    return clusters


def _prf(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def pairwise_scores(truth: dict, predicted: dict) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put in the same cluster.

    ``truth`` and ``predicted`` map every item to its cluster label. A side with no
    pairs at all scores 1 (nothing claimed, or nothing to find).
    """

    def pairs(labels: dict) -> set[frozenset]:
        return {
            frozenset((a, b))
            for members in _clusters(labels).values()
            for a in members
            for b in members
            if a != b
        }

    true_pairs, found_pairs = pairs(truth), pairs(predicted)
    hits = len(true_pairs & found_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    return _prf(precision, recall)


def bcubed_scores(truth: dict, predicted: dict) -> dict[str, float]:
    """BCubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over items."""
    if not truth:
        return _prf(1.0, 1.0)
    true_clusters, found_clusters = _clusters(truth), _clusters(predicted)
    precision = recall = 0.0
    for item in truth:
        mine, right = found_clusters[predicted[item]], true_clusters[truth[item]]
        common = len(mine & right)
        precision += common / len(mine)
        recall += common / len(right)
    return _prf(precision / len(truth), recall / len(truth))


def event_refresh_dates(*, event: Event) -> None:
    span = event.articles.aggregate(first=Min("published_at"), last=Max("published_at"))
    event.starts_on = span["first"].date() if span["first"] else None
    event.ends_on = span["last"].date() if span["last"] else None
    event.save(update_fields=["starts_on", "ends_on"])
