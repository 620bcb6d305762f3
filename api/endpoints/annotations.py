from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from annotations import selectors, services
from annotations.models import Label, Reply
from api.auth import TokenAuth
from api.pagination import PageNumbers
from api.schemas import ERRORS, AnnotationCreate, AnnotationFilters, AnnotationOut, Error, Id
from newsdesk.models import Article
from newsdesk.roles import ANALYST

router = Router(tags=["annotations"], auth=TokenAuth(ANALYST))


def _visible(user):
    """The annotations ``user`` may read: the pages' rule, with what the API shows."""
    return (
        selectors.annotations_readable(user=user)
        .select_related("label", "creator")
        .prefetch_related(Prefetch("replies", queryset=Reply.objects.select_related("creator")))
    )


@router.get("/", response={200: list[AnnotationOut], **ERRORS}, url_name="annotation-list")
@paginate(PageNumbers)
def annotation_list(request: HttpRequest, filters: Query[AnnotationFilters]):
    """Annotations, newest first, with their replies."""
    return filters.filter(_visible(request.auth)).order_by("-created", "-id")


@router.get("/{pk}/", response={200: AnnotationOut, 404: Error, **ERRORS}, url_name="annotation")
def annotation_detail(request: HttpRequest, pk: Path[Id]):
    """One annotation, if the caller may see it (else 404, as if it did not exist)."""
    return get_object_or_404(_visible(request.auth), pk=pk)


@router.post(
    "/",
    response={201: AnnotationOut, 400: Error, 404: Error, **ERRORS},
    url_name="annotation-create",
)
def annotation_create(request: HttpRequest, payload: AnnotationCreate):
    """Annotate a passage of an article, with the same checks as the article page."""
    article = get_object_or_404(Article, pk=payload.article)
    label = Label.objects.filter(name=payload.label).first()
    if label is None:
        raise HttpError(400, f"No label is named {payload.label!r}.")
    if not selectors.article_text_is_current(article=article, seen_hash=payload.text_hash):
        raise HttpError(400, "The article text changed: text_hash is not the current one.")
    if payload.quote:
        start, end = services.annotation_locate_quote(article=article, quote=payload.quote)
    else:
        start, end = payload.start, payload.end
    annotation = services.annotation_create(
        article=article,
        creator=request.auth,
        start=start,
        end=end,
        exact=payload.exact,
        label=label,
        verdict=payload.verdict,
        confidence=payload.confidence,
        note=payload.note,
        links=payload.links,
    )
    return Status(201, get_object_or_404(_visible(request.auth), pk=annotation.pk))
