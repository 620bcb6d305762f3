import pytest

from newsdesk.roles import ANALYST
from tests.factories import ArticleFactory, UserFactory

BODY = (
    "The ministry said 1,500 soldiers crossed the border on Monday.\n\n"
    "Officials called the move a disgrace. The ministry said 1,500 soldiers would return.\n\n"
    "Critics said the figure was inflated."
)


@pytest.fixture
def article(db):
    return ArticleFactory(body=BODY, raw=BODY)


@pytest.fixture
def second_analyst(roles):
    return UserFactory(username="bea", role=ANALYST)


def span_of(text: str, quote: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)
