"""Small server-side SVG charts: no chart library, no CDN, nothing inline to script."""

from __future__ import annotations

import hashlib
import math

from django import template
from django.utils.html import format_html, format_html_join

from newsdesk.ingest.language import language_name

register = template.Library()

WIDTH, HEIGHT = 300, 18


@register.simple_tag
def share_bar(shares: dict | None, prefix: str = "frame", legend: int = 0) -> str:
    """A stacked horizontal bar of shares (key -> 0..1), largest first, each part titled;
    with ``legend`` > 0, a key under it names that many largest parts with their colour
    (where no text beside the bar says what the colours are)."""
    parts = sorted(
        ((k, v) for k, v in (shares or {}).items() if v and v > 0), key=lambda kv: -kv[1]
    )
    total = sum(v for _, v in parts)
    if not total:
        return ""
    rects, x = [], 0.0
    for key, value in parts:
        width = WIDTH * value / total
        label = key.replace("_", " ")
        # format_html escapes every argument into a string, so numbers go in formatted.
        rects.append(
            (
                f"{x:.1f}",
                f"{width:.1f}",
                HEIGHT,
                f"{prefix}-{key}",
                f"{label}: {100 * value / total:.0f}%",
            )
        )
        x += width
    body = format_html_join(
        "",
        '<rect x="{}" y="0" width="{}" height="{}" class="{}"><title>{}</title></rect>',
        rects,
    )
    bar = format_html(
        '<svg class="sharebar" viewBox="0 0 {} {}" width="100%" height="{}" preserveAspectRatio="none" role="img" aria-label="{}">{}</svg>',
        WIDTH,
        HEIGHT,
        HEIGHT,
        "; ".join(r[4] for r in rects),
        body,
    )
    if legend <= 0:
        return bar
    keys = format_html_join(
        "",
        '<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">'
        '<rect width="10" height="10" class="{}"/></svg> {}</li>',
        ((css, text) for _, _, _, css, text in rects[:legend]),
    )
    rest = len(rects) - legend
    more = format_html('<li class="muted">and {} more</li>', rest) if rest > 0 else ""
    return format_html('{}<ul class="sharelegend small">{}{}</ul>', bar, keys, more)


SOURCE_TYPES = {
    "named_person": "named person",
    "named_org": "organisation",
    "anonymous": "anonymous source",
    "group": "generic group",
    "document": "document",
    "unresolved": "name not found",
}


# What each sourcing share counts, in the title of its name wherever a page shows it.
SHARE_DEFINITIONS = {
    "anonymous_share": (
        'Attributions to particular people the text does not identify: "officials", "a '
        'senior aide", "people familiar with the talks", a spokesman nobody names. Generic '
        "groups, reports and polls are not counted here."
    ),
    "group_share": (
        "Attributions to a category of people speaking as a class, nobody in particular "
        'quoted: "critics", "experts", "many voters", a party\'s members ("Democrats said").'
    ),
}


@register.simple_tag
def share_term(key: str, label: str) -> str:
    """A sourcing share's name (``label``) with what it counts in its title."""
    return format_html('<span class="defined" title="{}">{}</span>', SHARE_DEFINITIONS[key], label)


@register.filter
def source_type(value) -> str:
    """The attribution scorer's source type as the page says it: "named_org" -> "organisation"."""
    return SOURCE_TYPES.get(str(value or ""), label(value))


# Readability formulas of other languages, as their authors' names are written.
FORMULAS = {
    "flesch_amstad": "Flesch–Amstad reading ease",
    "fernandez_huerta": "Fernández Huerta reading ease",
    "kandel_moles": "Kandel–Moles reading ease",
    "oborneva": "Oborneva reading ease",
}


@register.filter
def formula_label(name: str) -> str:
    return FORMULAS.get(name, label(name))


@register.filter
def language_label(code: str) -> str:
    """A language code as its name, with the code ("Russian (ru)"); "unknown" if none."""
    return f"{language_name(code)} ({code})" if code else "unknown"


@register.filter
def label(value) -> str:
    """ "security_and_defense" -> "security and defense"."""
    return str(value or "").replace("_", " ")


