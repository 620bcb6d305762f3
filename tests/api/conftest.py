import json

import pytest

from api.services import token_create


class TokenClient:
    """The test client with an API token: get/post JSON, as a script would."""

    def __init__(self, client, raw: str):
        self.client, self.raw = client, raw

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.raw}"}

    def get(self, url: str, params: dict | None = None):
        return self.client.get(url, params or {}, **self._headers())

    def post(self, url: str, body):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.client.post(url, data, content_type="application/json", **self._headers())


@pytest.fixture
def analyst_api(client, analyst) -> TokenClient:
    _token, raw = token_create(user=analyst, name="tests")
    return TokenClient(client, raw)
