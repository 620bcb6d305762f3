"""Adding articles through the pages: paste, upload and fetch by URL."""

from __future__ import annotations

import base64
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from newsdesk.models import Article, IngestJob
from tests.conftest import scorer_names
from tests.factories import ArticleFactory, OutletDomainFactory

pytestmark = pytest.mark.django_db

COUNCIL = (
    "The city council met on Monday evening to discuss the budget.\n"
    "Officials said the plan for a new park near the river was approved.\n"
    "Construction will begin in the spring and should finish within two years."
)
FERRY = (
    "The ferry company announced a new timetable on Tuesday.\n"
    "Passengers will see more crossings to the island during the summer months.\n"
    "The company said ticket prices would stay the same until next year."
)
# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
XSS = "<script>alert(1)</script>"


def paste(client, text, **fields):
    return client.post(reverse("article-paste"), {"text": text, **fields})


def upload(client, *files, **fields):
    return client.post(reverse("article-upload"), {"files": list(files), **fields})


def txt(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def errors_of(response, form: str) -> list[str]:
    return list(response.context[form].errors.get("__all__", [])) + [
        e
        for field, errs in response.context[form].errors.items()
        if field != "__all__"
        for e in errs
    ]


# Paste


def test_it_stores_a_pasted_article_and_shows_it(analyst_client, analyst):
    response = paste(analyst_client, COUNCIL)

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.headline == "The city council met on Monday evening to discuss the budget."
    assert "approved" in article.body
    assert article.raw == COUNCIL
    assert article.ingest_method == "paste"
    assert article.created_by == analyst


def test_a_pasted_page_source_is_read_as_html_not_stored_with_its_tags(analyst_client):
    source = (
        "<!DOCTYPE html><html><head><title>Budget vote | City Paper</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/subscribe'>Subscribe</a></nav>"
        "<article><h1>Council approves the park budget</h1>"
        "<p>The city council met on Monday evening to discuss the budget for the parks.</p>"
        "<p>After a long debate, members approved the plan by seven votes to two.</p>"
        "</article><footer>Copyright City Paper</footer></body></html>"
    )

    response = paste(analyst_client, source)

    article = Article.objects.get()
    assert response.status_code == 302
    assert article.headline == "Council approves the park budget"
    assert "approved the plan by seven votes to two" in article.body
    assert "<" not in article.body and "Subscribe" not in article.body
    assert article.raw == source


def test_a_pasted_article_is_scored_once_the_request_commits(
    analyst_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        paste(analyst_client, COUNCIL)

    article = Article.objects.get()
    assert article.scoring_status == "scored"
    assert article.scored_at is not None
    assert set(article.scores.values_list("scorer", flat=True)) == scorer_names()


def test_the_article_page_says_the_article_was_stored(analyst_client):
    response = analyst_client.post(reverse("article-paste"), {"text": COUNCIL}, follow=True)

    assert "Stored “The city council met on Monday evening" in response.content.decode()


def test_the_headline_and_date_given_with_a_paste_win(analyst_client):
    paste(analyst_client, COUNCIL, headline="Park approved", published="2024-03-05")

    article = Article.objects.get()
    assert article.headline == "Park approved"
    assert article.published_at.isoformat() == "2024-03-05T12:00:00+00:00"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_pasting_no_text_is_refused_with_a_form_error(analyst_client, text):
    response = paste(analyst_client, text)

    assert response.status_code == 400
    assert response.context["paste_form"].errors["text"] == ["This field is required."]
    assert "This field is required." in response.content.decode()
    assert not Article.objects.exists()


def test_pasting_too_few_words_is_refused(analyst_client):
    response = paste(analyst_client, "Breaking news.")

    assert response.status_code == 400
    assert "fewer than five words" in response.content.decode()
    assert not Article.objects.exists()


def test_a_pasted_chinese_article_is_stored_whole(analyst_client):
    # Written for the tests. Every line read as a short label, so the paste was refused
    # with "fewer than five words".
    text = "港口修复后重新开放\n港口在星期二修复后重新开放，港务局表示。这是为测试而写的。\n工人们说，他们对结果感到满意。"

    response = paste(analyst_client, text)

    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.headline, article.language) == ("港口修复后重新开放", "zh")
    assert (
        article.body
        == "港口在星期二修复后重新开放，港务局表示。这是为测试而写的。\n\n工人们说，他们对结果感到满意。"
    )


def test_pasting_the_same_article_twice_stores_it_once(analyst_client):
    paste(analyst_client, COUNCIL)

    response = paste(analyst_client, COUNCIL)

    assert response.status_code == 400
    assert any("Already stored" in e for e in errors_of(response, "paste_form"))
    assert "Already stored (same text)" in response.content.decode()
    assert Article.objects.count() == 1


def test_the_same_text_with_other_spacing_and_case_is_a_duplicate(analyst_client):
    paste(analyst_client, COUNCIL)

    response = paste(analyst_client, COUNCIL.upper().replace("\n", "\n\n  "))

    assert response.status_code == 400
    assert "Already stored" in response.content.decode()
    assert Article.objects.count() == 1


def test_the_seed_page_yields_its_headline_and_dateline(analyst_client, seed_text):
    response = paste(analyst_client, seed_text)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.headline == (
        "Some 1,500 Afghan Soldiers Escaped Taliban to Tajikistan in Two Weeks, CSTO Envoy Says"
    )
    assert article.dateline == "MOSCOW (Sputnik)"
    assert article.body.startswith("About 1,500 Afghan soldiers have crossed into Tajikistan")
    assert "Subscribe" in article.removed_lines
    assert "Subscribe" not in article.body


def test_a_pasted_url_finds_the_outlet_by_its_domain(analyst_client):
    domain = OutletDomainFactory(domain="herald.example")

    paste(analyst_client, COUNCIL, url="https://www.herald.example/news/park")

    article = Article.objects.get()
    assert article.url == "https://www.herald.example/news/park"
    assert article.outlet == domain.outlet


def test_pasting_another_text_under_a_stored_url_is_refused(analyst_client):
    paste(analyst_client, COUNCIL, url="https://herald.example/park")

    response = paste(analyst_client, FERRY, url="https://herald.example/park")

    assert response.status_code == 400
    assert "Already stored (same URL)" in response.content.decode()
    assert Article.objects.count() == 1


def test_the_add_article_page_offers_paste_upload_and_url(analyst_client):
    html = analyst_client.get(reverse("article-new")).content.decode()

    assert 'action="/articles/new/paste/"' in html
    assert 'action="/articles/new/upload/"' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'action="/articles/new/url/"' in html


# Upload


def test_two_uploaded_files_become_two_articles(analyst_client):
    response = upload(
        analyst_client, txt("council.txt", COUNCIL.encode()), txt("ferry.txt", FERRY.encode())
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("article-list")
    assert Article.objects.count() == 2
    assert set(Article.objects.values_list("ingest_method", flat=True)) == {"upload"}
    assert Article.objects.filter(body__contains="ferry company").exists()
    assert Article.objects.filter(body__contains="city council").exists()


def test_more_files_than_one_request_should_extract_are_refused(analyst_client):
    # Each file is extracted in the request: many HTML pages would hold a web worker.
    files = [txt(f"report{i}.txt", f"{COUNCIL} Item {i}.".encode()) for i in range(6)]

    response = upload(analyst_client, *files)

    assert response.status_code == 400
    assert "6 files: upload up to 5 at a time" in response.content.decode()
    assert not Article.objects.exists()


def test_one_uploaded_file_leads_to_its_article(analyst_client):
    response = upload(analyst_client, txt("council.txt", COUNCIL.encode()))

    assert response["Location"] == Article.objects.get().get_absolute_url()


def test_a_good_and_a_bad_file_store_the_good_one_and_report_the_bad(analyst_client):
    response = upload(analyst_client, txt("council.txt", COUNCIL.encode()), txt("empty.txt", b""))

    assert response.status_code == 400
    assert Article.objects.get().body.startswith("The city council")
    [error] = errors_of(response, "upload_form")
    assert error.startswith("empty.txt: ")
    assert error.endswith(" is empty.")
    assert "Stored 1 article(s)" in response.content.decode()


@pytest.mark.parametrize("name", ["wire.csv", "wire.jsonl", "wire.JSON"])
def test_a_file_of_articles_uploaded_as_one_article_points_to_the_import(analyst_client, name):
    # Written for the tests. A CSV was stored as one article whose headline was
    # "Halden,Written for the tests: …".
    rows = f"title,text\nHalden,Written for the tests: {COUNCIL}\n".encode()

    response = upload(analyst_client, txt(name, rows))

    assert response.status_code == 400
    assert errors_of(response, "upload_form") == [
        f"{name}: This is a file of articles (JSON Lines or CSV): use Import articles, "
        "which reads one article a row."
    ]
    assert not Article.objects.exists()


def test_an_empty_file_is_refused(analyst_client):
    response = upload(analyst_client, txt("empty.txt", b""))

    assert response.status_code == 400
    [error] = errors_of(response, "upload_form")
    assert error.startswith("empty.txt: ")
    assert error.endswith(" is empty.")
    assert not Article.objects.exists()


def test_a_binary_file_is_refused(analyst_client):
    response = upload(
        analyst_client, SimpleUploadedFile("pixel.png", PNG, content_type="image/png")
    )

    assert response.status_code == 400
    assert "looks like a binary file" in response.content.decode()
    assert not Article.objects.exists()


def test_a_binary_file_named_txt_is_refused(analyst_client):
    response = upload(analyst_client, txt("notes.txt", PNG))

    assert response.status_code == 400
    assert "looks like a binary file" in response.content.decode()
    assert not Article.objects.exists()


def test_a_latin_1_file_keeps_its_accents(analyst_client):
    text = (
        "Le café du centre-ville a rouvert ses portes lundi matin.\n"
        "Les habitants du quartier étaient ravis de retrouver leur café préféré."
    )

    upload(analyst_client, txt("cafe.txt", text.encode("latin-1")))

    article = Article.objects.get()
    assert "café" in article.body
    assert "préféré" in article.body
    assert "\ufffd" not in article.body


def test_a_utf_16_file_with_a_bom_is_read(analyst_client):
    upload(analyst_client, txt("council.txt", COUNCIL.encode("utf-16")))

    article = Article.objects.get()
    assert article.headline == "The city council met on Monday evening to discuss the budget."
    assert "\x00" not in article.body
    assert "\ufeff" not in article.raw


def test_an_html_file_becomes_text_without_tags(analyst_client):
    html = (
        "<html><head><title>Council Approves New Park Plan</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><p>The city council met on Monday evening and approved a plan for a new "
        "park near the river.</p><p>Officials said construction would begin in the spring "
        "and finish within two years.</p></article></body></html>"
    )

    upload(analyst_client, SimpleUploadedFile("park.html", html.encode(), "text/html"))

    article = Article.objects.get()
    assert article.headline == "Council Approves New Park Plan"
    assert article.body == (
        "The city council met on Monday evening and approved a plan for a new park near "
        "the river.\n\nOfficials said construction would begin in the spring and finish "
        "within two years."
    )
    assert "<" not in article.body


def test_plain_text_saved_under_html_is_read_as_text(analyst_client):
    # Read as HTML for its name, it had "no article text" (written for the tests).
    text = "Park plan approved\n\nWritten for the tests. " + COUNCIL

    upload(analyst_client, txt("park.html", text.encode()))

    article = Article.objects.get()
    assert article.headline == "Park plan approved"
    assert article.body.startswith("Written for the tests. The city council met")


XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
    'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Council Approves New Park Plan'
    "</title>" + "<meta name='keywords' content='park' />" * 60 + "</head><body><article>"
    "<p>Written for the tests. The city council met on Monday evening and approved a plan "
    "for a new park.</p><p>Officials said construction would begin in the spring.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("park.rtf", r"{\rtf1\ansi\f0 Written for the tests.\par }", "This is an RTF document"),
        ("park.txt", r"{\rtf1\ansi\f0 Written for the tests.\par }", "This is an RTF document"),
        (
            "park.svg",
            f"<svg><script>{XSS}</script><text>{COUNCIL}</text></svg>",
            "This is an XML document",
        ),
        (
            "park.xml",
            f'<?xml version="1.0"?><rss><channel>{COUNCIL}</channel></rss>',
            "This is an XML document",
        ),
    ],
)
def test_a_document_of_another_kind_is_refused_not_stored_with_its_markup(
    analyst_client, name, content, message
):
    # Its markup ("{\rtf1\ansi…", "<svg><script>…") was stored as the article's words.
    response = upload(analyst_client, txt(name, content.encode()))

    assert response.status_code == 400
    [error] = errors_of(response, "upload_form")
    assert error.startswith(f"{name}: {message}")
    assert not Article.objects.exists()


