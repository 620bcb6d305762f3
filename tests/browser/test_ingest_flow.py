"""End-to-end flows through a real browser: log in, paste an article, filter the list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from newsdesk.roles import ANALYST
from tests.browser.conftest import PASSWORD, login
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser

RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"

NEGATIVE_SENTENCE = (
    "The flood destroyed forty homes, and angry residents said the council had failed them."
)
POSITIVE_SENTENCE = (
    "Volunteers did a wonderful job, and families were grateful for the generous help."
)
ARTICLE = f"""River Town counts the cost of the spring flood

Heavy rain on Tuesday pushed the river over its banks in the lower town. {NEGATIVE_SENTENCE} Roads stayed closed until Thursday morning.

{POSITIVE_SENTENCE} The sports hall opened as a shelter and served hot meals to more than two hundred people.

Engineers will inspect the flood wall next month. The council will publish its report in the autumn.
"""


def test_an_analyst_logs_in_pastes_an_article_and_sees_it_scored(page: Page, live_server):
    UserFactory(username="ana", role=ANALYST)

    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/"))
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/articles/$"))

    page.get_by_role("navigation").get_by_role("link", name="Add article").click()
    expect(page).to_have_url(re.compile(r"/articles/new/$"))
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_role("button", name="Store and score").click()

    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "River Town counts the cost of the spring flood"
    )
    panel = page.locator("#scoring-status")
    expect(panel.locator(".status")).to_have_text("Scored", timeout=10_000)
    expect(panel.locator("[data-figure=flesch_reading_ease]")).to_have_text(
        re.compile(r"\d"), timeout=10_000
    )
    negative = page.locator(".articlebody .sentence.tone-negative")
    expect(negative.filter(has_text=NEGATIVE_SENTENCE)).to_have_count(1)
    expect(
        page.locator(".articlebody .sentence.tone-positive").filter(has_text=POSITIVE_SENTENCE)
    ).to_have_count(1)

    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=RESULTS_DIR / "ingest-flow.png", full_page=True)


def test_filtering_the_article_list_swaps_results_without_reload(page: Page, live_server):
    user = UserFactory(role=ANALYST)
    ArticleFactory(headline="Harbour strike enters second week")
    ArticleFactory(headline="Central bank holds rates")
    login(page, live_server.url, user.username)

    page.goto(live_server.url + "/articles/")
    results = page.locator("#results")
    expect(results.get_by_role("link", name="Harbour strike enters second week")).to_be_visible()
    expect(results.get_by_role("link", name="Central bank holds rates")).to_be_visible()

    # A full page load would wipe this; an htmx swap keeps it.
    page.evaluate("window.__sameDocument = true")
    page.locator("#id_q").press_sequentially("Harbour")

    expect(results.get_by_role("link", name="Central bank holds rates")).to_have_count(0)
    expect(results.get_by_role("link", name="Harbour strike enters second week")).to_be_visible()
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"[?&]q=Harbour"))
    assert page.evaluate("window.__sameDocument") is True

    # Links in the swapped results are ordinary links to the article page.
    results.get_by_role("link", name="Harbour strike enters second week").click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Harbour strike enters second week")


def test_paginating_the_article_list_keeps_the_page_usable(page: Page, live_server):
    user = UserFactory(role=ANALYST)
    for n in range(30):
        ArticleFactory(headline=f"Council minutes {n:02d}")
    login(page, live_server.url, user.username)

    page.goto(live_server.url + "/articles/")
    page.get_by_role("link", name="Next →").click()
    expect(page.locator("#results tbody tr")).to_have_count(5)
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    page.locator("#results tbody a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))


def test_hostile_html_in_an_article_is_shown_as_text(page: Page, live_server):
    user = UserFactory(role=ANALYST)
    login(page, live_server.url, user.username)

    page.goto(live_server.url + "/articles/new/")
    page.get_by_label("Article text").fill(
        "Council publishes a suspicious press release\n\n"
        "The release was pasted from a web page and carried some markup with it. "
        '<script>window.__pwned = 1</script> It also had an image: <img src=x onerror="window.__pwned=2"> '
        "The council said the text would be checked before it was published again.\n"
    )
    page.get_by_role("button", name="Store and score").click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.locator("#scoring-status .status")).to_have_text("Scored")

    assert page.evaluate("window.__pwned") is None
    body_text = page.locator("body").inner_text()
    assert "<script>" in body_text
    assert "onerror" in body_text
