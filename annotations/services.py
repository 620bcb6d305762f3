"""Writes to annotations: create, edit, delete, reply, confirm suggestions, review,
adjudicate, re-anchor, assignments. Keyword-only and typed, so views, commands and the
API call the same functions.

Rules kept here rather than in views:

* analysts (and the roles above) annotate and reply; editors review and adjudicate;
  only the creator edits, re-attaches or deletes an annotation, whatever their role;
* an edit names the version it was based on; if the annotation changed since, the
  edit is refused with :class:`StaleAnnotation` (optimistic locking), never merged;
* every change is written to the history (:class:`~annotations.models.Change`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from annotations import anchoring, lexicons
from annotations.agreement import MIN_OVERLAP, Span, overlap
from annotations.feedback import normalised_phrase
from annotations.lexicons import families_of
from annotations.models import (
    AnchorStatus,
    Annotation,
    Assignment,
    AssignmentMember,
    Change,
    Confidence,
    Label,
    LexiconAddition,
    Origin,
    Reply,
    ReviewStatus,
    SuggestionDecision,
    Verdict,
    text_hash,
)
from annotations.selectors import (
    annotation_editable_by,
    annotations_final,
    suggestions_for_article,
)
from events.services import EventChangeRefused
from newsdesk.models import Article, Event
from newsdesk.roles import ADMIN, ANALYST, EDITOR, has_role

MAX_LINKS = 10
MAX_NOTE = 5000
MAX_QUOTE = 5000
_url_validator = URLValidator(schemes=["http", "https"])


class AnnotationError(Exception):
    """A refusal with a message meant for the person who asked."""


class StaleAnnotation(AnnotationError):
    """The annotation changed after the version the edit was based on."""

    def __init__(self, annotation: Annotation):
        last = annotation.changes.select_related("actor").order_by("-at", "-id").first()
        who = f" by {last.actor.get_username()}" if last and last.actor else ""
        when = f" at {timezone.localtime(last.at):%H:%M}" if last else ""
        super().__init__(
            f"This annotation was changed{who}{when} after you opened it, so your edit was "
            "not saved. Reload it to see the current version, then make your change again."
        )
        self.annotation = annotation


# --- Checks -----------------------------------------------------------------------------


def _require(user, role: str, action: str) -> None:
    if not has_role(user, role):
        raise PermissionDenied(f"{action} needs the {role} role.")


def annotation_check_creator(*, annotation: Annotation, user, action: str) -> None:
    """Refuse (403) anyone but the annotation's creator: the views call it before showing a
    form, the services before any change."""
    if not annotation_editable_by(annotation=annotation, user=user):
        raise PermissionDenied(f"Only the analyst who made an annotation can {action} it.")


def _require_changeable(annotation: Annotation, user, action: str) -> None:
    """The one rule for changing an annotation (edit, delete, re-attach): one's own, and
    not final (its blind assignment not yet submitted)."""
    annotation_check_creator(annotation=annotation, user=user, action=action)
    _require_open(annotation.article, user)


def _require_open(article: Article, user) -> None:
    """After submitting a blind assignment, an analyst's annotations there are final."""
    if annotations_final(article=article, user=user):
        raise AnnotationError(
            "You submitted your blind assignment for this article; your annotations are final."
        )


def _clean_body(
    *, label: Label, verdict: str, confidence: int, note: str, links: Iterable[str]
) -> dict:
    if not label.is_active:
        raise AnnotationError(f"The label “{label.name}” is no longer offered.")
    verdict = verdict or ""
    if verdict and verdict not in Verdict.values:
        raise AnnotationError(f"Unknown verdict “{verdict}”.")
    if verdict and not label.takes_verdict:
        raise AnnotationError(f"A verdict is given only with labels that take one, not “{label}”.")
    if label.takes_verdict and not verdict:
        verdict = Verdict.UNVERIFIED
    if confidence not in Confidence.values:
        raise AnnotationError("Confidence must be low, medium or high.")
    if len(note) > MAX_NOTE:
        raise AnnotationError(f"The note is longer than {MAX_NOTE} characters.")
    cleaned_links = []
    for link in links:
        link = link.strip()
        if not link:
            continue
        try:
            _url_validator(link)
        except ValidationError:
            raise AnnotationError(
                f"“{link[:80]}” is not a web address (http:// or https://)."
            ) from None
        if link not in cleaned_links:
            cleaned_links.append(link)
    if len(cleaned_links) > MAX_LINKS:
        raise AnnotationError(f"At most {MAX_LINKS} evidence links, please.")
    return {
        "label": label,
        "verdict": verdict,
        "confidence": confidence,
        "note": note.strip(),
        "links": cleaned_links,
    }


