"""Roles are Django groups ranked Analyst < Editor < Admin; each includes the ones below."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

ANALYST, EDITOR, ADMIN = "Analyst", "Editor", "Admin"
RANKS = {ANALYST: 1, EDITOR: 2, ADMIN: 3}


def user_rank(user) -> int:
    if not user.is_authenticated or not user.is_active:
        return 0
    if user.is_superuser:
        return RANKS[ADMIN]
    # Cached per user object: a request asks several times.
    if not hasattr(user, "_newsdesk_rank"):
        names = user.groups.values_list("name", flat=True)
        user._newsdesk_rank = max((RANKS.get(n, 0) for n in names), default=0)
    return user._newsdesk_rank


def has_role(user, role: str) -> bool:
    return user_rank(user) >= RANKS[role]


def role_required(role: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not has_role(request.user, role):
                raise PermissionDenied(f"This page needs the {role} role.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def role_context(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    rank = user_rank(user) if user is not None else 0
    return {
        "is_analyst": rank >= RANKS[ANALYST],
        "is_editor": rank >= RANKS[EDITOR],
        "is_admin": rank >= RANKS[ADMIN],
    }
