"""The one line beside a figure that says how far to trust it, linking to its entry on the
methodology page."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

from analysis.methodology import Entry, Measurement, accuracy_entry

register = template.Library()


def trust_line(name: str) -> str:
    """The caveat in words: what was measured, on which corpus, or that nothing was."""
    entry = accuracy_entry(name)
    if entry is None or entry.headline is None:
        return "Not yet measured on a public corpus"
    return entry_line(entry)


def entry_line(entry: Entry) -> str:
    """trust_line's words for an entry with a headline measurement. The lowest figure
    elsewhere names what it measured when that is not what the headline measured (the
    tone toward actors, then "as low as F1 0.38" for finding the actors, not their tone)."""
    m = entry.headline
    line = f"Measured: {m.summary} on {m.corpus} ({m.split}), {m.subset}"
    if low := entry.lowest_elsewhere:
        line += f"; as low as F1 {low.f1:.2f} on {low.corpus_name} ({low.split})"
        if low.subset != m.subset:
            line += f", {low.subset}"
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


def figure_line(m: Measurement) -> str:
    """What a measurement of one figure says, in a few words for a link's text."""
    said = m.summary
    return f"{said} against labels added here" if m.labelled_here else f"{said} on {m.corpus_name}"


@register.simple_tag
def figure_trust(name: str, key: str, of: str = "") -> str:
    """Beside one figure of a measure (``key``, a value of its output): what its own
    measurement says, where the entry has one (``figure``), linking to the entry; a
    warning where the entry says no measurement covers it (``unmeasured``); else nothing
    (the measure's own line covers it). ``of`` names the figure in the line, for a line
    that is not right under its figure ("anonymous sources: F1 0.73 ...")."""
    named = f"{of}: " if of else ""
    entry = accuracy_entry(name)
    if entry is None:
        return ""
    measured = entry.figure_measurement(key)
    if measured is not None:
        return format_html(
            '<a class="trust-short" href="{}#{}" title="{}: {} ({}, {}, version {})">{}{}</a>',
            reverse("methodology"),
            name,
            measured.subset,
            measured.summary,
            measured.corpus,
            measured.split,
            measured.scorer_version,
            named,
            figure_line(measured),
        )
    why = entry.unmeasured.get(key)
    if not why:
        return ""
    return format_html(
        '<a class="trust-short trust-unmeasured" href="{}#{}" title="Not measured: {}">'
        "{}not measured on any corpus</a>",
        reverse("methodology"),
        name,
        why,
        named,
    )
