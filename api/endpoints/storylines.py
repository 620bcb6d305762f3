from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Router
from ninja.pagination import paginate

from api.auth import TokenAuth
from api.pagination import PageNumbers
from api.schemas import ERRORS, Error, Id, StorylineDetail, StorylineOut
from events import selectors
from events.outlet_report import storyline_coverage
from newsdesk.roles import ANALYST

router = Router(tags=["storylines"], auth=TokenAuth(ANALYST))


@router.get("/", response={200: list[StorylineOut], **ERRORS}, url_name="storyline-list")
@paginate(PageNumbers)
def storyline_list(request: HttpRequest):
    """Storylines (related events linked into one story), latest first."""
    return selectors.storyline_list()


@router.get("/{pk}/", response={200: StorylineDetail, 404: Error, **ERRORS}, url_name="storyline")
def storyline_detail(request: HttpRequest, pk: Path[Id]):
    """One storyline's timeline: each event in order with the outlets that covered it,
    who reported first and how late the others followed; and its blindspots (events one
    side of the leaning scale skipped)."""
    storyline = get_object_or_404(selectors.storyline_list(), pk=pk)
    timeline = selectors.storyline_timeline(storyline)
    coverage = storyline_coverage(timeline)
    storyline.timeline_out = timeline
    storyline.blindspots_out = [
        {"event_id": b["event"].pk, "covered_by": b["covered_by"], "skipped_by": b["skipped_by"]}
        for b in coverage["blindspots"]
    ]
    return storyline
