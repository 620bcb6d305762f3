import datetime as dt

import pytest

from newsdesk.ingest.errors import IngestError
from newsdesk.models import Article, IngestMethod, Outlet, ScoringStatus
from newsdesk.services import (
    ArticleInput,
    DuplicateArticle,
    article_ingest,
    article_ingest_bytes,
    outlet_for,
)
from tests.conftest import scorer_names
from tests.factories import OutletDomainFactory, OutletFactory

pytestmark = pytest.mark.django_db

BODY = (
    "BERLIN (Test Wire) - The city council approved a new tram line on Thursday, officials said.\n"
    "The line will cost 240 million euros and open in 2027, according to the transport office.\n"
)


def ingest(raw=BODY, **fields):
    return article_ingest(data=ArticleInput(raw=raw, **fields), method=IngestMethod.PASTE)


def test_the_seed_comes_out_as_the_newsroom_expects(seed_text, django_capture_on_commit_callbacks):
    sputnik = OutletFactory(
        name="Sputnik International", slug="sputnik", country="RU", state_affiliated=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = ingest(seed_text)
    article.refresh_from_db()
    assert article.outlet == sputnik
    assert article.headline == (
        "Some 1,500 Afghan Soldiers Escaped Taliban to Tajikistan in Two Weeks, CSTO Envoy Says"
    )
    assert article.dateline == "MOSCOW (Sputnik)"
    assert article.published_at.date() == dt.date(2021, 7, 7)
    assert article.body.startswith("About 1,500 Afghan soldiers have crossed")
    assert article.body.endswith("trying to cross borders.")
    assert article.credits == [
        "© AP Photo / Border Troops of the State Committee for National Security of the Republic of Tajikistan"
    ]
    assert len(article.captions) == 1 and article.captions[0].startswith("In this handout photo")
    for chrome in (
        "Subscribe",
        "Newsfeed",
        "0",
        "To participate in the discussion",
        "log in or register",
        "loader",
        "Chats",
        "Заголовок открываемого материала",
    ):
        assert chrome in article.removed_lines
        assert chrome not in article.body.split("\n")
    assert article.raw == seed_text
    assert article.scoring_status == ScoringStatus.SCORED
    assert article.scores.count() == len(scorer_names())


def test_identical_text_is_stored_once():
    ingest()
    with pytest.raises(DuplicateArticle, match="same text"):
        ingest(BODY.replace("\n", "\n\n").upper())
    assert Article.objects.count() == 1


def test_the_same_url_is_stored_once():
    ingest(url="https://wire.example/tram")
    with pytest.raises(DuplicateArticle, match="same URL"):
        ingest(BODY + "A correction was appended.", url="https://wire.example/tram")


@pytest.mark.parametrize("raw", ["", "   \n\t ", "Too short."])
def test_empty_or_tiny_input_stores_nothing(raw):
    with pytest.raises(IngestError):
        ingest(raw)
    assert Article.objects.count() == 0


def test_huge_files_are_refused_before_decoding():
    with pytest.raises(IngestError, match="limit"):
        article_ingest_bytes(
            data=b"a " * 10_000_000, filename="big.txt", method=IngestMethod.UPLOAD
        )
    assert Article.objects.count() == 0


def test_script_in_titles_and_bodies_is_kept_as_text_for_escaping():
    article = ingest(
        BODY + "<script>alert(1)</script> was in the page.",
        headline="<b>Hi</b><script>x()</script>",
    )
    assert article.headline == "<b>Hi</b><script>x()</script>"
    assert "<script>alert(1)</script>" in article.body


def test_the_outlet_is_found_by_name_domain_or_url_host():
    outlet = OutletFactory(name="The Test Gazette")
    OutletDomainFactory(outlet=outlet, domain="gazette.example")
    assert outlet_for(name="the test gazette") == outlet
    assert outlet_for(name="gazette.example") == outlet
    assert outlet_for(url="https://www.news.gazette.example/a/1") == outlet
    assert outlet_for(name="Unknown Herald") is None


def test_unknown_outlets_can_be_created_inactive_for_curation():
    outlet = outlet_for(name="Unknown Herald", url="https://herald.example/x", create_inactive=True)
    assert not outlet.is_active
    assert outlet.slug == "unknown-herald"
    assert list(outlet.domains.values_list("domain", flat=True)) == ["herald.example"]
    assert outlet_for(name="Another", create_inactive=True).slug == "another"
    assert Outlet.objects.count() == 2


def test_a_non_english_article_keeps_its_text():
    raw = (
        "Правительство объявило о новых мерах поддержки фермеров во вторник.\n"
        "По словам министра, программа обойдётся бюджету в 12 миллиардов рублей.\n"
    )
    article = ingest(raw)
    assert article.language == "ru"
    assert "12 миллиардов рублей" in article.body


# Written for the tests: a pasted report whose dateline names its outlet without "The".
LEDGER_TEXT = (
    "Floods kill dozens in Merapur\n\n"
    "MERAPUR, India (Northbridge Ledger) — At least 47 people were killed in floods on "
    "Monday, officials said.\n\nRescue teams worked through the night in the district.\n"
)


def test_a_dateline_naming_an_outlet_of_the_register_finds_it_and_says_so():
    ledger = OutletFactory(name="The Northbridge Ledger")
    article = ingest(LEDGER_TEXT)
    assert article.outlet == ledger
    assert article.meta["outlet_found_in"] == "the text's dateline or the page's name"


def test_an_outlet_chosen_by_the_analyst_is_not_marked_as_found():
    chosen = OutletFactory(name="Chosen Gazette")
    OutletFactory(name="The Northbridge Ledger")
    article = ingest(LEDGER_TEXT, outlet=chosen)
    assert article.outlet == chosen and "outlet_found_in" not in article.meta


def test_an_html_page_naming_its_site_finds_the_outlet():
    ledger = OutletFactory(name="The Northbridge Ledger")
    html = (
        '<html><head><meta property="og:site_name" content="Northbridge Ledger">'
        "<title>Floods kill dozens</title></head><body><article><h1>Floods kill dozens</h1>"
        "<p>At least 47 people were killed in floods in the Merapur district on Monday, "
        "officials said, as rescue teams searched villages cut off by the water.</p>"
        "<p>About 120,000 people were forced from their homes, the relief office said on "
        "Tuesday, and schools were closed across the district until further notice.</p>"
        "</article></body></html>"
    )
    article = article_ingest_bytes(
        data=html.encode(), filename="page.html", method=IngestMethod.UPLOAD
    )
    assert article.outlet == ledger
