from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Router

from api.auth import TokenAuth
from api.schemas import ERRORS, Error, Id, JobOut
from newsdesk import selectors
from newsdesk.roles import ANALYST

router = Router(tags=["jobs"], auth=TokenAuth(ANALYST))


@router.get("/{pk}/", response={200: JobOut, 404: Error, **ERRORS}, url_name="job")
def job_detail(request: HttpRequest, pk: Path[Id]):
    """Work started by a request of this token's user (a URL to fetch): its status and,
    once done, what became of each row."""
    return get_object_or_404(selectors.ingest_jobs_for(request.auth), pk=pk)
