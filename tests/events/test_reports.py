import csv
import datetime as dt
import io
import re
from html import unescape as html_unescape
from urllib.parse import parse_qs

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis.models import Score
from events.outlet_report import outlet_figures, outlet_report, trend_unit
from newsdesk.models import CopyKind, Storyline
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def scored(outlet, day, tone, density=0.3):
    article = ArticleFactory(
        outlet=outlet, published_at=dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)
    )
    Score.objects.create(
        article=article, scorer="sentiment", version="1", values={"compound_mean": tone}
    )
    Score.objects.create(
        article=article, scorer="attribution", version="1",
        values={"attribution_density": density, "anonymous_share": 0.0},
        evidence={"sources": [{"name": "Mary Hollis", "type": "named_person", "count": 2}]},
    )  # fmt: skip
    return article


def test_the_report_averages_with_a_confidence_interval(editor_client):
    outlet = OutletFactory(slug="gazette", name="Gazette")
    for day, tone in ((1, 0.1), (2, 0.3), (9, 0.5)):
        scored(outlet, dt.date(2024, 3, day), tone)
    scored(outlet, dt.date(2023, 1, 1), -0.9)  # outside the period

    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&start=2024-03-01&end=2024-03-31"
    ).content.decode()

    assert 'data-articles="3"' in html
    # mean 0.3, sd 0.2, t(0.975, 2) = 4.303: 0.3 +- 0.497, rounded for reading
    assert "0.30" in html and "[-0.20, 0.80]" in html
    assert "Mary Hollis (6)" in html
    assert html.count("<circle") == 2  # two weeks with articles


def test_each_outlet_after_the_first_says_whether_it_differs_from_it(editor_client):
    """ "Outlet X is warmer than Y" only where the difference's interval leaves out 0."""
    gazette, herald, courier = (
        OutletFactory(slug=slug, name=name)
        for slug, name in (("gazette", "Gazette"), ("herald", "Herald"), ("courier", "Courier"))
    )
    for day, tone, density in ((1, 0.1, 0.30), (2, 0.2, 0.31), (3, 0.15, 0.29)):
        scored(gazette, dt.date(2024, 3, day), tone, density=density)
    # Herald: clearly warmer, the same attribution density give or take.
    for day, tone, density in ((1, 0.6, 0.32), (2, 0.7, 0.28), (4, 0.65, 0.30)):
        scored(herald, dt.date(2024, 3, day), tone, density=density)
    scored(courier, dt.date(2024, 3, 5), 0.9)  # one article: no interval, no verdict

    query = (
        "?outlets=gazette&outlets=herald&outlets=courier&versus=gazette"
        "&start=2024-03-01&end=2024-03-31"
    )
    html = editor_client.get("/reports/outlets/" + query).content.decode()

    tone = re.search(r'<div class="small versus apart" data-versus="tone">(.*?)</div>', html)
    # Means 0.15 and 0.65, sds 0.05: a difference of 0.5, Welch's interval about +-0.11.
    assert tone and tone[1].startswith("higher than Gazette: +0.50 ")
    density = re.search(r'<div class="small versus" data-versus="attribution_density">(.*?)<', html)
    assert density and density[1].startswith("not told apart from Gazette: ")
    assert html.count('data-versus="tone"') == 1  # not for Gazette, not for the single article

    rows = list(csv.DictReader(io.StringIO(
        editor_client.get("/reports/outlets/" + query + "&format=csv").content.decode()
    )))  # fmt: skip
    by_name = {row["outlet"]: row for row in rows}
    assert by_name["Gazette"]["tone_vs_reference"] == by_name["Courier"]["tone_vs_reference"] == ""
    herald_tone = by_name["Herald"]
    assert float(herald_tone["tone_vs_reference"]) == pytest.approx(0.5)
    low, high = (
        float(herald_tone["tone_vs_reference_low"]),
        float(herald_tone["tone_vs_reference_high"]),
    )
    assert 0.3 < low < 0.5 < high < 0.7


