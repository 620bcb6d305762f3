"""Destructive buttons ask first: revoking an API token (its programs stop working) and
merging an event away. Found in a usability pass: one click did either at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from api.models import ApiToken
from api.services import token_create
from newsdesk.models import Event
from newsdesk.roles import ANALYST
from tests.browser.conftest import login
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.browser


def test_revoking_a_token_asks_first_and_a_no_keeps_it(page: Page, live_server, roles):
    user = UserFactory(role=ANALYST)
    token_create(user=user, name="newsroom <b>notebook</b>")
    login(page, live_server.url, user.username)
    page.goto(live_server.url + "/account/api-tokens/")
    questions = []

    page.once("dialog", lambda d: (questions.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("button", name="Revoke")).to_be_visible()
    assert ApiToken.objects.count() == 1
    # The name is shown as typed, not as markup.
    assert questions == [
        "Revoke the token “newsroom <b>notebook</b>”? Programs that use it will be refused "
        "from now on."
    ]

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("button", name="Revoke")).to_have_count(0)
    assert ApiToken.objects.count() == 0


def test_merging_an_event_away_asks_first(page: Page, live_server, roles):
    user = UserFactory(role=ANALYST)
    event, other = EventFactory(title="Port strike"), EventFactory(title="Dock walkout")
    ArticleFactory(event=event)
    ArticleFactory(event=other)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + event.get_absolute_url())
    merge = page.locator(f"form[action='/events/{event.pk}/merge/']")
    merge.get_by_label("Merge this event into event id").fill(str(other.pk))

    page.once("dialog", lambda d: d.dismiss())
    merge.get_by_role("button", name="Merge").click()
    page.wait_for_timeout(300)
    assert Event.objects.filter(pk=event.pk).exists()

    page.once("dialog", lambda d: d.accept())
    merge.get_by_role("button", name="Merge").click()
    expect(page).to_have_url(live_server.url + other.get_absolute_url())
    assert not Event.objects.filter(pk=event.pk).exists()
