from __future__ import annotations

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseStopPolling

from analysis.event_report import event_report_get, event_report_rows
from analysis.highlight import LAYER_SCORERS, LAYERS, layer_legend, layer_paragraphs
from analysis.outlet_report import storyline_coverage
from analysis.selectors import article_scores, measures_not_available
from common.csv_export import safe_rows
from common.pagination import article_page
from newsdesk import jobs, selectors, services, storylines
from newsdesk.forms import (
    ArticleDetailsForm,
    ArticleEventForm,
    ArticleFilterForm,
    ArticleLanguageForm,
    EventForm,
    EventMergeForm,
    EventRenameForm,
    EventReviewForm,
    EventSplitForm,
    ImportForm,
    PasteForm,
    StorylineEventForm,
    StorylineForm,
    UploadForm,
    UrlForm,
)
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.files import looks_like_html
from newsdesk.models import (
    Article,
    Event,
    IngestJob,
    IngestJobRow,
    IngestMethod,
    Outlet,
    Storyline,
)
from newsdesk.roles import ANALYST, EDITOR, role_required

PAGE_SIZE = 25


def _page(request: HttpRequest, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


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


def _pick(request: HttpRequest, kind: str, items: list) -> HttpResponse:
    context = {
        "items": items,
        "kind": kind,
        "name": request.GET.get("name", kind),
        "query": request.GET.get("pick", ""),
    }
    return render(request, "partials/pick.html", context)


@role_required(ANALYST)
def event_pick(request: HttpRequest) -> HttpResponse:
    exclude = request.GET.get("exclude", "")
    items = selectors.events_pick(
        query=request.GET.get("pick", "")[:200],
        exclude=int(exclude) if exclude.isdigit() else None,
    )
    return _pick(request, "event", items)


@role_required(ANALYST)
def article_pick(request: HttpRequest) -> HttpResponse:
    return _pick(
        request, "article", selectors.articles_pick(query=request.GET.get("pick", "")[:200])
    )


@role_required(ANALYST)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "event"), pk=pk)
    scores = article_scores(article)
    layer = request.GET.get("layer", "tone")
    if layer not in LAYERS:
        layer = "tone"
    context = {
        "article": article,
        "scores": scores,
        "layer": layer,
        "layers": [(key, label) for key, (label, _) in LAYERS.items()],
        "legend": layer_legend(layer, scores),
        "layer_scored": bool(scores.get(LAYER_SCORERS[layer])),
        "layer_not_available": any(
            m["scorer"] == LAYER_SCORERS[layer] for m in measures_not_available(scores)
        ),
        "paragraphs": layer_paragraphs(article.body, layer, scores),
        "event_form": ArticleEventForm(initial={"event": article.event_id}),
        "details_form": ArticleDetailsForm(instance=article),
        "edits": selectors.article_edits(article),
        "language_form": ArticleLanguageForm(initial={"language": article.language}),
        "not_available": measures_not_available(scores),
    }
    template = "newsdesk/article_detail.html"
    if request.htmx and request.htmx.target in ("scoring-status", "article-text"):
        template += "#" + request.htmx.target
    return render(request, template, context)


@role_required(ANALYST)
def article_new(request: HttpRequest) -> HttpResponse:
    return render(request, "newsdesk/article_new.html", _ingest_forms())


def _ingest_forms(**overrides) -> dict:
    forms = {"paste_form": PasteForm(), "upload_form": UploadForm(), "url_form": UrlForm()}
    forms.update(overrides)
    return forms


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
    return render(
        request,
        "newsdesk/article_new.html",
        _ingest_forms(paste_form=form, tab="paste", duplicate=duplicate),
        status=400,
    )


