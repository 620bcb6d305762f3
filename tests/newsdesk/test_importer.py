import gzip
import json

import pytest
from django.core.management import CommandError, call_command

from newsdesk.ingest.bulk import parse_published
from newsdesk.ingest.errors import IngestError
from newsdesk.models import Article, IngestMethod, Outlet
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

TEXT = "The harbour reopened on Tuesday after repairs costing {n} million pounds, the port authority said."


def test_it_imports_jsonl_and_reports_each_outcome(
    tmp_path, capsys, django_capture_on_commit_callbacks
):
    OutletFactory(name="The Test Gazette")
    rows = [
        {
            "url": "https://gazette.example/1",
            "outlet": "The Test Gazette",
            "title": "Harbour reopens",
            "published": "2024-03-04",
            "text": TEXT.format(n=3),
        },
        {
            "url": "https://herald.example/2",
            "outlet": "Unknown Herald",
            "title": "Port open",
            "published": "2024-03-05T08:00:00+00:00",
            "html": f"<html><body><article><p>{TEXT.format(n=4)}</p><p>More detail followed in a second paragraph of this test page.</p></article></body></html>",
        },
        {
            "url": "https://gazette.example/1",
            "outlet": "The Test Gazette",
            "text": TEXT.format(n=5),
        },
        {"url": "https://gazette.example/3", "text": ""},
        {"url": "https://gazette.example/4", "published": "last Tuesday", "text": TEXT.format(n=6)},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(path))

    out = capsys.readouterr().out
    assert "2 imported, 1 duplicate, 3 rejected" in out
    assert "row 4: rejected: no text or html" in out
    assert "row 5: rejected: the published date 'last Tuesday' is not a date Newsdesk reads" in out
    assert "row 6: rejected: not valid JSON" in out
    herald = Outlet.objects.get(name="Unknown Herald")
    assert not herald.is_active
    article = Article.objects.get(url="https://herald.example/2")
    assert article.outlet == herald and article.ingest_method == IngestMethod.BULK
    assert article.headline == "Port open"
    assert Article.objects.filter(scoring_status="scored").count() == 2


def test_it_imports_csv(tmp_path, capsys):
    path = tmp_path / "articles.csv"
    path.write_text(
        "url,outlet,title,published,text\n"
        f'https://a.example/1,a.example,First,2024-01-01,"{TEXT.format(n=1)}"\n'
        f'https://a.example/2,a.example,Second,2024-01-02,"{TEXT.format(n=2)}"\n'
    )
    call_command("import_articles", str(path), "--no-score")
    assert "2 imported, 0 duplicate, 0 rejected" in capsys.readouterr().out
    assert set(Article.objects.values_list("scoring_status", flat=True)) == {"pending"}
    assert Outlet.objects.get().name == "a.example"


