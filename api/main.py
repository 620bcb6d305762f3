"""The JSON API: one NinjaAPI with a router per resource, served under /api/."""

from ninja import NinjaAPI

from api import errors
from api.endpoints import annotations, articles, events, jobs, outlets

api = NinjaAPI(
    title="Newsdesk API",
    version="1",
    description=(
        "Read outlets, articles with their scores and evidence, events with their comparison "
        "report, and annotations; ingest articles and write annotations.\n\n"
        "Every operation needs a personal token (create one under *API tokens* in Newsdesk, "
        "or `python manage.py api_token create USERNAME`), sent as "
        "`Authorization: Bearer <token>`. The token acts with its user's role: reading, "
        "ingesting and annotating need the Analyst role, as on the pages. Lists are paginated with `page` "
        'and `page_size` (at most 100). Errors are JSON: `{"detail": ...}`.'
    ),
    urls_namespace="api",
    # Swagger UI from the vendored files in ninja's static folder (ninja is in
    # INSTALLED_APPS), not from a CDN.
    docs_url="/docs/",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("/outlets/", outlets.router)
api.add_router("/articles/", articles.router)
api.add_router("/events/", events.router)
api.add_router("/annotations/", annotations.router)
api.add_router("/jobs/", jobs.router)
