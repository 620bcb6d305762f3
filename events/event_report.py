"""The event comparison report: outlets side by side, computed from stored scores.

Computing it reads every article and score of the event, so it is precomputed into
EventComparison by a task whenever the event's articles or their scores change, and
the page only reads the stored JSON.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from django.utils import timezone

from analysis.scoring import NOT_AVAILABLE
from analysis.scoring.persuasion import FINDING_FAMILIES
from events import comparison
from events.models import EventComparison
from newsdesk.ingest.language import language_name
from newsdesk.models import Article, Event, Outlet, ScoringStatus

# Bump when the report's content changes, so stored reports are recomputed.
# 2: languages left out and named; claims matched on telling features; numbers grouped by
# role. 3: persuasion findings only. 4: both together. 5: each column names its outlet's
# language, and storylines. 6: a joint speaker ("Tom Hale and Ann Lowe") is not one of its
# people in the sources grid. 7: claims matched by their words and, in English, their
# meaning vectors (events.comparison.MEANING_WEIGHT). 8: a fact may hold several sentences
# of one outlet (events.comparison.ClaimCell.also). 9: anonymous sources and generic
# groups apart (sourcing's group_share, attribution 24). 10: an actor's tone is the tone
# toward it (actors 17's toward_mean) where the score has it. 11: each column says which
# measures its article has and whether its scoring failed (column_gap).
REPORT_VERSION = "11"
TOP_WORDS = 8
TOP_ACTORS = 6
STALE_CHUNK = 500  # events per UPDATE and per refresh task


def _plain(value):
    """Dataclasses to dicts, recursively, for JSON."""
    if dataclasses.is_dataclass(value):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _outlet_info(outlet) -> dict:
    if outlet is None:
        return {
            "key": "unknown",
            "name": "Unknown outlet",
            "country": "",
            "language": "",
            "owner": "",
            "state_affiliated": None,
            "leaning": "",
            "reliability": "",
            "slug": "",
        }
    return {
        "key": outlet.slug,
        "slug": outlet.slug,
        "name": outlet.name,
        "country": outlet.country,
        "language": outlet.language,
        "owner": outlet.owner,
        "state_affiliated": outlet.state_affiliated,
        "leaning": outlet.leaning,
        "leaning_label": outlet.get_leaning_display() if outlet.leaning else "unrated",
        "reliability": outlet.reliability,
        "reliability_label": outlet.get_reliability_display() if outlet.reliability else "unrated",
    }


def event_compare(*, event: Event) -> dict:
    """Everything the comparison page shows, as JSON-ready data."""
    articles = list(
        event.articles.select_related("outlet")
        .prefetch_related("scores")
        .order_by("published_at", "id")
    )
    # One column per outlet: its earliest independent article; copies are listed, not counted.
    columns: dict[str, dict] = {}
    texts: dict[str, str] = {}
    claims_by_outlet: dict[str, list] = {}
    numbers_by_outlet: dict[str, list] = {}
    sources_by_outlet: dict[str, list] = {}
    for article in articles:
        info = _outlet_info(article.outlet)
        key = info["key"]
        if key in columns or article.copy_kind:
            columns.get(key, {}).setdefault("others", []).append(_article_ref(article))
            continue
        scores = {s.scorer: s for s in article.scores.all()}
        columns[key] = _column(info, article, scores)
        texts[key] = article.body
        claims = _measured(scores.get("claims"))
        actors = _measured(scores.get("actors"))
        if claims:
            claims_by_outlet[key] = comparison.claim_sentences(
                article.body, claims.evidence, actors.evidence if actors else None
            )
            numbers_by_outlet[key] = comparison.numbers_from_claims(article.body, claims.evidence)
        attribution = _measured(scores.get("attribution"))
        if attribution:
            sources_by_outlet[key] = attribution.evidence.get("sources", [])

    # Words and claims are matched by their words: only articles in one language are
    # compared (the event's commonest); the others are named in "left_out".
    language = _compared_language(columns)
    apart = [k for k, col in columns.items() if col["language"] != language]
    for key, col in columns.items():
        col["compared"] = key not in apart
    for key in apart:
        texts.pop(key, None)
        claims_by_outlet.pop(key, None)
    words = (
        comparison.distinctive_words(
            {k: Counter(comparison.tokenize_for_words(t)) for k, t in texts.items()}, top=TOP_WORDS
        )
        if len(texts) > 1
        else {}
    )
    sources, grid = comparison.sources_grid(sources_by_outlet)
    return {
        "version": REPORT_VERSION,
        "outlets": list(columns),
        "columns": columns,
        "copies": [_article_ref(a) for a in articles if a.copy_kind],
        "claims": _claim_rows(claims_by_outlet, english=language == "en"),
        "numbers": _plain(comparison.number_disagreements(numbers_by_outlet)),
        "words": {k: _plain(v) for k, v in words.items()},
        "sources": sources,
        "sources_grid": grid,
        "balance": _balance(columns),
        "compared_language": language,
        "left_out": _left_out(columns) + _not_compared(columns, apart, language),
    }


def _measured(score):
    """The score, or None where the scorer could not measure the article's language."""
    return None if score is None or NOT_AVAILABLE in score.values else score


