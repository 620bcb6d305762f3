from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseStopPolling

from analysis import selectors, services
from analysis.forms import RescoreForm
from analysis.models import ScoringBatch
from newsdesk.models import Article
from newsdesk.roles import ADMIN, ANALYST, role_required


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
    ids = list(form.articles().values_list("pk", flat=True))
    if not ids:
        messages.info(request, "Nothing to rescore: every article has current scores.")
        return redirect("scoring-status")
    services.articles_queue_scoring(article_ids=ids, label=form.label(), user=request.user)
    messages.success(request, f"Queued {len(ids)} article(s) for scoring.")
    return redirect("scoring-status")


@require_POST
@role_required(ANALYST)
def article_rescore(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    services.articles_queue_scoring(article_ids=[article.pk], track=False)
    messages.success(request, "Scoring is queued again for this article.")
    return redirect(article)
