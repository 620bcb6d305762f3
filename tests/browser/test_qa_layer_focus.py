"""Found in a QA pass: choosing a highlight layer with the keyboard (Tab to it, Enter) put
the focus back on the page itself once htmx had swapped the text, so the next Tab went
past the other layers: a keyboard user had to start again from the top of the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from newsdesk.models import IngestMethod
from newsdesk.roles import ANALYST
from newsdesk.services import ArticleInput, article_ingest
from tests.browser.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_a_layer_chosen_with_the_keyboard_keeps_the_focus(page: Page, live_server, seed_text):
    user = UserFactory(role=ANALYST)
    article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.__sameDocument = true")

    page.get_by_role("link", name="Reporting verbs").focus()
    page.keyboard.press("Enter")

    expect(page.locator('a.layer.active[data-layer="verbs"]')).to_be_visible()
    expect(page.get_by_role("link", name="Reporting verbs")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Frame cues")).to_be_focused()
    assert page.evaluate("window.__sameDocument") is True  # swapped in place
