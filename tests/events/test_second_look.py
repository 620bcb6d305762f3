"""The second look (grouping 9): once a day's articles are placed, each is placed again
among the events as they then stand. The reports below were written for these tests (a
fictional town, club, stadium and owner): the council's vote on a stadium levy, and the
same evening the club's owner saying the club will leave town anyway. The first report
of the move leans on the vote; placed in publication order it sees only the vote's
event, since the move's own reports come after it."""

import datetime as dt
import io
import math
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from config.celery import app as celery_app
from events.grouping import (
    articles_group_since,
    articles_neighbours,
    articles_second_look,
    events_rebuild,
)
from events.models import EventComparison
from events.services import _second_look_batch, articles_group, events_second_look
from events.storylines import event_storyline_set, storyline_create
from events.tasks import second_look_events
from newsdesk.models import Article, Event, MembershipSource
from tests.factories import ArticleFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2025, 9, 16, 9, 0, tzinfo=dt.UTC)

VOTE = (
    "Harrowfield council approves hotel levy to rebuild Cobbold Park stadium",
    "Harrowfield council voted seven to two on Tuesday to approve a hotel levy that will "
    "pay for rebuilding Cobbold Park, the stadium of the Harrowfield Herons. The levy adds "
    "two pounds a night to every hotel room in the town for fifteen years. Councillor "
    "Priya Olander said the stadium vote keeps the Herons at Cobbold Park, while hotel "
    "owners warned the levy would drive visitors to neighbouring towns.",
)
VOTE_TOO = (
    "Hotel levy for Cobbold Park stadium passes Harrowfield council vote",
    "A hotel levy to rebuild Cobbold Park stadium passed the Harrowfield council vote by "
    "seven votes to two. Every hotel room in the town will cost two pounds a night more "
    "for fifteen years to pay for the Herons' stadium. Councillor Priya Olander called the "
    "vote a promise to the Herons' fans; the hotel owners' association said it would "
    "challenge the levy in court.",
)
MOVE_FIRST = (
    "Herons owner Marta Kessel: club will leave for a new Dunmore ground despite levy vote",
    "Hours after Harrowfield council's levy vote, the Herons' owner Marta Kessel said the "
    "club will leave Cobbold Park for a new ground in Dunmore in 2027. Kessel told "
    "supporters the club had signed a forty-year lease on land by the Dunmore ring road "
    "and that season tickets would be honoured at the new ground. Supporters' groups "
    "called the move a betrayal of the Herons' history.",
)
MOVE = (
    "Marta Kessel confirms Herons move to new Dunmore ground in 2027",
    "The Harrowfield Herons will play at a new ground in Dunmore from 2027, the club's "
    "owner Marta Kessel confirmed. Kessel said the club had signed a forty-year lease on "
    "land beside the Dunmore ring road, and that supporters' season tickets would be "
    "honoured at the new ground. Supporters' groups called the move a betrayal of the "
    "Herons' history and planned a protest march to Kessel's office.",
)
MOVE_REACTION = (
    "Herons supporters march against Kessel's Dunmore move",
    "Several thousand Herons supporters marched to Marta Kessel's office to protest the "
    "club's move to a new ground in Dunmore in 2027. Supporters' groups said the owner "
    "had betrayed the Herons' history, and asked the league to block the move. Kessel "
    "said the forty-year lease at Dunmore was signed and the move would go ahead.",
)


STORIES = [VOTE, VOTE_TOO, MOVE_FIRST, MOVE, MOVE_REACTION]


def _store(stories) -> list[Article]:
    outlets = [OutletFactory() for _ in stories]
    return [
        ArticleFactory(
            headline=headline,
            body=body,
            outlet=outlet,
            published_at=DAY + dt.timedelta(hours=hours),
        )
        for (headline, body), hours, outlet in zip(stories, (0, 1, 8, 10, 26), outlets, strict=True)
    ]


def _groups(articles: list[Article]) -> list[set[int]]:
    by_event: dict[int, set[int]] = {}
    for index, article in enumerate(articles):
        article.refresh_from_db()
        by_event.setdefault(article.event_id, set()).add(index)
    return sorted(by_event.values(), key=min)


def test_without_a_second_look_the_first_report_of_a_story_stays_with_yesterdays_topic():
    articles = _store(STORIES)
    with override_settings(NEWSDESK_EVENT_SECOND_LOOKS=0):
        articles_group_since()
    assert _groups(articles) == [{0, 1, 2}, {3, 4}]


def test_a_second_look_moves_it_to_its_own_storys_event():
    articles = _store(STORIES)
    report = articles_group_since()
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
    assert report.moved == 1
    # Every article grouped was looked at again.
    assert not Article.objects.filter(second_look_at__isnull=True).exists()


