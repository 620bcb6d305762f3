"""Deleting articles takes their words out of the grouping's document frequencies, so
that the weights stay what a rebuild of the index would give."""

import pytest
from django.db import connection
from django.db.models import CASCADE, ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.grouping import articles_index, articles_uncount_words, events_rebuild
from events.models import IndexedWords, TermCount
from newsdesk.models import Article
from tests.factories import ArticleFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db

# Written for the tests: three reports, two of them on one river.
TEXTS = (
    ("Flood at Brask", "The river Olm rose again near the town of Brask, and the people left."),
    (
        "Barges wait at Tessin",
        "Barges on the river Olm waited near Tessin for the water to go down.",
    ),
    ("A quiet day in Sorvik", "Nothing happened in the town of Sorvik, far from the river, today."),
)


def index_three(outlet=None) -> list[Article]:
    outlet = outlet or OutletFactory()
    articles = [ArticleFactory(outlet=outlet, headline=h, body=b) for h, b in TEXTS]
    articles_index(Article.objects.all())
    return articles


def counts() -> dict[str, int]:
    """The stored document frequencies, every row (a word no article uses has none)."""
    return dict(TermCount.objects.values_list("term", "articles"))


def rebuilt_counts() -> dict[str, int]:
    events_rebuild()
    return counts()


def test_deleting_one_article_takes_its_words_out_of_the_counts():
    flood, barges, _ = index_three()
    assert TermCount.objects.get(term="w:olm").articles == 2
    barges.delete()
    after = counts()
    assert after["w:olm"] == 1 and "w:tessin" not in after and after[""] == 2
    assert not IndexedWords.objects.filter(article_id=barges.pk).exists()
    assert after == rebuilt_counts()
    assert Article.objects.filter(pk=flood.pk).exists()


def test_deleting_a_query_set_of_articles_takes_all_their_words_out():
    flood, barges, quiet = index_three()
    Article.objects.filter(pk__in=[flood.pk, barges.pk]).delete()
    after = counts()
    assert "w:olm" not in after and "w:brask" not in after and after[""] == 1
    assert after["w:sorvik"] == 1
    assert after == rebuilt_counts()


def test_deleting_an_outlets_articles_and_then_the_outlet_takes_their_words_out():
    outlet = OutletFactory()
    index_three(outlet)
    other = ArticleFactory(headline=TEXTS[0][0] + " again", body=TEXTS[0][1] + " Again.")
    articles_index(Article.objects.filter(pk=other.pk))
    # Articles protect their outlet: it goes only once they have gone.
    before = counts()
    with pytest.raises(ProtectedError):
        outlet.delete()
    assert counts() == before and Article.objects.count() == 4
    outlet.articles.all().delete()
    outlet.delete()
    after = counts()
    assert after[""] == 1 and after["w:olm"] == 1 and "w:tessin" not in after
    assert after == rebuilt_counts()


def test_a_delete_that_fails_leaves_the_counts_as_they_were(monkeypatch):
    index_three()
    before = counts()

    def refuse(*args, **kwargs):
        raise RuntimeError("the database refused")

    monkeypatch.setattr("django.db.models.deletion.Collector.delete", refuse)
    with pytest.raises(RuntimeError):
        Article.objects.all().delete()
    assert counts() == before
    assert IndexedWords.objects.count() == 3


def test_uncounting_the_same_articles_twice_counts_nothing_twice():
    flood, barges, _ = index_three()
    articles_uncount_words(article_ids=[barges.pk])
    articles_uncount_words(article_ids=[barges.pk])
    assert TermCount.objects.get(term="w:olm").articles == 1
    assert TermCount.objects.get(term=TermCount.ALL_ARTICLES).articles == 2


def test_a_word_that_no_article_uses_any_more_keeps_no_row():
    _, barges, sorvik = index_three()
    assert TermCount.objects.filter(term="w:tessin").exists()
    Article.objects.filter(pk__in=[barges.pk, sorvik.pk]).delete()
    # "Tessin" and "barges" were only in the deleted report; "Olm" is still in the flood's.
    assert not TermCount.objects.filter(term__in=["w:tessin", "w:barges", "w:sorvik"]).exists()
    assert TermCount.objects.get(term="w:olm").articles == 1
    assert not TermCount.objects.filter(articles__lte=0).exists()


def test_a_bulk_delete_takes_as_many_queries_for_many_articles_as_for_few():
    def queries_to_delete(n: int) -> int:
        # Written for the tests: each article has words of its own and shared ones.
        articles = [
            ArticleFactory(
                headline=f"Report {i} on the Olm at Brask",
                body=f"The river Olm rose near Brask and the village of Kessel{'a' * i} again.",
            )
            for i in range(n)
        ]
        articles_index(Article.objects.filter(pk__in=[a.pk for a in articles]))
        with CaptureQueriesContext(connection) as queries:
            Article.objects.filter(pk__in=[a.pk for a in articles]).delete()
        return len(queries)

    few = queries_to_delete(2)
    assert queries_to_delete(12) == few
    assert counts() == {}


def test_the_admins_deletes_take_the_words_out(client):
    flood, barges, quiet = index_three()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:newsdesk_article_delete", args=[flood.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert counts()["w:olm"] == 1
    response = client.post(
        reverse("admin:newsdesk_article_changelist"),
        {"action": "delete_selected", "_selected_action": [barges.pk, quiet.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert counts() == {}


def test_no_deletion_of_another_row_takes_articles_with_it():
    # Deleting by cascade would not pass through Article.delete or its query set's
    # delete, and so would leave the articles' words counted: a parent protects them
    # or lets go of them.
    cascading = [
        field.name
        for field in Article._meta.get_fields()
        if field.many_to_one and field.concrete and field.remote_field.on_delete is CASCADE
    ]
    assert cascading == []
