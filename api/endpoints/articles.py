from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Path, Query, Router, Status
from ninja.pagination import paginate

from analysis.models import Score
from api.auth import TokenAuth
from api.pagination import PageNumbers
from api.schemas import (
    ERRORS,
    ArticleDetail,
    ArticleFilters,
    ArticleIngest,
    ArticleOut,
    Duplicate,
    Error,
    Id,
    JobAccepted,
)
from newsdesk import jobs, selectors, services
from newsdesk.models import Article, IngestMethod, Outlet
from newsdesk.roles import ANALYST

router = Router(tags=["articles"], auth=TokenAuth(ANALYST))


@router.get("/", response={200: list[ArticleOut], **ERRORS}, url_name="article-list")
@paginate(PageNumbers)
def article_list(request: HttpRequest, filters: Query[ArticleFilters]):
    """Articles, newest first, filtered like the Articles page; each with its scores' values."""
    values = filters.dict(exclude_none=True)
    if slug := values.pop("outlet", None):
        outlet = Outlet.objects.filter(slug=slug).first()
        if outlet is None:
            return Article.objects.none()
        values["outlet"] = outlet
    scores = Prefetch("scores", queryset=Score.objects.defer("evidence"))
    return selectors.article_list(filters=values).prefetch_related(scores)


@router.get("/{pk}/", response={200: ArticleDetail, 404: Error, **ERRORS}, url_name="article")
def article_detail(request: HttpRequest, pk: Path[Id]):
    """One article: its clean text, and every score with the evidence behind it."""
    return _article(pk)


def _article(pk: int) -> Article:
    articles = Article.objects.select_related("outlet").prefetch_related("scores")
    return get_object_or_404(articles, pk=pk)


@router.post(
    "/",
    response={
        201: ArticleDetail,
        202: JobAccepted,
        400: Error,
        409: Duplicate,
        413: Error,
        **ERRORS,
    },
    url_name="article-ingest",
)
def article_ingest(request: HttpRequest, payload: ArticleIngest):
    """Store an article, as the Add article page does: the same cleaning, the same duplicate
    checks (by URL and by text), the same guarded fetcher for a URL alone.

    Text or HTML is stored at once (201, with the article); HTML is refused (400) past
    NEWSDESK_MAX_HTML_BYTES or NEWSDESK_MAX_HTML_ELEMENTS. A URL alone is fetched by a
    worker: the answer is 202 with the job, to poll at its ``url`` until its status is
    "done"; its row then says which article was stored, or why none was. Either way
    scoring is queued; poll the article until its scoring_status is "scored".
    """
    outlet = None
    if payload.outlet:
        outlet = Outlet.objects.filter(slug=payload.outlet).first()
        if outlet is None:
            return Status(400, {"detail": f"No outlet has the slug {payload.outlet!r}."})
    if payload.text is None and payload.html is None:
        services.url_check_not_stored(url=payload.url)
        job = jobs.url_job_create(url=payload.url, user=request.auth, outlet=outlet)
        accepted = {
            "detail": "The URL is queued for fetching.",
            "job": job,
            "url": reverse("api:job", args=[job.pk]),
        }
        return Status(202, accepted)
    else:
        data = services.ArticleInput(
            raw=payload.html if payload.html is not None else payload.text,
            is_html=payload.html is not None,
            url=payload.url or "",
            outlet=outlet,
            headline=payload.headline,
            published=payload.published,
            meta={"via": "api"},
        )
        method = IngestMethod.UPLOAD if data.is_html else IngestMethod.PASTE
        article = services.article_ingest(data=data, method=method, user=request.auth)
    return Status(201, _article(article.pk))
