import pytest
from django.urls import reverse

from newsdesk.models import Article, Event, MembershipSource
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_merging_moves_the_articles_and_deletes_the_event(analyst_client, analyst):
    keep, merged = EventFactory(title="Keep"), EventFactory(title="Merged")
    a = ArticleFactory(event=keep)
    b, c = ArticleFactory(event=merged), ArticleFactory(event=merged)

    response = analyst_client.post(reverse("event-merge", args=[merged.pk]), {"other": keep.pk})

    assert response["Location"] == keep.get_absolute_url()
    assert not Event.objects.filter(pk=merged.pk).exists()
    assert set(keep.articles.all()) == {a, b, c}
    b.refresh_from_db()
    assert b.event_source == MembershipSource.PERSON and b.event_set_by == analyst


def test_splitting_moves_the_chosen_articles_to_a_new_event(analyst_client, analyst):
    event = EventFactory(title="Two stories")
    stay, leave = ArticleFactory(event=event), ArticleFactory(event=event)

    analyst_client.post(
        reverse("event-split", args=[event.pk]),
        {"title": "The other story", "articles": [leave.pk]},
    )

    new = Event.objects.get(title="The other story")
    assert list(new.articles.all()) == [leave]
    assert list(event.articles.all()) == [stay]
    leave.refresh_from_db()
    assert leave.event_set_by == analyst and leave.event_set_at is not None


def test_splitting_refuses_articles_of_another_event(analyst_client):
    event, other = EventFactory(), EventFactory()
    foreign = ArticleFactory(event=other)

    response = analyst_client.post(
        reverse("event-split", args=[event.pk]), {"title": "x", "articles": [foreign.pk]}
    )

    assert response.status_code == 400
    assert Article.objects.get(pk=foreign.pk).event == other


def test_renaming_and_locking(analyst_client):
    event = EventFactory(title="Old title")
    analyst_client.post(reverse("event-rename", args=[event.pk]), {"title": "  New title  "})
    analyst_client.post(reverse("event-lock", args=[event.pk]))
    event.refresh_from_db()
    assert (event.title, event.locked) == ("New title", True)
    html = analyst_client.get(event.get_absolute_url()).content.decode()
    assert ">locked</span>" in html and "Unlock" in html
    analyst_client.post(reverse("event-lock", args=[event.pk]))
    event.refresh_from_db()
    assert not event.locked


def test_an_editor_marks_the_report_reviewed_with_a_comment(client, editor):
    client.force_login(editor)
    event = EventFactory()

    client.post(reverse("event-review", args=[event.pk]), {"comment": "<b>Fine</b> by me"})

    event.refresh_from_db()
    assert event.reviewed_by == editor and event.reviewed_at
    html = client.get(event.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Fine&lt;/b&gt; by me" in html
    assert "reviewed</span> by eddie" in html


def test_the_page_says_who_put_each_article_in_the_event(analyst_client):
    event = EventFactory()
    ArticleFactory(event=event, event_source=MembershipSource.MACHINE, event_similarity=0.734)
    ArticleFactory(
        event=event, event_source=MembershipSource.PERSON, event_set_by=UserFactory(username="mo")
    )

    html = analyst_client.get(event.get_absolute_url()).content.decode()

    assert "grouped automatically (similarity 0.73)" in html
    assert "set by mo" in html


def test_analysts_do_not_see_the_review_form(analyst_client):
    html = analyst_client.get(EventFactory().get_absolute_url()).content.decode()
    assert "Mark reviewed" not in html


# Found in a QA pass: an unknown event id typed into an id box answered "Select a valid
# choice. That choice is not one of the available choices." (there is no list to choose
# from), or, on the article page, nothing at all.


def test_merging_into_an_unknown_event_says_there_is_no_such_event(analyst_client):
    event = EventFactory()
    response = analyst_client.post(reverse("event-merge", args=[event.pk]), {"other": 99999})
    assert response.status_code == 400
    assert "There is no other event with this id." in response.content.decode()
    assert "Select a valid choice" not in response.content.decode()


def test_merging_an_event_into_itself_says_so_plainly(analyst_client):
    event = EventFactory()
    response = analyst_client.post(reverse("event-merge", args=[event.pk]), {"other": event.pk})
    assert response.status_code == 400
    assert "There is no other event with this id." in response.content.decode()


def test_an_unknown_event_id_on_the_article_page_is_reported_not_ignored(analyst_client):
    event = EventFactory()
    article = ArticleFactory(event=event)
    response = analyst_client.post(
        reverse("article-set-event", args=[article.pk]), {"event": 99999}, follow=True
    )
    assert "There is no event with this id." in response.content.decode()
    article.refresh_from_db()
    assert article.event_id == event.pk
