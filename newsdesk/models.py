from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Leaning(models.TextChoices):
    LEFT = "left", "Left"
    LEAN_LEFT = "lean_left", "Lean left"
    CENTER = "center", "Center"
    LEAN_RIGHT = "lean_right", "Lean right"
    RIGHT = "right", "Right"


class Reliability(models.TextChoices):
    HIGH = "high", "High"
    MIXED = "mixed", "Mixed"
    LOW = "low", "Low"


class OutletQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        # Receivers learn of bulk edits too (the comparisons show outlets' details).
        from newsdesk.signals import outlets_updated

        if not outlets_updated.has_listeners(Outlet):
            return super().update(**kwargs)
        outlet_ids = list(self.values_list("pk", flat=True))
        count = super().update(**kwargs)
        if outlet_ids:
            outlets_updated.send(sender=Outlet, outlet_ids=outlet_ids, fields=frozenset(kwargs))
        return count


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166 alpha-2 code")
    language = models.CharField(max_length=12, blank=True, default="en")
    owner = models.CharField("owner / parent company", max_length=200, blank=True)
    state_affiliated = models.BooleanField(default=False)
    leaning = models.CharField(max_length=12, choices=Leaning.choices, blank=True)
    leaning_source = models.CharField(max_length=300, blank=True)
    leaning_rated_on = models.DateField(null=True, blank=True)
    reliability = models.CharField(max_length=8, choices=Reliability.choices, blank=True)
    reliability_source = models.CharField(max_length=300, blank=True)
    reliability_rated_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    is_active = models.BooleanField(
        default=True, help_text="Outlets created by imports start inactive until curated."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OutletQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outlet-detail", args=[self.slug])

    def clean(self) -> None:
        """A rating comes with its provenance: the register shows where each one is from."""
        errors = {}
        for rating, source in (
            ("leaning", "leaning_source"),
            ("reliability", "reliability_source"),
        ):
            if getattr(self, rating) and not getattr(self, source).strip():
                errors[source] = f"Say where the {rating} rating comes from (a rater, a URL)."
        if errors:
            raise ValidationError(errors)


class OutletDomain(models.Model):
    outlet = models.ForeignKey(Outlet, models.CASCADE, related_name="domains")
    domain = models.CharField(max_length=253, unique=True)

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs) -> None:
        self.domain = self.domain.strip().lower().removeprefix("www.")
        super().save(*args, **kwargs)


class Feed(models.Model):
    """An outlet's RSS or Atom feed, polled by Celery beat (see newsdesk/feeds.py)."""

    outlet = models.ForeignKey(Outlet, models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=1000, unique=True)
    is_active = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(
        "poll every (minutes)",
        default=30,
        validators=[MinValueValidator(1)],
        help_text="Doubled after each failed poll, up to a day.",
    )
    # Empty means due now. A poll in progress pushes this forward (its lease), so that
    # the dispatcher does not send it twice; the poll then sets the real next time.
    next_poll_at = models.DateTimeField(null=True, blank=True)
    # While set and in the future, a poll holds the feed; one that died lets go when it passes.
    polling_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Conditional requests: the validators the server sent with the last full answer.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(
        default=0, help_text="Failed polls in a row; zero after a success."
    )
    last_result = models.CharField(max_length=500, blank=True)
    articles_found = models.PositiveIntegerField(
        default=0, help_text="New articles stored from this feed, all polls together."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]
        indexes = [models.Index(fields=["is_active", "next_poll_at"])]

    def __str__(self) -> str:
        return self.url

    def health(self, now=None) -> str:
        """One word or two for the admin: how the feed's polling is going."""
        now = now or timezone.now()
        if self.polling_until and self.polling_until > now:
            return "polling"
        if not self.is_active:
            return "inactive"
        if self.failures:
            return f"failing ×{self.failures}"
        if self.last_success_at is None:
            return "not polled yet"
        return "ok"


class Storyline(models.Model):
    """Related events told over days or weeks: a budget standoff's start, its days, its end;
    a law and the boycott that follows. Linked automatically (newsdesk/storylines.py) and
    by hand; a locked storyline is left alone by the machine."""

    title = models.CharField(max_length=300)
    locked = models.BooleanField(
        default=False, help_text="Automatic linking neither adds nor removes events."
    )
    # A person chose the title: relinking does not rename it after its first event.
    title_set_by_person = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("storyline-detail", args=[self.pk])


