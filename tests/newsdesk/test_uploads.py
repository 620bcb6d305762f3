"""Uploaded files are read into the database as text; nothing serves them back."""

from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve

from newsdesk.models import Article

pytestmark = pytest.mark.django_db

HOSTILE_PAGE = (
    b"<!doctype html><html><head><title>Council budget</title>"
    b"<script>alert(document.cookie)</script></head><body><h1>Council budget approved</h1>"
    b"<p>The council met on Monday and approved the new budget for schools.</p>"
    b"<p>Officials said the plan <img src=x onerror=alert(1)> would start in May.</p>"
    b"</body></html>"
)


def test_there_is_no_media_url_that_could_serve_an_upload():
    assert not getattr(settings, "MEDIA_URL", "").strip("/")
    for path in ("/media/page.html", "/uploads/page.html", "/static/../page.html"):
        with pytest.raises(Resolver404):
            resolve(path)


def test_an_uploaded_file_is_never_written_to_storage(analyst_client):
    with mock.patch.object(
        FileSystemStorage, "save", side_effect=AssertionError("an upload was saved")
    ):
        response = analyst_client.post(
            "/articles/new/upload/",
            {"files": [SimpleUploadedFile("page.html", HOSTILE_PAGE, "text/html")]},
        )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.raw.startswith("<!doctype html>")


def test_an_uploaded_html_page_comes_back_only_as_escaped_text(analyst_client):
    analyst_client.post(
        "/articles/new/upload/",
        {"files": [SimpleUploadedFile("page.html", HOSTILE_PAGE, "text/html")]},
    )
    article = Article.objects.get()

    response = analyst_client.get(article.get_absolute_url())

    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    html = response.content.decode()
    assert "alert(document.cookie)" not in html
    assert "onerror" not in html
    assert "approved the new budget for schools" in html


def test_an_oversized_upload_is_refused_before_it_is_read(analyst_client, settings):
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", b"word " * 1000, "text/plain")

    with mock.patch(
        "newsdesk.services.article_ingest_bytes", side_effect=AssertionError("read and decoded")
    ):
        response = analyst_client.post("/articles/new/upload/", {"files": [upload]})

    assert response.status_code == 400
    assert "big.txt: The file is 0.0 MB; the limit is 0 MB." in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image/png"),
        ("page.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "text/html"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00<<>>", "application/pdf"),
        ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(64), "application/zip"),
    ],
)
def test_binary_files_are_refused_whatever_they_are_called(
    analyst_client, name, content, content_type
):
    response = analyst_client.post(
        "/articles/new/upload/", {"files": [SimpleUploadedFile(name, content, content_type)]}
    )

    assert response.status_code == 400
    assert "binary" in response.content.decode()
    assert not Article.objects.exists()
