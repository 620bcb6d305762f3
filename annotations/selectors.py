"""Reads: which annotations a person sees, suggestions, agreement, review units."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from analysis.models import Score
from annotations import agreement
from annotations.feedback import suppressed_cues
from annotations.lexicons import CUE_DEFAULT_LABEL, CUE_LABELS
from annotations.models import (
    Annotation,
    Assignment,
    AssignmentMember,
    Reply,
    SuggestionDecision,
    Verdict,
    text_hash,
)
from newsdesk.models import Article

CLAIM_LABEL = "Claim"


def assignments_covering(*, article: Article) -> QuerySet[Assignment]:
    """The assignments given with this article among their articles, fixed when each was
    made: moving the article out of an assigned event does not lift its blindness."""
    return Assignment.objects.filter(articles=article)


def _articles_blind_to(*, user) -> QuerySet:
    """The ids of the articles given to ``user`` in a blind assignment they have not
    submitted yet (the articles fixed when each was made)."""
    return Assignment.articles.through.objects.filter(
        assignment__blind=True,
        assignment__members__analyst=user,
        assignment__members__submitted_at=None,
    ).values("article_id")


def blind_for(*, article: Article, user) -> bool:
    """Whether ``user`` must not see others' annotations of this article yet.

    True while they are a member of a blind assignment given with it (an article's, or
    an event's when it held the article) and have not submitted it.
    """
    return _articles_blind_to(user=user).filter(article=article).exists()


def membership_for(*, article: Article, user) -> AssignmentMember | None:
    return (
        AssignmentMember.objects.filter(
            assignment__in=assignments_covering(article=article), analyst=user
        )
        .select_related("assignment")
        .order_by("submitted_at", "-assignment__created_at")
        .first()
    )


def annotation_editable_by(*, annotation: Annotation, user) -> bool:
    """Only the analyst who made an annotation edits, re-attaches or deletes it, whatever
    their role (the services also refuse once their blind assignment is submitted)."""
    return annotation.creator_id is not None and annotation.creator_id == getattr(user, "pk", None)


def article_text_is_current(*, article: Article, seen_hash: str) -> bool:
    """Whether a change was made on the text the article has now: ``seen_hash`` is the
    ``text_hash`` the page (or an API client) was given; none given is not checked."""
    return not seen_hash or seen_hash == text_hash(article.body)


def annotations_final(*, article: Article, user) -> bool:
    """Whether the user's annotations on the article are final: they submitted a blind
    assignment covering it. The services refuse changes then; the panel offers none."""
    return (
        AssignmentMember.objects.filter(
            assignment__in=assignments_covering(article=article).filter(blind=True),
            analyst=user,
        )
        .exclude(submitted_at=None)
        .exists()
    )


def annotations_readable(*, user) -> QuerySet[Annotation]:
    """The annotations ``user`` may read, on every page, export and the API: all but
    others' annotations of the articles they are blind to (``blind_for``)."""
    hidden = Q(article__in=_articles_blind_to(user=user)) & ~Q(creator=user)
    return Annotation.objects.exclude(hidden)


def annotations_visible(*, article: Article, user) -> QuerySet[Annotation]:
    return annotations_readable(user=user).filter(article=article)


@dataclass
class PanelFilters:
    label: str = ""
    annotator: str = ""
    verdict: str = ""

    @classmethod
    def from_query(cls, query) -> PanelFilters:
        """From the filter form's fields (``f_label`` etc.: not to clash with a form's)."""
        verdict = query.get("f_verdict", "")
        return cls(
            label=query.get("f_label", "")[:60],
            annotator=query.get("f_annotator", "")[:150],
            verdict=verdict if verdict in Verdict.values else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.label or self.annotator or self.verdict)


def annotations_for_panel(
    *, article: Article, user, filters: PanelFilters | None = None
) -> QuerySet[Annotation]:
    """The annotations of the side panel in text order (orphans last), filtered."""
    queryset = annotations_visible(article=article, user=user)
    if filters:
        if filters.label:
            queryset = queryset.filter(label__name=filters.label)
        if filters.annotator:
            queryset = queryset.filter(creator__username=filters.annotator)
        if filters.verdict:
            queryset = queryset.filter(verdict=filters.verdict)
    return queryset.select_related("creator", "label", "reviewed_by").prefetch_related(
        Prefetch("replies", queryset=Reply.objects.select_related("creator")),
        "changes__actor",
    )


def annotators_of(*, article: Article, user) -> list[str]:
    users = get_user_model().objects.filter(
        pk__in=annotations_visible(article=article, user=user).values("creator")
    )
    return sorted(u.get_username() for u in users)


# --- Suggestions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    key: str
    kind: str  # "claim" or "cue"
    start: int
    end: int
    text: str
    label: str
    note: str
    scorer: str = "claims"
    family: str = ""
    cue: str = ""


# Frame cues suggested per frame the framing scorer finds present (its heaviest ones).
FRAME_CUES_SUGGESTED = 3


def suggestions_for_article(*, article: Article, user) -> list[Suggestion]:
    """Claim candidates, persuasion cues and the cues of the frames present, from the
    stored scores, not yet accepted or dismissed by ``user``, in text order. Evidence from
    another version of the text is skipped, and so are the cues the newsroom keeps
    dismissing (``annotations.feedback.suppressed_cues``)."""

    scores = {
        s.scorer: s
        for s in Score.objects.filter(
            article=article, scorer__in=["claims", "persuasion", "framing"]
        )
    }
    body = article.body
    found: list[Suggestion] = []
    claims = scores.get("claims")
    if claims:
        for claim in claims.evidence.get("claims", []):
            start, end = claim.get("start"), claim.get("end")
            if not _fits(body, start, end):
                continue
            reason = claim.get("reason", "")
            attributed = {True: "attributed", False: "unattributed"}.get(
                claim.get("attributed"), "attribution unknown in this language"
            )
            found.append(
                Suggestion(
                    key=f"claims v{claims.version} {start}:{end}",
                    kind="claim",
                    start=start,
                    end=end,
                    text=body[start:end],
                    label=CLAIM_LABEL,
                    note=f"Check-worthy claim found by the claims scorer ({reason}, {attributed}).",
                )
            )
    persuasion = scores.get("persuasion")
    if persuasion:
        for cue in persuasion.evidence.get("cues", []):
            start, end, family = cue.get("start"), cue.get("end"), cue.get("family", "")
            if not _fits(body, start, end):
                continue
            found.append(
                Suggestion(
                    key=f"persuasion v{persuasion.version} {start}:{end} {family}",
                    kind="cue",
                    start=start,
                    end=end,
                    text=body[start:end],
                    label=CUE_LABELS.get(family, CUE_DEFAULT_LABEL),
                    note=f"Persuasion cue ({family.replace('_', ' ')}) found by the scorer.",
                    scorer="persuasion",
                    family=family,
                    cue=cue.get("cue", ""),
                )
            )
    framing = scores.get("framing")
    if framing:
        found += _frame_suggestions(framing, body)
    taken = set(
        Annotation.objects.filter(article=article, creator=user)
        .exclude(suggestion="")
        .values_list("suggestion", flat=True)
    )
    taken |= set(
        SuggestionDecision.objects.filter(article=article, user=user).values_list("key", flat=True)
    )
    suppressed = suppressed_cues()
    return sorted(
        (s for s in found if s.key not in taken and (s.scorer, s.family, s.cue) not in suppressed),
        key=lambda s: (s.start, s.end, s.kind),
    )


def _frame_suggestions(framing: Score, body: str) -> list[Suggestion]:
    present = framing.values.get("frames_present") or []
    found = []
    for frame in present:
        cues = [
            c
            for c in framing.evidence.get("cues", [])
            if c.get("frame") == frame and _fits(body, c.get("start"), c.get("end"))
        ]
        cues.sort(key=lambda c: (-c.get("weight", 0), c["start"]))
        # Each cue word once, at its first place: "soldiers" four times is one suggestion.
        seen: set[str] = set()
        distinct = []
        for cue in cues:
            word = body[cue["start"] : cue["end"]].lower()
            if word not in seen:
                seen.add(word)
                distinct.append(cue)
        for cue in distinct[:FRAME_CUES_SUGGESTED]:
            start, end = cue["start"], cue["end"]
            found.append(
                Suggestion(
                    key=f"framing v{framing.version} {start}:{end} {frame}",
                    kind="cue",
                    start=start,
                    end=end,
                    text=body[start:end],
                    label=CUE_DEFAULT_LABEL,
                    note=f"Cue of the {frame.replace('_', ' ')} frame found by the scorer.",
                    scorer="framing",
                    family=frame,
                    cue=cue.get("cue", ""),
                )
            )
    return found


def _fits(body: str, start, end) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)


