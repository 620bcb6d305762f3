import re

import pytest
from django import forms

from common.widgets import QuickSelect, QuickSelectMultiple

CHOICES = [("", "---------"), ("a", "Alpha <News>"), ("b", "Beta & Co"), ("c", 'C "quoted"')]


def _tags(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize(
    ("quick", "django_widget", "value", "attrs"),
    [
        (QuickSelect, forms.Select, "b", {"id": "id_outlet"}),
        (QuickSelect, forms.Select, None, {"id": "id_outlet", "required": True}),
        (QuickSelectMultiple, forms.SelectMultiple, ["a", "c"], {"size": 8}),
    ],
)
def test_it_writes_what_djangos_widget_writes(quick, django_widget, value, attrs):
    ours = quick(choices=CHOICES).render("outlet", value, attrs)
    theirs = django_widget(choices=CHOICES).render("outlet", value, attrs)
    assert _tags(str(ours)) == _tags(str(theirs))
    assert "Alpha &lt;News&gt;" in ours and "Beta &amp; Co" in ours


def test_groups_are_written_too():
    grouped = [("Europe", [("a", "A"), ("b", "B")]), ("c", "C")]
    ours = QuickSelect(choices=grouped).render("x", "b")
    theirs = forms.Select(choices=grouped).render("x", "b")
    assert _tags(str(ours)) == _tags(str(theirs))
