"""The role groups, created after every migrate so that a fresh database has them."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from newsdesk.roles import ADMIN, ANALYST, EDITOR

# Admins curate in the Django admin, which works by model permissions.
ADMIN_APPS = ("newsdesk", "analysis", "auth", "api")
# Of the annotations app only the label vocabulary: annotations themselves change through
# their services, which keep each one's history and its analyst's ownership.
ADMIN_MODELS = (("annotations", "label"),)


def ensure_role_groups(**kwargs) -> None:
    for name in (ANALYST, EDITOR):
        Group.objects.get_or_create(name=name)
    admins, _ = Group.objects.get_or_create(name=ADMIN)
    models = Q()
    for app_label, model in ADMIN_MODELS:
        models |= Q(content_type__app_label=app_label, content_type__model=model)
    admins.permissions.set(
        Permission.objects.filter(Q(content_type__app_label__in=ADMIN_APPS) | models)
    )
