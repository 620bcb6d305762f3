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


def test_an_event_across_languages_says_how_far_the_grouping_across_them_is_trusted(
    analyst_client,
):
    event = EventFactory(title="Pact signed")
    ArticleFactory(event=event, language="ru", outlet=OutletFactory(name="Zarya Service"))
    ArticleFactory(event=event, language="en", outlet=OutletFactory(name="Ledger"))
    event_comparison_refresh(event_id=event.pk)
    page = analyst_client.get(event.get_absolute_url()).content.decode()
    line = page[page.index("data-across-languages") :].split("</p>", 1)[0]
    assert "Grouped across languages (English, Russian)" in line
    # The measurement of reports matched across languages, not the English headline.
    assert "WMT21" in line and 'href="/methodology/#grouping"' in line

    english = EventFactory(title="Vote held")
    ArticleFactory(event=english, language="en")
    ArticleFactory(event=english, language="en")
    event_comparison_refresh(event_id=english.pk)
    page = analyst_client.get(english.get_absolute_url()).content.decode()
    assert "data-across-languages" not in page
    # The cross-language sets are not the lowest figure of English grouping either.
    assert "WMT21" not in page
