import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from newsdesk.groups import ensure_role_groups
from newsdesk.roles import ADMIN, ANALYST, EDITOR

DEMO_USERS = (("admin", ADMIN), ("editor", EDITOR), ("analyst", ANALYST))


class Command(BaseCommand):
    help = "Create (or reset) the demo users admin, editor and analyst with fresh random passwords."

    def handle(self, *args, **options):
        ensure_role_groups()
        User = get_user_model()
        for username, role in DEMO_USERS:
            password = secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = role == ADMIN
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"  {role:<8} user {username!r} password {password!r}")