# The measures a column shows, by the scorers they come from.
MEASURES = {
    "sentiment": "Tone",
    "readability": "Flesch reading ease",
    "attribution": "Sourcing",
    "framing": "Frames",
    "persuasion": "Persuasion cues",
    "claims": "Claims and numbers",
    "actors": "Tone toward actors",
}


def _outlet_ref(key: str, col: dict) -> dict:
    return {"key": key, "name": col["outlet"]["name"], "language": col["language_name"]}


def _left_out(columns: dict) -> list[dict]:
    """Each measure that some outlets' articles could not have, with those outlets:
    the comparison of that measure is over the others only."""
    found = []
    for scorer, label in MEASURES.items():
        outlets = [
            _outlet_ref(key, col) for key, col in columns.items() if scorer in col["not_available"]
        ]
        if outlets:
            found.append({
                "scorer": scorer,
                "label": label,
                "outlets": outlets,
                "reason": "whose language its word lists or rules do not cover",
            })  # fmt: skip
    return found


def _compared_language(columns: dict) -> str:
    """The language most of the event's outlets wrote in (English on a tie with it)."""
    counts = Counter(col["language"] for col in columns.values())
    if not counts:
        return "en"
    return max(sorted(counts), key=lambda code: (counts[code], code == "en"))


def _not_compared(columns: dict, apart: list[str], language: str) -> list[dict]:
    """Distinctive words and who reported which fact, for articles in another language
    than the one compared: their words cannot be matched with the others'."""
    if not apart:
        return []
    outlets = [_outlet_ref(key, columns[key]) for key in apart]
    reason = f"not in {language_name(language)}, the language the others are compared in"
    return [
        {"scorer": "words", "label": "Distinctive words", "outlets": outlets, "reason": reason},
        {"scorer": "facts", "label": "Who reported which fact", "outlets": outlets,
         "reason": reason},
    ]  # fmt: skip


def _claim_rows(claims_by_outlet: dict, english: bool = True) -> list[dict]:
    if len(claims_by_outlet) < 2:
        return []
    rows = []
    # The meaning vectors are of English text: other languages are matched by words alone.
    for row in comparison.claims_matrix(claims_by_outlet, meaning=english):
        plain = _plain(row)
        plain["outlet_count"] = row.outlet_count
        plain["only"] = row.outlets[0] if row.outlet_count == 1 else None
        rows.append(plain)
    return rows


def _balance(columns: dict) -> dict:
    balance = comparison.coverage_balance(c["outlet"] for c in columns.values())
    balance["leaning_present"] = {k: n for k, n in balance["leaning"].items() if n}
    return balance


def _article_ref(article: Article) -> dict:
    return {
        "id": article.pk,
        "headline": article.headline,
        "outlet": article.outlet.name if article.outlet else "Unknown outlet",
        "copy_kind": article.copy_kind,
        "published": article.published_at.isoformat() if article.published_at else None,
        "published_label": (
            article.published_at.strftime("%-d %b %Y, %H:%M") if article.published_at else "undated"
        ),
    }


