"""Annotating in a real browser: select with the mouse, save, see the highlight, edit,
reply, filter, and review as an editor; a hostile note runs no script."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from annotations.defaults import ensure_default_labels
from annotations.models import Annotation
from newsdesk.roles import ANALYST, EDITOR
from tests.annotations.factories import AnnotationFactory, label
from tests.browser.conftest import login
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser

BODY = (
    "The ministry said 1,500 soldiers crossed the border on Monday.\n\n"
    "Officials called the move a disgrace, and the army said the soldiers would be "
    "sent home within a week.\n\n"
    "Critics said the figure was inflated."
)
HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


@pytest.fixture
def article(roles):
    ensure_default_labels()
    return ArticleFactory(body=BODY, raw=BODY, headline="Soldiers cross the border")


def drag_select(page: Page, quote: str) -> None:
    """Select ``quote`` in the article text by dragging the mouse across it."""
    box = page.evaluate(
        """(quote) => {
            const paragraphs = document.querySelectorAll("#article-text > p:not(.legend)");
            for (const p of paragraphs) {
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode())) {
                    const i = node.data.indexOf(quote);
                    if (i === -1) continue;
                    const first = document.createRange();
                    first.setStart(node, i); first.setEnd(node, i + 1);
                    const last = document.createRange();
                    last.setStart(node, i + quote.length - 1); last.setEnd(node, i + quote.length);
                    const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
                    return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
                }
            }
            return null;
        }""",
        quote,
    )
    assert box, f"{quote!r} is not in a single text node of the article"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, box["y2"], steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def open_article(page: Page, live_server, article, username: str) -> None:
    login(page, live_server.url, username)
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator("#annotation-panel")).to_be_visible()
    page.evaluate("window.__sameDocument = true")


def test_an_analyst_selects_saves_sees_the_highlight_and_edits(page: Page, live_server, article):
    user = UserFactory(role=ANALYST)
    open_article(page, live_server, article, user.username)

    drag_select(page, "1,500 soldiers crossed the border")
    form = page.locator("#annotation-form")
    expect(form).to_be_visible()
    expect(form.locator("[data-selected-quote]")).to_have_text(
        "“1,500 soldiers crossed the border”"
    )
    form.get_by_label("Label").select_option(label="Claim")
    form.get_by_label("Verdict").select_option(label="Misleading")
    form.get_by_label("Note").fill(HOSTILE)
    form.get_by_label("Evidence links").fill("https://factcheck.example/soldiers")
    form.get_by_role("button", name="Save annotation").click()

    mark = page.locator("#article-text mark.annotation-mark")
    expect(mark).to_have_text("1,500 soldiers crossed the border")
    expect(form).to_be_hidden()
    item = page.locator(".annotation-item").first
    expect(item.locator(".annotation-note")).to_have_text(HOSTILE)
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("window.__sameDocument") is True  # no reload
    saved = Annotation.objects.get()
    assert (saved.exact, saved.verdict, saved.creator) == (
        "1,500 soldiers crossed the border",
        "misleading",
        user,
    )

    item.get_by_role("button", name="Edit").click()
    editing = page.locator(f"#annotation-{saved.pk} form")
    editing.get_by_label("Verdict").select_option(label="False")
    editing.get_by_label("Note").fill("The ministry's own figure; no other source.")
    editing.get_by_role("button", name="Save changes").click()

    expect(page.locator(f"#annotation-{saved.pk} .annotation-note")).to_have_text(
        "The ministry's own figure; no other source."
    )
    expect(page.locator(f"#annotation-{saved.pk} .verdict")).to_have_text("False")
    expect(page.locator("#article-text mark.annotation-mark")).to_have_count(1)
    saved.refresh_from_db()
    assert (saved.verdict, saved.version) == ("false", 2)

    # Clicking the quote in the list scrolls to the highlight and flashes it.
    page.locator(f"#annotation-{saved.pk} [data-jump]").click()
    expect(page.locator("#article-text mark.annotation-mark.flash")).to_have_count(1)


def test_the_verdict_is_asked_only_for_claims(page: Page, live_server, article):
    user = UserFactory(role=ANALYST)
    open_article(page, live_server, article, user.username)

    drag_select(page, "a disgrace")
    form = page.locator("#annotation-form")
    form.get_by_label("Label").select_option(label="Loaded language")
    expect(form.get_by_label("Verdict")).to_be_hidden()
    form.get_by_label("Label").select_option(label="Claim")
    expect(form.get_by_label("Verdict")).to_be_visible()
    page.keyboard.press("Escape")
    expect(form).to_be_hidden()


def test_another_analyst_replies_and_filters(page: Page, live_server, article):
    author = UserFactory(username="author", role=ANALYST)
    AnnotationFactory(
        article=article,
        creator=author,
        span=(BODY.index("a disgrace"), BODY.index("a disgrace") + len("a disgrace")),
        label=label("Loaded language"),
    )
    start = BODY.index("Critics said")
    AnnotationFactory(
        article=article, creator=author, span=(start, start + 12), label=label("Claim")
    )
    reader = UserFactory(username="reader", role=ANALYST)
    open_article(page, live_server, article, reader.username)
    expect(page.locator("#article-text mark.annotation-mark")).to_have_count(2)

    first = page.locator(".annotation-item").first
    expect(first.get_by_role("button", name="Edit")).to_have_count(0)  # not theirs
    first.get_by_text("Reply", exact=True).click()
    first.get_by_label("Reply to author").fill("Which source says so?")
    first.get_by_role("button", name="Post reply").click()
    expect(page.locator(".annotation-item").first.locator(".replies")).to_contain_text(
        "reader: Which source says so?"
    )

    # Let the reply's swap of the panel finish first, or the filter changed on the old
    # panel is replaced by the new one (as a person would, waiting for the page to settle).
    # A function, not an expression: Playwright polls an expression with eval(), which
    # the page's policy forbids (the wait failed whenever its first check was false).
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )
    page.locator("#annotation-filters").get_by_label("Label").select_option(label="Claim")
    expect(page.locator(".annotation-item")).to_have_count(1)
    expect(page.locator(".annotation-item .label-tag")).to_have_text("Claim")
    expect(page.locator("#article-text mark.annotation-mark")).to_have_count(1)
    expect(page.locator("#article-text mark.annotation-mark")).to_have_text("Critics said")
    assert page.evaluate("window.__sameDocument") is True


def test_an_editor_settles_a_disagreement(page: Page, live_server, article):
    quote = "1,500 soldiers crossed the border"
    start = BODY.index(quote)
    a = AnnotationFactory(
        article=article,
        creator=UserFactory(username="ann", role=ANALYST),
        span=(start, start + len(quote)),
        verdict="false",
    )
    AnnotationFactory(
        article=article,
        creator=UserFactory(username="ben", role=ANALYST),
        span=(start, start + len(quote) - 11),
        verdict="accurate",
    )
    editor = UserFactory(role=EDITOR)
    open_article(page, live_server, article, editor.username)

    page.get_by_role("link", name="Review and agreement").click()
    expect(page.get_by_text("analysts disagree")).to_be_visible()
    page.get_by_label("Settled verdict").select_option(label="Misleading")
    page.get_by_label("Reason", exact=True).fill("Both are half right: the figure is an estimate.")
    page.get_by_role("button", name="Adjudicate").click()

    expect(page.get_by_text("Adjudicated; the reason is kept in the history.")).to_be_visible()
    expect(page.locator(".adjudication")).to_contain_text("Misleading")
    settled = Annotation.objects.get(is_adjudication=True)
    assert (settled.verdict, settled.creator) == ("misleading", editor)
    a.refresh_from_db()
    assert a.review_status == "adjudicated"
