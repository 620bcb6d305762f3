"""Storylines: related events linked into one story told over days or weeks.

Events stay one happening each (events/grouping.py keeps them apart); a storyline is
the relation between them that grouping must not turn into a merge: the standoff's start,
its days and its end; a law and the boycott that follows.

Automatic linking compares events, not articles. An event's profile is the mean weight,
over its independent articles (updates and syndicated copies left out), of the names in
the grouping index (its "x:n:" terms, events/crosslingual.py), its heaviest
``PROFILE_TERMS`` kept: a storyline follows the same people and places over weeks, while
the words that tell one event from the next (which grouping weighs) change. In order of their first day, each event is linked to the most
similar event that started up to ``GAP_DAYS`` before it, if the two profiles are similar
enough and share enough distinct terms: it joins that event's storyline, or the two start
one titled after the earlier event.

Links a person set (or took away), and locked storylines, are never changed by the
machine; a person may also create, rename and lock storylines.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from events.grouping import shared_terms, similarity
from events.models import ArticleTerm
from newsdesk.models import Event, MembershipSource, Storyline

# Events starting up to this many days after an event may continue its story.
GAP_DAYS = 21
PROFILE_TERMS = 25
# Weighted Jaccard similarity of two profiles, and distinct names in common, to link.
THRESHOLD = 0.35
MIN_SHARED = 4
PROFILE_KINDS = ("x:n:",)


@dataclass
class LinkReport:
    events: int = 0
    linked: int = 0
    storylines_created: int = 0
    cleared: int = 0
    deleted_storylines: int = 0


def event_profiles(event_ids: list[int]) -> dict[int, dict[str, float]]:
    """Each event's profile: the mean weight of its names over its independent
    articles, the heaviest PROFILE_TERMS of them. One query."""
    sums: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    articles: dict[int, set[int]] = defaultdict(set)
    rows = (
        ArticleTerm.objects.filter(article__event_id__in=event_ids, article__copy_kind="")
        .values_list("article__event_id", "article_id", "term", "weight")
        .order_by()
    )
    for event_id, article_id, term, weight in rows.iterator(chunk_size=5000):
        articles[event_id].add(article_id)
        if term.startswith(PROFILE_KINDS):
            sums[event_id][term] += weight
    profiles = {}
    for event_id, terms in sums.items():
        n = len(articles[event_id])
        best = sorted(terms.items(), key=lambda tw: (-tw[1], tw[0]))[:PROFILE_TERMS]
        profiles[event_id] = {term: weight / n for term, weight in best}
    return profiles


def storylines_clear(*, since: dt.date | None = None) -> tuple[int, int]:
    """Undo the machine's links (of events starting since ``since``): links a person set
    and events in locked storylines stay; machine-made storylines left empty are
    deleted. Returns (links cleared, storylines deleted)."""
    scope = Event.objects.filter(storyline_source=MembershipSource.MACHINE).exclude(
        storyline__locked=True
    )
    if since is not None:
        scope = scope.filter(starts_on__gte=since)
    with transaction.atomic():
        touched = set(scope.exclude(storyline=None).values_list("storyline_id", flat=True))
        cleared = scope.update(storyline=None, storyline_source="")
        deleted, _ = (
            Storyline.objects.filter(
                pk__in=touched, created_by__isnull=True, locked=False, events__isnull=True
            )
            .distinct()
            .delete()
        )
    return cleared, deleted


def storylines_link(
    *,
    since: dt.date | None = None,
    rebuild: bool = False,
    gap_days: int = GAP_DAYS,
    threshold: float = THRESHOLD,
    min_shared: int = MIN_SHARED,
) -> LinkReport:
    """Link the events (starting since ``since``) that are not in a storyline yet, or,
    with ``rebuild``, redo every link the machine made; see the module's docstring."""
    report = LinkReport()
    if rebuild:
        report.cleared, report.deleted_storylines = storylines_clear(since=since)
    gap = dt.timedelta(days=gap_days)
    scope = Event.objects.exclude(starts_on=None)
    if since is not None:
        scope = scope.filter(starts_on__gte=since - gap)
    events = list(
        scope.select_related("storyline")
        .annotate(n=Count("articles"))
        .filter(n__gt=0)
        .order_by("starts_on", "pk")
    )
    profiles = event_profiles([e.pk for e in events])
    for i, event in enumerate(events):
        if since is not None and event.starts_on < since:
            continue
        report.events += 1
        if event.storyline_source == MembershipSource.PERSON or event.storyline_id:
            continue  # a person's choice, or linked already (machine links stay)
        mine = profiles.get(event.pk)
        if not mine:
            continue
        best, best_score = None, threshold
        for earlier in reversed(events[:i]):
            if event.starts_on - earlier.starts_on > gap:
                break
            theirs = profiles.get(earlier.pk)
            if not theirs or (earlier.storyline_id and earlier.storyline.locked):
                continue
            if not earlier.storyline_id and earlier.storyline_source == MembershipSource.PERSON:
                continue  # a person took it out of every storyline
            score = similarity(mine, theirs)
            if score >= best_score and shared_terms(mine, theirs) >= min_shared:
                best, best_score = earlier, score
        if best is None:
            continue
        with transaction.atomic():
            if best.storyline_id is None:
                best.storyline = Storyline.objects.create(title=best.title[:300])
                best.storyline_source = MembershipSource.MACHINE
                best.save(update_fields=["storyline", "storyline_source"])
                report.storylines_created += 1
            event.storyline = best.storyline
            event.storyline_source = MembershipSource.MACHINE
            event.save(update_fields=["storyline", "storyline_source"])
        report.linked += 1
    return report


def storylines_link_recent(*, days: int = 2 * GAP_DAYS) -> LinkReport:
    """Link the events that started in the last ``days`` days (what beat runs)."""
    return storylines_link(since=timezone.localdate() - dt.timedelta(days=days))


# --- By hand --------------------------------------------------------------------------


def storyline_create(*, title: str, user=None) -> Storyline:
    return Storyline.objects.create(
        title=title, created_by=user, title_set_by_person=user is not None
    )


def event_storyline_set(*, event: Event, storyline: Storyline | None, user=None) -> None:
    """A person links the event to a storyline, or (None) takes it out of every one; the
    machine will not change either."""
    event.storyline = storyline
    event.storyline_source = MembershipSource.PERSON
    event.save(update_fields=["storyline", "storyline_source"])


def storyline_update(
    *, storyline: Storyline, title: str | None = None, locked: bool | None = None
) -> None:
    fields = []
    if title is not None:
        storyline.title, storyline.title_set_by_person = title, True
        fields += ["title", "title_set_by_person"]
    if locked is not None:
        storyline.locked = locked
        fields.append("locked")
    if fields:
        storyline.save(update_fields=fields)