def test_an_interval_stops_where_the_figure_can_go_no_further(editor_client):
    # Found in a usability pass: with few articles the t interval ran past the range of
    # the figure (a tone below -1, a share above 1).
    outlet = OutletFactory(slug="gazette", name="Gazette")
    scored(outlet, dt.date(2024, 3, 1), -0.9, density=0.95)
    scored(outlet, dt.date(2024, 3, 2), 0.1, density=0.15)

    report = outlet_report(outlets=[outlet], start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))

    figures = report["outlets"][0]["figures"]
    # mean -0.4, sd 0.707, t(0.975, 1) = 12.706: -0.4 +- 6.35, cut to the scale's ends
    assert figures["tone"]["mean"] == pytest.approx(-0.4)
    assert (figures["tone"]["low"], figures["tone"]["high"]) == (-1.0, 1.0)
    assert (figures["attribution_density"]["low"], figures["attribution_density"]["high"]) == (
        0.0,
        1.0,
    )
    # Within the range, an interval is left as it is.
    assert figures["anonymous_share"]["low"] == figures["anonymous_share"]["high"] == 0.0


def test_the_report_averages_the_grade_beside_the_reading_ease_and_the_csv_keeps_both(
    editor_client,
):
    outlet = OutletFactory(slug="gazette", name="Gazette")
    for day, grade, ease in ((1, 8.0, 60.0), (2, 12.0, 40.0)):
        article = scored(outlet, dt.date(2024, 3, day), 0.1)
        Score.objects.create(
            article=article, scorer="readability", version="1",
            values={"flesch_kincaid_grade": grade, "flesch_reading_ease": ease},
        )  # fmt: skip
    query = "?outlets=gazette&start=2024-03-01&end=2024-03-31"

    figures = outlet_report(outlets=[outlet], start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))[
        "outlets"
    ][0]["figures"]
    assert figures["grade"]["mean"] == pytest.approx(10.0)
    # mean 10, sd 2.83, t(0.975, 1) = 12.706: the low end is cut at the grade's floor.
    assert figures["grade"]["low"] == pytest.approx(-3.40)
    assert figures["reading_ease"]["mean"] == pytest.approx(50.0)
    html = editor_client.get("/reports/outlets/" + query).content.decode()
    row = html.split("<th>Flesch–Kincaid grade", 1)[1].split("</tr>", 1)[0]
    assert "10.0" in row or "10.00" in row
    rows = list(csv.DictReader(io.StringIO(
        editor_client.get("/reports/outlets/" + query + "&format=csv").content.decode()
    )))  # fmt: skip
    assert float(rows[0]["grade_mean"]) == pytest.approx(10.0)
    assert float(rows[0]["reading_ease_mean"]) == pytest.approx(50.0)


def test_several_outlets_side_by_side_and_csv(editor_client):
    a, b = OutletFactory(slug="a", name="Alpha"), OutletFactory(slug="b", name="Beta")
    scored(a, dt.date(2024, 5, 1), 0.2)
    scored(b, dt.date(2024, 5, 2), -0.4)
    query = "?outlets=a&outlets=b&start=2024-05-01&end=2024-05-31"

    html = editor_client.get("/reports/outlets/" + query).content.decode()
    assert "Alpha" in html and "Beta" in html

    response = editor_client.get("/reports/outlets/" + query + "&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["outlet"], float(r["tone_mean"])) for r in rows] == [("Alpha", 0.2), ("Beta", -0.4)]


def test_over_years_the_tone_is_charted_by_month_to_the_end_of_the_period(editor_client):
    outlet = OutletFactory(slug="gazette", name="Gazette")
    scored(outlet, dt.date(2020, 1, 15), 0.1)
    scored(outlet, dt.date(2024, 12, 2), 0.2)
    scored(outlet, dt.date(2024, 12, 30), 0.4)

    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&start=2020-01-01&end=2024-12-31"
    ).content.decode()

    assert "mean tone by month" in html
    # Both ends of five years (weeks stopped after about three), December's two averaged.
    assert "<title>Gazette, 2020-01-01: +0.10</title>" in html
    assert "<title>Gazette, 2024-12-01: +0.30</title>" in html
    assert html.count("<circle") == 2
    # Up to the last day there is, in yearly steps.
    response = editor_client.get(
        "/reports/outlets/?outlets=gazette&start=0001-01-01&end=9999-12-31"
    )
    assert response.status_code == 200
    assert "mean tone by year" in response.content.decode()


