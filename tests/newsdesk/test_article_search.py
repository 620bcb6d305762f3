"""The article list's search box: substring matching on SQLite, the full-text index on
PostgreSQL (words as prefixes, in any order, stop words and punctuation harmless)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsdesk import selectors, views
from newsdesk.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def articles(db):
    ArticleFactory(
        headline="Flooding closes the valley road",
        body="Voters queued before dawn. Mr O'Brien said the levee held.",
    )
    ArticleFactory(headline="Protest against the new tax", body="Crowds gathered at noon.")
    ArticleFactory(headline="Harbour reopens", body="Ships returned on Tuesday.")


def found(client, q: str) -> list[str]:
    response = client.get(reverse("article-list"), {"q": q})
    assert response.status_code == 200
    return sorted(a.headline for a in response.context["page"])


def test_a_word_finds_longer_forms_of_it_in_headline_or_body(analyst_client, articles):
    assert found(analyst_client, "flood") == ["Flooding closes the valley road"]
    assert found(analyst_client, "LEVEE") == ["Flooding closes the valley road"]


def test_a_search_of_stop_words_alone_still_finds_headlines(analyst_client, articles):
    assert found(analyst_client, "against") == ["Protest against the new tax"]


def test_punctuation_alone_finds_nothing(analyst_client, articles):
    assert found(analyst_client, "!!!") == []


@postgresql_only
def test_words_are_found_in_any_order_and_operators_are_only_text(analyst_client, articles):
    assert found(analyst_client, "dawn voters") == ["Flooding closes the valley road"]
    assert found(analyst_client, "O'Brien & | ! :*") == ["Flooding closes the valley road"]
    assert found(analyst_client, "harbour dawn") == []


def test_the_search_follows_edits_of_the_headline_and_the_body(analyst_client, articles):
    # On PostgreSQL the words are those of the stored vector, which must be recomputed.
    article = Article.objects.get(headline="Harbour reopens")
    article.body = "Dredgers cleared the channel."
    article.save()
    assert found(analyst_client, "dredgers") == ["Harbour reopens"]
    assert found(analyst_client, "ships") == []
    Article.objects.filter(pk=article.pk).update(headline="Port reopens")
    assert found(analyst_client, "port") == ["Port reopens"]
    assert found(analyst_client, "harbour") == []


def listed(client, q: str, page: int = 1) -> list[str]:
    response = client.get(reverse("article-list"), {"q": q, "page": page})
    assert response.status_code == 200
    return [a.headline for a in response.context["page"]]


@pytest.fixture
def levees(db):
    """50 articles about a levee, one a day, and 10 about a harbour in between."""
    start = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
    for day in range(60):
        ArticleFactory(
            headline=f"Day {day:02d}",
            body=(
                f"The levee held on day {day}." if day % 6 else f"The harbour reopened, day {day}."
            ),
            published_at=start + dt.timedelta(days=day),
        )


@pytest.mark.parametrize("walk_rows", [0, 10**9])  # always the search index; always the dates
def test_matches_are_listed_newest_first_page_after_page(
    analyst_client, levees, monkeypatch, walk_rows
):
    monkeypatch.setattr(selectors, "WALK_ROWS", walk_rows)
    newest_first = [f"Day {day:02d}" for day in reversed(range(60)) if day % 6]
    assert listed(analyst_client, "levee") + listed(analyst_client, "levee", 2) == newest_first


def fetch_plan(client, q: str) -> str:
    """Which scan the page of articles was read without: "bitmapscan" (a walk of the date
    index) or "indexscan" (the search index)."""
    with CaptureQueriesContext(connection) as captured:
        listed(client, q)
    settings = [query["sql"] for query in captured if "current_setting" in query["sql"]]
    count_settings, fetch_settings = settings  # the count's, then the page's
    assert "enable_bitmapscan" not in count_settings  # the count reads the search index
    return "bitmapscan" if "enable_bitmapscan" in fetch_settings else "indexscan"


@postgresql_only
def test_a_page_of_a_dense_word_walks_the_dates_and_of_a_rare_one_reads_the_index(
    analyst_client, levees, monkeypatch
):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsdesk_article")  # the number of articles, for the choice
    monkeypatch.setattr(selectors, "WALK_ROWS", 45)
    # 50 matches in 60 articles: a page of 25 met within about 30 articles; the last of
    # 10 matches, about 60 articles down.
    assert fetch_plan(analyst_client, "levee") == "bitmapscan"
    assert fetch_plan(analyst_client, "harbour") == "indexscan"


@postgresql_only
def test_the_search_leaves_the_planner_settings_as_they_were(analyst_client, levees):
    for q in ("levee", "harbour", "nowhere"):
        found(analyst_client, q)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
                "current_setting('enable_bitmapscan')"
            )
            assert cursor.fetchone() == ("on", "on", "on")


def walk(client, url: str, label: str) -> tuple[list[list[str]], str]:
    """The headlines of each page met by following the ``label`` pagination link ("Next",
    "Previous") from ``url`` until there is none, and the URL of the last page."""
    pages, last = [], url
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append([a.headline for a in response.context["page"]])
        last = url
        links = re.findall(r'<a href="(\?[^"]*)">([^<]*)</a>', response.content.decode())
        href = next((href for href, text in links if label in text), None)
        url = reverse("article-list") + html.unescape(href) if href else None
    return pages, last


@pytest.mark.parametrize("walk_rows", [0, 10**9])  # always the search index; always the dates
def test_next_and_previous_links_list_the_matches_of_the_numbered_pages(
    analyst_client, monkeypatch, walk_rows
):
    monkeypatch.setattr(selectors, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    start = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
    for n in range(14):
        # Pairs of articles published at the same time: the id orders them.
        ArticleFactory(
            headline=f"Levee {n:02d}",
            body=f"The levee held, report {n}.",
            published_at=start + dt.timedelta(days=n // 2),
        )
    ArticleFactory(headline="Harbour", body="The harbour reopened.", published_at=start)
    numbered = [listed(analyst_client, "levee", page) for page in (1, 2, 3, 4)]
    assert sum(numbered, []) == [f"Levee {n:02d}" for n in reversed(range(14))]

    forward, last = walk(analyst_client, reverse("article-list") + "?q=levee", "Next")
    assert forward == numbered
    assert "before=" in last and "page=4" in last
    back, first = walk(analyst_client, last, "Previous")
    assert back == numbered[::-1]
    assert "Page 1 of 4" in analyst_client.get(first).content.decode()


def test_the_links_cross_from_dated_to_undated_articles_and_back(analyst_client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    start = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
    for n in range(4):
        ArticleFactory(headline=f"Dated {n}", published_at=start + dt.timedelta(hours=n))
    for n in range(4):
        ArticleFactory(headline=f"Undated {n}", published_at=None)
    # Newest first, undated last, then by id descending.
    expected = ["Dated 3", "Dated 2", "Dated 1", "Dated 0"] + [f"Undated {n}" for n in (3, 2, 1, 0)]

    forward, last = walk(analyst_client, reverse("article-list"), "Next")
    assert sum(forward, []) == expected
    assert [len(p) for p in forward] == [3, 3, 2]
    back, _ = walk(analyst_client, last, "Previous")
    assert back == forward[::-1]


def test_a_bare_page_number_is_still_an_offset_page(analyst_client, levees):
    by_next, _ = walk(analyst_client, reverse("article-list") + "?q=levee", "Next")
    assert listed(analyst_client, "levee", 2) == by_next[1]


def offset_pages(filters: dict, size: int) -> list[list[str]]:
    """Every page of the list as a plain offset page of the selector's rows reads it."""
    paginator = Paginator(selectors.article_list(filters=filters), size)
    return [[a.headline for a in paginator.page(n)] for n in paginator.page_range]