@register.filter
def span_text(text: str, span) -> str:
    """The words of ``text`` that a scorer's evidence span (a mapping with ``start`` and
    ``end``) points at; empty if the span is missing. Escaped as any text is."""
    try:
        return str(text or "")[int(span["start"]) : int(span["end"])].strip()
    except (KeyError, TypeError, ValueError):
        return ""


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


# --- Charts for the comparison and the outlet report -----------------------------------
# Each chart is an SVG with a title and a description, and the values it draws as a table
# beside it (for screen readers, print and copying), so the marks and the table cannot
# disagree: both come from the same rows here.

CHART_WIDTH = 600
LABEL_WIDTH = 170  # left margin for the row labels of the row charts
ROW_HEIGHT = 24


def _data_table(caption: str, head: list[str], rows: list[list]) -> str:
    header = format_html_join("", "<th scope='col'>{}</th>", ((h,) for h in head))
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        ((format_html_join("", "<td>{}</td>", ((cell,) for cell in row)),) for row in rows),
    )
    return format_html(
        '<details class="chart-table"><summary>{} as a table</summary>'
        '<table class="list small"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>'
        "</details>",
        caption,
        header,
        body,
    )


def _figure(kind: str, title: str, description: str, width: int, height: int, marks, table):
    # An id of its own for each chart (several of a kind may share a page), the same for
    # the same chart every time.
    ident = f"{kind}-{hashlib.blake2s(str(marks).encode(), digest_size=4).hexdigest()}"
    return format_html(
        '<figure class="chart chart-{}"><svg viewBox="0 0 {} {}" width="100%" role="img"'
        ' aria-labelledby="{}-t {}-d" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>{}</figure>',
        kind, width, height, ident, ident, ident, title, ident, description, marks, table,
    )  # fmt: skip


LEANING_ORDER = ("left", "lean_left", "center", "lean_right", "right", "unrated")


@register.simple_tag
def balance_chart(balance: dict | None) -> str:
    """The coverage balance as three stacked bars (leaning, state affiliation, country),
    each part coloured by a fixed class per value, with the counts in a table."""
    if not balance or not balance.get("total"):
        return ""
    groups = [
        ("Leaning", "lean", [(k, balance["leaning"].get(k, 0)) for k in LEANING_ORDER]),
        ("State affiliation", "state", list(balance.get("state_affiliated", {}).items())),
        ("Country", "country", list(balance.get("country", {}).items())),
    ]
    bar_width = CHART_WIDTH - LABEL_WIDTH
    marks, rows = [], []
    for g, (name, css, parts) in enumerate(groups):
        total = sum(n for _, n in parts) or 1
        y = g * (ROW_HEIGHT + 8)
        marks.append(format_html('<text x="0" y="{}" class="axis-label">{}</text>', y + 16, name))
        x = float(LABEL_WIDTH)
        for i, (key, n) in enumerate(parts):
            if not n:
                continue
            width = bar_width * n / total
            cls = f"{css}-{key}" if css != "country" else f"cat-{i % 8}"
            text = f"{label(key)}: {n} of {total}"
            marks.append(format_html(
                '<rect class="part {}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>'
                '<text x="{}" y="{}" class="bar-label">{}</text>',
                cls, f"{x:.1f}", y, f"{width:.1f}", ROW_HEIGHT, text,
                f"{x + 4:.1f}", y + 16, f"{label(key)} {n}" if width > 60 else "",
            ))  # fmt: skip
            rows.append([name, label(key), n])
            x += width
    height = len(groups) * (ROW_HEIGHT + 8)
    table = _data_table("Coverage balance", ["Measure", "Value", "Outlets"], rows)
    return _figure(
        "balance", "Coverage balance",
        f"{balance['total']} outlets by leaning, state affiliation and country.",
        CHART_WIDTH, height, mark_safe_join(marks), table,
    )  # fmt: skip


LABEL_CHARS = 24  # what fits in LABEL_WIDTH at the charts' font size


def _row_label(name: str, y: float):
    """A row's label, shortened to fit its margin; the whole name in its title."""
    short = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
    return format_html(
        '<text class="row-label" x="0" y="{}"><title>{}</title>{}</text>', y, name, short
    )