def test_the_tone_trend_steps_by_week_month_or_year_as_the_period_grows():
    monday = dt.date(2024, 1, 1)
    weeks_160 = monday + dt.timedelta(weeks=160) - dt.timedelta(days=1)
    assert trend_unit(monday, weeks_160) == "week"
    assert trend_unit(monday, weeks_160 + dt.timedelta(days=1)) == "month"
    assert trend_unit(dt.date(2000, 1, 1), dt.date(2013, 4, 30)) == "month"  # 160 months
    assert trend_unit(dt.date(2000, 1, 1), dt.date(2013, 5, 1)) == "year"

    report = outlet_report(outlets=[], start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31))
    assert report["trend_unit"] == "year"
    weekly = outlet_report(outlets=[OutletFactory()], start=monday, end=weeks_160)
    assert len(weekly["outlets"][0]["trend"]) == 160
    centuries = outlet_report(
        outlets=[OutletFactory()], start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31)
    )
    years = [day for day, _ in centuries["outlets"][0]["trend"]]
    assert (len(years), years[0], years[-1]) == (160, "9840-01-01", "9999-01-01")


def test_the_report_without_outlets_explains_itself(editor_client):
    html = editor_client.get("/reports/outlets/").content.decode()
    assert "Choose one outlet, or several" in html


def test_the_report_reads_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    outlet = OutletFactory(slug="busy")
    for n in range(30):
        article = scored(outlet, dt.date(2024, 1, 1) + dt.timedelta(days=n), 0.01 * n)
        Score.objects.create(
            article=article,
            scorer="actors",
            version="17",
            values=actors_values([person(f"Person {n % 7}", 0.01 * n)]),
        )
    # 13 since the tone toward people (one more aggregate), however many articles.
    with django_assert_max_num_queries(13):
        editor_client.get("/reports/outlets/?outlets=busy&start=2024-01-01&end=2024-12-31")


def test_blindspots_find_one_sided_state_and_single_country_coverage(editor_client):
    one_sided = EventFactory(
        title="One-sided story", starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2024, 4, 2)
    )
    balanced = EventFactory(
        title="Balanced story", starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2024, 4, 1)
    )
    lefts = [OutletFactory(leaning="left", country="US") for _ in range(3)]
    right = OutletFactory(leaning="right", country="GB")
    for outlet in lefts:
        ArticleFactory(outlet=outlet, event=one_sided)
    for outlet in (lefts[0], lefts[1], right):
        ArticleFactory(outlet=outlet, event=balanced)

    html = editor_client.get(
        "/reports/blindspots/?start=2024-01-01&end=2024-12-31"
    ).content.decode()
    assert "One-sided story" in html and "100% of outlets lean left" in html
    assert "only outlets from US" in html
    assert "Balanced story" not in html

    relaxed = editor_client.get(
        "/reports/blindspots/?start=2024-01-01&end=2024-12-31&side_share=0.6"
    ).content.decode()
    assert "Balanced story" in relaxed and "67% of outlets lean left" in relaxed


def test_blindspots_on_the_demo_show_an_empty_state_or_events(editor_client):
    call_command("load_demo", "--no-score")
    html = editor_client.get(
        "/reports/blindspots/?start=2021-01-01&end=2025-12-31&min_outlets=9"
    ).content.decode()
    assert "No blindspots in this period with these thresholds." in html


def test_an_empty_blindspots_page_says_what_would_list_the_nearest_event(editor_client):
    day = dt.date(2024, 4, 1)
    near = EventFactory(title="Mostly left story", starts_on=day, ends_on=day)
    small = EventFactory(title="Small story", starts_on=day, ends_on=day)
    lefts = [OutletFactory(leaning="left", country="US") for _ in range(2)]
    right = OutletFactory(leaning="right", country="GB")
    for outlet in (*lefts, right):
        ArticleFactory(outlet=outlet, event=near)
    ArticleFactory(outlet=right, event=small)
    ArticleFactory(outlet=lefts[0], event=small)

    html = editor_client.get(
        "/reports/blindspots/?start=2024-01-01&end=2024-12-31&min_outlets=3"
    ).content.decode()
    assert "No blindspots in this period with these thresholds." in html
    why = html[html.index('id="why-none"') :]
    assert "2 events in this period; 1 covered by at least 3 outlets" in why
    assert "(1 by fewer: lower “Fewest outlets covering” to include them)" in why
    assert "Mostly left story</a>, has 67% of its 3 outlets leaning left" in why
    assert "set the share of outlets on one side to 0.67 or lower" in why


