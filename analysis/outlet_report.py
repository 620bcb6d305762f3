"""Outlet reports over a period, and the blindspots of event coverage.

Both read stored scores with a fixed number of queries, whatever the number of
articles, and summarise them in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from analysis import comparison
from analysis.models import Score
from newsdesk.models import Article, Event, Outlet

# (scorer, value key) of the figures averaged with a confidence interval.
FIGURES = {
    "tone": ("sentiment", "compound_mean"),
    "attribution_density": ("attribution", "attribution_density"),
    "anonymous_share": ("attribution", "anonymous_share"),
    "reading_ease": ("readability", "flesch_reading_ease"),
}
TOP_SOURCES = 8
LEFT = {"left", "lean_left"}
RIGHT = {"right", "lean_right"}


def _window(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=dt.UTC),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC),
    )


def _week(moment: dt.datetime) -> dt.date:
    day = moment.date()
    return day - dt.timedelta(days=day.weekday())


def outlet_report(*, outlets: list[Outlet], start: dt.date, end: dt.date) -> dict:
    """Per outlet: article count, means with 95% intervals, frames, persuasion, sources, trend."""
    since, until = _window(start, end)
    scores = Score.objects.filter(
        article__outlet__in=outlets,
        article__published_at__gte=since,
        article__published_at__lt=until,
        scorer__in=["sentiment", "attribution", "readability", "framing", "persuasion"],
    ).values_list("article__outlet_id", "article__published_at", "scorer", "values")
    figures: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    frames: dict[int, Counter] = defaultdict(Counter)
    persuasion: dict[int, Counter] = defaultdict(Counter)
    weekly: dict[int, dict[dt.date, list[float]]] = defaultdict(lambda: defaultdict(list))
    for outlet_id, published, scorer, values in scores:
        for name, (figure_scorer, key) in FIGURES.items():
            if scorer == figure_scorer and values.get(key) is not None:
                figures[outlet_id][name].append(values[key])
        if scorer == "sentiment" and values.get("compound_mean") is not None:
            weekly[outlet_id][_week(published)].append(values["compound_mean"])
        elif scorer == "framing":
            frames[outlet_id].update(values.get("shares") or {})
        elif scorer == "persuasion":
            persuasion[outlet_id].update(values.get("per_1000") or {})

    sources: dict[int, Counter] = defaultdict(Counter)
    for outlet_id, evidence in Score.objects.filter(
        article__outlet__in=outlets,
        article__published_at__gte=since,
        article__published_at__lt=until,
        scorer="attribution",
    ).values_list("article__outlet_id", "evidence"):
        for source in evidence.get("sources", []):
            if source.get("type") in ("named_person", "named_org"):
                sources[outlet_id][source["name"]] += source.get("count", 1)

    counts = Counter(
        Article.objects.filter(
            outlet__in=outlets, published_at__gte=since, published_at__lt=until
        ).values_list("outlet_id", flat=True)
    )
    weeks = _weeks(start, end)
    result = []
    for outlet in outlets:
        n = counts.get(outlet.pk, 0)
        scored = len(figures[outlet.pk]["tone"]) or 1
        result.append({
            "outlet": outlet,
            "articles": n,
            "figures": {
                name: dict(zip(("mean", "low", "high"), comparison.mean_ci(values), strict=True))
                | {"n": len(values)}
                for name, values in ((k, figures[outlet.pk][k]) for k in FIGURES)
            },
            "frames": {k: v / scored for k, v in frames[outlet.pk].most_common()},
            "persuasion": {k: v / scored for k, v in persuasion[outlet.pk].most_common() if v},
            "sources": sources[outlet.pk].most_common(TOP_SOURCES),
            "trend": [
                (week.isoformat(), _mean(weekly[outlet.pk].get(week))) for week in weeks
            ],
        })  # fmt: skip
    return {"start": start, "end": end, "outlets": result}


def _weeks(start: dt.date, end: dt.date) -> list[dt.date]:
    week, last, weeks = start - dt.timedelta(days=start.weekday()), end, []
    while week <= last and len(weeks) < 160:
        weeks.append(week)
        week += dt.timedelta(days=7)
    return weeks


def _mean(values: list[float] | None) -> float | None:
    return sum(values) / len(values) if values else None


def outlet_report_rows(report: dict) -> list[list]:
    rows = [["outlet", "articles"] + [f"{f}_{p}" for f in FIGURES for p in ("mean", "low", "high")]]
    for item in report["outlets"]:
        row = [item["outlet"].name, item["articles"]]
        for name in FIGURES:
            figure = item["figures"][name]
            row += [figure["mean"], figure["low"], figure["high"]]
        rows.append(row)
    return rows


def blindspots(
    *, start: dt.date, end: dt.date, side_share: float = 0.8, min_outlets: int = 3
) -> list[dict]:
    """Events covered mostly by one side of the leaning scale, only by state-affiliated
    outlets, or by outlets of a single country; each with the reasons that apply."""
    rows = (
        Article.objects.filter(
            event__isnull=False,
            event__starts_on__lte=end,
            event__ends_on__gte=start,
            outlet__isnull=False,
        )
        .exclude(copy_kind__gt="")
        .order_by()  # no default ordering in the DISTINCT
        .values_list(
            "event_id",
            "outlet_id",
            "outlet__leaning",
            "outlet__country",
            "outlet__state_affiliated",
        )
        .distinct()
    )
    outlets_by_event: dict[int, dict[int, tuple]] = defaultdict(dict)
    for event_id, outlet_id, leaning, country, state in rows:
        outlets_by_event[event_id][outlet_id] = (leaning, country, state)
    found = []
    for event_id, outlets in outlets_by_event.items():
        n = len(outlets)
        if n < min_outlets:
            continue
        leanings = [v[0] for v in outlets.values()]
        left = sum(lean in LEFT for lean in leanings) / n
        right = sum(lean in RIGHT for lean in leanings) / n
        reasons = []
        if left >= side_share:
            reasons.append(f"{left:.0%} of outlets lean left")
        if right >= side_share:
            reasons.append(f"{right:.0%} of outlets lean right")
        if all(v[2] for v in outlets.values()):
            reasons.append("only state-affiliated outlets")
        countries = {v[1] for v in outlets.values()}
        if len(countries) == 1:
            reasons.append(f"only outlets from {next(iter(countries)) or 'one unknown country'}")
        if reasons:
            found.append({"event_id": event_id, "outlets": n, "reasons": reasons})
    events = Event.objects.in_bulk([f["event_id"] for f in found])
    for item in found:
        item["event"] = events[item["event_id"]]
    return sorted(found, key=lambda f: f["event"].starts_on or dt.date.min, reverse=True)
