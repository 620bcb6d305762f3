from datetime import date, timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError

from analysis import services


@shared_task(
    bind=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
)
def score_articles(self, article_ids: list[int], batch_id: int | None = None) -> None:
    # Idempotent (scores are upserted, each article counts once in its batch), so the
    # task is acknowledged late and re-run if its worker dies (CELERY_TASK_ACKS_LATE).
    # batch_id is unused: tasks sent before the batch was kept on the article carry it.
    try:
        services.articles_score(article_ids=article_ids)
    except SoftTimeLimitExceeded:
        services.articles_score_interrupted(article_ids=article_ids)


@shared_task
def prepare_rescore(
    batch_id: int, outlet_id: int | None, since: str | None, everything: bool
) -> int:
    """Choose and queue the articles of a rescore started from the scoring page."""
    return services.rescore_prepare(
        batch_id=batch_id,
        outlet_id=outlet_id,
        since=date.fromisoformat(since) if since else None,
        everything=everything,
    )


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def sweep_unscored() -> dict[str, int]:
    """Periodic (beat): re-send work whose task was lost (see articles_sweep)."""
    return services.articles_sweep(
        stuck_after=timedelta(seconds=settings.NEWSDESK_SWEEP_STUCK_AFTER)
    )
