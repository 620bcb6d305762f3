"""Newsdesk settings, read from the environment.

Defaults are for a laptop: SQLite and a file-system Celery broker, so that a fresh
checkout runs with no external service. Production sets DATABASE_URL, CELERY_BROKER_URL
(or REDIS_URL), SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.getenv("NEWSDESK_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.getenv(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off")
    SECRET_KEY = "insecure-dev-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    # Our apps, lowest layer first: each imports only those above it in this list
    # (README, "Where things live"; tests/test_layers.py keeps it so).
    "newsdesk",
    "analysis",
    "events",
    "annotations",
    "ninja",
    "api",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "common.security.ContentSecurityPolicyMiddleware",
    "common.security.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "common.htmx.VaryOnHtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdesk.roles.role_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'newsdesk.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        # A connection kept open is checked before it is reused (a restarted server).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that a Celery worker process can see the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-newsdesk.sqlite3")}
    # IMMEDIATE: a transaction takes the write lock when it starts, so two people saving
    # at once wait for each other (up to the timeout) instead of failing with "database
    # is locked" when a read-then-write transaction cannot upgrade its lock.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    # The grouping index's covering index (INCLUDE columns) is PostgreSQL's; SQLite makes
    # a plain index of it, which is all the demo needs: no warning on every command.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "article-list"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# Uploads: Django keeps up to this much in memory; ingestion refuses bigger files itself.
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
NEWSDESK_MAX_ARTICLE_BYTES = env_int("NEWSDESK_MAX_ARTICLE_BYTES", 5 * 1024 * 1024)
# HTML is refused past these before extraction, whose time grows with both.
NEWSDESK_MAX_HTML_BYTES = env_int("NEWSDESK_MAX_HTML_BYTES", 3 * 1024 * 1024)
NEWSDESK_MAX_HTML_ELEMENTS = env_int("NEWSDESK_MAX_HTML_ELEMENTS", 20_000)
NEWSDESK_FETCH_TIMEOUT = env_int("NEWSDESK_FETCH_TIMEOUT", 10)
# Seconds a whole fetch may take (each read is bounded by the timeout above).
NEWSDESK_FETCH_DEADLINE = env_int("NEWSDESK_FETCH_DEADLINE", 30)
# Hosts the URL fetcher may reach although they resolve to private addresses (tests only).
NEWSDESK_FETCH_ALLOW_HOSTS = env_list("NEWSDESK_FETCH_ALLOW_HOSTS")
# Event grouping (events/grouping.py): see the README for tuning.
NEWSDESK_GROUP_EVENTS = env_bool("NEWSDESK_GROUP_EVENTS", True)
NEWSDESK_EVENT_WINDOW_DAYS = env_int("NEWSDESK_EVENT_WINDOW_DAYS", 3)
# Unset: events.grouping.DEFAULT_THRESHOLD (the one default, measured with its method).
NEWSDESK_EVENT_THRESHOLD = float(os.getenv("NEWSDESK_EVENT_THRESHOLD") or "nan")
NEWSDESK_EVENT_MIN_SHARED = env_int("NEWSDESK_EVENT_MIN_SHARED", 5)
# Unset: events.grouping.DEFAULT_COHESION (the least cosine similarity to every member of
# an event in the window), DEFAULT_CLOSE (the likeness to most of them, CLOSE_SHARE; 0 for
# none) and DEFAULT_TIME_DECAY (how much less a report at the window's
# edge counts than one of the same time).
NEWSDESK_EVENT_COHESION = float(os.getenv("NEWSDESK_EVENT_COHESION") or "nan")
NEWSDESK_EVENT_CLOSE = float(os.getenv("NEWSDESK_EVENT_CLOSE") or "nan")
NEWSDESK_EVENT_TIME_DECAY = float(os.getenv("NEWSDESK_EVENT_TIME_DECAY") or "nan")
# "mean": an article joins the event it is most like as a whole; "nearest": the event of
# its single most similar article (the method before 2026-12, which let events chain).
NEWSDESK_EVENT_LINKAGE = os.getenv("NEWSDESK_EVENT_LINKAGE", "mean")
# Times at most a grouping run places the days it grouped again among the events as they
# then stand (events.grouping.articles_second_look; 0: never), and seconds between the
# worker's second looks at what feeds brought in (events.services.events_second_look).
NEWSDESK_EVENT_SECOND_LOOKS = env_int("NEWSDESK_EVENT_SECOND_LOOKS", 3)
NEWSDESK_EVENT_SECOND_LOOK_INTERVAL = env_int("NEWSDESK_EVENT_SECOND_LOOK_INTERVAL", 900)
NEWSDESK_SEED_DIR = Path(os.getenv("NEWSDESK_SEED_DIR", BASE_DIR.parent / "shared" / "corpus"))

# Celery. Without a broker URL, a file-system transport under var/ needs no server.
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL") or os.getenv("REDIS_URL") or "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem:"):
    # No server, but kombu's connection pool copies a connection from its URL's parts and
    # warns ("No hostname was supplied") when the URL names no host: name the one it
    # would take (the folders below are all the transport reads). Celery reads the
    # CELERY_BROKER_URL variable itself, before these settings: set there, it needs one.
    CELERY_BROKER_URL = "filesystem://localhost/"
    _broker_dir = VAR_DIR / "celery-broker"
    _broker_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(VAR_DIR / "celery-control"),
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # A task taken by a worker that then died (even SIGKILL of the whole worker) goes
    # back to the queue once unacknowledged for this long. It must exceed the hard time
    # limit below, or a slow task would be run twice at once.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 600),
        "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
        "unacked_restore_throttle": 1,
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
# Event grouping runs on a queue of its own: one worker process consuming it places
# articles one at a time, so that two reports of a new story cannot open two events.
CELERY_GROUPING_QUEUE = os.getenv("CELERY_GROUPING_QUEUE", "")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = os.getenv("CELERY_TASK_DEFAULT_QUEUE", "newsdesk")
CELERY_GROUPING_QUEUE = CELERY_GROUPING_QUEUE or f"{CELERY_TASK_DEFAULT_QUEUE}-grouping"
# Feed polls too: behind a bulk rescore on the scoring queue they would wait for minutes
# (and the dispatcher's tasks expire after 55 s), while a worker that consumes both
# queues takes from each in turn.
CELERY_FEEDS_QUEUE = os.getenv("CELERY_FEEDS_QUEUE", "") or f"{CELERY_TASK_DEFAULT_QUEUE}-feeds"


def celery_routes(grouping_queue: str, feeds_queue: str) -> dict:
    return {
        "analysis.tasks.group_articles": {"queue": grouping_queue},
        "events.tasks.reindex_articles": {"queue": grouping_queue},
        "events.tasks.second_look_events": {"queue": grouping_queue},
        "newsdesk.tasks.poll_feeds": {"queue": feeds_queue},
        "newsdesk.tasks.poll_feed": {"queue": feeds_queue},
    }


CELERY_TASK_ROUTES = celery_routes(CELERY_GROUPING_QUEUE, CELERY_FEEDS_QUEUE)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Scoring tasks are idempotent, so a task lost with its worker can safely run again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Each pool process holds up to four tasks. With one, a worker on Redis that acknowledges
# late asks for its next task only on the transport's next one-second poll (celery#4378,
# #7718): a process sat idle for most of each second. A task is 100 articles, about a
# third of a second, so four per process stay fair between workers; a dead worker's
# reserved tasks come back after the visibility timeout like its running one.
CELERY_WORKER_PREFETCH_MULTIPLIER = env_int("CELERY_WORKER_PREFETCH_MULTIPLIER", 4)
# Tasks reuse their process's database connections (config.celery closes them as
# Django does after a request); Celery's fixup then closes them only every this many.
CELERY_DB_REUSE_MAX = env_int("CELERY_DB_REUSE_MAX", 1000)
# A task past the soft limit is interrupted (a scoring chunk is then split); past the
# hard one its pool process is killed (the sweep re-sends its work, article by article).
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Beat: the feed dispatcher every minute (each feed has its own interval; see newsdesk/feeds.py).
# A dispatch not run within the minute is dropped; the next one does its work.
CELERY_BEAT_SCHEDULE = {
    "poll-feeds": {
        "task": "newsdesk.tasks.poll_feeds",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Links the last weeks' events into storylines (events/storylines.py).
    "link-storylines": {
        "task": "events.tasks.link_recent_storylines",
        "schedule": float(env_int("NEWSDESK_STORYLINE_INTERVAL", 3600)),
    },
    # Re-sends articles whose scoring task the broker lost (Redis restarted or emptied).
    "sweep-unscored": {
        "task": "analysis.tasks.sweep_unscored",
        "schedule": float(env_int("NEWSDESK_SWEEP_INTERVAL", 300)),
    },
    # Annotations of texts changed without a save (the article page only reads them).
    "reanchor-annotations": {
        "task": "annotations.tasks.reanchor_annotations",
        "schedule": float(env_int("NEWSDESK_SWEEP_INTERVAL", 300)),
    },
    # Places what feeds brought in again, among the events as they now stand (and the
    # neighbours within the window): events.services.events_second_look.
    "second-look-events": {
        "task": "events.tasks.second_look_events",
        "schedule": float(NEWSDESK_EVENT_SECOND_LOOK_INTERVAL),
    },
    # The same for grouping and event comparisons (events.services.events_sweep).
    "sweep-events": {
        "task": "events.tasks.sweep_events",
        "schedule": float(env_int("NEWSDESK_SWEEP_INTERVAL", 300)),
    },
}
# An article queued longer than this (seconds) is re-sent by the sweep.
NEWSDESK_SWEEP_STUCK_AFTER = env_int("NEWSDESK_SWEEP_STUCK_AFTER", 900)
# Seconds all the scorers together may spend on one article: past it the article is
# marked failed with the reason, and the rest of its chunk is stored.
NEWSDESK_SCORING_BUDGET = float(os.getenv("NEWSDESK_SCORING_BUDGET", "20"))
CELERY_BEAT_SCHEDULE_FILENAME = os.getenv(
    "CELERY_BEAT_SCHEDULE_FILENAME", str(VAR_DIR / "celerybeat-schedule")
)

# --- Security ---------------------------------------------------------------------------
# `manage.py check --deploy` is clean with DEBUG unset, a long random SECRET_KEY and
# ALLOWED_HOSTS (tests/config/test_deploy_check.py). See the README's "Security" section.
# Production hardening, on whenever DEBUG is off. Plain-http runs (the tests, a local
# gunicorn) set SECURE_COOKIES=0 and SECURE_SSL_REDIRECT=0.
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Browsers remember HSTS: lower SECURE_HSTS_SECONDS while first trying https.
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Off unless set: only behind a proxy that terminates TLS and sets (overwriting any
    # client's) X-Forwarded-Proto, with gunicorn reachable through that proxy alone. Trusted
    # by default, a client talking plain http to gunicorn on 0.0.0.0 could claim https.
    if env_bool("TRUST_X_FORWARDED_PROTO", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No script reads the CSRF cookie: htmx sends the token from hx-headers on <body>.
CSRF_COOKIE_HTTPONLY = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", False)
# Content-Security-Policy (common.security.ContentSecurityPolicyMiddleware), in the
# format of Django 6.0's SECURE_CSP. No inline script or style: all JS is in static files,
# and htmx's inline indicator style is turned off by <meta name="htmx-config">.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Login throttling (common.security): LOGIN_FAILURE_LIMIT attempts per username and
# LOGIN_FAILURE_LIMIT_PER_IP per client address in each window of LOGIN_FAILURE_WINDOW
# seconds; a successful login gives its attempts back. Behind N reverse proxies set
# LOGIN_TRUSTED_PROXIES=N so that the client's address is read from X-Forwarded-For.
AUTHENTICATION_BACKENDS = ["common.security.ThrottledModelBackend"]
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_LIMIT_PER_IP = env_int("LOGIN_FAILURE_LIMIT_PER_IP", 50)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60)
LOGIN_TRUSTED_PROXIES = env_int("LOGIN_TRUSTED_PROXIES", 0)
# The throttle's counters live in the cache: with several server processes they must
# share one, so production sets CACHE_URL (or REDIS_URL) to Redis. Without it, each
# process counts on its own (local memory).
CACHE_URL = os.getenv("CACHE_URL") or os.getenv("REDIS_URL") or ""
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
# Requests per minute that one API token may make (HTTP 429 beyond, with Retry-After).
NEWSDESK_API_RATE_LIMIT = env_int("NEWSDESK_API_RATE_LIMIT", 600)
# --- end of Security ---------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_briefly": {"()": "common.log_filters.ClientErrorsBriefly"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["client_errors_briefly"]}
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    # Django's own logging (in DEBUG, a console handler of its own) goes to the root's
    # handler only: each record once.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
