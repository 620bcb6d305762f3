"""The page where people create and revoke their own API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from api import services
from api.forms import TokenForm
from newsdesk.roles import ANALYST, role_required


def _page(request: HttpRequest, form: TokenForm, new_token: str = "", status: int = 200):
    context = {
        "form": form,
        "tokens": request.user.api_tokens.all(),
        "new_token": new_token,
        "rate_limit": settings.NEWSDESK_API_RATE_LIMIT,
    }
    return render(request, "api/tokens.html", context, status=status)


# The new token travels to the page after the redirect in the (server-side) session and
# is removed from it by that page, so a reload neither shows it again nor, as a reload
# of the POST would, creates a second token.
_NEW_TOKEN = "api-new-token"


@never_cache
@role_required(ANALYST)
def token_list(request: HttpRequest) -> HttpResponse:
    return _page(request, TokenForm(), new_token=request.session.pop(_NEW_TOKEN, ""))


@never_cache
@require_POST
@role_required(ANALYST)
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    # Never put in a message: messages can travel in a cookie.
    _token, raw = services.token_create(
        user=request.user, name=form.cleaned_data["name"], lifetime=form.lifetime_delta()
    )
    request.session[_NEW_TOKEN] = raw
    return redirect("api-tokens")


@require_POST
@role_required(ANALYST)
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    services.token_revoke(token=token)
    messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("api-tokens")
