"""The browser's Back and Forward on pages that htmx updates in place (found in a pages
audit). Headlines and outlets are written for the tests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from newsdesk.roles import ANALYST
from tests.browser.conftest import login
from tests.factories import ArticleFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def filtered_list(page: Page, live_server, roles) -> Page:
    """The article list filtered by one outlet, then by another (two addresses pushed)."""
    for name, headline in (("Harbour Ledger", "Dockers walk out"), ("Quay Post", "Ships wait")):
        ArticleFactory(outlet=OutletFactory(name=name), headline=f"{headline}, for the tests")
    user = UserFactory(role=ANALYST)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + "/articles/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(2)
    for name in ("Harbour Ledger", "Quay Post"):
        page.get_by_label("Outlet").select_option(label=name)
        expect(rows).to_have_count(1)
        expect(rows).to_contain_text(name)
    return page


def test_back_from_an_article_shows_the_filtered_list_as_a_whole_page(filtered_list: Page):
    # The list's address had been answered with its results alone (an htmx request), and
    # the browser showed that fragment, without menu, styles or filters, on Back.
    page = filtered_list
    page.locator("#results tbody a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))

    page.go_back()

    expect(page).to_have_url(re.compile(r"outlet="))
    expect(page.get_by_role("navigation")).to_be_visible()
    expect(page.get_by_label("Outlet")).to_have_value(re.compile("."))
    expect(page.locator("#results tbody tr")).to_contain_text("Quay Post")


def test_back_within_the_list_sets_the_filters_to_the_results_shown(filtered_list: Page):
    # htmx put back the earlier results, but the outlet box kept no choice: the list
    # looked unfiltered while it was filtered by "Harbour Ledger".
    page = filtered_list

    page.go_back()

    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Harbour Ledger")
    selected = page.get_by_label("Outlet").evaluate("s => s.selectedOptions[0].textContent")
    assert selected == "Harbour Ledger"

    page.go_forward()

    expect(rows).to_contain_text("Quay Post")
    selected = page.get_by_label("Outlet").evaluate("s => s.selectedOptions[0].textContent")
    assert selected == "Quay Post"


def test_back_to_a_list_htmx_no_longer_keeps_loads_the_whole_page(filtered_list: Page):
    # When htmx has no copy of the page (it keeps ten, in the session's storage), it asks
    # the server again; asked as an htmx request, the view answered with the results
    # alone, which replaced the whole page.
    page = filtered_list
    page.evaluate("() => sessionStorage.removeItem('htmx-history-cache')")

    page.go_back()

    expect(page.locator("#results tbody tr")).to_contain_text("Harbour Ledger")
    expect(page.get_by_role("navigation")).to_be_visible()
    expect(page.get_by_label("Outlet")).to_be_visible()
    assert page.locator("form.filters").count() == 1


def test_text_pasted_into_the_search_box_filters_without_leaving_it(page: Page, live_server, roles):
    # Found in a pages audit: the list followed the search box on keyup only, so a word
    # pasted with the mouse or filled in by the browser filtered nothing until the box lost
    # focus. Playwright's fill() sends the input event a paste sends, and no key.
    for headline in ("Dockers walk out", "Ships wait"):
        ArticleFactory(headline=f"{headline}, for the tests")
    login(page, live_server.url, UserFactory(role=ANALYST).username)
    page.goto(live_server.url + "/articles/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(2)

    page.locator("#id_q").fill("Dockers")

    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Dockers walk out")
    expect(page.locator("#id_q")).to_be_focused()