def test_it_refuses_other_formats_and_missing_files(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_articles", str(tmp_path / "nope.jsonl"))
    odd = tmp_path / "articles.xml"
    odd.write_text("<x/>")
    with pytest.raises(CommandError, match=".jsonl or .csv"):
        call_command("import_articles", str(odd))
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("url,title\nhttps://x.example,Hi\n")
    with pytest.raises(CommandError, match="'text' or 'html' column"):
        call_command("import_articles", str(csv_path))


# Written for the tests, with letters outside ASCII.
ACCENTED = (
    "Le café de la gare a rouvert après l’été, a déclaré le maire ({n}) — written for the tests."
)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_file_in_another_encoding_keeps_its_letters(tmp_path, capsys, encoding, fmt):
    # The command read every file as UTF-8 and replaced what was not: "caf� na�ve",
    # and a UTF-16 file's header was not found at all.
    rows = [{"title": f"Été {n}", "text": ACCENTED.format(n=n)} for n in (1, 2)]
    if fmt == "csv":
        content = "title;text\r\n" + "".join(f'{r["title"]};"{r["text"]}"\r\n' for r in rows)
    else:
        content = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path = tmp_path / f"articles.{fmt}"
    path.write_bytes(content.encode(encoding))

    call_command("import_articles", str(path), "--no-score")

    assert "2 imported, 0 duplicate, 0 rejected" in capsys.readouterr().out
    stored = Article.objects.order_by("headline")
    assert [(a.headline, a.body) for a in stored] == [(r["title"], r["text"]) for r in rows]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("articles.jsonl", b"", "articles.jsonl is empty"),
        ("articles.jsonl", gzip.compress(b'{"text": "written for the tests"}\n'), "binary"),
        ("articles.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_an_empty_or_binary_file_is_refused_as_such(tmp_path, name, content, message):
    # Before, a gzip file was "not valid JSON" on each of its lines, an image had no
    # 'text' column, and an empty file imported nothing without a word.
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_articles", str(path), "--no-score")
    assert not Article.objects.exists()


def test_a_csv_row_with_more_cells_than_columns_is_refused_not_cut_short(tmp_path, capsys):
    # The cells past the header's columns were dropped: the article was stored with its
    # text cut at the first unquoted comma, and no one was told.
    path = tmp_path / "articles.csv"
    path.write_text(
        "title,text\n"
        "Cut,Written for the tests: the harbour reopened on Tuesday after repairs, "
        "costing three million pounds, the port authority said.\n"
        f'Whole,"Written for the tests: {TEXT.format(n=4)}"\n'
        f'Trailing,"Written for the tests: {TEXT.format(n=5)}",,\n'
    )

    call_command("import_articles", str(path), "--no-score")

    out = capsys.readouterr().out
    assert "2 imported, 0 duplicate, 1 rejected" in out
    assert (
        "row 1: rejected: 4 cells where the header has 2 columns; a text holding a comma "
        "must be in double quotes"
    ) in out
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Trailing", "Whole"]


def test_a_csv_cell_whose_quote_is_not_closed_is_refused_not_stored_with_the_rows_after(
    tmp_path, capsys
):
    # The lenient reader took every line after an unclosed quote into that cell: the rows
    # after it were stored as one article's text, and no one was told.
    path = tmp_path / "articles.csv"
    path.write_text(
        "title,text\n"
        f'First,"Written for the tests: {TEXT.format(n=1)}"\n'
        'Stray,"Written for the tests: a quote closed "too" early."\n'
        f'Third,"Written for the tests: {TEXT.format(n=3)}"\n'
        'Open,"Written for the tests: a quote never closed.\n'
        f"Fifth,Written for the tests: {TEXT.format(n=5)}\n"
        f"Sixth,Written for the tests: {TEXT.format(n=6)}\n"
    )

    call_command("import_articles", str(path), "--no-score")

    out = capsys.readouterr().out
    assert "2 imported, 0 duplicate, 2 rejected" in out
    assert "row 2: rejected: not valid CSV on line 3 (',' expected after '\"')" in out
    assert "row 4: rejected: not valid CSV on lines 5–7 (unexpected end of data)" in out
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["First", "Third"]


def test_rows_with_implausible_dates_are_refused_and_the_rest_imported(
    tmp_path, capsys, django_capture_on_commit_callbacks
):
    # An offset of -23:59 once made the whole import fail after earlier rows were stored.
    dates = [
        "2024-03-04",
        "9999-12-31T23:00:00-05:00",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:00-23:59",
        "2024-03-05",
    ]
    rows = [
        {"outlet": f"Outlet {n}", "published": d, "text": TEXT.format(n=n)}
        for n, d in enumerate(dates)
    ]
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(path))

    out = capsys.readouterr().out
    assert "2 imported, 0 duplicate, 3 rejected" in out
    for row in (2, 3, 4):
        assert f"row {row}: rejected: the published date" in out
    assert Article.objects.count() == 2
    # No outlet is left behind by a refused row.
    assert set(Outlet.objects.values_list("name", flat=True)) == {"Outlet 0", "Outlet 4"}
    assert Article.objects.filter(scoring_status="scored").count() == 2


def test_a_row_sets_only_the_documented_fields(tmp_path, capsys):
    # Issue 13: a row could set "demo" (the article page then said it was written for the
    # demo), "note" and "event" in the article's metadata.
    row = {
        "url": "https://gazette.example/meta",
        "title": "Harbour reopens",
        "text": TEXT.format(n=9),
        "demo": True,
        "note": "Written for the demo.",
        "event": "made-up-event",
        "meta": {"demo": True},
    }
    path = tmp_path / "meta.jsonl"
    path.write_text(json.dumps(row))

    call_command("import_articles", str(path))

    article = Article.objects.get()
    assert not {"demo", "note", "event", "meta"} & set(article.meta)
    assert not article.is_demo
    assert article.event is None


def test_common_other_names_of_the_fields_are_read_and_keys_not_read_are_named(tmp_path, capsys):
    # Written for the tests: a scraper's export with its own column names, a date with the
    # month in words, a spreadsheet's capitalised header, and two columns nothing reads.
    path = tmp_path / "export.csv"
    path.write_text(
        "Link,Publisher,Headline,Date,Author,Body,Section,tags\n"
        f'https://a.example/1,Gazette,First,"March 5, 2024 2:30 PM",Ann Lee,"{TEXT.format(n=1)}",World,x\n'
        f'https://a.example/2,Gazette,Second,"Tue, 05 Mar 2024 16:00:00 GMT",,"{TEXT.format(n=2)}",World,y\n'
    )
    call_command("import_articles", str(path), "--no-score")
    out = capsys.readouterr().out
    assert "2 imported, 0 duplicate, 0 rejected" in out
    assert "Not read: 'Section' (2 rows), 'tags' (2 rows)." in out
    first, second = Article.objects.order_by("url")
    assert (first.url, first.headline, first.byline) == ("https://a.example/1", "First", "Ann Lee")
    assert first.outlet.name == second.outlet.name == "Gazette"
    assert first.published_at.isoformat() == "2024-03-05T14:30:00+00:00"
    assert second.published_at.isoformat() == "2024-03-05T16:00:00+00:00"
    assert first.body.startswith("The harbour reopened")


def test_a_field_under_its_own_name_wins_over_an_alias_and_an_alias_without_text_is_skipped(
    tmp_path, capsys
):
    rows = [
        {
            "published": "2024-03-04",
            "date": "2001-01-01",
            "author": ["Ann Lee", "Bo Kim"],
            "text": TEXT.format(n=7),
        }
    ]
    path = tmp_path / "both.jsonl"
    path.write_text(json.dumps(rows[0]))
    call_command("import_articles", str(path), "--no-score")
    out = capsys.readouterr().out
    assert "1 imported" in out
    assert "Not read: 'date' (1 row), 'author' (1 row)." in out
    assert "have no publication date" not in out
    article = Article.objects.get()
    assert article.published_at.date().isoformat() == "2024-03-04"
    assert article.byline == ""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-03-05T14:30:00+01:00", "2024-03-05T14:30:00+01:00"),
        ("Tue, 05 Mar 2024 14:30:00 +0100", "2024-03-05T14:30:00+01:00"),
        ("Tue, 05 Mar 2024 14:30:00 EST", "2024-03-05T14:30:00-05:00"),
        ("5 March 2024", "2024-03-05"),
        ("Sept. 3, 2019", "2019-09-03"),
        ("Friday, January 25, 2019", "2019-01-25"),
        ("January 25, 2019 10:05 PM +0100", "2019-01-25T22:05:00+01:00"),
    ],
)
def test_dates_in_the_forms_exports_write_are_read(written, expected):
    assert parse_published(written).isoformat() == expected


