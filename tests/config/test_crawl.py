"""Every page each role can reach by following links: none answers 500, and no page shows
a role a link that would answer 403 (issue 17: the Assignments page offered analysts a
review link they may not follow)."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse

from annotations.services import annotation_create, assignment_create
from newsdesk.models import Article, Event
from tests.annotations.factories import label

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#][^"]*)"')
# Pages not followed: leaving the session, files and the admin's own internals (the admin
# is Django's; its links are its own business), and the API's JSON.
SKIP_PREFIXES = ("/logout/", "/static/", "/admin/", "/api/", "/favicon.ico")
PER_ROUTE = 4  # pages of one route (say, three article pages) are enough to see its links


@pytest.fixture
def newsroom(analyst, editor, admin_user):
    """The demo corpus, scored and grouped, with an annotation and an open assignment."""
    call_command("load_demo")
    article = Article.objects.filter(event__isnull=False).order_by("pk").first()
    annotation_create(
        article=article, creator=analyst, start=0, end=20, label=label(), note="crawl"
    )
    assignment_create(creator=editor, analysts=[analyst], article=article)
    assignment_create(creator=editor, analysts=[analyst], event=Event.objects.order_by("pk").last())


def crawl(client) -> tuple[dict[str, int], dict[str, str]]:
    """Status of every page reached from the home page, and for a page that refused,
    the page whose link led there."""
    statuses: dict[str, int] = {}
    found_on: dict[str, str] = {}
    per_route: dict[str, int] = {}
    todo = deque(["/"])
    while todo:
        url = todo.popleft()
        response = client.get(url, follow=False)
        statuses[url] = response.status_code
        if response.status_code in (301, 302):
            target = response["Location"]
            if target.startswith("/") and target not in statuses and target not in todo:
                found_on.setdefault(target, url)
                todo.append(target)
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            href = urldefrag(href.replace("&amp;", "&"))[0]
            path = urlsplit(href).path
            if not href.startswith("/") or href.startswith(SKIP_PREFIXES):
                continue
            if href in statuses or href in todo:
                continue
            try:
                route = resolve(path).route
            except Resolver404:
                route = path
            if per_route.get(route, 0) >= PER_ROUTE:
                continue
            per_route[route] = per_route.get(route, 0) + 1
            found_on[href] = url
            todo.append(href)
    return statuses, found_on


@pytest.mark.parametrize("role", ["analyst", "editor", "admin_user"])
def test_no_page_fails_and_no_link_leads_to_a_refusal(client, newsroom, role, request):
    client.force_login(request.getfixturevalue(role))
    statuses, found_on = crawl(client)
    assert len(statuses) > 20, "the crawl reached too few pages to mean anything"
    broken = {url: (code, found_on.get(url)) for url, code in statuses.items() if code >= 500}
    refused = {
        url: (code, found_on.get(url)) for url, code in statuses.items() if code in (403, 404)
    }
    assert not broken, f"pages that failed (page: status, linked from): {broken}"
    assert not refused, f"links a {role} is shown but may not follow: {refused}"


# Found in a QA pass: every page asked for /favicon.ico and logged a 404 in the console.


def test_pages_name_an_icon_that_is_served_from_static(analyst_client):
    html = analyst_client.get(reverse("article-list")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("favicon.svg")


def test_favicon_ico_leads_to_the_icon_without_a_login(client):
    # The admin's and the API docs' pages do not extend base.html: browsers ask for
    # /favicon.ico there, which answered 404.
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