def mark_safe_join(parts) -> str:
    return format_html_join("", "{}", ((p,) for p in parts))


def _axis(low: float, high: float, ticks, x, top: int, bottom: int, fmt: str) -> list:
    marks = []
    for t in ticks:
        marks.append(format_html(
            '<line class="grid{}" x1="{}" x2="{}" y1="{}" y2="{}"/>'
            '<text class="tick" x="{}" y="{}">{}</text>',
            " zero" if t == 0 else "", f"{x(t):.1f}", f"{x(t):.1f}", top, bottom,
            f"{x(t):.1f}", bottom + 12, format(t, fmt),
        ))  # fmt: skip
    return marks


@register.simple_tag
def interval_chart(rows, low: float = -1.0, high: float = 1.0, title: str = "Tone",
                   fmt: str = "+.2f", what: str = "mean", ticks=None) -> str:  # fmt: skip
    """One row per outlet on a shared axis: its value as a dot and its interval as a line.
    ``rows``: (label, value, interval low, interval high); a row without a value is listed
    in the table as "no data" and drawn without a mark. ``ticks``: where to mark the axis
    (by default at its quarters)."""
    rows = list(rows)
    if not any(r[1] is not None for r in rows):
        return ""
    left, right = LABEL_WIDTH, CHART_WIDTH - 24
    span = (high - low) or 1.0

    def x(v: float) -> float:
        return left + (min(max(v, low), high) - low) / span * (right - left)

    height = len(rows) * ROW_HEIGHT + 24
    ticks = ticks or [low + span * i / 4 for i in range(5)]
    marks = _axis(low, high, ticks, x, 0, len(rows) * ROW_HEIGHT, fmt)
    table_rows = []
    for i, (name, value, lo, hi) in enumerate(rows):
        y = i * ROW_HEIGHT + ROW_HEIGHT / 2
        marks.append(_row_label(name, y + 4))
        if value is None:
            table_rows.append([name, "no data", "", ""])
            continue
        interval = ""
        if lo is not None and hi is not None:
            interval = format_html(
                '<line class="interval" x1="{}" x2="{}" y1="{}" y2="{}"/>',
                f"{x(lo):.1f}", f"{x(hi):.1f}", y, y,
            )  # fmt: skip
        marks.append(format_html(
            '{}<circle class="point" cx="{}" cy="{}" r="5"><title>{}: {}</title></circle>',
            interval, f"{x(value):.1f}", y, name, format(value, fmt),
        ))  # fmt: skip
        table_rows.append([
            name, format(value, fmt),
            format(lo, fmt) if lo is not None else "", format(hi, fmt) if hi is not None else "",
        ])  # fmt: skip
    table = _data_table(title, ["Outlet", what, "95% interval from", "to"], table_rows)
    return _figure(
        "interval", title,
        f"{what} per outlet with its 95% interval, on one axis from {low:g} to {high:g}.",
        CHART_WIDTH, height, mark_safe_join(marks), table,
    )  # fmt: skip


@register.simple_tag
def share_bars(rows, series, title: str = "Sourcing") -> str:
    """Grouped horizontal bars of shares (0 to 1): per outlet, one bar per series.
    ``rows``: (label, {series key: share or None}); ``series``: (key, name) pairs."""
    rows, series = list(rows), list(series)
    if not rows:
        return ""
    left, right = LABEL_WIDTH, CHART_WIDTH - 50
    bar, gap = 9, 10
    group = len(series) * bar + gap
    height = len(rows) * group + 24
    marks = _axis(0, 1, [0, 0.25, 0.5, 0.75, 1], lambda v: left + v * (right - left),
                  0, len(rows) * group, ".0%")  # fmt: skip
    table_rows = []
    for i, (name, values) in enumerate(rows):
        top = i * group
        marks.append(_row_label(name, top + group / 2 + 2))
        cells = [name]
        for j, (key, series_name) in enumerate(series):
            value = values.get(key)
            cells.append("no data" if value is None else f"{value:.0%}")
            if value is None:
                continue
            width = max(value, 0) * (right - left)
            marks.append(format_html(
                '<rect class="bar series-{}" x="{}" y="{}" width="{}" height="{}">'
                "<title>{}, {}: {}</title></rect>",
                j, left, top + j * bar, f"{width:.1f}", bar - 1, name, series_name, f"{value:.0%}",
            ))  # fmt: skip
        table_rows.append(cells)
    legend = format_html_join(
        "", '<li><span class="swatch series-{}"></span> {}</li>',
        ((j, s) for j, (_, s) in enumerate(series)),
    )  # fmt: skip
    table = _data_table(title, ["Outlet", *[s for _, s in series]], table_rows)
    figure = _figure(
        "bars", title, f"{', '.join(s for _, s in series)} per outlet, from 0 to 100%.",
        CHART_WIDTH, height, mark_safe_join(marks), table,
    )  # fmt: skip
    return format_html('<ul class="chart-legend small">{}</ul>{}', legend, figure)


