"""Found in a QA pass: an htmx swap that re-renders the floating annotation form copied the
old form's inline style attribute onto the new one, which the Content-Security-Policy
(style-src 'self') refuses, so every refused form logged violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.defaults import ensure_default_labels
from newsdesk.roles import ANALYST
from tests.browser.test_annotations import BODY, drag_select, open_article
from tests.browser.test_csp import LISTEN
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser


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
