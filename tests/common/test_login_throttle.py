"""Login throttling: password guessing is cut off per account and per address."""

from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LIMIT = settings.LOGIN_FAILURE_LIMIT


def log_in(client, username: str, password: str, path: str = "/login/", **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def fail(client, username: str, times: int, **extra) -> None:
    for _ in range(times):
        response = log_in(client, username, "wrong guess", **extra)
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_attempt_after_the_limit_is_refused_even_with_the_right_password(client, analyst):
    start = 1_000_000 * settings.LOGIN_FAILURE_WINDOW  # the start of a window
    with mock.patch("common.security._now", return_value=start + 5):
        fail(client, analyst.username, LIMIT)
        response = log_in(client, analyst.username, PASSWORD)

    assert response.status_code == 200
    assert "Too many failed attempts to log in" in response.content.decode()
    assert "try again in 15 minutes" in response.content.decode()
    assert not is_logged_in(client)


def test_fewer_failures_than_the_limit_do_not_stop_the_right_password(client, analyst):
    fail(client, analyst.username, LIMIT - 1)

    response = log_in(client, analyst.username, PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_throttle_resets_when_the_window_has_passed(client, analyst):
    start = 1_000_000 * settings.LOGIN_FAILURE_WINDOW  # the start of a window
    with mock.patch("common.security._now", return_value=start + 10):
        fail(client, analyst.username, LIMIT)
        assert "Too many" in log_in(client, analyst.username, PASSWORD).content.decode()
    with mock.patch("common.security._now", return_value=start + settings.LOGIN_FAILURE_WINDOW + 1):
        response = log_in(client, analyst.username, PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_clears_the_account_failures(client, analyst):
    fail(client, analyst.username, LIMIT - 1)
    assert log_in(client, analyst.username, PASSWORD).status_code == 302
    client.logout()

    fail(client, analyst.username, LIMIT - 1)
    assert log_in(client, analyst.username, PASSWORD).status_code == 302


def test_the_account_counter_ignores_the_case_of_the_username(client, analyst):
    fail(client, analyst.username.upper(), LIMIT)

    response = log_in(client, analyst.username, PASSWORD)

    assert "Too many failed attempts" in response.content.decode()


def test_one_account_locked_does_not_lock_another(client, analyst, editor):
    fail(client, analyst.username, LIMIT)
    log_in(client, analyst.username, "wrong guess")
    assert "Too many" in log_in(client, analyst.username, PASSWORD).content.decode()

    assert log_in(client, editor.username, PASSWORD).status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT_PER_IP=8)
def test_guessing_across_many_accounts_from_one_address_is_throttled(client, roles):
    victim = UserFactory()
    for n in range(8):
        fail(client, f"nobody{n}", 1)

    response = log_in(client, victim.username, PASSWORD)

    assert "Too many failed attempts" in response.content.decode()
    # Another address is not affected.
    assert log_in(client, victim.username, PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 302


@override_settings(LOGIN_FAILURE_LIMIT_PER_IP=3, LOGIN_TRUSTED_PROXIES=1)
def test_behind_a_proxy_the_address_comes_from_x_forwarded_for(client, roles):
    victim = UserFactory()
    for n in range(3):
        fail(client, f"nobody{n}", 1, HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.7")

    refused = log_in(client, victim.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7")
    other = log_in(client, victim.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.8")

    assert "Too many failed attempts" in refused.content.decode()
    assert other.status_code == 302


def test_the_admin_login_is_throttled_too(client, admin_user):
    admin_user.is_staff = True
    admin_user.save()
    for _ in range(LIMIT):
        log_in(client, admin_user.username, "wrong guess", path="/admin/login/")

    response = log_in(client, admin_user.username, PASSWORD, path="/admin/login/")

    assert response.status_code == 200
    assert "Too many failed attempts to log in" in response.content.decode()
    assert not is_logged_in(client)


def test_passwords_are_validated(analyst):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password", "12345678", "short", analyst.username + "1"):
        with pytest.raises(ValidationError):
            validate_password(weak, user=analyst)
    validate_password("a much longer passphrase of words", user=analyst)
