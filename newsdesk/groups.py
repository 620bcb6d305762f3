"""The role groups, created after every migrate so that a fresh database has them."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from newsdesk.roles import ADMIN, ANALYST, EDITOR

# Admins curate in the Django admin, which works by model permissions.
ADMIN_APPS = ("newsdesk", "analysis", "api")
# Of the annotations app only the label vocabulary: annotations themselves change through
# their services, which keep each one's history and its analyst's ownership.
ADMIN_MODELS = (("annotations", "label"),)
# Of auth, what seeing users and giving them a role takes (the admin's user page shows an
# Admin only the roles: newsdesk.admin.UserAdmin). Every auth permission let an Admin
# grant itself any permission, tick is_superuser and edit groups' permissions.
ADMIN_AUTH = ("view_user", "change_user", "view_group")


def ensure_role_groups(**kwargs) -> None:
    for name in (ANALYST, EDITOR):
        Group.objects.get_or_create(name=name)
    admins, _ = Group.objects.get_or_create(name=ADMIN)
    models = Q()
    for app_label, model in ADMIN_MODELS:
        models |= Q(content_type__app_label=app_label, content_type__model=model)
    auth = Q(content_type__app_label="auth", codename__in=ADMIN_AUTH)
    admins.permissions.set(
        Permission.objects.filter(Q(content_type__app_label__in=ADMIN_APPS) | models | auth)
    )
