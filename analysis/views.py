from __future__ import annotations

import csv
import datetime as dt

from django.contrib import messages
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseStopPolling

from analysis import selectors, services
from analysis.forms import BlindspotForm, OutletReportForm, RescoreForm
from analysis.models import ScoringBatch
from analysis.outlet_report import blindspot_near_misses, blindspots, outlet_report_rows
from analysis.outlet_report import outlet_report as outlet_report_build
from common.csv_export import safe_rows
from newsdesk.dates import clamp_day
from newsdesk.models import Article
from newsdesk.roles import ADMIN, ANALYST, EDITOR, role_required


@role_required(ANALYST)
def scoring_status(request: HttpRequest) -> HttpResponse:
    context = {
        "counts": selectors.scoring_counts(),
        "batches": selectors.recent_batches(),
        "form": RescoreForm(),
    }
    template = "analysis/scoring.html"
    if request.htmx and request.htmx.target == "scoring-counts":
        template += "#counts"
    return render(request, template, context)


@role_required(ANALYST)
def methodology(request: HttpRequest) -> HttpResponse:
    return render(
        request, "analysis/methodology.html", {"entries": selectors.methodology_entries()}
    )


@role_required(ANALYST)
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ScoringBatch, pk=pk)
    response = render(request, "analysis/scoring.html#batch", {"batch": batch})
    if not batch.is_running and request.htmx:
        # 286 tells htmx to stop polling; the final state is still rendered.
        response.status_code = HttpResponseStopPolling.status_code
    return response


@require_POST
@role_required(ADMIN)
def rescore(request: HttpRequest) -> HttpResponse:
    form = RescoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please correct the rescoring options.")
        return redirect("scoring-status")
    count = form.articles().count()
    if not count:
        messages.info(request, "Nothing to rescore: every article has current scores.")
        return redirect("scoring-status")
    outlet = form.cleaned_data.get("outlet")
    services.rescore_start(
        label=form.label(),
        user=request.user,
        outlet_id=outlet.pk if outlet else None,
        since=form.cleaned_data.get("since"),
        everything=form.cleaned_data.get("everything", False),
    )
    messages.success(request, f"Queueing {count} article(s) for scoring.")
    return redirect("scoring-status")


@require_POST
@role_required(ANALYST)
def article_rescore(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    services.articles_queue_scoring(article_ids=[article.pk], track=False)
    messages.success(request, "Scoring is queued again for this article.")
    return redirect(article)


def _default_period(form) -> tuple[dt.date, dt.date]:
    """The chosen period, or the year up to the newest article."""
    end = form.cleaned_data.get("end") if form.is_valid() else None
    start = form.cleaned_data.get("start") if form.is_valid() else None
    if end is None:
        latest = Article.objects.aggregate(latest=Max("published_at"))["latest"]
        end = latest.date() if latest else timezone.now().date()
    # Clamped to the dates an article can have, so that a year before 0001-01-01 or the
    # day after 9999-12-31 is never computed.
    end = clamp_day(end)
    start = clamp_day(start) if start is not None else clamp_day(end - dt.timedelta(days=365))
    return start, end


@role_required(EDITOR)
def outlet_report(request: HttpRequest) -> HttpResponse:
    form = OutletReportForm(request.GET or None)
    start, end = _default_period(form)
    outlets = list(form.cleaned_data.get("outlets") or []) if form.is_valid() else []
    report = outlet_report_build(outlets=outlets, start=start, end=end) if outlets else None
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
        "figure_labels": [
            ("tone", "Tone (mean compound)"),
            ("attribution_density", "Attribution density"),
            ("anonymous_share", "Anonymous attributions"),
            ("reading_ease", "Flesch reading ease"),
        ],
    }
    return render(request, "analysis/outlet_report.html", context)


@role_required(EDITOR)
def blindspot_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.copy()
    if query:
        # A threshold left empty applies its default: the box shows the value in use.
        for name in ("side_share", "min_outlets"):
            if not query.get(name):
                query[name] = str(BlindspotForm.base_fields[name].initial)
    form = BlindspotForm(query or None)
    start, end = _default_period(form)
    data = form.cleaned_data if form.is_valid() else {}
    side_share = data.get("side_share") or 0.8
    min_outlets = data.get("min_outlets") or 3
    found = blindspots(start=start, end=end, side_share=side_share, min_outlets=min_outlets)
    context = {
        "form": form,
        "found": found,
        "why_none": None
        if found
        else blindspot_near_misses(start=start, end=end, min_outlets=min_outlets),
        "start": start,
        "end": end,
        "side_share": side_share,
        "min_outlets": min_outlets,
    }
    return render(request, "analysis/blindspots.html", context)
