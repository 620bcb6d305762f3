"""Signal receivers; each only calls a service."""

from __future__ import annotations

from events.event_report import (
    OUTLET_FIELDS,
    outlet_saved,
    outlet_shown_details,
    outlets_reports_stale,
)
from events.grouping import articles_uncount_words
from events.services import article_details_follow_up, articles_scored_follow_up


def articles_scored_regroup(sender, article_ids: list[int], **kwargs) -> None:
    articles_scored_follow_up(article_ids=article_ids)


def articles_deleting_uncount_words(sender, article_ids: list[int], **kwargs) -> None:
    articles_uncount_words(article_ids=article_ids)


def article_details_refresh_event(sender, article, fields: list[str], **kwargs) -> None:
    article_details_follow_up(article=article, fields=fields)


def outlet_remember_shown(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Before an outlet is saved: keep the stored values of the fields its comparisons
    show, for ``outlet_mark_comparisons``."""
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(OUTLET_FIELDS):
        return
    instance._shown_before = outlet_shown_details(outlet_id=instance.pk)


def outlet_mark_comparisons(sender, instance, created: bool, raw=False, **kwargs) -> None:
    before = instance.__dict__.pop("_shown_before", None)
    if created or raw or before is None:
        return
    outlet_saved(outlet=instance, before=before)


def outlets_mark_comparisons(sender, outlet_ids, fields, **kwargs) -> None:
    """After a bulk update that set a field the comparisons show (whether or not its
    value changed: a bulk update does not say)."""
    if fields & set(OUTLET_FIELDS):
        outlets_reports_stale(outlet_ids=outlet_ids)
