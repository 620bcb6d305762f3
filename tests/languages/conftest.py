import pytest

from api.services import token_create
from tests.api.conftest import TokenClient


@pytest.fixture
def analyst_api(client, analyst) -> TokenClient:
    _token, raw = token_create(user=analyst, name="tests")
    return TokenClient(client, raw)