def test_an_empty_period_says_to_choose_another(editor_client):
    html = editor_client.get(
        "/reports/blindspots/?start=1999-01-01&end=1999-12-31"
    ).content.decode()
    assert "No event has coverage between 1 Jan 1999 and 31 Dec 1999" in html


def test_each_blindspot_shows_the_leaning_of_its_outlets_as_a_bar(editor_client):
    day = dt.date(2024, 4, 1)
    story = EventFactory(title="One-sided story", starts_on=day, ends_on=day)
    for leaning in ("left", "left", "lean_left", "center"):
        ArticleFactory(outlet=OutletFactory(leaning=leaning, country="US"), event=story)
    html = editor_client.get(
        "/reports/blindspots/?start=2024-01-01&end=2024-12-31&side_share=0.75"
    ).content.decode()
    row = html[html.index("One-sided story") :]
    assert "3 left · 1 center or unrated · 0 right" in row
    assert 'class="lean-left"><title>left: 75%</title>' in row


def one_sided_stories(count: int, first: int = 0) -> None:
    """``count`` events, one a day from 1 March 2024 on, each covered by one left-leaning
    outlet of one country (a blindspot when one outlet is enough); every third in a
    storyline."""
    outlet = OutletFactory(leaning="left", country="US")
    storyline = Storyline.objects.create(title=f"Storyline from {first}")
    for n in range(first, first + count):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=n)
        story = EventFactory(
            title=f"Story {n:03d}",
            starts_on=day,
            ends_on=day,
            storyline=storyline if n % 3 == 0 else None,
        )
        ArticleFactory(outlet=outlet, event=story)


BLINDSPOTS = "/reports/blindspots/?start=2024-01-01&end=2024-12-31&min_outlets=1&side_share=0.9"


def listed_stories(response) -> list[str]:
    return re.findall(r">(Story \d{3})</a>", response.content.decode())


def link(response, label: str) -> dict[str, list[str]]:
    """The parameters of the page's pagination link ``label`` ("Next", "Previous")."""
    (href,) = re.findall(rf'<a href="\?([^"]*)">[^<]*{label}', response.content.decode())
    return parse_qs(html_unescape(href))


def test_blindspots_come_25_to_a_page_newest_first_with_the_filters_in_the_links(
    editor_client,
):
    one_sided_stories(30)
    newest_first = [f"Story {n:03d}" for n in reversed(range(30))]

    first = editor_client.get(BLINDSPOTS)
    assert listed_stories(first) == newest_first[:25]
    assert "Page 1 of 2 · 30 in all" in first.content.decode()
    # The period and the thresholds go with the link, and the page number once.
    filters = {"start": ["2024-01-01"], "end": ["2024-12-31"]}
    filters |= {"min_outlets": ["1"], "side_share": ["0.9"]}
    assert link(first, "Next") == filters | {"page": ["2"]}
    second = editor_client.get("/reports/blindspots/", link(first, "Next"))
    assert listed_stories(second) == newest_first[25:]
    assert "Page 2 of 2 · 30 in all" in second.content.decode()
    assert link(second, "Previous") == filters | {"page": ["1"]}
    # Past the last page: the last; not a number: the first.
    assert listed_stories(editor_client.get(BLINDSPOTS + "&page=99")) == newest_first[25:]
    assert listed_stories(editor_client.get(BLINDSPOTS + "&page=x")) == newest_first[:25]


def test_a_page_of_blindspots_reads_as_many_queries_however_many_there_are(editor_client):
    def counts() -> list[int]:
        found = []
        for page in (1, 2):
            with CaptureQueriesContext(connection) as captured:
                response = editor_client.get(f"{BLINDSPOTS}&page={page}")
            assert len(listed_stories(response)) == 25
            found.append(len(captured))
        return found

    one_sided_stories(50)
    editor_client.get(BLINDSPOTS)  # anything a first visit sets up
    small = counts()
    one_sided_stories(150, first=50)
    # The login's three, the tally, and the events of the page's rows.
    assert counts() == small == [5, 5]


