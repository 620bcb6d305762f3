import json

import pytest
from django.core.management import CommandError, call_command

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
    assert "not an ISO date" in out
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
