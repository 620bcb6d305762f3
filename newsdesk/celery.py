import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

app = Celery("newsdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


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
