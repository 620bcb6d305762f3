"""Grouping and comparison tasks: thin, taking ids. Their names are those they had in the
analysis app, so that messages queued before an upgrade still find them."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError

from events import services, storylines
from events.event_report import event_comparison_refresh


@shared_task(
    name="analysis.tasks.refresh_event_comparisons",
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=5,
)
def refresh_event_comparisons(event_ids: list[int]) -> None:
    for event_id in event_ids:
        event_comparison_refresh(event_id=event_id)


@shared_task(
    name="analysis.tasks.group_articles",
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=5,
)
def group_articles(article_ids: list[int]) -> None:
    services.articles_group(article_ids=article_ids)


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def reindex_articles(article_ids: list[int]) -> int:
    """Index these articles again under the current index version (sent by the sweep)."""
    return services.articles_reindex(article_ids=article_ids)


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def sweep_events() -> dict[str, int]:
    """Periodic (beat): re-send grouping and comparison work whose task was lost."""
    return services.events_sweep(stuck_after=timedelta(seconds=settings.NEWSDESK_SWEEP_STUCK_AFTER))


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def link_recent_storylines() -> int:
    """Beat: link the events of the last weeks into storylines; how many were linked."""
    return storylines.storylines_link_recent().linked


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def second_look_events() -> int:
    """Beat: place the articles placed since the last run, and their neighbours, again
    among the events as they now stand; how many moved."""
    return services.events_second_look().moved
