from celery import shared_task
from django.db import DatabaseError

from analysis import services
from analysis.scoring import all_scorers

# Load every scorer and its lexicons now, in the worker's parent process, so that the
# forked children share them instead of each loading its own copy.
all_scorers()


@shared_task(
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
)
def score_articles(article_ids: list[int], batch_id: int | None = None) -> None:
    services.articles_score(article_ids=article_ids, batch_id=batch_id)


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def refresh_event_comparisons(event_ids: list[int]) -> None:
    from analysis.event_report import event_comparison_refresh

    for event_id in event_ids:
        event_comparison_refresh(event_id=event_id)


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def group_articles(article_ids: list[int]) -> None:
    services.articles_group(article_ids=article_ids)
