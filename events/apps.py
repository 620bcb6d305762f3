from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from analysis.models import Score
        from analysis.signals import articles_scored
        from events import receivers
        from newsdesk.models import Article, Outlet
        from newsdesk.signals import article_details_changed, articles_deleting, outlets_updated

        # Scored articles: their events' comparisons are out of date, and grouping
        # places them.
        articles_scored.connect(
            receivers.articles_scored_regroup, sender=Score, dispatch_uid="events-regroup"
        )
        article_details_changed.connect(
            receivers.article_details_refresh_event,
            sender=Article,
            dispatch_uid="events-article-details",
        )
        # Articles are deleted by the admin (one or many), scripts and related managers:
        # the grouping takes their words out of its document frequencies as they go.
        articles_deleting.connect(
            receivers.articles_deleting_uncount_words,
            sender=Article,
            dispatch_uid="events-articles-uncount-words",
        )
        # Signals rather than a call in each writer: outlets are saved by the admin, the
        # demo loader's update_or_create and scripts, and a comparison left showing an
        # outlet's old name or rating would mislead. The receivers only call services.
        pre_save.connect(
            receivers.outlet_remember_shown,
            sender="newsdesk.Outlet",
            dispatch_uid="events-outlet-remember-shown",
        )
        post_save.connect(
            receivers.outlet_mark_comparisons,
            sender="newsdesk.Outlet",
            dispatch_uid="events-outlet-mark-comparisons",
        )
        # Bulk updates save no model: newsdesk's own signal reports them.
        outlets_updated.connect(
            receivers.outlets_mark_comparisons,
            sender=Outlet,
            dispatch_uid="events-outlets-mark-comparisons",
        )