@pytest.mark.parametrize(
    "url",
    [
        "/reports/outlets/?outlets=gazette&end=0001-01-01",
        "/reports/outlets/?outlets=gazette&start=0001-01-01&end=9999-12-31",
        "/reports/outlets/?outlets=gazette&end=9999-12-31&format=csv",
        "/reports/blindspots/?end=0001-01-01",
        "/reports/blindspots/?start=0001-01-01&end=9999-12-31",
    ],
)
def test_a_period_at_the_ends_of_the_calendar_is_clamped_not_a_server_error(editor_client, url):
    outlet = OutletFactory(slug="gazette", name="Gazette")
    scored(outlet, dt.date(2024, 3, 1), 0.2)

    response = editor_client.get(url)

    assert response.status_code == 200
    if "start=0001-01-01&end=9999-12-31" in url and "outlets" in url:
        assert 'data-articles="1"' in response.content.decode()


# Found in a QA pass: after choosing a period on Blindspots, the two threshold boxes came
# back empty while the text above said the defaults (80 %, 3 outlets) applied, so the page
# seemed to apply thresholds nobody had entered.


def _value(html: str, name: str) -> str | None:
    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    found = re.search(r'value="([^"]*)"', field)
    return found.group(1) if found else None


def test_the_thresholds_in_use_stay_in_their_boxes(client, editor):
    client.force_login(editor)

    for query in ("", "?start=2024-01-01&end=2024-12-31", "?side_share=&min_outlets="):
        html = client.get("/reports/blindspots/" + query).content.decode()
        assert _value(html, "side_share") == "0.8", query
        assert _value(html, "min_outlets") == "3", query
        assert "at least 3 outlets, of which at least 80%" in html


def test_a_threshold_given_is_kept(client, editor):
    client.force_login(editor)
    html = client.get("/reports/blindspots/?start=2024-01-01&min_outlets=5").content.decode()
    assert _value(html, "min_outlets") == "5" and _value(html, "side_share") == "0.8"
    assert "at least 5 outlets" in html


# Found in a QA pass: the outlet report showed each outlet's frames as a bar of colours
# with nothing saying which colour was which frame (the article and event pages name the
# primary and secondary frame under theirs; the report named none).


def one_scored_report(client, editor, scorer: str, values: dict) -> str:
    """The March 2024 outlet report of one outlet with one article, scored by ``scorer``
    with ``values``."""
    outlet = OutletFactory(slug="gazette", name="Gazette")
    article = ArticleFactory(outlet=outlet, published_at=dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC))
    Score.objects.create(article=article, scorer=scorer, version="1", values=values)
    client.force_login(editor)
    return client.get(
        "/reports/outlets/?outlets=gazette&start=2024-03-01&end=2024-03-31"
    ).content.decode()


def test_the_outlet_report_names_the_colours_of_its_frame_bars(client, editor):
    html = one_scored_report(
        client,
        editor,
        "framing",
        {"shares": {"economic": 0.75, "legality": 0.25}, "primary_frame": "economic"},
    )

    assert 'class="sharebar"' in html
    assert '<ul class="sharelegend small">' in html
    assert "economic: 75%" in html.split("sharelegend", 1)[1]


def test_the_report_reads_each_outlets_events_and_the_storyline_events_it_skipped(
    editor_client,
):
    gazette = OutletFactory(slug="gazette", name="Gazette")
    herald = OutletFactory(slug="herald", name="Herald")
    standoff = Storyline.objects.create(title="A budget standoff (written for the tests)")
    start, talks, end = (EventFactory(storyline=standoff) for _ in range(3))

    def report_on(outlet, event, when, **extra):
        return ArticleFactory(outlet=outlet, event=event, published_at=when, **extra)

    report_on(gazette, start, dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC))
    report_on(gazette, talks, dt.datetime(2024, 3, 2, 9, tzinfo=dt.UTC))
    original = report_on(herald, end, dt.datetime(2024, 3, 3, 9, tzinfo=dt.UTC))
    report_on(herald, EventFactory(), dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC))
    # A syndicated copy is not coverage of its own: the Gazette did not report the end.
    report_on(
        gazette,
        end,
        dt.datetime(2024, 3, 5, 9, tzinfo=dt.UTC),
        copy_of=original,
        copy_kind=CopyKind.SYNDICATED,
    )
    # Outside the period: neither counted nor skipped.
    report_on(gazette, EventFactory(storyline=standoff), dt.datetime(2023, 1, 1, tzinfo=dt.UTC))

    report = outlet_report(
        outlets=[gazette, herald], start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31)
    )

    gazette_row, herald_row = report["outlets"]
    assert gazette_row["stories"] == {"events": 2, "storylines": 1, "skipped": 1}
    assert herald_row["stories"] == {"events": 2, "storylines": 1, "skipped": 2}
    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&outlets=herald&start=2024-03-01&end=2024-03-31"
    ).content.decode()
    assert 'data-stories="2 1 1"' in html and 'data-stories="2 1 2"' in html
    assert "in 1 storyline, 1 of whose events it skipped" in html


