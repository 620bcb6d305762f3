"""Outlet reports over a period, and the blindspots of event coverage.

Both read a fixed number of queries, whatever the number of articles, and let the
database aggregate: the outlet report's stored scores, the blindspots' outlets per event.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Count, DateField, FloatField, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Trunc

from analysis.models import Score
from analysis.scoring.framing import FRAMES as FRAME_KEYS
from analysis.scoring.persuasion import FINDING_FAMILIES
from common.stats import difference_interval, mean_interval
from events.names import display_name, name_key, person_merges
from newsdesk.dates import day_end, day_start
from newsdesk.models import Article, Event, Outlet


@dataclass(frozen=True)
class Figure:
    """A figure averaged over an outlet's articles, with a confidence interval: where each
    article's value is stored, what the pages call it, and what it can be (a mean's
    interval is cut to that range: with few articles the t interval ran past it, a share
    above 1 or a tone below -1)."""

    scorer: str
    key: str
    label: str
    range: tuple[float, float]


# The articles an outlet's figures average: its own reports, not its updates of them (the
# same report again, which would count twice) nor its syndicated copies (another's words),
# as the event comparison counts only each outlet's independent article.
OWN_REPORTS = {"article__copy_kind": ""}
# A figure no article of the outlet has.
_EMPTY = {"mean": None, "low": None, "high": None, "n": 0, "left_out": 0}
# A tone, VADER's compound or the tone toward a person (P(positive) - P(negative)).
TONE_RANGE = (-1.0, 1.0)
SHARE = (0.0, 1.0)
# The figures of the outlet report and of the outlet page (over all its articles), in
# their order on both. Flesch reading ease has no floor; its ceiling is one-syllable words
# in one-word sentences, where the Flesch-Kincaid grade has its floor (and no ceiling).
FIGURES = {
    "tone": Figure("sentiment", "compound_mean", "Tone (mean compound)", TONE_RANGE),
    "negative_share": Figure("sentiment", "negative_share", "Negative sentences (share)", SHARE),
    "attribution_density": Figure(
        "attribution", "attribution_density", "Attribution density", SHARE
    ),
    "anonymous_share": Figure("attribution", "anonymous_share", "Anonymous sources", SHARE),
    "group_share": Figure("attribution", "group_share", "Generic groups", SHARE),
    # The grade first: it orders two articles by difficulty better than the reading ease
    # does (OneStopEnglish, README "Readability"); the ease stays for the CSV and the API.
    "grade": Figure(
        "readability", "flesch_kincaid_grade", "Flesch–Kincaid grade", (-3.40, math.inf)
    ),
    "reading_ease": Figure(
        "readability", "flesch_reading_ease", "Flesch reading ease", (-math.inf, 121.22)
    ),
}
# Lists of values averaged per article (frames and cues): (scorer, value key).
SHARES = {"frames": ("framing", "shares"), "persuasion": ("persuasion", "per_1000")}
TOP_SOURCES = 8
# The people shown with each outlet's tone toward them: those the most articles of the
# outlets compared name (actors 17 and later, people only).
TOP_PEOPLE = 8
TREND_POINTS = 160  # at most this many weeks, months or years in the tone trend
LEFT = {"left", "lean_left"}
RIGHT = {"right", "lean_right"}


def _window(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    # Clamped to the dates an article can have (newsdesk.dates): no overflow at the ends.
    return day_start(start), day_end(end)


def outlet_report(
    *, outlets: list[Outlet], start: dt.date, end: dt.date, versus: Outlet | None = None
) -> dict:
    """Per outlet: article count, means with 95% intervals, frames, persuasion, sources, trend,
    and each figure's difference from the ``versus`` outlet's (the first if None).

    Five aggregate queries, whatever the number of articles: the database sums, averages
    and groups the scores (a year of a large outlet is thousands of them), and Python
    only receives a few rows per outlet, week, frame, cue and source.
    """
    since, until = _window(start, end)
    ids = [outlet.pk for outlet in outlets]
    in_period = {
        "article__outlet__in": ids,
        "article__published_at__gte": since,
        "article__published_at__lt": until,
        **OWN_REPORTS,
    }
    figures = _figures(in_period)
    unit = trend_unit(start, end)
    tone = _tone_by(unit, in_period)
    mix = _frames_and_cues_by(unit, in_period)
    shares = _shares(ids, since, until)
    sources = _sources(ids, since, until)
    people = _people(ids, since, until)
    named = defaultdict(int)
    for (_, name), figure in people.items():
        named[name] += figure["n"]
    top_people = sorted(named, key=lambda name: (-named[name], name))[:TOP_PEOPLE]
    stories = _story_coverage(ids, since, until)
    counts = {
        outlet_id: (n, copies)
        for outlet_id, n, copies in Article.objects.filter(
            outlet__in=ids, published_at__gte=since, published_at__lt=until
        )
        .order_by()
        .values("outlet_id")
        .annotate(n=Count("pk"), copies=Count("pk", filter=~Q(copy_kind="")))
        .values_list("outlet_id", "n", "copies")
    }
    periods = _periods(unit, start, end)
    result = []
    for outlet in outlets:
        mine = figures.get(outlet.pk, {})
        empty = dict(_EMPTY)
        # Frames and cues are averaged over the articles the scorer measured.
        frames_n = mine.get("frames", empty)["n"] or 1
        persuasion_n = mine.get("persuasion", empty)["n"] or 1
        result.append({
            "outlet": outlet,
            # Its updates of its own articles and its syndicated copies: in the count,
            # not in any figure (OWN_REPORTS).
            **dict(zip(("articles", "copies"), counts.get(outlet.pk, (0, 0)), strict=True)),
            "figures": {name: mine.get(name, empty) for name in FIGURES},
            "frames": {
                k: v / frames_n for k, v in _by_size(shares.get((outlet.pk, "framing")))
            },
            # Findings only: hints, and families scored before they became hints, stay out.
            "persuasion": {
                k: v / persuasion_n
                for k, v in _by_size(shares.get((outlet.pk, "persuasion")))
                if v and k in FINDING_FAMILIES
            },
            # Scored articles without the figure: in a language the scorer does not
            # support (its values say so), or for readability, in a language measured
            # on its own scale rather than Flesch's.
            "left_out": {
                name: mine.get(name, empty)["left_out"] for name in (*FIGURES, *SHARES)
            },
            "sources": _by_size(sources.get(outlet.pk))[:TOP_SOURCES],
            # The tone toward each of the people most named, in the report's order.
            "people": [people.get((outlet.pk, name)) for name in top_people],
            "stories": stories.get(outlet.pk, {"events": 0, "storylines": 0, "skipped": 0}),
            "trend": [
                (day.isoformat(), (tone.get((outlet.pk, day)) or {}).get("mean")) for day in periods
            ],
            # Persuasion findings per 1,000 words, and the frames' mean shares, by period.
            "persuasion_trend": [
                (day.isoformat(), (mix.get((outlet.pk, day)) or {}).get("persuasion"))
                for day in periods
            ],
            "frames_trend": [
                (day.isoformat(), (mix.get((outlet.pk, day)) or {}).get("frames") or {})
                for day in periods
            ],
            # The same periods' 95% intervals, for the band around the line.
            "trend_band": [
                (day.isoformat(), (tone.get((outlet.pk, day)) or {}).get("low"),
                 (tone.get((outlet.pk, day)) or {}).get("high"))
                for day in periods
            ],
        })  # fmt: skip
    reference = _versus(result, versus)
    return {
        "start": start,
        "end": end,
        "outlets": result,
        "versus": reference,
        "trend_unit": unit,
        # A row per person: the name, and each outlet's tone toward them (None: not named).
        "people": [
            {"name": name, "cells": [item["people"][k] for item in result]}
            for k, name in enumerate(top_people)
        ],
    }


def _versus(result: list[dict], versus: Outlet | None) -> Outlet | None:
    """Every outlet but the reference (``versus``, else the first) gets, for each figure,
    how far its mean is from the reference's, with the 95% interval of that difference
    (``versus``: None where either has fewer than two articles with the figure). "Outlet X
    cites anonymous sources more often than Y" holds only where the interval leaves out 0;
    even then the scorer's own errors come on top (the figure's trust line). Returns the
    reference; None below two outlets."""
    for item in result:
        item["versus"] = None
    if len(result) < 2:
        return None
    reference = next((i for i in result if i["outlet"] == versus), result[0])
    for item in result:
        if item is not reference:
            item["versus"] = {
                name: difference_interval(reference["figures"][name], item["figures"][name])
                for name in FIGURES
            }
    return reference["outlet"]


def outlet_figures(*, outlet: Outlet) -> dict[str, dict]:
    """The outlet report's figures over all the outlet's articles, whenever published:
    for each, the mean, its 95% interval, the articles averaged (``n``) and the scored
    articles left out for want of it (``left_out``). One query."""
    mine = _figures({"article__outlet": outlet.pk, **OWN_REPORTS}).get(outlet.pk, {})
    return {name: mine.get(name) or dict(_EMPTY) for name in FIGURES}


def _story_coverage(ids: list[int], since: dt.datetime, until: dt.datetime) -> dict[int, dict]:
    """Per outlet, read as the storyline pages read coverage: the events it covered in the
    period (its own reports; copies and updates do not count), the storylines those
    events belong to, and how many events of those storylines in the period it skipped.
    Two queries, whatever the number of articles."""
    own = Article.objects.filter(
        published_at__gte=since, published_at__lt=until, event__isnull=False, copy_of__isnull=True
    ).order_by()
    covered = set(
        own.filter(outlet__in=ids)
        .values_list("outlet_id", "event_id", "event__storyline_id")
        .distinct()
    )
    followed = {storyline for _, _, storyline in covered if storyline is not None}
    story_events: dict[int, set[int]] = defaultdict(set)
    for storyline, event in (
        own.filter(event__storyline__in=followed)
        .values_list("event__storyline_id", "event_id")
        .distinct()
    ):
        story_events[storyline].add(event)
    result: dict[int, dict] = {}
    for pk in ids:
        events = {event for outlet, event, _ in covered if outlet == pk}
        storylines = {s for outlet, _, s in covered if outlet == pk and s is not None}
        in_storylines = set().union(*(story_events[s] for s in storylines))
        result[pk] = {
            "events": len(events),
            "storylines": len(storylines),
            "skipped": len(in_storylines - events),
        }
    return result


def _number(key: str):
    # KT() would apply the JSON path to the scores' article; name the field.
    return Cast(KeyTextTransform(key, "values"), FloatField())


def _figures(in_period: dict) -> dict[int, dict[str, dict]]:
    """Each outlet's mean, 95% interval and count of every figure, and how many scored
    articles each leaves out for want of it: one grouped query. ``in_period`` filters the
    scores (by their article's outlet and publication time)."""
    aggregates = {}
    for name, figure in FIGURES.items():
        scorer, key = figure.scorer, figure.key
        only = Q(scorer=scorer)
        value = _number(key)
        aggregates[f"{name}__n"] = Count(value, filter=only)
        aggregates[f"{name}__mean"] = Avg(value, filter=only)
        # Sums of squares rather than StdDev, which SQLite's fails below two values.
        aggregates[f"{name}__squares"] = Sum(value * value, filter=only)
        aggregates[f"{name}__left_out"] = _left_out(scorer, key)
    for name, (scorer, key) in SHARES.items():
        aggregates[f"{name}__n"] = Count("pk", filter=Q(scorer=scorer, values__has_key=key))
        aggregates[f"{name}__left_out"] = _left_out(scorer, key)
    scorers = {f.scorer for f in FIGURES.values()} | {s for s, _ in SHARES.values()}
    rows = (
        Score.objects.filter(**in_period, scorer__in=scorers)
        .order_by()
        .values("article__outlet_id")
        .annotate(**aggregates)
    )
    figures: dict[int, dict[str, dict]] = {}
    for row in rows:
        mine = figures[row["article__outlet_id"]] = {}
        for name, figure in FIGURES.items():
            mine[name] = mean_interval(
                row[f"{name}__n"], row[f"{name}__mean"], row[f"{name}__squares"], figure.range
            )
            mine[name]["left_out"] = row[f"{name}__left_out"]
        for name in SHARES:
            mine[name] = {"n": row[f"{name}__n"], "left_out": row[f"{name}__left_out"]}
    return figures


def _left_out(scorer: str, key: str) -> Count:
    """Score rows of ``scorer`` that lack ``key``: articles it could not measure."""
    return Count("pk", filter=Q(scorer=scorer) & ~Q(values__has_key=key))


def _tone_by(unit: str, in_period: dict) -> dict[tuple[int, dt.date], dict]:
    """Mean tone with its 95% interval (``mean_interval``) by outlet and week, month or year
    (weeks start on Monday; UTC)."""
    tone = FIGURES["tone"]
    period = Trunc("article__published_at", unit, output_field=DateField(), tzinfo=dt.UTC)
    value = _number(tone.key)
    rows = (
        Score.objects.filter(**in_period, scorer=tone.scorer)
        .order_by()
        .values("article__outlet_id", period=period)
        .annotate(n=Count(value), mean=Avg(value), squares=Sum(value * value))
        .values_list("article__outlet_id", "period", "n", "mean", "squares")
    )
    return {
        (outlet_id, day): mean_interval(n, mean, squares, tone.range)
        for outlet_id, day, n, mean, squares in rows
        if mean is not None
    }


def _frames_and_cues_by(unit: str, in_period: dict) -> dict[tuple[int, dt.date], dict]:
    """By outlet and period: the mean persuasion findings per 1,000 words and each
    frame's mean share of the frame cues, over the articles each scorer measured (one
    grouped query)."""
    period = Trunc("article__published_at", unit, output_field=DateField(), tzinfo=dt.UTC)
    framing, persuasion = Q(scorer="framing"), Q(scorer="persuasion")
    aggregates = {"persuasion": Avg(_number("total_per_1000"), filter=persuasion)}
    for frame in FRAME_KEYS:
        share = Cast(KeyTextTransform(frame, KeyTextTransform("shares", "values")), FloatField())
        aggregates[f"frame__{frame}"] = Avg(share, filter=framing)
    rows = (
        Score.objects.filter(**in_period, scorer__in=("framing", "persuasion"))
        .order_by()
        .values("article__outlet_id", period=period)
        .annotate(**aggregates)
    )
    out = {}
    for row in rows:
        frames = {
            f: row[f"frame__{f}"] for f in FRAME_KEYS if row[f"frame__{f}"]
        }  # fmt: skip
        out[(row["article__outlet_id"], row["period"])] = {
            "persuasion": row["persuasion"],
            "frames": frames,
        }
    return out


def _by_size(counts: dict | None) -> list[tuple]:
    """Largest first; ties in name order."""
    return sorted((counts or {}).items(), key=lambda kv: (-kv[1], kv[0]))


def _period_sql(ids: list[int], since: dt.datetime, until: dt.datetime) -> tuple[str, list]:
    """WHERE conditions on the article ``a`` of a score: one of the outlets, in the period,
    not a copy (OWN_REPORTS)."""
    ops = connection.ops
    marks = ", ".join(["%s"] * len(ids))
    return (
        f"a.outlet_id IN ({marks}) AND a.published_at >= %s AND a.published_at < %s"
        " AND a.copy_kind = ''",
        [*ids, ops.adapt_datetimefield_value(since), ops.adapt_datetimefield_value(until)],
    )


def _score_rows(
    *, postgresql: str, sqlite: str, ids: list[int], since: dt.datetime, until: dt.datetime
) -> list[tuple]:
    """The rows of a query over the scores of the outlets' articles in the period, in the
    database's own JSON dialect; ``{where}`` in the query picks those articles."""
    if not ids:
        return []
    where, params = _period_sql(ids, since, until)
    sql = postgresql if connection.vendor == "postgresql" else sqlite
    with connection.cursor() as cursor:
        cursor.execute(sql.format(where=where), params)
        return cursor.fetchall()


def _shares(ids: list[int], since: dt.datetime, until: dt.datetime) -> dict[tuple, dict]:
    """Sums of frame shares (framing) and of cues per 1,000 words (persuasion), by key."""
    rows = _score_rows(
        postgresql="""
            SELECT a.outlet_id, s.scorer, e.key, SUM(e.value::double precision)
            FROM analysis_score s
            JOIN newsdesk_article a ON a.id = s.article_id
            CROSS JOIN LATERAL (
                SELECT s."values" -> CASE s.scorer WHEN 'framing' THEN 'shares' ELSE 'per_1000' END
                    AS part
            ) p
            CROSS JOIN LATERAL jsonb_each_text(
                CASE WHEN jsonb_typeof(p.part) = 'object' THEN p.part END
            ) e
            WHERE {where} AND s.scorer IN ('framing', 'persuasion')
            GROUP BY 1, 2, 3""",
        sqlite="""
            SELECT a.outlet_id, s.scorer, e.key, SUM(e.value)
            FROM analysis_score s
            JOIN newsdesk_article a ON a.id = s.article_id
            JOIN json_each(s."values", CASE s.scorer
                WHEN 'framing' THEN '$.shares' ELSE '$.per_1000' END) e
            WHERE {where} AND s.scorer IN ('framing', 'persuasion') AND e.key IS NOT NULL
            GROUP BY 1, 2, 3""",
        ids=ids,
        since=since,
        until=until,
    )
    sums: dict[tuple, dict] = defaultdict(dict)
    for outlet_id, scorer, key, total in rows:
        if total is not None:
            sums[(outlet_id, scorer)][key] = total
    return sums


def _sources(ids: list[int], since: dt.datetime, until: dt.datetime) -> dict[int, dict]:
    """How often each named person or organisation is quoted, by outlet; the forms of a
    name merged across the outlets' articles (``events.names``)."""
    rows = _score_rows(
        postgresql="""
            SELECT a.outlet_id, e.value ->> 'name', e.value ->> 'type',
                SUM(COALESCE((e.value ->> 'count')::int, 1))
            FROM analysis_score s
            JOIN newsdesk_article a ON a.id = s.article_id
            CROSS JOIN LATERAL jsonb_array_elements(CASE
                WHEN jsonb_typeof(s.sources) = 'array' THEN s.sources
            END) e
            WHERE {where} AND s.scorer = 'attribution'
                AND e.value ->> 'type' IN ('named_person', 'named_org')
            GROUP BY 1, 2, 3""",
        sqlite="""
            SELECT a.outlet_id, json_extract(e.value, '$.name'), json_extract(e.value, '$.type'),
                SUM(COALESCE(json_extract(e.value, '$.count'), 1))
            FROM analysis_score s
            JOIN newsdesk_article a ON a.id = s.article_id
            JOIN json_each(s.sources) e
            WHERE {where} AND s.scorer = 'attribution'
                AND json_extract(e.value, '$.type') IN ('named_person', 'named_org')
            GROUP BY 1, 2, 3""",
        ids=ids,
        since=since,
        until=until,
    )
    # Only people's names merge into a longer name; a person and an organisation shown
    # alike are one source in the list, as when the rows were grouped by name alone.
    merged = _merged_names(
        ((outlet_id, kind), name, kind == "named_person", [count])
        for outlet_id, name, kind, count in rows
        if name
    )
    found: dict[int, dict] = defaultdict(dict)
    for ((outlet_id, _), name), (count,) in merged.items():
        found[outlet_id][name] = found[outlet_id].get(name, 0) + count
    return found


def _merged_names(rows) -> dict[tuple, list]:
    """Rows of (group, name, is_person, sums) with the sums added up over the forms of one
    name (``events.names``: "Trump" into "Donald Trump" when no other Trump is among the
    rows' people), keyed by (group, the name as shown). The forms are compared across
    all groups, and shown as the form most met, weighted by the first sum."""
    rows = list(rows)
    merges = person_merges(name_key(name) for _, name, is_person, _ in rows if is_person)
    sums: dict[tuple, list] = {}
    forms: dict[tuple, Counter] = defaultdict(Counter)
    for group, name, is_person, values in rows:
        key = name_key(name)
        key = (merges.get(key, key) if is_person else key, is_person)
        forms[key][name] += values[0]
        mine = sums.setdefault((group, key), [0] * len(values))
        for i, value in enumerate(values):
            mine[i] += value
    shown = {key: display_name(counts) for key, counts in forms.items()}
    return {(group, shown[key]): values for (group, key), values in sums.items()}


def _people(ids: list[int], since: dt.datetime, until: dt.datetime) -> dict[tuple, dict]:
    """Each outlet's mean tone toward each person its articles name (the articles' own
    means: the ``people`` among actors' values, since actors 17), with its 95% interval
    over those articles, by (outlet, name); the forms of a name merged across the
    outlets' articles (``events.names``)."""
    rows = _score_rows(
        postgresql="""
            SELECT a.outlet_id, e.value ->> 'name', COUNT(*),
                AVG((e.value ->> 'toward_mean')::double precision),
                SUM((e.value ->> 'toward_mean')::double precision
                    * (e.value ->> 'toward_mean')::double precision)
            FROM analysis_score s
            JOIN newsdesk_article a ON a.id = s.article_id
            CROSS JOIN LATERAL jsonb_array_elements(CASE
                WHEN jsonb_typeof(s."values" -> 'people') = 'array' THEN s."values" -> 'people'
            END) e
            WHERE {where} AND s.scorer = 'actors' AND e.value -> 'toward_mean' IS NOT NULL
            GROUP BY 1, 2""",
        sqlite="""
            SELECT a.outlet_id, json_extract(e.value, '$.name'), COUNT(*),
                AVG(json_extract(e.value, '$.toward_mean')),
                SUM(json_extract(e.value, '$.toward_mean') * json_extract(e.value, '$.toward_mean'))
            FROM analysis_score s
            JOIN newsdesk_article a ON a.id = s.article_id
            JOIN json_each(s."values", '$.people') e
            WHERE {where} AND s.scorer = 'actors'
                AND json_extract(e.value, '$.toward_mean') IS NOT NULL
            GROUP BY 1, 2""",
        ids=ids,
        since=since,
        until=until,
    )
    # Summed per form of a name (an article names a person once, under the name its
    # actors give), then merged across the forms.
    merged = _merged_names(
        (outlet_id, name, True, [n, n * mean, squares])
        for outlet_id, name, n, mean, squares in rows
        if name and n
    )
    return {
        (outlet_id, name): mean_interval(n, total / n, squares, TONE_RANGE)
        for (outlet_id, name), (n, total, squares) in merged.items()
    }


def trend_unit(start: dt.date, end: dt.date) -> str:
    """The tone trend's step: weeks while the period has at most TREND_POINTS of them,
    then months, then years (a chart of more points than it is wide says nothing more)."""
    weeks = (end - _period_start("week", start)).days // 7 + 1
    if weeks <= TREND_POINTS:
        return "week"
    if (end.year - start.year) * 12 + end.month - start.month + 1 <= TREND_POINTS:
        return "month"
    return "year"


def _period_start(unit: str, day: dt.date) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next_period(unit: str, day: dt.date) -> dt.date | None:
    if unit == "week":
        return day + dt.timedelta(days=7) if day <= dt.date.max - dt.timedelta(days=7) else None
    months = 1 if unit == "month" else 12
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, 1) if year <= dt.MAXYEAR else None