def _clean_span(body: str, start: int, end: int, exact: str | None) -> tuple[int, int]:
    if not 0 <= start < end <= len(body):
        raise AnnotationError("Select some text of the article first.")
    if exact is not None and body[start:end] != exact:
        raise AnnotationError(
            "The selected text does not match the article as stored (it may have been "
            "re-extracted). Reload the page and select it again."
        )
    # Leading and trailing white space is not part of what the analyst means.
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        raise AnnotationError("The selection holds only white space.")
    if end - start > MAX_QUOTE:
        raise AnnotationError(f"Select at most {MAX_QUOTE} characters.")
    return start, end


def _snapshot(annotation: Annotation) -> dict:
    return {
        "label": annotation.label.name,
        "verdict": annotation.verdict,
        "confidence": annotation.confidence,
        "note": annotation.note,
        "links": list(annotation.links),
        "exact": annotation.exact,
        "start": annotation.start,
        "end": annotation.end,
        "review_status": annotation.review_status,
    }


def _diff(before: dict, after: dict) -> dict:
    return {key: [before[key], after[key]] for key in before if before[key] != after.get(key)}


def _record(annotation: Annotation, actor, action: str, data: dict | None = None, reason=""):
    return Change.objects.create(
        annotation=annotation,
        annotation_ref=annotation.pk,
        article_id=annotation.article_id,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        data=data or {},
        reason=reason,
    )


def _bump(annotation: Annotation, expected_version: int, **fields) -> None:
    """Write ``fields`` if the annotation is still at ``expected_version``, else refuse."""
    updated = Annotation.objects.filter(pk=annotation.pk, version=expected_version).update(
        version=F("version") + 1, modified=timezone.now(), **fields
    )
    if not updated:
        raise StaleAnnotation(annotation)
    annotation.refresh_from_db()


# --- Annotating -------------------------------------------------------------------------


def annotation_locate_quote(*, article: Article, quote: str) -> tuple[int, int]:
    """The span of ``quote`` in the article, if it occurs exactly once (keyboard path)."""
    quote = quote.strip()
    if not quote:
        raise AnnotationError("Type or paste the passage you want to annotate.")
    first = article.body.find(quote)
    if first == -1:
        raise AnnotationError("That passage is not in the article text; check the spelling.")
    count = article.body.count(quote)
    if count > 1:
        raise AnnotationError(
            f"That passage occurs {count} times in the article; quote a longer passage "
            "so that it is clear which one you mean."
        )
    return first, first + len(quote)


@transaction.atomic
def annotation_create(
    *,
    article: Article,
    creator,
    start: int,
    end: int,
    label: Label,
    exact: str | None = None,
    verdict: str = "",
    confidence: int = Confidence.MEDIUM,
    note: str = "",
    links: Iterable[str] = (),
    origin: str = Origin.HUMAN,
    suggestion: str = "",
) -> Annotation:
    """Annotate ``article.body[start:end]``; ``exact`` (if given) must be that text."""
    _require(creator, ANALYST, "Annotating")
    _require_open(article, creator)
    body = _clean_body(label=label, verdict=verdict, confidence=confidence, note=note, links=links)
    start, end = _clean_span(article.body, start, end, exact)
    selector = anchoring.selector_for(article.body, start, end)
    annotation = Annotation.objects.create(
        article=article,
        creator=creator,
        exact=selector.exact,
        prefix=selector.prefix,
        suffix=selector.suffix,
        start=start,
        end=end,
        anchored_text_hash=text_hash(article.body),
        origin=origin,
        suggestion=suggestion,
        **body,
    )
    action = Change.Action.CONFIRMED if origin == Origin.MACHINE else Change.Action.CREATED
    _record(annotation, creator, action, _snapshot(annotation) | {"suggestion": suggestion})
    return annotation