@register.simple_tag
def frame_legend(columns: dict | None) -> str:
    """The frames present in any column, each with its fixed colour (the same on every
    page: one CSS class per frame)."""
    keys = sorted({k for col in (columns or {}).values()
                   for k, v in (col.get("frames", {}).get("shares") or {}).items() if v})  # fmt: skip
    if not keys:
        return ""
    items = format_html_join(
        "",
        '<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">'
        '<rect width="10" height="10" class="frame-{}"/></svg> {}</li>',
        ((k, label(k)) for k in keys),
    )
    return format_html('<ul class="sharelegend frame-legend small">{}</ul>', items)


@register.simple_tag
def number_line(values: dict, names: dict) -> str:
    """Numbers that disagree on one line: each outlet's number as a dot, its approximate
    range as a line; ``values`` maps column keys to lists of numbers (value, low, high,
    text), ``names`` column keys to outlet names."""
    points = [(names.get(k, k), v) for k, vs in (values or {}).items() for v in vs]
    if not points:
        return ""
    low = min(v["low"] for _, v in points)
    high = max(v["high"] for _, v in points)
    if low == high:  # one number: room either side of it
        pad = max(abs(high), 1) * 0.1
        low, high = (max(low - pad, 0.0) if low >= 0 else low - pad), high + pad
    rows = [(name, v["value"], v["low"], v["high"]) for name, v in points]
    ticks = round_ticks(low, high)
    return interval_chart(
        rows, ticks[0], ticks[-1], "Numbers", fmt=",.4g", what="number", ticks=ticks
    )


def round_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """At most ``most`` ticks a round step apart (1, 2, 2.5 or 5 times a power of ten)
    from the last one at or under ``low`` to the first at or over ``high``: 0, 500, ...,
    2,000 for 100 to 2,000, where quarters of the range gave 538 and 1,076."""
    span = (high - low) or abs(high) or 1.0
    power = math.floor(math.log10(span)) - 1
    while True:
        for multiple in (1, 2, 2.5, 5):
            step = multiple * 10.0**power
            first = math.floor(low / step)
            last = max(math.ceil(high / step), first + 1)
            if last - first <= most - 1:
                return [round((first + i) * step, 10) for i in range(last - first + 1)]
        power += 1


def _outlet_name(column: dict) -> str:
    return (column.get("outlet") or {}).get("name") or "Unknown outlet"


@register.simple_tag
def tone_chart(columns: dict | None) -> str:
    """The comparison's tone: each outlet's mean sentence compound with its 95% interval."""
    rows = [
        (_outlet_name(c), c["tone"].get("mean"), c["tone"].get("ci_low"), c["tone"].get("ci_high"))
        for c in (columns or {}).values()
    ]
    chart = interval_chart(rows, -1.0, 1.0, "Tone", what="mean compound")
    if chart:
        return chart
    return format_html(
        '<p class="small muted" data-no-chart="tone">{}</p>',
        "No tone to chart: no outlet's article has one (not scored yet, or in a language "
        "the tone is not measured in).",
    )


SOURCING_SERIES = (
    ("attribution_density", "words inside attributed content"),
    ("anonymous_share", "attributions to anonymous sources"),
    ("group_share", "attributions to generic groups"),
    ("unattributed_claim_share", "sentences with an unattributed claim"),
)


