"""Feed polling tasks: beat runs poll_feeds every minute, which sends one poll_feed per due feed."""

from celery import shared_task
from django.db import DatabaseError

from newsdesk import feeds, jobs
from newsdesk.models import Feed


@shared_task
def poll_feeds() -> int:
    """Claim the feeds that are due and send a poll for each; safe to run twice at once."""
    claimed = feeds.feeds_claim_due()
    for feed_id in claimed:
        poll_feed.delay(feed_id)
    return len(claimed)


# A poll fetches up to feeds.MAX_ITEMS pages: longer limits than the default, still
# shorter than the lease (feeds.POLL_LEASE) that keeps a second poll out meanwhile.
@shared_task(
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=600,
    time_limit=660,
)
def poll_feed(feed_id: int) -> None:
    feed = Feed.objects.filter(pk=feed_id).select_related("outlet").first()
    if feed is not None:
        feeds.feed_poll(feed=feed)


# A job works for jobs.RUN_SECONDS, then sends the rest on to a new task.
@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def run_ingest_job(job_id: int) -> None:
    jobs.ingest_job_run(job_id=job_id)
