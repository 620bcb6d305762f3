"""The article page's hooks: the annotation panel and the paragraph offsets annotate.js needs."""

from __future__ import annotations

from django import template
from django.utils.html import json_script

from annotations.panel import panel_context
from newsdesk.roles import ANALYST, has_role

register = template.Library()


@register.inclusion_tag("annotations/panel.html", takes_context=True)
def annotation_panel(context, article):
    request = context["request"]
    if not has_role(request.user, ANALYST):
        return {"hidden": True}
    return panel_context(request, article) | {"csrf_token": context.get("csrf_token")}


@register.simple_tag
def annotation_paragraph_starts(body: str, paragraphs) -> str:
    """Where each rendered paragraph starts in ``body`` (code points), as JSON for the script.

    The page renders the body as paragraphs of segments; each paragraph is a contiguous
    piece of the body, so it is found by searching from the end of the previous one.
    """
    starts, cursor = [], 0
    for paragraph in paragraphs:
        text = "".join(segment.text for segment in paragraph)
        found = body.find(text, cursor)
        if found == -1:
            starts = []  # the page does not show this text: annotate.js stays off
            break
        starts.append(found)
        cursor = found + len(text)
    return json_script(starts, "annotation-paragraphs")


# Marks a passage may open with; such a passage is shown as it is, not quoted again.
_OPENING_QUOTES = "\"'“”‘’„«»‹›"


@register.filter
def quoted(text: str) -> str:
    """The passage between curly quotes, unless it opens with a quotation mark itself
    (a quote accepted as a claim would show as “"…”)."""
    text = str(text)
    return text if text and text[0] in _OPENING_QUOTES else f"“{text}”"
