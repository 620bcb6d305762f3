"""Security headers on every response: CSP, framing, referrer, sniffing, HSTS."""

from __future__ import annotations

import pytest
from django.test import override_settings

from common.security import csp_header_value

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("path", ["/login/", "/articles/", "/no-such-page/", "/admin/login/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


def test_the_policy_allows_no_inline_script_or_style(client):
    directives = csp_directives(client.get("/login/"))

    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    for sources in directives.values():
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources


def test_pages_for_analysts_carry_the_policy_too(analyst_client):
    response = analyst_client.get("/articles/new/")

    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == ["'self'"]


def test_a_view_may_set_its_own_policy():
    from django.http import HttpResponse

    from common.security import ContentSecurityPolicyMiddleware

    def view(request):
        response = HttpResponse("x")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = ContentSecurityPolicyMiddleware(view)(None)

    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_the_header_is_written_from_the_settings_dict():
    assert (
        csp_header_value({"default-src": ["'self'"], "upgrade-insecure-requests": []})
        == "default-src 'self'; upgrade-insecure-requests"
    )


def test_https_responses_carry_hsts_for_a_year(client):
    # The test settings are the production ones with DEBUG off, apart from http cookies.
    response = client.get("/login/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "Strict-Transport-Security" not in client.get("/login/")


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_login_sets_secure_http_only_cookies_that_expire(client, analyst):
    client.get("/login/", secure=True)
    response = client.post(
        "/login/",
        {"username": analyst.username, "password": "correct horse battery staple"},
        secure=True,
    )

    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    assert 0 < int(session["max-age"]) <= 12 * 60 * 60
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]


def test_the_base_page_turns_off_htmx_inline_styles_and_eval(analyst_client):
    html = analyst_client.get("/articles/").content.decode()

    assert '<meta name="htmx-config"' in html
    assert '"includeIndicatorStyles": false' in html
    assert '"allowEval": false' in html
    # Scripts come from static files only.
    assert "<script>" not in html
    assert '<script src="/static/django_htmx/htmx-2.min.js" defer>' in html
