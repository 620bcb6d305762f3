"""Changes to events: creating, filing articles, merging, splitting, reviewing."""

from __future__ import annotations

import datetime as dt
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from analysis.services import CHUNK_SIZE, SWEEP_LIMIT
from events import tasks
from events.event_report import STALE_CHUNK, events_mark_stale, events_without_current_report
from events.grouping import (
    INDEX_VERSION,
    SecondLook,
    article_index,
    article_placement,
    articles_index,
    articles_neighbours,
    articles_second_look,
    event_refresh_dates,
    second_looks_setting,
)
from events.models import ArticleVector, EventComparison
from events.signals import event_articles_leaving, events_merging
from newsdesk.models import (
    Article,
    Event,
    MembershipSource,
    ScoringStatus,
)

log = logging.getLogger(__name__)


class EventChangeRefused(Exception):
    """A change of events' articles that a rule forbids; the message says which and why."""


def event_create(
    *, title: str, description: str = "", user=None, article_ids: list[int] | None = None
) -> Event:
    event = Event.objects.create(title=title.strip(), description=description, created_by=user)
    if article_ids:
        event_set_articles(event=event, article_ids=article_ids)
    return event


@transaction.atomic
def event_set_articles(*, event: Event, article_ids: list[int], user=None) -> None:
    """A person puts these articles in the event; the events they leave change too."""
    leaving = dict(
        Article.objects.filter(pk__in=article_ids, event__isnull=False)
        .exclude(event=event)
        .values_list("pk", "event_id")
    )
    left = set(leaving.values())
    _articles_leaving(list(leaving), left)
    Article.objects.filter(pk__in=article_ids).update(event=event, **_person_membership(user))
    touched = [event, *Event.objects.filter(pk__in=left)]
    for changed in touched:
        event_refresh_dates(event=changed)
    _reports_stale(*touched)


@transaction.atomic
def article_set_event(*, article: Article, event: Event | None, user=None) -> None:
    """A person puts an article in an event (or takes it out); recorded as theirs.

    Raises EventChangeRefused if a rule keeps the article in its event."""
    previous = article.event
    if previous is not None and previous != event:
        _articles_leaving([article.pk], {previous.pk})
    article.event = event
    # A person's removal is recorded too, so that grouping does not put it back.
    article.event_source = MembershipSource.PERSON
    article.event_similarity = None
    article.event_set_by = user if user and user.is_authenticated else None
    article.event_set_at = timezone.now()
    article.save(
        update_fields=[
            "event",
            "event_source",
            "event_similarity",
            "event_set_by",
            "event_set_at",
            "updated_at",
        ]
    )
    for changed in {previous, event} - {None}:
        event_refresh_dates(event=changed)
    _reports_stale(previous, event)


def _person_membership(user) -> dict:
    return {
        "event_source": MembershipSource.PERSON,
        "event_similarity": None,
        "event_set_by": user if user and user.is_authenticated else None,
        "event_set_at": timezone.now(),
    }


@transaction.atomic
def event_merge(*, target: Event, others: list[Event], user=None) -> int:
    """Move every article of the other events into target and delete them."""
    others = [e for e in others if e.pk != target.pk]
    events_merging.send(sender=Event, target=target, others=others)
    _reviews_merge(target=target, others=others)
    moved = Article.objects.filter(event__in=others).update(
        event=target, **_person_membership(user)
    )
    Event.objects.filter(pk__in=[e.pk for e in others]).delete()
    event_refresh_dates(event=target)
    _reports_stale(target)
    return moved


@transaction.atomic
def event_split(*, event: Event, article_ids: list[int], title: str, user=None) -> Event:
    """Move the chosen articles of an event into a new event of their own."""
    _articles_leaving(
        list(Article.objects.filter(event=event, pk__in=article_ids).values_list("pk", flat=True)),
        {event.pk},
    )
    new = Event.objects.create(title=title.strip(), created_by=user)
    Article.objects.filter(event=event, pk__in=article_ids).update(
        event=new, **_person_membership(user)
    )
    event_refresh_dates(event=new)
    event_refresh_dates(event=event)
    _reports_stale(event, new)
    return new


def event_update(*, event: Event, title: str | None = None, locked: bool | None = None) -> None:
    if title is not None:
        event.title = title.strip()
    if locked is not None:
        event.locked = locked
    event.save(update_fields=["title", "locked"])


def event_review(*, event: Event, user, comment: str) -> None:
    event.reviewed_by = user
    event.reviewed_at = timezone.now()
    event.review_comment = comment.strip()
    event.save(update_fields=["reviewed_by", "reviewed_at", "review_comment"])


def _articles_leaving(article_ids: list[int], event_ids: set[int]) -> None:
    if article_ids and event_ids:
        event_articles_leaving.send(sender=Event, article_ids=article_ids, event_ids=event_ids)


