import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from annotations import services
from annotations.export import (
    CSV_COLUMNS,
    annotation_jsonld,
    annotations_for_export,
    collection_jsonld,
    missing_w3c_fields,
)
from tests.annotations.conftest import BODY, span_of
from tests.annotations.factories import AnnotationFactory, label
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db
BASE = "https://newsdesk.example"


@pytest.fixture
def annotated(roles, analyst, editor):
    outlet = OutletFactory(name="State Wire", country="RU", state_affiliated=True)
    event = EventFactory()
    article = ArticleFactory(
        body=BODY,
        raw=BODY,
        outlet=outlet,
        event=event,
        url="https://wire.example/story",
        published_at=dt.datetime(2023, 1, 24, 9, tzinfo=dt.UTC),
    )
    a = AnnotationFactory(
        article=article,
        creator=analyst,
        span=span_of(BODY, "1,500 soldiers crossed"),
        verdict="misleading",
        note='=HYPERLINK("http://evil.example")',
        links=["https://factcheck.example/1"],
    )
    services.annotation_reply(annotation=a, user=editor, text="Which source?")
    return a


def test_every_exported_annotation_has_the_required_w3c_fields(annotated):
    doc = collection_jsonld(annotations_for_export(article=annotated.article), BASE, "x")

    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    items = doc["first"]["items"]
    assert [missing_w3c_fields(item, embedded=True) for item in items] == [[], []]
    annotation, reply = items
    assert annotation["type"] == "Annotation"
    assert annotation["target"]["source"] == "https://wire.example/story"
    quote, position = annotation["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "1,500 soldiers crossed",
        "prefix": annotated.prefix,
        "suffix": annotated.suffix,
    }
    assert position == {
        "type": "TextPositionSelector",
        "start": annotated.start,
        "end": annotated.end,
    }
    assert {b.get("purpose") for b in annotation["body"]} == {
        "tagging",
        "assessing",
        "commenting",
        "linking",
    }
    assert annotation["creator"]["nickname"] == "ana"
    assert annotation["created"].endswith("Z")
    assert reply["motivation"] == "replying" and reply["target"] == annotation["id"]


def test_a_standalone_annotation_needs_its_context(annotated):
    doc = annotation_jsonld(annotated, BASE)

    assert missing_w3c_fields(doc) == ["@context"]
    assert missing_w3c_fields(doc | {"@context": "http://www.w3.org/ns/anno.jsonld"}) == []


@pytest.mark.parametrize(
    ("drop", "missing"),
    [
        ("id", "id"),
        ("creator", "creator"),
        ("created", "created"),
        ("body", "body"),
    ],
)
def test_the_check_finds_each_missing_field(annotated, drop, missing):
    doc = annotation_jsonld(annotated, BASE)
    del doc[drop]

    assert missing in missing_w3c_fields(doc, embedded=True)


def test_the_check_finds_a_target_without_source_or_quote(annotated):
    doc = annotation_jsonld(annotated, BASE)
    doc["target"] = {"selector": [{"type": "TextPositionSelector", "start": 1, "end": 2}]}

    assert missing_w3c_fields(doc, embedded=True) == ["target.source", "target.selector"]


def test_an_orphan_is_exported_with_its_quote_and_no_position(annotated):
    annotated.start = annotated.end = None
    annotated.save()

    doc = annotation_jsonld(annotated, BASE)

    assert [s["type"] for s in doc["target"]["selector"]] == ["TextQuoteSelector"]
    assert missing_w3c_fields(doc, embedded=True) == []


def test_the_csv_joins_outlet_and_article_data_and_defuses_formulas(annotated):
    out = io.StringIO()
    call_command(
        "export_annotations",
        "--event",
        str(annotated.article.event_id),
        "--format",
        "csv",
        stdout=out,
        stderr=io.StringIO(),
    )

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == CSV_COLUMNS
    row = rows[0]
    assert (row["outlet"], row["country"], row["state_affiliated"]) == ("State Wire", "RU", "yes")
    assert (row["article_url"], row["published_date"]) == (
        "https://wire.example/story",
        "2023-01-24",
    )
    assert (row["label"], row["verdict"], row["exact"]) == (
        "Claim",
        "misleading",
        "1,500 soldiers crossed",
    )
    assert row["note"] == '\'=HYPERLINK("http://evil.example")'
    assert row["reply_count"] == "1"


def test_the_command_exports_a_date_range_as_json_ld(annotated, tmp_path):
    other = ArticleFactory(published_at=dt.datetime(2023, 3, 1, tzinfo=dt.UTC))
    AnnotationFactory(article=other, label=label("Framing"))
    target = tmp_path / "out.jsonld"
    err = io.StringIO()

    call_command(
        "export_annotations",
        "--since",
        "2023-01-01",
        "--until",
        "2023-01-31",
        "--output",
        str(target),
        "--base-url",
        BASE,
        stderr=err,
    )

    doc = json.loads(target.read_text())
    annotations = [i for i in doc["first"]["items"] if i["motivation"] != "replying"]
    assert [i["target"]["source"] for i in annotations] == ["https://wire.example/story"]
    assert annotations[0]["id"].startswith(BASE + "/annotations/")
    assert "Exported 1 annotation" in err.getvalue()


def test_the_command_needs_a_choice(db):
    with pytest.raises(CommandError, match="Choose"):
        call_command("export_annotations")
    with pytest.raises(CommandError, match="no article"):
        call_command("export_annotations", "--article", "999")


def test_editors_download_an_export_from_the_page(client, editor, annotated):
    client.force_login(editor)

    jsonld = client.get(
        reverse("annotation-export"), {"article": annotated.article_id, "format": "jsonld"}
    )
    table = client.get(
        reverse("annotation-export"), {"event": annotated.article.event_id, "format": "csv"}
    )
    form = client.get(reverse("annotation-export"), {"format": "csv"})

    assert jsonld.status_code == 200
    assert jsonld["Content-Type"].startswith("application/ld+json")
    doc = json.loads(jsonld.content)
    assert all(not missing_w3c_fields(i, embedded=True) for i in doc["first"]["items"])
    assert doc["first"]["items"][0]["id"].startswith("http://testserver/annotations/")
    assert (
        table["Content-Disposition"]
        == f'attachment; filename="annotations-event-{annotated.article.event_id}.csv"'
    )
    assert "State Wire" in table.content.decode()
    assert form.status_code == 400
    assert "Choose an article, an event or a date range" in form.content.decode()


def test_the_creator_is_a_stable_urn_not_an_address_that_leads_nowhere(annotated, analyst):
    first = annotation_jsonld(annotated, BASE)["creator"]["id"]
    again = annotation_jsonld(annotated, BASE)["creator"]["id"]
    other_site = annotation_jsonld(annotated, "https://elsewhere.example")["creator"]["id"]
    assert first == again and first.startswith("urn:uuid:")
    assert other_site != first  # another installation's user 3 is another person
    assert "/users/" not in first
