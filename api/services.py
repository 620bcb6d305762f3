"""API tokens: creating, revoking, and finding the user behind a presented token."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from api.models import ApiToken

TOKEN_PREFIX = "nd_"
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=5)


def token_hash(raw: str) -> str:
    # The tokens are 256 random bits, so a fast hash is enough: there is nothing to guess.
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """Store a new token for user; returns it with the raw value, which is not kept."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], prefix=raw[:10], key_hash=token_hash(raw)
    )
    return token, raw


def token_revoke(*, token: ApiToken) -> None:
    token.delete()


def token_user(*, raw: str):
    """The active user a raw token belongs to, or None."""
    if not raw or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=token_hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
