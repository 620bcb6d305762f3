"""A fact of the claims matrix may hold several sentences of one outlet (comparison report
8): the cell keeps the outlet's best-matching sentence, the others in ``ClaimCell.also``.

Every sentence here was written for these tests (a fictional fire in a fictional town); none
comes from a corpus.
"""

import json

import pytest

from events.comparison import ClaimSentence, claims_matrix
from events.event_report import _claim_rows
from events.models import EventComparison
from newsdesk.models import Event

# Written for the tests. Outlet A tells the fire in two sentences, the looser one first.
FLAMES = "Flames gutted the Harlow paper mill's main building on Tuesday night before firefighters arrived."
FIRE = "A fire destroyed the old Harlow paper mill on Tuesday night."
COUNCIL = "The town council will meet on Friday to discuss the budget."
TORE = "Fire tore through the disused Harlow paper mill late on Tuesday, gutting the building."
BURNED = "The old paper mill in Harlow burned down on Tuesday night, fire crews said."
# Written for the tests: of the same mill, near in words, another fact (its history).
CLOSED = "The Harlow paper mill closed in 2009 and had stood empty since, its owners said."


def claims(outlets: dict[str, list[str]]) -> dict[str, list[ClaimSentence]]:
    return {
        outlet: [ClaimSentence(text, 100 * k, 100 * k + len(text)) for k, text in enumerate(texts)]
        for outlet, texts in outlets.items()
    }


def fire() -> dict[str, list[ClaimSentence]]:
    return claims({"A": [FLAMES, FIRE, COUNCIL], "B": [TORE], "C": [BURNED]})


def sentences(cell) -> list[str]:
    return [cell.text, *(other.text for other in cell.also)] if cell else []


def test_an_outlet_that_tells_a_fact_in_two_sentences_has_both_in_its_row():
    rows = claims_matrix(fire())
    top = rows[0]
    assert top.outlets == ["A", "B", "C"]
    # A's cell is its sentence nearer the other outlets', the other listed as "also".
    assert top.cells["A"].text == FIRE
    assert [other.text for other in top.cells["A"].also] == [FLAMES]
    assert top.cells["A"].also[0].start == 0
    assert top.cells["B"].also == () and top.cells["C"].also == ()
    assert top.outlet_count == 3
    # A's unrelated sentence stays a fact of its own; no sentence is in two places.
    assert [sentences(row.cells["A"]) for row in rows[1:]] == [[COUNCIL]]
    used = [(o, s) for row in rows for o, cell in row.cells.items() for s in sentences(cell)]
    assert len(used) == len(set(used)) == 5


def test_one_sentence_per_outlet_when_asked_or_without_the_meaning_vectors():
    for kwargs in ({"several": False}, {"meaning": False}):
        rows = claims_matrix(fire(), **kwargs)
        assert all(row.cells["A"].also == () for row in rows if row.cells["A"])
        a_rows = [row.cells["A"].text for row in rows if row.cells["A"]]
        assert sorted(a_rows) == sorted([FLAMES, FIRE, COUNCIL])  # each in a row of its own


def test_an_outlets_sentence_of_another_fact_stays_out_of_the_row_though_its_words_are_near():
    # CLOSED is near the fire sentences in likeness (the mill, Harlow) but shares nothing
    # rare with the other outlets' sentences: it is not added to the fire's row.
    rows = claims_matrix(claims({"A": [FIRE, CLOSED], "B": [TORE], "C": [BURNED]}))
    fire_row = next(row for row in rows if row.cells["A"] and row.cells["A"].text == FIRE)
    assert fire_row.cells["A"].also == ()
    assert any(row.outlets == ["A"] and row.cells["A"].text == CLOSED for row in rows)


def test_the_report_stores_the_other_sentences_as_plain_data():
    rows = _claim_rows(fire())
    cell = rows[0]["cells"]["A"]
    assert cell["text"] == FIRE
    assert [other["text"] for other in cell["also"]] == [FLAMES]
    assert cell["also"][0]["also"] == []
    assert json.loads(json.dumps(rows)) == rows


@pytest.mark.django_db
def test_the_page_shows_an_outlets_other_sentences_of_a_fact_escaped(analyst_client):
    from django.core.management import call_command

    call_command("load_demo")
    event = Event.objects.get(title__startswith="Afghan soldiers cross")
    html = analyst_client.get(event.get_absolute_url()).content.decode()
    claims_html = html.split("Claims: who reported which fact", 1)[1].split("</section>", 1)[0]
    # The demo's Sputnik tells the crossing in three sentences: all in its cell.
    assert '<ul class="also small"' in claims_html
    assert "<li>Also: About 1,500 Afghan soldiers have crossed into Tajikistan" in claims_html

    report = EventComparison.objects.get(event=event)
    data = report.data
    row = next(row for row in data["claims"] if row["outlet_count"] > 1)
    key, cell = next((k, c) for k, c in row["cells"].items() if c)
    cell["also"] = [{**cell, "text": "Troops <b>fled</b> across the river.", "also": []}]
    report.data = data
    report.save()
    html = analyst_client.get(event.get_absolute_url()).content.decode()
    claims_html = html.split("Claims: who reported which fact", 1)[1].split("</section>", 1)[0]
    assert "<li>Also: Troops &lt;b&gt;fled&lt;/b&gt; across the river.</li>" in claims_html
    assert "<b>fled</b>" not in html
