"""The comparison's columns name each outlet's language (outlets written for the tests)."""

import pytest

from events.event_report import event_comparison_refresh
from tests.factories import ArticleFactory, EventFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_each_column_of_the_comparison_names_its_outlets_language(analyst_client):
    event = EventFactory(title="Pact signed")
    ArticleFactory(event=event, outlet=OutletFactory(name="Zarya Service", language="ru"))
    ArticleFactory(event=event, outlet=OutletFactory(name="Courier", language="de"))
    event_comparison_refresh(event_id=event.pk)
    page = analyst_client.get(event.get_absolute_url()).content.decode()
    header = page[page.index('class="compare"') :]
    assert 'The outlet&#x27;s language">ru<' in header or "The outlet's language\">ru<" in header
    assert ">de</span>" in header
