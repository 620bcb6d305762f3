from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save


class AnalysisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "analysis"
    verbose_name = "Analysis"

    def ready(self) -> None:
        from analysis import receivers
        from newsdesk.models import Article, Outlet
        from newsdesk.signals import articles_language_changed, outlets_updated

        # Signals rather than a call in each writer: outlets are saved by the admin, the
        # demo loader's update_or_create and scripts, and a comparison left showing an
        # outlet's old name or rating would mislead. The receivers only call services.
        pre_save.connect(
            receivers.outlet_remember_shown,
            sender="newsdesk.Outlet",
            dispatch_uid="analysis-outlet-remember-shown",
        )
        post_save.connect(
            receivers.outlet_mark_comparisons,
            sender="newsdesk.Outlet",
            dispatch_uid="analysis-outlet-mark-comparisons",
        )
        # Bulk updates save no model: newsdesk's own signal reports them.
        outlets_updated.connect(
            receivers.outlets_mark_comparisons,
            sender=Outlet,
            dispatch_uid="analysis-outlets-mark-comparisons",
        )
        # Scores depend on the language: which scorers run, and with which formulas.
        articles_language_changed.connect(
            receivers.articles_rescore_language,
            sender=Article,
            dispatch_uid="analysis-articles-rescore-language",
        )
