"""Reads for the newsroom pages."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from django.db import DatabaseError, connection, connections
from django.db.models import (
    BooleanField,
    Expression,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from newsdesk.dates import day_end, day_start
from newsdesk.models import Article, IngestJob, IngestJobRow, Outlet
from newsdesk.roles import ADMIN, has_role

# PostgreSQL's search reads the stored vector of migration 0009 (``search_vector``, kept
# by PostgreSQL from the headline and body with this configuration).
SEARCH_CONFIG = "english"
SEARCH_COLUMN = "search_vector"
_SEARCH_WORD = re.compile(r"\w+")


def _search_query(text: str) -> str:
    """Every word of ``text`` as a prefix ("flood" finds "flooding"), all of them required,
    in to_tsquery syntax; "" if ``text`` has no word.

    The words are runs of ``\\w``, so no tsquery operator or quote comes from the user;
    words that the English configuration ignores ("the", "before") drop out of the query.
    """
    return " & ".join(f"'{word}':*" for word in _SEARCH_WORD.findall(text))


class _Matches(Expression):
    """``<article>.search_vector @@ to_tsquery(...)``: the stored vector is not a model
    field (SQLite has none), so the column is named here, on whatever alias the query
    gives the article table."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, query: str, alias: str | None = None):
        super().__init__()
        self.query, self.alias = query, alias

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.alias = query.get_initial_alias()
        return resolved

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def get_group_by_cols(self):
        return []

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(self.alias)
        column = connection.ops.quote_name(SEARCH_COLUMN)
        return f"{table}.{column} @@ to_tsquery(%s::regconfig, %s)", [SEARCH_CONFIG, self.query]


@contextlib.contextmanager
def _planner_without(db: str, *scans: str):
    """Runs the queries inside with these PostgreSQL plan types turned off ("seqscan",
    "indexscan", "bitmapscan", "sort"); the settings are restored afterwards, whatever
    happens."""
    names = [f"enable_{scan}" for scan in scans]
    with connections[db].cursor() as cursor:
        cursor.execute(
            "SELECT "
            + ", ".join("current_setting(%s), set_config(%s, 'off', false)" for _ in names),
            [value for name in names for value in (name, name)],
        )
        before = cursor.fetchone()[::2]
        try:
            yield
        finally:
            # A failed query inside a transaction aborts it, and its rollback undoes the
            # settings anyway.
            with contextlib.suppress(DatabaseError):
                cursor.execute(
                    "SELECT " + ", ".join("set_config(%s, %s, false)" for _ in names),
                    [value for pair in zip(names, before, strict=True) for value in pair],
                )


# A page of matches is read from the date index if that means testing at most this many
# articles (a few µs each); otherwise every match is read from the GIN index and sorted.
WALK_ROWS = 4000


