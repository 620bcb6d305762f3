from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class AnnotationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "annotations"
    verbose_name = "Annotations"

    def ready(self) -> None:
        from annotations import receivers
        from events.signals import event_articles_leaving, events_merging

        post_migrate.connect(receivers.admins_manage_labels, sender=self)
        # A signal rather than a call in each writer: the body changes through the
        # admin, imports and (soon) the API, and an annotation left on stale offsets
        # would point at the wrong words. The receiver only calls the service.
        post_save.connect(
            receivers.reanchor_after_text_change,
            sender="newsdesk.Article",
            dispatch_uid="annotations-reanchor",
        )
        # Blind assignments: moves and merges that would change open blind work are
        # refused, and the assignments of a merged event move to the surviving one.
        event_articles_leaving.connect(
            receivers.refuse_moves_out_of_open_blind_work, dispatch_uid="annotations-blind-moves"
        )
        events_merging.connect(
            receivers.keep_assignments_of_merged_events, dispatch_uid="annotations-blind-merge"
        )
