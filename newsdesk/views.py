from __future__ import annotations

import csv

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseStopPolling

from common.csv_export import safe_rows
from common.pagination import PAGE_SIZE, article_page, page_of
from common.pickers import pick_response
from newsdesk import jobs, selectors, services
from newsdesk.forms import (
    ArticleDetailsForm,
    ArticleFilterForm,
    ArticleLanguageForm,
    ImportForm,
    PasteForm,
    UploadForm,
    UrlForm,
)
from newsdesk.ingest.bulk import DATE_FORMS, FIELD_ALIASES
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.files import looks_like_html
from newsdesk.models import (
    Article,
    IngestJob,
    IngestJobRow,
    IngestMethod,
)
from newsdesk.roles import ANALYST, role_required


@role_required(ANALYST)
def article_list(request: HttpRequest) -> HttpResponse:
    form = ArticleFilterForm(request.GET)
    # Invalid filters are dropped from cleaned_data; the valid ones still apply.
    form.is_valid()
    filters = form.cleaned_data
    articles = selectors.article_list(filters=filters)
    page = article_page(articles, request.GET, PAGE_SIZE)
    query = request.GET.copy()
    for position in ("page", "before", "after"):
        query.pop(position, None)
    template = "newsdesk/article_list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "headlines_only": getattr(articles, "headlines_only", False),
    }
    return render(request, template, context)


@role_required(ANALYST)
def article_pick(request: HttpRequest) -> HttpResponse:
    return pick_response(
        request, "article", selectors.articles_pick(query=request.GET.get("pick", "")[:200])
    )


@role_required(ANALYST)
def article_new(request: HttpRequest) -> HttpResponse:
    return render(request, "newsdesk/article_new.html", _ingest_forms())


def _ingest_forms(**overrides) -> dict:
    forms = {"paste_form": PasteForm(), "upload_form": UploadForm(), "url_form": UrlForm()}
    forms.update(overrides)
    return forms


def _ingest_refused(request: HttpRequest, tab: str, form, **extra) -> HttpResponse:
    """The page of the three ways in again, on the tab whose form was refused (with its
    errors, and the stored duplicate or the files that went in)."""
    context = _ingest_forms(**{f"{tab}_form": form}, tab=tab, **extra)
    return render(request, "newsdesk/article_new.html", context, status=400)


def _ingested(request: HttpRequest, article: Article) -> HttpResponse:
    messages.success(request, f"Stored “{article.headline}”; scoring is queued.")
    return redirect(article)


@require_POST
@role_required(ANALYST)
def article_paste(request: HttpRequest) -> HttpResponse:
    form = PasteForm(request.POST)
    duplicate = None  # the stored article, when the text or URL is already there
    if form.is_valid():
        text = form.cleaned_data["text"]
        data = services.ArticleInput(
            raw=text,
            # A page's source pasted by mistake is read as the HTML page it is.
            is_html=looks_like_html(text),
            url=form.cleaned_data["url"],
            outlet=form.cleaned_data["outlet"],
            headline=form.cleaned_data["headline"],
            published=form.cleaned_data["published"],
        )
        try:
            article = services.article_ingest(
                data=data, method=IngestMethod.PASTE, user=request.user
            )
        except IngestError as exc:
            form.add_error(None, str(exc))
            duplicate = getattr(exc, "existing", None)
        else:
            return _ingested(request, article)
    return _ingest_refused(request, "paste", form, duplicate=duplicate)