def _column(info: dict, article: Article, scores: dict) -> dict:
    def values(name: str) -> dict:
        return scores[name].values if name in scores else {}

    not_available = sorted(s for s, score in scores.items() if NOT_AVAILABLE in score.values)
    sentiment = _measured(scores.get("sentiment"))
    compounds = (
        [s["compound"] for s in sentiment.evidence.get("sentences", [])] if sentiment else []
    )
    actors = _measured(scores.get("actors"))
    attribution = values("attribution")
    framing = values("framing")
    persuasion = values("persuasion")
    readability = values("readability")
    return {
        "outlet": info,
        "article": _article_ref(article),
        "words": len(article.body.split()),
        "language": article.language,
        "language_name": language_name(article.language),
        # Scorers that do not support the article's language: their cells say so.
        "not_available": not_available,
        # The measures the article has, and its scoring's state: column_gap reads them.
        "scorers": sorted(scores),
        "scoring": article.scoring_status,
        "readability": {
            "flesch_reading_ease": readability.get("flesch_reading_ease"),
            "grade": readability.get("flesch_kincaid_grade"),
        },
        "tone": comparison.tone_summary(compounds),
        "actors": [
            {
                "name": a["name"],
                "kind": a["kind"],
                "count": a["count"],
                # The tone toward a person (actors 17); the sentence tone for another
                # kind of actor, and for a score stored by an earlier version.
                "tone": a.get("toward_mean", a.get("compound_mean")),
                "tone_toward": "toward_mean" in a,
            }
            for a in (actors.evidence.get("actors", []) if actors else [])[:TOP_ACTORS]
        ],
        "sourcing": {
            "attribution_density": attribution.get("attribution_density"),
            "attributed_sentence_share": attribution.get("attributed_sentence_share"),
            "anonymous_share": attribution.get("anonymous_share"),
            "group_share": attribution.get("group_share"),
            "named_sources": attribution.get("named_source_count"),
            "unattributed_claim_share": attribution.get("unattributed_claim_share"),
        },
        "frames": {
            "primary": framing.get("primary_frame"),
            "secondary": framing.get("secondary_frame"),
            "shares": framing.get("shares", {}),
        },
        "persuasion": {
            "per_1000": persuasion.get("total_per_1000"),
            "counts": {
                k: v for k, v in persuasion.get("counts", {}).items() if v and k in FINDING_FAMILIES
            },
        },
    }


def column_gap(column: dict, scorer: str) -> str:
    """Why a column of the comparison has no figure of one measure ("" when it has one):
    the measure does not cover its article's language, its article's scoring failed, or
    the article is not scored yet. The page says it in the measure's cell."""
    if scorer in column.get("not_available", ()):
        return f"not measured in {column.get('language_name') or 'its language'}"
    # A report stored before version 11 has neither key; its columns were scored.
    if scorer in column.get("scorers", (scorer,)):
        return ""
    if column.get("scoring") == ScoringStatus.FAILED:
        return "scoring failed"
    return "not scored yet"


def event_comparison_refresh(*, event_id: int) -> EventComparison | None:
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return None
    data = event_compare(event=event)
    report, _ = EventComparison.objects.update_or_create(
        event=event, defaults={"data": data, "stale": False, "computed_at": timezone.now()}
    )
    return report


def events_mark_stale(*, event_ids) -> None:
    """Mark reports out of date and queue their recomputation after the commit."""
    from events.tasks import refresh_event_comparisons

    ids = sorted({i for i in event_ids if i})
    # In chunks: regrouping a whole corpus touches tens of thousands of events.
    for start in range(0, len(ids), STALE_CHUNK):
        chunk = ids[start : start + STALE_CHUNK]
        EventComparison.objects.filter(event_id__in=chunk).update(
            stale=True, stale_since=timezone.now()
        )
        refresh_event_comparisons.delay_on_commit(chunk)


# The outlet's fields that a stored comparison shows (_outlet_info, and the coverage
# balance by leaning): a change to any of them puts the outlet's comparisons out of date.
OUTLET_FIELDS = (
    "name",
    "slug",
    "country",
    "language",
    "owner",
    "state_affiliated",
    "leaning",
    "reliability",
)