@transaction.atomic
def annotation_update(
    *,
    annotation: Annotation,
    user,
    expected_version: int,
    label: Label,
    verdict: str = "",
    confidence: int = Confidence.MEDIUM,
    note: str = "",
    links: Iterable[str] = (),
) -> Annotation:
    """Change the body of one's own annotation, if nobody changed it meanwhile."""
    _require_changeable(annotation, user, "edit")
    before = _snapshot(annotation)
    body = _clean_body(label=label, verdict=verdict, confidence=confidence, note=note, links=links)
    _bump(annotation, expected_version, **body)
    changes = _diff(before, _snapshot(annotation))
    if changes:
        _record(annotation, user, Change.Action.EDITED, changes)
    return annotation


@transaction.atomic
def annotation_delete(*, annotation: Annotation, user, expected_version: int) -> None:
    """Delete one's own annotation (also how an orphaned one is dismissed)."""
    _require_changeable(annotation, user, "delete")
    # Claim the row at the expected version first, so a concurrent edit is not lost.
    _bump(annotation, expected_version)
    _record(annotation, user, Change.Action.DELETED, _snapshot(annotation))
    annotation.delete()


@transaction.atomic
def annotation_reattach(
    *,
    annotation: Annotation,
    user,
    expected_version: int,
    start: int,
    end: int,
    exact: str | None = None,
) -> Annotation:
    """Put one's own (usually orphaned) annotation on a passage of the current text."""
    _require_changeable(annotation, user, "re-attach")
    article = annotation.article
    start, end = _clean_span(article.body, start, end, exact)
    selector = anchoring.selector_for(article.body, start, end)
    before = _snapshot(annotation)
    _bump(
        annotation,
        expected_version,
        exact=selector.exact,
        prefix=selector.prefix,
        suffix=selector.suffix,
        start=start,
        end=end,
        anchor_status=AnchorStatus.CREATED,
        anchored_text_hash=text_hash(article.body),
    )
    _record(annotation, user, Change.Action.REATTACHED, _diff(before, _snapshot(annotation)))
    return annotation


def annotation_reply(*, annotation: Annotation, user, text: str) -> Reply:
    _require(user, ANALYST, "Replying")
    text = text.strip()
    if not text:
        raise AnnotationError("Write something to reply.")
    if len(text) > MAX_NOTE:
        raise AnnotationError(f"A reply is at most {MAX_NOTE} characters.")
    with transaction.atomic():
        reply = Reply.objects.create(annotation=annotation, creator=user, text=text)
        _record(annotation, user, Change.Action.REPLIED, {"reply": reply.pk, "text": text})
    return reply


# --- Machine suggestions ----------------------------------------------------------------


def _offered(*, article: Article, user, key: str):

    suggestion = next(
        (s for s in suggestions_for_article(article=article, user=user) if s.key == key), None
    )
    if suggestion is None:
        raise AnnotationError(
            "That suggestion is no longer offered: you accepted or dismissed it already, or "
            "the article was scored again. Reload the page."
        )
    return suggestion


def _decide(*, article: Article, user, suggestion, decision: str) -> SuggestionDecision:
    return SuggestionDecision.objects.create(
        article=article,
        user=user,
        key=suggestion.key,
        scorer=suggestion.scorer,
        family=suggestion.family,
        cue=suggestion.cue[:120],
        decision=decision,
    )


@transaction.atomic
def suggestion_accept(*, article: Article, user, key: str) -> Annotation:
    """Confirm one of the scorers' suggestions as an annotation of ``user``'s."""
    suggestion = _offered(article=article, user=user, key=key)
    label = Label.objects.filter(name=suggestion.label, is_active=True).first()
    if label is None:
        raise AnnotationError(
            f"The label “{suggestion.label}” is not in the vocabulary; ask an admin to add it."
        )
    annotation = annotation_create(
        article=article,
        creator=user,
        start=suggestion.start,
        end=suggestion.end,
        label=label,
        note=suggestion.note,
        origin=Origin.MACHINE,
        suggestion=key,
    )
    _decide(article=article, user=user, suggestion=suggestion, decision="accepted")
    return annotation