class _SearchQuerySet(QuerySet):
    """A search whose plans are chosen from its number of matches, which the list counts
    anyway, rather than from the planner's estimate.

    Testing an article against the query means reading its stored vector (out of line,
    some 6 µs), which the planner does not charge for; and it knows how common a word is
    only for the thousand most common ones, guessing 0.5% of the articles for any other.
    Left to itself it counted a common word's 85,000 matches by testing all 100,000
    articles (600 ms) where the GIN index answers in 15 ms, and walked the date index
    through every article looking for a page of a word found once (600 ms). So:

    - the count always reads the GIN index;
    - a page is read by walking the date index (newest first, stopping at the page's
      last row) when the matches are dense enough to meet that many within WALK_ROWS
      articles, and otherwise from the GIN index, sorting the matches (a few ms for a
      rare word, some 40 ms for one in 85% of 100,000 articles). Without a count (a
      caller that does not paginate), from the GIN index.
    """

    def __init__(self, *args, table_rows: float = 0.0, headlines_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._table_rows = table_rows
        # Whether the search is a phrase in headlines (only stop words), for the page to say.
        self.headlines_only = headlines_only
        self._matches: int | None = None  # as last counted; slices and filters inherit it

    def _clone(self):
        clone = super()._clone()
        clone._table_rows, clone.headlines_only = self._table_rows, self.headlines_only
        # The matches' density, for choosing how to read a page: a keyset page
        # (common.pagination) adds a date bound after the count, which leaves it as it
        # was. A clone that counts again replaces it.
        clone._matches = self._matches
        return clone

    def count(self) -> int:
        if self._result_cache is not None:
            return len(self._result_cache)
        with _planner_without(self.db, "seqscan", "indexscan"):
            counted = super().count()
        if not self.query.is_sliced:
            self._matches = counted
        return counted

    def _walk_is_short(self) -> bool:
        if not self._matches or not self._table_rows or self.query.high_mark is None:
            return False  # not counted, or a table PostgreSQL has not measured yet
        # Articles tested to meet the page's last match, at the matches' mean density.
        tested = self.query.high_mark * self._table_rows / self._matches
        return tested <= WALK_ROWS

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            if self._walk_is_short():
                # Only the date index (or, with an outlet, the outlet's), in its order: with
                # a sort allowed, a misjudged match rate (a LIKE's: 9 rows for 685) made the
                # planner read every row through another index and sort the matches.
                off = ("seqscan", "bitmapscan", "sort")
            else:
                off = ("seqscan", "indexscan")  # only the search index
            with _planner_without(self.db, *off):
                super()._fetch_all()


def _search_terms(query: str) -> tuple[bool, float]:
    """Whether the query keeps any word once the configuration drops its stop words, and
    about how many articles there are (PostgreSQL's estimate, not a count of the table)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(to_tsquery(%s::regconfig, %s)), "
            "(SELECT reltuples FROM pg_class WHERE oid = %s::regclass)",
            (SEARCH_CONFIG, query, Article._meta.db_table),
        )
        nodes, rows = cursor.fetchone()
        return bool(nodes), max(0.0, rows or 0.0)


def _search(articles: QuerySet[Article], text: str) -> QuerySet[Article]:
    """Articles whose headline or body contain ``text``.

    PostgreSQL answers from the stored vector and its GIN index (a LIKE over every body
    took seconds at 100,000 articles); SQLite, for a laptop-sized corpus, keeps the
    substring match.
    """
    if connection.vendor != "postgresql":
        return articles.filter(Q(headline__icontains=text) | Q(body__icontains=text))
    query = _search_query(text)
    if not query:
        return articles.none()  # only punctuation: no word to look for
    searchable, table_rows = _search_terms(query)
    if searchable:
        searched = articles.filter(_Matches(query))
    else:
        # Only words the English configuration ignores ("it is", "against"): the vector
        # has nothing for them, so look for them as typed in headlines, with the trigram
        # index of migration 0010 (a LIKE over every headline took 150-650 ms). Its plans
        # are chosen like the vector's: "the" walks the dates, "it is" reads the index.
        searched = articles.filter(headline__icontains=text)
    return _SearchQuerySet(
        model=Article,
        query=searched.query,
        using=searched.db,
        table_rows=table_rows,
        headlines_only=not searchable,
    )


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
        articles = articles.filter(published_at__gte=day_start(date_from))
    if date_to := filters.get("date_to"):
        articles = articles.filter(published_at__lt=day_end(date_to))
    return articles


def subquery_count(queryset: QuerySet, field: str = "pk", distinct: bool = False) -> Subquery:
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
        Outlet.objects.annotate(
            article_count=subquery_count(Article.objects.filter(outlet=OuterRef("pk")))
        )
        .prefetch_related("domains")
        .order_by("name")
    )


# --- Storylines ---------------------------------------------------------------------------


PICK_LIMIT = 10


def picked_day(query: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(query)
    except ValueError:
        return None


def articles_pick(*, query: str) -> list[Article]:
    """Articles for a picker, newest first: by id, by the day published, or by words of
    their headline."""
    query = query.strip().lstrip("#")
    if not query:
        return []
    articles = Article.objects.select_related("outlet").order_by(
        F("published_at").desc(nulls_last=True), "-id"
    )
    if query.isdigit():
        articles = articles.filter(pk=int(query))
    elif day := picked_day(query):
        articles = articles.filter(published_at__gte=day_start(day), published_at__lt=day_end(day))
    else:
        for word in query.split()[:6]:
            articles = articles.filter(headline__icontains=word)
    return list(articles.only("pk", "headline", "published_at", "outlet__name")[:PICK_LIMIT])


def article_edits(article: Article, limit: int = 20) -> list:
    """The latest corrections of the article's details, newest first, with who made them."""
    return list(article.edits.select_related("user")[:limit])


def ingest_jobs_for(user) -> QuerySet[IngestJob]:
    """The imports and fetches a user may follow: their own; an admin, everyone's."""
    jobs = IngestJob.objects.defer("source")
    return jobs if has_role(user, ADMIN) else jobs.filter(created_by=user)


def ingest_job_rows(job: IngestJob, outcome: str = "") -> QuerySet[IngestJobRow]:
    rows = job.rows.select_related("article")
    return rows.filter(outcome=outcome) if outcome else rows