# --- Agreement --------------------------------------------------------------------------

# Articles are laid end to end with this gap so that spans of different articles never
# overlap: a unit (a passage several analysts marked) stays within one article.
_ARTICLE_GAP = 1_000


@dataclass
class PairAgreement:
    a: str
    b: str
    label_kappa: float | None
    verdict_kappa: float | None
    label_alpha: float | None = None
    verdict_alpha: float | None = None

    @property
    def figures(self) -> tuple[float | None, ...]:
        """In the order of the page's columns."""
        return self.label_alpha, self.verdict_alpha, self.label_kappa, self.verdict_kappa


@dataclass
class AgreementReport:
    annotators: list[str]
    annotation_count: int
    unit_count: int
    shared_unit_count: int
    label_alpha: float | None
    verdict_alpha: float | None
    pairs: list[PairAgreement] = field(default_factory=list)


def agreement_annotations(*, articles: Iterable[Article]) -> QuerySet[Annotation]:
    """The analysts' own judgements: anchored, not adjudications."""
    return (
        Annotation.objects.filter(article__in=list(articles), is_adjudication=False)
        .exclude(start=None)
        .select_related("creator", "label")
    )


def agreement_spans(annotations: Iterable[Annotation], offsets: dict[int, int]) -> list:
    return [
        agreement.Span(
            annotator=a.creator.get_username(),
            start=a.start + offsets[a.article_id],
            end=a.end + offsets[a.article_id],
            label=a.label.name,
            verdict=a.verdict or None,
        )
        for a in annotations
    ]


