import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from analysis.models import Score
from analysis.services import articles_sweep
from config.celery import Task
from newsdesk.models import Article, IngestJob, IngestMethod, ScoringStatus
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

LIST = "/api/articles/"
TEXT = (
    "BERLIN (Test Wire) - The city council approved a new tram line on Thursday, officials "
    "said.\nThe line will cost 240 million euros and open in 2027, according to the "
    "transport office.\n"
)


def when(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=9, tzinfo=dt.UTC)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_articles_are_listed_newest_first_with_their_outlet(analyst_api):
    outlet = OutletFactory(slug="wire", name="The Wire")
    old = ArticleFactory(outlet=outlet, published_at=when("2024-01-01"))
    new = ArticleFactory(outlet=outlet, published_at=when("2024-03-01"))
    undated = ArticleFactory(outlet=outlet)

    response = analyst_api.get(LIST)

    assert ids(response) == [new.pk, old.pk, undated.pk]
    item = response.json()["items"][0]
    assert item["outlet"] == {"slug": "wire", "name": "The Wire"}
    assert item["published_at"].startswith("2024-03-01T09:00:00")
    assert "body" not in item


def test_articles_are_filtered_like_the_article_list(analyst_api):
    wire, post = OutletFactory(slug="wire"), OutletFactory(slug="post")
    event = EventFactory()
    tram = ArticleFactory(
        outlet=wire, headline="Tram line approved", published_at=when("2024-02-10"), event=event
    )
    ArticleFactory(outlet=post, headline="Tram fares", published_at=when("2024-02-20"))
    ArticleFactory(outlet=wire, headline="Harbour", published_at=when("2024-01-05"))
    tram.scoring_status = ScoringStatus.FAILED
    tram.save()

    assert ids(analyst_api.get(LIST, {"q": "tram", "outlet": "wire"})) == [tram.pk]
    assert ids(analyst_api.get(LIST, {"event": event.pk})) == [tram.pk]
    assert ids(analyst_api.get(LIST, {"status": "failed"})) == [tram.pk]
    assert ids(analyst_api.get(LIST, {"date_from": "2024-02-01", "date_to": "2024-02-10"})) == [
        tram.pk
    ]
    assert ids(analyst_api.get(LIST, {"outlet": "no-such-outlet"})) == []


@pytest.mark.parametrize(
    "params",
    [
        {"status": "done"},
        {"date_from": "yesterday"},
        {"date_to": "9999-12-31"},
        {"event": "0"},
        {"event": str(2**64)},
        {"page": "0"},
        {"page_size": "101"},
        {"q": "tram\x00"},
    ],
)
def test_a_bad_filter_is_a_422_that_names_it(analyst_api, params):
    response = analyst_api.get(LIST, params)

    assert response.status_code == 422
    (name,) = params
    assert [e["loc"][-1] for e in response.json()["detail"]] == [name]


def test_lists_are_paginated(analyst_api):
    made = [ArticleFactory(published_at=when(f"2024-01-{day:02}")) for day in range(1, 8)]

    response = analyst_api.get(LIST, {"page": 2, "page_size": 3})

    page = response.json()
    assert (page["count"], page["page"], page["page_size"], page["pages"]) == (7, 2, 3, 3)
    assert ids(response) == [a.pk for a in made[::-1][3:6]]
    assert ids(analyst_api.get(LIST, {"page": 99, "page_size": 3})) == []


def test_the_list_gives_score_values_and_the_article_gives_evidence(analyst_api):
    article = ArticleFactory()
    Score.objects.create(
        article=article,
        scorer="sentiment",
        version="2",
        values={"compound_mean": -0.4},
        evidence={"sentences": [{"start": 0, "end": 20, "compound": -0.4}]},
    )

    listed = analyst_api.get(LIST).json()["items"][0]
    detail = analyst_api.get(reverse("api:article", args=[article.pk])).json()

    assert listed["scores"] == {"sentiment": {"version": "2", "values": {"compound_mean": -0.4}}}
    (score,) = detail["scores"]
    assert score["scorer"] == "sentiment"
    assert score["evidence"] == {"sentences": [{"start": 0, "end": 20, "compound": -0.4}]}
    assert detail["body"] == article.body


def test_the_list_takes_a_fixed_number_of_queries(analyst_api, django_assert_max_num_queries):
    for _ in range(30):
        Score.objects.create(article=ArticleFactory(), scorer="sentiment", version="2")

    with django_assert_max_num_queries(6):
        assert len(ids(analyst_api.get(LIST, {"page_size": 30}))) == 30


