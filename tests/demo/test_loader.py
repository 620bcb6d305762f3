import io
import os
import re
import stat

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from newsdesk.models import Article, Event, Outlet, ScoringStatus

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


def test_loading_the_demo_twice_adds_nothing():
    call_command("load_demo")
    counts = Article.objects.count(), Event.objects.count(), Outlet.objects.count()
    call_command("load_demo")
    assert (Article.objects.count(), Event.objects.count(), Outlet.objects.count()) == counts


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