def suggestion_dismiss(*, article: Article, user, key: str) -> SuggestionDecision:
    """Say a suggestion is wrong: it is not offered to ``user`` again, and it counts
    against its cue's precision (``annotations.feedback``)."""
    _require(user, ANALYST, "Dismissing suggestions")
    suggestion = _offered(article=article, user=user, key=key)
    return _decide(article=article, user=user, suggestion=suggestion, decision="dismissed")


# --- Lexicon additions from the newsroom ----------------------------------------------------


def lexicon_addition_create(
    *, user, phrase: str, scorer: str, family: str, weight: float = 0.8
) -> LexiconAddition:
    """An admin adds a phrase to a scorer's lexicon; ``manage.py lexicon_apply`` writes
    it into the lexicon file with a new version, and a rescore follows."""

    _require(user, ADMIN, "Adding to a lexicon")
    phrase = normalised_phrase(phrase)
    if not phrase:
        raise AnnotationError("Give the phrase to add.")
    if family not in families_of(scorer):
        raise AnnotationError(f"“{family}” is not a {scorer} family.")
    if not 0.1 <= weight <= 1.0:
        raise AnnotationError("A cue's weight is between 0.1 and 1.")
    if LexiconAddition.objects.filter(scorer=scorer, phrase=phrase).exists():
        raise AnnotationError(f"“{phrase}” was added already.")
    return LexiconAddition.objects.create(
        scorer=scorer, family=family, phrase=phrase, weight=weight, added_by=user
    )


# --- Review -----------------------------------------------------------------------------


