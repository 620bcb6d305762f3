"""The one line beside a figure that says how far to trust it, linking to its entry on the
methodology page."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

from analysis.methodology import accuracy_entry

register = template.Library()


def trust_line(name: str) -> str:
    """The caveat in words: what was measured, on which corpus, or that nothing was."""
    entry = accuracy_entry(name)
    if entry is None or entry.headline is None:
        return "Not yet measured on a public corpus"
    m = entry.headline
    line = f"Measured: {m.summary} on {m.corpus} ({m.split}), {m.subset}"
    if low := entry.lowest_elsewhere:
        line += f"; as low as F1 {low.f1:.2f} on {low.corpus_name} ({low.split})"
    return line


@register.simple_tag
def trust(name: str, short: bool = False) -> str:
    """A link to the measure's methodology entry; ``short`` for a table heading, with the
    caveat in its title."""
    entry = accuracy_entry(name)
    href = f"{reverse('methodology')}#{name}"
    measured = entry is not None and entry.headline is not None
    if short:
        return format_html(
            '<a class="trust-short{}" href="{}" title="{}">how far to trust this</a>',
            "" if measured else " trust-unmeasured",
            href,
            trust_line(name),
        )
    if not measured:
        return format_html(
            '<a class="trust trust-unmeasured" href="{}">Not yet measured on a public corpus: '
            "how far to trust this</a>",
            href,
        )
    return format_html(
        '<a class="trust" href="{}">{}: how far to trust this</a>', href, trust_line(name)
    )
