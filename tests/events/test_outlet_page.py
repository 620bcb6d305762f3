"""An outlet's page: its articles, and the outlet report's figures over all of them."""

from __future__ import annotations

import datetime as dt
import math
import re
from statistics import fmean, stdev

import pytest
from django.urls import reverse

from analysis.models import Score
from analysis.templatetags.analysis_charts import readable
from events.outlet_report import FIGURES, outlet_figures, outlet_report
from newsdesk.roles import ANALYST, EDITOR
from tests.factories import ArticleFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db

# Written for the tests: a bad day, a good day, a dull day, and an anonymous source.
BODIES = [
    "The attack was a horrible, deadly disaster. Many people were hurt.",
    "Volunteers were wonderful and everyone was grateful. The town celebrated.",
    "The council met on Monday. The budget was discussed at length by members. "
    '"We will cut nothing," a senior official said on condition of anonymity.',
]
T_975_2 = 4.302652729911275  # Student's t, 0.975 quantile, 2 degrees of freedom


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def row(html: str, name: str) -> dict:
    """The figure's row on the page: its mean, interval and count as shown."""
    found = re.search(rf'<tr data-figure="{name}">(.*?)</tr>', html, re.DOTALL)
    assert found, f"figure {name} is not on the page"
    cells = found[1]
    mean = re.search(r"<span data-mean>([^<]*)</span>", cells)
    interval = re.search(r"<span [^>]*data-interval>([^<]*)</span>", cells)
    return {
        "mean": mean[1] if mean else None,
        "interval": interval[1] if interval else None,
        "n": int(re.search(r'data-n="(\d+)"', cells)[1]),
        "cells": cells,
    }


def test_the_outlet_page_lists_only_its_articles(analyst_client):
    outlet, other = OutletFactory(name="Beeb"), OutletFactory()
    ArticleFactory(outlet=outlet, headline="Ours")
    ArticleFactory(outlet=other, headline="Theirs")

    html = html_of(analyst_client.get(outlet.get_absolute_url()))

    assert "<h1>Beeb</h1>" in html
    assert ">Ours</a>" in html
    assert "Theirs" not in html


def test_an_outlet_without_articles_says_so(analyst_client):
    html = html_of(analyst_client.get(OutletFactory().get_absolute_url()))

    assert "No articles from this outlet yet." in html
    assert "No scored articles yet." in html
    assert 'data-figure="tone"' not in html


def test_the_outlet_page_gives_every_figure_of_the_report_over_its_articles(analyst_client, score):
    outlet = OutletFactory()
    articles = [score(ArticleFactory(outlet=outlet, body=body)) for body in BODIES]
    score(ArticleFactory(body="A terrible, awful, tragic catastrophe struck the region."))
    ArticleFactory(outlet=outlet)  # not scored: left out of the averages

    html = html_of(analyst_client.get(outlet.get_absolute_url()))

    assert "No scored articles yet." not in html
    for name, figure in FIGURES.items():
        values = [
            Score.objects.get(article=a, scorer=figure.scorer).values[figure.key] for a in articles
        ]
        shown = row(html, name)
        assert shown["mean"] == readable(fmean(values)), name
        assert shown["n"] == 3
        # The 95 % interval, worked out here from the three articles' values.
        half = T_975_2 * stdev(values) / math.sqrt(3)
        low, high = figure.range
        expected = [max(low, fmean(values) - half), min(high, fmean(values) + half)]
        assert shown["interval"] == f"[{readable(expected[0])}, {readable(expected[1])}]", name
        assert figure.label in shown["cells"]
        # Each figure says how far to trust it.
        assert f'href="/methodology/#{figure.scorer}"' in shown["cells"]
    # The anonymous source counts: a third of the articles' sources, on average, is not 0.
    assert row(html, "anonymous_share")["mean"] != "0"


def test_the_outlet_page_and_the_report_over_all_its_days_agree(score):
    outlet = OutletFactory()
    days = [dt.datetime(2026, 3, d, 12, tzinfo=dt.UTC) for d in (2, 9, 20)]
    for body, day in zip(BODIES, days, strict=True):
        score(ArticleFactory(outlet=outlet, body=body, published_at=day))

    page = outlet_figures(outlet=outlet)
    report = outlet_report(outlets=[outlet], start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))

    # The same figures; PostgreSQL may sum them in another order (the last digits).
    assert page.keys() == report["outlets"][0]["figures"].keys()
    for name, figure in report["outlets"][0]["figures"].items():
        assert page[name] == pytest.approx(figure, rel=1e-9), name
    assert page["tone"]["n"] == 3


def test_an_outlet_of_one_scored_article_gives_no_interval(analyst_client, score):
    outlet = OutletFactory()
    score(ArticleFactory(outlet=outlet, body="The council met on Monday and agreed the budget."))

    html = html_of(analyst_client.get(outlet.get_absolute_url()))

    assert row(html, "tone")["interval"] == "no interval from one article"
    assert row(html, "tone")["n"] == 1


def test_an_htmx_page_change_on_an_outlet_gets_only_the_results(analyst_client):
    outlet = OutletFactory()
    ArticleFactory(outlet=outlet, headline="Ours")

    response = analyst_client.get(outlet.get_absolute_url(), headers={"HX-Request": "true"})

    html = html_of(response).strip()
    assert html.startswith('<div id="results"')
    assert "<html" not in html
    assert ">Ours</a>" in html


def test_an_unknown_outlet_is_not_found(analyst_client):
    assert analyst_client.get(reverse("outlet-detail", args=["nope"])).status_code == 404


# Found in a QA pass: an outlet's page showed four averages and nothing led to the
# outlet's report over time; an editor had to open Outlet reports and find it in the list.


def test_an_editor_goes_from_an_outlet_to_its_report(client, roles):
    outlet = OutletFactory(slug="gazette", name="Gazette")
    client.force_login(UserFactory(role=EDITOR))

    html = client.get(outlet.get_absolute_url()).content.decode()
    assert '<a href="/reports/outlets/?outlets=gazette">Report over time</a>' in html

    report = client.get("/reports/outlets/?outlets=gazette")
    assert report.status_code == 200 and "Gazette" in report.content.decode()


def test_an_analyst_who_cannot_open_reports_is_not_offered_the_link(client, roles):
    outlet = OutletFactory(slug="gazette")
    client.force_login(UserFactory(role=ANALYST))
    assert "Report over time" not in client.get(outlet.get_absolute_url()).content.decode()
