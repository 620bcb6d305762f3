import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from newsdesk import selectors

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_describes_every_operation_with_bearer_tokens(client):
    schema = client.get(reverse("api:openapi-json")).json()

    assert schema["info"]["title"] == "Newsdesk API"
    assert schema["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"}
    }
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation["security"] == [{"TokenAuth": []}], f"{method} {path}"
            assert {"401", "403"} <= set(operation["responses"]), f"{method} {path}"


def test_the_docs_page_loads_its_scripts_from_newsdesk_not_a_cdn(client):
    html = client.get(reverse("api:openapi-view")).content.decode()

    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/static/") for s in sources), sources
    assert all(finders.find(s.removeprefix("/static/")) for s in sources)
    # No inline script: the page passes its settings as JSON data, which is not executed.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs, _ in scripts)


def test_the_api_root_points_to_the_schema_and_docs(client):
    response = client.get("/api/")

    assert response.json() == {"schema": "/api/openapi.json", "docs": "/api/docs/"}


def test_an_unexpected_error_is_a_json_500_without_a_trace(analyst_api, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(selectors, "article_list", broken)
    analyst_api.client = Client(raise_request_exception=False)

    response = analyst_api.get("/api/articles/")

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error."}
    assert "secret internals" not in response.content.decode()


def test_a_method_the_api_does_not_have_is_refused(analyst_api):
    response = analyst_api.client.delete("/api/articles/", **analyst_api._headers())

    assert response.status_code == 405


def test_an_api_address_without_its_final_slash_is_sent_to_the_one_with_it(client):
    response = client.get("/api/docs?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/docs/?x=1"


def test_an_unknown_api_address_without_a_slash_is_still_a_json_404(client):
    response = client.get("/api/nowhere")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
