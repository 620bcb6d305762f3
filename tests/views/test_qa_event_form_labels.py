"""Found in a QA pass: on the event page the split form's "Title of the new event" label
pointed at the rename form's title (both had the id id_title), so clicking it, or a screen
reader, went to the other form; and "Articles to move" was a <label for=""> naming
nothing."""

import re
from collections import Counter

import pytest

from newsdesk.roles import EDITOR
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_event_page_labels_each_field_of_its_own_form(client, roles):
    event = EventFactory(title="Harbour strike")
    ArticleFactory(event=event)
    client.force_login(UserFactory(role=EDITOR))

    html = client.get(event.get_absolute_url()).content.decode()

    ids = Counter(re.findall(r' id="([^"]+)"', html))
    assert not [i for i, n in ids.items() if n > 1]
    targets = re.findall(r'<label for="([^"]*)"', html)
    assert "" not in targets
    assert all(ids[t] == 1 for t in targets)
    for form in re.findall(r"<form .*?</form>", html, flags=re.S):
        form_ids = set(re.findall(r' id="([^"]+)"', form))
        assert all(t in form_ids for t in re.findall(r'<label for="([^"]*)"', form))
    split = re.search(r'<form [^>]*action="[^"]*/split/".*?</form>', html, re.S).group(0)
    assert '<label for="split_title">Title of the new event</label>' in split
    assert "<legend>Articles to move</legend>" in split
