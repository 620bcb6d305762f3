"""What the API reads and writes. Field names follow the models; ids are the pages' ids."""

import datetime as dt
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from ninja import Field, FilterLookup, FilterSchema, Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict, model_validator

from events.grouping import FOUNDED, WEAK_JOIN
from newsdesk.models import Leaning, Reliability, ScoringStatus

# Database ids are 64-bit: anything larger is not an id, and would overflow the query.
MAX_ID = 2**63 - 1


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL; the page forms refuse it too.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def _http_url(value: str) -> str:
    value = value.strip()
    try:
        URLValidator(schemes=["http", "https"])(value)
        # A host name that cannot be encoded for DNS (a label too long once in punycode)
        # passes the validator but would fail in the fetcher.
        (urlsplit(value).hostname or "").encode("idna")
    except (DjangoValidationError, UnicodeError):
        raise ValueError("must be an http or https URL") from None
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# Dates a query can add a day to and still be a date.
QueryDate = Annotated[dt.date, Field(ge=dt.date(1, 1, 1), le=dt.date(9999, 12, 30))]
# A text filter left empty (``?q=``) filters nothing, as no value does.
FilterText = Annotated[Text | None, AfterValidator(lambda value: value or None)]


class Error(Schema):
    detail: Any = Field(description="What went wrong: a message, or a list of field errors.")


# The errors every operation may answer with: no valid (or an expired) token, a role
# missing, invalid input, and too many requests with one token (see Retry-After).
ERRORS = {401: Error, 403: Error, 422: Error, 429: Error}


class Duplicate(Schema):
    detail: str
    existing_id: int = Field(description="The stored article this one duplicates.")


# --- Outlets ------------------------------------------------------------------------


class OutletRef(Schema):
    slug: str
    name: str


class OutletOut(Schema):
    id: int
    slug: str
    name: str
    country: str
    language: str
    owner: str
    state_affiliated: bool
    leaning: str = Field(description="left, lean_left, center, lean_right, right, or empty")
    leaning_source: str
    leaning_rated_on: dt.date | None
    reliability: str = Field(description="high, mixed, low, or empty")
    reliability_source: str
    reliability_rated_on: dt.date | None
    is_active: bool
    domains: list[str]
    article_count: int

    @staticmethod
    def resolve_domains(obj) -> list[str]:
        return [d.domain for d in obj.domains.all()]


class FigureOut(Schema):
    mean: float | None = Field(description="Mean over the articles that have the figure")
    low: float | None = Field(
        description="Low end of the mean's 95% interval (t distribution); null below two"
    )
    high: float | None = Field(description="High end of that interval")
    n: int = Field(description="Articles averaged")
    left_out: int = Field(description="Scored articles left out: not measurable in their language")


class OutletAverages(Schema):
    """Means over all the outlet's scored articles: ``figures`` has every figure of the
    outlet report; the flat fields before it are the first ones the API gave."""

    tone: float | None = Field(description="Mean VADER compound of its articles")
    negative_share: float | None
    reading_ease: float | None = Field(description="Mean Flesch reading ease")
    grade: float | None = Field(description="Mean Flesch-Kincaid grade")
    tone_low: float | None = Field(
        description="Low end of the mean tone's 95% interval (t distribution); null below two"
    )
    tone_high: float | None = Field(description="High end of that interval")
    tone_n: int = Field(description="Articles whose tone is averaged")
    tone_left_out: int = Field(
        description="Scored articles left out of the tone: in a language VADER does not cover"
    )
    reading_ease_n: int = Field(description="Articles whose Flesch reading ease is averaged")
    reading_ease_left_out: int = Field(
        description="Scored articles left out of reading ease and grade: not in English"
    )
    figures: dict[str, FigureOut] = Field(
        description="Every figure of the outlet report (tone, negative_share, "
        "attribution_density, anonymous_share, group_share, grade, reading_ease)"
    )

    @classmethod
    def of(cls, figures: dict[str, dict]) -> Self:
        tone, ease = figures["tone"], figures["reading_ease"]
        return cls(
            tone=tone["mean"],
            negative_share=figures["negative_share"]["mean"],
            reading_ease=ease["mean"],
            grade=figures["grade"]["mean"],
            tone_low=tone["low"],
            tone_high=tone["high"],
            tone_n=tone["n"],
            tone_left_out=tone["left_out"],
            reading_ease_n=ease["n"],
            reading_ease_left_out=ease["left_out"],
            figures=figures,
        )


