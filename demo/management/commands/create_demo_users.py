import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from newsdesk.groups import ensure_role_groups
from newsdesk.roles import ADMIN, ANALYST, EDITOR

DEMO_USERS = (("admin", ADMIN), ("editor", EDITOR), ("analyst", ANALYST))


class Command(BaseCommand):
    help = "Create (or reset) the demo users admin, editor and analyst with fresh random passwords."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            help="also write the logins to this file (readable by its owner only), for "
            "`make run` to show them again once the servers' banners have scrolled by",
        )

    def handle(self, *args, **options):
        ensure_role_groups()
        User = get_user_model()
        lines = []
        for username, role in DEMO_USERS:
            password = secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = role == ADMIN
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            lines.append(f"  {role:<8} user {username!r} password {password!r}")
        self.stdout.write("\n".join(lines))
        if options["file"]:
            fd = os.open(options["file"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
