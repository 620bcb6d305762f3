import io
import os
import re
import stat

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse

from newsdesk.models import (
    Article,
    Event,
    MembershipSource,
    Outlet,
    ScoringStatus,
    Storyline,
)

pytestmark = pytest.mark.django_db


def test_the_demo_loads_scored_events_covered_by_several_outlets(capsys):
    call_command("load_demo")
    assert "seed loaded" in capsys.readouterr().out
    events = Event.objects.all()
    assert events.count() >= 4
    for event in events:
        outlets = set(event.articles.values_list("outlet", flat=True))
        assert 3 <= len(outlets) <= 5, event.title
    assert set(Article.objects.values_list("scoring_status", flat=True)) == {ScoringStatus.SCORED}
    seed = Article.objects.get(outlet__name="Sputnik International")
    assert seed.event.title.startswith("Afghan soldiers cross into Tajikistan")
    assert not seed.is_demo
    demo_articles = Article.objects.exclude(pk=seed.pk)
    assert all(
        a.is_demo and "Written for the Newsdesk demo" in a.meta["note"] for a in demo_articles
    )
    assert Outlet.objects.get(slug="sputnik").state_affiliated


def test_the_demo_links_the_strikes_three_events_into_a_storyline_with_a_blindspot(
    analyst_client,
):
    # The strike's start, its open-ended second week and its end are three events (set by
    # hand in the demo), linked by the machine from the names they share; the other
    # events, years apart, stay alone.
    call_command("load_demo", "--no-score")
    storylines = Storyline.objects.all()
    assert storylines.count() == 1
    storyline = storylines.get()
    events = list(storyline.events.order_by("starts_on"))
    assert [e.title.split(" (")[0] for e in events] == [
        "Halvern port workers strike",
        "Halvern strike goes on indefinitely after talks collapse",
        "Halvern dockers accept pay deal, ending the strike",
    ]
    assert {e.storyline_source for e in events} == {MembershipSource.MACHINE}
    assert (
        not Event.objects.exclude(pk__in=[e.pk for e in events])
        .filter(storyline__isnull=False)
        .exists()
    )
    # Only outlets leaning left reported the deal: the storyline page says so.
    page = analyst_client.get(reverse("storyline-detail", args=[storyline.pk])).content.decode()
    blindspots = page.split("Storyline blindspots", 1)[1]
    assert "Halvern dockers accept pay deal" in blindspots
    assert "skipped by every outlet leaning right" in blindspots


def test_loading_the_demo_twice_adds_nothing():
    call_command("load_demo")
    counts = (
        Article.objects.count(),
        Event.objects.count(),
        Outlet.objects.count(),
        Storyline.objects.count(),
    )
    call_command("load_demo")
    assert (
        Article.objects.count(),
        Event.objects.count(),
        Outlet.objects.count(),
        Storyline.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_demo_users_get_fresh_logins_also_written_to_a_private_file(tmp_path):
    path = tmp_path / "demo-logins.txt"
    out = io.StringIO()
    call_command("create_demo_users", file=str(path), stdout=out)
    written = path.read_text(encoding="utf-8")
    assert written.strip() == out.getvalue().strip()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    logins = re.findall(r"user '(\w+)' password '([^']+)'", written)
    assert [u for u, _ in logins] == ["admin", "editor", "analyst"]
    assert all(authenticate(username=u, password=p) for u, p in logins)
