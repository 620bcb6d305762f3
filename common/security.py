"""Request-level hardening: the Content-Security-Policy header, login throttling, and a
clear "database unavailable" page instead of a stack trace.

Settings (see the security block of newsdesk/settings.py):
- SECURE_CSP: the policy as {directive: [sources]}, the format of Django 6.0's setting of
  the same name, so that an upgrade can switch to django.middleware.csp unchanged.
- LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_LIMIT_PER_IP, LOGIN_FAILURE_WINDOW, LOGIN_TRUSTED_PROXIES.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import sys
import time
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

# --- Content-Security-Policy ------------------------------------------------------------


def csp_header_value(policy: dict[str, list[str]]) -> str:
    parts = []
    for directive, sources in policy.items():
        parts.append(" ".join([directive, *sources]) if sources else directive)
    return "; ".join(parts)


class ContentSecurityPolicyMiddleware:
    """Adds the SECURE_CSP policy to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.value = csp_header_value(getattr(settings, "SECURE_CSP", {}))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.value and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.value
        return response


# --- NUL characters ------------------------------------------------------------------------
# No field takes NUL, and PostgreSQL cannot even compare a text with one: a filter, a path
# or a hidden form field holding %00 reached a query and answered 500. One check here, for
# every page and the API, before any view reads the request.

NUL_MESSAGE = "The request holds a NUL character (%00), which no field accepts."
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _nul_field(query) -> str | None:
    """The name of the first field whose name or value holds NUL, else None."""
    for key, values in query.lists():
        if "\x00" in key or any("\x00" in v for v in values):
            return key
    return None


def nul_problem(request: HttpRequest) -> tuple[int, str, str]:
    """(404, "path", "") for a path holding NUL (no page has such a name); (400, where,
    field) for a query string ("query") or form ("form") field holding one; else (0, "", "")."""
    if "\x00" in request.path_info:
        return 404, "path", ""
    if (field := _nul_field(request.GET)) is not None:
        return 400, "query", field
    form = request.method == "POST" and request.content_type in _FORM_TYPES
    if form and (field := _nul_field(request.POST)) is not None:
        return 400, "form", field
    return 0, "", ""


class RefuseNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        status, where, name = nul_problem(request)
        if not status:
            return self.get_response(request)
        api = request.path_info.startswith("/api/")
        if status == 404:
            if api:
                return JsonResponse({"detail": "Not Found"}, status=404)
            return HttpResponse("Not Found", status=404, content_type="text/plain; charset=utf-8")
        if api:
            # The API's answer for an invalid field, as its schema documents (422).
            error = {
                "loc": [where, name.replace("\x00", "")],
                "msg": NUL_MESSAGE,
                "type": "value_error",
            }
            return JsonResponse({"detail": [error]}, status=422)
        return HttpResponse(NUL_MESSAGE, status=400, content_type="text/plain; charset=utf-8")


# --- Database errors ----------------------------------------------------------------------

DATABASE_ERRORS = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database outage is a 503 "try again" page, anything else a plain 500.

    Django calls this from inside its exception handler, wherever the error was raised
    (a view or a middleware), so sys.exc_info() holds it. Neither page extends base.html
    nor runs context processors: they would query the database that has just failed.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_ERRORS):
        body = loader.get_template("503.html").render({})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render({}))


# --- Login throttling ---------------------------------------------------------------------
# Every attempt takes a slot in a fixed time window before the password is checked, with
# an atomic increment, so that parallel guesses cannot slip past the limit; a successful
# login gives its slots back. Counters live in the default cache: set CACHE_URL to Redis
# in production so that all server processes share them.


def _now() -> float:
    return time.time()


def _window() -> int:
    return settings.LOGIN_FAILURE_WINDOW


def _key(kind: str, value: str) -> tuple[str, int]:
    """The counter's cache key in the current window, and the seconds left in it."""
    window, now = _window(), _now()
    bucket = int(now // window)
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"login-throttle:{kind}:{digest}:{bucket}", math.ceil((bucket + 1) * window - now)


def client_ip(request: HttpRequest | None) -> str:
    """The client's address; behind N trusted proxies, the Nth entry from the right of
    X-Forwarded-For (entries further left are whatever the client chose to send)."""
    if request is None:
        return ""
    proxies = settings.LOGIN_TRUSTED_PROXIES
    if proxies:
        forwarded = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [h for h in forwarded if h]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _take(key: str, ttl: int) -> int:
    cache.add(key, 0, timeout=ttl + 1)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=ttl + 1)
        return 1


def _give_back(key: str) -> None:
    with contextlib.suppress(ValueError):  # expired meanwhile
        cache.decr(key)


def login_attempt_allowed(*, request: HttpRequest | None, username: str) -> int:
    """Take an attempt; 0 if allowed, else the seconds until the window resets."""
    user_key, ttl = _key("user", username.strip().lower())
    ip_key, _ = _key("ip", client_ip(request))
    by_user = _take(user_key, ttl)
    by_ip = _take(ip_key, ttl)
    if by_user > settings.LOGIN_FAILURE_LIMIT or by_ip > settings.LOGIN_FAILURE_LIMIT_PER_IP:
        return max(ttl, 1)
    return 0


def login_succeeded(*, request: HttpRequest | None, username: str) -> None:
    user_key, _ = _key("user", username.strip().lower())
    ip_key, _ = _key("ip", client_ip(request))
    cache.delete(user_key)
    _give_back(ip_key)


class ThrottledModelBackend(ModelBackend):
    """ModelBackend behind the login throttle, so that every login form (ours, the
    admin's, any later one) is throttled. When the limit is reached, even the right
    password is refused until the window resets."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get("username", "")
        if username is None or password is None:
            return None
        wait = login_attempt_allowed(request=request, username=str(username))
        if wait:
            if request is not None:
                request.login_throttled_for = wait
            logger.warning("Login throttled for %r from %s", username, client_ip(request))
            # PermissionDenied stops authenticate() from trying any other backend.
            raise PermissionDenied("too many login attempts")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            login_succeeded(request=request, username=str(username))
        return user


def throttled_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return (
        "Too many failed attempts to log in. For your account's safety, logging in is "
        f"paused: try again in {minutes} {unit}."
    )


class _ThrottleMessage:
    request: HttpRequest | None

    def get_invalid_login_error(self) -> forms.ValidationError:
        wait = getattr(self.request, "login_throttled_for", 0)
        if wait:
            return forms.ValidationError(throttled_message(wait), code="throttled")
        return super().get_invalid_login_error()  # type: ignore[misc]


class ThrottledAuthenticationForm(_ThrottleMessage, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(_ThrottleMessage, AdminAuthenticationForm):
    pass
