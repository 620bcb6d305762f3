"""Words for the marks the grouping puts on an event's articles."""

from __future__ import annotations

from django import template

from analysis.methodology import accuracy_entry
from events.grouping import WEAK_JOIN

register = template.Library()


@register.simple_tag
def weak_match_line() -> str:
    """What "weak match: check it belongs" means, with how often such a join went to its
    own story's event on each public corpus measured (analysis/accuracy/weak_matches.json,
    from bench/eval_events.py): about half on dense coverage, most on sparse coverage."""
    entry = accuracy_entry("weak_matches")
    line = f"Joined this event with a weak likeness (under {WEAK_JOIN:g})."
    counts = [
        f"{m.extra['to_own_story']} of {m.extra['weak_matches']} {m.extra['coverage']} "
        f"({m.corpus_name})"
        for m in (entry.measurements if entry else ())
        if not m.written_here and m.extra.get("weak_matches") and m.extra.get("coverage")
    ]
    if counts:
        line += (
            " On real coverage such joins went to their own story's event "
            + ", ".join(counts)
            + "."
        )
    return line + " Check that it reports the same happening; move it if not."
