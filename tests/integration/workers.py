"""Starting real Celery worker processes for the integration tests.

CI sets CELERY_BROKER_URL to Redis and DATABASE_URL to PostgreSQL; the workers share
the test database with the test process, so the tests commit (transactional_db).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from bench.workers import worker_command

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def require_broker(*, redis_only: bool = False) -> str:
    """The broker URL; in CI (or with redis_only) anything but a reachable Redis fails."""
    url = settings.CELERY_BROKER_URL
    if (os.environ.get("CI") or redis_only) and not url.startswith("redis"):
        message = f"these tests need the worker on Redis, not {url}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if url.startswith("redis"):
        import redis

        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            if os.environ.get("CI"):
                pytest.fail(f"Redis is not reachable at {url}: {exc}")
            pytest.skip(f"Redis is not reachable at {url}")
    return url


def start_worker(log_path: Path, *, name: str, env: dict | None = None, beat: bool = False):
    """A worker process (in its own session, so that its whole group can be killed),
    returned once it is ready to take tasks."""
    worker_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "worker-test-secret",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
        "CELERY_GROUPING_QUEUE": settings.CELERY_GROUPING_QUEUE,
        "CELERY_FEEDS_QUEUE": settings.CELERY_FEEDS_QUEUE,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        **(env or {}),
    }
    command = worker_command(
        name=f"{name}-{os.getpid()}",
        concurrency=2,
        queues=f"{settings.CELERY_TASK_DEFAULT_QUEUE},{settings.CELERY_GROUPING_QUEUE},"
        f"{settings.CELERY_FEEDS_QUEUE}",
    )
    if beat:
        command += ["--beat", "--schedule", str(log_path.with_suffix(".beat"))]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=worker_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while "ready." not in log_path.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            stop_worker(process)
            pytest.fail(f"The Celery worker did not start:\n{log_path.read_text()}")
        time.sleep(0.2)
    return process


@contextlib.contextmanager
def tasks_sent_to_workers():
    """This process sends tasks to the broker instead of running them eagerly."""
    from config.celery import app

    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = True


@contextlib.contextmanager
def running_worker(log_path: Path, *, name: str, env: dict | None = None):
    """A ready worker, with this process's tasks going to it, stopped afterwards."""
    require_broker()
    process = start_worker(log_path, name=name, env=env)
    try:
        with tasks_sent_to_workers():
            yield log_path
    finally:
        stop_worker(process)


def stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kill_worker(process)


def kill_worker(process: subprocess.Popen) -> None:
    """SIGKILL the worker and its pool processes at once: nothing gets to clean up."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)
