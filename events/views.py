"""Pages of events and storylines, the outlet page and report, and blindspots."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from common.csv_export import safe_rows
from common.pagination import PAGE_SIZE, article_page, page_of
from common.pickers import pick_response
from events import selectors, services, storylines
from events.event_report import event_report_get, event_report_rows
from events.forms import (
    BlindspotForm,
    EventForm,
    EventMergeForm,
    EventRenameForm,
    EventReviewForm,
    EventSplitForm,
    OutletReportForm,
    StorylineEventForm,
    StorylineForm,
)
from events.outlet_report import (
    FIGURES,
    blindspot_events,
    blindspot_near_misses,
    blindspot_rows,
    outlet_figures,
    outlet_report_rows,
    storyline_coverage,
)
from events.outlet_report import outlet_report as outlet_report_build
from newsdesk import selectors as newsdesk_selectors
from newsdesk.forms import ArticleEventForm
from newsdesk.models import Article, Event, Outlet, Storyline
from newsdesk.roles import ANALYST, EDITOR, role_required


@role_required(ANALYST)
def event_pick(request: HttpRequest) -> HttpResponse:
    exclude = request.GET.get("exclude", "")
    items = selectors.events_pick(
        query=request.GET.get("pick", "")[:200],
        exclude=int(exclude) if exclude.isdigit() else None,
    )
    return pick_response(request, "event", items)


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


EVENT_LIST = "events/event_list.html"
EVENT_PAGE = "events/event_detail.html"
STORYLINE_LIST = "events/storyline_list.html"
STORYLINE_PAGE = "events/storyline_detail.html"


def _list_page(
    request: HttpRequest, template: str, rows: QuerySet, form: Form, *, status: int = 200
) -> HttpResponse:
    """A list of events or storylines, a page at a time, beside the form that creates one."""
    context = {"page": page_of(request, rows), "form": form}
    return render(request, template, context, status=status)


def _invalid(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """An event's or a storyline's page again, with the errors of the form posted."""
    messages.error(request, "Please correct the form below.")
    return render(request, template, context, status=400)


@role_required(ANALYST)
def event_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, EVENT_LIST, selectors.event_list(), EventForm())


@require_POST
@role_required(ANALYST)
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST)
    if form.is_valid():
        event = services.event_create(**form.cleaned_data, user=request.user)
        messages.success(request, "Event created; add articles to it from their pages.")
        return redirect(event)
    return _list_page(request, EVENT_LIST, selectors.event_list(), form, status=400)


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
    template = EVENT_PAGE
    if request.htmx and request.htmx.target == "comparison":
        template += "#comparison"
    poll = request.GET.get("poll", "")
    poll = min(int(poll), 10_000) if poll.isascii() and poll.isdigit() else 0
    context = _event_context(event, poll=poll, poll_every=comparison_poll_every(poll))
    return render(request, template, context)


def _event_context(event: Event, **forms) -> dict:
    report = event_report_get(event=event)
    members = selectors.event_members(event)
    context = {
        "event": event,
        "report": report,
        "data": report.data,
        "groups": members.by_outlet,
        # The list of articles opens by itself when some of them are worth a check.
        "weak_joins": members.weak_joins,
        "languages": members.languages,
        "rename_form": EventRenameForm(initial={"title": event.title}),
        "merge_form": EventMergeForm(event=event),
        "split_form": EventSplitForm(event=event),
        "review_form": EventReviewForm(initial={"comment": event.review_comment}),
        "poll": 0,
        "poll_every": comparison_poll_every(0),
    }
    context.update(forms)
    return context


@require_POST
@role_required(ANALYST)
def event_rename(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = EventRenameForm(request.POST)
    if not form.is_valid():
        return _invalid(request, EVENT_PAGE, _event_context(event, rename_form=form))
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
        return _invalid(request, EVENT_PAGE, _event_context(event, merge_form=form))
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
        return _invalid(request, EVENT_PAGE, _event_context(event, split_form=form))
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
        return _invalid(request, EVENT_PAGE, _event_context(event, review_form=form))
    services.event_review(event=event, user=request.user, comment=form.cleaned_data["comment"])
    messages.success(request, "Report marked as reviewed.")
    return redirect(event)


@role_required(ANALYST)
def storyline_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, STORYLINE_LIST, selectors.storyline_list(), StorylineForm())


@require_POST
@role_required(ANALYST)
def storyline_create(request: HttpRequest) -> HttpResponse:
    form = StorylineForm(request.POST)
    if not form.is_valid():
        return _list_page(request, STORYLINE_LIST, selectors.storyline_list(), form, status=400)
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
    return render(request, STORYLINE_PAGE, _storyline_context(storyline))


@require_POST
@role_required(ANALYST)
def storyline_rename(request: HttpRequest, pk: int) -> HttpResponse:
    storyline = get_object_or_404(Storyline, pk=pk)
    form = StorylineForm(request.POST)
    if not form.is_valid():
        return _invalid(request, STORYLINE_PAGE, _storyline_context(storyline, rename_form=form))
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
        return _invalid(request, STORYLINE_PAGE, _storyline_context(storyline, link_form=form))
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


@role_required(EDITOR)
def outlet_report(request: HttpRequest) -> HttpResponse:
    form = OutletReportForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    start, end = selectors.report_period(start=chosen.get("start"), end=chosen.get("end"))
    outlets = list(form.cleaned_data.get("outlets") or []) if form.is_valid() else []
    versus = chosen.get("versus")
    report = (
        outlet_report_build(outlets=outlets, start=start, end=end, versus=versus)
        if outlets
        else None
    )
    if report and request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="outlet-report.csv"'
        csv.writer(response).writerows(safe_rows(outlet_report_rows(report)))
        return response
    context = {
        "form": form,
        "report": report,
        "start": start,
        "end": end,
        "query": request.GET.urlencode(),
        "figure_labels": _figure_labels(),
    }
    return render(request, "events/outlet_report.html", context)


def _figure_labels() -> list[tuple[str, str, str]]:
    """Each figure's name, label and the scorer whose methodology entry says how far to
    trust it (the scorer it is averaged from)."""
    return [(name, figure.label, figure.scorer) for name, figure in FIGURES.items()]


@role_required(ANALYST)
def outlet_detail(request: HttpRequest, slug: str) -> HttpResponse:
    outlet = get_object_or_404(Outlet.objects.prefetch_related("domains", "feeds"), slug=slug)
    articles = newsdesk_selectors.article_list(filters={"outlet": outlet})
    page = article_page(articles, request.GET, PAGE_SIZE)
    template = "events/outlet_detail.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
        return render(request, template, {"outlet": outlet, "page": page})
    figures = outlet_figures(outlet=outlet)
    context = {
        "outlet": outlet,
        "page": page,
        "figures": figures,
        "figure_labels": _figure_labels(),
        # A table as soon as one figure is measured (attribution reads Russian, the tone
        # does not); else why there is none.
        "measured": any(figure["n"] for figure in figures.values()),
        "left_out": max(figure["left_out"] for figure in figures.values()),
    }
    return render(request, template, context)


@role_required(EDITOR)
def blindspot_list(request: HttpRequest) -> HttpResponse:
    form = BlindspotForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    start, end = selectors.report_period(start=chosen.get("start"), end=chosen.get("end"))
    side_share, min_outlets = form.thresholds()
    found = blindspot_rows(start=start, end=end, side_share=side_share, min_outlets=min_outlets)
    # A page of them, and only its rows' events (a year can have over a hundred).
    page = page_of(request, found)
    blindspot_events(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "why_none": None
        if found
        else blindspot_near_misses(start=start, end=end, min_outlets=min_outlets),
        "start": start,
        "end": end,
        "side_share": side_share,
        "min_outlets": min_outlets,
    }
    return render(request, "events/blindspots.html", context)