@pytest.mark.parametrize("walk_rows", [0, 10**9])  # always the search index; always the dates
@pytest.mark.parametrize("q", ["", "levee"])
def test_a_bare_page_number_shows_the_rows_of_the_offset_page(
    analyst_client, monkeypatch, walk_rows, q
):
    monkeypatch.setattr(selectors, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    start = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
    for n in range(12):
        # Pairs published at the same time (the id orders them), a harbour now and then,
        # and undated articles last: pages that begin inside a pair and across the end of
        # the dated ones.
        ArticleFactory(
            headline=f"Dated {n:02d}",
            body=f"The harbour reopened, report {n}."
            if n % 5 == 4
            else f"The levee held, report {n}.",
            published_at=start + dt.timedelta(days=n // 2),
        )
    for n in range(4):
        ArticleFactory(
            headline=f"Undated {n}", body=f"The levee held, undated {n}.", published_at=None
        )
    expected = offset_pages({"q": q}, 3)
    assert len(expected) >= 5

    def page(number) -> list[str]:
        response = analyst_client.get(reverse("article-list"), {"q": q, "page": number})
        assert response.status_code == 200
        return [a.headline for a in response.context["page"]]

    assert [page(n) for n in range(1, len(expected) + 1)] == expected
    assert page(99) == expected[-1]  # past the last: the last, as before
    assert page("x") == expected[0]  # not a number: the first


@pytest.mark.parametrize("q", ["", "levee"])
def test_a_bare_page_skips_the_rows_before_it_reading_their_ids_alone(analyst_client, levees, q):
    with CaptureQueriesContext(connection) as captured:
        response = analyst_client.get(reverse("article-list"), {"q": q, "page": 2})
    assert [a.headline for a in response.context["page"]] == offset_pages({"q": q}, 25)[1]
    articles = [query["sql"] for query in captured if '"newsdesk_article"' in query["sql"]]
    (skipping,) = [sql for sql in articles if "OFFSET 25" in sql]
    assert skipping.split(" FROM ")[0].endswith('"newsdesk_article"."id" AS "pk"')
    assert "JOIN" not in skipping
    # The page itself: its 25 rows by id, with their outlets and events.
    (page,) = [sql for sql in articles if '"newsdesk_article"."byline"' in sql]
    assert "OFFSET" not in page and "LIMIT" not in page and "JOIN" in page


@postgresql_only
@pytest.mark.parametrize("walk_rows", [0, 10**9])  # always the search index; always the dates
def test_a_bare_page_turns_plans_off_to_find_its_ids_not_to_read_its_rows(
    analyst_client, levees, monkeypatch, walk_rows
):
    monkeypatch.setattr(selectors, "WALK_ROWS", walk_rows)
    with CaptureQueriesContext(connection) as captured:
        response = analyst_client.get(reverse("article-list"), {"q": "levee", "page": 2})
    assert [a.headline for a in response.context["page"]] == offset_pages({"q": "levee"}, 25)[1]
    sqls = [query["sql"] for query in captured]
    turned_off = [i for i, sql in enumerate(sqls) if "current_setting" in sql]
    # The count's and the ids' settings, each turned off before and back on after.
    count, ids = (sqls[i + 1] for i in turned_off)
    assert "COUNT(*)" in count and "OFFSET 25" in ids
    settings = [i for i, sql in enumerate(sqls) if "set_config" in sql]
    assert settings == [turned_off[0], turned_off[0] + 2, turned_off[1], turned_off[1] + 2]
    # Then its 25 rows by id, with the planner's own choice: no setting around them.
    (page,) = [i for i, sql in enumerate(sqls) if '"newsdesk_article"."byline"' in sql]
    assert page > settings[-1]


@pytest.mark.parametrize("cursor", ["x", "1_", "_", "99999999999999999999_1", "1_2_3"])
def test_a_garbled_position_is_ignored(analyst_client, levees, cursor):
    response = analyst_client.get(reverse("article-list"), {"q": "levee", "before": cursor})
    assert [a.headline for a in response.context["page"]] == listed(analyst_client, "levee")


@postgresql_only
def test_a_search_of_stop_words_alone_is_a_phrase_in_headlines_with_a_note(analyst_client):
    ArticleFactory(headline="It is over, says the mayor", body="Nothing else.")
    ArticleFactory(headline="Is it over?", body="It is over, the body says.")
    ArticleFactory(headline="A visit is planned", body="Nothing.")  # "visit is": as typed
    response = analyst_client.get(reverse("article-list"), {"q": "it is"})
    assert sorted(a.headline for a in response.context["page"]) == [
        "A visit is planned",
        "It is over, says the mayor",
    ]
    assert "too common for the full-text search" in response.content.decode()
    # A word that the full-text search keeps gets no note.
    assert "too common" not in found_page(analyst_client, "mayor")


def found_page(client, q: str) -> str:
    return client.get(reverse("article-list"), {"q": q}).content.decode()


@postgresql_only
def test_a_search_of_stop_words_reads_the_headline_trigram_index(analyst_client, articles):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT count(*) FROM newsdesk_article "
            "WHERE UPPER(headline::text) LIKE UPPER('%against%')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "article_headline_trigrams" in plan
