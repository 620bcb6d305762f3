from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from api.auth import TokenAuth
from api.pagination import PageNumbers
from api.schemas import ERRORS, Error, OutletAverages, OutletDetail, OutletFilters, OutletOut
from events.outlet_report import outlet_figures
from newsdesk import selectors
from newsdesk.roles import ANALYST

router = Router(tags=["outlets"], auth=TokenAuth(ANALYST))


@router.get("/", response={200: list[OutletOut], **ERRORS}, url_name="outlet-list")
@paginate(PageNumbers)
def outlet_list(request: HttpRequest, filters: Query[OutletFilters]):
    """The register of outlets, by name, with their ratings and domains."""
    return filters.filter(selectors.outlet_list())


@router.get("/{slug}/", response={200: OutletDetail, 404: Error, **ERRORS}, url_name="outlet")
def outlet_detail(request: HttpRequest, slug: str):
    """One outlet with the mean scores of its articles."""
    outlet = get_object_or_404(selectors.outlet_list(), slug=slug)
    outlet.averages = OutletAverages.of(outlet_figures(outlet=outlet))
    return outlet
