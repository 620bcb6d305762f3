from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    Max,
    Min,
    OuterRef,
    QuerySet,
)
from django.utils import timezone

from events.grouping import is_weak_join, weak_joins
from newsdesk.dates import clamp_day
from newsdesk.ingest.language import language_name
from newsdesk.models import Article, Event, Outlet, Storyline
from newsdesk.selectors import PICK_LIMIT, picked_day, subquery_count


def _newest_first(events: QuerySet[Event]) -> QuerySet[Event]:
    # The order is that of the event_newest_first index (migration 0007).
    return events.order_by(F("starts_on").desc(nulls_last=True), "-id")


def event_list() -> QuerySet[Event]:
    articles = Article.objects.filter(event=OuterRef("pk"))
    return _newest_first(
        Event.objects.annotate(
            article_count=subquery_count(articles),
            outlet_count=subquery_count(articles, "outlet", distinct=True),
            weak_join_count=subquery_count(articles.filter(weak_joins())),
        )
    )


@dataclass
class EventMembers:
    """An event's articles by outlet (known outlets by name, then articles with no
    outlet), each marked ``weak_join`` if the machine joined it with a likeness worth an
    editor's check (events.grouping.is_weak_join), and how many are so marked."""

    by_outlet: list[tuple[Outlet | None, list[Article]]]
    weak_joins: int

    @property
    def articles(self) -> list[Article]:
        return [article for _, articles in self.by_outlet for article in articles]

    @property
    def languages(self) -> list[str]:
        """The names of the languages its articles were detected in, in order; more than
        one when the grouping matched reports across languages."""
        codes = {article.language for article in self.articles if article.language}
        return sorted(language_name(code) for code in codes)


def event_members(event: Event) -> EventMembers:
    groups: dict[int | None, tuple[Outlet | None, list[Article]]] = {}
    articles = event.articles.select_related("outlet", "event_set_by").defer("raw")
    # Known outlets by name, then articles with no outlet, on every database.
    ordering = (F("outlet__name").asc(nulls_last=True), F("published_at").asc(nulls_last=True))
    weak = 0
    for article in articles.order_by(*ordering):
        article.weak_join = is_weak_join(article, reviewed_at=event.reviewed_at)
        weak += article.weak_join
        groups.setdefault(article.outlet_id, (article.outlet, []))[1].append(article)
    return EventMembers(by_outlet=list(groups.values()), weak_joins=weak)


def storyline_list() -> QuerySet[Storyline]:
    """Storylines, latest first, with how many events each links and their span."""
    return Storyline.objects.annotate(
        event_count=Count("events", distinct=True),
        starts_on=Min("events__starts_on"),
        ends_on=Max("events__ends_on"),
    ).order_by(F("ends_on").desc(nulls_last=True), "-id")


@dataclass
class OutletReport:
    """One outlet's coverage of one event of a storyline."""

    outlet: Outlet | None
    first_at: dt.datetime | None  # its first independent article (or first copy)
    delay: dt.timedelta | None  # after the event's first report; None for the first
    first: bool  # reported the event first
    articles: list[Article]
    updates: int  # its updates of its own article
    syndicated: int  # copies of another outlet's text
    only_copies: bool  # every article of it is a syndicated copy

    @property
    def delay_label(self) -> str:
        """How late it followed: "40 min", "3 h 5 min", "2 days 4 h"."""
        if self.delay is None:
            return ""
        minutes = max(0, int(self.delay.total_seconds() // 60))
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        if days:
            return f"{days} day{'s' if days != 1 else ''}" + (f" {hours} h" if hours else "")
        if hours:
            return f"{hours} h" + (f" {minutes} min" if minutes else "")
        return f"{minutes} min"


@dataclass
class TimelineEvent:
    event: Event
    first_at: dt.datetime | None
    reports: list[OutletReport]


def storyline_timeline(storyline: Storyline) -> list[TimelineEvent]:
    """The storyline's events in order, for each the outlets that covered it in the
    order they reported it, with how late each followed the first; two queries."""
    events = list(storyline.events.order_by(F("starts_on").asc(nulls_last=True), "pk"))
    by_event: dict[int, dict[int | None, list[Article]]] = {e.pk: {} for e in events}
    articles = (
        Article.objects.filter(event__storyline=storyline)
        .select_related("outlet")
        .defer("raw", "body")
        .order_by(F("published_at").asc(nulls_last=True), "pk")
    )
    for article in articles:
        by_event[article.event_id].setdefault(article.outlet_id, []).append(article)
    timeline = []
    for event in events:
        reports = []
        for items in by_event[event.pk].values():
            own = [a for a in items if a.copy_kind != "syndicated"]
            first_at = (own or items)[0].published_at
            reports.append(
                OutletReport(
                    outlet=items[0].outlet,
                    first_at=first_at,
                    delay=None,
                    first=False,
                    articles=items,
                    updates=sum(a.copy_kind == "update" for a in items),
                    syndicated=sum(a.copy_kind == "syndicated" for a in items),
                    only_copies=not own,
                )
            )
        far = dt.datetime.max.replace(tzinfo=dt.UTC)
        reports.sort(key=lambda r: (r.only_copies, r.first_at or far))
        dated = [r.first_at for r in reports if r.first_at and not r.only_copies]
        start = dated[0] if dated else None
        for report in reports:
            if start and report.first_at:
                report.first = report.first_at == start and not report.only_copies
                report.delay = None if report.first else report.first_at - start
        timeline.append(TimelineEvent(event=event, first_at=start, reports=reports))
    return timeline


def events_pick(*, query: str, exclude: int | None = None) -> list[Event]:
    """Events for a picker, newest first: by id ("12" or "#12"), by a day they span
    ("2024-03-11"), or by words of their title."""
    query = query.strip().lstrip("#")
    if not query:
        return []
    # The picker shows each event's article count, and only that.
    articles = Article.objects.filter(event=OuterRef("pk"))
    events = _newest_first(Event.objects.annotate(article_count=subquery_count(articles)))
    if query.isdigit():
        events = events.filter(pk=int(query))
    elif day := picked_day(query):
        events = events.filter(starts_on__lte=day, ends_on__gte=day)
    else:
        for word in query.split()[:6]:
            events = events.filter(title__icontains=word)
    if exclude:
        events = events.exclude(pk=exclude)
    return list(events[:PICK_LIMIT])


def report_period(*, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period a report covers: the one chosen, or the year up to the newest article.
    Clamped to the dates an article can have, so that a year before 0001-01-01 or the day
    after 9999-12-31 is never computed."""
    if end is None:
        latest = Article.objects.aggregate(latest=Max("published_at"))["latest"]
        end = latest.date() if latest else timezone.now().date()
    end = clamp_day(end)
    start = clamp_day(start) if start is not None else clamp_day(end - dt.timedelta(days=365))
    return start, end