@role_required(ANALYST)
def article_import(request: HttpRequest) -> HttpResponse:
    """A JSON Lines or CSV file of articles, imported by a worker: its page follows the
    progress and reports each row, stored or refused with a reason."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "newsdesk/article_import.html", {"form": form}, status=400)
        job = jobs.import_job_create(
            name=form.cleaned_data["file"].name, text=form.cleaned_data["text"], user=request.user
        )
        messages.success(request, "The file is queued for import; this page follows it.")
        return redirect(job)
    return render(request, "newsdesk/article_import.html", {"form": form})


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
        "page": _page(request, selectors.ingest_job_rows(job, outcome), 100),
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
    return render(
        request,
        "newsdesk/article_new.html",
        # The files that went in are listed beside the refused ones, with links.
        _ingest_forms(upload_form=form, tab="upload", stored=stored),
        status=400,
    )


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
    return render(
        request,
        "newsdesk/article_new.html",
        _ingest_forms(url_form=form, tab="url", duplicate=duplicate),
        status=400,
    )


@require_POST
@role_required(ANALYST)
def article_set_event(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    form = ArticleEventForm(request.POST)
    if form.is_valid():
        event = form.cleaned_data["event"]
        try:
            services.article_set_event(article=article, event=event, user=request.user)
        except services.EventChangeRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, f"Event set to “{event}”." if event else "Removed from its event."
            )
    else:
        messages.error(request, " ".join(form.errors["event"]))
    if request.htmx:
        return HttpResponseClientRedirect(article.get_absolute_url())
    return redirect(article)


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
    page = _page(request, selectors.outlet_list(), 50)
    return render(request, "newsdesk/outlet_list.html", {"page": page})


@role_required(ANALYST)
def outlet_detail(request: HttpRequest, slug: str) -> HttpResponse:
    outlet = get_object_or_404(Outlet.objects.prefetch_related("domains", "feeds"), slug=slug)
    page = article_page(selectors.article_list(filters={"outlet": outlet}), request.GET, PAGE_SIZE)
    context = {"outlet": outlet, "page": page, "averages": selectors.outlet_averages(outlet)}
    template = "newsdesk/outlet_detail.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@role_required(ANALYST)
def event_list(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.event_list())
    return render(request, "newsdesk/event_list.html", {"page": page, "form": EventForm()})


@require_POST
@role_required(ANALYST)
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST)
    if form.is_valid():
        event = services.event_create(**form.cleaned_data, user=request.user)
        messages.success(request, "Event created; add articles to it from their pages.")
        return redirect(event)
    page = _page(request, selectors.event_list())
    return render(request, "newsdesk/event_list.html", {"page": page, "form": form}, status=400)


def comparison_poll_every(poll: int) -> int | None:
    """Seconds before the next look at a stale comparison, after ``poll`` looks; None
    to stop. Quick at first (a refresh takes seconds), then slower; after about ten
    minutes the page stops asking (the refresh task was lost: the sweep re-sends it)."""
    if poll < 30:
        return 2
    if poll < 90:
        return 10
    return None


@role_required(ANALYST)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("reviewed_by", "storyline"), pk=pk)
    template = "newsdesk/event_detail.html"
    if request.htmx and request.htmx.target == "comparison":
        template += "#comparison"
    poll = request.GET.get("poll", "")
    poll = min(int(poll), 10_000) if poll.isascii() and poll.isdigit() else 0
    context = _event_context(event, poll=poll, poll_every=comparison_poll_every(poll))
    return render(request, template, context)


def _event_context(event: Event, **forms) -> dict:
    report = event_report_get(event=event)
    context = {
        "event": event,
        "report": report,
        "data": report.data,
        "groups": selectors.event_articles_by_outlet(event),
        "rename_form": EventRenameForm(initial={"title": event.title}),
        "merge_form": EventMergeForm(event=event),
        "split_form": EventSplitForm(event=event),
        "review_form": EventReviewForm(initial={"comment": event.review_comment}),
        "poll": 0,
        "poll_every": comparison_poll_every(0),
    }
    context.update(forms)
    return context


def _invalid(request: HttpRequest, event: Event, **forms) -> HttpResponse:
    messages.error(request, "Please correct the form below.")
    return render(request, "newsdesk/event_detail.html", _event_context(event, **forms), status=400)


@require_POST
@role_required(ANALYST)
def event_rename(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = EventRenameForm(request.POST)
    if not form.is_valid():
        return _invalid(request, event, rename_form=form)
    services.event_update(event=event, title=form.cleaned_data["title"])
    messages.success(request, "Event renamed.")
    return redirect(event)


@require_POST
@role_required(ANALYST)
def event_lock(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    services.event_update(event=event, locked=not event.locked)
    messages.success(
        request,
        "Locked: automatic grouping will leave this event alone."
        if event.locked
        else "Unlocked: automatic grouping may add articles again.",
    )
    return redirect(event)


@require_POST
@role_required(ANALYST)
def event_merge(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = EventMergeForm(request.POST, event=event)
    if not form.is_valid():
        return _invalid(request, event, merge_form=form)
    target = form.cleaned_data["other"]
    try:
        moved = services.event_merge(target=target, others=[event], user=request.user)
    except services.EventChangeRefused as exc:
        messages.error(request, str(exc))
        return redirect(event)
    messages.success(request, f"Merged: {moved} article(s) moved into “{target.title}”.")
    return redirect(target)


@require_POST
@role_required(ANALYST)
def event_split(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = EventSplitForm(request.POST, event=event)
    if not form.is_valid():
        return _invalid(request, event, split_form=form)
    ids = [a.pk for a in form.cleaned_data["articles"]]
    try:
        new = services.event_split(
            event=event, article_ids=ids, title=form.cleaned_data["title"], user=request.user
        )
    except services.EventChangeRefused as exc:
        messages.error(request, str(exc))
        return redirect(event)
    messages.success(request, f"Split: {len(ids)} article(s) moved to the new event “{new.title}”.")
    return redirect(new)


@role_required(EDITOR)
def event_export(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    report = event_report_get(event=event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-comparison.csv"'
    csv.writer(response).writerows(safe_rows(event_report_rows(report.data or {})))
    return response


@require_POST
@role_required(EDITOR)
def event_review(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = EventReviewForm(request.POST)
    if not form.is_valid():
        return _invalid(request, event, review_form=form)
    services.event_review(event=event, user=request.user, comment=form.cleaned_data["comment"])
    messages.success(request, "Report marked as reviewed.")
    return redirect(event)


def home(request: HttpRequest) -> HttpResponse:
    return redirect("article-list")


# --- Storylines -------------------------------------------------------------------------


@role_required(ANALYST)
def storyline_list(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.storyline_list())
    return render(request, "newsdesk/storyline_list.html", {"page": page, "form": StorylineForm()})


@require_POST
@role_required(ANALYST)
def storyline_create(request: HttpRequest) -> HttpResponse:
    form = StorylineForm(request.POST)
    if not form.is_valid():
        page = _page(request, selectors.storyline_list())
        context = {"page": page, "form": form}
        return render(request, "newsdesk/storyline_list.html", context, status=400)
    storyline = storylines.storyline_create(title=form.cleaned_data["title"], user=request.user)
    messages.success(request, "Storyline created; link events to it below.")
    return redirect(storyline)


def _storyline_context(storyline: Storyline, **forms) -> dict:
    timeline = selectors.storyline_timeline(storyline)
    context = {
        "storyline": storyline,
        "timeline": timeline,
        "coverage": storyline_coverage(timeline),
        "rename_form": StorylineForm(initial={"title": storyline.title}),
        "link_form": StorylineEventForm(),
    }
    context.update(forms)
    return context


@role_required(ANALYST)
def storyline_detail(request: HttpRequest, pk: int) -> HttpResponse:
    storyline = get_object_or_404(Storyline, pk=pk)
    return render(request, "newsdesk/storyline_detail.html", _storyline_context(storyline))


def _storyline_invalid(request: HttpRequest, storyline: Storyline, **forms) -> HttpResponse:
    messages.error(request, "Please correct the form below.")
    context = _storyline_context(storyline, **forms)
    return render(request, "newsdesk/storyline_detail.html", context, status=400)


@require_POST
@role_required(ANALYST)
def storyline_rename(request: HttpRequest, pk: int) -> HttpResponse:
    storyline = get_object_or_404(Storyline, pk=pk)
    form = StorylineForm(request.POST)
    if not form.is_valid():
        return _storyline_invalid(request, storyline, rename_form=form)
    storylines.storyline_update(storyline=storyline, title=form.cleaned_data["title"])
    messages.success(request, "Storyline renamed.")
    return redirect(storyline)


@require_POST
@role_required(ANALYST)
def storyline_lock(request: HttpRequest, pk: int) -> HttpResponse:
    storyline = get_object_or_404(Storyline, pk=pk)
    storylines.storyline_update(storyline=storyline, locked=not storyline.locked)
    messages.success(
        request,
        "Locked: automatic linking will leave this storyline alone."
        if storyline.locked
        else "Unlocked: automatic linking may add events again.",
    )
    return redirect(storyline)


@require_POST
@role_required(ANALYST)
def storyline_link(request: HttpRequest, pk: int) -> HttpResponse:
    storyline = get_object_or_404(Storyline, pk=pk)
    form = StorylineEventForm(request.POST)
    if not form.is_valid():
        return _storyline_invalid(request, storyline, link_form=form)
    storylines.event_storyline_set(
        event=form.cleaned_data["event"], storyline=storyline, user=request.user
    )
    messages.success(request, "Event linked to this storyline.")
    return redirect(storyline)


@require_POST
@role_required(ANALYST)
def storyline_unlink(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    storyline = get_object_or_404(Storyline, pk=pk)
    event = get_object_or_404(Event, pk=event_pk, storyline=storyline)
    storylines.event_storyline_set(event=event, storyline=None, user=request.user)
    messages.success(
        request, "Event taken out of this storyline; automatic linking will not put it back."
    )
    return redirect(storyline)
