"""Form widgets (common/widgets.py) and how the shared partial
templates/partials/form_fields.html draws a form's fields."""

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


# Found in a QA pass: a checkbox stood alone on the line under its words ("Rescore all,
# not only outdated scores" on Scoring, "Blind" on Assignments), like an empty text box.


@pytest.mark.django_db
def test_a_checkbox_sits_inside_its_label_before_its_words(admin_client_):
    html = admin_client_.get("/scoring/").content.decode()
    label = re.search(r'<label for="id_everything">(.*?)</label>', html, re.S).group(1)
    assert re.match(r'<input type="checkbox" name="everything" id="id_everything">', label)
    assert label.endswith(" Rescore all, not only outdated scores")
    assert html.count('id="id_everything"') == 1


@pytest.mark.django_db
def test_the_blind_box_of_an_assignment_too(client, editor):
    client.force_login(editor)
    html = client.get("/annotations/assignments/").content.decode()
    label = re.search(r'<label for="id_blind">(.*?)</label>', html, re.S).group(1)
    assert label.startswith("<input") and label.endswith(" Blind")