def agreement_report(*, articles: Iterable[Article]) -> AgreementReport:
    """Krippendorff's alpha (labels, verdicts) over all analysts and per pair, and
    Cohen's kappa per pair."""
    articles = list(articles)
    offsets, cursor = {}, 0
    for article in articles:
        offsets[article.pk] = cursor
        cursor += len(article.body) + _ARTICLE_GAP
    annotations = list(agreement_annotations(articles=articles))
    spans = agreement_spans(annotations, offsets)
    names = sorted({s.annotator for s in spans})
    found_units = agreement.units(spans)
    pairs = []
    for a, b in combinations(names, 2):
        theirs = [s for s in spans if s.annotator in (a, b)]
        pairs.append(
            PairAgreement(
                a,
                b,
                label_kappa=agreement.cohen_kappa(spans, a, b, agreement.LABEL),
                verdict_kappa=agreement.cohen_kappa(spans, a, b, agreement.VERDICT),
                label_alpha=agreement.krippendorff_alpha(theirs, agreement.LABEL),
                verdict_alpha=agreement.krippendorff_alpha(theirs, agreement.VERDICT),
            )
        )
    return AgreementReport(
        annotators=names,
        annotation_count=len(annotations),
        unit_count=len(found_units),
        shared_unit_count=sum(len(u) >= 2 for u in found_units),
        label_alpha=agreement.krippendorff_alpha(spans, agreement.LABEL),
        verdict_alpha=agreement.krippendorff_alpha(spans, agreement.VERDICT),
        pairs=pairs,
    )


@dataclass
class ReviewUnit:
    """A passage several analysts marked (or one did), for the review page."""

    start: int
    end: int
    annotations: list[Annotation]
    adjudicated_by: list[Annotation]

    @property
    def disagrees(self) -> bool:
        answers = {(a.label.name, a.verdict) for a in self.annotations}
        return len(self.annotations) >= 2 and len(answers) > 1

    @property
    def settled(self) -> bool:
        return bool(self.adjudicated_by)


def review_units(*, article: Article) -> list[ReviewUnit]:
    annotations = list(agreement_annotations(articles=[article]).prefetch_related("changes__actor"))
    by_key: dict[tuple, list[Annotation]] = {}
    for a in annotations:
        by_key.setdefault((a.creator.get_username(), a.start, a.end), []).append(a)
    spans = agreement_spans(annotations, {article.pk: 0})
    adjudications = list(
        Annotation.objects.filter(article=article, is_adjudication=True)
        .select_related("creator", "label")
        .prefetch_related("adjudicates")
    )
    result = []
    used: set[int] = set()
    for unit in agreement.units(spans):
        members = []
        for span in unit.values():
            for a in by_key[(span.annotator, span.start, span.end)]:
                if a.pk not in used:
                    used.add(a.pk)
                    members.append(a)
                    break
        ids = {a.pk for a in members}
        settled = [adj for adj in adjudications if ids & {x.pk for x in adj.adjudicates.all()}]
        result.append(
            ReviewUnit(
                start=min(a.start for a in members),
                end=max(a.end for a in members),
                annotations=sorted(members, key=lambda a: a.creator.get_username()),
                adjudicated_by=settled,
            )
        )
    return result
