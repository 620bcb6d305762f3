"""The storyline pages, through the test client. Outlets, events and headlines are
written for the tests."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsdesk.models import CopyKind, Event, MembershipSource, Storyline
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 1, 19, 16, 0, tzinfo=dt.UTC)


@pytest.fixture
def standoff():
    """Two events of one storyline: the offer (three outlets, one a wire copy, one with
    an update) and the end of the closure (covered by the left-leaning outlet only)."""
    left = OutletFactory(name="Left Ledger", slug="left-ledger", leaning="left")
    right = OutletFactory(name="Right Dispatch", slug="right-dispatch", leaning="right")
    wire = OutletFactory(name="Wire <Service>", slug="wire-service", leaning="center")
    storyline = Storyline.objects.create(title="The <closure> standoff")
    offer = EventFactory(
        title="Permits offered for barrier money",
        starts_on=T0.date(),
        ends_on=T0.date(),
        storyline=storyline,
        storyline_source=MembershipSource.MACHINE,
    )
    end = EventFactory(
        title="Closure ends",
        starts_on=(T0 + dt.timedelta(days=4)).date(),
        ends_on=(T0 + dt.timedelta(days=4)).date(),
        storyline=storyline,
        storyline_source=MembershipSource.MACHINE,
    )
    first = ArticleFactory(outlet=right, event=offer, headline="Offer made", published_at=T0)
    ArticleFactory(
        outlet=right,
        event=offer,
        headline="Offer made (updated)",
        published_at=T0 + dt.timedelta(hours=1),
        copy_kind=CopyKind.UPDATE,
        copy_of=first,
    )
    ArticleFactory(
        outlet=left,
        event=offer,
        headline="Offer rejected",
        published_at=T0 + dt.timedelta(hours=2, minutes=30),
    )
    ArticleFactory(
        outlet=wire,
        event=offer,
        headline="Offer made (wire)",
        published_at=T0 + dt.timedelta(hours=3),
        copy_kind=CopyKind.SYNDICATED,
        copy_of=first,
    )
    ArticleFactory(
        outlet=left, event=end, headline="Offices reopen", published_at=T0 + dt.timedelta(days=4)
    )
    return storyline, offer, end


def test_the_timeline_shows_who_reported_first_who_followed_and_how_late(analyst_client, standoff):
    storyline, offer, end = standoff
    page = analyst_client.get(storyline.get_absolute_url()).content.decode()
    # Events in order; within the offer, the right-leaning outlet first, then the others.
    assert page.index("Permits offered") < page.index("Closure ends")
    assert page.index("Right Dispatch") < page.index("Left Ledger") < page.index("Wire &lt;")
    assert "2 h 30 min later" in page and "3 h later" in page
    assert "update</span>" in page and "syndicated copy</span>" in page
    # Escaped, never markup.
    assert "The &lt;closure&gt; standoff" in page and "<closure>" not in page
    # The end of the closure was covered by the left only: a storyline blindspot.
    blindspots = page[page.index("Storyline blindspots") :]
    assert "Closure ends" in blindspots and "skipped by every outlet leaning right" in blindspots
    assert "Permits offered" not in blindspots


def test_the_event_page_names_its_storyline(analyst_client, standoff):
    storyline, offer, _ = standoff
    page = analyst_client.get(offer.get_absolute_url()).content.decode()
    assert storyline.get_absolute_url() in page


def test_a_person_links_unlinks_renames_and_locks(analyst_client, standoff):
    storyline, offer, end = standoff
    other = EventFactory(title="Unrelated")

    response = analyst_client.post(
        reverse("storyline-link", args=[storyline.pk]), {"event": other.pk}
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert (other.storyline, other.storyline_source) == (storyline, MembershipSource.PERSON)

    analyst_client.post(reverse("storyline-unlink", args=[storyline.pk, end.pk]))
    end.refresh_from_db()
    assert end.storyline is None and end.storyline_source == MembershipSource.PERSON

    analyst_client.post(reverse("storyline-rename", args=[storyline.pk]), {"title": "Standoff"})
    analyst_client.post(reverse("storyline-lock", args=[storyline.pk]))
    storyline.refresh_from_db()
    assert (storyline.title, storyline.title_set_by_person, storyline.locked) == (
        "Standoff",
        True,
        True,
    )
    assert "Unlock" in analyst_client.get(storyline.get_absolute_url()).content.decode()


def test_linking_an_unknown_event_or_unlinking_another_storylines_event_is_refused(
    analyst_client, standoff
):
    storyline, offer, _ = standoff
    response = analyst_client.post(
        reverse("storyline-link", args=[storyline.pk]), {"event": 999999}
    )
    assert response.status_code == 400
    assert "There is no event with this id." in response.content.decode()
    elsewhere = EventFactory(storyline=Storyline.objects.create(title="Other"))
    response = analyst_client.post(reverse("storyline-unlink", args=[storyline.pk, elsewhere.pk]))
    assert response.status_code == 404
    assert Event.objects.get(pk=elsewhere.pk).storyline_id is not None


def test_storylines_are_listed_and_created(analyst_client, standoff):
    storyline, *_ = standoff
    listing = analyst_client.get(reverse("storyline-list")).content.decode()
    assert storyline.get_absolute_url() in listing and "The &lt;closure&gt; standoff" in listing
    response = analyst_client.post(reverse("storyline-create"), {"title": "A new one"})
    made = Storyline.objects.get(title="A new one")
    assert response["Location"] == made.get_absolute_url()
    assert made.title_set_by_person and made.created_by is not None
    assert analyst_client.post(reverse("storyline-create"), {"title": ""}).status_code == 400


def test_storyline_pages_need_the_analyst_role(client, standoff):
    storyline, *_ = standoff
    response = client.get(storyline.get_absolute_url())
    assert response.status_code in (302, 403)
    response = client.post(reverse("storyline-lock", args=[storyline.pk]))
    assert response.status_code in (302, 403)
    storyline.refresh_from_db()
    assert not storyline.locked


def test_the_storyline_page_reads_as_many_queries_when_the_storyline_grows(
    analyst_client, standoff
):
    storyline, *_ = standoff
    url = storyline.get_absolute_url()
    analyst_client.get(url)
    with CaptureQueriesContext(connection) as small:
        analyst_client.get(url)
    for i in range(4):
        event = EventFactory(
            title=f"Day {i}", starts_on=T0.date(), storyline=storyline, storyline_source="machine"
        )
        for _ in range(3):
            ArticleFactory(event=event, outlet=OutletFactory(leaning="right"), published_at=T0)
    with CaptureQueriesContext(connection) as grown:
        analyst_client.get(url)
    assert len(grown) == len(small) <= 12


def test_a_blindspot_names_the_storyline_its_event_belongs_to(client, editor):
    # Three left-leaning outlets only: a blindspot by the page's default thresholds.
    storyline = Storyline.objects.create(title="The ferry fleet")
    event = EventFactory(
        title="Ferry aground",
        starts_on=T0.date(),
        ends_on=T0.date(),
        storyline=storyline,
        storyline_source=MembershipSource.MACHINE,
    )
    for _ in range(3):
        ArticleFactory(event=event, outlet=OutletFactory(leaning="left"), published_at=T0)
    client.force_login(editor)
    html = client.get("/reports/blindspots/?start=2026-01-01&end=2026-12-31").content.decode()
    assert "Ferry aground" in html
    assert storyline.get_absolute_url() in html


def test_the_storyline_chart_puts_a_dot_per_first_report_and_lists_them(analyst_client, standoff):
    import re

    storyline, _, _ = standoff
    html = analyst_client.get(storyline.get_absolute_url()).content.decode()
    chart = html[html.index('<figure class="chart chart-storyline">') :]
    chart = chart[: chart.index("</figure>")]
    dots = re.findall(r'<circle class="point lean-(\w+)"', chart)
    rows = re.findall(r"<tr><td>", chart)
    # The offer: three outlets; the end of the closure: the left-leaning outlet alone.
    assert sorted(dots) == ["center", "left", "left", "right"]
    assert len(rows) == len(dots)
    assert "Right Dispatch: 19 Jan 2026 16:00, first" in chart
    assert "Wire &lt;Service&gt;" in chart  # escaped like every name


@pytest.mark.parametrize(
    ("action", "data", "form", "other"),
    [
        ("storyline-rename", {"title": ""}, "rename_form", "link_form"),
        ("storyline-link", {"event": ""}, "link_form", "rename_form"),
    ],
)
def test_a_refused_form_shows_the_storyline_page_again_with_its_errors(
    analyst_client, standoff, action, data, form, other
):
    storyline, *_ = standoff
    response = analyst_client.post(reverse(action, args=[storyline.pk]), data)

    assert response.status_code == 400
    assert [t.name for t in response.templates][0] == "events/storyline_detail.html"
    assert response.context[form].errors and not response.context[other].is_bound
    assert "Please correct the form below." in response.content.decode()
    assert Storyline.objects.get(pk=storyline.pk).title == "The <closure> standoff"


def test_a_refused_new_storyline_shows_the_list_again_with_its_errors(analyst_client, standoff):
    response = analyst_client.post(reverse("storyline-create"), {"title": ""})

    assert response.status_code == 400
    assert [t.name for t in response.templates][0] == "events/storyline_list.html"
    assert response.context["form"].errors["title"] == ["This field is required."]
    assert len(response.context["page"]) == 1


def test_automatic_links_say_how_far_to_trust_them(analyst_client, standoff):
    storyline, *_ = standoff
    methodology = reverse("methodology")
    listing = analyst_client.get(reverse("storyline-list")).content.decode()
    assert f'href="{methodology}#storylines">Measured: accuracy 0.99 on ECB+' in listing
    assert "Whether every related event is linked is measured on no corpus" in listing
    page = analyst_client.get(storyline.get_absolute_url()).content.decode()
    # Each machine-linked event carries the short link, its caveat in the title.
    assert page.count(f'href="{methodology}#storylines" title="Measured: accuracy 0.99') == 2
