from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from newsdesk.dates import CEILING, EARLIEST, ImplausibleDate, published_utc
from newsdesk.outlet_names import normalise as normalise_name
from newsdesk.signals import articles_deleting


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
        """A rating comes with its provenance: the register shows where each one is from.
        The name has one spelling (see newsdesk.outlet_names)."""
        self.name = normalise_name(self.name)
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
    a law and the boycott that follows. Linked automatically (events/storylines.py) and
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


class LanguageSource(models.TextChoices):
    DETECTED = "detected", "Detected from the text"
    PAGE = "page", "Declared by the page"
    OUTLET = "outlet", "The outlet's language"
    PERSON = "person", "Set by a person"


def validate_published(value) -> None:
    # The admin's form runs this; the ingestion services call published_utc directly.
    try:
        published_utc(value)
    except ImplausibleDate as exc:
        raise ValidationError(str(exc).capitalize() + ".", code="implausible_date") from None


class ArticleQuerySet(models.QuerySet):
    def delete(self):
        # Receivers learn which articles go, in the same transaction: what they keep
        # about them (the grouping's document frequencies) must not outlive them.
        if not articles_deleting.has_listeners(Article):
            return super().delete()
        with transaction.atomic():
            article_ids = list(self.order_by().values_list("pk", flat=True))
            if article_ids:
                articles_deleting.send(sender=Article, article_ids=article_ids)
            return super().delete()


class Article(models.Model):
    outlet = models.ForeignKey(
        Outlet, models.PROTECT, null=True, blank=True, related_name="articles"
    )
    # NULL rather than "" when absent, so that the unique constraint ignores it.
    url = models.URLField(max_length=1000, null=True, blank=True, unique=True)
    headline = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    dateline = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(
        null=True, blank=True, db_index=True, validators=[validate_published]
    )
    # ISO 639-1 code; "" when neither the text nor the outlet says. The scorers run only
    # on the languages they declare (analysis.scoring.register).
    language = models.CharField(max_length=12, blank=True)
    language_source = models.CharField(max_length=10, choices=LanguageSource.choices, blank=True)
    # What the detector said, kept when a person corrects it: its guess ("" if unsure)
    # and the probability it gave that guess.
    language_detected = models.CharField(max_length=12, blank=True)
    language_confidence = models.FloatField(null=True, blank=True)
    language_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language_set_at = models.DateTimeField(null=True, blank=True)
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
    # When a second look moved it into its event (events.grouping.articles_second_look),
    # which the event page says; NULL if the machine put it there the first time.
    event_moved_at = models.DateTimeField(null=True, blank=True)
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
    # The scoring batch (analysis.ScoringBatch) whose progress counts this article's
    # scoring: a plain id, as the newsroom's models know nothing of the analysis app.
    scoring_batch_id = models.PositiveIntegerField(null=True, blank=True)
    # Scoring tasks that began on it since it was queued and have not finished: one
    # left behind by a worker killed mid-chunk makes the next task isolate the article.
    scoring_attempts = models.PositiveSmallIntegerField(default=0)
    # When the last of those began: one that began less than the task's time limit ago
    # may still be running in another delivery of the same work.
    scoring_started_at = models.DateTimeField(null=True, blank=True)
    # When grouping last indexed it (and placed it, if it had no event); the sweep
    # sends scored articles that grouping never reached.
    grouped_at = models.DateTimeField(null=True, blank=True)
    # When grouping last placed it again with its neighbours among the events as they
    # then stood (events.grouping.articles_second_look); NULL once placed: one is due.
    second_look_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # Undated articles last on every database (PostgreSQL puts NULLs first by default).
        ordering = [models.F("published_at").desc(nulls_last=True), "-id"]
        # Indexes for the list's order (newest first, undated last) are created on
        # PostgreSQL by migration 0004: SQLite cannot index NULLS LAST. No index on the
        # scoring fields: scoring's updates of a row are then written in place (0017).
        indexes = [
            # The articles placed since the worker's last second look, oldest first
            # (events.services.events_second_look).
            models.Index(
                fields=["published_at"],
                condition=models.Q(grouped_at__isnull=False, second_look_at__isnull=True),
                name="article_second_look_due",
            ),
            # The blindspots' tally of each event's outlets reads it alone, copies left
            # out (events.outlet_report.coverage_tallies; migration 0019).
            models.Index(
                fields=["event", "outlet"],
                condition=models.Q(copy_kind=""),
                name="article_coverage",
            ),
        ]
        constraints = [
            # The floor of newsdesk.dates and a fixed ceiling (a constraint has no clock).
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True)
                | models.Q(published_at__gte=EARLIEST, published_at__lt=CEILING),
                name="article_published_plausible",
                violation_error_message="The publication date is outside the range taken.",
            )
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("article-detail", args=[self.pk])

    def delete(self, using=None, keep_parents=False):
        # As ArticleQuerySet.delete: receivers learn of it in the same transaction.
        with transaction.atomic():
            if self.pk is not None:
                articles_deleting.send(sender=Article, article_ids=[self.pk])
            return super().delete(using=using, keep_parents=keep_parents)

    @property
    def is_demo(self) -> bool:
        return bool(self.meta.get("demo"))

    def word_count(self) -> int:
        return len(self.body.split())


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


class IngestJob(models.Model):
    """An import file or a URL to fetch, worked through by a task while its page (or the
    API) shows its progress and, at the end, what became of every row."""

    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        URL = "url", "Fetch by URL"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The file's name, or the URL.
    name = models.CharField(max_length=1000)
    # The file's decoded text (or the URL), emptied once the job is done.
    source = models.TextField(blank=True)
    outlet = models.ForeignKey(Outlet, models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Rows in the file (known once a worker has counted them), and the last row handled:
    # a task stopped midway resumes after it.
    total = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    stored = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    # Why the whole job failed (a CSV without a text column); rows' reasons are on them.
    error = models.TextField(blank=True)
    # The scoring batch (analysis.ScoringBatch) of the stored articles, by id.
    scoring_batch_id = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Every step saves it: the sweep re-sends a job that has not moved for long.
    updated_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "updated_at"], name="ingestjob_status_updated")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("ingest-job", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def handled(self) -> int:
        return self.stored + self.duplicates + self.refused

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.position / self.total))


class IngestJobRow(models.Model):
    """What became of one row of an import (or of a fetched URL): stored, a duplicate of
    a stored article, or refused with the reason."""

    class Outcome(models.TextChoices):
        STORED = "stored", "Stored"
        DUPLICATE = "duplicate", "Already stored"
        REFUSED = "refused", "Refused"

    job = models.ForeignKey(IngestJob, models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    detail = models.TextField(blank=True)
    article = models.ForeignKey(Article, models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="one_outcome_per_job_row")
        ]

    def __str__(self) -> str:
        return f"Row {self.number}: {self.outcome}"
