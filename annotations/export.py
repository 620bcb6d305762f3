"""Annotations out: W3C Web Annotation JSON-LD, and CSV joined with outlet/article data.

The JSON-LD follows https://www.w3.org/TR/annotation-model/: each annotation has the
W3C context, an ``id``, ``type: Annotation``, a ``target`` whose ``source`` is the
article and whose ``selector`` lists a TextQuoteSelector and a TextPositionSelector
(code points of the stored article text), a ``body`` (the label as a tag, the verdict
as an assessment, the note as a comment, each evidence link as a linked resource), a
``creator`` and ``created``/``modified``. Replies are annotations whose target is the
annotation replied to. Newsdesk's own fields (confidence, review) use the ``newsdesk:``
prefix declared in the context.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Iterable
from typing import IO

from django.db.models import QuerySet
from django.urls import reverse

from annotations.models import Annotation, Reply
from common.csv_export import safe_cell
from newsdesk.models import Article, Event

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NEWSDESK_NS = "https://newsdesk.invalid/ns/annotation#"
CONTEXT = [W3C_CONTEXT, {"newsdesk": NEWSDESK_NS}]

CSV_COLUMNS = [
    "annotation_id",
    "article_id",
    "article_url",
    "headline",
    "outlet",
    "country",
    "state_affiliated",
    "published_date",
    "event_id",
    "label",
    "verdict",
    "confidence",
    "note",
    "links",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "anchor_status",
    "creator",
    "origin",
    "suggestion",
    "review_status",
    "reviewed_by",
    "review_reason",
    "is_adjudication",
    "reply_count",
    "created",
    "modified",
]


def annotations_for_export(
    *,
    article: Article | None = None,
    event: Event | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[Annotation]:
    """Annotations of one article, of an event's articles, or of the articles published
    between ``since`` and ``until`` (inclusive); the filters combine."""
    queryset = Annotation.objects.all()
    if article is not None:
        queryset = queryset.filter(article=article)
    if event is not None:
        queryset = queryset.filter(article__event=event)
    if since is not None:
        queryset = queryset.filter(article__published_at__date__gte=since)
    if until is not None:
        queryset = queryset.filter(article__published_at__date__lte=until)
    return (
        queryset.select_related("article__outlet", "creator", "label", "reviewed_by")
        .prefetch_related("replies__creator")
        .order_by("article_id", "start", "end", "id")
    )


def _iso(value: dt.datetime | None) -> str:
    return value.isoformat().replace("+00:00", "Z") if value else ""


def _person(user, base_url: str) -> dict:
    """The creator as the W3C model's Agent. Newsdesk has no public page per user, so
    the id is not a web address (``/users/3`` led nowhere) but a stable ``urn:uuid`` IRI:
    the same user of the same installation always gets the same one."""
    installation = uuid.uuid5(uuid.NAMESPACE_URL, base_url)
    person = uuid.uuid5(installation, f"user:{user.pk}")
    return {"id": person.urn, "type": "Person", "nickname": user.get_username()}


def article_source(article: Article, base_url: str) -> str:
    return article.url or base_url + article.get_absolute_url()


def annotation_jsonld(annotation: Annotation, base_url: str) -> dict:
    """One annotation as a W3C Web Annotation (without its own @context if embedded)."""
    article = annotation.article
    body: list[dict] = [
        {"type": "TextualBody", "purpose": "tagging", "value": annotation.label.name}
    ]
    if annotation.verdict:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "assessing",
                "value": annotation.get_verdict_display(),
            }
        )
    if annotation.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": annotation.note,
                "format": "text/plain",
            }
        )
    body.extend({"id": link, "type": "Text", "purpose": "linking"} for link in annotation.links)
    selectors: list[dict] = [
        {
            "type": "TextQuoteSelector",
            "exact": annotation.exact,
            "prefix": annotation.prefix,
            "suffix": annotation.suffix,
        }
    ]
    if not annotation.is_orphaned:
        selectors.append(
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
        )
    doc = {
        "id": f"{base_url}{reverse('annotation-detail', args=[annotation.pk])}",
        "type": "Annotation",
        "motivation": "assessing" if annotation.verdict else "classifying",
        "created": _iso(annotation.created),
        "modified": _iso(annotation.modified),
        "creator": _person(annotation.creator, base_url),
        "body": body,
        "target": {
            "source": article_source(article, base_url),
            "type": "Text",
            "selector": selectors,
        },
        "newsdesk:confidence": annotation.get_confidence_display(),
        "newsdesk:anchorStatus": annotation.anchor_status,
        "newsdesk:reviewStatus": annotation.review_status,
    }
    if annotation.origin == "machine":
        doc["generator"] = {
            "type": "Software",
            "name": f"Newsdesk scorer suggestion ({annotation.suggestion})",
        }
    if annotation.reviewed_by_id:
        doc["newsdesk:reviewedBy"] = _person(annotation.reviewed_by, base_url)
        doc["newsdesk:reviewReason"] = annotation.review_reason
    return doc


def reply_jsonld(reply: Reply, annotation_id: str, base_url: str) -> dict:
    return {
        "id": f"{annotation_id}#reply-{reply.pk}",
        "type": "Annotation",
        "motivation": "replying",
        "created": _iso(reply.created),
        "modified": _iso(reply.created),
        "creator": _person(reply.creator, base_url),
        "body": {"type": "TextualBody", "value": reply.text, "format": "text/plain"},
        "target": annotation_id,
    }


def collection_jsonld(annotations: Iterable[Annotation], base_url: str, label: str) -> dict:
    """An AnnotationCollection with one embedded page holding every annotation and reply."""
    items: list[dict] = []
    for annotation in annotations:
        doc = annotation_jsonld(annotation, base_url)
        items.append(doc)
        items.extend(reply_jsonld(r, doc["id"], base_url) for r in annotation.replies.all())
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def missing_w3c_fields(doc: dict, *, embedded: bool = False) -> list[str]:
    """The W3C Web Annotation fields Newsdesk promises that ``doc`` lacks (empty: valid).

    Checks ``@context`` (unless embedded in a collection that has it), ``id``,
    ``type`` Annotation, ``body``, ``creator``, ``created``, and a ``target`` with a
    ``source`` and a ``selector`` (a reply's target is the annotation's IRI).
    """
    missing = []
    if not embedded:
        context = doc.get("@context")
        contexts = context if isinstance(context, list) else [context]
        if W3C_CONTEXT not in contexts:
            missing.append("@context")
    if not isinstance(doc.get("id"), str) or not doc["id"].startswith(("http://", "https://")):
        missing.append("id")
    types = doc.get("type")
    if types != "Annotation" and not (isinstance(types, list) and "Annotation" in types):
        missing.append("type")
    for name in ("body", "creator", "created"):
        if not doc.get(name):
            missing.append(name)
    target = doc.get("target")
    if doc.get("motivation") == "replying":
        if not isinstance(target, str) or not target:
            missing.append("target")
    elif not isinstance(target, dict):
        missing.append("target")
    else:
        if not target.get("source"):
            missing.append("target.source")
        selector = target.get("selector")
        selectors = selector if isinstance(selector, list) else [selector] if selector else []
        kinds = {s.get("type") for s in selectors if isinstance(s, dict)}
        if "TextQuoteSelector" not in kinds:
            missing.append("target.selector")
        for s in selectors:
            if s.get("type") == "TextQuoteSelector" and not s.get("exact"):
                missing.append("target.selector.exact")
            if s.get("type") == "TextPositionSelector" and not (
                isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
            ):
                missing.append("target.selector.start/end")
    return missing


def csv_rows(annotations: Iterable[Annotation], base_url: str) -> Iterable[list[str]]:
    yield CSV_COLUMNS
    for a in annotations:
        article, outlet = a.article, a.article.outlet
        row = [
            a.pk,
            article.pk,
            article_source(article, base_url),
            article.headline,
            outlet.name if outlet else "",
            outlet.country if outlet else "",
            ("yes" if outlet.state_affiliated else "no") if outlet else "",
            article.published_at.date().isoformat() if article.published_at else "",
            article.event_id or "",
            a.label.name,
            a.verdict,
            a.get_confidence_display(),
            a.note,
            " ".join(a.links),
            a.exact,
            a.prefix,
            a.suffix,
            a.start,
            a.end,
            a.anchor_status,
            a.creator.get_username(),
            a.origin,
            a.suggestion,
            a.review_status,
            a.reviewed_by.get_username() if a.reviewed_by else "",
            a.review_reason,
            "yes" if a.is_adjudication else "no",
            len(a.replies.all()),
            _iso(a.created),
            _iso(a.modified),
        ]
        yield [safe_cell(v) for v in row]


def write_csv(annotations: Iterable[Annotation], out: IO[str], base_url: str) -> int:
    writer = csv.writer(out)
    n = -1
    for n, row in enumerate(csv_rows(annotations, base_url)):  # noqa: B007
        writer.writerow(row)
    return max(n, 0)