def test_group_events_rebuild_gives_the_second_look_and_says_what_it_moved():
    articles = _store(STORIES)
    out = io.StringIO()
    call_command("group_events", "--rebuild", stdout=out)
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
    assert "a second look moved 1" in out.getvalue()
    assert "second looks 3" in out.getvalue()

    call_command("group_events", "--rebuild", "--second-looks", "0", stdout=io.StringIO())
    assert _groups(articles) == [{0, 1, 2}, {3, 4}]


def test_group_events_refuses_a_negative_number_of_second_looks():
    with pytest.raises(CommandError, match="--second-looks must be zero or more"):
        call_command("group_events", "--second-looks", "-1")


def test_a_membership_set_by_a_person_is_not_moved():
    articles = _store(STORIES)
    with override_settings(NEWSDESK_EVENT_SECOND_LOOKS=0):
        articles_group_since()
    vote_event = Article.objects.get(pk=articles[0].pk).event
    # An editor decided the owner's answer belongs with the vote.
    Article.objects.filter(pk=articles[2].pk).update(event_source=MembershipSource.PERSON)

    look = articles_second_look()

    assert look.moved == 0
    assert Article.objects.get(pk=articles[2].pk).event == vote_event


def test_a_locked_event_keeps_its_members():
    articles = _store(STORIES)
    with override_settings(NEWSDESK_EVENT_SECOND_LOOKS=0):
        articles_group_since()
    Event.objects.filter(articles=articles[0]).update(locked=True)

    assert articles_second_look().moved == 0
    assert _groups(articles) == [{0, 1, 2}, {3, 4}]


def test_nothing_is_written_for_an_article_that_stays_and_one_alone_keeps_its_event():
    _store(STORIES)
    articles_group_since()
    before = dict(Article.objects.values_list("pk", "updated_at"))
    events = dict(Article.objects.values_list("pk", "event_id"))

    look = articles_second_look()

    assert (look.passes, look.moved) == (1, 0)
    assert dict(Article.objects.values_list("pk", "updated_at")) == before
    assert dict(Article.objects.values_list("pk", "event_id")) == events
    # An article with no event like it stays in the one it started.
    alone = ArticleFactory(
        headline="Written for the tests: Kelling lifeboat crew rescues two kayakers",
        body="The Kelling lifeboat crew rescued two kayakers off the harbour wall in a "
        "storm on Tuesday night. Both were taken to hospital with hypothermia.",
        published_at=DAY + dt.timedelta(hours=3),
    )
    articles_group_since()
    alone.refresh_from_db()
    started = alone.event_id
    articles_second_look()
    alone.refresh_from_db()
    assert alone.event_id == started
    assert Event.objects.get(pk=started).articles.count() == 1


def test_the_workers_second_look_moves_what_feeds_placed_and_marks_it_looked_at():
    articles = _store(STORIES)
    # As the worker places a chunk of scored articles: indexed and placed one by one.
    articles_group(article_ids=[a.pk for a in articles])
    assert _groups(articles) == [{0, 1, 2}, {3, 4}]
    vote_event = Article.objects.get(pk=articles[0].pk).event
    comparison = EventComparison.objects.create(event=vote_event, stale=False)
    assert Article.objects.filter(second_look_at__isnull=True).count() == 5

    look = events_second_look()

    assert look.moved == 1
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
    assert not Article.objects.filter(second_look_at__isnull=True).exists()
    comparison.refresh_from_db()
    assert comparison.stale  # the vote's event lost an article
    # Nothing new placed since: the next run has nothing to do.
    assert events_second_look().passes == 0


def test_the_workers_second_look_reads_no_vector_row_a_placement():
    articles = _store(STORIES)
    articles_group(article_ids=[a.pk for a in articles])

    with CaptureQueriesContext(connection) as looking:
        look = events_second_look()

    assert look.moved == 1
    # Each article's terms and meaning come with the article itself: no read of one
    # article's stored vector by its key (before: one for each of the five placements).
    by_key = [
        q["sql"]
        for q in looking.captured_queries
        if q["sql"].lstrip().startswith("SELECT")
        and 'FROM "events_articlevector" WHERE' in q["sql"]
    ]
    assert by_key == []
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]


def test_the_workers_second_look_is_off_with_none_asked(settings):
    articles = _store(STORIES)
    articles_group(article_ids=[a.pk for a in articles])
    settings.NEWSDESK_EVENT_SECOND_LOOKS = 0
    assert events_second_look().passes == 0
    assert _groups(articles) == [{0, 1, 2}, {3, 4}]


def test_beat_runs_the_second_look_on_the_grouping_queue(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["second-look-events"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] == settings.NEWSDESK_EVENT_SECOND_LOOK_INTERVAL
    assert settings.CELERY_TASK_ROUTES[entry["task"]] == {"queue": settings.CELERY_GROUPING_QUEUE}
    articles = _store(STORIES)
    articles_group(article_ids=[a.pk for a in articles])
    assert second_look_events() == 1
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]


