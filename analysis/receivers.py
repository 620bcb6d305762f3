"""Signal receivers; each only calls a service."""

from __future__ import annotations

from analysis.models import ScoringBatch
from analysis.services import articles_queue_scoring


def articles_stored_queue_scoring(
    sender, article_ids: list[int], label: str = "", user=None, job=None, **kwargs
) -> None:
    """New articles are scored; an import's or a job's scoring is counted in a batch
    that its page follows (a job's batch is kept on the job for its later steps)."""
    if job is None:
        articles_queue_scoring(article_ids=article_ids, label=label, user=user, track=bool(label))
        return
    batch = ScoringBatch.objects.filter(pk=job.scoring_batch_id).first()
    batch = articles_queue_scoring(article_ids=article_ids, label=label, user=user, batch=batch)
    job.scoring_batch_id = batch.pk


def articles_rescore_language(sender, article_ids: list[int], **kwargs) -> None:
    """After articles' languages changed: score them for the new ones."""
    articles_queue_scoring(article_ids=article_ids, track=False)