def test_the_outlet_reports_anonymous_share_says_what_its_own_measurement_found(client, editor):
    html = one_scored_report(
        client, editor, "attribution", {"attribution_density": 0.4, "anonymous_share": 0.5}
    )

    # The share's own figure (against source types labelled here), not the quotes' F1.
    row = html.split("<th>Anonymous sources", 1)[1].split("</th>", 1)[0]
    assert "against labels added here" in row and "/methodology/#attribution" in row
    assert "anonymous sources proper" in row and "not measured" not in row
    # The generic groups beside it (attribution 24), with their own measurement.
    groups = html.split("<th>Generic groups", 1)[1].split("</th>", 1)[0]
    assert "generic groups (the group share)" in groups and "against labels added here" in groups
    density = html.split("<th>Attribution density", 1)[1].split("</th>", 1)[0]
    assert "against labels added here" not in density and "not measured" not in density


def test_each_figure_of_the_outlet_report_links_to_its_scorers_entry(client, editor):
    html = one_scored_report(
        client, editor, "attribution", {"attribution_density": 0.4, "anonymous_share": 0.5}
    )
    for label, measure in (
        ("Tone (mean compound)", "sentiment"),
        ("Attribution density", "attribution"),
        ("Anonymous sources", "attribution"),
        ("Generic groups", "attribution"),
        ("Flesch–Kincaid grade", "readability"),
        ("Flesch reading ease", "readability"),
        ("Most quoted", "attribution"),
    ):
        heading = html.split(f"<th>{label}", 1)[1].split("</th>", 1)[0]
        assert f'class="trust-short" href="/methodology/#{measure}"' in heading, label


def person(name: str, toward: float | None, kind: str = "person") -> dict:
    found = {"name": name, "kind": kind, "count": 1, "compound_mean": 0.0}
    if toward is not None:
        found["toward_mean"] = toward
    return found


def actors_values(people: list[dict]) -> dict:
    """An actors score's values for these actors, as the scorer gives them."""
    return {
        "actor_count": len(people),
        "people": [
            {"name": p["name"], "toward_mean": p["toward_mean"], "sentences": 1}
            for p in people
            if "toward_mean" in p
        ],
    }


def with_people(outlet, day, people: list[dict], version: str = "17"):
    article = scored(outlet, day, 0.0)
    values = actors_values(people) if version == "17" else {"actor_count": len(people)}
    Score.objects.create(
        article=article,
        scorer="actors",
        version=version,
        values=values,
        evidence={"actors": people},
    )
    return article


def test_the_report_shows_each_outlets_tone_toward_the_people_most_named(editor_client):
    gazette = OutletFactory(slug="gazette", name="Gazette")
    courier = OutletFactory(slug="courier", name="Courier")
    march = [dt.date(2024, 3, day) for day in (1, 2, 3)]
    # Written for the tests: the Gazette warm toward Ann Lee, the Courier cold.
    for day, tone in zip(march, (0.4, 0.6, 0.5), strict=True):
        with_people(gazette, day, [person("Ann Lee", tone), person("Tarsa", None, "country")])
    for day, tone in zip(march[:2], (-0.5, -0.3), strict=True):
        with_people(courier, day, [person("Ann Lee", tone), person("Tom Hale", 0.1)])
    # Scored before the tone toward (actors 16): no figure, not counted.
    with_people(courier, march[2], [person("Ann Lee", None)], version="16")

    report = outlet_report(
        outlets=[gazette, courier], start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31)
    )
    rows = {row["name"]: row["cells"] for row in report["people"]}
    assert list(rows) == ["Ann Lee", "Tom Hale"]  # by articles naming them; no country
    lee_gazette, lee_courier = rows["Ann Lee"]
    assert (lee_gazette["n"], lee_courier["n"]) == (3, 2)
    assert lee_gazette["mean"] == pytest.approx(0.5)
    assert lee_courier["mean"] == pytest.approx(-0.4)
    # sd 0.1 over three articles: 0.5 +- 4.303 * 0.1 / sqrt(3)
    assert lee_gazette["low"] == pytest.approx(0.5 - 4.303 * 0.1 / 3**0.5, abs=1e-3)
    assert rows["Tom Hale"][0] is None

    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&outlets=courier&start=2024-03-01&end=2024-03-31"
    ).content.decode()
    assert "Tone toward the people most named" in html
    assert 'data-person-tone="0.500"' in html and 'data-person-tone="-0.400"' in html
    assert "3 articles" in html and "not named" in html
    csv_response = editor_client.get(
        "/reports/outlets/?outlets=gazette&outlets=courier&start=2024-03-01&end=2024-03-31"
        "&format=csv"
    )
    table = list(csv.reader(io.StringIO(csv_response.content.decode())))
    header = table[0]
    gazette_row = next(row for row in table if row[0] == "Gazette")
    courier_row = next(row for row in table if row[0] == "Courier")
    mean = header.index("tone_toward Ann Lee_mean")
    assert float(gazette_row[mean]) == pytest.approx(0.5)
    assert float(courier_row[mean]) == pytest.approx(-0.4)
    hale_n = header.index("tone_toward Tom Hale_n")
    assert (gazette_row[hale_n], courier_row[hale_n]) == ("0", "2")


