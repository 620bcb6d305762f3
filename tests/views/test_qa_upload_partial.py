"""Found in a QA pass: when some uploaded files were stored and others refused, the page
said "Stored 1 article(s)" beside the refusals, with no way to tell which file went in or
to open it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from newsdesk.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "Harbour strike continues\n\n"
    "Dockworkers in Halvern stayed out for a second week on Monday, the union said. "
    "Ships waited in the estuary.\n"
)


def test_the_stored_files_are_listed_with_links_beside_the_refused_ones(analyst_client):
    response = analyst_client.post(
        reverse("article-upload"),
        {
            "files": [
                SimpleUploadedFile("strike.txt", TEXT.encode(), "text/plain"),
                SimpleUploadedFile("photo.bin", b"\x00\x01\x02PNG\x89", "text/plain"),
            ]
        },
    )

    html = response.content.decode()
    stored = Article.objects.get()
    assert "photo.bin: This looks like a binary file" in html
    assert f'<li><a href="{stored.get_absolute_url()}">{escape(stored.headline)}</a></li>' in html
