"""Reads for the newsroom pages."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import DatabaseError, connection, connections
from django.db.models import (
    Avg,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from newsdesk.models import Article, Event, Outlet

# PostgreSQL's search: the vector that the GIN index of migration 0007 covers (keep the
# two equal, or the search reads every article).
SEARCH_CONFIG = "english"
SEARCH_VECTOR = SearchVector("headline", "body", config=SEARCH_CONFIG)
_SEARCH_WORD = re.compile(r"\w+")


def _search_query(text: str) -> str:
    """Every word of ``text`` as a prefix ("flood" finds "flooding"), all of them required,
    in to_tsquery syntax; "" if ``text`` has no word.

    The words are runs of ``\\w``, so no tsquery operator or quote comes from the user;
    words that the English configuration ignores ("the", "before") drop out of the query.
    """
    return " & ".join(f"'{word}':*" for word in _SEARCH_WORD.findall(text))


class _IndexedSearchQuerySet(QuerySet):
    """Runs its queries with PostgreSQL's sequential and plain index scans turned off.

    Then the only way left to apply the search is a bitmap scan of the GIN index, which
    never recomputes an article's vector. Left to itself the planner may walk the date
    index (or the whole table) and recompute the vector of each article from its body,
    about 3 ms an article: a word found nowhere then read all 100,000 articles, and a
    word found everywhere was counted in a sequential scan of a minute. The settings are
    restored after each query, whatever happens.
    """

    def _planned(self, run):
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
                "set_config('enable_seqscan', 'off', false), "
                "set_config('enable_indexscan', 'off', false)"
            )
            before = cursor.fetchone()[:2]
            try:
                return run()
            finally:
                # A failed query inside a transaction aborts it, and its rollback undoes
                # the settings anyway.
                with contextlib.suppress(DatabaseError):
                    cursor.execute(
                        "SELECT set_config('enable_seqscan', %s, false), "
                        "set_config('enable_indexscan', %s, false)",
                        before,
                    )

    def count(self) -> int:
        if self._result_cache is not None:
            return len(self._result_cache)
        return self._planned(super().count)

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            self._planned(super()._fetch_all)


def _searchable(query: str) -> bool:
    """Whether the query keeps any word once the configuration drops its stop words."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(to_tsquery(%s::regconfig, %s))", (SEARCH_CONFIG, query))
        return bool(cursor.fetchone()[0])


def _search(articles: QuerySet[Article], text: str) -> QuerySet[Article]:
    """Articles whose headline or body contain ``text``.

    PostgreSQL answers from a GIN index (a LIKE over every body took seconds at 100,000
    articles); SQLite, for a laptop-sized corpus, keeps the substring match.
    """
    if connection.vendor != "postgresql":
        return articles.filter(Q(headline__icontains=text) | Q(body__icontains=text))
    query = _search_query(text)
    if not query:
        return articles.none()  # only punctuation: no word to look for
    if not _searchable(query):
        # Only words the English configuration ignores ("against", "between"): the index
        # has nothing for them, so look for the words in headlines.
        return articles.filter(headline__icontains=text)
    searched = articles.alias(search=SEARCH_VECTOR).filter(
        search=SearchQuery(query, search_type="raw", config=SEARCH_CONFIG)
    )
    return _IndexedSearchQuerySet(model=Article, query=searched.query, using=searched.db)


def article_list(*, filters: dict) -> QuerySet[Article]:
    articles = Article.objects.select_related("outlet", "event").defer("raw", "body")
    if q := filters.get("q"):
        articles = _search(articles, q)
    if outlet := filters.get("outlet"):
        articles = articles.filter(outlet=outlet)
    if event := filters.get("event"):
        articles = articles.filter(event=event)
    if status := filters.get("status"):
        articles = articles.filter(scoring_status=status)
    if date_from := filters.get("date_from"):
        articles = articles.filter(published_at__gte=_start_of(date_from))
    if date_to := filters.get("date_to"):
        articles = articles.filter(published_at__lt=_start_of(date_to + dt.timedelta(days=1)))
    return articles


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _score_avg(scorer: str, key: str) -> Avg:
    return Avg(
        # KT() would apply the JSON path to the article's own column; name the field.
        Cast(KeyTextTransform(key, "articles__scores__values"), FloatField()),
        filter=Q(articles__scores__scorer=scorer),
    )


def _count(queryset: QuerySet, field: str = "pk", distinct: bool = False) -> Subquery:
    """COUNT over a correlated subquery: 0 when no row matches.

    Counted per row shown rather than by joining and grouping every row of both tables:
    a page of events or outlets reads only its own articles, and the paginator's COUNT
    of events or outlets needs no join at all.
    """
    template = "COUNT(DISTINCT %(expressions)s)" if distinct else "COUNT(%(expressions)s)"
    counted = Func(F(field), template=template, output_field=IntegerField())
    return Subquery(queryset.order_by().annotate(n=counted).values("n"))


def outlet_list() -> QuerySet[Outlet]:
    return (
        Outlet.objects.annotate(article_count=_count(Article.objects.filter(outlet=OuterRef("pk"))))
        .prefetch_related("domains")
        .order_by("name")
    )


def outlet_averages(outlet: Outlet) -> dict:
    return Outlet.objects.filter(pk=outlet.pk).aggregate(
        tone=_score_avg("sentiment", "compound_mean"),
        negative_share=_score_avg("sentiment", "negative_share"),
        reading_ease=_score_avg("readability", "flesch_reading_ease"),
        grade=_score_avg("readability", "flesch_kincaid_grade"),
    )


def event_list() -> QuerySet[Event]:
    # The order is that of the event_newest_first index (migration 0007).
    articles = Article.objects.filter(event=OuterRef("pk"))
    return Event.objects.annotate(
        article_count=_count(articles), outlet_count=_count(articles, "outlet", distinct=True)
    ).order_by(F("starts_on").desc(nulls_last=True), "-id")


def event_articles_by_outlet(event: Event) -> list[tuple[Outlet | None, list[Article]]]:
    groups: dict[int | None, tuple[Outlet | None, list[Article]]] = {}
    articles = event.articles.select_related("outlet", "event_set_by").defer("raw")
    # Known outlets by name, then articles with no outlet, on every database.
    ordering = (F("outlet__name").asc(nulls_last=True), F("published_at").asc(nulls_last=True))
    for article in articles.order_by(*ordering):
        groups.setdefault(article.outlet_id, (article.outlet, []))[1].append(article)
    return list(groups.values())