class Event(models.Model):
    title = models.CharField(max_length=300)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    locked = models.BooleanField(
        default=False, help_text="Automatic grouping neither adds nor removes articles."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    storyline = models.ForeignKey(
        Storyline, models.SET_NULL, null=True, blank=True, related_name="events"
    )
    # Who linked it (or took it out of every storyline): the machine or a person. The
    # machine never changes what a person set.
    storyline_source = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = [models.F("starts_on").desc(nulls_last=True), "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("event-detail", args=[self.pk])


class IngestMethod(models.TextChoices):
    PASTE = "paste", "Pasted text"
    UPLOAD = "upload", "Uploaded file"
    URL = "url", "Fetched URL"
    FEED = "feed", "Feed"
    BULK = "bulk", "Bulk import"


class MembershipSource(models.TextChoices):
    MACHINE = "machine", "Grouped automatically"
    PERSON = "person", "Set by a person"


class CopyKind(models.TextChoices):
    UPDATE = "update", "Update of the outlet's own article"
    SYNDICATED = "syndicated", "Syndicated copy"


class ScoringStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    QUEUED = "queued", "Queued"
    SCORED = "scored", "Scored"
    FAILED = "failed", "Failed"


class Article(models.Model):
    outlet = models.ForeignKey(
        Outlet, models.PROTECT, null=True, blank=True, related_name="articles"
    )
    # NULL rather than "" when absent, so that the unique constraint ignores it.
    url = models.URLField(max_length=1000, null=True, blank=True, unique=True)
    headline = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    dateline = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    language = models.CharField(max_length=12, blank=True)
    body = models.TextField()
    raw = models.TextField(help_text="The input exactly as received.")
    captions = models.JSONField(default=list, blank=True)
    credits = models.JSONField(default=list, blank=True)
    removed_lines = models.JSONField(default=list, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    ingest_method = models.CharField(max_length=10, choices=IngestMethod.choices)
    meta = models.JSONField(default=dict, blank=True)
    event = models.ForeignKey(
        Event, models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    # Where the event membership came from: the machine (with its similarity) or a person.
    event_source = models.CharField(max_length=10, choices=MembershipSource.choices, blank=True)
    event_similarity = models.FloatField(null=True, blank=True)
    event_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    event_set_at = models.DateTimeField(null=True, blank=True)
    # An update or a syndicated copy is not independent coverage of its event.
    copy_of = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    copy_kind = models.CharField(max_length=12, choices=CopyKind.choices, blank=True)
    scoring_status = models.CharField(
        max_length=10, choices=ScoringStatus.choices, default=ScoringStatus.PENDING
    )
    scoring_error = models.TextField(blank=True)
    # When it was last sent to the workers: the sweep re-sends articles queued too long.
    scoring_queued_at = models.DateTimeField(null=True, blank=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Undated articles last on every database (PostgreSQL puts NULLs first by default).
        ordering = [models.F("published_at").desc(nulls_last=True), "-id"]
        # Indexes for the list's order (newest first, undated last) are created on
        # PostgreSQL by migration 0004: SQLite cannot index NULLS LAST.
        indexes = [models.Index(fields=["scoring_status"])]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("article-detail", args=[self.pk])

    @property
    def is_demo(self) -> bool:
        return bool(self.meta.get("demo"))

    def word_count(self) -> int:
        return len(self.body.split())


class ArticleTerm(models.Model):
    """The inverted index behind event grouping: an article's distinctive terms.

    Looking up candidates by term within a date window costs the same with a thousand or
    a million stored articles.
    """

    article = models.ForeignKey(Article, models.CASCADE, related_name="terms")
    term = models.CharField(max_length=80)
    weight = models.FloatField(default=1.0)
    # The article's publication time, copied when it is indexed, so that the postings of
    # a term within a date window are one range of the index below (PostgreSQL reads
    # them without visiting the table).
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "term"], name="one_term_per_article")
        ]
        indexes = [
            models.Index(fields=["term", "article"]),
            models.Index(
                fields=["term", "published_at"],
                include=["article", "weight"],
                name="articleterm_term_window",
            ),
        ]

    def __str__(self) -> str:
        return self.term


class ArticleEdit(models.Model):
    """One change of an article's details by a person, kept as its history."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="edits")
    field = models.CharField(max_length=40)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.field} of article {self.article_id}"
