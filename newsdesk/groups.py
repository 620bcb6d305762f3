"""The role groups, created after every migrate so that a fresh database has them."""

from django.contrib.auth.models import Group, Permission

from newsdesk.roles import ADMIN, ANALYST, EDITOR

# Admins curate in the Django admin, which works by model permissions.
ADMIN_APPS = ("newsdesk", "analysis", "auth", "api")


def ensure_role_groups(**kwargs) -> None:
    for name in (ANALYST, EDITOR):
        Group.objects.get_or_create(name=name)
    admins, _ = Group.objects.get_or_create(name=ADMIN)
    admins.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
