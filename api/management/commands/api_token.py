import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api import services
from api.models import ApiToken


class Command(BaseCommand):
    help = "Create, list or revoke personal API tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it (once).")
        create.add_argument("username")
        create.add_argument("--name", default="command line")
        create.add_argument(
            "--days", type=int, default=90, help="Days it works (0: never expires). Default 90."
        )
        listing = sub.add_parser("list", help="List tokens (never their values).")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="Revoke a token by the characters it starts with.")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, username, name, days, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if days < 0:
            raise CommandError("--days must be 0 (never expires) or more.")
        lifetime = dt.timedelta(days=days) if days else None
        _token, raw = services.token_create(user=user, name=name, lifetime=lifetime)
        self.stdout.write(raw)

    def _list(self, username=None, **options):
        tokens = ApiToken.objects.select_related("user")
        if username:
            tokens = tokens.filter(user__username=username)
        for token in tokens:
            used = token.last_used_at.isoformat() if token.last_used_at else "never used"
            expires = token.expires_at.isoformat() if token.expires_at else "never expires"
            self.stdout.write(f"{token.prefix}…  {token.user}  {token.name}  {used}  {expires}")

    def _revoke(self, prefix, **options):
        tokens = list(ApiToken.objects.filter(prefix__startswith=prefix[:10]))
        if not prefix or len(tokens) != 1:
            raise CommandError(f"{len(tokens)} tokens start with {prefix!r}; give more characters.")
        services.token_revoke(token=tokens[0])
        self.stdout.write(f"Revoked {tokens[0]}.")