def test_an_articles_neighbours_are_the_articles_like_it_within_the_window():
    articles = _store(STORIES)
    far = ArticleFactory(
        headline=MOVE[0],
        body=MOVE[1] + " (Repeated.)",
        published_at=DAY + dt.timedelta(days=9),  # the same words, outside the window
    )
    articles_group_since()
    ids = {article.pk for article in articles}

    found = articles_neighbours(article_ids=[articles[3].pk])

    # The move's other reports (the vote's share too few of its words to be read, or
    # not), but not its copy published nine days later.
    assert {articles[2].pk, articles[3].pk, articles[4].pk} <= found
    assert found <= ids
    assert far.pk not in found


def test_an_event_a_person_linked_to_a_storyline_keeps_its_members():
    articles = _store(STORIES)
    with override_settings(NEWSDESK_EVENT_SECOND_LOOKS=0):
        articles_group_since()
    editor = UserFactory()
    vote_event = Article.objects.get(pk=articles[0].pk).event
    event_storyline_set(
        event=vote_event,
        storyline=storyline_create(title="Written for the tests: the stadium", user=editor),
        user=editor,
    )

    assert articles_second_look().moved == 0
    assert _groups(articles) == [{0, 1, 2}, {3, 4}]


def test_later_passes_look_at_the_whole_span_when_the_neighbours_are_too_many(monkeypatch):
    monkeypatch.setattr("events.grouping.NEIGHBOURS_LISTED", 0)
    monkeypatch.setattr("events.grouping.LISTED_IDS", 2)  # the neighbours found in chunks
    articles = _store(STORIES)

    report = articles_group_since()

    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
    assert report.moved == 1


def test_the_event_page_says_which_article_a_second_look_moved_there(analyst_client):
    articles = _store(STORIES)
    with override_settings(NEWSDESK_EVENT_SECOND_LOOKS=0):
        articles_group_since()
    assert Article.objects.get(pk=articles[2].pk).event_moved_at is None

    articles_second_look()

    moved = Article.objects.get(pk=articles[2].pk)
    assert moved.event_moved_at is not None
    html = analyst_client.get(moved.event.get_absolute_url()).content.decode()
    assert html.count("moved here by a second look") == 1
    vote = Article.objects.get(pk=articles[0].pk).event
    assert (
        "moved here by a second look"
        not in analyst_client.get(vote.get_absolute_url()).content.decode()
    )
    # A rebuild places it again from scratch: no longer a move.
    events_rebuild(second_looks=0)
    assert Article.objects.get(pk=articles[2].pk).event_moved_at is None


def test_a_second_look_past_its_deadline_makes_its_first_pass_whole_and_says_what_it_left():
    articles = _store(STORIES)
    with override_settings(NEWSDESK_EVENT_SECOND_LOOKS=0):
        articles_group_since()

    look = articles_second_look(deadline=time.monotonic())  # already past

    # The first pass is made whole and moves the owner's answer; the pass that would
    # look again at its neighbours is not made, and the article is named for later.
    assert (look.passes, look.looked, look.moved) == (1, 5, 1)
    assert look.unfollowed == [articles[2].pk]
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
    followed = articles_second_look()
    assert (followed.passes, followed.moved, followed.unfollowed) == (1, 0, [])


def test_a_batch_takes_the_due_articles_whose_neighbours_fit_the_time_left_one_at_least():
    articles = _store(STORIES)
    articles_group(article_ids=[a.pk for a in articles])
    ids = [a.pk for a in articles]

    # With time to spare (a bench's live runs): every due article, as before.
    assert _second_look_batch(ids, deadline=math.inf) == (
        ids,
        articles_neighbours(article_ids=ids),
    )
    # With none: the oldest, so that a run always moves on.
    assert _second_look_batch(ids, deadline=time.monotonic()) == (
        ids[:1],
        articles_neighbours(article_ids=ids[:1]),
    )


def test_runs_too_short_for_their_batch_still_give_every_article_its_second_look():
    # A run that could not place its 200 due articles' neighbours again within the task's
    # time limit was stopped before it marked any: the next run took the same 200, and
    # no article after them was ever looked at again. Now each run takes what fits, and
    # the oldest due article at least.
    articles = _store(STORIES)
    articles_group(article_ids=[a.pk for a in articles])
    due = Article.objects.filter(second_look_at__isnull=True)

    events_second_look(budget=0)

    assert due.count() == 4
    runs = 1
    while due.exists():
        events_second_look(budget=0)
        runs += 1
        assert runs <= 2 * len(articles)
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
