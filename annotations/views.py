"""Annotation pages and the article page's annotation panel (htmx partials)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from annotations import export, feedback, selectors, services
from annotations.forms import (
    AdjudicateForm,
    AnnotationCreateForm,
    AnnotationEditForm,
    AssignmentForm,
    ExportForm,
    ReattachForm,
    ReplyForm,
    ReviewForm,
    VersionForm,
)
from annotations.models import Annotation, Assignment, AssignmentMember, Label, Verdict, text_hash
from annotations.panel import panel_context
from newsdesk.models import Article, Event
from newsdesk.roles import ADMIN, ANALYST, EDITOR, has_role, role_required

PANEL = "annotations/panel.html"


# --- The panel on the article page -------------------------------------------------------


def _panel(request: HttpRequest, article: Article, **kwargs) -> HttpResponse:
    response = render(request, f"{PANEL}#panel", panel_context(request, article, **kwargs))
    return retarget(reswap(response, "outerHTML"), "#annotation-panel")


def _filters_from_post(request: HttpRequest) -> selectors.PanelFilters:
    return selectors.PanelFilters.from_query(request.POST)


def _after_write(request: HttpRequest, article: Article, message: str, anchor: str = ""):
    """htmx: the refreshed panel; otherwise back to the article page with a message."""
    if request.htmx:
        response = _panel(request, article, filters=_filters_from_post(request))
        return trigger_client_event(response, "annotations-changed", {"message": message})
    messages.success(request, message)
    return redirect(article.get_absolute_url() + anchor)


def _refused(request: HttpRequest, article: Article, message: str, status: int = 400):
    if request.htmx:
        response = _panel(request, article, filters=_filters_from_post(request), error=message)
        return response
    messages.error(request, message)
    response = redirect(article.get_absolute_url())
    return response


@role_required(ANALYST)
def article_annotations(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    if request.htmx:
        return render(request, f"{PANEL}#panel", panel_context(request, article))
    return render(request, "annotations/article_annotations.html", panel_context(request, article))


@require_POST
@role_required(ANALYST)
def annotation_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    form = AnnotationCreateForm(request.POST)
    annotation = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            if not selectors.article_text_is_current(article=article, seen_hash=data["text_hash"]):
                raise services.AnnotationError(
                    "The article text changed since you opened this page. Reload it and "
                    "select the passage again."
                )
            if data["start"] is not None and data["end"] is not None:
                start, end, exact = data["start"], data["end"], data["exact"] or None
            else:
                start, end = services.annotation_locate_quote(article=article, quote=data["quote"])
                exact = None
            annotation = services.annotation_create(
                article=article,
                creator=request.user,
                start=start,
                end=end,
                exact=exact,
                **form.service_kwargs(),
            )
        except services.AnnotationError as exc:
            form.add_error(None, str(exc))
    if annotation is None:
        if request.htmx:
            response = render(
                request,
                f"{PANEL}#create-form",
                {"create_form": form, "article": article, "text_hash": text_hash(article.body)},
            )
            return retarget(reswap(response, "outerHTML"), "#annotation-form")
        context = panel_context(request, article, create_form=form)
        return render(request, "annotations/article_annotations.html", context, status=400)
    response = _after_write(
        request, article, f"Saved: {annotation.label}.", f"#annotation-{annotation.pk}"
    )
    if request.htmx:
        response = trigger_client_event(response, "annotation-saved", {"id": annotation.pk})
    return response


def _visible_annotation(request: HttpRequest, pk: int) -> Annotation:
    annotation = get_object_or_404(
        Annotation.objects.select_related("article", "label", "creator"), pk=pk
    )
    if (
        not selectors.annotations_visible(article=annotation.article, user=request.user)
        .filter(pk=pk)
        .exists()
    ):
        raise PermissionDenied("This annotation is hidden until you submit your assignment.")
    return annotation


@role_required(ANALYST)
def annotation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An annotation's IRI (used as its JSON-LD id): its place on the article page."""
    annotation = _visible_annotation(request, pk)
    return redirect(annotation.article.get_absolute_url() + f"#annotation-{annotation.pk}")


@require_http_methods(["GET", "POST"])
@role_required(ANALYST)
def annotation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _visible_annotation(request, pk)
    services.annotation_check_creator(annotation=annotation, user=request.user, action="edit")
    if request.method == "GET":
        form = AnnotationEditForm(
            initial={
                "label": annotation.label,
                "verdict": annotation.verdict,
                "confidence": annotation.confidence,
                "note": annotation.note,
                "links": "\n".join(annotation.links),
                "version": annotation.version,
            },
            id_prefix=f"edit-{annotation.pk}",
        )
        return render(request, f"{PANEL}#edit-form", {"form": form, "a": annotation})
    form = AnnotationEditForm(request.POST, id_prefix=f"edit-{annotation.pk}")
    if form.is_valid():
        try:
            services.annotation_update(
                annotation=annotation,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_kwargs(),
            )
        except services.StaleAnnotation as exc:
            form.add_error(None, str(exc))
            stale = True
        except services.AnnotationError as exc:
            form.add_error(None, str(exc))
            stale = False
        else:
            return _after_write(
                request, annotation.article, "Annotation updated.", f"#annotation-{pk}"
            )
    else:
        stale = False
    context = {"form": form, "a": annotation, "stale": stale}
    if request.htmx:
        response = render(request, f"{PANEL}#edit-form", context)
        return retarget(reswap(response, "outerHTML"), f"#annotation-{pk}")
    return render(
        request, "annotations/annotation_edit.html", context, status=409 if stale else 400
    )