class OutletDetail(OutletOut):
    notes: str
    averages: OutletAverages


class OutletFilters(FilterSchema):
    q: Annotated[FilterText, FilterLookup("name__icontains")] = Field(
        None, max_length=200, description="Part of the name"
    )
    country: Annotated[FilterText, FilterLookup("country__iexact")] = Field(
        None, max_length=2, description="ISO 3166 alpha-2 code"
    )
    leaning: Leaning | None = None
    reliability: Reliability | None = None
    active: Annotated[bool | None, FilterLookup("is_active")] = None


# --- Articles -----------------------------------------------------------------------


class ScoreValues(Schema):
    version: str
    values: dict[str, Any]


class ScoreOut(Schema):
    scorer: str
    version: str
    values: dict[str, Any]
    evidence: dict[str, Any] = Field(
        description="What produced the values; character offsets refer to the article's body."
    )
    updated_at: dt.datetime


class ArticleOut(Schema):
    id: int
    headline: str
    url: str | None
    outlet: OutletRef | None
    published_at: dt.datetime | None
    language: str
    event_id: int | None
    ingest_method: str
    scoring_status: str
    created_at: dt.datetime
    language_source: str = Field(
        description="detected, page, outlet or person (an analyst's correction); empty if unknown"
    )
    language_confidence: float | None = Field(
        description="The detector's probability for the language it found"
    )
    scores: dict[str, ScoreValues] = Field(
        description="Each scorer's values by scorer name (evidence is on the article itself). "
        'A scorer that does not support the article\'s language has values {"not_available": '
        '{"reason": "language", "language": ..., "supported": [...]}} and no figures.'
    )

    @staticmethod
    def resolve_scores(obj) -> dict:
        return {s.scorer: {"version": s.version, "values": s.values} for s in obj.scores.all()}


class ArticleDetail(Schema):
    id: int
    headline: str
    url: str | None
    outlet: OutletRef | None
    published_at: dt.datetime | None
    language: str
    byline: str
    dateline: str
    body: str
    captions: list[Any]
    credits: list[Any]
    meta: dict[str, Any]
    event_id: int | None
    event_source: str
    copy_of_id: int | None
    copy_kind: str
    ingest_method: str
    scoring_status: str
    scored_at: dt.datetime | None
    created_at: dt.datetime
    scores: list[ScoreOut]

    @staticmethod
    def resolve_scores(obj) -> list:
        return list(obj.scores.all())


class ArticleFilters(Schema):
    """The article list's filters, as on the Articles page."""

    q: Text | None = Field(None, max_length=200, description="Words in the headline or body")
    outlet: Text | None = Field(None, max_length=100, description="Outlet slug")
    event: Id | None = Field(None, description="Event id")
    status: ScoringStatus | None = Field(None, description="Scoring status")
    date_from: QueryDate | None = Field(None, description="Published on or after")
    date_to: QueryDate | None = Field(None, description="Published on or before")


def _day_or_time(value):
    """A day stays a day and a time a time: pydantic would read "2024-03-05" as a
    midnight time, and a midnight time as a day."""
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) <= len("2024-03-05"):
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                "give a date (2024-03-05) or an ISO 8601 time (2024-03-05T10:00:00Z)"
            ) from None
    return value


class ArticleIngest(Schema):
    """One article: its text or HTML, or only a URL for Newsdesk to fetch."""

    # A misnamed field ("title", "published_at") is refused by name, not dropped unread.
    model_config = ConfigDict(extra="forbid")

    text: Text | None = Field(None, description="Plain text, cleaned like pasted text")
    html: Text | None = Field(None, description="A page's HTML, extracted like an upload")
    url: Annotated[Text, AfterValidator(_http_url)] | None = Field(
        None,
        max_length=1000,
        description="The article's address; alone, Newsdesk fetches it (public hosts only)",
    )
    headline: Text = Field("", max_length=500, description="Leave empty to detect it")
    outlet: Text | None = Field(None, max_length=100, description="Outlet slug")
    published: Annotated[dt.datetime | dt.date | None, BeforeValidator(_day_or_time)] = Field(
        None,
        description="When it was published: a day (2024-03-05, taken at noon UTC) or an "
        "ISO 8601 time (2024-03-05T10:00:00Z; without an offset, UTC)",
    )

    @model_validator(mode="after")
    def _one_source(self):
        if self.text is not None and self.html is not None:
            raise ValueError("give either text or html, not both")
        if self.text is None and self.html is None and not self.url:
            raise ValueError("give text, html, or a url to fetch")
        return self


