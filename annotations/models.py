"""Annotations of article passages, after the W3C Web Annotation data model.

An :class:`Annotation` targets one article through a TextQuoteSelector (``exact``,
``prefix``, ``suffix``) and a TextPositionSelector (``start``, ``end``, code points of
``Article.body``); its body is a label from the admins' vocabulary, a verdict for
labels that take one, a confidence, a note and evidence links. When the article text
changes, ``annotations.services.article_reanchor_annotations`` finds each passage again
or marks the annotation orphaned (``start``/``end`` empty, the original quote kept).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q

from newsdesk.models import Article, Event


def text_hash(text: str) -> str:
    """The exact text an annotation was anchored in (unlike content_hash, not normalised)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Label(models.Model):
    """The vocabulary analysts label passages with; admins manage it."""

    name = models.CharField(max_length=60, unique=True)
    description = models.CharField(max_length=300, blank=True)
    takes_verdict = models.BooleanField(
        default=False, help_text="Ask for a verdict (accurate, misleading, ...), as for claims."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the form.")
    is_active = models.BooleanField(default=True, help_text="Inactive labels are not offered.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Verdict(models.TextChoices):
    # What a claim's verdict is until somebody has checked it: saying so, rather than
    # leaving it blank, keeps "not checked" apart from "no verdict asked for".
    UNVERIFIED = "unverified", "Not yet verified"
    ACCURATE = "accurate", "Accurate"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"
    UNVERIFIABLE = "unverifiable", "Unverifiable"
    OPINION = "opinion", "Opinion"


class Confidence(models.IntegerChoices):
    LOW = 1, "Low"
    MEDIUM = 2, "Medium"
    HIGH = 3, "High"


class AnchorStatus(models.TextChoices):
    # The outcomes of annotations.anchoring.reanchor, plus the state at creation.
    CREATED = "created", "As created"
    POSITION = "position", "Same place"
    QUOTE = "quote", "Found by its quote"
    FUZZY = "fuzzy", "Found a near-identical passage"
    ORPHANED = "orphaned", "Orphaned: passage not found"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Not reviewed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    ADJUDICATED = "adjudicated", "Settled by adjudication"


class Origin(models.TextChoices):
    HUMAN = "human", "Human"
    MACHINE = "machine", "Machine-suggested, human-confirmed"


class Annotation(models.Model):
    article = models.ForeignKey(Article, models.CASCADE, related_name="annotations")
    creator = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    # Target: TextQuoteSelector and TextPositionSelector (empty when orphaned).
    exact = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    anchor_status = models.CharField(
        max_length=10, choices=AnchorStatus.choices, default=AnchorStatus.CREATED
    )
    anchored_text_hash = models.CharField(max_length=64)
    # Body.
    label = models.ForeignKey(Label, models.PROTECT, related_name="annotations")
    verdict = models.CharField(max_length=12, choices=Verdict.choices, blank=True)
    confidence = models.PositiveSmallIntegerField(
        choices=Confidence.choices, default=Confidence.MEDIUM
    )
    note = models.TextField(blank=True)
    links = models.JSONField(default=list, blank=True)
    # Where it came from: a person, or a scorer's suggestion a person confirmed.
    origin = models.CharField(max_length=8, choices=Origin.choices, default=Origin.HUMAN)
    suggestion = models.CharField(
        max_length=80, blank=True, help_text='e.g. "claims v1 120:188" for a confirmed suggestion'
    )
    # Review by an editor; an adjudicated annotation settles the ones it lists.
    review_status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)
    is_adjudication = models.BooleanField(default=False)
    adjudicates = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="+")
    # Optimistic locking: every change bumps it; an edit based on an older one is refused.
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("start").asc(nulls_last=True), "end", "id"]
        indexes = [models.Index(fields=["article", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__isnull=False, start__lt=models.F("end")),
                name="annotation_span_is_whole",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} on “{self.exact[:40]}”"

    @property
    def is_orphaned(self) -> bool:
        return self.start is None


class Reply(models.Model):
    """A comment on an annotation (a W3C annotation with motivation "replying")."""

    annotation = models.ForeignKey(Annotation, models.CASCADE, related_name="replies")
    creator = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return self.text[:60]


class Change(models.Model):
    """One entry of an annotation's history: who did what, when, with what values.

    Kept when the annotation is deleted (``annotation`` becomes empty, ``annotation_ref``
    keeps its id).
    """

    class Action(models.TextChoices):
        CREATED = "created", "created"
        CONFIRMED = "confirmed", "confirmed a machine suggestion"
        EDITED = "edited", "edited"
        DELETED = "deleted", "deleted"
        REPLIED = "replied", "replied"
        REANCHORED = "reanchored", "re-anchored after a text change"
        REATTACHED = "reattached", "re-attached"
        ACCEPTED = "accepted", "accepted"
        REJECTED = "rejected", "rejected"
        ADJUDICATED = "adjudicated", "adjudicated"

    annotation = models.ForeignKey(
        Annotation, models.SET_NULL, null=True, blank=True, related_name="changes"
    )
    annotation_ref = models.PositiveBigIntegerField(db_index=True)
    article = models.ForeignKey(Article, models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=12, choices=Action.choices)
    data = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.actor or 'Newsdesk'} {self.get_action_display()} #{self.annotation_ref}"


