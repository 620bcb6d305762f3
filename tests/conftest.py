"""Fixtures shared by the tests of several packages. Those of one package are in its own
conftest.py; the local feed server (tests/feed_server.py) is a plugin, as both the
newsdesk tests and the worker tests in tests/integration/ poll through it."""

import json
import os

import pytest

from analysis.services import article_score
from api.services import token_create
from newsdesk.groups import ensure_role_groups
from newsdesk.models import Article
from newsdesk.roles import ADMIN, ANALYST, EDITOR
from tests.factories import UserFactory

pytest_plugins = ["tests.feed_server"]

# Where the project's shared seed corpus lives (a sibling of the repository).
SHARED_CORPUS = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "shared", "corpus"
)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the login throttle and the API's rate limit
    count in it, and one test's counts must not spill into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def roles(db):
    ensure_role_groups()


@pytest.fixture
def analyst(roles):
    return UserFactory(username="ana", role=ANALYST)


@pytest.fixture
def editor(roles):
    return UserFactory(username="eddie", role=EDITOR)


@pytest.fixture
def admin_user(roles):
    return UserFactory(username="ada", role=ADMIN)


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def seed_text() -> str:
    with open(
        os.path.join(SHARED_CORPUS, "seed-sputnik-afghan-soldiers.txt"), encoding="utf-8"
    ) as f:
        return f.read()


def scorer_names() -> set[str]:
    """Every registered scorer: tests compare with this, so a new scorer needs no edits here."""
    from analysis.scoring import all_scorers

    return {s.name for s in all_scorers()}


@pytest.fixture
def score():
    """Run every scorer on an article now, as the Celery task would, and reload it."""

    def run(article: Article) -> Article:
        assert article_score(article_id=article.pk)
        article.refresh_from_db()
        return article

    return run


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
