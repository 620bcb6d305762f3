"""Events (articles about one story) and outlets (who published them)."""

from __future__ import annotations

import datetime as dt
import re
from statistics import fmean

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse

from analysis.models import Score
from newsdesk.models import Event, Outlet
from tests.factories import ArticleFactory, EventFactory, OutletDomainFactory, OutletFactory

pytestmark = pytest.mark.django_db


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9), tzinfo=dt.UTC)


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def columns(html: str) -> dict[str, str]:
    """The event page's outlet columns, by their heading."""
    parts = html.split('<section class="card column">')[1:]
    result = {}
    for part in parts:
        heading = re.search(r"<h2>(?:<a [^>]*>)?([^<]+)", part)[1]
        result[heading] = part.split("</section>")[0]
    return result


def figure(html: str, name: str) -> str:
    match = re.search(rf'<dd data-figure="{name}">([^<]*)</dd>', html)
    assert match, f"figure {name} is not on the page"
    return match[1]


# Events


def test_it_creates_an_event_and_opens_it(analyst_client, analyst):
    response = analyst_client.post(
        reverse("event-create"),
        {"title": "  Spring floods  ", "description": "Rivers burst their banks."},
    )

    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    assert event.title == "Spring floods"
    assert event.description == "Rivers burst their banks."
    assert event.created_by == analyst
    assert (event.starts_on, event.ends_on) == (None, None)


def test_the_new_event_page_explains_how_to_add_articles(analyst_client):
    response = analyst_client.post(reverse("event-create"), {"title": "Spring floods"}, follow=True)

    html = html_of(response)
    assert "<h1>Spring floods</h1>" in html
    assert "Event created; add articles to it from their pages." in html
    assert "No dates yet" in html
    assert "No articles in this event yet." in html


def test_an_event_without_a_title_is_refused(analyst_client):
    response = analyst_client.post(reverse("event-create"), {"title": "   ", "description": "x"})

    assert response.status_code == 400
    assert response.context["form"].errors["title"] == ["This field is required."]
    assert not Event.objects.exists()


def test_the_event_page_groups_articles_by_outlet(analyst_client):
    event = EventFactory(
        title="Spring floods", starts_on=dt.date(2024, 3, 1), ends_on=dt.date(2024, 3, 4)
    )
    beeb = OutletFactory(name="Beeb", country="GB", state_affiliated=True)
    arty = OutletFactory(name="Arty", country="RU")
    ArticleFactory(event=event, outlet=beeb, headline="River bursts", published_at=at("2024-03-01"))
    ArticleFactory(
        event=event, outlet=beeb, headline="Clean-up begins", published_at=at("2024-03-04")
    )
    ArticleFactory(
        event=event, outlet=arty, headline="Valley flooded", published_at=at("2024-03-02")
    )
    ArticleFactory(event=event, outlet=None, headline="Blog post", published_at=None)
    ArticleFactory(outlet=arty, headline="Unrelated story")

    html = html_of(analyst_client.get(event.get_absolute_url()))

    groups = columns(html)
    assert list(groups) == ["Arty", "Beeb", "Unknown outlet"]
    assert "River bursts" in groups["Beeb"]
    assert "Clean-up begins" in groups["Beeb"]
    assert groups["Beeb"].index("River bursts") < groups["Beeb"].index("Clean-up begins")
    assert "GB · state-affiliated" in groups["Beeb"]
    assert "Valley flooded" in groups["Arty"]
    assert "River bursts" not in groups["Arty"]
    assert "Blog post" in groups["Unknown outlet"]
    assert "undated" in groups["Unknown outlet"]
    assert "Unrelated story" not in html
    assert "1 Mar 2024 – 4 Mar 2024 · 3 outlets" in html


def test_the_event_list_counts_articles_and_outlets(analyst_client):
    floods = EventFactory(title="Spring floods", starts_on=dt.date(2024, 3, 1))
    beeb, arty = OutletFactory(), OutletFactory()
    ArticleFactory.create_batch(2, event=floods, outlet=beeb)
    ArticleFactory(event=floods, outlet=arty)
    EventFactory(title="Quiet week")

    html = html_of(analyst_client.get(reverse("event-list")))

    floods_row = re.search(r"<tr><td><a [^>]*>Spring floods</a>.*?</tr>", html, re.DOTALL)[0]
    quiet_row = re.search(r"<tr><td><a [^>]*>Quiet week</a>.*?</tr>", html, re.DOTALL)[0]
    assert "<td>2</td><td>3</td>" in floods_row
    assert "1 Mar 2024" in floods_row
    assert "<td>0</td><td>0</td>" in quiet_row


def test_without_events_the_event_list_says_so(analyst_client):
    html = html_of(analyst_client.get(reverse("event-list")))

    assert "No events yet." in html
    assert "Create event" in html


def test_an_unknown_event_is_not_found(analyst_client):
    assert analyst_client.get(reverse("event-detail", args=[999999])).status_code == 404


# Outlets


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
    assert f"<dd>{floatformat(mean('sentiment', 'negative_share'), 2)}</dd>" in html
    assert f"<dd>{floatformat(mean('readability', 'flesch_reading_ease'), 1)}</dd>" in html
    assert f"<dd>{floatformat(mean('readability', 'flesch_kincaid_grade'), 1)}</dd>" in html


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
