"""Small server-side SVG charts: no chart library, no CDN, nothing inline to script."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

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


SOURCE_TYPES = {"named_person": "named person", "named_org": "organisation"}


@register.filter
def source_type(value) -> str:
    """The attribution scorer's source type as the page says it: "named_org" -> "organisation"."""
    return SOURCE_TYPES.get(str(value or ""), label(value))


@register.filter
def label(value) -> str:
    """ "security_and_defense" -> "security and defense"."""
    return str(value or "").replace("_", " ")


@register.simple_tag
def line_chart(
    points, low: float | None = None, high: float | None = None, css: str = "trend"
) -> str:
    """A small line chart of (label, value) points, e.g. weekly means; None values are gaps."""
    values = [v for _, v in points if v is not None]
    if not values:
        return ""
    width, height, pad = 300, 80, 4
    low = min(values) if low is None else low
    high = max(values) if high is None else high
    span = (high - low) or 1.0
    step = (width - 2 * pad) / max(len(points) - 1, 1)

    def y(v: float) -> float:
        return height - pad - (v - low) / span * (height - 2 * pad)

    dots = [
        (f"{pad + i * step:.1f}", f"{y(v):.1f}", f"{label}: {v:.3g}")
        for i, (label, v) in enumerate(points)
        if v is not None
    ]
    path = " ".join(f"{x},{yy}" for x, yy, _ in dots)
    circles = format_html_join(
        "", '<circle cx="{}" cy="{}" r="2.5"><title>{}</title></circle>', dots
    )
    # Without a scale the line says nothing: a dashed zero line, and a caption with the
    # period and the range the box spans.
    zero = (
        format_html(
            '<line class="zero" x1="{}" y1="{}" x2="{}" y2="{}"/>',
            pad,
            f"{y(0):.1f}",
            width - pad,
            f"{y(0):.1f}",
        )
        if low < 0 < high
        else ""
    )
    return format_html(
        '<svg class="{}" viewBox="0 0 {} {}" width="100%" height="{}" role="img" aria-label="{}">'
        '{}<polyline points="{}" fill="none"/>{}</svg>'
        '<p class="chartcaption small muted">{} to {} · from {} (bottom) to {} (top){}</p>',
        css,
        width,
        height,
        height,
        f"{len(dots)} points from {points[0][0]} to {points[-1][0]}",
        zero,
        path,
        circles,
        points[0][0],
        points[-1][0],
        f"{low:+g}",
        f"{high:+g}",
        ", dashed line at 0" if zero else "",
    )


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def accuracy_note(scorer: str) -> str:
    """One line: how often the scorer agreed with annotators on a public corpus."""
    from analysis.accuracy import headline_measurement

    m = headline_measurement(scorer)
    if not m or m.get("f1") is None:
        return format_html('<span class="small muted">{}</span>', "Not yet measured.")
    baseline = m.get("baseline") or {}
    return format_html(
        '<span class="small muted accuracy-note" data-scorer="{}">Measured against annotators '
        "of {} ({}): F1 {} ({}), against {} for {}; {} v{}, {}.</span>",
        scorer,
        m.get("corpus", ""),
        m.get("split", ""),
        f"{m['f1']:.2f}",  # format_html escapes its arguments first: numbers as text
        m.get("subset", ""),
        f"{baseline.get('f1') or 0.0:.2f}",
        baseline.get("name", "a simple baseline"),
        scorer,
        m.get("scorer_version", ""),
        m.get("date", ""),
    )