@transaction.atomic
def annotation_review(
    *,
    annotation: Annotation,
    editor,
    status: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Annotation:
    """An editor accepts or rejects an annotation."""
    _require(editor, EDITOR, "Reviewing annotations")
    if status not in (ReviewStatus.ACCEPTED, ReviewStatus.REJECTED):
        raise AnnotationError("Review an annotation by accepting or rejecting it.")
    if status == ReviewStatus.REJECTED and not reason.strip():
        raise AnnotationError("Say why the annotation is rejected.")
    version = annotation.version if expected_version is None else expected_version
    _bump(
        annotation,
        version,
        review_status=status,
        reviewed_by=editor,
        reviewed_at=timezone.now(),
        review_reason=reason.strip(),
    )
    _record(annotation, editor, status, {"review_status": status}, reason.strip())
    return annotation


@transaction.atomic
def annotations_adjudicate(
    *,
    annotations: list[Annotation],
    editor,
    label: Label,
    verdict: str,
    reason: str,
    note: str = "",
) -> Annotation:
    """Settle disagreeing annotations of one passage into one adjudicated annotation.

    The adjudicated annotation takes the span of the first annotation given (the
    reviewer chooses which), the editor as creator and ``reason`` as review reason;
    the annotations it settles are marked adjudicated, each with a history entry.
    """

    _require(editor, EDITOR, "Adjudicating")
    if len(annotations) < 2:
        raise AnnotationError("Choose at least two annotations of the same passage to settle.")
    if not reason.strip():
        raise AnnotationError("Give the reason for the adjudicated verdict.")
    article_ids = {a.article_id for a in annotations}
    if len(article_ids) != 1:
        raise AnnotationError("Adjudicate annotations of one article at a time.")
    if any(a.is_orphaned for a in annotations):
        raise AnnotationError("An orphaned annotation cannot be adjudicated; re-attach it first.")
    spans = [_agreement_span(a) for a in annotations]

    if any(overlap(x, y) < MIN_OVERLAP for i, x in enumerate(spans) for y in spans[i + 1 :]):
        raise AnnotationError("These annotations are not of the same passage (see span matching).")
    first = annotations[0]
    article = first.article
    body = _clean_body(
        label=label, verdict=verdict, confidence=Confidence.HIGH, note=note, links=[]
    )
    settled = Annotation.objects.create(
        article=article,
        creator=editor,
        exact=first.exact,
        prefix=first.prefix,
        suffix=first.suffix,
        start=first.start,
        end=first.end,
        anchor_status=first.anchor_status,
        anchored_text_hash=first.anchored_text_hash,
        is_adjudication=True,
        review_status=ReviewStatus.ACCEPTED,
        reviewed_by=editor,
        reviewed_at=timezone.now(),
        review_reason=reason.strip(),
        **body,
    )
    settled.adjudicates.set(annotations)
    _record(
        settled,
        editor,
        Change.Action.ADJUDICATED,
        _snapshot(settled) | {"settles": [a.pk for a in annotations]},
        reason.strip(),
    )
    for a in annotations:
        _bump(
            a,
            a.version,
            review_status=ReviewStatus.ADJUDICATED,
            reviewed_by=editor,
            reviewed_at=timezone.now(),
            review_reason=reason.strip(),
        )
        _record(a, editor, Change.Action.ADJUDICATED, {"settled_by": settled.pk}, reason.strip())
    return settled


def _agreement_span(annotation: Annotation):

    return Span(
        annotator=str(annotation.creator_id),
        start=annotation.start,
        end=annotation.end,
        label=annotation.label.name,
        verdict=annotation.verdict or None,
    )


# --- Re-anchoring -----------------------------------------------------------------------


def article_reanchor_annotations(*, article: Article, fuzzy_threshold: float = 0.9) -> dict:
    """Find every annotation's passage again in the article's current text.

    Only annotations anchored in another version of the text are looked at, so calling
    this when nothing changed costs one query. Returns the count per outcome.
    """
    current = text_hash(article.body)
    counts: dict[str, int] = {}
    stale = Annotation.objects.filter(article=article).exclude(anchored_text_hash=current)
    with transaction.atomic():
        for annotation in stale.select_for_update():
            outcome = _reanchor_one(annotation, article.body, current, fuzzy_threshold)
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def annotations_reanchor_sweep(*, limit: int = 1000) -> int:
    """Re-anchor the annotations of articles whose text changed without a save (an
    ``update()`` or a script), which the post_save receiver never saw; up to ``limit``
    articles a run, the next run takes the rest. Returns how many articles were done."""
    done = 0
    annotated = Article.objects.filter(annotations__isnull=False).distinct().order_by("pk")
    for article in annotated.only("pk", "body").iterator(chunk_size=200):
        current = text_hash(article.body)
        if Annotation.objects.filter(article=article).exclude(anchored_text_hash=current).exists():
            article_reanchor_annotations(article=article)
            done += 1
            if done >= limit:
                break
    return done


def _reanchor_one(annotation: Annotation, body: str, current: str, threshold: float) -> str:
    # An orphan keeps its original quote and its last offsets as the hint of where it was.
    hint = annotation.start if annotation.start is not None else 0
    selector = anchoring.Selector(
        exact=annotation.exact,
        prefix=annotation.prefix,
        suffix=annotation.suffix,
        start=hint,
        end=hint + len(annotation.exact),
    )
    anchor = anchoring.reanchor(selector, body, fuzzy_threshold=threshold)
    before = {"exact": annotation.exact, "start": annotation.start, "end": annotation.end}
    fields: dict = {"anchor_status": anchor.outcome, "anchored_text_hash": current}
    if anchor.outcome == anchoring.ORPHANED:
        fields |= {"start": None, "end": None}
    else:
        new = anchoring.selector_for(body, anchor.start, anchor.end)
        fields |= {
            "start": new.start,
            "end": new.end,
            "exact": new.exact,
            "prefix": new.prefix,
            "suffix": new.suffix,
        }
    # Anchoring fields only: an edit of the body in flight is not made stale by this.
    Annotation.objects.filter(pk=annotation.pk).update(**fields)
    after = {key: fields.get(key, before[key]) for key in before}
    _record(
        annotation,
        None,
        Change.Action.REANCHORED,
        {"outcome": anchor.outcome, "score": anchor.score} | _diff(before, after),
    )
    return anchor.outcome


# --- Assignments ------------------------------------------------------------------------


@transaction.atomic
def assignment_create(
    *,
    creator,
    analysts: Iterable,
    article: Article | None = None,
    event: Event | None = None,
    blind: bool = True,
    instructions: str = "",
) -> Assignment:
    _require(creator, EDITOR, "Assigning annotation work")
    if (article is None) == (event is None):
        raise AnnotationError("Assign either an article or an event.")
    analysts = list(analysts)
    if len(analysts) < 1:
        raise AnnotationError("Choose at least one analyst.")
    for analyst in analysts:
        if not has_role(analyst, ANALYST):
            raise AnnotationError(f"{analyst.get_username()} does not have the Analyst role.")
        # Editors review, adjudicate and export everyone's annotations: those pages must
        # show them everything, so they cannot be kept blind, and blind work is for
        # analysts only (an open assignment may include editors).
        if blind and has_role(analyst, EDITOR):
            raise AnnotationError(
                f"{analyst.get_username()} is an editor, who sees every analyst's annotations "
                "on the review pages; give editors open assignments, not blind ones."
            )
    assignment = Assignment.objects.create(
        article=article,
        event=event,
        blind=blind,
        instructions=instructions.strip(),
        created_by=creator,
    )
    assignment.articles.set([article] if article else list(event.articles.all()))
    AssignmentMember.objects.bulk_create(
        AssignmentMember(assignment=assignment, analyst=a) for a in analysts
    )
    return assignment


def _open_blind(assignments):
    return assignments.filter(blind=True, members__submitted_at=None).distinct()


def _refusal(assignment: Assignment, what: str) -> EventChangeRefused:
    return EventChangeRefused(
        f"{what} would change the blind assignment of “{assignment.subject}” (#{assignment.pk}), "
        "which analysts are still working on; wait until they have all submitted it."
    )


def assignments_check_articles_leaving(*, article_ids: list[int], event_ids) -> None:
    """Refuse to take an article out of an event while a blind assignment of that event
    that was given with the article is open (analysts compare the event's articles)."""
    assignment = _open_blind(
        Assignment.objects.filter(event_id__in=event_ids, articles__in=article_ids)
    ).first()
    if assignment is not None:
        raise _refusal(assignment, "Moving this article out of its event")


def assignments_merge_events(*, target: Event, others: list[Event]) -> None:
    """Before events merge: refuse while one of them has an open blind assignment, else
    move the merged events' assignments to the surviving event (their articles are fixed)."""
    involved = [target.pk, *(e.pk for e in others)]
    assignment = _open_blind(Assignment.objects.filter(event_id__in=involved)).first()
    if assignment is not None:
        raise _refusal(assignment, "Merging these events")
    Assignment.objects.filter(event__in=others).update(event=target)


def assignment_submit(*, assignment: Assignment, analyst) -> AssignmentMember:
    member = assignment.members.filter(analyst=analyst).first()
    if member is None:
        raise PermissionDenied("You are not one of the analysts of this assignment.")
    if member.submitted_at is None:
        member.submitted_at = timezone.now()
        member.save(update_fields=["submitted_at"])
    return member


@transaction.atomic
def lexicon_additions_apply(*, directory=None) -> dict[str, str]:
    """Write the pending additions into their lexicon files; scorer -> new version."""

    directory = directory or lexicons.LEXICONS
    versions: dict[str, str] = {}
    pending = LexiconAddition.objects.select_for_update().filter(applied_version="")
    by_scorer: dict[str, list[LexiconAddition]] = {}
    for addition in pending:
        by_scorer.setdefault(addition.scorer, []).append(addition)
    for scorer, additions in by_scorer.items():
        version = lexicons.write_additions(
            scorer, [(a.family, a.phrase, a.weight) for a in additions], directory
        )
        LexiconAddition.objects.filter(pk__in=[a.pk for a in additions]).update(
            applied_version=version
        )
        versions[scorer] = version
    return versions
