"""Small server-side SVG charts: no chart library, no CDN, nothing inline to script."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

WIDTH, HEIGHT = 300, 18


@register.simple_tag
def share_bar(shares: dict | None, prefix: str = "frame") -> str:
    """A stacked horizontal bar of shares (key -> 0..1), largest first, each part titled."""
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
    return format_html(
        '<svg class="sharebar" viewBox="0 0 {} {}" width="100%" height="{}" role="img" aria-label="{}">{}</svg>',
        WIDTH,
        HEIGHT,
        HEIGHT,
        "; ".join(r[4] for r in rects),
        body,
    )


@register.filter
def label(value) -> str:
    """ "security_and_defense" -> "security and defense"."""
    return str(value or "").replace("_", " ")
