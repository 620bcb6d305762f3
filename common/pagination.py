"""Keyset ("older than") pages of the article list.

An offset page costs what all the rows before it cost: page 1,000 of a word in most of
100,000 articles sorted 85,000 matches to skip 25,000 of them (165 ms). The list's own
Previous and Next links therefore carry the position of the row they continue from
(``before`` the last row of the page, ``after`` its first), and a page so reached is read
from that position on, as cheaply as the first page; the page number only labels it. A
bare ``?page=N`` (an old link, a number typed in) is still an offset page with the same
rows, but the offset is taken by a query of the ids alone (it still passes the rows before
the page, but not their other columns, outlets and events), then the page's rows are read
by id.

The order is the list's: newest first, undated articles last, then by id descending.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Q, QuerySet

_CURSOR = re.compile(r"(-?\d{1,19})?_(\d{1,19})")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Cursor:
    """A row's place in the list's order: its publication time (None if undated) and id."""

    published_at: dt.datetime | None
    pk: int

    @classmethod
    def of(cls, article) -> Cursor:
        return cls(article.published_at, article.pk)

    @classmethod
    def parse(cls, text: str | None) -> Cursor | None:
        """The cursor written by ``str()``, or None for anything else."""
        match = _CURSOR.fullmatch(text or "")
        if not match:
            return None
        micros, pk = match.groups()
        try:
            when = None if micros is None else _EPOCH + dt.timedelta(microseconds=int(micros))
        except OverflowError:
            return None
        return cls(when, int(pk))

    def __str__(self) -> str:
        # Microseconds since the epoch: exact, and nothing in it needs escaping in a URL.
        if self.published_at is None:
            return f"_{self.pk}"
        return f"{(self.published_at - _EPOCH) // dt.timedelta(microseconds=1)}_{self.pk}"


def _older(articles: QuerySet, cursor: Cursor, n: int) -> list:
    """The first ``n`` rows after ``cursor`` in the list's order."""
    if cursor.published_at is None:
        return list(articles.filter(published_at__isnull=True, pk__lt=cursor.pk)[:n])
    when = cursor.published_at
    # The <= bound is where a walk of the date index starts; the OR is tested on its rows.
    rows = list(
        articles.filter(Q(published_at__lte=when), Q(published_at__lt=when) | Q(pk__lt=cursor.pk))[
            :n
        ]
    )
    if len(rows) < n:  # past the dated rows: the undated ones follow
        rows += articles.filter(published_at__isnull=True)[: n - len(rows)]
    return rows


def _newer(articles: QuerySet, cursor: Cursor, n: int) -> list:
    """The last ``n`` rows before ``cursor`` in the list's order, in that order."""
    backwards = articles.reverse()  # oldest first, undated first
    if cursor.published_at is None:
        rows = list(backwards.filter(published_at__isnull=True, pk__gt=cursor.pk)[:n])
        if len(rows) < n:
            rows += backwards.filter(published_at__isnull=False)[: n - len(rows)]
    else:
        when = cursor.published_at
        rows = list(
            backwards.filter(
                Q(published_at__gte=when), Q(published_at__gt=when) | Q(pk__gt=cursor.pk)
            )[:n]
        )
    return rows[::-1]


class KeysetPage(Page):
    """A page read from a cursor: whether there is a page beyond it is known from one row
    more than the page shows, not from its number (which a link could get wrong)."""

    def __init__(self, object_list, number, paginator, *, has_previous: bool, has_next: bool):
        super().__init__(object_list, number, paginator)
        self._has_previous, self._has_next = has_previous, has_next

    def has_previous(self) -> bool:
        return self._has_previous

    def has_next(self) -> bool:
        return self._has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return max(1, self.number - 1)


def _number(text: str | None, default: int) -> int:
    try:
        return max(1, int(text))
    except (TypeError, ValueError):
        return default


def _numbered(articles: QuerySet, paginator: Paginator, text: str | None) -> Page:
    """The page that ``Paginator.get_page(text)`` gives (the first for nonsense, the last
    for a number past it). Past the first, the ids of its rows are read first, in the
    list's order and skipping the rows before them, from a query of the order's columns
    alone; then those rows."""
    try:
        number = paginator.validate_number(text)
    except PageNotAnInteger:
        number = 1
    except EmptyPage:
        number = paginator.num_pages
    skipped = (number - 1) * paginator.per_page
    if not skipped:
        return paginator.page(number)
    # Without a search, from the order's index alone; with one, narrow rows to sort.
    ids = list(articles.values_list("pk", flat=True)[skipped : skipped + paginator.per_page])
    return Page(list(_plain(articles).filter(pk__in=ids)) if ids else [], number, paginator)


def _plain(rows: QuerySet) -> QuerySet:
    """The same query as a plain QuerySet. A subclass that chooses its plans (the search's,
    newsdesk.selectors, turns plan types off around each query) chooses them to find rows
    among many: a page's rows read by id need none of it, nor its queries."""
    plain = QuerySet(model=rows.model, query=rows.query.chain(), using=rows.db)
    plain._prefetch_related_lookups = rows._prefetch_related_lookups
    return plain


def article_page(articles: QuerySet, params, size: int) -> Page:
    """The page of ``articles`` that the request's ``page``, ``before`` or ``after``
    parameters ask for, with ``previous_cursor`` and ``next_cursor`` for its links."""
    paginator = Paginator(articles, size)
    before, after = Cursor.parse(params.get("before")), Cursor.parse(params.get("after"))
    # The count first: a search chooses how to read its page from it (newsdesk.selectors).
    last = paginator.num_pages
    if before is not None:
        rows = _older(articles, before, size + 1)
        number = min(max(2, _number(params.get("page"), 2)), max(2, last))
        page = KeysetPage(
            rows[:size], number, paginator, has_previous=True, has_next=len(rows) > size
        )
    elif after is not None:
        rows = _newer(articles, after, size + 1)
        more = len(rows) > size
        # Back at the top, the page is page 1 whatever the link said.
        number = min(_number(params.get("page"), 1), last) if more else 1
        page = KeysetPage(rows[-size:], max(1, number), paginator, has_previous=more, has_next=True)
    else:
        page = _numbered(articles, paginator, params.get("page"))
    rows = list(page.object_list)
    page.object_list = rows
    page.previous_cursor = str(Cursor.of(rows[0])) if rows else ""
    page.next_cursor = str(Cursor.of(rows[-1])) if rows else ""
    return page


PAGE_SIZE = 25


def page_of(request, queryset, size: int = PAGE_SIZE) -> Page:
    """The numbered page the request asks for (the first if it asks for none or nonsense)."""
    return Paginator(queryset, size).get_page(request.GET.get("page"))
