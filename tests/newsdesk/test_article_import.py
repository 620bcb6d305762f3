"""The bulk import page: a JSON Lines or CSV file, each row stored or refused with a reason.
Found missing in a usability pass: only `manage.py import_articles` could do it."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from analysis.models import ScoringBatch
from analysis.services import articles_sweep
from config.celery import Task
from newsdesk import importer, jobs
from newsdesk.models import Article, IngestJob, IngestJobRow, IngestMethod, Outlet
from newsdesk.roles import ANALYST
from newsdesk.tasks import run_ingest_job
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Dockworkers at the port of Halden walked out again on Tuesday, the union said. "
    "Talks with the port authority broke down on Monday night over pay and safety rules."
)


def post(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post(reverse("article-import"), {"file": upload})


def imported(client, name: str, content: bytes, capture) -> str:
    """Post the file, let its job run as a worker would, and read the job's page."""
    with capture(execute=True):
        response = post(client, name, content)
    assert response.status_code == 302, response.content
    job = IngestJob.objects.get()
    assert response.url == job.get_absolute_url()
    return client.get(response.url).content.decode()


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

    html = imported(
        analyst_client, "wire.jsonl", content.encode(), django_capture_on_commit_callbacks
    )

    assert "Done: 4 rows: 1 stored, 1 already stored, 2 refused." in html
    rows = dict(IngestJobRow.objects.values_list("number", "detail"))
    assert rows[3] == "no text or html" and rows[4].startswith("not valid JSON")
    assert "no text or html" in html and "not valid JSON" in html
    article = Article.objects.get()
    assert (article.headline, article.ingest_method) == ("Port strike", IngestMethod.BULK)
    # An outlet not known yet is created for curation, inactive.
    assert not Outlet.objects.get(name="Halden Post").is_active
    batch = ScoringBatch.objects.get()
    assert batch.label == "Import of wire.jsonl" and (batch.total, batch.done) == (1, 1)


def test_a_csv_file_in_another_encoding_is_read(analyst_client, django_capture_on_commit_callbacks):
    content = f'title,text\n"Grève au port","{BODY} Café fermé."\n'.encode("utf-16")

    html = imported(analyst_client, "wire.csv", content, django_capture_on_commit_callbacks)

    assert "Done: 1 row: 1 stored" in html
    assert Article.objects.get().headline == "Grève au port"
    assert "no publication date: its event is looked for among articles of the days" in html


def test_a_line_nested_too_deeply_is_refused_and_the_lines_around_it_imported(
    analyst_client, django_capture_on_commit_callbacks
):
    # The parser's RecursionError escaped: the task died with the job "running", and the
    # sweep sent it again and again.
    lines = [
        json.dumps({"title": "Before", "text": f"Written for the tests. {BODY}"}),
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"title": "After", "text": f"Written for the tests, after. {BODY}"}),
    ]

    html = imported(
        analyst_client, "wire.jsonl", "\n".join(lines).encode(), django_capture_on_commit_callbacks
    )

    job = IngestJob.objects.get()
    assert (job.status, job.stored, job.refused) == ("done", 2, 1)
    assert job.rows.get(number=2).detail == "its JSON is nested too deeply to read"
    assert "its JSON is nested too deeply to read" in html
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["After", "Before"]


