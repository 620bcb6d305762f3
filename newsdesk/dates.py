"""Which publication dates Newsdesk takes, and date windows that cannot overflow.

One rule for every way an article arrives (paste, upload, URL, import, API, feeds and
the admin): a publication time is stored in UTC and lies between ``EARLIEST`` and a day
after now. Dates outside that are refused with a reason: a row dated 9999-12-31 with a
negative offset became year 10000 on PostgreSQL (which psycopg cannot read back, so every
list showing it failed), and one dated year 1 with a positive offset became 1 BC.

The database's check constraint (migration 0012) holds the same floor and a fixed
ceiling, ``CEILING``, since a constraint cannot read the clock.
"""

from __future__ import annotations

import datetime as dt

from newsdesk.ingest.errors import IngestError

EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
CEILING = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
AHEAD = dt.timedelta(days=1)  # a clock a little fast, a time zone east of UTC


class ImplausibleDate(IngestError):
    """A publication date outside the range Newsdesk stores; the message says why."""


def latest(now: dt.datetime | None = None) -> dt.datetime:
    return min((now or dt.datetime.now(dt.UTC)) + AHEAD, CEILING)


def published_utc(
    value: dt.datetime | dt.date | None, *, now: dt.datetime | None = None
) -> dt.datetime | None:
    """The publication time in UTC (a day alone is taken at noon UTC; a time without an
    offset is taken as UTC), or ImplausibleDate if it lies outside the stored range."""
    if value is None:
        return None
    shown = value.isoformat()
    try:
        if isinstance(value, dt.datetime):
            aware = value if value.utcoffset() is not None else value.replace(tzinfo=dt.UTC)
            when = aware.astimezone(dt.UTC)
        else:
            when = dt.datetime.combine(value, dt.time(12, 0), tzinfo=dt.UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the last day Python knows
        when = None
    newest = latest(now)
    if when is None or not EARLIEST <= when <= newest:
        raise ImplausibleDate(
            f"the published date {shown} is outside the range taken, "
            f"{EARLIEST:%Y-%m-%d} to {newest:%Y-%m-%d %H:%M} UTC"
        )
    return when


def is_plausible(value: dt.datetime | dt.date | None) -> bool:
    try:
        published_utc(value)
    except ImplausibleDate:
        return False
    return True


def clamp_day(day: dt.date) -> dt.date:
    """A day of a query (a filter, a report's period) brought within the stored range,
    so that the day after it or a year before it still exists."""
    return min(max(day, EARLIEST.date()), CEILING.date())


def day_start(day: dt.date) -> dt.datetime:
    """Midnight UTC starting ``day``, clamped to the stored range."""
    return dt.datetime.combine(clamp_day(day), dt.time.min, tzinfo=dt.UTC)


def day_end(day: dt.date) -> dt.datetime:
    """Midnight UTC after ``day`` (an exclusive bound), clamped to the stored range."""
    return dt.datetime.combine(clamp_day(day), dt.time.min, tzinfo=dt.UTC) + dt.timedelta(days=1)


def shifted(when: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """``when + delta``, stopping at the ends of the stored range instead of overflowing."""
    try:
        moved = when + delta
    except OverflowError:
        return CEILING if delta > dt.timedelta(0) else EARLIEST
    return min(max(moved, EARLIEST), CEILING)
