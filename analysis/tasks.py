from celery import shared_task
from django.db import DatabaseError

from analysis import services


@shared_task(
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
)
def score_articles(article_ids: list[int], batch_id: int | None = None) -> None:
    for article_id in article_ids:
        services.article_score(article_id=article_id, batch_id=batch_id)
