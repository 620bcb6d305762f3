"""Reads for the newsroom pages."""

from __future__ import annotations

import datetime as dt

from django.db.models import Avg, Count, F, FloatField, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from newsdesk.models import Article, Event, Outlet


def article_list(*, filters: dict) -> QuerySet[Article]:
    articles = Article.objects.select_related("outlet", "event").defer("raw", "body")
    if q := filters.get("q"):
        articles = articles.filter(Q(headline__icontains=q) | Q(body__icontains=q))
    if outlet := filters.get("outlet"):
        articles = articles.filter(outlet=outlet)
    if event := filters.get("event"):
        articles = articles.filter(event=event)
    if status := filters.get("status"):
        articles = articles.filter(scoring_status=status)
    if date_from := filters.get("date_from"):
        articles = articles.filter(published_at__gte=_start_of(date_from))
    if date_to := filters.get("date_to"):
        articles = articles.filter(published_at__lt=_start_of(date_to + dt.timedelta(days=1)))
    return articles


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _score_avg(scorer: str, key: str) -> Avg:
    return Avg(
        # KT() would apply the JSON path to the article's own column; name the field.
        Cast(KeyTextTransform(key, "articles__scores__values"), FloatField()),
        filter=Q(articles__scores__scorer=scorer),
    )


def outlet_list() -> QuerySet[Outlet]:
    return (
        Outlet.objects.annotate(article_count=Count("articles"))
        .prefetch_related("domains")
        .order_by("name")
    )


def outlet_averages(outlet: Outlet) -> dict:
    return Outlet.objects.filter(pk=outlet.pk).aggregate(
        tone=_score_avg("sentiment", "compound_mean"),
        negative_share=_score_avg("sentiment", "negative_share"),
        reading_ease=_score_avg("readability", "flesch_reading_ease"),
        grade=_score_avg("readability", "flesch_kincaid_grade"),
    )


def event_list() -> QuerySet[Event]:
    return Event.objects.annotate(
        article_count=Count("articles"), outlet_count=Count("articles__outlet", distinct=True)
    ).order_by(F("starts_on").desc(nulls_last=True), "-id")


def event_articles_by_outlet(event: Event) -> list[tuple[Outlet | None, list[Article]]]:
    groups: dict[int | None, tuple[Outlet | None, list[Article]]] = {}
    articles = event.articles.select_related("outlet", "event_set_by").defer("raw")
    # Known outlets by name, then articles with no outlet, on every database.
    ordering = (F("outlet__name").asc(nulls_last=True), F("published_at").asc(nulls_last=True))
    for article in articles.order_by(*ordering):
        groups.setdefault(article.outlet_id, (article.outlet, []))[1].append(article)
    return list(groups.values())
