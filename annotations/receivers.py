"""Signal receivers; each only calls a service."""

from __future__ import annotations


def admins_manage_labels(**kwargs) -> None:
    """Give the Admin group the permissions to manage the label vocabulary."""
    from django.contrib.auth.models import Group, Permission

    from newsdesk.roles import ADMIN

    admins, _ = Group.objects.get_or_create(name=ADMIN)
    admins.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="annotations", codename__endswith="label"
        )
    )


def reanchor_after_text_change(sender, instance, created: bool, update_fields=None, **kwargs):
    if created or (update_fields is not None and "body" not in update_fields):
        return
    from annotations.services import article_reanchor_annotations

    article_reanchor_annotations(article=instance)


def refuse_moves_out_of_open_blind_work(sender, article_ids, event_ids, **kwargs) -> None:
    from annotations.services import assignments_check_articles_leaving

    assignments_check_articles_leaving(article_ids=article_ids, event_ids=event_ids)


def keep_assignments_of_merged_events(sender, target, others, **kwargs) -> None:
    from annotations.services import assignments_merge_events

    assignments_merge_events(target=target, others=others)
