import gc
import logging
import os
from functools import partial

from celery import Celery
from celery.contrib.django.task import DjangoTask
from celery.signals import task_postrun, task_prerun, worker_init
from kombu.exceptions import OperationalError as BrokerError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

log = logging.getLogger("newsdesk.tasks")


class Task(DjangoTask):
    """Newsdesk's tasks: a send after the commit that the broker refuses is logged and
    left to the sweep (analysis.services.articles_sweep), which finds the work by its
    state in the database. Raising would turn a committed change into an error page,
    and a retry of the request into a 409."""

    def delay_on_commit(self, *args, **kwargs) -> None:
        from django.db import transaction

        transaction.on_commit(partial(self.delay_or_leave, *args, **kwargs))

    def delay_or_leave(self, *args, **kwargs) -> bool:
        """Send now; False (and logged) if the broker cannot be reached."""
        try:
            self.delay(*args, **kwargs)
        except BrokerError as exc:
            log.error("Could not send %s (%s); the sweep will pick the work up", self.name, exc)
            return False
        return True


app = Celery("newsdesk", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def load_scorers(**kwargs) -> None:
    """In a worker's main process, before it forks its pool: load every scorer and its
    word lists, so that the pool processes share them instead of each loading its own
    copy (about 130 MB and 3 s), and set them apart from the cyclic garbage collector
    (``gc.freeze``), which would otherwise walk their millions of objects whenever it
    looks at the oldest generation: they live as long as the process. A web process,
    which only sends tasks, loads none of this."""
    from analysis.scoring import all_scorers

    all_scorers()
    gc.freeze()


@task_prerun.connect
@task_postrun.connect
def close_old_connections(sender=None, **kwargs) -> None:
    """Keep a worker's database connections as Django keeps a web process's.

    Celery's Django fixup closes every connection before and after each task unless
    CELERY_DB_REUSE_MAX is set (it is, in settings), and a new PostgreSQL session per
    task cost more CPU than the task's queries. Instead a connection is closed, as after
    a request, when CONN_MAX_AGE has passed or it is broken or left in error.
    """
    if getattr(getattr(sender, "request", None), "is_eager", False):
        return  # run inline by the caller, inside the caller's transaction
    from django.db import close_old_connections

    close_old_connections()
