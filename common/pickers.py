"""The search-as-you-type picker's fragment (templates/partials/pick.html)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def pick_response(request: HttpRequest, kind: str, items: list) -> HttpResponse:
    context = {
        "items": items,
        "kind": kind,
        "name": request.GET.get("name", kind),
        "query": request.GET.get("pick", ""),
    }
    return render(request, "partials/pick.html", context)