@role_required(ANALYST)
def article_import(request: HttpRequest) -> HttpResponse:
    """A JSON Lines or CSV file of articles, imported by a worker: its page follows the
    progress and reports each row, stored or refused with a reason."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "aliases": FIELD_ALIASES.items(), "date_forms": DATE_FORMS}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "newsdesk/article_import.html", context, status=400)
        job = jobs.import_job_create(
            name=form.cleaned_data["file"].name, text=form.cleaned_data["text"], user=request.user
        )
        messages.success(request, "The file is queued for import; this page follows it.")
        return redirect(job)
    return render(request, "newsdesk/article_import.html", context)


@role_required(ANALYST)
def ingest_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(selectors.ingest_jobs_for(request.user), pk=pk)
    if request.htmx and request.htmx.target == "job" and not job.is_running:
        stored = job.rows.filter(outcome=IngestJobRow.Outcome.STORED).first()
        if job.kind == IngestJob.Kind.URL and stored and stored.article:
            messages.success(request, f"Stored “{stored.article.headline}”; scoring is queued.")
            return HttpResponseClientRedirect(stored.article.get_absolute_url())
    outcome = request.GET.get("outcome", "")
    if outcome not in IngestJobRow.Outcome.values:
        outcome = ""
    context = {
        "job": job,
        "outcome": outcome,
        "outcomes": IngestJobRow.Outcome.choices,
        "page": page_of(request, selectors.ingest_job_rows(job, outcome), 100),
        "query": f"outcome={outcome}" if outcome else "",
    }
    template = "newsdesk/ingest_job.html"
    if request.htmx and request.htmx.target == "job":
        response = render(request, template + "#job", context)
        if not job.is_running:
            response.status_code = HttpResponseStopPolling.status_code
        return response
    return render(request, template, context)


@role_required(ANALYST)
def ingest_job_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Every row's outcome, as CSV."""
    job = get_object_or_404(selectors.ingest_jobs_for(request.user), pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-report.csv"'
    rows = [["row", "outcome", "detail", "article_id", "headline"]]
    rows += [
        [r.number, r.outcome, r.detail, r.article_id or "", r.article.headline if r.article else ""]
        for r in selectors.ingest_job_rows(job).iterator(chunk_size=1000)
    ]
    csv.writer(response).writerows(safe_rows(rows))
    return response


@require_POST
@role_required(ANALYST)
def article_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        stored, problems = [], []
        for upload in form.cleaned_data["files"]:
            try:
                article = services.article_ingest_upload(
                    upload=upload,
                    method=IngestMethod.UPLOAD,
                    user=request.user,
                    outlet=form.cleaned_data["outlet"],
                    published=form.cleaned_data["published"],
                )
            except IngestError as exc:
                problems.append(f"{upload.name}: {exc}")
            else:
                stored.append(article)
        for problem in problems:
            form.add_error(None, problem)
        if stored and not problems and len(stored) == 1:
            return _ingested(request, stored[0])
        if stored:
            messages.success(request, f"Stored {len(stored)} article(s); scoring is queued.")
            if not problems:
                return redirect("article-list")
    else:
        stored = []
    # The files that went in are listed beside the refused ones, with links.
    return _ingest_refused(request, "upload", form, stored=stored)


@require_POST
@role_required(ANALYST)
def article_fetch(request: HttpRequest) -> HttpResponse:
    """A URL, fetched by a worker (a slow server must not hold a web process); the job's
    page follows it and leads to the article."""
    form = UrlForm(request.POST)
    duplicate = None
    if form.is_valid():
        url = form.cleaned_data["url"]
        try:
            services.url_check_not_stored(url=url)
            job = jobs.url_job_create(url=url, user=request.user)
        except IngestError as exc:
            form.add_error("url", str(exc))
            duplicate = getattr(exc, "existing", None)
        else:
            messages.success(request, "The page is queued for fetching; this page follows it.")
            return redirect(job)
    return _ingest_refused(request, "url", form, duplicate=duplicate)


@require_POST
@role_required(ANALYST)
def article_edit_details(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("event"), pk=pk)
    form = ArticleDetailsForm(request.POST, instance=Article.objects.get(pk=pk))
    if form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        changed = services.article_details_update(article=article, user=request.user, **changes)
        if changed:
            names = ", ".join(str(form.fields[name].label).lower() for name in changed)
            messages.success(request, f"Saved: {names}.")
        else:
            messages.info(request, "Nothing was changed.")
    else:
        messages.error(
            request,
            " ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()),
        )
    return redirect(article)


@require_POST
@role_required(ANALYST)
def article_set_language(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    form = ArticleLanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["language"]))
    elif services.article_set_language(
        article=article, language=form.cleaned_data["language"], user=request.user
    ):
        messages.success(request, "Language corrected; the article is being scored again.")
    else:
        messages.info(request, "Language confirmed; the scores stand.")
    return redirect(article)


@role_required(ANALYST)
def outlet_list(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.outlet_list(), 50)
    return render(request, "newsdesk/outlet_list.html", {"page": page})


def home(request: HttpRequest) -> HttpResponse:
    return redirect("article-list")
