"""The tables of the events app: the grouping index and the comparison reports. Events
and storylines themselves stay with the articles filed under them (newsdesk.models): see
the README, "Where things live"."""

from django.db import models
from django.utils import timezone

from analysis.models import ScoreJSONField


class EventComparison(models.Model):
    """The event comparison report, precomputed so that the page only reads it.

    It is marked stale, and recomputed by a task, whenever the event's articles or their
    scores change (events.event_report.events_mark_stale).
    """

    event = models.OneToOneField("newsdesk.Event", models.CASCADE, related_name="comparison")
    data = ScoreJSONField(default=dict)
    stale = models.BooleanField(default=True)
    # When it was last marked stale: the sweep recomputes one left stale too long.
    stale_since = models.DateTimeField(null=True, blank=True, default=timezone.now)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table it had in the analysis app, where it started.
        db_table = "analysis_eventcomparison"

    def __str__(self) -> str:
        return f"Comparison of event {self.event_id}"


class ArticleTerm(models.Model):
    """The inverted index behind event grouping: an article's distinctive terms.

    Looking up candidates by term within a date window costs the same with a thousand or
    a million stored articles. The candidates found are compared by their
    ``ArticleVector`` (the same terms and weights in one row), not by these rows.
    """

    # Found by article through the unique constraint below, whose first field it is (an
    # index of its own would repeat it).
    article = models.ForeignKey(
        "newsdesk.Article", models.CASCADE, related_name="terms", db_index=False
    )
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
        # The table it had in newsdesk, where the index started.
        db_table = "newsdesk_articleterm"
        # Candidates are found by term within a date window (this index, which PostgreSQL
        # reads without visiting the table) and compared by their ArticleVector; a
        # (term, article) index served neither any more and went (events 0004).
        indexes = [
            models.Index(
                fields=["term", "published_at"],
                include=["article", "weight"],
                name="articleterm_term_window",
            ),
        ]

    def __str__(self) -> str:
        return self.term


class TermCount(models.Model):
    """How many indexed articles use a word: the document frequencies behind the
    weights of the grouping index (a word in fewer articles tells more about one).

    Kept up to date as articles are indexed, one upsert per article, and as they are
    deleted (grouping.articles_uncount_words), so that weighting an article's words costs
    the same however many articles are stored. The row whose term is ``ALL_ARTICLES``
    counts the indexed articles themselves.
    """

    ALL_ARTICLES = ""

    term = models.CharField(max_length=80, unique=True)
    articles = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term or '(all)'}: {self.articles}"


class IndexedWords(models.Model):
    """The distinct words of an article counted in ``TermCount`` when it was last
    indexed (space-separated), so that indexing it again counts each of them once."""

    article = models.OneToOneField(
        "newsdesk.Article", models.CASCADE, primary_key=True, related_name="indexed_words"
    )
    words = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"words of article {self.article_id}"


class ArticleVector(models.Model):
    """An article's index terms with their weights (the same as its ``ArticleTerm``
    rows), in one row: what a newly placed article compares its candidates by, one row
    read per candidate instead of an index row for each of its up to MAX_TERMS words.

    ``terms`` holds "term<US>weight" pairs sorted by term, separated by <RS> (the ASCII
    unit and record separators, which no term contains; events.grouping.vector_text);
    empty for an article indexed with no terms. ``index_version`` is the
    events.grouping.INDEX_VERSION it was made under (0 before versions were kept): the
    sweep indexes an article again when the way terms are made has changed, finding the
    older ones by the index on it.

    ``meaning`` is the article's meaning vector (events.meaning: 128 float16 numbers), the
    second likeness candidates are compared by; null for an article that does not read
    as English, has no words the model knows, or was indexed before 2026-12-07 (index
    version 1).
    """

    article = models.OneToOneField(
        "newsdesk.Article", models.CASCADE, primary_key=True, related_name="term_vector"
    )
    terms = models.TextField(blank=True)
    index_version = models.PositiveSmallIntegerField(default=0, db_default=0, db_index=True)
    meaning = models.BinaryField(null=True, blank=True)

    def __str__(self) -> str:
        return f"terms of article {self.article_id}"
