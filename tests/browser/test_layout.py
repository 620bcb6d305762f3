"""How the pages lay out in Chromium: filters and cards on a wide screen, the menu on a
phone, and what goes on paper. Each was found in a QA pass; such faults only show in a
browser."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from newsdesk.models import Event, IngestMethod
from newsdesk.roles import ADMIN, ANALYST, EDITOR
from newsdesk.services import ArticleInput, article_ingest
from tests.browser.conftest import login
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser


def test_the_event_id_filter_is_styled_like_the_other_filters(page: Page, live_server, roles):
    user = UserFactory(role=ANALYST)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + "/articles/")
    event_box = page.locator("#id_event").bounding_box()
    search_box = page.locator("#id_q").bounding_box()
    assert event_box["height"] == pytest.approx(search_box["height"], abs=1)
    expect(page.get_by_label("Event id")).to_be_visible()


def test_the_article_text_card_ends_with_its_text_not_with_the_sidebar(
    page: Page, live_server, seed_text, django_capture_on_commit_callbacks
):
    user = UserFactory(role=ANALYST)
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator("#article-text .sentence").first).to_be_visible()
    card = page.locator(".articlebody").bounding_box()
    sidebar = page.locator("aside.sidebar").bounding_box()
    assert sidebar["height"] > card["height"] + 200  # the scores make the sidebar longer
    last = page.locator(".articlebody > *").last.bounding_box()
    assert card["y"] + card["height"] - (last["y"] + last["height"]) < 60


# Found in a QA pass: on a phone (400 px) the top bar did not wrap and the article list's
# table did not scroll in its box, so every page was some 1,000 px wide: the menu's last
# links and "Log out" lay off the screen. On a wide screen "Log out" sat lower than the
# other links of the user box (it kept the margin of ordinary buttons).


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


# Found in a QA pass: the comparison page printed its claims matrix with empty cells where
# an outlet reported a fact. The print style hid every <summary> and displayed the <details>
# as a block, but a closed <details> keeps its content hidden however it is displayed, so on
# paper "reported" and the outlet's sentence were both gone (and so were the facts only one
# outlet reported, title and list).


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


def test_a_weak_match_is_shown_as_a_warning_tag_on_the_event_page_and_in_the_list(
    page: Page, live_server, roles
):
    from events.templatetags.grouping_marks import weak_match_line
    from newsdesk.models import MembershipSource
    from tests.factories import EventFactory

    event = EventFactory(title="Spring floods written for the tests")
    machine = {"event": event, "event_source": MembershipSource.MACHINE}
    ArticleFactory(**machine, event_similarity=0.0, headline="River bursts its banks")
    ArticleFactory(**machine, event_similarity=0.16, headline="Dam inquiry opens")
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)

    page.goto(live_server.url + event.get_absolute_url())
    tag = page.locator("[data-weak-join]")
    expect(tag).to_have_count(1)
    expect(tag).to_be_visible()
    expect(tag).to_have_text("weak match: check it belongs")
    item = page.locator("li", has=tag)
    expect(item).to_contain_text("Dam inquiry opens")
    # Its title says how often such joins were right, as measured.
    expect(tag).to_have_attribute("title", weak_match_line())
    expect(page.locator("li", has_text="River bursts its banks")).to_contain_text(
        "started this event"
    )
    # Drawn as a warning, not as plain text.
    assert tag.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"

    page.goto(live_server.url + "/events/")
    expect(page.locator("[data-weak-joins]")).to_have_text("1 weak match")


# Found in a pages audit: a report form's own error ("The start of the period is after its
# end.") took a cell of the form's grid, beside the fields, and pushed the button onto a
# line of its own.


@pytest.mark.parametrize("path", ["/reports/blindspots/", "/reports/outlets/"])
def test_a_report_forms_own_error_is_a_row_above_its_fields(page: Page, live_server, roles, path):
    user = UserFactory(role=EDITOR)
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, live_server.url, user.username)
    page.goto(f"{live_server.url}{path}?start=2025-01-01&end=2024-01-01")

    error = page.locator("form.reportform > .errors")
    expect(error).to_have_text("The start of the period is after its end.")
    form = page.locator("form.reportform").bounding_box()
    box = error.bounding_box()
    start = page.get_by_label("Start").bounding_box()
    assert box["width"] > form["width"] * 0.9
    assert box["y"] + box["height"] <= start["y"]


def test_the_language_boxs_save_button_stands_under_its_help_not_in_its_line(
    page: Page, live_server, roles
):
    # Found in a pages audit: the help under the language box ran on into the button, which
    # sat at the end of its second line.
    article = ArticleFactory(headline="Harbour strike written for the tests")
    user = UserFactory(role=ANALYST)
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, live_server.url, user.username)
    page.goto(live_server.url + article.get_absolute_url())

    card = page.locator("section.card", has=page.get_by_role("heading", name="Language"))
    help_text = card.locator(".help").bounding_box()
    button = card.get_by_role("button", name="Save").bounding_box()
    assert button["y"] >= help_text["y"] + help_text["height"] - 1
    expect(card.get_by_label("Language")).to_be_visible()
