from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class AnnotationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        from annotations import receivers

        post_migrate.connect(receivers.admins_manage_labels, sender=self)
        # A signal rather than a call in each writer: the body changes through the
        # admin, imports and (soon) the API, and an annotation left on stale offsets
        # would point at the wrong words. The receiver only calls the service.
        post_save.connect(
            receivers.reanchor_after_text_change,
            sender="newsdesk.Article",
            dispatch_uid="annotations-reanchor",
        )
