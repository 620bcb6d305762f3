"""The command line of a Celery worker process of this project, for the benches and the
integration tests that start real workers."""

from __future__ import annotations

import sys


def worker_command(*, name: str, concurrency: int, queues: str | None = None) -> list[str]:
    """``celery worker`` for config's app with ``concurrency`` pool processes, named
    ``name@host``, consuming ``queues`` (comma-separated; the default queue if None)."""
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--loglevel=info",
        f"--concurrency={concurrency}",
        "-n",
        f"{name}@%h",
    ]
    return command + ["-Q", queues] if queues else command
