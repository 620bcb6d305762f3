"""Settings for the test suite: the project's settings with tasks run eagerly."""

import os

# The production settings, whatever DEBUG the shell running the tests exported.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client and live server use http

from config.settings import *  # noqa: E402,F403
from config.settings import celery_routes  # noqa: E402

# Unit tests run tasks in-process; tests/integration runs a real worker on Redis.
CELERY_TASK_ALWAYS_EAGER = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A queue of this test run's own, so that no other worker on the same broker takes its tasks.
CELERY_TASK_DEFAULT_QUEUE = f"newsdesk-test-{os.getpid()}"
CELERY_GROUPING_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-grouping"
CELERY_FEEDS_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-feeds"
CELERY_TASK_ROUTES = celery_routes(CELERY_GROUPING_QUEUE, CELERY_FEEDS_QUEUE)
