"""Found in a QA pass: on a phone (400 px) the top bar did not wrap and the article list's
table did not scroll in its box, so every page was some 1,000 px wide: the menu's last
links and "Log out" lay off the screen. On a wide screen "Log out" sat lower than the
other links of the user box (it kept the margin of ordinary buttons)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from newsdesk.roles import ADMIN
from tests.browser.conftest import login
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser

PAGE_WIDTH = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def test_on_a_phone_the_pages_fit_the_screen_and_log_out_is_on_it(page: Page, live_server, roles):
    user = UserFactory(role=ADMIN, is_staff=True)  # the longest menu
    article = ArticleFactory(
        headline="Harbour strike enters its second week as talks stall over pay and safety"
    )
    page.set_viewport_size({"width": 400, "height": 800})
    login(page, live_server.url, user.username)

    for path in ("/articles/", "/account/api-tokens/", article.get_absolute_url()):
        page.goto(live_server.url + path)
        scroll, client = page.evaluate(PAGE_WIDTH)
        assert scroll <= client, f"{path} is {scroll} px wide on a {client} px screen"
        box = page.get_by_role("button", name="Log out").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= client
        scoring = page.get_by_role("navigation").get_by_role("link", name="Scoring")
        expect(scoring).to_be_in_viewport()


def test_on_a_wide_screen_log_out_sits_on_the_line_of_the_user_box(page: Page, live_server, roles):
    user = UserFactory(role=ADMIN, is_staff=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, live_server.url, user.username)
    tokens = page.locator(".userbox").get_by_role("link", name="API tokens").bounding_box()
    logout = page.get_by_role("button", name="Log out").bounding_box()
    middle = lambda box: box["y"] + box["height"] / 2  # noqa: E731
    assert abs(middle(tokens) - middle(logout)) < 3
