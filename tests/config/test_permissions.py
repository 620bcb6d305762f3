"""Who may open which page: every URL name against every kind of visitor.

The matrix below has one row per URL name in newsdesk/urls.py. A new URL without a
row fails ``test_every_url_name_has_a_permission_row``, so its access rule has to be
decided, not inherited by accident.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from analysis.models import ScoringBatch
from annotations.models import Annotation, Label
from api.main import api
from api.models import ApiToken
from api.services import token_create
from newsdesk.models import Article, Event, IngestJob, Storyline
from tests.annotations.factories import AnnotationFactory
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
    "favicon": Row(
        "get",
        lambda o: reverse("favicon"),
        (301, "/static/favicon.svg"),
        {"anonymous": (301, "/static/favicon.svg")},
    ),
    "article-list": role_page(url=lambda o: reverse("article-list")),
    "article-new": role_page(url=lambda o: reverse("article-new")),
    # The ingest forms posted empty: the form is shown again with its errors.
    "article-paste": role_page("post", lambda o: reverse("article-paste"), 400),
    "article-upload": role_page("post", lambda o: reverse("article-upload"), 400),
    "article-import": role_page(url=lambda o: reverse("article-import")),
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
    "article-set-language": role_page(
        "post",
        lambda o: reverse("article-set-language", args=[o.article.pk]),
        (302, "article"),
        data=lambda o: {"language": "ru"},
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
    "storyline-list": role_page(url=lambda o: reverse("storyline-list")),
    "storyline-create": role_page(
        "post",
        lambda o: reverse("storyline-create"),
        (302, "new-storyline"),
        data=lambda o: {"title": "The valley floods"},
    ),
    "storyline-detail": role_page(url=lambda o: reverse("storyline-detail", args=[o.storyline.pk])),
    "storyline-rename": role_page(
        "post",
        lambda o: reverse("storyline-rename", args=[o.storyline.pk]),
        (302, "storyline"),
        data=lambda o: {"title": "Renamed"},
    ),
    "storyline-lock": role_page(
        "post", lambda o: reverse("storyline-lock", args=[o.storyline.pk]), (302, "storyline")
    ),
    "storyline-link": role_page(
        "post",
        lambda o: reverse("storyline-link", args=[o.storyline.pk]),
        (302, "storyline"),
        data=lambda o: {"event": o.other_event.pk},
    ),
    "storyline-unlink": role_page(
        "post",
        lambda o: reverse("storyline-unlink", args=[o.storyline.pk, o.event.pk]),
        (302, "storyline"),
    ),
    "scoring-status": role_page(url=lambda o: reverse("scoring-status")),
    "methodology": role_page(url=lambda o: reverse("methodology")),
    "event-pick": role_page(url=lambda o: reverse("event-pick")),
    # Posted empty: the headline is required, so the page says so and nothing changes.
    "article-edit-details": role_page(
        "post", lambda o: reverse("article-edit-details", args=[o.article.pk]), (302, "article")
    ),
    "article-pick": role_page(url=lambda o: reverse("article-pick")),
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
    # Another analyst's import: only its owner and admins may follow it.
    "ingest-job": role_page(
        url=lambda o: reverse("ingest-job", args=[o.job.pk]), analyst=404, editor=404
    ),
    "ingest-job-report": role_page(
        url=lambda o: reverse("ingest-job-report", args=[o.job.pk]), analyst=404, editor=404
    ),
    # The Django admin checks is_staff itself and sends everyone else to its own login.
    "admin": Row(
        "get",
        lambda o: reverse("admin:index"),
        (302, ADMIN_LOGIN),
        {"anonymous": (302, ADMIN_LOGIN), "admin": 200},
    ),
    # The API's own URLs are in API_MATRIX below; its docs page is public (it holds no data).
    "api": Row("get", lambda o: reverse("api:openapi-view"), 200, {"anonymous": 200}),
    "api-tokens": role_page(url=lambda o: reverse("api-tokens")),
    "api-token-create": role_page(
        "post",
        lambda o: reverse("api-token-create"),
        (302, "/account/api-tokens/"),
        data=lambda o: {"name": "notebook"},
    ),
    # Everyone's own tokens only: another user's token is not found.
    "api-token-revoke": role_page(
        "post", lambda o: reverse("api-token-revoke", args=[o.token.pk]), 404
    ),
    # Annotations: analysts annotate and reply; editors review, adjudicate, export and see
    # agreement; nobody edits, re-attaches or deletes another analyst's annotation (the
    # annotation below is someone else's). 302s go to "#annotation-N" fragments.
    "annotation-panel": role_page(url=lambda o: reverse("annotation-panel", args=[o.article.pk])),
    "annotation-create": role_page(
        "post", lambda o: reverse("annotation-create", args=[o.article.pk]), 400
    ),
    "annotation-suggestion-accept": role_page(
        "post",
        lambda o: reverse("annotation-suggestion-accept", args=[o.article.pk]),
        (302, "article"),
        data=lambda o: {"key": "claims v1 0:5"},
    ),
    "annotation-suggestion-dismiss": role_page(
        "post",
        lambda o: reverse("annotation-suggestion-dismiss", args=[o.article.pk]),
        (302, "article"),
        data=lambda o: {"key": "claims v1 0:5"},
    ),
    # What the newsroom teaches the scorers: admins only.
    "annotation-scorer-feedback": role_page(
        url=lambda o: reverse("annotation-scorer-feedback"), ok=403, admin=200
    ),
    "annotation-detail": role_page(url=lambda o: _annotation_url(o, "annotation-detail"), ok=302),
    "annotation-edit": role_page(url=lambda o: _annotation_url(o, "annotation-edit"), ok=403),
    "annotation-delete": role_page(
        "post",
        lambda o: _annotation_url(o, "annotation-delete"),
        403,
        data=lambda o: {"version": 1},
    ),
    "annotation-reattach": role_page(
        "post", lambda o: _annotation_url(o, "annotation-reattach"), 403
    ),
    "annotation-reply": role_page(
        "post",
        lambda o: _annotation_url(o, "annotation-reply"),
        302,
        data=lambda o: {"text": "Source?"},
    ),
    "annotation-article-review": role_page(
        url=lambda o: reverse("annotation-article-review", args=[o.article.pk]), analyst=403
    ),
    "annotation-review": role_page(
        "post",
        lambda o: _annotation_url(o, "annotation-review"),
        302,
        data=lambda o: {"status": "accepted", "version": 1},
        analyst=403,
    ),
    "annotation-adjudicate": role_page(
        "post", lambda o: reverse("annotation-adjudicate", args=[o.article.pk]), 400, analyst=403
    ),
    "annotation-event-agreement": role_page(
        url=lambda o: reverse("annotation-event-agreement", args=[o.event.pk]), analyst=403
    ),
    "annotation-export": role_page(url=lambda o: reverse("annotation-export"), analyst=403),
    "annotation-assignments": role_page(url=lambda o: reverse("annotation-assignments")),
    # Only the analysts of an assignment submit it.
    "annotation-assignment-submit": role_page(
        "post",
        lambda o: reverse("annotation-assignment-submit", args=[_assignment(o).pk]),
        403,
    ),
}


def _annotation_url(objs, name: str) -> str:
    """The URL ``name`` of an annotation that another analyst made on the article."""
    from tests.annotations.factories import AnnotationFactory

    if not hasattr(objs, "annotation"):
        objs.annotation = AnnotationFactory(article=objs.article)
    return reverse(name, args=[objs.annotation.pk])


def _assignment(objs):
    from annotations.models import Assignment

    return Assignment.objects.create(article=objs.article, blind=True)


def url_names(patterns) -> set[str]:
    """Every URL name at the top of the URLconf; an included app counts by its namespace."""
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver) and not pattern.namespace:
            names |= url_names(pattern.url_patterns)  # an app's URLs included at the top
        elif isinstance(pattern, URLResolver):
            names.add(pattern.namespace)
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
    token, _raw = token_create(user=UserFactory(role="Analyst"), name="someone else's")
    job = IngestJob.objects.create(kind="import", name="wire.jsonl", created_by=token.user)
    storyline = Storyline.objects.create(title="A storyline")
    Event.objects.filter(pk=event.pk).update(storyline=storyline, storyline_source="machine")
    return SimpleNamespace(
        job=job,
        outlet=outlet,
        storyline=storyline,
        event=event,
        other_event=other_event,
        article=article,
        batch=batch,
        token=token,
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
    elif where == "storyline":
        where = objs.storyline.get_absolute_url()
    elif where == "new-storyline":
        where = Storyline.objects.get(title="The valley floods").get_absolute_url()
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


def test_denied_language_change_by_a_user_without_a_role_changes_nothing(client, roles, objs):
    client.force_login(UserFactory())

    client.post(reverse("article-set-language", args=[objs.article.pk]), {"language": "ru"})

    objs.article.refresh_from_db()
    assert objs.article.language_source == ""


# --- The JSON API -----------------------------------------------------------------------
# One row per operation of the API's OpenAPI schema (method and path), for every kind of
# caller: no token, a token that is not valid, and the token of each kind of user. The
# session does not count: the API is used with tokens only.

API_CALLERS = ("anonymous", "bad-token", "norole", "analyst", "editor", "admin")


@dataclass(frozen=True)
class ApiRow:
    url: Callable
    expect: dict
    json: Callable | None = None


def api_row(url, ok=200, json=None, **expect) -> ApiRow:
    """An operation for the Analyst role: 401 without a valid token, 403 without a role."""
    return ApiRow(
        url=url,
        expect={
            "anonymous": 401,
            "bad-token": 401,
            "norole": 403,
            "analyst": ok,
            "editor": ok,
            "admin": ok,
            **expect,
        },
        json=json,
    )


def an_annotation(objs) -> Annotation:
    return AnnotationFactory(article=objs.article, creator=UserFactory(role="Analyst"))


INGESTED_TEXT = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in May, "
    "two years late and 40 million euros over budget."
)

API_MATRIX: dict[tuple[str, str], ApiRow] = {
    ("get", "/api/outlets/"): api_row(lambda o: reverse("api:outlet-list")),
    ("get", "/api/outlets/{slug}/"): api_row(lambda o: reverse("api:outlet", args=[o.outlet.slug])),
    ("get", "/api/articles/"): api_row(lambda o: reverse("api:article-list")),
    ("post", "/api/articles/"): api_row(
        lambda o: reverse("api:article-ingest"), 201, json=lambda o: {"text": INGESTED_TEXT}
    ),
    ("get", "/api/articles/{pk}/"): api_row(lambda o: reverse("api:article", args=[o.article.pk])),
    ("get", "/api/events/"): api_row(lambda o: reverse("api:event-list")),
    # Another user's job: only its owner and admins may follow it.
    ("get", "/api/jobs/{pk}/"): api_row(
        lambda o: reverse("api:job", args=[o.job.pk]), analyst=404, editor=404
    ),
    ("get", "/api/events/{pk}/"): api_row(lambda o: reverse("api:event", args=[o.event.pk])),
    ("get", "/api/storylines/"): api_row(lambda o: reverse("api:storyline-list")),
    ("get", "/api/storylines/{pk}/"): api_row(
        lambda o: reverse("api:storyline", args=[o.storyline.pk])
    ),
    ("get", "/api/annotations/"): api_row(lambda o: reverse("api:annotation-list")),
    ("get", "/api/annotations/{pk}/"): api_row(
        lambda o: reverse("api:annotation", args=[an_annotation(o).pk])
    ),
    ("post", "/api/annotations/"): api_row(
        lambda o: reverse("api:annotation-create"),
        201,
        json=lambda o: {"article": o.article.pk, "quote": "council met", "label": "Claim"},
    ),
}

# The API's URLs that are not operations: public, and JSON (or the docs page) for everyone.
API_PUBLIC = {
    "api-root": (lambda: reverse("api:api-root"), 200),
    "openapi-json": (lambda: reverse("api:openapi-json"), 200),
    "openapi-view": (lambda: reverse("api:openapi-view"), 200),
    "not-found": (lambda: "/api/no-such-thing/", 404),
}


def test_every_api_operation_has_a_permission_row():
    paths = api.get_openapi_schema()["paths"]
    operations = {(method, path) for path, ops in paths.items() for method in ops}
    assert operations == set(API_MATRIX)


def test_every_api_url_name_is_an_operation_or_public():
    (api_urls,) = [p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "api"]
    names = {p.name for p in api_urls.url_patterns}
    paths = api.get_openapi_schema()["paths"]
    operation_names = {
        p.name
        for p in api_urls.url_patterns
        if "/api/" + str(p.pattern).replace("<", "{").replace(">", "}") in paths
    }
    assert names == operation_names | set(API_PUBLIC)


@pytest.fixture
def api_headers(roles):
    def headers(caller: str) -> dict:
        if caller == "anonymous":
            return {}
        if caller == "bad-token":
            return {"HTTP_AUTHORIZATION": "Bearer nd_not-a-token-anyone-was-given"}
        role = {"norole": None, "analyst": "Analyst", "editor": "Editor", "admin": "Admin"}
        _token, raw = token_create(user=UserFactory(role=role[caller]), name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return headers


@pytest.mark.parametrize("caller", API_CALLERS)
@pytest.mark.parametrize("operation", sorted(API_MATRIX), ids=" ".join)
def test_the_api_permission_matrix_holds(operation, caller, objs, client, api_headers):
    method, _path = operation
    row = API_MATRIX[operation]
    body = row.json(objs) if row.json else None
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body else {}

    response = getattr(client, method)(row.url(objs), **kwargs, **api_headers(caller))

    assert response.status_code == row.expect[caller], f"{caller} {method.upper()} {_path}"
    assert response["Content-Type"].startswith("application/json")
    if response.status_code in (401, 403):
        assert "detail" in response.json()


@pytest.mark.parametrize("caller", API_CALLERS)
@pytest.mark.parametrize("name", sorted(API_PUBLIC))
def test_the_api_schema_docs_and_unknown_paths_answer_everyone(name, caller, client, api_headers):
    url, status = API_PUBLIC[name]

    response = client.get(url(), **api_headers(caller))

    assert response.status_code == status
    if name != "openapi-view":
        assert response["Content-Type"].startswith("application/json")


def test_a_signed_in_session_without_a_token_gets_401_from_the_api(client, objs):
    client.force_login(UserFactory(role="Admin"))

    response = client.get(reverse("api:article-list"))

    assert response.status_code == 401


def test_an_api_write_refused_for_lack_of_a_role_stores_nothing(client, objs, api_headers):
    before = set(Article.objects.values_list("pk", flat=True))

    response = client.post(
        reverse("api:article-ingest"),
        data=json.dumps({"text": INGESTED_TEXT}),
        content_type="application/json",
        **api_headers("norole"),
    )

    assert response.status_code == 403
    assert set(Article.objects.values_list("pk", flat=True)) == before
    assert ApiToken.objects.count() == 2  # someone else's, and this caller's


# --- What the Admin role may do in the Django admin (issue 13) --------------------------


@pytest.fixture
def admin_session(client, admin_user):
    client.force_login(admin_user)
    return client


def test_an_admin_gives_roles_and_nothing_else(admin_session, admin_user, analyst):
    from django.contrib.auth.models import Group

    page = admin_session.get(f"/admin/auth/user/{analyst.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert set(form.fields) == {"groups"}  # no is_superuser, permissions or password

    editor_group = Group.objects.get(name="Editor")
    response = admin_session.post(
        f"/admin/auth/user/{analyst.pk}/change/",
        {"groups": [editor_group.pk], "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 302
    analyst.refresh_from_db()
    assert list(analyst.groups.values_list("name", flat=True)) == ["Editor"]
    assert not analyst.is_superuser and not analyst.is_staff

    # Not its own permissions, not a group's, not anyone's password, not a new user.
    assert not admin_user.has_perm("auth.change_permission")
    assert not admin_user.has_perm("auth.change_group")
    assert not admin_user.has_perm("annotations.change_annotation")
    assert admin_session.get(f"/admin/auth/user/{analyst.pk}/password/").status_code == 403
    admins = Group.objects.get(name="Admin")
    change_group = admin_session.post(
        f"/admin/auth/group/{admins.pk}/change/", {"name": "Admin", "permissions": []}
    )
    assert change_group.status_code == 403
    assert admins.permissions.exists()
    assert admin_session.get("/admin/auth/user/add/").status_code == 403


def test_an_admin_cannot_edit_a_superuser(admin_session):
    from tests.factories import UserFactory

    boss = UserFactory(username="root")
    boss.is_superuser = True
    boss.save()

    assert (
        admin_session.post(f"/admin/auth/user/{boss.pk}/change/", {"groups": []}).status_code == 403
    )


def test_annotations_cannot_be_deleted_in_the_admin_whatever_the_permissions(
    admin_session, admin_user
):
    # Even holding annotations.delete_annotation (an Admin could once grant it to itself),
    # no one deletes an annotation in the admin: its services keep the history.
    from django.contrib.auth.models import Permission

    admin_user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="annotations",
            codename__in=["view_annotation", "delete_annotation"],
        )
    )
    annotation = AnnotationFactory()

    page = admin_session.get(f"/admin/annotations/annotation/{annotation.pk}/delete/")
    bulk = admin_session.post(
        "/admin/annotations/annotation/",
        {"action": "delete_selected", "_selected_action": [annotation.pk], "post": "yes"},
    )

    assert page.status_code == 403
    assert Annotation.objects.filter(pk=annotation.pk).exists()
    assert bulk.status_code in (200, 302)  # the list again: the action is not offered


# Found in a QA pass: the Admin role could not see the annotation labels in the Django
# admin (its group had no permission in the annotations app), though admins are the ones
# who manage that vocabulary; annotations themselves stay out of their reach there.


def test_an_admin_manages_the_annotation_labels_in_the_django_admin(admin_client_):
    index = admin_client_.get(reverse("admin:index")).content.decode()
    assert reverse("admin:annotations_label_changelist") in index

    response = admin_client_.post(
        reverse("admin:annotations_label_add"),
        {"name": "Unsupported figure", "takes_verdict": "on", "position": 7, "is_active": "on"},
    )
    assert response.status_code == 302
    assert Label.objects.get(name="Unsupported figure").takes_verdict


def test_an_admin_still_cannot_change_or_delete_annotations_in_the_django_admin(admin_user):
    assert admin_user.has_perm("annotations.change_label")
    assert not admin_user.has_perm("annotations.delete_annotation")
    assert not admin_user.has_perm("annotations.change_annotation")
