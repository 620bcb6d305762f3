"""Token authentication with the pages' roles: 401 without a valid token, 403 without the role."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer

from api.services import token_user
from newsdesk.roles import has_role


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``, for users holding at least ``role``."""

    def __init__(self, role: str):
        super().__init__()
        self.role = role

    def authenticate(self, request: HttpRequest, token: str):
        user = token_user(raw=token)  # TokenExpired, TooManyRequests: see api.errors
        if user is None:
            return None
        if not has_role(user, self.role):
            raise HttpError(403, f"This endpoint needs the {self.role} role.")
        # Services and logs look at request.user, as they do for the pages.
        request.user = user
        return user
