"""Found in a QA pass: the comparison page printed its claims matrix with empty cells where
an outlet reported a fact. The print style hid every <summary> and displayed the <details>
as a block, but a closed <details> keeps its content hidden however it is displayed, so on
paper "reported" and the outlet's sentence were both gone (and so were the facts only one
outlet reported, title and list)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from newsdesk.models import Event
from newsdesk.roles import EDITOR
from tests.browser.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_the_printed_claims_matrix_says_which_outlet_reported_what(page: Page, live_server, roles):
    call_command("load_demo")
    event = Event.objects.get(title__startswith="Afghan soldiers cross")
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + event.get_absolute_url())
    covered = page.locator("table.claims td.covered").first
    assert covered.inner_text() == "reported"  # on screen: closed, opened by a click

    page.emulate_media(media="print")

    expect(covered.locator("summary")).to_be_visible()
    assert len(covered.inner_text()) > len("reported") + 20  # and the outlet's sentence
    singles = page.locator("details.single-facts")
    expect(singles.locator("summary")).to_be_visible()
    expect(singles.locator("li").first).to_be_visible()


def test_an_article_prints_without_its_working_aids(page: Page, live_server, roles, seed_text):
    from newsdesk.models import IngestMethod
    from newsdesk.services import ArticleInput, article_ingest

    article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())
    removed = page.locator("details.removed")
    expect(removed.locator("summary")).to_be_visible()

    page.emulate_media(media="print")

    expect(removed).to_be_hidden()  # the page chrome the cleaner took out
    expect(page.locator("#article-text p:not(.legend)").first).to_be_visible()