@pytest.mark.parametrize(
    "written",
    [
        "03/05/2024",  # the 3rd of May or the 5th of March
        "March 2024",  # no day
        "March 5",  # no year
        "last Tuesday",
        "Tue, 05 Mar 2024 14:30:00 CET",  # a zone RFC 2822 does not define: not read as UTC
        "Jan 25 2019 10:00 CET",
    ],
)
def test_dates_that_could_be_read_two_ways_or_not_whole_are_refused_with_the_forms_read(written):
    with pytest.raises(IngestError, match="not a date Newsdesk reads .ISO 8601"):
        parse_published(written)


def test_articles_imported_without_a_date_are_counted_and_marked(tmp_path, capsys):
    path = tmp_path / "undated.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"text": TEXT.format(n=n), **({"published": "2024-03-04"} if n else {})})
            for n in range(3)
        )
    )
    call_command("import_articles", str(path), "--no-score")
    out = capsys.readouterr().out
    assert "3 imported" in out
    assert "1 of the articles imported have no publication date" in out
    assert Article.objects.filter(published_at=None).count() == 1


def test_a_row_whose_headline_is_cut_says_so(tmp_path, capsys):
    path = tmp_path / "long.jsonl"
    row = {"title": "Harbour " * 80, "text": TEXT.format(n=9), "published": "2024-03-04"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")

    call_command("import_articles", str(path))

    article = Article.objects.get()
    assert article.meta["cut"]["headline"] == row["title"].strip()
    assert "headline too long, cut on the page" in capsys.readouterr().out