def outlets_compared_events(*, outlet_ids: list[int]) -> list[int]:
    """The events the outlets cover that have a stored comparison."""
    return list(
        EventComparison.objects.filter(event__articles__outlet_id__in=outlet_ids)
        .order_by()
        .values_list("event_id", flat=True)
        .distinct()
    )


def outlets_reports_stale(*, outlet_ids: list[int]) -> int:
    """Mark the stored comparisons of every event the outlets cover out of date, and
    queue their recomputation; how many there are."""
    event_ids = outlets_compared_events(outlet_ids=outlet_ids)
    events_mark_stale(event_ids=event_ids)
    return len(event_ids)


def outlet_shown_details(*, outlet_id: int) -> dict | None:
    """The stored values of the outlet's fields that its comparisons show."""
    return Outlet.objects.filter(pk=outlet_id).values(*OUTLET_FIELDS).first()


def outlet_saved(*, outlet: Outlet, before: dict) -> int:
    """After a save: if a field that the comparisons show differs from ``before`` (its
    stored value), mark the outlet's comparisons stale; how many were."""
    if all(before[name] == getattr(outlet, name) for name in OUTLET_FIELDS):
        return 0
    return outlets_reports_stale(outlet_ids=[outlet.pk])


def event_report_get(*, event: Event) -> EventComparison:
    """The stored report, read only. One never computed, or computed by an older version
    of the report, reads as stale: the writers that change an event queue its report, and
    the sweep (events.services.events_sweep) those that nothing queued."""
    report = EventComparison.objects.filter(event=event).first()
    if report is None:
        return EventComparison(event=event, stale=True, stale_since=None, data={})
    if report.data and report.data.get("version") != REPORT_VERSION:
        report.stale = True
    return report


def events_without_current_report(*, limit: int) -> list[int]:
    """Events with articles whose report is missing or of an older version."""
    missing = Event.objects.filter(comparison__isnull=True, articles__isnull=False)
    outdated = EventComparison.objects.filter(stale=False).exclude(data__version=REPORT_VERSION)
    ids = set(missing.values_list("pk", flat=True).distinct()[:limit])
    ids |= set(outdated.values_list("event_id", flat=True)[: max(0, limit - len(ids))])
    return sorted(ids)


CSV_HEADER = [
    "outlet", "country", "owner", "state_affiliated", "leaning", "reliability", "headline",
    "published", "words", "flesch_reading_ease", "tone_mean", "tone_sd", "negative_share",
    "attribution_density", "anonymous_share", "group_share", "named_sources",
    "unattributed_claim_share",
    "primary_frame", "secondary_frame", "persuasion_per_1000", "facts_reported",
    "facts_omitted", "distinctive_words", "language", "not_measured_in_language",
]  # fmt: skip


def event_report_rows(data: dict) -> list[list]:
    """The report's figures, one row per outlet, for CSV export."""
    facts = [row for row in data.get("claims", []) if row.get("outlet_count", 0) > 1]
    rows = [CSV_HEADER]
    for key, col in data.get("columns", {}).items():
        outlet, tone, sourcing = col["outlet"], col["tone"], col["sourcing"]
        reported = sum(1 for row in facts if row["cells"].get(key))
        # An article in another language is not matched with the facts: neither count.
        compared = col.get("compared", True)
        rows.append([
            outlet["name"], outlet["country"], outlet["owner"], outlet["state_affiliated"],
            outlet["leaning"], outlet["reliability"], col["article"]["headline"],
            col["article"]["published"], col["words"], col["readability"]["flesch_reading_ease"],
            tone["mean"], tone["sd"], tone["share_negative"], sourcing["attribution_density"],
            sourcing["anonymous_share"], sourcing.get("group_share"), sourcing["named_sources"],
            sourcing["unattributed_claim_share"], col["frames"]["primary"],
            col["frames"]["secondary"], col["persuasion"]["per_1000"],
            reported if compared else None, len(facts) - reported if compared else None,
            " ".join(w["word"] for w in data.get("words", {}).get(key, [])),
            col.get("language", ""), " ".join(col.get("not_available", [])),
        ])  # fmt: skip
    return rows
