"""The second look through a real Celery worker with beat: articles scored and placed by
the worker one by one, then placed again by the scheduled task among the events as they
then stand (the reports are those written for tests/events/test_second_look.py)."""

import re
import time

import pytest
from django.db import transaction

from analysis.services import articles_queue_scoring
from newsdesk.models import Article
from tests.events.test_second_look import STORIES, _groups, _store
from tests.integration.workers import (
    require_broker,
    start_worker,
    stop_worker,
    tasks_sent_to_workers,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_beat_gives_what_the_worker_placed_a_second_look(tmp_path):
    require_broker()
    articles = _store(STORIES)
    log = tmp_path / "worker.log"
    worker = start_worker(
        log, name="second-look", beat=True, env={"NEWSDESK_EVENT_SECOND_LOOK_INTERVAL": "2"}
    )
    try:
        with tasks_sent_to_workers():
            with transaction.atomic():
                articles_queue_scoring(article_ids=[a.pk for a in articles], track=False)
            deadline = time.monotonic() + 90
            # Placed by the worker, then looked at again by the scheduled task.
            while (
                Article.objects.filter(
                    pk__in=[a.pk for a in articles], second_look_at__isnull=True
                ).exists()
                or Article.objects.filter(event__isnull=True).exists()
            ):
                assert time.monotonic() < deadline, log.read_text()[-4000:]
                time.sleep(0.3)
    finally:
        stop_worker(worker)
    assert _groups(articles) == [{0, 1}, {2, 3, 4}]
    # The scheduled task moved the owner's first answer (it returns how many moved).
    assert re.search(
        r"events.tasks.second_look_events\[[^]]+\] succeeded in [0-9.]+s: [1-9]", log.read_text()
    )