# --- Jobs ---------------------------------------------------------------------------


class JobRowOut(Schema):
    number: int = Field(description="The row's number (1 for a fetched URL)")
    outcome: str = Field(description="stored, duplicate or refused")
    detail: str = Field(description="Why it was refused, or which article it duplicates")
    article_id: int | None = Field(description="The stored (or duplicated) article")


class JobOut(Schema):
    """Work that a worker does after the request: fetching a URL."""

    id: int
    kind: str
    name: str = Field(description="The URL (or the file's name)")
    status: str = Field(description="queued, running, done or failed")
    total: int | None
    position: int = Field(description="The last row handled")
    stored: int
    duplicates: int
    refused: int
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    rows: list[JobRowOut]

    @staticmethod
    def resolve_rows(obj) -> list:
        return list(obj.rows.all())


class JobAccepted(Schema):
    detail: str
    job: JobOut
    url: str = Field(description="Poll this until the job's status is done")


# --- Events -------------------------------------------------------------------------


class EventOut(Schema):
    id: int
    title: str
    description: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    locked: bool
    article_count: int
    outlet_count: int
    weak_join_count: int = Field(
        description=f"Articles the machine joined with a likeness under {WEAK_JOIN}: worth a check"
    )
    reviewed_at: dt.datetime | None


class EventArticle(Schema):
    id: int
    headline: str
    outlet: OutletRef | None
    published_at: dt.datetime | None
    copy_kind: str
    event_source: str
    event_similarity: float | None = Field(
        description="The likeness with which the machine joined it to the event; "
        f"{FOUNDED} for the article that started the event (it joined nothing); "
        "null if a person placed it or it was stored before likenesses were kept"
    )
    weak_join: bool = Field(
        description=f"The machine joined it with a likeness under {WEAK_JOIN}: worth a check"
    )

    @staticmethod
    def resolve_weak_join(obj) -> bool:
        return obj.weak_join  # marked by events.selectors.event_members


class Comparison(Schema):
    stale: bool = Field(description="True while a recomputation is queued")
    computed_at: dt.datetime | None
    data: dict[str, Any] = Field(
        description="The comparison page's data: columns per outlet (tone, actors, sourcing, "
        "frames, persuasion), claims, numbers that disagree, distinctive words, sources, "
        "balance. Empty until first computed."
    )


class EventDetail(EventOut):
    review_comment: str
    articles: list[EventArticle] = Field(description="By outlet, then date")
    comparison: Comparison

    # The endpoint attaches these: the model's own "comparison" is the stored report row.
    @staticmethod
    def resolve_articles(obj) -> list:
        return obj.article_rows

    @staticmethod
    def resolve_comparison(obj) -> dict:
        return obj.comparison_out


class EventFilters(FilterSchema):
    # Undated events match no date filter.
    q: Annotated[FilterText, FilterLookup("title__icontains")] = Field(
        None, max_length=200, description="Part of the title"
    )
    date_from: Annotated[QueryDate | None, FilterLookup("ends_on__gte")] = Field(
        None, description="Ends on or after"
    )
    date_to: Annotated[QueryDate | None, FilterLookup("starts_on__lte")] = Field(
        None, description="Starts on or before"
    )


# --- Storylines ---------------------------------------------------------------------


class StorylineOut(Schema):
    id: int
    title: str
    locked: bool
    event_count: int
    starts_on: dt.date | None
    ends_on: dt.date | None