def test_one_person_under_two_names_in_different_articles_is_one_row(editor_client):
    gazette = OutletFactory(slug="gazette", name="Gazette")
    courier = OutletFactory(slug="courier", name="Courier")
    day = dt.date(2024, 3, 4)
    # Written for the tests: one article gives the full name, the others the surname only.
    with_people(gazette, day, [person("Ann Lee", 0.4)])
    with_people(gazette, day, [person("Lee", 0.2)])
    with_people(courier, day, [person("Lee", -0.5)])

    report = outlet_report(outlets=[gazette, courier], start=day, end=day)
    rows = {row["name"]: row["cells"] for row in report["people"]}
    assert list(rows) == ["Ann Lee"]
    gazette_cell, courier_cell = rows["Ann Lee"]
    assert (gazette_cell["n"], courier_cell["n"]) == (2, 1)
    assert gazette_cell["mean"] == pytest.approx(0.3)
    # The interval is the two articles': sd 0.1414, so 0.3 +- 12.706 * 0.1414 / sqrt(2).
    assert gazette_cell["low"] == pytest.approx(0.3 - 1.2706, abs=1e-3)
    assert courier_cell["mean"] == pytest.approx(-0.5)


def test_a_surname_two_people_share_stays_its_own_row(editor_client):
    gazette = OutletFactory(slug="gazette", name="Gazette")
    day = dt.date(2024, 3, 4)
    # Written for the tests: two Lees named in full, and an article that says "Lee" only.
    with_people(gazette, day, [person("Ann Lee", 0.4), person("Bo Lee", -0.2)])
    with_people(gazette, day, [person("Lee", 0.1)])

    report = outlet_report(outlets=[gazette], start=day, end=day)
    rows = {row["name"]: row["cells"][0]["mean"] for row in report["people"]}
    assert rows == pytest.approx({"Ann Lee": 0.4, "Bo Lee": -0.2, "Lee": 0.1})


def test_the_most_quoted_sources_merge_one_persons_names_across_articles(editor_client):
    gazette = OutletFactory(slug="gazette", name="Gazette")
    day = dt.date(2024, 3, 4)
    scored(gazette, day, 0.0)  # quotes "Mary Hollis" twice
    article = scored(gazette, day, 0.0)
    # Written for the tests: a later article quotes her by surname, and an office.
    Score.objects.filter(article=article, scorer="attribution").update(
        evidence={
            "sources": [
                {"name": "Hollis", "type": "named_person", "count": 3},
                {"name": "the Treasury", "type": "named_org", "count": 1},
                {"name": "Treasury", "type": "named_org", "count": 1},
            ]
        }
    )

    report = outlet_report(outlets=[gazette], start=day, end=day)
    assert report["outlets"][0]["sources"] == [("Mary Hollis", 5), ("Treasury", 2)]


