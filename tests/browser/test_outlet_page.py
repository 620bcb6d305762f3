"""An outlet's page in Chromium: the outlet report's figures as a table that fits a phone."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from events.outlet_report import FIGURES
from newsdesk.models import Outlet
from newsdesk.roles import EDITOR
from tests.browser.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PAGE_WIDTH = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.mark.parametrize("width", [1280, 400])
def test_the_outlet_page_shows_each_figure_with_its_interval_and_fits(
    page: Page, live_server, roles, transactional_db, width
):
    call_command("load_demo")
    outlet = max(Outlet.objects.all(), key=lambda o: o.articles.count())
    login(page, live_server.url, UserFactory(role=EDITOR).username)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + outlet.get_absolute_url())

    table = page.locator("table.figures-table")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    assert rows.count() == len(FIGURES)
    tone = table.locator('tr[data-figure="tone"]')
    assert tone.locator("[data-mean]").inner_text().lstrip("-")[0].isdigit()
    assert tone.locator("[data-interval]").inner_text().startswith("[")
    expect(tone.get_by_role("link", name="how far to trust this")).to_be_visible()
    scroll, client = page.evaluate(PAGE_WIDTH)
    assert scroll <= client, f"the outlet page is {scroll} px wide on a {client} px screen"
    if shots := os.environ.get("NEWSDESK_SCREENSHOTS"):
        page.screenshot(path=f"{shots}/outlet-page-{width}.png", full_page=True)
