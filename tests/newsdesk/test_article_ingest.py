import datetime as dt

import pytest

from newsdesk.ingest.errors import IngestError
from newsdesk.models import Article, IngestMethod, Outlet, ScoringStatus
from newsdesk.services import (
    ArticleInput,
    DuplicateArticle,
    article_details_update,
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


def ingest(raw=BODY, create_outlet=False, **fields):
    return article_ingest(
        data=ArticleInput(raw=raw, **fields), method=IngestMethod.PASTE, create_outlet=create_outlet
    )


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


def test_a_row_naming_an_unknown_outlet_at_another_outlets_address_keeps_the_name_given():
    # Written for the tests: a syndication site carries a report that names its own outlet.
    portal = OutletFactory(name="Harbour Portal")
    OutletDomainFactory(outlet=portal, domain="harbourportal.example")
    article = ingest(
        BODY, url="https://harbourportal.example/news/tram", outlet_name="Valley Courier"
    )
    assert article.outlet == portal
    assert article.meta["outlet_found_in"] == (
        "the address's domain, though the row named “Valley Courier”"
    )


def test_a_row_naming_the_outlet_of_its_address_is_not_marked():
    portal = OutletFactory(name="The Harbour Portal")
    OutletDomainFactory(outlet=portal, domain="harbourportal.example")
    for i, name in enumerate(("Harbour Portal", "harbour portal", "The Harbour Portal")):
        body = f"{BODY}The tram line's stop number {i + 11} opens first, the office said.\n"
        article = ingest(body, url=f"https://harbourportal.example/{i}", outlet_name=name)
        assert article.outlet == portal and "outlet_found_in" not in article.meta


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


# --- Publication dates: one rule for every path (issue 13) ----------------------------

IMPLAUSIBLE = [
    # Year 10000 once converted to UTC (PostgreSQL stored it; psycopg cannot read it back).
    dt.datetime.fromisoformat("9999-12-31T23:00:00-05:00"),
    # 1 BC once converted to UTC.
    dt.datetime.fromisoformat("0001-01-01T00:00:00+05:00"),
    dt.datetime.fromisoformat("9999-12-31T23:59:00-23:59"),
    dt.date(1, 1, 1),
    dt.date(1899, 12, 31),
    dt.date(2999, 1, 1),
]


@pytest.mark.parametrize("published", IMPLAUSIBLE, ids=str)
def test_an_implausible_publication_date_is_refused_and_nothing_is_stored(published):
    with pytest.raises(IngestError, match="outside the range taken"):
        ingest(published=published, outlet_name="A New Outlet Nobody Curated")
    assert not Article.objects.exists()
    assert not Outlet.objects.exists()  # not even the outlet the row named


def test_dates_are_stored_in_utc_and_a_date_alone_at_noon():
    offset = ingest(published=dt.datetime.fromisoformat("2024-03-04T23:30:00-05:00"))
    assert offset.published_at == dt.datetime(2024, 3, 5, 4, 30, tzinfo=dt.UTC)
    day = ingest(raw=BODY.replace("Thursday", "Friday"), published=dt.date(1900, 1, 1))
    assert day.published_at == dt.datetime(1900, 1, 1, 12, 0, tzinfo=dt.UTC)


def test_tomorrow_is_taken_but_not_next_week():
    from django.utils import timezone

    tomorrow = timezone.now() + dt.timedelta(hours=20)
    assert ingest(published=tomorrow).published_at == tomorrow
    with pytest.raises(IngestError, match="outside the range"):
        ingest(raw=BODY + "\nMore.", published=timezone.now() + dt.timedelta(days=7))


def test_an_implausible_date_found_in_the_text_is_ignored_not_refused():
    # Written for the tests: the text mentions a date nobody gave as its publication date.
    raw = "Published 01.01.0001\n\n" + BODY
    article = ingest(raw=raw)
    assert article.published_at is None


def test_the_database_refuses_an_implausible_date_that_bypasses_the_services():
    from django.db import IntegrityError, transaction

    from tests.factories import ArticleFactory

    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            published_at=dt.datetime(1850, 1, 1, tzinfo=dt.UTC)
        )


def test_the_admin_refuses_an_implausible_date(admin_client):
    from tests.factories import ArticleFactory

    article = ArticleFactory(published_at=dt.datetime(2024, 1, 2, tzinfo=dt.UTC))
    url = f"/admin/newsdesk/article/{article.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in ((n, form[n].value()) for n in form.fields)
        if value is not None
    }
    data.update({"published_at_0": "1899-12-31", "published_at_1": "10:00:00"})
    for name in ("captions", "credits", "removed_lines", "meta"):
        data[name] = "[]" if name != "meta" else "{}"

    response = admin_client.post(url, data)

    assert response.status_code == 200  # the form again, with the reason
    assert "outside the range taken" in response.content.decode()
    article.refresh_from_db()
    assert article.published_at == dt.datetime(2024, 1, 2, tzinfo=dt.UTC)


# --- Outlet names: one spelling, look-alikes flagged (issue 13) -------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "Test\u00a0Gazette",
        "  Test   Gazette ",
        "Ｔｅｓｔ Gazette",
        "Test\u200b Gazette",
        "test gazette",
    ],
)
def test_an_outlet_name_in_another_spelling_finds_the_same_outlet(spelling):
    gazette = OutletFactory(name="Test Gazette")

    article = ingest(outlet_name=spelling)

    assert article.outlet == gazette
    assert Outlet.objects.count() == 1


def test_an_outlet_name_with_a_look_alike_letter_is_flagged_for_the_curator():
    # "Ѕ" is CYRILLIC CAPITAL LETTER DZE, drawn like the Latin S.
    OutletFactory(name="Sputnik Test", slug="sputnik-test")

    article = ingest(outlet_name="\u0405putnik Test", create_outlet=True)

    created = article.outlet
    assert created.name == "\u0405putnik Test" and not created.is_active
    assert "look-alike letters" in created.notes
    assert "CYRILLIC CAPITAL LETTER DZE" in created.notes
    assert "“Sputnik Test” (/sputnik-test/) exists already" in created.notes


def test_a_name_in_one_script_is_not_flagged():
    article = ingest(outlet_name="Новая газета", create_outlet=True)
    assert "look-alike" not in article.outlet.notes


def test_a_headline_longer_than_its_column_is_cut_at_a_word_and_kept_whole(analyst_client, analyst):
    # Found in an ingestion audit: a headline over 500 characters (a scraper's whole lead
    # in the title field) was cut mid-word without a word, and the rest lost.
    long = "Council approves tram line " + " ".join(f"word{n}" for n in range(120))
    assert len(long) > 500
    article = ingest(headline=long, byline="By " + "Ann Lee and " * 40 + "Bo Lee")

    assert len(article.headline) <= 500
    assert article.headline.endswith("…")
    assert long.startswith(article.headline[:-1])
    assert article.headline[:-1].split()[-1] in long.split()  # cut between words
    assert article.meta["cut"]["headline"] == long
    assert len(article.byline) <= 300 and article.meta["cut"]["byline"].endswith("Bo Lee")
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    assert 'data-cut="headline"' in html and long in html

    # Corrected by hand, the headline no longer needs its note; the byline's stays.
    article_details_update(article=article, user=analyst, headline="Council approves tram")
    article.refresh_from_db()
    assert set(article.meta["cut"]) == {"byline"}


def test_a_headline_that_fits_is_stored_as_given():
    article = ingest(headline="x" * 500)

    assert article.headline == "x" * 500
    assert "cut" not in article.meta
