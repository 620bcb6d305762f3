"""Merging events by picking the other one from a search, in the browser: typing words
of its title lists it, ticking it and merging moves the articles (issue 17)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from newsdesk.models import Event
from newsdesk.roles import ANALYST
from tests.browser.conftest import login
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.browser


def test_an_analyst_merges_an_event_picked_by_its_title(page: Page, live_server, roles):
    user = UserFactory(role=ANALYST)
    event = EventFactory(title="Port strike")
    other = EventFactory(title="Dockers walk out at Halvern")
    EventFactory(title="Solar tariff vote")
    ArticleFactory(event=event)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + event.get_absolute_url())

    merge = page.locator(f"form[action='/events/{event.pk}/merge/']")
    merge.get_by_label("Search events by title, date or id").fill("halvern dockers")
    choice = merge.get_by_role("radio", name="Dockers walk out at Halvern")
    expect(choice).to_be_visible()
    expect(merge.get_by_role("radio")).to_have_count(1)
    choice.check()
    page.once("dialog", lambda d: d.accept())
    merge.get_by_role("button", name="Merge").click()
    expect(page).to_have_url(live_server.url + other.get_absolute_url())
    assert not Event.objects.filter(pk=event.pk).exists()
