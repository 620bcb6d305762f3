from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router
from ninja.pagination import paginate

from api.auth import TokenAuth
from api.pagination import PageNumbers
from api.schemas import ERRORS, Error, EventDetail, EventFilters, EventOut, Id
from events import selectors
from events.event_report import event_report_get
from newsdesk.roles import ANALYST

router = Router(tags=["events"], auth=TokenAuth(ANALYST))


@router.get("/", response={200: list[EventOut], **ERRORS}, url_name="event-list")
@paginate(PageNumbers)
def event_list(request: HttpRequest, filters: Query[EventFilters]):
    """Events, latest first, with how many articles and outlets cover each."""
    return filters.filter(selectors.event_list())


@router.get("/{pk}/", response={200: EventDetail, 404: Error, **ERRORS}, url_name="event")
def event_detail(request: HttpRequest, pk: Path[Id]):
    """One event, its articles by outlet, and the comparison report of the event page.

    The report is precomputed: while ``comparison.stale`` is true a newer one is queued.
    """
    event = get_object_or_404(selectors.event_list(), pk=pk)
    report = event_report_get(event=event)
    event.comparison_out = {
        "stale": report.stale,
        "computed_at": report.computed_at,
        "data": report.data or {},
    }
    event.article_rows = selectors.event_members(event).articles
    return event
