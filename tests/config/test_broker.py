"""The default broker: Celery's file-system transport under var/, with no server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Takes a connection from the pool that sends tasks (kombu copies the app's connection
# for it, which is where it warned of a broker URL without a host), and says what the
# settings gave.
SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from config.celery import app
with app.pool.acquire(block=True) as connection:
    transport = connection.transport_cls
print(json.dumps({"url": settings.CELERY_BROKER_URL, "transport": transport,
                  "options": settings.CELERY_BROKER_TRANSPORT_OPTIONS}))
"""


def test_the_default_broker_sends_without_a_warning_of_a_missing_host():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CELERY_BROKER_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "No hostname was supplied" not in result.stderr
    assert result.stderr == ""
    found = json.loads(result.stdout)
    assert found["transport"] == "filesystem"
    assert found["options"]["data_folder_in"].endswith("celery-broker")
