"""The outlet pages (who published the articles): the list, an outlet's page with its
averages, and the admin's outlet form."""

from __future__ import annotations

import math
import re
from statistics import fmean, stdev

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse

from analysis.models import Score
from newsdesk.models import Outlet
from newsdesk.roles import ANALYST, EDITOR
from tests.factories import ArticleFactory, OutletDomainFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def figure(html: str, name: str) -> str:
    match = re.search(rf'<dd data-figure="{name}">([^<]*)</dd>', html)
    assert match, f"figure {name} is not on the page"
    return match[1]


def test_the_outlet_list_marks_outlets_that_need_curation(analyst_client):
    OutletFactory(name="Curated Times", is_active=True)
    OutletFactory(name="Imported Herald", is_active=False)

    html = html_of(analyst_client.get(reverse("outlet-list")))

    rows = {
        name: row
        for row in re.findall(r"<tr class=\"[^\"]*\">.*?</tr>", html, re.DOTALL)
        for name in ("Curated Times", "Imported Herald")
        if name in row
    }
    assert "needs curation" in rows["Imported Herald"]
    assert 'class="inactive"' in rows["Imported Herald"]
    assert "needs curation" not in rows["Curated Times"]
    assert html.count("needs curation") == 1


def test_the_outlet_list_shows_domains_and_article_counts(analyst_client):
    outlet = OutletFactory(name="Curated Times")
    OutletDomainFactory(outlet=outlet, domain="curated.example")
    ArticleFactory.create_batch(3, outlet=outlet)

    html = html_of(analyst_client.get(reverse("outlet-list")))

    row = re.search(r"<tr class=\"\">.*?</tr>", html, re.DOTALL)[0]
    assert "curated.example" in row
    assert row.rstrip("</tr>").rstrip().endswith("<td>3</td>")


def test_without_outlets_the_outlet_list_says_so(analyst_client):
    html = html_of(analyst_client.get(reverse("outlet-list")))

    assert "No outlets yet." in html
    assert "<table" not in html


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


def test_the_outlet_page_averages_its_scored_articles(analyst_client, score):
    outlet = OutletFactory()
    bodies = [
        "The attack was a horrible, deadly disaster. Many people were hurt.",
        "Volunteers were wonderful and everyone was grateful. The town celebrated.",
        "The council met on Monday. The budget was discussed at length by members.",
    ]
    articles = [score(ArticleFactory(outlet=outlet, body=body)) for body in bodies]
    score(ArticleFactory(body="A terrible, awful, tragic catastrophe struck the region."))
    ArticleFactory(outlet=outlet)  # not scored: left out of the averages

    html = html_of(analyst_client.get(outlet.get_absolute_url()))

    def mean(scorer, key):
        return fmean(Score.objects.get(article=a, scorer=scorer).values[key] for a in articles)

    assert "No scored articles yet." not in html
    assert figure(html, "tone") == floatformat(mean("sentiment", "compound_mean"), 3)
    # The mean tone's 95 % interval, worked out here from the three articles' tones.
    tones = [
        Score.objects.get(article=a, scorer="sentiment").values["compound_mean"] for a in articles
    ]
    half = 4.302652729911275 * stdev(tones) / math.sqrt(3)  # t(0.975, 2 degrees of freedom)
    low, high = max(-1.0, fmean(tones) - half), min(1.0, fmean(tones) + half)
    assert figure(html, "tone-interval") == f"{floatformat(low, 3)} to {floatformat(high, 3)}"
    assert f"<dd>{floatformat(mean('sentiment', 'negative_share'), 2)}</dd>" in html
    assert f"<dd>{floatformat(mean('readability', 'flesch_reading_ease'), 1)}</dd>" in html
    assert f"<dd>{floatformat(mean('readability', 'flesch_kincaid_grade'), 1)}</dd>" in html
    # Each average says how far to trust it.
    for measure in ("sentiment", "readability"):
        assert f'class="trust-short" href="/methodology/#{measure}"' in html


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


def outlet_admin_post(client, **fields):
    """The admin's add-outlet form as a curator fills it in (no domains or feeds)."""
    data = {"name": "Written For The Tests Gazette", "slug": "wftt-gazette", "language": "en"}
    data.update(fields)
    for prefix in ("domains", "feeds"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return client.post(reverse("admin:newsdesk_outlet_add"), data)


def test_a_rating_without_its_source_is_refused_in_the_admin(admin_client_):
    response = outlet_admin_post(admin_client_, leaning="center")
    assert response.status_code == 200
    assert "Say where the leaning rating comes from" in response.content.decode()
    assert not Outlet.objects.filter(slug="wftt-gazette").exists()


def test_a_rating_with_its_source_is_stored(admin_client_):
    response = outlet_admin_post(
        admin_client_,
        reliability="high",
        reliability_source="A rater, 2026 (written for the tests)",
    )
    assert response.status_code == 302
    assert Outlet.objects.get(slug="wftt-gazette").reliability == "high"


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


def test_an_outlet_of_one_scored_article_gives_no_interval(analyst_client, score):
    outlet = OutletFactory()
    score(ArticleFactory(outlet=outlet, body="The council met on Monday and agreed the budget."))

    html = html_of(analyst_client.get(outlet.get_absolute_url()))

    assert figure(html, "tone-interval") == "none from one article"
