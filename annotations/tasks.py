"""Annotation tasks: thin, calling one service."""

from celery import shared_task
from django.db import DatabaseError

from annotations import services


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def reanchor_annotations() -> int:
    """Periodic (beat): annotations of texts changed without a save find their passage."""
    return services.annotations_reanchor_sweep()
