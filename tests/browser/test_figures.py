"""How figures and their trust lines lay out in Chromium (found in a pages audit: such
faults only show in a browser). The articles are written for the tests."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from analysis.services import article_score
from newsdesk.roles import ANALYST
from tests.browser.conftest import login
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser

# Written for the tests: named, anonymous and generic-group sources, so that the sourcing
# block shows the figures that carry a trust line of their own.
SOURCED = (
    "Harbour workers extended their strike on Monday, the union said. "
    '"We will not go back without a deal," said Mara Lind, the union\'s secretary. '
    "Officials who asked not to be named said talks could resume on Friday. "
    "Shipping analysts said the delays would cost millions. "
    "The port authority said 40 ships were waiting in the estuary. "
    "Residents said the quays had been quiet since the weekend."
)

# Each box's right edge, and those of the values and trust lines in it.
BOXES = """dl => {
  const box = dl.getBoundingClientRect();
  return {right: box.right, scroll: dl.scrollWidth, client: dl.clientWidth,
          parts: [...dl.children].map(e => ({text: e.textContent.trim().slice(0, 40),
                                             right: e.getBoundingClientRect().right}))};
}"""


def test_the_sourcing_figures_stay_in_their_box_with_their_trust_lines_under_them(
    page: Page, live_server, roles
):
    # Found in a pages audit: a figure's trust line sat inside its value, and the grid
    # sized the value column to the line's whole length, so the values of "Attributed
    # sentences", "Attribution density" and "Named sources" were pushed out of the card
    # (invisible) and the trust lines ran off the page.
    article = ArticleFactory(headline="Harbour strike written for the tests", body=SOURCED)
    assert article_score(article_id=article.pk)
    user = UserFactory(role=ANALYST)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())

    anonymous = page.locator("dd[data-figure=anonymous_share]")
    expect(anonymous).to_be_visible()
    trust_row = anonymous.locator("xpath=following-sibling::dd[1]")
    expect(trust_row).to_have_class("figure-trust")
    expect(trust_row.locator("a.trust-short")).to_be_visible()
    for dl in page.locator("dl.figures").all():
        box = dl.evaluate(BOXES)
        assert box["scroll"] <= box["client"], box
        for part in box["parts"]:
            assert part["right"] <= box["right"] + 1, (part, box["right"])
    share = page.locator("dd[data-figure=attributed_sentence_share]")
    share.scroll_into_view_if_needed()
    expect(share).to_be_in_viewport(ratio=1)
    label = page.locator("dt", has_text="Attributed sentences").bounding_box()
    value = share.bounding_box()
    assert abs(label["y"] - value["y"]) < 4  # on the line of its label
