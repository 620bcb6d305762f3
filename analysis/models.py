from django.conf import settings
from django.db import models

from newsdesk.models import Article


class ScoreJSONField(models.JSONField):
    """A JSONField that PostgreSQL bulk inserts send as one parameter per row.

    Without get_placeholder(), Django packs each column into an array for UNNEST, and
    psycopg escapes large JSON documents inside arrays character by character in Python:
    that cost more CPU than scoring the articles (measured with bench/score.py --celery).
    """

    def get_placeholder(self, value, compiler, connection) -> str:
        return "%s"


class Score(models.Model):
    """One scorer's output for one article: numbers plus the evidence behind them."""

    # No index of its own: the unique (article, scorer) index serves lookups by article,
    # and one index fewer to write for each of the seven rows an article's scoring stores.
    article = models.ForeignKey(Article, models.CASCADE, related_name="scores", db_index=False)
    scorer = models.CharField(max_length=50)
    version = models.CharField(max_length=20)
    values = ScoreJSONField(default=dict)
    evidence = ScoreJSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["scorer"]
        constraints = [
            models.UniqueConstraint(fields=["article", "scorer"], name="one_score_per_scorer")
        ]

    def __str__(self) -> str:
        return f"{self.scorer} {self.version} for article {self.article_id}"


class ScoringBatch(models.Model):
    """A bulk (re)scoring request, counted as its tasks finish so the UI can show progress."""

    label = models.CharField(max_length=200)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # Articles it stopped waiting for: deleted, or taken by a later batch, before they
    # were scored (set by the sweep, which closes a batch that nothing can finish).
    abandoned = models.PositiveIntegerField(default=0)
    # A worker is still choosing and queueing the articles (the total grows meanwhile).
    preparing = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "scoring batches"

    def __str__(self) -> str:
        return self.label

    @property
    def finished(self) -> int:
        return min(self.done + self.failed, self.total)

    @property
    def percent(self) -> int:
        if not self.total:
            return 0 if self.preparing else 100
        return round(100 * self.finished / self.total)

    @property
    def is_running(self) -> bool:
        return self.preparing or self.finished + self.abandoned < self.total


class Actor(models.Model):
    """A curated actor: the detector merges its aliases and uses its kind."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        COUNTRY = "country", "Country"
        GROUP = "group", "Group"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    aliases = models.JSONField(
        default=list, blank=True, help_text='Other names, e.g. ["Kremlin", "Moscow"]'
    )
    notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
