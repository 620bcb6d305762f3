"""Found in a QA pass: a checkbox stood alone on the line under its words ("Rescore all,
not only outdated scores" on Scoring, "Blind" on Assignments), like an empty text box."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_checkbox_sits_inside_its_label_before_its_words(admin_client_):
    html = admin_client_.get("/scoring/").content.decode()
    label = re.search(r'<label for="id_everything">(.*?)</label>', html, re.S).group(1)
    assert re.match(r'<input type="checkbox" name="everything" id="id_everything">', label)
    assert label.endswith(" Rescore all, not only outdated scores")
    assert html.count('id="id_everything"') == 1


def test_the_blind_box_of_an_assignment_too(client, editor):
    client.force_login(editor)
    html = client.get("/annotations/assignments/").content.decode()
    label = re.search(r'<label for="id_blind">(.*?)</label>', html, re.S).group(1)
    assert label.startswith("<input") and label.endswith(" Blind")
