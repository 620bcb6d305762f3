"""Found in a QA pass: layout faults that only show in a browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from newsdesk.models import IngestMethod
from newsdesk.roles import ANALYST
from newsdesk.services import ArticleInput, article_ingest
from tests.browser.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_the_event_id_filter_is_styled_like_the_other_filters(page: Page, live_server, roles):
    user = UserFactory(role=ANALYST)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + "/articles/")
    event_box = page.locator("#id_event").bounding_box()
    search_box = page.locator("#id_q").bounding_box()
    assert event_box["height"] == pytest.approx(search_box["height"], abs=1)
    expect(page.get_by_label("Event id")).to_be_visible()


def test_the_article_text_card_ends_with_its_text_not_with_the_sidebar(
    page: Page, live_server, seed_text, django_capture_on_commit_callbacks
):
    user = UserFactory(role=ANALYST)
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator("#article-text .sentence").first).to_be_visible()
    card = page.locator(".articlebody").bounding_box()
    sidebar = page.locator("aside.sidebar").bounding_box()
    assert sidebar["height"] > card["height"] + 200  # the scores make the sidebar longer
    last = page.locator(".articlebody > *").last.bounding_box()
    assert card["y"] + card["height"] - (last["y"] + last["height"]) < 60
