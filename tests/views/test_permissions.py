"""Who may open which page: every URL name against every kind of visitor.

The matrix below has one row per URL name in newsdesk/urls.py. A new URL without a
row fails ``test_every_url_name_has_a_permission_row``, so its access rule has to be
decided, not inherited by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from analysis.models import ScoringBatch
from newsdesk.models import Event
from tests.factories import ArticleFactory, EventFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anonymous", "norole", "analyst", "editor", "admin")
SIGNED_IN = VISITORS[1:]

# Redirect targets that get "?next=<this URL>" appended.
LOGIN = "login?next"
ADMIN_LOGIN = "admin-login?next"
NEXT_TARGETS = {LOGIN: "/login/", ADMIN_LOGIN: "/admin/login/"}


@dataclass(frozen=True)
class Row:
    """How to request one URL, and what each visitor gets back.

    ``expect`` maps a visitor to a status code, or to (302, where) for a redirect;
    where is a path, "article" (the article's page), "new-event" (the created event's
    page), or LOGIN / ADMIN_LOGIN ("to that login page, with ?next= this URL").
    Visitors not listed get ``default``, except that anonymous visitors are sent to the
    login page unless their row says otherwise.
    """

    method: str
    url: Callable
    default: int | tuple
    expect: dict = field(default_factory=dict)
    data: Callable = lambda objs: {}


def role_page(method="get", url=None, ok=200, data=None, **expect):
    """A page behind role_required(ANALYST): 403 without a role, ``ok`` with one."""
    return Row(
        method=method,
        url=url,
        default=ok,
        expect={"norole": 403, **expect},
        data=data or (lambda objs: {}),
    )


MATRIX: dict[str, Row] = {
    "home": Row("get", lambda o: reverse("home"), (302, "/articles/")),
    "login": Row("get", lambda o: reverse("login"), 200, {"anonymous": 200}),
    "logout": Row("post", lambda o: reverse("logout"), (302, "/login/")),
    "article-list": role_page(url=lambda o: reverse("article-list")),
    "article-new": role_page(url=lambda o: reverse("article-new")),
    # The ingest forms posted empty: the form is shown again with its errors.
    "article-paste": role_page("post", lambda o: reverse("article-paste"), 400),
    "article-upload": role_page("post", lambda o: reverse("article-upload"), 400),
    "article-fetch": role_page("post", lambda o: reverse("article-fetch"), 400),
    "article-detail": role_page(url=lambda o: reverse("article-detail", args=[o.article.pk])),
    "article-set-event": role_page(
        "post",
        lambda o: reverse("article-set-event", args=[o.article.pk]),
        (302, "article"),
        data=lambda o: {"event": o.other_event.pk},
    ),
    "article-rescore": role_page(
        "post", lambda o: reverse("article-rescore", args=[o.article.pk]), (302, "article")
    ),
    "outlet-list": role_page(url=lambda o: reverse("outlet-list")),
    "outlet-detail": role_page(url=lambda o: reverse("outlet-detail", args=[o.outlet.slug])),
    "event-list": role_page(url=lambda o: reverse("event-list")),
    "event-create": role_page(
        "post",
        lambda o: reverse("event-create"),
        (302, "new-event"),
        data=lambda o: {"title": "Flooding in the valley", "description": ""},
    ),
    "event-detail": role_page(url=lambda o: reverse("event-detail", args=[o.event.pk])),
    "event-rename": role_page(
        "post",
        lambda o: reverse("event-rename", args=[o.event.pk]),
        (302, "event"),
        data=lambda o: {"title": "Renamed"},
    ),
    "event-lock": role_page(
        "post", lambda o: reverse("event-lock", args=[o.event.pk]), (302, "event")
    ),
    "event-merge": role_page(
        "post",
        lambda o: reverse("event-merge", args=[o.event.pk]),
        (302, "other-event"),
        data=lambda o: {"other": o.other_event.pk},
    ),
    "event-split": role_page(
        "post",
        lambda o: reverse("event-split", args=[o.event.pk]),
        (302, "split-event"),
        data=lambda o: {"title": "Split off", "articles": [o.article.pk]},
    ),
    "event-export": role_page(
        url=lambda o: reverse("event-export", args=[o.event.pk]), analyst=403
    ),
    # Reviewing a comparison report is an editor's job.
    "event-review": role_page(
        "post",
        lambda o: reverse("event-review", args=[o.event.pk]),
        (302, "event"),
        data=lambda o: {"comment": "Checked"},
        analyst=403,
    ),
    "scoring-status": role_page(url=lambda o: reverse("scoring-status")),
    "outlet-report": role_page(url=lambda o: reverse("outlet-report"), analyst=403),
    "blindspots": role_page(url=lambda o: reverse("blindspots"), analyst=403),
    "rescore": role_page(
        "post",
        lambda o: reverse("rescore"),
        (302, "/scoring/"),
        data=lambda o: {"everything": "on"},
        analyst=403,
        editor=403,
    ),
    "batch-progress": role_page(url=lambda o: reverse("batch-progress", args=[o.batch.pk])),
    # The Django admin checks is_staff itself and sends everyone else to its own login.
    "admin": Row(
        "get",
        lambda o: reverse("admin:index"),
        (302, ADMIN_LOGIN),
        {"anonymous": (302, ADMIN_LOGIN), "admin": 200},
    ),
}


def url_names(patterns) -> set[str]:
    """Every URL name at the top of the URLconf; an included app counts by its namespace."""
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names.add(pattern.namespace or pattern.pattern.describe())
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"{pattern.pattern.describe()} has no name"
            names.add(pattern.name)
    return names


def test_every_url_name_has_a_permission_row():
    assert url_names(get_resolver().url_patterns) == set(MATRIX)


@pytest.fixture
def objs(roles):
    outlet = OutletFactory()
    event, other_event = EventFactory(), EventFactory()
    article = ArticleFactory(outlet=outlet, event=event)
    batch = ScoringBatch.objects.create(label="Nightly", total=3, done=1)
    return SimpleNamespace(
        outlet=outlet, event=event, other_event=other_event, article=article, batch=batch
    )


@pytest.fixture
def visitor_client(client, roles):
    def login(visitor: str):
        if visitor == "anonymous":
            return client
        role = {"norole": None, "analyst": "Analyst", "editor": "Editor", "admin": "Admin"}
        client.force_login(UserFactory(role=role[visitor]))
        return client

    return login


def expected(row: Row, visitor: str, url: str, objs) -> tuple[int, str | None]:
    if visitor == "anonymous" and visitor not in row.expect:
        outcome = (302, LOGIN)
    else:
        outcome = row.expect.get(visitor, row.default)
    if isinstance(outcome, int):
        return outcome, None
    status, where = outcome
    if where in NEXT_TARGETS:
        where = f"{NEXT_TARGETS[where]}?next={url}"
    elif where == "article":
        where = objs.article.get_absolute_url()
    elif where == "new-event":
        where = Event.objects.get(title="Flooding in the valley").get_absolute_url()
    elif where == "event":
        where = objs.event.get_absolute_url()
    elif where == "other-event":
        where = objs.other_event.get_absolute_url()
    elif where == "split-event":
        where = Event.objects.get(title="Split off").get_absolute_url()
    return status, where


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_the_permission_matrix_holds(name, visitor, objs, visitor_client):
    row = MATRIX[name]
    url = row.url(objs)
    client = visitor_client(visitor)

    response = getattr(client, row.method)(url, row.data(objs))

    status, where = expected(row, visitor, url, objs)
    assert response.status_code == status, f"{visitor} {row.method.upper()} {url}"
    if where is not None:
        assert response["Location"] == where


@pytest.mark.parametrize("visitor", SIGNED_IN)
@pytest.mark.parametrize("name", sorted(n for n, r in MATRIX.items() if r.method == "post"))
def test_post_only_urls_refuse_a_get(name, visitor, objs, visitor_client):
    client = visitor_client(visitor)

    response = client.get(MATRIX[name].url(objs))

    assert response.status_code == 405


def test_a_user_without_a_role_is_told_why_an_analyst_page_is_refused(client, roles):
    client.force_login(UserFactory())

    response = client.get(reverse("article-list"))

    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()
    assert "needs the Analyst role" in response.content.decode()


def test_denied_writes_change_nothing(client, roles, objs):
    client.force_login(UserFactory(role="Editor"))

    client.post(reverse("rescore"), {"everything": "on"})

    assert not ScoringBatch.objects.exclude(pk=objs.batch.pk).exists()
    objs.article.refresh_from_db()
    assert objs.article.scoring_status == "pending"


def test_denied_event_change_by_a_user_without_a_role_changes_nothing(client, roles, objs):
    client.force_login(UserFactory())

    client.post(
        reverse("article-set-event", args=[objs.article.pk]), {"event": objs.other_event.pk}
    )

    objs.article.refresh_from_db()
    assert objs.article.event == objs.event
