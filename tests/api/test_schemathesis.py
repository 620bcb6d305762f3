"""Schemathesis generates requests from the API's own OpenAPI schema and sends them, with
a valid token, through the WSGI application: valid and invalid data, for every operation.

No generated request may get a 500, and every answer must match what the schema says
(status codes, content type, body).
"""

import socket

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.services import token_create
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def no_dns(monkeypatch):
    """A URL to fetch gets as far as the DNS lookup, which fails: no request leaves the
    machine. The host is encoded as the real lookup would, so that encoding errors show."""

    def lookup(host, *args, **kwargs):
        host.encode("idna")
        raise socket.gaierror("no DNS in this test")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)


@pytest.fixture
def wsgi_app():
    """The WSGI application, on the test's database connection and transaction (as the
    test client does it: a finished request would otherwise close the connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_breaks_the_api(mode, analyst, no_dns, wsgi_app, settings):
    # Hundreds of requests a minute with one token: past the rate limit every operation
    # would answer 429 and the rest of the API would go untested (tests/api/test_tokens.py
    # covers the limit).
    settings.NEWSDESK_API_RATE_LIMIT = 1_000_000
    event = EventFactory()
    ArticleFactory(outlet=OutletFactory(slug="wire"), event=event)
    _token, raw = token_create(user=analyst, name="schemathesis")
    headers = {"Authorization": f"Bearer {raw}"}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
