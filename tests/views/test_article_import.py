"""The bulk import page: a JSON Lines or CSV file, each row stored or refused with a reason.
Found missing in a usability pass: only `manage.py import_articles` could do it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from analysis.models import ScoringBatch
from newsdesk.models import Article, IngestMethod, Outlet

pytestmark = pytest.mark.django_db

BODY = (
    "Dockworkers at the port of Halden walked out again on Tuesday, the union said. "
    "Talks with the port authority broke down on Monday night over pay and safety rules."
)


def post(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post(reverse("article-import"), {"file": upload})


def test_a_jsonl_file_is_imported_row_by_row_with_reasons(
    analyst_client, django_capture_on_commit_callbacks
):
    rows = [
        {
            "title": "Port strike",
            "text": BODY,
            "outlet": "Halden Post",
            "url": "https://a.example/1",
        },
        {"title": "Port strike again", "text": BODY, "url": "https://a.example/2"},  # same text
        {"title": "Nothing", "url": "https://a.example/3"},
    ]
    content = "\n".join(json.dumps(r) for r in rows) + "\n{not json\n"

    with django_capture_on_commit_callbacks(execute=True):
        response = post(analyst_client, "wire.jsonl", content.encode())

    html = response.content.decode()
    assert response.status_code == 200
    assert "4 rows: 1 imported, 1 already stored, 2 refused." in html
    assert "Row 3: no text or html" in html and "Row 4: not valid JSON" in html
    article = Article.objects.get()
    assert (article.headline, article.ingest_method) == ("Port strike", IngestMethod.BULK)
    # An outlet not known yet is created for curation, inactive.
    assert not Outlet.objects.get(name="Halden Post").is_active
    batch = ScoringBatch.objects.get()
    assert batch.label == "Import of wire.jsonl" and (batch.total, batch.done) == (1, 1)


def test_a_csv_file_in_another_encoding_is_read(analyst_client):
    content = f'title,text\n"Grève au port","{BODY} Café fermé."\n'.encode("utf-16")

    html = post(analyst_client, "wire.csv", content).content.decode()

    assert "1 row: 1 imported" in html
    assert Article.objects.get().headline == "Grève au port"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wire.txt", b"x", "use a .jsonl or .csv file"),
        ("wire.jsonl", b"", "is empty"),
        ("wire.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_a_file_it_cannot_read_is_refused_with_the_reason(analyst_client, name, content, message):
    response = post(analyst_client, name, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Article.objects.exists()


def test_a_file_over_the_limit_points_to_the_command(analyst_client, monkeypatch):
    monkeypatch.setattr("newsdesk.forms.MAX_IMPORT_BYTES", 100)

    response = post(analyst_client, "wire.jsonl", json.dumps({"text": BODY}).encode())

    assert response.status_code == 400
    assert "manage.py import_articles FILE" in response.content.decode()


def test_hostile_text_in_a_refusal_or_a_title_is_shown_escaped(analyst_client):
    rows = [{"title": "<script>alert(1)</script>", "text": BODY}, {"text": ["<b>x</b>"]}]
    content = "\n".join(json.dumps(r) for r in rows).encode()

    html = post(analyst_client, "<img src=x onerror=alert(1)>.jsonl", content).content.decode()

    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.jsonl" in html


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_a_csv_file_with_another_separator_is_read(analyst_client, separator):
    # Written for the tests: the shape of a file Excel exports where the decimal mark is a
    # comma (semicolons, a byte-order mark, CRLF line ends).
    lines = [
        separator.join(["url", "outlet", "text"]),
        separator.join(["https://a.example/1", "Halden Post", f'"{BODY} Costs rose 2,5 %."']),
    ]
    content = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")

    response = post(analyst_client, "wire.csv", content)

    assert response.status_code == 200
    assert "1 row: 1 imported" in response.content.decode()
    article = Article.objects.get()
    assert article.url == "https://a.example/1" and article.outlet.name == "Halden Post"
    assert article.body.endswith("Costs rose 2,5 %.")


def test_a_csv_header_without_a_text_column_is_refused_with_the_reason(analyst_client):
    content = b"url:outlet:body\nhttps://a.example/1:Halden Post:Dockworkers walked out.\n"

    response = post(analyst_client, "wire.csv", content)

    assert response.status_code == 400
    assert "needs a &#x27;text&#x27; or &#x27;html&#x27; column" in response.content.decode()
    assert not Article.objects.exists()
