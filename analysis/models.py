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


class EvidenceJSONField(ScoreJSONField):
    """Evidence, kept on PostgreSQL as ``json`` (its text as written) rather than ``jsonb``.

    The evidence is read whole, for a page or an export; the one part a query looks
    inside (attribution's quoted sources, for the outlet report) has a column of its own
    (Score.sources). The server checks json text and stores it, where jsonb parses it
    into a tree first: with about 18 kB of evidence an article, that took half the
    server's CPU for storing an article's scores (a COPY of real scorer output: 0.47
    against 0.22-0.32 ms an article). json also keeps the scorers' key order. Other
    databases: as JSONField.
    """

    def db_type(self, connection) -> str:
        if connection.vendor == "postgresql":
            return "json"
        return super().db_type(connection)

    def from_db_value(self, value, expression, connection):
        # psycopg parses json itself (Django turns that off for jsonb alone).
        if value is not None and not isinstance(value, str):
            return value
        return super().from_db_value(value, expression, connection)


class AttributionSources(models.Func):
    """An attribution row's evidence "sources" (who is quoted, and how often); null in
    other scorers' rows. Computed by the database as the row is written (a generated
    column), as jsonb on PostgreSQL, so that the outlet report can aggregate the sources
    without parsing every row's evidence (json is parsed anew by each query)."""

    output_field = models.JSONField()

    def __init__(self) -> None:
        super().__init__(models.F("scorer"), models.F("evidence"))

    def as_sql(self, compiler, connection, **extra):
        (scorer, scorer_params), (evidence, evidence_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        if connection.vendor == "postgresql":
            sources = f"({evidence} -> 'sources')::jsonb"
        else:
            sources = f"json_extract({evidence}, '$.sources')"
        sql = f"CASE WHEN {scorer} = 'attribution' THEN {sources} END"
        return sql, [*scorer_params, *evidence_params]


class Score(models.Model):
    """One scorer's output for one article: numbers plus the evidence behind them."""

    # No index of its own: the unique (article, scorer) index serves lookups by article,
    # and one index fewer to write for each of the seven rows an article's scoring stores.
    article = models.ForeignKey(Article, models.CASCADE, related_name="scores", db_index=False)
    scorer = models.CharField(max_length=50)
    version = models.CharField(max_length=20)
    values = ScoreJSONField(default=dict)
    evidence = EvidenceJSONField(default=dict)
    sources = models.GeneratedField(
        expression=AttributionSources(), output_field=models.JSONField(), db_persist=True
    )
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