def test_an_xhtml_page_is_not_taken_for_another_kind_of_xml(analyst_client):
    upload(analyst_client, txt("park.xhtml", XHTML.encode()))

    assert Article.objects.get().headline == "Council Approves New Park Plan"


def test_a_file_over_the_limit_is_refused(analyst_client):
    big = txt("huge.txt", b"word " * (20 * 1024 * 1024 // 5))

    response = upload(analyst_client, big)

    assert response.status_code == 400
    [error] = errors_of(response, "upload_form")
    assert error.startswith("huge.txt: ")
    assert "the limit is 5 MB" in error
    assert not Article.objects.exists()


def test_pasted_text_over_the_limit_is_refused(analyst_client):
    response = paste(analyst_client, "word " * (6 * 1024 * 1024 // 5))

    assert response.status_code == 400
    assert errors_of(response, "paste_form") == ["The text is 6.0 MB; the limit is 5 MB."]
    assert not Article.objects.exists()


def test_a_file_over_the_limit_is_reported_with_its_real_size(analyst_client):
    big = txt("huge.txt", b"word " * (20 * 1024 * 1024 // 5))

    response = upload(analyst_client, big)

    [error] = errors_of(response, "upload_form")
    assert "20.0 MB" in error


# Fetch by URL


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://10.0.0.1/x", "http://[::1]/"])
def test_fetching_an_ip_address_that_is_private_or_local_is_refused_at_once(analyst_client, url):
    response = analyst_client.post(reverse("article-fetch"), {"url": url})
    assert response.status_code == 400
    assert "is a private or local address" in response.content.decode()
    assert not IngestJob.objects.exists() and not Article.objects.exists()


@pytest.mark.parametrize("url", ["http://localhost/"])
def test_fetching_a_private_or_local_address_is_refused(
    analyst_client, url, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_client.post(reverse("article-fetch"), {"url": url})

    job = IngestJob.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    [row] = job.rows.all()
    assert row.outcome == "refused" and "private or local" in row.detail
    assert "private or local" in analyst_client.get(response.url).content.decode()
    assert not Article.objects.exists()


class SlowPage(BaseHTTPRequestHandler):
    """A page whose server makes the fetcher wait."""

    def do_GET(self):
        time.sleep(0.3)
        body = (
            f"<html><body><article><h1>Park approved</h1><p>{COUNCIL}</p></article></body></html>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.NEWSDESK_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_url_is_fetched_by_a_worker_and_its_page_leads_to_the_article(
    analyst_client, slow_server, django_capture_on_commit_callbacks
):
    # A slow server once held a web worker for as long as it liked (issue 13).
    url = f"{slow_server}/park"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = analyst_client.post(reverse("article-fetch"), {"url": url})
    assert response.status_code == 302
    assert not Article.objects.exists()  # nothing fetched in the request
    job = IngestJob.objects.get()

    for callback in callbacks:  # the worker
        callback()
    poll = analyst_client.get(response.url, headers={"HX-Request": "true", "HX-Target": "job"})

    article = Article.objects.get()
    assert article.url == url and "new park" in article.body
    assert poll["HX-Redirect"] == article.get_absolute_url()
    assert job.rows.get().article == article


def test_a_url_already_stored_is_refused_at_once(analyst_client):
    stored = Article.objects.create(
        url="https://wire.example/park", headline="Park", body=COUNCIL, raw=COUNCIL,
        content_hash="x", ingest_method="url",
    )  # fmt: skip
    response = analyst_client.post(reverse("article-fetch"), {"url": stored.url})
    assert response.status_code == 400
    assert response.context["duplicate"] == stored
    assert not IngestJob.objects.exists()


def test_fetching_something_that_is_not_a_url_is_refused(analyst_client):
    response = analyst_client.post(reverse("article-fetch"), {"url": "not a url"})

    assert response.status_code == 400
    assert response.context["url_form"].errors["url"] == ["Enter a valid URL."]
    assert not Article.objects.exists()


# Escaping


def test_markup_in_a_pasted_headline_and_body_is_shown_as_text(analyst_client):
    text = f"{COUNCIL}\nA reader wrote {XSS} in the comments about the park on Tuesday."

    response = analyst_client.post(
        reverse("article-paste"), {"text": text, "headline": f"Park {XSS}"}, follow=True
    )

    article = Article.objects.get()
    assert article.headline == f"Park {XSS}"
    assert XSS in article.body
    for page in (response, analyst_client.get(article.get_absolute_url())):
        html = page.content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert XSS not in html


def test_markup_in_a_headline_is_escaped_in_the_article_list(analyst_client):
    paste(analyst_client, COUNCIL, headline=f"Park {XSS}")

    html = analyst_client.get(reverse("article-list")).content.decode()

    assert "Park &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert XSS not in html


@pytest.mark.parametrize("published", ["0001-01-01", "1899-12-31"])
def test_a_paste_with_an_implausible_date_is_refused_with_the_reason(analyst_client, published):
    response = paste(analyst_client, COUNCIL, published=published)

    assert response.status_code == 400
    assert "outside the range taken" in response.content.decode()
    assert not Article.objects.exists()


# Found in a QA pass: "Already stored" named the stored article but gave no way to open it.


TEXT = (
    "The harbour council voted on Tuesday to close the old ferry pier, according to the mayor. "
    "Residents said the decision came without warning."
)


def test_pasting_a_stored_text_again_links_to_the_stored_article(analyst_client):
    analyst_client.post(reverse("article-paste"), {"text": TEXT})
    stored = Article.objects.get()

    response = analyst_client.post(reverse("article-paste"), {"text": TEXT})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Already stored (same text)" in html
    assert f'<a href="{stored.get_absolute_url()}">Open the stored article</a>' in html


def test_fetching_a_stored_url_again_links_to_the_stored_article(analyst_client):
    stored = ArticleFactory(url="https://herald.example/ferry")

    response = analyst_client.post(
        reverse("article-fetch"), {"url": "https://herald.example/ferry"}
    )

    assert response.status_code == 400
    assert f'<a href="{stored.get_absolute_url()}">Open the stored article</a>' in (
        response.content.decode()
    )


def test_a_refusal_that_is_not_a_duplicate_offers_no_link(analyst_client):
    response = analyst_client.post(reverse("article-paste"), {"text": "Breaking news."})
    assert response.status_code == 400
    assert "Open the stored article" not in response.content.decode()


# Found in a QA pass: the three forms of "Add an article" repeated the ids id_outlet,
# id_published and id_url, so the fetch form's "Article URL" label (and the upload form's
# "Outlet" and "Published") pointed at the paste form's fields: clicking a label, or a screen
# reader, went to the wrong form.


def _labels_and_ids(html: str) -> tuple[list[str], Counter]:
    return re.findall(r'<label for="([^"]+)"', html), Counter(re.findall(r' id="([^"]+)"', html))


@pytest.mark.parametrize("method", ["get", "post-paste", "post-upload", "post-fetch"])
def test_every_label_on_the_add_article_page_names_one_field_of_its_own_form(
    analyst_client, method
):
    if method == "get":
        response = analyst_client.get(reverse("article-new"))
    else:
        # A refused form comes back beside two fresh ones: the ids must stay apart too.
        response = analyst_client.post(reverse("article-" + method.split("-")[1]), {})
    html = response.content.decode()
    labels, ids = _labels_and_ids(html)

    assert not [i for i, n in ids.items() if n > 1]
    assert all(ids[target] == 1 for target in labels)
    for form_html in re.findall(r"<form .*?</form>", html, flags=re.S):
        form_labels, form_ids = _labels_and_ids(form_html)
        assert all(form_ids[target] == 1 for target in form_labels)
    # The fetch form's label names the fetch form's own box.
    fetch = re.search(r'<section class="card" id="fetch">.*?</section>', html, re.S).group(0)
    assert re.search(r'<label for="fetch_url">Article URL</label>', fetch)
    assert 'id="fetch_url"' in fetch


# Found in a QA pass: when some uploaded files were stored and others refused, the page
# said "Stored 1 article(s)" beside the refusals, with no way to tell which file went in or
# to open it.


STRIKE_FILE = (
    "Harbour strike continues\n\n"
    "Dockworkers in Halvern stayed out for a second week on Monday, the union said. "
    "Ships waited in the estuary.\n"
)


def test_the_stored_files_are_listed_with_links_beside_the_refused_ones(analyst_client):
    response = analyst_client.post(
        reverse("article-upload"),
        {
            "files": [
                SimpleUploadedFile("strike.txt", STRIKE_FILE.encode(), "text/plain"),
                SimpleUploadedFile("photo.bin", b"\x00\x01\x02PNG\x89", "text/plain"),
            ]
        },
    )

    html = response.content.decode()
    stored = Article.objects.get()
    assert "photo.bin: This looks like a binary file" in html
    assert f'<li><a href="{stored.get_absolute_url()}">{escape(stored.headline)}</a></li>' in html
