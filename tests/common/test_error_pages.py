"""Error pages: a clear message, never a stack trace; a database outage is a 503."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

TRACE_MARKERS = ("Traceback", "File &quot;", 'File "', "OperationalError", "site-packages")


def assert_no_trace(html: str) -> None:
    for marker in TRACE_MARKERS:
        assert marker not in html


@pytest.fixture
def quiet_client(analyst):
    # Like a browser: the server's exception becomes its error page, not a test failure.
    client = Client(raise_request_exception=False)
    client.force_login(analyst)
    return client


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_error_in_a_view_gives_a_503_try_again_page(quiet_client, error):
    with mock.patch(
        "newsdesk.selectors.article_list",
        side_effect=error("could not connect to server: Connection refused"),
    ):
        response = quiet_client.get("/articles/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "<h1>Database unavailable</h1>" in html
    assert "try again in a minute" in html
    assert "Connection refused" not in html
    assert_no_trace(html)
    assert "Content-Security-Policy" in response


def test_a_database_error_before_the_view_gives_the_503_page_too(quiet_client):
    # Session and user lookups run in middleware, before any view.
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = quiet_client.get("/articles/")

    assert response.status_code == 503
    assert "Database unavailable" in response.content.decode()
    assert_no_trace(response.content.decode())


def test_a_database_error_on_a_post_gives_the_503_page(quiet_client):
    with mock.patch(
        "newsdesk.services.article_ingest", side_effect=OperationalError("database is locked")
    ):
        response = quiet_client.post(
            "/articles/new/paste/", {"text": "Five words or more here, surely enough."}
        )

    assert response.status_code == 503
    assert "database is locked" not in response.content.decode()


def test_any_other_error_gives_the_plain_500_page(quiet_client):
    with mock.patch(
        "newsdesk.selectors.article_list", side_effect=RuntimeError("secret internals")
    ):
        response = quiet_client.get("/articles/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Something went wrong</h1>" in html
    assert "secret internals" not in html
    assert_no_trace(html)


def test_the_error_is_logged_for_the_team(quiet_client, caplog):
    with mock.patch(
        "newsdesk.selectors.article_list", side_effect=OperationalError("disk I/O error")
    ):
        quiet_client.get("/articles/")

    errors = [r for r in caplog.records if r.name == "django.request"]
    assert errors and errors[0].exc_info[0] is OperationalError


def test_a_missing_page_gives_the_404_page(analyst_client):
    response = analyst_client.get("/articles/999999/")

    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.content.decode()


def test_a_forbidden_page_gives_the_403_page(analyst_client):
    response = analyst_client.get("/reports/outlets/")

    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.content.decode()
    assert "Editor role" in response.content.decode()


@override_settings(ALLOWED_HOSTS=["newsdesk.example.org"])
def test_a_request_for_another_host_gives_the_400_page(client):
    response = client.get("/login/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Bad request</h1>" in html
    assert "evil.example" not in html
    assert_no_trace(html)


def test_the_error_templates_do_not_need_the_database():
    # 500 and 503 are rendered while the database may be down: no base.html, no queries.
    from django.template import loader

    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=AssertionError("queried the database"),
    ):
        for name in ("500.html", "503.html"):
            assert "Newsdesk" in loader.get_template(name).render({})
