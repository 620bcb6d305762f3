"""htmx and the browser's cache."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers


class VaryOnHtmxMiddleware:
    """Every response varies on HX-Request. A page answers htmx with a fragment of itself
    at its own address (the article list's results, the scoring page's counts, an article
    still being scored): without the header the browser kept that fragment as the page and
    showed it, bare, when the user came Back to the address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_vary_headers(response, ("HX-Request",))
        return response