def _periods(unit: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every week, month or year of the period; at most the last
    TREND_POINTS of them (only a period of centuries has more years)."""
    day, periods = _period_start(unit, start), []
    if unit == "year" and end.year - day.year >= TREND_POINTS:
        day = dt.date(end.year - TREND_POINTS + 1, 1, 1)
    while day is not None and day <= end:
        periods.append(day)
        day = _next_period(unit, day)
    return periods


# Significant digits a CSV keeps: every digit the scores carry, none of the noise of float
# arithmetic on them (45.48340088430365 -> 45.4834008843).
CSV_DIGITS = 12


def _csv_number(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.{CSV_DIGITS}g}")


def outlet_report_rows(report: dict) -> list[list]:
    """One row per outlet: each figure's mean and interval, the articles it averages
    (n), those it leaves out (scored, but not measurable in their language) and the
    difference from the reference outlet's mean with its interval (``versus``)."""
    parts = ("mean", "low", "high", "n", "left_out")
    people = [person["name"] for person in report.get("people", [])]
    versus = ("vs_reference", "vs_reference_low", "vs_reference_high")
    rows = [
        ["outlet", "articles", "copies"]
        + [f"{f}_{p}" for f in FIGURES for p in (*parts, *versus)]
        + [f"tone_toward {name}_{p}" for name in people for p in ("mean", "low", "high", "n")]
    ]
    for position, item in enumerate(report["outlets"]):
        row = [item["outlet"].name, item["articles"], item["copies"]]
        for name in FIGURES:
            figure = item["figures"][name]
            row += [_csv_number(figure[k]) for k in ("mean", "low", "high")] + [figure["n"]]
            row.append(item["left_out"][name])
            # The difference from the reference outlet's mean and its 95% interval (empty
            # for the reference, and where either has fewer than two articles).
            apart = (item.get("versus") or {}).get(name) or {}
            row += [_csv_number(apart.get(k)) for k in ("difference", "low", "high")]
        for person in report.get("people", []):
            figure = person["cells"][position] or {"mean": None, "low": None, "high": None, "n": 0}
            row += [_csv_number(figure[k]) for k in ("mean", "low", "high")] + [figure["n"]]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Coverage:
    """How an event's outlets spread over the leaning scale, state affiliation and
    countries (each outlet counted once, however many articles it has on the event)."""

    event_id: int
    outlets: int
    left: int  # left or lean left
    right: int  # right or lean right
    state: int  # state-affiliated
    country: str | None  # the one country of all of them ("" when unknown), else None


def coverage_tallies(
    *, start: dt.date, end: dt.date, min_outlets: int = 1, side_share: float | None = None
) -> list[Coverage]:
    """The coverage of the events of the period covered by at least ``min_outlets``
    outlets, newest first (as the event list: by start, then id): one grouped query, one
    row per event. With ``side_share``, only the events that may be blindspots at that
    share (those ``blindspot_reasons`` decides on)."""
    ops = connection.ops
    article, event, outlet = (m._meta.db_table for m in (Article, Event, Outlet))
    where, where_params = "n >= %s", [min_outlets]
    if side_share is not None:
        # A hair looser than blindspot_reasons, which decides: a share at the limit must
        # not be lost to rounding in the database's arithmetic.
        where += " AND (lefts >= %s * n OR rights >= %s * n OR states = n OR low = high)"
        where_params += [side_share - 1e-9] * 2
    # Each outlet once per event (DISTINCT); copies (copy_kind set) are not coverage. The
    # pairs are read from the partial index article_coverage alone (migration 0019).
    sql = f"""
        SELECT event_id, n, lefts, rights, states, low, high FROM (
            SELECT p.event_id, p.starts_on, COUNT(*) AS n,
                SUM(CASE WHEN o.leaning IN (%s, %s) THEN 1 ELSE 0 END) AS lefts,
                SUM(CASE WHEN o.leaning IN (%s, %s) THEN 1 ELSE 0 END) AS rights,
                SUM(CASE WHEN o.state_affiliated THEN 1 ELSE 0 END) AS states,
                MIN(o.country) AS low, MAX(o.country) AS high
            FROM (
                SELECT DISTINCT a.event_id, e.starts_on, a.outlet_id
                FROM {article} a JOIN {event} e ON e.id = a.event_id
                WHERE e.starts_on <= %s AND e.ends_on >= %s
                    AND a.outlet_id IS NOT NULL AND a.copy_kind = ''
            ) p
            JOIN {outlet} o ON o.id = p.outlet_id
            GROUP BY p.event_id, p.starts_on
        ) tally
        WHERE {where}
        ORDER BY starts_on DESC, event_id DESC"""
    params = [
        *sorted(LEFT),
        *sorted(RIGHT),
        ops.adapt_datefield_value(end),
        ops.adapt_datefield_value(start),
        *where_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Coverage(event_id, n, lefts, rights, states, low if low == high else None)
        for event_id, n, lefts, rights, states, low, high in rows
    ]


def blindspot_reasons(coverage: Coverage, *, side_share: float) -> list[str]:
    """Why the event is a blindspot at that share of one side; none if it is not."""
    n = coverage.outlets
    left, right = coverage.left / n, coverage.right / n
    reasons = []
    if left >= side_share:
        reasons.append(f"{left:.0%} of outlets lean left")
    if right >= side_share:
        reasons.append(f"{right:.0%} of outlets lean right")
    if coverage.state == n:
        reasons.append("only state-affiliated outlets")
    if coverage.country is not None:
        reasons.append(f"only outlets from {coverage.country or 'one unknown country'}")
    return reasons


# The blindspot thresholds when none is chosen (the page's form shows them too).
BLINDSPOT_SIDE_SHARE = 0.8
BLINDSPOT_MIN_OUTLETS = 3


def blindspot_rows(
    *,
    start: dt.date,
    end: dt.date,
    side_share: float = BLINDSPOT_SIDE_SHARE,
    min_outlets: int = BLINDSPOT_MIN_OUTLETS,
) -> list[dict]:
    """Events covered mostly by one side of the leaning scale, only by state-affiliated
    outlets, or by outlets of a single country; each with the reasons that apply, newest
    first (starts_on is set: the period selects on it), without the event itself
    (``blindspot_events`` reads it, for the rows a page shows).
    One query: the database tallies each event's outlets, and only the events that may
    be blindspots come back (a year at 100,000 articles is some 33,000 event and outlet
    pairs, read one by one before)."""
    found = []
    for coverage in coverage_tallies(
        start=start, end=end, min_outlets=min_outlets, side_share=side_share
    ):
        if reasons := blindspot_reasons(coverage, side_share=side_share):
            found.append(
                {
                    "event_id": coverage.event_id,
                    "outlets": coverage.outlets,
                    "reasons": reasons,
                    # The leaning of its outlets, for the row's bar.
                    "leaning": {
                        "left": coverage.left,
                        "center": coverage.outlets - coverage.left - coverage.right,
                        "right": coverage.right,
                    },
                }
            )
    return found


def blindspot_events(rows: list[dict]) -> list[dict]:
    """``rows`` of ``blindspot_rows``, each given its event (``"event"``) with its
    storyline, so that the page can show the story it belongs to: one query, however
    many rows."""
    events = Event.objects.select_related("storyline").in_bulk([r["event_id"] for r in rows])
    for row in rows:
        row["event"] = events[row["event_id"]]
    return rows


def blindspots(
    *,
    start: dt.date,
    end: dt.date,
    side_share: float = BLINDSPOT_SIDE_SHARE,
    min_outlets: int = BLINDSPOT_MIN_OUTLETS,
) -> list[dict]:
    """Every blindspot of the period (``blindspot_rows``) with its event: two queries."""
    return blindspot_events(
        blindspot_rows(start=start, end=end, side_share=side_share, min_outlets=min_outlets)
    )


def storyline_coverage(timeline: list) -> dict:
    """Which outlets covered which events of a storyline (from its timeline: no query),
    and its blindspots: the events that outlets of one side of the leaning scale covered
    and those of the other side, present elsewhere in the storyline, all skipped.

    Outlets come in leaning order (left to right, unrated last), then by name.
    """
    order = {leaning: i for i, leaning in enumerate(LEANINGS)}
    outlets = {}
    for item in timeline:
        for report in item.reports:
            if report.outlet is not None:
                outlets[report.outlet.pk] = report.outlet
    columns = sorted(
        outlets.values(), key=lambda o: (order.get(o.leaning, len(order)), o.name.lower())
    )
    sides_present = {side for o in columns if (side := _side(o.leaning))}
    rows, skipped = [], []
    for item in timeline:
        covering = {r.outlet.pk for r in item.reports if r.outlet is not None}
        rows.append({"event": item.event, "cells": [o.pk in covering for o in columns]})
        sides = {_side(outlets[pk].leaning) for pk in covering} - {None}
        if len(sides) == 1 and sides_present == {"left", "right"}:
            (covered_by,) = sides
            skipped.append(
                {
                    "event": item.event,
                    "covered_by": covered_by,
                    "skipped_by": "right" if covered_by == "left" else "left",
                }
            )
    return {"outlets": columns, "rows": rows, "blindspots": skipped}


LEANINGS = ("left", "lean_left", "center", "lean_right", "right")


def _side(leaning: str) -> str | None:
    return "left" if leaning in LEFT else "right" if leaning in RIGHT else None


def blindspot_near_misses(*, start: dt.date, end: dt.date, min_outlets: int) -> dict:
    """Why a period has no blindspot, for the empty page: how many events it has, how many
    are covered by enough outlets, and the most one-sided of those (the share of one side
    that would make it a blindspot). One grouped query, then at most one event."""
    tallies = coverage_tallies(start=start, end=end, min_outlets=1)
    covered = [c for c in tallies if c.outlets >= min_outlets]
    nearest = None
    if covered:
        best = max(covered, key=lambda c: (max(c.left, c.right) / c.outlets, c.outlets))
        side = "left" if best.left >= best.right else "right"
        nearest = {
            "event": Event.objects.get(pk=best.event_id),
            "share": max(best.left, best.right) / best.outlets,
            "side": side,
            "outlets": best.outlets,
        }
    return {
        "events": len(tallies),
        "covered": len(covered),
        "fewer": len(tallies) - len(covered),
        "nearest": nearest,
    }