class StorylineReport(Schema):
    outlet: str | None = Field(description="The outlet's name; null if not identified")
    outlet_slug: str | None
    leaning: str | None
    first_at: dt.datetime | None = Field(description="Its first article on the event")
    first: bool = Field(description="It reported the event first")
    delay_minutes: int | None = Field(description="How long after the first report")
    article_ids: list[int]
    updates: int = Field(description="Its updates of its own article")
    syndicated: int = Field(description="Syndicated copies of another outlet's text")

    @staticmethod
    def resolve_outlet(obj) -> str | None:
        return obj.outlet.name if obj.outlet else None

    @staticmethod
    def resolve_outlet_slug(obj) -> str | None:
        return obj.outlet.slug if obj.outlet else None

    @staticmethod
    def resolve_leaning(obj) -> str | None:
        return obj.outlet.leaning if obj.outlet else None

    @staticmethod
    def resolve_delay_minutes(obj) -> int | None:
        return None if obj.delay is None else int(obj.delay.total_seconds() // 60)

    @staticmethod
    def resolve_article_ids(obj) -> list[int]:
        return [a.pk for a in obj.articles]


class StorylineEvent(Schema):
    id: int
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    linked_by: str = Field(description="machine or person")
    reports: list[StorylineReport] = Field(description="In the order the outlets reported")

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.event.pk

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.event.title

    @staticmethod
    def resolve_starts_on(obj):
        return obj.event.starts_on

    @staticmethod
    def resolve_ends_on(obj):
        return obj.event.ends_on

    @staticmethod
    def resolve_linked_by(obj) -> str:
        return obj.event.storyline_source


class StorylineBlindspot(Schema):
    event_id: int
    covered_by: str = Field(description="left or right: the side that covered the event")
    skipped_by: str = Field(description="The side whose outlets all skipped it")


class StorylineDetail(StorylineOut):
    events: list[StorylineEvent] = Field(description="In order")
    blindspots: list[StorylineBlindspot]

    # The endpoint attaches these (the model's own "events" is the related manager).
    @staticmethod
    def resolve_events(obj) -> list:
        return obj.timeline_out

    @staticmethod
    def resolve_blindspots(obj) -> list:
        return obj.blindspots_out


# --- Annotations --------------------------------------------------------------------

MAX_OFFSET = 10**9


class ReplyOut(Schema):
    creator: str
    text: str
    created: dt.datetime

    @staticmethod
    def resolve_creator(obj) -> str:
        return obj.creator.get_username()


class AnnotationOut(Schema):
    """A passage of an article with a label, after the W3C Web Annotation model: the
    quote (``exact`` with its ``prefix`` and ``suffix``) and its position (``start`` and
    ``end``, code points of the article's body; empty when the passage was lost after a
    text change)."""

    id: int
    article_id: int
    label: str
    verdict: str
    confidence: int = Field(description="1 low, 2 medium, 3 high")
    note: str
    links: list[str]
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    anchor_status: str
    creator: str
    origin: str
    review_status: str
    is_adjudication: bool
    version: int
    created: dt.datetime
    modified: dt.datetime
    replies: list[ReplyOut]

    @staticmethod
    def resolve_label(obj) -> str:
        return obj.label.name

    @staticmethod
    def resolve_creator(obj) -> str:
        return obj.creator.get_username()

    @staticmethod
    def resolve_replies(obj) -> list:
        return list(obj.replies.all())


class AnnotationFilters(FilterSchema):
    article: Annotated[Id | None, FilterLookup("article_id")] = Field(
        None, description="Article id"
    )
    event: Annotated[Id | None, FilterLookup("article__event_id")] = Field(
        None, description="Event id"
    )
    label: Annotated[FilterText, FilterLookup("label__name")] = Field(
        None, max_length=60, description="Label name"
    )
    creator: Annotated[FilterText, FilterLookup("creator__username")] = Field(
        None, max_length=150, description="Username"
    )
    verdict: FilterText = Field(None, max_length=12)
    review_status: FilterText = Field(None, max_length=12)


class AnnotationCreate(Schema):
    """Annotate a passage, given by its position (``start``, ``end``, and optionally the
    ``exact`` text there, checked) or by a ``quote`` that occurs once in the article."""

    article: Id
    start: int | None = Field(None, ge=0, le=MAX_OFFSET)
    end: int | None = Field(None, ge=1, le=MAX_OFFSET)
    exact: Text | None = Field(None, max_length=5000)
    quote: Text | None = Field(None, max_length=5000)
    text_hash: Text | None = Field(
        None,
        max_length=64,
        description="SHA-256 of the body the offsets refer to; refused if the text changed",
    )
    label: Text = Field(max_length=60, description="A label's name")
    verdict: Text = Field("", max_length=12, description="For labels that take a verdict")
    confidence: int = Field(2, ge=1, le=3, description="1 low, 2 medium, 3 high")
    note: Text = Field("", max_length=5000)
    links: list[Annotated[Text, Field(max_length=1000)]] = Field(
        default_factory=list, max_length=10, description="Evidence links (http or https)"
    )

    @model_validator(mode="after")
    def _one_target(self):
        by_position = self.start is not None and self.end is not None
        if not by_position and not self.quote:
            raise ValueError("give start and end, or a quote")
        if by_position and self.quote:
            raise ValueError("give start and end, or a quote, not both")
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end")
        return self