def test_a_row_that_sets_off_an_error_of_ours_is_refused_and_the_rest_imported(
    analyst_client, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    # Any fault one row sets off (as the deeply nested line's RecursionError did) stays
    # that row's; raised, it stopped the job for the sweep to send again and again.
    real = importer.article_ingest

    def failing(*, data, **kwargs):
        if "Trips" in data.headline:
            raise RuntimeError("a fault written for the tests")
        return real(data=data, **kwargs)

    monkeypatch.setattr(importer, "article_ingest", failing)
    lines = [
        json.dumps({"title": title, "text": f"Written for the tests ({title}). {BODY}"})
        for title in ("Before", "Trips", "After")
    ]

    html = imported(
        analyst_client, "wire.jsonl", "\n".join(lines).encode(), django_capture_on_commit_callbacks
    )

    job = IngestJob.objects.get()
    assert (job.status, job.stored, job.refused) == ("done", 2, 1)
    assert (
        "an error in Newsdesk (RuntimeError), logged for the admins"
        in job.rows.get(number=2).detail
    )
    assert "an error in Newsdesk" in html
    assert "a fault written for the tests" in caplog.text


def test_the_import_page_lists_the_other_column_names_and_date_forms_read(analyst_client):
    html = analyst_client.get(reverse("article-import")).content.decode()
    notes = html[html.index("Other column names that are read") :]
    assert "<code>published</code>: <code>published_at</code>" in notes
    assert "<code>headline</code>" in notes and "<code>body</code>" in notes
    assert "RFC 2822" in notes and "03/05/2024" in notes


def test_a_spreadsheets_own_column_names_are_read_and_the_rest_named_on_the_row(
    analyst_client, django_capture_on_commit_callbacks
):
    content = f'Headline;Body;Published At;Section\n"Port strike";"{BODY}";"5 March 2024";Labour\n'

    html = imported(
        analyst_client, "export.csv", content.encode(), django_capture_on_commit_callbacks
    )

    assert "Done: 1 row: 1 stored" in html
    assert "not read: Section" in html
    assert "no publication date" not in html
    article = Article.objects.get()
    assert article.headline == "Port strike"
    assert article.published_at.date().isoformat() == "2024-03-05"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wire.txt", b"x", "use a .jsonl or .csv file"),
        ("wire.jsonl", b"", "is empty"),
        ("wire.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("wire.csv", b"title,summary\nA,B\n", "The CSV header needs a"),
        ("wire.csv", b'text,"a"b\nWritten for the tests,2\n', "The CSV header is not valid CSV"),
        # Each line of an array was refused alone, as "not valid JSON".
        (
            "wire.json",
            json.dumps([{"text": "Written for the tests. " + BODY}], indent=1).encode(),
            "holds a JSON array",
        ),
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


def test_hostile_text_in_a_refusal_or_a_title_is_shown_escaped(
    analyst_client, django_capture_on_commit_callbacks
):
    rows = [{"title": "<script>alert(1)</script>", "text": BODY}, {"text": ["<b>x</b>"]}]
    content = "\n".join(json.dumps(r) for r in rows).encode()

    html = imported(
        analyst_client,
        "<img src=x onerror=alert(1)>.jsonl",
        content,
        django_capture_on_commit_callbacks,
    )

    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.jsonl" in html


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_a_csv_file_with_another_separator_is_read(
    analyst_client, separator, django_capture_on_commit_callbacks
):
    # Written for the tests: the shape of a file Excel exports where the decimal mark is a
    # comma (semicolons, a byte-order mark, CRLF line ends).
    lines = [
        separator.join(["url", "outlet", "text"]),
        separator.join(["https://a.example/1", "Halden Post", f'"{BODY} Costs rose 2,5 %."']),
    ]
    content = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")

    html = imported(analyst_client, "wire.csv", content, django_capture_on_commit_callbacks)

    assert "Done: 1 row: 1 stored" in html
    article = Article.objects.get()
    assert article.url == "https://a.example/1" and article.outlet.name == "Halden Post"
    assert article.body.endswith("Costs rose 2,5 %.")


def _rows(n: int) -> bytes:
    # Written for the tests: n distinct short reports.
    return "\n".join(
        json.dumps({"title": f"Harbour report {i}", "text": f"{BODY} Ship {i} was delayed."})
        for i in range(1, n + 1)
    ).encode()


def test_the_request_only_queues_the_file_and_the_page_follows_it(
    analyst_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post(analyst_client, "wire.jsonl", _rows(3))

    job = IngestJob.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert not Article.objects.exists()  # nothing read in the request
    assert len(callbacks) == 1
    page = analyst_client.get(job.get_absolute_url())
    assert 'hx-trigger="every 1s"' in page.content.decode()
    assert "Waiting for a worker" in page.content.decode()


def test_a_file_is_read_in_steps_each_task_sending_the_rest_on(
    analyst_client, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(jobs, "RUN_SECONDS", 0)  # one step per task
    sent = []
    real = run_ingest_job.delay
    monkeypatch.setattr(run_ingest_job, "delay", lambda pk: (sent.append(pk), real(pk)))

    with django_capture_on_commit_callbacks(execute=True):
        post(analyst_client, "wire.jsonl", _rows(250))

    job = IngestJob.objects.get()
    assert len(sent) == 3  # rows 1-100, 101-200, 201-250
    assert (job.status, job.total, job.position, job.stored) == ("done", 250, 250, 250)
    assert job.source == ""  # the file's text is not kept once imported
    assert list(job.rows.values_list("number", flat=True)) == list(range(1, 251))
    batch = ScoringBatch.objects.get(pk=job.scoring_batch_id)
    assert batch.label == "Import of wire.jsonl"
    assert (batch.total, batch.done) == (250, 250)


def test_a_job_stopped_midway_resumes_after_its_last_committed_step(
    analyst, django_capture_on_commit_callbacks, monkeypatch
):
    job = jobs.import_job_create(name="wire.jsonl", text=_rows(250).decode(), user=analyst)
    real_import = jobs.row_import

    def dies_on_row_150(*, row, user):
        if row.number == 150:
            raise SystemExit("worker killed")  # not an error any code path catches
        return real_import(row=row, user=user)

    monkeypatch.setattr(jobs, "row_import", dies_on_row_150)
    with pytest.raises(SystemExit):
        jobs.ingest_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.position, job.stored, Article.objects.count()) == (100, 100, 100)

    monkeypatch.setattr(jobs, "row_import", real_import)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.ingest_job_run(job_id=job.pk)  # the redelivered task

    job.refresh_from_db()
    assert (job.status, job.stored, job.duplicates) == ("done", 250, 0)
    assert Article.objects.count() == 250 == job.rows.count()


def test_the_poll_stops_when_the_job_is_done_and_shows_every_row(
    analyst_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(analyst_client, "wire.jsonl", _rows(2) + b'\n{"title": "no text"}\n')
    job = IngestJob.objects.get()

    response = analyst_client.get(
        job.get_absolute_url(), headers={"HX-Request": "true", "HX-Target": "job"}
    )

    assert response.status_code == 286  # htmx stops polling
    html = response.content.decode()
    assert "hx-trigger" not in html
    assert "Done: 3 rows: 2 stored, 0 already stored, 1 refused." in html
    assert "Harbour report 1" in html and "no text or html" in html
    refused = analyst_client.get(job.get_absolute_url() + "?outcome=refused").content.decode()
    assert 'data-row="3"' in refused and 'data-row="1"' not in refused


def test_the_report_downloads_every_row_as_csv(analyst_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(analyst_client, "wire.jsonl", _rows(2) + b"\n{broken\n")
    job = IngestJob.objects.get()

    response = analyst_client.get(reverse("ingest-job-report", args=[job.pk]))

    lines = response.content.decode().splitlines()
    assert lines[0] == "row,outcome,detail,article_id,headline"
    assert [line.split(",")[1] for line in lines[1:]] == ["stored", "stored", "refused"]


def test_another_analysts_import_is_not_shown(client, analyst):
    job = jobs.import_job_create(name="wire.jsonl", text=_rows(1).decode(), user=analyst)
    client.force_login(UserFactory(role=ANALYST))
    assert client.get(job.get_absolute_url()).status_code == 404


def test_a_job_whose_file_cannot_be_read_fails_with_the_reason(
    analyst_client, analyst, django_capture_on_commit_callbacks
):
    # The page refuses such a file at once; a job holding one still says why it failed.
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.import_job_create(name="wire.csv", text="title,summary\nA,B\n", user=analyst)

    html = analyst_client.get(job.get_absolute_url()).content.decode()
    assert "The file could not be imported: The CSV header needs a" in html
    assert IngestJob.objects.get().status == "failed"


def test_with_the_broker_down_the_import_is_queued_and_the_sweep_sends_it(
    analyst_client, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr(Task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(analyst_client, "wire.jsonl", _rows(2))
    assert response.status_code == 302  # not a 500 after the commit
    job = IngestJob.objects.get()
    assert job.status == "queued"
    assert "queued for import" in analyst_client.get(response.url).content.decode()

    monkeypatch.undo()  # the broker is back
    IngestJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        sent = articles_sweep(stuck_after=timedelta(minutes=15))
    assert sent["jobs"] == 1
    job.refresh_from_db()
    assert (job.status, job.stored) == ("done", 2)


def test_a_row_of_the_import_page_cannot_mark_itself_as_written_for_the_demo(
    analyst_client, django_capture_on_commit_callbacks
):
    # The import job stores rows by the same rule as the command: documented fields only.
    row = {"title": "Port strike", "text": BODY, "demo": True, "note": "x", "event": "y"}
    imported(
        analyst_client, "wire.jsonl", json.dumps(row).encode(), django_capture_on_commit_callbacks
    )
    article = Article.objects.get()
    assert not article.is_demo
    assert not {"demo", "note", "event"} & set(article.meta)