def test_the_outlet_compared_with_is_one_of_those_in_the_report(editor_client):
    for slug, name in (("gazette", "Gazette"), ("herald", "Herald"), ("courier", "Courier")):
        OutletFactory(slug=slug, name=name)

    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&outlets=herald&versus=gazette"
    ).content.decode()
    offered = re.search(r'<select name="versus"[^>]*>(.*?)</select>', html, re.DOTALL)[1]
    assert re.findall(r'<option value="([^"]*)"', offered) == ["", "gazette", "herald"]

    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&outlets=herald&versus=courier"
    ).content.decode()
    assert "Choose it among the outlets compared, too." in html


def test_an_outlets_updates_and_syndicated_copies_are_counted_but_not_averaged(editor_client):
    """An update is the outlet's report again, a syndicated copy another's words: averaged,
    an often-updated report would weigh twice, as the event pages never let it."""
    gazette, wire = OutletFactory(slug="gazette", name="Gazette"), OutletFactory(slug="wire")
    own = [scored(gazette, dt.date(2024, 3, day), tone) for day, tone in ((1, 0.1), (2, 0.3))]
    update = scored(gazette, dt.date(2024, 3, 3), -0.9)
    update.copy_kind, update.copy_of = CopyKind.UPDATE, own[0]
    update.save()
    copy = scored(gazette, dt.date(2024, 3, 4), -0.8)
    copy.copy_kind, copy.copy_of = CopyKind.SYNDICATED, scored(wire, dt.date(2024, 3, 4), -0.8)
    copy.save()

    report = outlet_report(outlets=[gazette], start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))

    [item] = report["outlets"]
    assert (item["articles"], item["copies"]) == (4, 2)
    assert item["figures"]["tone"]["n"] == 2
    assert item["figures"]["tone"]["mean"] == pytest.approx(0.2)
    assert item["sources"] == [("Mary Hollis", 4)]  # two own articles, two mentions each
    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&start=2024-03-01&end=2024-03-31"
    ).content.decode()
    assert 'data-copies="2">2 of them updates of its own articles or syndicated copies' in html
    # The outlet's page averages the same articles.
    assert outlet_figures(outlet=gazette)["tone"] == pytest.approx(
        item["figures"]["tone"], rel=1e-9
    )


def test_a_report_without_scored_articles_says_why_each_chart_is_missing(editor_client):
    # Found in a pages audit: for an outlet with no scored article in the period the tone
    # chart said why it was missing, while the persuasion and frames charts were left out
    # without a word, under a heading and two trust lines.
    OutletFactory(slug="quiet", name="Quiet Herald")
    html = editor_client.get(
        "/reports/outlets/?outlets=quiet&start=2024-03-01&end=2024-03-31"
    ).content.decode()

    assert "No tone to chart by week: no scored article in these periods." in html
    assert re.search(r'data-no-chart="cues">No persuasion findings to chart by week', html)
    assert re.search(
        r'data-no-chart="frames"><strong>Frames of Quiet Herald</strong>: none to chart', html
    )


def test_a_mean_of_one_article_says_why_it_has_no_interval(editor_client):
    # Found in a pages audit: an outlet with one article in the period had its means
    # without an interval beside another outlet's with one, and nothing said why.
    scored(OutletFactory(slug="lone", name="Lone Herald"), dt.date(2024, 3, 4), 0.2)
    gazette = OutletFactory(slug="gazette", name="Gazette")
    for day, tone in ((1, 0.1), (2, 0.3)):
        scored(gazette, dt.date(2024, 3, day), tone)

    html = editor_client.get(
        "/reports/outlets/?outlets=lone&outlets=gazette&start=2024-03-01&end=2024-03-31"
    ).content.decode()

    tone = html[html.index("<tr><th>Tone") :].split("</tr>", 1)[0]
    cells = tone.split("<td>")[1:]
    assert [("one article: no interval" in c, "[" in c) for c in cells] in (
        [(True, False), (False, True)],
        [(False, True), (True, False)],
    )


def test_the_side_by_side_table_says_what_it_is_to_a_screen_reader(editor_client):
    # Found in a pages audit: the comparison tables had neither caption nor heading cell.
    scored(OutletFactory(slug="gazette", name="Gazette"), dt.date(2024, 3, 1), 0.1)
    html = editor_client.get(
        "/reports/outlets/?outlets=gazette&start=2024-03-01&end=2024-03-31"
    ).content.decode()

    table = html[html.index('<table class="compare">') :]
    assert re.match(
        r'<table class="compare">\s*<caption class="visually-hidden">The outlets', table
    )
