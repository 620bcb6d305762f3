"""Reads for the scoring pages."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from analysis.methodology import accuracy_entries
from analysis.models import Score, ScoringBatch
from analysis.scoring import NOT_AVAILABLE, all_scorers
from newsdesk.dates import day_start
from newsdesk.ingest.language import language_name
from newsdesk.models import Article, ScoringStatus


def scoring_counts() -> dict[str, int]:
    counts = dict(Article.objects.values_list("scoring_status").annotate(n=Count("id")).order_by())
    return {status: counts.get(status, 0) for status in ScoringStatus.values}


def recent_batches(limit: int = 10) -> list[ScoringBatch]:
    return list(ScoringBatch.objects.select_related("created_by")[:limit])


def article_scores(article: Article) -> dict[str, Score]:
    return {score.scorer: score for score in article.scores.all()}


# What each scorer measures, in the words of the article page.
MEASURE_LABELS = {
    "sentiment": "Tone",
    "readability": "Readability",
    "attribution": "Sourcing (quotes and attribution)",
    "framing": "Framing",
    "persuasion": "Persuasion cues",
    "claims": "Claims and numbers",
    "actors": "Tone toward actors",
}


def scorer_panels(scores: dict[str, Score]) -> list[dict]:
    """The article page's section of each registered scorer, in the order of
    ``MEASURE_LABELS`` (a scorer not listed there comes after, by name): its score (None
    if not scored yet) and its partial, ``analysis/scorers/<name>.html``, or the default
    one that lists its figures, so that a new scorer shows with no other change."""
    order = {name: position for position, name in enumerate(MEASURE_LABELS)}
    names = sorted((s.name for s in all_scorers()), key=lambda n: (order.get(n, len(order)), n))
    return [
        {
            "name": name,
            "label": MEASURE_LABELS.get(name, name.replace("_", " ").capitalize()),
            "score": scores.get(name),
            "templates": [f"analysis/scorers/{name}.html", "analysis/scorers/_default.html"],
        }
        for name in names
    ]


# Why a scorer cannot measure another language: what it is made of.
MEASURE_REASONS = {
    "sentiment": "VADER's word list rates English words only",
    "readability": "its formulas are calibrated for particular languages",
    "attribution": "its reporting verbs and quote rules are English",
    "framing": "its frame cue words are English",
    "persuasion": "its cue word lists are English",
    "claims": "its sentence cues and number words are written per language",
    "actors": (
        "its names come from English capitalisation rules, and its tone from VADER and a "
        "model fitted on English news"
    ),
}


def measures_not_available(scores: dict[str, Score]) -> list[dict]:
    """The measures stored as not available for the article's language, each with the
    languages it supports and why it cannot do others."""
    found = []
    for name, score in sorted(scores.items()):
        why = score.values.get(NOT_AVAILABLE) if isinstance(score.values, dict) else None
        if not why:
            continue
        found.append({
            "scorer": name,
            "label": MEASURE_LABELS.get(name, name),
            "language": language_name(why.get("language", "")),
            "supported": [language_name(code) for code in why.get("supported", [])],
            "reason": MEASURE_REASONS.get(name, ""),
        })  # fmt: skip
    return found


def articles_for_rescore(*, outlet=None, since: dt.date | None = None, everything: bool = False):
    articles = Article.objects.all()
    if outlet is not None:
        articles = articles.filter(outlet=outlet)
    if since is not None:
        articles = articles.filter(published_at__gte=day_start(since))
    return articles if everything else articles_needing_scores(articles)


def methodology_entries() -> list[dict]:
    """Every measure's accuracy entry with the version that runs now, scorers first (in
    the registry's order), then the ingest and grouping measures."""
    entries = accuracy_entries()
    running = {s.name: s.version for s in all_scorers()}
    order = [name for name in running if name in entries]
    order += [name for name in entries if name not in running]
    return [
        {
            "entry": entries[name],
            "version": running.get(name),
            "stale": name in running
            and entries[name].headline is not None
            and entries[name].measured_version() != running[name],
        }
        for name in order
    ]


def articles_needing_scores(queryset=None):
    """Articles missing a score from a current scorer version, or never scored."""
    queryset = Article.objects.all() if queryset is None else queryset
    outdated = Q()
    for scorer in all_scorers():
        current = Score.objects.filter(scorer=scorer.name, version=scorer.version)
        outdated |= ~Q(pk__in=current.values("article_id"))
    return queryset.filter(outdated)