def _reviews_merge(*, target: Event, others: list[Event]) -> None:
    """An editor's review of a merged event is kept: the surviving event takes the latest
    review, and the comments of the others are added to its comment with their origin."""
    reviewed = sorted((e for e in [target, *others] if e.reviewed_at), key=lambda e: e.reviewed_at)
    if not reviewed or reviewed == [target]:
        return
    latest = reviewed[-1]
    comments = [target.review_comment] if target.review_comment else []
    comments += [
        f"From the merged event “{e.title}” (#{e.pk}), reviewed by {e.reviewed_by or 'someone'} "
        f"on {e.reviewed_at:%Y-%m-%d}: {e.review_comment}".rstrip(": ")
        for e in reviewed
        if e != target
    ]
    target.reviewed_by, target.reviewed_at = latest.reviewed_by, latest.reviewed_at
    target.review_comment = "\n\n".join(comments)
    target.save(update_fields=["reviewed_by", "reviewed_at", "review_comment"])


def _reports_stale(*events: Event | None) -> None:
    events_mark_stale(event_ids=[e.pk for e in events if e is not None])


# --- Grouping and the comparisons' upkeep ------------------------------------------------


def articles_scored_follow_up(*, article_ids: list[int]) -> None:
    """After articles were scored (inside the scoring transaction): their events'
    comparisons are out of date, and grouping indexes and places them once it commits."""
    events = Article.objects.filter(pk__in=article_ids, event__isnull=False).values_list(
        "event_id", flat=True
    )
    events_mark_stale(event_ids=set(events))
    if article_ids and settings.NEWSDESK_GROUP_EVENTS:
        tasks.group_articles.delay_on_commit(list(article_ids))


def articles_group(*, article_ids: list[int]) -> None:
    """Index scored articles for grouping and place those not yet in an event."""
    events: set[int] = set()
    articles = list(
        Article.objects.filter(pk__in=article_ids).defer("raw").order_by("published_at", "pk")
    )
    for article in articles:
        indexed = article_index(article=article)
        if article.event_id is None:
            placement = article_placement(
                article=article, terms=indexed.terms, meaning=indexed.meaning
            )
            if placement.event is not None:
                events.add(placement.event.pk)
    # Indexed and placed: the sweep leaves them alone (a task killed before this line
    # is re-sent by the sweep, and indexing and placing again changes nothing).
    # Placed: due a second look with its neighbours (events_second_look).
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(
        grouped_at=timezone.now(), second_look_at=None
    )
    events_mark_stale(event_ids=events)


# Articles placed since the last second look taken at a time, and seconds of a worker's
# time a run may take before it leaves the rest to the next run.
SECOND_LOOK_LIMIT = 200
SECOND_LOOK_BUDGET = 60.0
# About how many times as long as a search for an article's candidates its placement
# takes (it searches, then weighs the events and may write): what the searches for the
# due articles' neighbours say their placing again will cost.
PLACEMENT_PER_SEARCH = 2.0


def events_second_look(*, budget: float = SECOND_LOOK_BUDGET) -> SecondLook:
    """Give the articles placed since the last second look, and their neighbours (the
    articles like them within the window: what their coming may have given a better
    event), a second look (events.grouping.articles_second_look), oldest first, for
    about ``budget`` seconds (one batch at least); the events that gained or lost an
    article are marked for new comparisons. Run by the worker every
    NEWSDESK_EVENT_SECOND_LOOK_INTERVAL seconds.

    Each batch takes as many of the oldest due articles (SECOND_LOOK_LIMIT at most) as
    the time left can place again with their neighbours (_second_look_batch), at least
    one, so that a run ends near its budget and always moves on: where each article has
    many neighbours (a dense week, a bulk import), 200 of them could take longer than the
    task's time limit, which stopped every run before it marked anything, so that the same
    articles came back every run. Passes after the first stop at the budget's end; the
    articles whose moves they were following are due again, for the next run."""
    done = SecondLook()
    if not settings.NEWSDESK_GROUP_EVENTS or not second_looks_setting():
        return done
    deadline = time.monotonic() + budget
    while True:  # one batch at least, however short the budget
        due = list(
            Article.objects.filter(grouped_at__isnull=False, second_look_at__isnull=True)
            .order_by(F("published_at").asc(nulls_last=True), "pk")
            .values_list("pk", flat=True)[:SECOND_LOOK_LIMIT]
        )
        if not due:
            break
        began = time.monotonic()
        chosen, nearby = _second_look_batch(due, deadline=deadline)
        look = articles_second_look(article_ids=nearby, deadline=deadline)
        Article.objects.filter(pk__in=chosen).update(second_look_at=timezone.now())
        Article.objects.filter(pk__in=look.unfollowed).update(second_look_at=None)
        log.info(
            "Second look: %d of %d placed articles due, %d placements in %d passes, "
            "%d moved, %d left to follow up, %.1f s",
            len(chosen),
            len(due),
            look.looked,
            look.passes,
            look.moved,
            len(look.unfollowed),
            time.monotonic() - began,
        )
        done.passes += look.passes
        done.looked += look.looked
        done.moved += look.moved
        done.events |= look.events
        events_mark_stale(event_ids=look.events)
        if time.monotonic() >= deadline:
            break
    return done