def test_an_unknown_article_is_a_json_404(analyst_api):
    response = analyst_api.get(reverse("api:article", args=[987654]))

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


# --- Ingestion ------------------------------------------------------------------------


def test_ingesting_text_stores_the_article_and_queues_scoring(
    analyst_api, analyst, django_capture_on_commit_callbacks
):
    outlet = OutletFactory(slug="wire")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = analyst_api.post(
            LIST, {"text": TEXT, "outlet": "wire", "published": "2024-05-02", "headline": "Trams"}
        )

    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert (article.outlet, article.headline, article.created_by) == (outlet, "Trams", analyst)
    assert article.published_at.date() == dt.date(2024, 5, 2)
    assert article.ingest_method == IngestMethod.PASTE
    assert article.dateline == "BERLIN (Test Wire)"
    assert article.scoring_status == ScoringStatus.QUEUED
    assert len(callbacks) >= 1
    assert response.json()["scoring_status"] == "queued"


def test_ingested_text_is_scored(analyst_api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_api.post(LIST, {"text": TEXT})

    detail = analyst_api.get(reverse("api:article", args=[response.json()["id"]])).json()
    assert detail["scoring_status"] == "scored"
    assert {"sentiment", "readability"} <= {s["scorer"] for s in detail["scores"]}


def test_ingesting_html_extracts_the_article(analyst_api):
    html = f"<html><body><nav>Home | World</nav><article><h1>Trams</h1><p>{TEXT}</p></article></body></html>"

    response = analyst_api.post(LIST, {"html": html, "url": "https://wire.example/trams"})

    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert article.url == "https://wire.example/trams"
    assert "Home | World" not in article.body and "tram line" in article.body


def test_a_duplicate_is_a_409_naming_the_stored_article(analyst_api):
    first = analyst_api.post(LIST, {"text": TEXT}).json()

    response = analyst_api.post(LIST, {"text": TEXT.upper()})

    assert response.status_code == 409
    assert response.json()["existing_id"] == first["id"]
    assert "same text" in response.json()["detail"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "published, stored",
    [
        ("2024-05-02", dt.datetime(2024, 5, 2, 12, tzinfo=dt.UTC)),  # a day: noon UTC
        ("2024-05-02T10:30:00Z", dt.datetime(2024, 5, 2, 10, 30, tzinfo=dt.UTC)),
        ("2024-05-02T10:30:00+02:00", dt.datetime(2024, 5, 2, 8, 30, tzinfo=dt.UTC)),
        ("2024-05-02T00:00:00Z", dt.datetime(2024, 5, 2, 0, 0, tzinfo=dt.UTC)),  # not a day
        ("2024-05-02 10:30", dt.datetime(2024, 5, 2, 10, 30, tzinfo=dt.UTC)),  # no offset: UTC
    ],
)
def test_the_publication_is_a_day_or_a_time(analyst_api, published, stored):
    # Found in an ingestion audit: only a day was taken; "2024-05-02T10:30:00Z", what a
    # script is likeliest to send, was refused ("should have zero time").
    response = analyst_api.post(LIST, {"text": TEXT, "published": published})

    assert response.status_code == 201, response.content
    assert Article.objects.get(pk=response.json()["id"]).published_at == stored


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({"text": "Too short."}, 400, "fewer than five words"),
        ({"text": "   "}, 400, "no text"),
        ({"text": TEXT, "outlet": "nowhere"}, 400, "No outlet has the slug 'nowhere'"),
        ({"text": TEXT, "html": "<p>x</p>"}, 422, "either text or html"),
        ({}, 422, "give text, html, or a url"),
        ({"text": TEXT + "\x00"}, 422, "NUL"),
        ({"url": "ftp://wire.example/x"}, 422, "http or https URL"),
        ({"text": TEXT, "published": "last week"}, 422, "date"),
        ({"text": 42}, 422, "string"),
        # A misnamed field was dropped unread: stored without its headline, nothing said.
        ({"text": TEXT, "title": "Harbour reopens"}, 422, "'loc': ['body', 'payload', 'title']"),
        ([{"text": TEXT}], 422, "valid dictionary"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_stores_nothing(
    analyst_api, body, status, message
):
    response = analyst_api.post(LIST, body)

    assert response.status_code == status
    assert message in str(response.json()["detail"])
    assert not Article.objects.exists()


def test_a_body_that_is_not_json_is_refused_as_json(analyst_api):
    response = analyst_api.post(LIST, "{not json")

    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    assert not Article.objects.exists()


def test_text_over_the_size_limit_is_refused(analyst_api, settings):
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 1000

    response = analyst_api.post(LIST, {"text": TEXT * 10})

    assert response.status_code == 400
    assert "the limit is" in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_request_body_over_djangos_limit_is_a_json_413(analyst_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000

    response = analyst_api.post(LIST, {"text": TEXT * 30})

    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/admin/", "http://169.254.169.254/latest/meta-data/"]
)
def test_a_url_to_a_private_address_is_refused_at_once(
    analyst_api, url, django_capture_on_commit_callbacks
):
    # An address written as an IP needs no DNS to judge: no job is queued for it.
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_api.post(LIST, {"url": url})

    assert response.status_code == 400
    assert "private or local address" in response.json()["detail"]
    assert not IngestJob.objects.exists() and not Article.objects.exists()


def test_a_host_name_of_a_private_address_is_refused_by_the_job(
    analyst_api, django_capture_on_commit_callbacks
):
    # A name is resolved (and refused) when the worker fetches it.
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_api.post(LIST, {"url": "http://localhost/admin/"})

    assert response.status_code == 202
    job = analyst_api.get(response.json()["url"]).json()
    assert job["status"] == "done" and job["refused"] == 1
    assert "private or local address" in job["rows"][0]["detail"]
    assert not Article.objects.exists()


PAGE = f"<html><head><title>Trams</title></head><body><article><h1>Tram line approved</h1><p>{TEXT}</p></article></body></html>".encode()


class PageHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def page_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_url_alone_is_fetched_by_a_worker_and_answered_with_its_job(
    analyst_api, page_server, django_capture_on_commit_callbacks
):
    # A slow server once held the request, and a web worker, as long as it liked.
    url = f"{page_server}/trams"

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = analyst_api.post(LIST, {"url": url})

    assert response.status_code == 202, response.content
    accepted = response.json()
    assert accepted["job"]["status"] == "queued" and accepted["job"]["name"] == url
    assert accepted["url"] == reverse("api:job", args=[accepted["job"]["id"]])
    assert not Article.objects.exists()  # fetched after the answer, by the worker

    for callback in callbacks:
        callback()
    job = analyst_api.get(accepted["url"]).json()
    article = Article.objects.get()
    assert (job["status"], job["stored"]) == ("done", 1)
    assert job["rows"] == [
        {"number": 1, "outcome": "stored", "detail": "", "article_id": article.pk}
    ]
    assert (article.url, article.ingest_method) == (url, IngestMethod.URL)
    assert "tram line" in article.body
    assert analyst_api.post(LIST, {"url": url}).status_code == 409


def test_html_of_too_many_elements_is_refused_at_once(analyst_api, settings):
    # 500,000 tiny paragraphs held a web worker for 30.7 s, then answered 500.
    settings.NEWSDESK_MAX_HTML_ELEMENTS = 1000
    html = "<html><body>" + "<p>x</p>" * 1001 + "</body></html>"
    response = analyst_api.post(LIST, {"html": html})
    assert response.status_code == 400
    assert "1,003 elements; pages of up to 1,000 can be read" in response.json()["detail"]


def test_with_the_broker_down_the_article_is_stored_and_its_scoring_left_to_the_sweep(
    analyst_api, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broker_down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr(Task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_api.post(LIST, {"text": TEXT})

    assert response.status_code == 201  # was a 500 after the commit (and a 409 on retry)
    assert response.json()["scoring_status"] == "queued"
    assert "the sweep will pick the work up" in caplog.text
    monkeypatch.undo()
    Article.objects.update(scoring_queued_at=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        articles_sweep(stuck_after=dt.timedelta(minutes=15))
    assert Article.objects.get().scoring_status == ScoringStatus.SCORED


def test_a_host_name_that_cannot_be_looked_up_is_refused_before_fetching(analyst_api):
    response = analyst_api.post(LIST, {"url": "http://" + "ä" * 60 + ".example/"})

    assert response.status_code == 422
    assert "http or https URL" in str(response.json()["detail"])


@pytest.mark.parametrize("published", ["0001-01-01", "1899-12-31", "9999-12-30"])
def test_an_implausible_publication_date_is_a_400_with_the_reason(analyst_api, published):
    response = analyst_api.post(LIST, {"text": TEXT, "published": published})

    assert response.status_code == 400, response.content
    assert "outside the range taken" in response.json()["detail"]
    assert not Article.objects.exists()