@register.simple_tag
def sourcing_chart(columns: dict | None) -> str:
    rows = [(_outlet_name(c), c.get("sourcing") or {}) for c in (columns or {}).values()]
    return share_bars(rows, SOURCING_SERIES, "Sourcing")


@register.simple_tag
def numbers_chart(disagreement: dict, columns: dict | None) -> str:
    names = {key: _outlet_name(c) for key, c in (columns or {}).items()}
    return number_line(disagreement.get("values") or {}, names)


def _lines_chart(
    report: dict,
    *,
    key: str,
    band_key: str | None,
    low: float,
    high: float,
    kind: str,
    title: str,
    what: str,
    fmt: str,
) -> str:
    """Every outlet's ``key`` series over the report's periods on one chart: a line per
    outlet (a fixed series colour, named in the legend), a band from ``band_key`` where
    there is one, labelled axes, and the values as a table."""
    outlets = report["outlets"]
    unit = report.get("trend_unit", "period")
    periods = [day for day, _ in outlets[0][key]]
    left, right, top, bottom = 44, CHART_WIDTH - 12, 8, 232
    height = bottom + 36
    step = (right - left) / max(len(periods) - 1, 1)
    span = (high - low) or 1.0

    def y(v: float) -> float:
        return bottom - (min(max(v, low), high) - low) / span * (bottom - top)

    marks = []
    for t in (low + span * i / 4 for i in range(5)):
        marks.append(format_html(
            '<line class="grid{}" x1="{}" x2="{}" y1="{}" y2="{}"/>'
            '<text class="tick ytick" x="{}" y="{}">{}</text>',
            " zero" if t == 0 and low < 0 else "", left, right, f"{y(t):.1f}", f"{y(t):.1f}",
            left - 6, f"{y(t) + 4:.1f}", format(t, fmt),
        ))  # fmt: skip
    # The last period's label ends at the axis's end: centred there, it ran off the chart.
    last = len(periods) - 1
    for i in sorted({0, len(periods) // 2, last}):
        marks.append(format_html(
            '<text class="tick{}" x="{}" y="{}">{}</text>', " end" if i == last and i else "",
            f"{left + i * step:.1f}", bottom + 14, periods[i],
        ))  # fmt: skip
    marks.append(format_html(
        '<text class="axis-label" x="{}" y="{}">{} by {}</text>', left, height - 4, what, unit
    ))  # fmt: skip
    legend = []
    for s, item in enumerate(outlets):
        name = item["outlet"].name
        band = [(i, lo, hi) for i, (_, lo, hi) in enumerate(item.get(band_key) or [])
                if lo is not None and hi is not None] if band_key else []  # fmt: skip
        if band:
            upper = " ".join(f"{left + i * step:.1f},{y(hi):.1f}" for i, _, hi in band)
            lower = " ".join(f"{left + i * step:.1f},{y(lo):.1f}" for i, lo, _ in reversed(band))
            marks.append(format_html(
                '<polygon class="band line-{}" points="{} {}"><title>{}: 95% interval</title></polygon>',
                s % 6, upper, lower, name,
            ))  # fmt: skip
        points = [(i, v) for i, (_, v) in enumerate(item[key]) if v is not None]
        line = " ".join(f"{left + i * step:.1f},{y(v):.1f}" for i, v in points)
        marks.append(format_html('<polyline class="line line-{}" points="{}"/>', s % 6, line))
        marks.append(format_html_join("", '<circle class="dot line-{}" cx="{}" cy="{}" r="2.5"><title>{}, {}: {}</title></circle>', (
            (s % 6, f"{left + i * step:.1f}", f"{y(v):.1f}", name, periods[i], format(v, fmt))
            for i, v in points
        )))  # fmt: skip
        legend.append((s % 6, name))
    rows = [
        [day, *[("" if o[key][i][1] is None else format(o[key][i][1], fmt)) for o in outlets]]
        for i, day in enumerate(periods)
    ]
    table = _data_table(title, ["Period", *[o["outlet"].name for o in outlets]], rows)
    keys = format_html_join("", '<li><span class="swatch line-{}"></span> {}</li>', legend)
    figure = _figure(
        kind, title,
        f"{what} by {unit} of {len(outlets)} outlet(s), from {periods[0]} to {periods[-1]}, "
        f"on a scale from {format(low, fmt)} to {format(high, fmt)}.",
        CHART_WIDTH, height, mark_safe_join(marks), table,
    )  # fmt: skip
    return format_html('<ul class="chart-legend small">{}</ul>{}', keys, figure)


def _no_values(report: dict | None, key: str) -> bool:
    return not any(v is not None for o in report["outlets"] for _, v in o[key])


@register.simple_tag
def trend_chart(report: dict | None) -> str:
    """Every outlet's tone over the period on one chart from -1 to +1, with a band for
    its 95% interval where a period has two articles or more."""
    if not (report or {}).get("outlets"):
        return ""
    if _no_values(report, "trend"):
        return format_html(
            '<p class="muted">No tone to chart by {}: no scored article in these periods.</p>',
            report.get("trend_unit", "period"),
        )
    return _lines_chart(
        report, key="trend", band_key="trend_band", low=-1.0, high=1.0, kind="trend",
        title="Tone over time", what="mean tone", fmt="+.2f",
    )  # fmt: skip


@register.simple_tag
def cues_chart(report: dict | None) -> str:
    """Every outlet's persuasion findings per 1,000 words over the period, on one chart."""
    if not (report or {}).get("outlets"):
        return ""
    if _no_values(report, "persuasion_trend"):
        return format_html(
            '<p class="muted" data-no-chart="cues">No persuasion findings to chart by {}: no '
            "scored article in these periods that the measure covers.</p>",
            report.get("trend_unit", "period"),
        )
    top = max(v for o in report["outlets"] for _, v in o["persuasion_trend"] if v is not None)
    high = max(1.0, math.ceil(top))
    # Ticks at quarters of a whole number need two decimals (".1f" labelled 0.25 "0.2").
    return _lines_chart(
        report, key="persuasion_trend", band_key=None, low=0.0, high=high, kind="cues",
        title="Persuasion findings over time", what="findings per 1,000 words", fmt=".2f",
    )  # fmt: skip


@register.simple_tag
def frames_chart(item: dict, periods_unit: str = "period") -> str:
    """One outlet's frame mix over the period: a column per period with articles, each
    frame's mean share stacked in its fixed colour, with the values as a table."""
    columns = [(day, mix) for day, mix in item.get("frames_trend") or [] if mix]
    name = item["outlet"].name
    if not columns:
        return format_html(
            '<p class="small muted" data-no-chart="frames"><strong>Frames of {}</strong>: none '
            "to chart by {}: no scored article in these periods with frame cues.</p>",
            name, periods_unit,
        )  # fmt: skip
    left, right, top, bottom = 8, CHART_WIDTH - 8, 8, 150
    width = (right - left) / len(columns)
    marks, rows = [], []
    for i, (day, mix) in enumerate(columns):
        total = sum(mix.values()) or 1.0
        y = float(bottom)
        for frame, share in sorted(mix.items(), key=lambda kv: -kv[1]):
            h = (bottom - top) * share / total
            y -= h
            marks.append(format_html(
                '<rect class="part frame-{}" x="{}" y="{}" width="{}" height="{}"><title>{}, {}: {}</title></rect>',
                frame, f"{left + i * width + 1:.1f}", f"{y:.1f}", f"{max(width - 2, 1):.1f}",
                f"{h:.1f}", day, label(frame), f"{share / total:.0%}",
            ))  # fmt: skip
        top3 = sorted(mix.items(), key=lambda kv: -kv[1])[:3]
        rows.append([day, "; ".join(f"{label(f)} {v / total:.0%}" for f, v in top3)])
    for i in sorted({0, len(columns) - 1}):
        marks.append(format_html(
            '<text class="tick" x="{}" y="{}">{}</text>',
            f"{left + (i + 0.5) * width:.1f}", bottom + 14, columns[i][0],
        ))  # fmt: skip
    table = _data_table(f"Frames of {name}", ["Period", "Largest frames"], rows)
    return format_html('<p class="small chart-title"><strong>Frames of {}</strong> by {}</p>{}', name, periods_unit, _figure(
        "frames", f"Frames of {name} over time",
        f"Each {periods_unit}'s mean share of the frame cue words, one column per {periods_unit} "
        "with articles, each frame in its own colour.",
        CHART_WIDTH, bottom + 22, mark_safe_join(marks), table,
    ))  # fmt: skip


@register.filter
def readable(value) -> str:
    """A figure rounded for reading: three significant digits, at most two decimals
    (48.731 -> 48.7, 0.04213 -> 0.04, -0.1834 -> -0.18); the CSV keeps the rest."""
    if value is None:
        return ""
    value = float(value)
    if value == 0:
        return "0"
    digits = max(0, min(2, 2 - math.floor(math.log10(abs(value)))))
    return f"{value:.{digits}f}"


@register.simple_tag
def storyline_chart(timeline) -> str:
    """A storyline's events on one time axis: a row per event, a dot where each outlet
    first reported it, coloured by the outlet's leaning (the comparison's colours), so who
    was first, who followed and who stayed away show at a glance."""
    points = [
        (i, item, report)
        for i, item in enumerate(timeline or [])
        for report in item.reports
        if report.first_at is not None
    ]
    if not points:
        return ""
    times = [r.first_at.timestamp() for _, _, r in points]
    low, high = min(times), max(times)
    span = (high - low) or 86400.0
    left, right = LABEL_WIDTH, CHART_WIDTH - 16
    height = len(timeline) * ROW_HEIGHT + 24

    def x(t: float) -> float:
        return left + (t - low) / span * (right - left)

    marks = []
    first_day, last_day = points[0][2].first_at, points[0][2].first_at
    for _, _, r in points:
        first_day, last_day = min(first_day, r.first_at), max(last_day, r.first_at)
    # The first day's label starts at the axis's start and the last day's ends at its end,
    # so that neither runs off the chart.
    for label_at, anchor, when in ((left, "start", first_day), (right, "end", last_day)):
        marks.append(format_html(
            '<text class="tick {}" x="{}" y="{}">{}</text>', anchor, f"{label_at:.1f}",
            len(timeline) * ROW_HEIGHT + 14, when.strftime("%-d %b %Y"),
        ))  # fmt: skip
    for i, item in enumerate(timeline):
        marks.append(_row_label(item.event.title, i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4))
    rows = []
    for i, item, r in points:
        name = r.outlet.name if r.outlet else "Outlet not identified"
        leaning = (r.outlet.leaning if r.outlet else "") or "unrated"
        when = r.first_at.strftime("%-d %b %Y %H:%M")
        after = "first" if r.first else (f"{r.delay_label} later" if r.delay else "")
        marks.append(format_html(
            '<circle class="point lean-{}" cx="{}" cy="{}" r="5"><title>{}: {}, {}</title></circle>',
            leaning, f"{x(r.first_at.timestamp()):.1f}", i * ROW_HEIGHT + ROW_HEIGHT / 2,
            name, when, after,
        ))  # fmt: skip
        rows.append([item.event.title, name, label(leaning), when, after])
    table = _data_table(
        "Who reported when", ["Event", "Outlet", "Leaning", "First report", "After the first"], rows
    )
    figure = _figure(
        "storyline", "Who reported each event, and when",
        f"{len(timeline)} events from {first_day:%-d %b %Y} to {last_day:%-d %b %Y}; a dot "
        "where each outlet first reported each event, coloured by its leaning.",
        CHART_WIDTH, height, mark_safe_join(marks), table,
    )  # fmt: skip
    present = {(r.outlet.leaning if r.outlet else "") or "unrated" for _, _, r in points}
    legend = format_html_join(
        "",
        '<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">'
        '<circle cx="5" cy="5" r="5" class="lean-{}"/></svg> {}</li>',
        ((key, label(key)) for key in LEANING_ORDER if key in present),
    )
    return format_html('<ul class="chart-legend small">{}</ul>{}', legend, figure)
