"""The blindspots page in Chromium: a period and thresholds chosen in its form, then its
pages turned with the links, which keep them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from newsdesk.roles import EDITOR
from tests.browser.conftest import login
from tests.events.test_reports import one_sided_stories
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_the_pages_of_blindspots_keep_the_period_and_thresholds_chosen(
    page: Page, live_server, roles
):
    one_sided_stories(30)
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + "/reports/blindspots/")
    page.get_by_label("Start").fill("2024-01-01")
    page.get_by_label("End").fill("2024-12-31")
    page.get_by_label("Share of outlets on one side").fill("0.9")
    page.get_by_label("Fewest outlets covering").fill("1")
    page.get_by_role("button", name="Apply").click()
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text("Page 1 of 2 · 30 in all")
    expect(page.locator("table.list tbody tr")).to_have_count(25)

    pages.get_by_role("link", name="Next").click()
    expect(pages).to_contain_text("Page 2 of 2 · 30 in all")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.first).to_contain_text("Story 004")
    expect(page.get_by_label("Fewest outlets covering")).to_have_value("1")
    expect(page.get_by_label("Start")).to_have_value("2024-01-01")

    pages.get_by_role("link", name="Previous").click()
    expect(pages).to_contain_text("Page 1 of 2 · 30 in all")
    expect(page.locator("table.list tbody tr").first).to_contain_text("Story 029")
