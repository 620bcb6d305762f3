"""The main pages work in Chromium under the Content-Security-Policy, with no violation.

Here rather than beside the headers' tests in tests/common/ so that it shares the
session's one browser (a second sync Playwright in the same process cannot start)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.defaults import ensure_default_labels
from newsdesk.models import IngestMethod
from newsdesk.roles import ADMIN, ANALYST
from newsdesk.services import ArticleInput, article_ingest
from tests.browser.conftest import login
from tests.browser.test_annotations import BODY, drag_select, open_article
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.browser

# Recorded by the browser itself, before any page script runs (init scripts are not
# subject to the page's CSP).
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber);
});
"""


@pytest.fixture
def watched(page: Page):
    console: list[str] = []
    page.on(
        "console",
        lambda m: (
            console.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text
            else None
        ),
    )
    page.on("pageerror", lambda e: console.append(f"page error: {e}"))
    page.add_init_script(LISTEN)
    return page, console


def violations(page: Page, console: list[str]) -> list[str]:
    return page.evaluate("window.__csp") + console


def test_the_main_pages_run_under_the_policy_without_violations(
    watched, live_server, seed_text, django_capture_on_commit_callbacks
):
    page, console = watched
    user = UserFactory(role=ADMIN, is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    event = EventFactory()
    article.event = event
    article.save()
    base = live_server.url

    page.goto(base + "/login/")
    assert violations(page, console) == []
    login(page, base, user.username)

    paths = [
        "/articles/",
        "/articles/new/",
        article.get_absolute_url(),
        f"/articles/{article.pk}/annotations/",
        "/events/",
        event.get_absolute_url(),
        "/outlets/",
        "/reports/outlets/",
        "/reports/blindspots/",
        "/scoring/",
        "/account/api-tokens/",
        "/admin/",
        "/admin/newsdesk/article/",
        f"/admin/newsdesk/article/{article.pk}/change/",
    ]
    seen = {}
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        seen[path] = violations(page, console)
        console.clear()
    assert {path: v for path, v in seen.items() if v} == {}

    # htmx works under the policy: a layer switch swaps the text in place.
    page.goto(base + article.get_absolute_url())
    page.get_by_role("link", name="Reporting verbs").click()
    expect(page.locator('a.layer.active[data-layer="verbs"]')).to_be_visible()
    # The article list filters in place too.
    page.goto(base + "/articles/")
    page.get_by_label("Search").fill("Afghan")
    expect(page.locator("#results")).to_contain_text("Afghan")
    assert violations(page, console) == []


def test_the_listener_catches_an_inline_script(watched, live_server):
    # The check above is only as good as its listener: an injected inline script is
    # blocked, does not run, and is reported.
    page, console = watched
    page.goto(live_server.url + "/login/")

    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.appendChild(s); }"
    )

    page.wait_for_function("() => window.__csp.length > 0")  # polled without eval()
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in violations(page, console))


# Found in a QA pass: an htmx swap that re-renders the floating annotation form copied the
# old form's inline style attribute onto the new one, which the Content-Security-Policy
# (style-src 'self') refuses, so every refused form logged violations.


def test_a_refused_annotation_form_comes_back_without_a_policy_violation(
    page: Page, live_server, roles
):
    ensure_default_labels()
    article = ArticleFactory(body=BODY, raw=BODY, headline="Soldiers cross the border")
    user = UserFactory(role=ANALYST)
    console: list[str] = []
    page.on(
        "console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.add_init_script(LISTEN)
    open_article(page, live_server, article, user.username)

    drag_select(page, "1,500 soldiers crossed the border")
    form = page.locator("#annotation-form")
    expect(form).to_be_visible()
    form.locator("textarea[name=links]").fill("javascript:alert(1)")
    form.get_by_role("button", name="Save").click()

    expect(page.locator("#annotation-form")).to_contain_text("is not a web address")
    expect(page.locator("#annotation-form")).to_be_visible()
    assert page.evaluate("window.__csp") + console == []
    assert page.evaluate("window.__sameDocument") is True
