from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "analysis"
    verbose_name = "Analysis"

    def ready(self) -> None:
        from analysis import receivers
        from newsdesk.models import Article
        from newsdesk.signals import articles_language_changed, articles_stored

        # Newsdesk announces new articles; scoring them is this app's business.
        articles_stored.connect(
            receivers.articles_stored_queue_scoring,
            sender=Article,
            dispatch_uid="analysis-articles-stored-queue-scoring",
        )
        # Scores depend on the language: which scorers run, and with which formulas.
        articles_language_changed.connect(
            receivers.articles_rescore_language,
            sender=Article,
            dispatch_uid="analysis-articles-rescore-language",
        )
