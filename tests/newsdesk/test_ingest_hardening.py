"""Examples found by the property-based tests, kept as plain regression tests."""

from __future__ import annotations

import json

import pytest

from newsdesk.importer import articles_import
from newsdesk.ingest.bulk import parse_published
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.files import decode_text
from newsdesk.models import Article, IngestMethod
from newsdesk.services import ArticleInput, article_ingest

TEXT = "The council met on Monday and approved the new budget for schools."


def test_a_byte_order_mark_before_invalid_bytes_is_refused_not_a_crash():
    with pytest.raises(IngestError, match="starts like utf-32"):
        decode_text(b"\xff\xfe\x00\x00\xff\xff\xff\xff")
    with pytest.raises(IngestError, match="starts like utf-16"):
        decode_text(b"\xff\xfe\x00\xd8")  # a lone surrogate


def test_binary_after_the_first_kilobytes_is_refused():
    with pytest.raises(IngestError, match="binary"):
        decode_text(TEXT.encode() + b" " * 9000 + b"\x00\x01")


def test_an_impossible_date_is_an_ingest_error():
    with pytest.raises(IngestError, match="not a date that exists"):
        parse_published("2024-02-30")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//https://x",
        "data:text/html,<script>alert(1)</script>",
        "https://news.example/" + "p" * 1000,
        "https://" + "a" * 300 + ".example/",
    ],
)
def test_an_imported_url_must_be_http_and_fit(url):
    with pytest.raises(IngestError, match="http:// or https://"):
        article_ingest(data=ArticleInput(raw=TEXT, url=url), method=IngestMethod.BULK)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_nul_characters_from_an_import_are_refused():
    for data in (
        ArticleInput(raw=TEXT + "\x00"),
        ArticleInput(raw=TEXT, headline="a\x00b"),
        ArticleInput(raw=TEXT, meta={"note": "\x00"}),
    ):
        with pytest.raises(IngestError, match="NUL"):
            article_ingest(data=data, method=IngestMethod.BULK)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_an_import_row_with_a_number_for_text_is_rejected_with_a_reason(tmp_path):
    path = tmp_path / "rows.jsonl"
    rows = [
        {"text": 5},
        {"text": TEXT, "title": ["a list"]},
        {"text": TEXT, "published": "2024-02-30"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))

    report = articles_import(path=path, queue_scoring=False)

    assert report.imported == []
    assert [reason for _, reason in report.rejected] == [
        "'text' must be text",
        "'title' must be text",
        "the published date '2024-02-30' is not a date that exists",
    ]
