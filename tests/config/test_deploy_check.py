"""Production settings: `check --deploy` is clean and the hardening is on."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process: no DEBUG, no test settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "SECURE_COOKIES", "SECURE_SSL_REDIRECT")
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process.
        and not k.startswith(("SECURE_HSTS", "SESSION_", "LOGIN_", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="newsdesk.example.org",
    )
    env.update(overrides)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_deploy_check_is_clean_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_deploy_check_catches_a_weak_setup():
    # The same check with HSTS off fails: the clean run above is not a check that cannot fail.
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(SECURE_HSTS_SECONDS="0"),
    )

    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_production_settings_turn_the_hardening_on():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
        "'CSRF_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS',"
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS',"
        "'SECURE_REFERRER_POLICY', 'SESSION_COOKIE_AGE', 'AUTH_PASSWORD_VALIDATORS',"
        "'AUTHENTICATION_BACKENDS', 'SECURE_CSP', 'MIDDLEWARE')}))"
    )
    result = run(["-c", script], production_env())
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)

    assert s["DEBUG"] is False
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["SESSION_COOKIE_HTTPONLY"] and s["CSRF_COOKIE_HTTPONLY"]
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 180
    assert s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert s["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert s["X_FRAME_OPTIONS"] == "DENY"
    assert s["SECURE_REFERRER_POLICY"] == "same-origin"
    assert 0 < s["SESSION_COOKIE_AGE"] <= 60 * 60 * 12
    assert len(s["AUTH_PASSWORD_VALIDATORS"]) >= 4
    assert s["AUTHENTICATION_BACKENDS"] == ["common.security.ThrottledModelBackend"]
    assert s["SECURE_CSP"]["script-src"] == ["'self'"]
    assert "common.security.ContentSecurityPolicyMiddleware" in s["MIDDLEWARE"]


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run(["manage.py", "check"], env)

    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_x_forwarded_proto_is_trusted_only_when_asked():
    # Issue 13: trusted by default, a client sending "X-Forwarded-Proto: https" over plain
    # http to gunicorn on 0.0.0.0 was treated as secure.
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )

    by_default = run(["-c", script], production_env())
    asked = run(["-c", script], production_env(TRUST_X_FORWARDED_PROTO="1"))

    assert by_default.stdout.strip() == "None", by_default.stderr
    assert asked.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", asked.stderr