@require_POST
@role_required(ANALYST)
def annotation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _visible_annotation(request, pk)
    services.annotation_check_creator(annotation=annotation, user=request.user, action="delete")
    form = VersionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("The version of the annotation is missing.")
    article = annotation.article
    try:
        services.annotation_delete(
            annotation=annotation, user=request.user, expected_version=form.cleaned_data["version"]
        )
    except services.AnnotationError as exc:
        return _refused(request, article, str(exc), 409)
    return _after_write(request, article, "Annotation deleted.")


@require_POST
@role_required(ANALYST)
def annotation_reply(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _visible_annotation(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _refused(request, annotation.article, "Write something to reply.")
    try:
        services.annotation_reply(
            annotation=annotation, user=request.user, text=form.cleaned_data["text"]
        )
    except services.AnnotationError as exc:
        return _refused(request, annotation.article, str(exc))
    return _after_write(request, annotation.article, "Reply posted.", f"#annotation-{pk}")


@require_POST
@role_required(ANALYST)
def annotation_reattach(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _visible_annotation(request, pk)
    services.annotation_check_creator(annotation=annotation, user=request.user, action="re-attach")
    form = ReattachForm(request.POST)
    article = annotation.article
    if not form.is_valid():
        return _refused(request, article, "Select the passage to re-attach it to first.")
    data = form.cleaned_data
    try:
        if not selectors.article_text_is_current(article=article, seen_hash=data["text_hash"]):
            raise services.AnnotationError("The article text changed; reload the page first.")
        services.annotation_reattach(
            annotation=annotation,
            user=request.user,
            expected_version=data["version"],
            start=data["start"],
            end=data["end"],
            exact=data["exact"] or None,
        )
    except services.AnnotationError as exc:
        return _refused(request, article, str(exc), 409)
    return _after_write(request, article, "Annotation re-attached.", f"#annotation-{pk}")


@require_POST
@role_required(ANALYST)
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        annotation = services.suggestion_accept(
            article=article, user=request.user, key=request.POST.get("key", "")
        )
    except services.AnnotationError as exc:
        return _refused(request, article, str(exc))
    return _after_write(
        request,
        article,
        f"Suggestion confirmed as {annotation.label}.",
        f"#annotation-{annotation.pk}",
    )


@require_POST
@role_required(ANALYST)
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        services.suggestion_dismiss(
            article=article, user=request.user, key=request.POST.get("key", "")
        )
    except services.AnnotationError as exc:
        return _refused(request, article, str(exc))
    return _after_write(request, article, "Suggestion dismissed.")


# --- Review and agreement (editors) -------------------------------------------------------


@role_required(EDITOR)
def article_review(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "event"), pk=pk)
    services.article_reanchor_annotations(article=article)
    context = {
        "article": article,
        "units": selectors.review_units(article=article),
        "report": selectors.agreement_report(articles=[article]),
        "orphans": article.annotations.filter(start=None).select_related("creator", "label"),
        "labels": Label.objects.filter(is_active=True),
        "verdicts": Verdict.choices,
        "assignments": selectors.assignments_covering(article=article).prefetch_related(
            "members__analyst"
        ),
    }
    template = "annotations/review.html"
    if request.htmx:
        template += "#units"
    return render(request, template, context, status=status)


def _back_to_review(request: HttpRequest, article: Article, message: str, ok: bool = True):
    (messages.success if ok else messages.error)(request, message)
    url = reverse("annotation-article-review", args=[article.pk])
    return redirect(url)


@require_POST
@role_required(EDITOR)
def annotation_review(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = get_object_or_404(Annotation.objects.select_related("article"), pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _back_to_review(request, annotation.article, "Choose accept or reject.", ok=False)
    try:
        services.annotation_review(
            annotation=annotation,
            editor=request.user,
            status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except services.AnnotationError as exc:
        return _back_to_review(request, annotation.article, str(exc), ok=False)
    verb = "accepted" if form.cleaned_data["status"] == "accepted" else "rejected"
    return _back_to_review(request, annotation.article, f"Annotation {verb}.")


@require_POST
@role_required(EDITOR)
def article_adjudicate(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    form = AdjudicateForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, f"Not adjudicated: {errors}")
        return article_review(request, pk, status=400)
    ids = form.annotation_ids()
    chosen = {a.pk: a for a in Annotation.objects.filter(article=article, pk__in=ids)}
    try:
        services.annotations_adjudicate(
            annotations=[chosen[i] for i in ids if i in chosen],
            editor=request.user,
            label=form.cleaned_data["label"],
            verdict=form.cleaned_data["verdict"],
            reason=form.cleaned_data["reason"],
        )
    except services.AnnotationError as exc:
        return _back_to_review(request, article, f"Not adjudicated: {exc}", ok=False)
    return _back_to_review(request, article, "Adjudicated; the reason is kept in the history.")


@role_required(EDITOR)
def event_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    articles = list(event.articles.select_related("outlet").order_by("pk"))
    per_article = [(a, selectors.agreement_report(articles=[a])) for a in articles]
    context = {
        "event": event,
        "report": selectors.agreement_report(articles=articles),
        "per_article": [(a, r) for a, r in per_article if r.annotation_count],
    }
    return render(request, "annotations/agreement.html", context)


# --- Assignments -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required(ANALYST)
def assignment_list(request: HttpRequest) -> HttpResponse:
    is_editor = has_role(request.user, EDITOR)
    form = AssignmentForm(request.POST or None) if is_editor else None
    if request.method == "POST":
        if not is_editor:
            raise PermissionDenied("Assigning annotation work needs the Editor role.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.assignment_create(
                    creator=request.user,
                    analysts=data["analysts"],
                    article=data["article"] or None,
                    event=data["event"] or None,
                    blind=data["blind"],
                    instructions=data["instructions"],
                )
            except services.AnnotationError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Assignment created.")
                return redirect("annotation-assignments")
    assignments = Assignment.objects.select_related("article", "event", "created_by")
    if not is_editor:
        assignments = assignments.filter(members__analyst=request.user)
    assignments = list(assignments.prefetch_related("members__analyst"))
    mine = {m.assignment_id: m for m in AssignmentMember.objects.filter(analyst=request.user)}
    for assignment in assignments:
        assignment.my_member = mine.get(assignment.pk)
    context = {"assignments": assignments, "form": form}
    return render(
        request,
        "annotations/assignments.html",
        context,
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@role_required(ANALYST)
def assignment_submit(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment, pk=pk)
    services.assignment_submit(assignment=assignment, analyst=request.user)
    messages.success(
        request,
        "Submitted. Your annotations are final and you now see the other analysts' work.",
    )
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("annotation-assignments")


# --- Export ------------------------------------------------------------------------------


@role_required(EDITOR)
def annotation_export(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.GET or None)
    if not form.is_valid():
        return render(
            request,
            "annotations/export.html",
            {"form": form},
            status=400 if request.GET else 200,
        )
    data = form.cleaned_data
    annotations = export.annotations_for_export(
        article=data["article"], event=data["event"], since=data["since"], until=data["until"]
    )
    base_url = request.build_absolute_uri("/").rstrip("/")
    name = _export_name(data)
    if data["format"] == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        export.write_csv(annotations, response, base_url)
        return response
    doc = export.collection_jsonld(annotations, base_url, label=name)
    response = HttpResponse(
        json.dumps(doc, ensure_ascii=False, indent=2),
        content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.jsonld"'
    return response


def _export_name(data: dict) -> str:
    parts = ["annotations"]
    if data.get("article"):
        parts.append(f"article-{data['article'].pk}")
    if data.get("event"):
        parts.append(f"event-{data['event'].pk}")
    if data.get("since"):
        parts.append(f"from-{data['since']:%Y-%m-%d}")
    if data.get("until"):
        parts.append(f"to-{data['until']:%Y-%m-%d}")
    return "-".join(parts)


# --- What the newsroom teaches the scorers (admins) -------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required(ADMIN)
def scorer_feedback(request: HttpRequest) -> HttpResponse:
    """Deployment precision per family and frame beside the public-corpus figures, the cues
    no longer suggested, and the phrases analysts keep marking that the lexicons lack."""
    error = ""
    if request.method == "POST":
        try:
            weight = float(request.POST.get("weight") or 0.8)
        except ValueError:
            weight = -1.0
        try:
            addition = services.lexicon_addition_create(
                user=request.user,
                phrase=request.POST.get("phrase", ""),
                scorer=request.POST.get("scorer", ""),
                family=request.POST.get("family", ""),
                weight=weight,
            )
        except services.AnnotationError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                f"“{addition.phrase}” added to the {addition.scorer} lexicon as "
                f"{addition.family}; it takes effect with the next lexicon version.",
            )
            return redirect("annotation-scorer-feedback")
    context = feedback.feedback_page()
    if error:
        context["error"] = error
    return render(
        request, "annotations/scorer_feedback.html", context, status=400 if error else 200
    )
