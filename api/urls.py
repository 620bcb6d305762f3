"""The API's URLs: ninja's operations, its schema and docs, and JSON for everything else.

Access is decided per operation by its token and role, so Django's
LoginRequiredMiddleware (which would send an API client to the login page) is told to
leave these views alone. The schema and the docs are public: they hold no data.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, path, resolve, reverse

from api.main import api


@login_not_required
def home(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {"schema": reverse("api:openapi-json"), "docs": reverse("api:openapi-view")}
    )


@login_not_required
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """JSON 404, except that an address missing only its final slash (``/api/docs``) is
    sent on to the one with it, as Django's APPEND_SLASH does for the pages."""
    if request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return JsonResponse({"detail": "Not Found"}, status=404)


def _patterns() -> list:
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        login_not_required(pattern.callback)
    # ninja's root view answers with Django's HTML 404; its name is what ninja reverses
    # to find the API's prefix, so the replacement keeps it.
    patterns = [p for p in patterns if p.name != "api-root"]
    return [
        path("", home, name="api-root"),
        *patterns,
        path("<path:rest>", not_found, name="not-found"),
    ]


app_name = "api"
urlpatterns = _patterns()