class Assignment(models.Model):
    """An article or an event given to several analysts to annotate independently."""

    article = models.ForeignKey(
        Article, models.CASCADE, null=True, blank=True, related_name="annotation_assignments"
    )
    # PROTECT: deleting (or merging away) an event must not drop the work assigned on it;
    # event_merge moves assignments to the surviving event.
    event = models.ForeignKey(
        Event, models.PROTECT, null=True, blank=True, related_name="annotation_assignments"
    )
    # The articles the analysts were given, fixed when the assignment is made (the article,
    # or the event's articles then): who is blind to what does not follow later moves.
    articles = models.ManyToManyField(Article, blank=True, related_name="+")
    blind = models.BooleanField(
        default=True,
        help_text="Analysts do not see each other's annotations until they submit.",
    )
    instructions = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=True, event__isnull=False)
                | Q(article__isnull=False, event__isnull=True),
                name="assignment_has_article_or_event",
            )
        ]

    def __str__(self) -> str:
        return f"Assignment of {self.article or self.event}"

    @property
    def subject(self) -> Article | Event:
        return self.article or self.event

    @property
    def is_open(self) -> bool:
        """Blind with an analyst still to submit: the others' annotations are hidden."""
        return self.blind and self.members.filter(submitted_at=None).exists()


class AssignmentMember(models.Model):
    assignment = models.ForeignKey(Assignment, models.CASCADE, related_name="members")
    analyst = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["analyst__username"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "analyst"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.analyst} in {self.assignment}"


class SuggestionDecision(models.Model):
    """An analyst's answer to one machine suggestion: the evidence of the scorers' precision
    in this newsroom (see ``annotations.feedback``)."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    article = models.ForeignKey(Article, models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    key = models.CharField(max_length=80)
    scorer = models.CharField(max_length=20)
    family = models.CharField(max_length=40, help_text="Persuasion family or frame.")
    cue = models.CharField(max_length=120, help_text="The cue as the lexicon writes it.")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["scorer", "family", "cue"])]
        constraints = [
            models.UniqueConstraint(fields=["article", "user", "key"], name="one_decision")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.decision} {self.scorer} {self.family} “{self.cue}”"


class LexiconAddition(models.Model):
    """A phrase an admin added to a scorer's lexicon from the newsroom's annotations;
    ``manage.py lexicon_apply`` writes the pending ones into the lexicon file."""

    scorer = models.CharField(max_length=20)
    family = models.CharField(max_length=40)
    phrase = models.CharField(max_length=120)
    weight = models.FloatField(default=0.8)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True)
    added_at = models.DateTimeField(auto_now_add=True)
    applied_version = models.CharField(
        max_length=20, blank=True, help_text="The lexicon version that first held it."
    )

    class Meta:
        ordering = ["-added_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["scorer", "phrase"], name="one_addition_per_phrase")
        ]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.scorer} {self.family}"
