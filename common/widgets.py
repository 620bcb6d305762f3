"""Form widgets for long lists.

Django renders every <option> of a select through its own template: for the 200
outlets of a large newsroom that costs about 20 ms on each article list and outlet
report. These widgets write the same HTML in Python.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe


class _QuickOptions:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>']
        for group, choices, _index in widget["optgroups"]:
            if group is not None:
                parts.append(f'<optgroup label="{escape(group)}">')
            parts += [
                f'<option value="{escape(o["value"])}"'
                f"{flatatt(o['attrs']) if o['attrs'] else ''}>{escape(o['label'])}</option>"
                for o in choices
            ]
            if group is not None:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # every value above is escaped


class QuickSelect(_QuickOptions, forms.Select):
    pass


class QuickSelectMultiple(_QuickOptions, forms.SelectMultiple):
    pass


class Picker(forms.NumberInput):
    """An id box with a search-as-you-type beside it: typing words of a title, an id or a
    day lists the matches (htmx asks ``<kind>-pick``) as radio buttons of the same name,
    and the one ticked is what the form receives (it comes after the box, and a form
    field takes the last value sent). Without JavaScript, the id box works alone."""

    def __init__(self, kind: str, attrs=None, exclude: int | None = None):
        super().__init__(attrs={"min": 1, **(attrs or {})})
        self.kind = kind  # "event" or "article"
        self.exclude = exclude

    def use_required_attribute(self, initial) -> bool:
        # A ticked pick may stand in for an empty box: the form, not the browser, decides.
        return False

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        params = {"name": name}
        if self.exclude:
            params["exclude"] = self.exclude
        url = f"{reverse(f'{self.kind}-pick')}?{urlencode(params)}"
        results = f"pick-{escape(name)}-results"
        search = (
            f'<input type="search" name="pick" autocomplete="off" class="picker-search"'
            f' placeholder="or search by title, date or id" aria-label="Search {self.kind}s'
            f' by title, date or id" aria-controls="{results}" hx-get="{escape(url)}"'
            f' hx-params="pick" hx-trigger="input changed delay:250ms, search"'
            f' hx-target="#{results}" hx-swap="innerHTML" hx-sync="this:replace">'
        )
        listing = f'<div class="picker-results" id="{results}" aria-live="polite"></div>'
        return mark_safe(f'<span class="picker">{box}{search}{listing}</span>')  # escaped above
