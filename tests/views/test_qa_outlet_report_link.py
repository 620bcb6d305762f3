"""Found in a QA pass: an outlet's page showed four averages and nothing led to the
outlet's report over time; an editor had to open Outlet reports and find it in the list."""

import pytest

from newsdesk.roles import ANALYST, EDITOR
from tests.factories import OutletFactory, UserFactory

pytestmark = pytest.mark.django_db


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
