"""API tokens: creating, revoking, and finding the user behind a presented token."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from api.models import ApiToken

TOKEN_PREFIX = "nd_"
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=5)


def token_hash(raw: str) -> str:
    # The tokens are 256 random bits, so a fast hash is enough: there is nothing to guess.
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


# How long a new token works unless told otherwise: a forgotten token stops by itself.
DEFAULT_LIFETIME = dt.timedelta(days=90)


class TokenExpired(Exception):
    def __init__(self, token: ApiToken):
        super().__init__(
            f"This API token expired on {token.expires_at:%Y-%m-%d %H:%M} UTC; "
            "create a new one on your API tokens page."
        )


class TooManyRequests(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(
            f"More than {settings.NEWSDESK_API_RATE_LIMIT} requests in a minute with this "
            f"token; try again in {retry_after} s."
        )


def token_create(
    *,
    user,
    name: str,
    lifetime: dt.timedelta | None = DEFAULT_LIFETIME,
    expires_at: dt.datetime | None = None,
) -> tuple[ApiToken, str]:
    """Store a new token for user; returns it with the raw value, which is not kept.

    It expires ``lifetime`` from now, or at ``expires_at`` when given; with neither
    (``lifetime=None``) it never expires.
    """
    if expires_at is None and lifetime:
        expires_at = timezone.now() + lifetime
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100],
        prefix=raw[:10],
        key_hash=token_hash(raw),
        expires_at=expires_at,
    )
    return token, raw


def token_revoke(*, token: ApiToken) -> None:
    token.delete()


def token_user(*, raw: str):
    """The active user a raw token belongs to, or None.

    Raises TokenExpired for an expired token, and TooManyRequests past the token's
    requests per minute (NEWSDESK_API_RATE_LIMIT).
    """
    if not raw or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=token_hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    if token.expired:
        raise TokenExpired(token)
    _count_request(token)
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def _count_request(token: ApiToken) -> None:
    """Count a request in the token's current minute; refuse it past the limit.

    A fixed window in the cache (shared by all server processes when CACHE_URL points
    to Redis): cheap, and a burst at a minute's turn gets at most twice the limit.
    """
    now = timezone.now()
    key = f"api-rate:{token.key_hash[:20]}:{now:%Y%m%d%H%M}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > settings.NEWSDESK_API_RATE_LIMIT:
        raise TooManyRequests(retry_after=60 - now.second)