def _second_look_batch(due: list[int], *, deadline: float) -> tuple[list[int], set[int]]:
    """The first of the ``due`` articles, in their order, whose neighbours
    (articles_neighbours, one search each) can be placed again before ``deadline`` at the
    pace of those searches (PLACEMENT_PER_SEARCH), at least one; and those neighbours."""
    chosen: list[int] = []
    nearby: set[int] = set()
    began = time.monotonic()
    for pk in due:
        around = articles_neighbours(article_ids=[pk])
        now = time.monotonic()
        per_placement = PLACEMENT_PER_SEARCH * (now - began) / (len(chosen) + 1)
        if chosen and len(nearby | around) * per_placement > deadline - now:
            break
        chosen.append(pk)
        nearby |= around
    return chosen, nearby


def _sweep_ungrouped(cutoff: dt.datetime) -> int:
    if not settings.NEWSDESK_GROUP_EVENTS:
        return 0
    ids = list(
        Article.objects.filter(
            scoring_status=ScoringStatus.SCORED, grouped_at__isnull=True, scored_at__lt=cutoff
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_LIMIT]
    )
    if ids:
        log.warning("Sweep: sending %d scored articles that grouping never reached", len(ids))
    for start in range(0, len(ids), CHUNK_SIZE):
        tasks.group_articles.delay_on_commit(ids[start : start + CHUNK_SIZE])
    return len(ids)


def _sweep_stale_comparisons(cutoff: dt.datetime) -> int:
    ids = list(
        EventComparison.objects.filter(stale=True, stale_since__lt=cutoff)
        .order_by("event_id")
        .values_list("event_id", flat=True)[:SWEEP_LIMIT]
    )
    if ids:
        log.warning("Sweep: recomputing %d event comparisons left stale", len(ids))
        # Renewed, so that the next sweep waits for these before sending them again.
        EventComparison.objects.filter(event_id__in=ids).update(stale_since=timezone.now())
    for start in range(0, len(ids), STALE_CHUNK):
        tasks.refresh_event_comparisons.delay_on_commit(ids[start : start + STALE_CHUNK])
    return len(ids)


def events_sweep(*, stuck_after: timedelta) -> dict[str, int]:
    """Bring back grouping and comparison work whose task was lost, found by its state:
    scored articles that grouping never indexed are sent to grouping, comparisons stale
    for longer than ``stuck_after`` are recomputed, and events with articles but no
    current report get one. All of it is idempotent."""
    cutoff = timezone.now() - stuck_after
    return {
        "grouping": _sweep_ungrouped(cutoff),
        "comparisons": _sweep_stale_comparisons(cutoff),
        "reports": _sweep_missing_reports(),
        "reindex": _sweep_old_index(),
    }


# Articles indexed under an older INDEX_VERSION sent to be indexed again per sweep: at a
# few milliseconds each, a minute of a worker's time every few minutes, so that an upgrade
# re-indexes a large archive in the background without crowding out new articles.
REINDEX_LIMIT = 2_000


def _sweep_old_index() -> int:
    """Articles whose index terms were made the old way (events.grouping.INDEX_VERSION):
    sent to be indexed again, in article id order; their events stay as they are."""
    if not settings.NEWSDESK_GROUP_EVENTS:
        return 0
    ids = list(
        ArticleVector.objects.filter(index_version__lt=INDEX_VERSION)
        .order_by("article_id")
        .values_list("article_id", flat=True)[:REINDEX_LIMIT]
    )
    if ids:
        log.info(
            "Sweep: indexing %d articles again under index version %d", len(ids), INDEX_VERSION
        )
    for start in range(0, len(ids), CHUNK_SIZE):
        tasks.reindex_articles.delay_on_commit(ids[start : start + CHUNK_SIZE])
    return len(ids)


def articles_reindex(*, article_ids: list[int]) -> int:
    """Index these articles again if their terms were made under an older INDEX_VERSION
    (a task sent twice does the work once); their events and copy flags are left alone.
    Returns how many were indexed."""
    articles = list(
        Article.objects.filter(
            pk__in=article_ids, term_vector__index_version__lt=INDEX_VERSION
        ).only("pk", "headline", "body", "published_at")
    )
    if articles:
        articles_index(articles)
    return len(articles)


def _sweep_missing_reports() -> int:
    """Reports that nothing queued: never computed (an event filled by a script), or
    computed by an older version of the report (after an upgrade)."""
    ids = events_without_current_report(limit=SWEEP_LIMIT)
    if ids:
        log.warning("Sweep: computing the reports of %d events without a current one", len(ids))
    events_mark_stale(event_ids=ids)
    return len(ids)


def article_details_follow_up(*, article: Article, fields: list[str]) -> None:
    """After a person corrected an article's details: its event's dates follow a new
    publication time, and its comparison, which shows all of them, is recomputed."""
    if article.event is None:
        return
    if "published_at" in fields:
        event_refresh_dates(event=article.event)
    _reports_stale(article.event)
