from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseStopPolling

from analysis import selectors, services
from analysis.forms import RescoreForm
from analysis.highlight import LAYER_SCORERS, LAYERS, layer_legend, layer_paragraphs
from analysis.models import ScoringBatch
from analysis.selectors import article_scores, measures_not_available, scorer_panels
from newsdesk.forms import ArticleDetailsForm, ArticleEventForm, ArticleLanguageForm
from newsdesk.models import Article
from newsdesk.roles import ADMIN, ANALYST, role_required
from newsdesk.selectors import article_edits


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
        "edits": article_edits(article),
        "language_form": ArticleLanguageForm(initial={"language": article.language}),
        "not_available": measures_not_available(scores),
        "scorer_panels": scorer_panels(scores),
    }
    template = "analysis/article_detail.html"
    if request.htmx and request.htmx.target in ("scoring-status", "article-text"):
        template += "#" + request.htmx.target
    return render(request, template, context)
