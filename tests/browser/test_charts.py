"""The comparison's and the outlet report's charts, drawn in Chromium: each renders the
right number of marks, and its table lists the same values (issue 17)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from analysis.services import article_score
from events.event_report import event_comparison_refresh
from newsdesk.models import Article, Event, Outlet, Storyline
from newsdesk.roles import EDITOR
from tests.browser.conftest import login
from tests.factories import ArticleFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def six_outlet_event(roles, transactional_db):
    """The demo's Afghan event, plus articles of outlets with long names (written for the
    tests), so that six or more outlets sit side by side."""
    call_command("load_demo")
    event = Event.objects.get(title__startswith="Afghan soldiers")
    body = Article.objects.filter(event=event).first().body
    for name in ("The Very Long Named Evening Chronicle of Record", "Zarya Extra"):
        outlet = OutletFactory(name=name, leaning="center", leaning_source="tests")
        article = ArticleFactory(
            outlet=outlet, event=event, body=body + f" Written for the tests by {name}."
        )
        article_score(article_id=article.pk)
    event_comparison_refresh(event_id=event.pk)
    return event


def test_the_comparison_charts_match_their_tables(page: Page, live_server, six_outlet_event):
    event = six_outlet_event
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + event.get_absolute_url())

    outlets = event.articles.values("outlet").distinct().count()
    assert outlets >= 6
    balance = page.locator("figure.chart-balance")
    expect(balance.locator("svg")).to_be_visible()
    parts = balance.locator("rect.part")
    table_rows = balance.locator("details table tbody tr")
    assert parts.count() == table_rows.count() > 0
    # Each bar's parts add up to the outlets covering the event.
    leaning = [int(t) for t in balance.locator("details td:nth-child(3)").all_text_contents()[:6]]
    assert sum(leaning[: parts.count()]) >= outlets

    tone = page.locator("figure.chart-interval").first
    points = tone.locator("circle.point")
    rows = tone.locator("details table tbody tr")
    assert points.count() == rows.count() == outlets
    # The table's means are those of the points' titles, in order.
    titles = [t.split(": ")[-1] for t in points.locator("title").all_text_contents()]
    means = tone.locator("details td:nth-child(2)").all_text_contents()
    assert titles == means

    bars = page.locator("figure.chart-bars")
    assert bars.locator("details table tbody tr").count() == outlets
    assert bars.locator("rect.bar").count() > 0
    # Each series has a colour of its own, in the legend and on its bars (the fourth,
    # sentences with an unattributed claim, had none: black bars and no swatch).
    legend = bars.locator("xpath=preceding-sibling::ul[contains(@class, 'chart-legend')][1]")
    swatches = legend.locator(".swatch").all()
    colours = [s.evaluate("e => getComputedStyle(e).backgroundColor") for s in swatches]
    assert len(colours) == 4
    assert "rgba(0, 0, 0, 0)" not in colours
    assert len(set(colours)) == len(colours)
    for j, colour in enumerate(colours):
        series = bars.locator(f"rect.bar.series-{j}").all()
        assert {r.evaluate("e => getComputedStyle(e).fill") for r in series} <= {colour}

    # Six outlets and more: the comparison table does not scroll sideways at 1366 px.
    widths = page.evaluate(
        "() => { const t = document.querySelector('.table-scroll');"
        " return [t.scrollWidth, t.clientWidth]; }"
    )
    assert widths[0] <= widths[1] + 1


def test_the_outlet_report_charts_every_outlet_on_one_chart(page: Page, live_server, roles):
    call_command("load_demo")
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    slugs = list(
        Outlet.objects.filter(articles__isnull=False).distinct().values_list("slug", flat=True)[:3]
    )
    query = "&".join(f"outlets={s}" for s in slugs)
    page.goto(f"{live_server.url}/reports/outlets/?{query}&start=2021-01-01&end=2025-12-31")

    chart = page.locator("figure.chart-trend")
    expect(chart.locator("svg")).to_be_visible()
    assert chart.locator("polyline.line").count() == len(slugs)
    legend = page.locator("ul.chart-legend").first.locator("li")  # the tone chart's
    assert legend.count() == len(slugs)
    periods = chart.locator("details table tbody tr").count()
    assert periods > 1
    # One dot per period with a value, and as many values in the table.
    values = [
        v
        for v in chart.locator("details table tbody td:not(:first-child)").all_text_contents()
        if v
    ]
    assert chart.locator("circle.dot").count() == len(values)


# Every text of the charts whose selector is given, as drawn, that lies beyond the left or
# right edge of its chart.
TEXTS_OUTSIDE = """selector => [...document.querySelectorAll(selector)].flatMap(svg => {
  const width = svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')]
    .map(t => [t.textContent, t.getBBox()])
    .filter(([, box]) => box.x < -0.5 || box.x + box.width > width + 0.5)
    .map(([text]) => text);
})"""


def test_the_outlet_reports_time_axes_keep_their_last_date_inside_the_chart(
    page: Page, live_server, roles
):
    # Found in a pages audit: the last period's date was centred on the axis's end, so its
    # second half ("2025-08-04" read "2025-08") was cut off at the chart's edge.
    call_command("load_demo")
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/reports/outlets/?outlets=northbridge-ledger")

    for kind in ("trend", "cues"):
        expect(page.locator(f"figure.chart-{kind} svg")).to_be_visible()
        assert page.locator(f"figure.chart-{kind} text.tick").count() >= 2
        assert page.evaluate(TEXTS_OUTSIDE, f"figure.chart-{kind} svg") == [], kind


def test_the_outlet_report_charts_persuasion_and_frames_over_time(page: Page, live_server, roles):
    call_command("load_demo")
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    slugs = list(
        Outlet.objects.filter(articles__isnull=False).distinct().values_list("slug", flat=True)[:2]
    )
    query = "&".join(f"outlets={s}" for s in slugs)
    page.goto(f"{live_server.url}/reports/outlets/?{query}&start=2021-01-01&end=2025-12-31")

    cues = page.locator("figure.chart-cues")
    expect(cues.locator("svg")).to_be_visible()
    assert cues.locator("polyline.line").count() == len(slugs)
    values = [
        v for v in cues.locator("details tbody td:not(:first-child)").all_text_contents() if v
    ]
    assert cues.locator("circle.dot").count() == len(values)

    frames = page.locator("figure.chart-frames")
    assert frames.count() == len(slugs)
    for i in range(frames.count()):
        chart = frames.nth(i)
        columns = chart.locator("details tbody tr").count()
        assert columns >= 1
        # Each column's parts stack to the whole height of the chart's bars.
        assert chart.locator("rect.part").count() >= columns


def test_the_demo_storyline_chart_has_a_dot_per_first_report_and_every_label_inside(
    page: Page, live_server, roles
):
    call_command("load_demo", "--no-score")
    storyline = Storyline.objects.get()
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + storyline.get_absolute_url())

    chart = page.locator("figure.chart-storyline")
    expect(chart.locator("svg")).to_be_visible()
    first_reports = sum(
        event.articles.values("outlet").distinct().count() for event in storyline.events.all()
    )
    assert chart.locator("circle.point").count() == first_reports == 10
    assert chart.locator("details table tbody tr").count() == first_reports
    # The first and last days under the axis (and the row labels) are drawn inside the
    # chart, not cut off at its edge.
    outside = page.evaluate(
        """() => {
          const svg = document.querySelector('figure.chart-storyline svg');
          const width = svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')]
            .map(t => [t.textContent, t.getBBox()])
            .filter(([, box]) => box.x < -0.5 || box.x + box.width > width + 0.5)
            .map(([text]) => text);
        }"""
    )
    assert outside == []


def test_the_storyline_chart_colours_each_dot_by_its_outlets_leaning_with_a_legend(
    page: Page, live_server, roles
):
    # Found in a pages audit: the chart's description said its dots were coloured by
    # leaning, but the charts' default point colour outweighed the leaning's, so every dot
    # was the same blue, and nothing said which colour was which leaning.
    call_command("load_demo", "--no-score")
    storyline = Storyline.objects.get()
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + storyline.get_absolute_url())

    chart = page.locator("figure.chart-storyline")
    expect(chart.locator("svg")).to_be_visible()
    fills = chart.locator("circle.point").evaluate_all(
        "points => points.map(p => [p.getAttribute('class'), getComputedStyle(p).fill])"
    )
    by_leaning = {}
    for css, fill in fills:
        by_leaning.setdefault(css.split("lean-", 1)[1], set()).add(fill)
    assert len(by_leaning) >= 3  # the demo storyline's outlets lean left, right and centre
    assert all(len(colours) == 1 for colours in by_leaning.values())
    assert len({next(iter(c)) for c in by_leaning.values()}) == len(by_leaning)
    # The legend names each leaning drawn, in its dots' colour.
    legend = page.locator("ul.chart-legend", has=page.locator("svg circle")).locator("li")
    assert legend.count() == len(by_leaning)
    for i in range(legend.count()):
        swatch = legend.nth(i).locator("circle")
        key = swatch.get_attribute("class").split("lean-", 1)[1]
        assert swatch.evaluate("c => getComputedStyle(c).fill") in by_leaning[key]


def test_the_outlet_report_sets_the_tone_toward_people_side_by_side(page: Page, live_server, roles):
    call_command("load_demo")
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    outlets = list(Outlet.objects.filter(articles__isnull=False).distinct()[:4])
    query = "&".join(f"outlets={o.slug}" for o in outlets)
    page.goto(f"{live_server.url}/reports/outlets/?{query}&start=2021-01-01&end=2025-12-31")

    heading = page.get_by_text("Tone toward the people most named")
    expect(heading).to_be_visible()
    cells = page.locator("td[data-person-tone]")
    assert cells.count() >= len(outlets)  # a row per person, a cell per outlet
    figures = [c for c in cells.all_text_contents() if "article" in c]
    assert figures, "no outlet's tone toward anybody"


# WCAG's contrast of two colours as the browser computes them ("rgb(r, g, b)").
CONTRAST = """([a, b]) => {
  const lum = (css) => {
    const [r, g, b] = css.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


def test_the_coverage_balance_labels_read_on_every_colour_of_their_bars(
    page: Page, live_server, roles
):
    # Found in a pages audit: the bars' labels were white on every part, under 3 to 1 on
    # the light ones ("lean left", "center", "lean right", most countries).
    from tests.factories import EventFactory

    event = EventFactory(title="Harbour strike written for the tests")
    leanings = ["left", "lean_left", "center", "lean_right", "right", "", "center"]
    countries = ["GB", "DE", "FR", "US", "RU", "IN", "ES"]
    for i, (leaning, country) in enumerate(zip(leanings, countries, strict=True)):
        outlet = OutletFactory(leaning=leaning, country=country, state_affiliated=i < 2)
        ArticleFactory(outlet=outlet, event=event, headline=f"Report {i} written for the tests")
    event_comparison_refresh(event_id=event.pk)
    user = UserFactory(role=EDITOR)
    login(page, live_server.url, user.username)
    page.goto(live_server.url + event.get_absolute_url())

    labels = page.locator("figure.chart-balance text.bar-label")
    expect(labels.first).to_be_visible()
    pairs = labels.evaluate_all(
        """labels => labels.filter(t => t.textContent).map(t => [t.textContent,
             getComputedStyle(t).fill, getComputedStyle(t.previousElementSibling).fill])"""
    )
    assert len(pairs) == 7 + 2 + 6  # countries, state and independent, leanings drawn
    low = [(text, page.evaluate(CONTRAST, [a, b])) for text, a, b in pairs]
    assert [(text, ratio) for text, ratio in low if ratio < 4.5] == []
