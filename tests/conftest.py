import os

import pytest

from newsdesk.groups import ensure_role_groups
from newsdesk.roles import ADMIN, ANALYST, EDITOR
from tests.factories import UserFactory

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
