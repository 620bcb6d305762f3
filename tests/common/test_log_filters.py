"""What the console shows of a refused request: one line, no traceback, not twice."""

from __future__ import annotations

import io
import logging

import pytest
from django.urls import reverse

from common.log_filters import ClientErrorsBriefly


@pytest.fixture
def console():
    """What the root logger's console handler writes while the test runs."""
    (handler,) = [h for h in logging.getLogger().handlers if any(
        isinstance(f, ClientErrorsBriefly) for f in h.filters)]  # fmt: skip
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_forbidden_page_is_logged_once_without_a_traceback(analyst_client, console):
    # The outlet report is for editors: an analyst is refused.
    assert analyst_client.get(reverse("outlet-report")).status_code == 403
    out = console.getvalue()
    assert out.count("Forbidden (Permission denied)") == 1
    assert "Traceback" not in out


def test_a_server_error_keeps_its_traceback(console):
    try:
        raise ValueError("written for the tests")
    except ValueError:
        logging.getLogger("django.request").error(
            "Internal Server Error: /x/", exc_info=True, extra={"status_code": 500}
        )
    out = console.getvalue()
    assert out.count("Internal Server Error") == 1
    assert "Traceback" in out and "ValueError: written for the tests" in out
