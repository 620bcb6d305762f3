import re

import pytest
from playwright.sync_api import Page, expect

from newsdesk.models import IngestMethod
from newsdesk.roles import ANALYST
from newsdesk.services import ArticleInput, article_ingest
from tests.browser.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_switching_a_highlight_layer_swaps_the_text_in_place(page: Page, live_server, seed_text):
    user = UserFactory(role=ANALYST)
    article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator("#article-text .sentence").first).to_be_visible()

    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Reporting verbs").click()

    cues = page.locator("#article-text p:not(.legend) span.cue")
    expect(cues).to_have_count(5)
    expect(cues.nth(0)).to_have_text("said")
    expect(page.locator("#article-text .sentence")).to_have_count(0)
    expect(page.locator('a.layer.active[data-layer="verbs"]')).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True
    assert not re.search(r"layer=", page.url)  # an in-place swap, not a navigation

    page.get_by_role("link", name="Quotes by speaker").click()
    expect(page.locator("#article-text p:not(.legend) .quote.speaker-0").first).to_contain_text(
        "1,500 Afghan government troops"
    )


# Found in a QA pass: choosing a highlight layer with the keyboard (Tab to it, Enter) put
# the focus back on the page itself once htmx had swapped the text, so the next Tab went
# past the other layers: a keyboard user had to start again from the top of the page.


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


def test_the_tone_toward_each_person_shows_with_its_sentences(page: Page, live_server, seed_text):
    user = UserFactory(role=ANALYST)
    article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    actors = article.scores.get(scorer="actors").evidence["actors"]
    people = [a for a in actors[:8] if a["kind"] == "person"]
    assert people and all("toward_mean" in a for a in people)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())

    table = page.locator("table.mini", has=page.get_by_text("Tone toward", exact=True))
    expect(table).to_be_visible()
    expect(table.locator("td[data-toward]")).to_have_count(len(people))
    expect(table.get_by_text(f"Most negative toward {people[0]['name']}")).to_be_visible()
    # Organisations and countries: the sentence tone only.
    others = [a for a in actors[:8] if a["kind"] != "person"]
    expect(table.get_by_text("people only", exact=True)).to_have_count(len(others))
