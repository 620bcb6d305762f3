"""What the comparison's cells say where a column has no figure of a measure."""

from __future__ import annotations

from django import template

from events.event_report import column_gap

register = template.Library()


@register.simple_tag
def measure_gap(column: dict, scorer: str) -> str:
    """Why ``column`` has no figure of ``scorer``'s measure, or "" (events.event_report)."""
    return column_gap(column, scorer)
