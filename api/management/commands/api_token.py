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
        listing = sub.add_parser("list", help="List tokens (never their values).")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="Revoke a token by the characters it starts with.")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        _token, raw = services.token_create(user=user, name=name)
        self.stdout.write(raw)

    def _list(self, username=None, **options):
        tokens = ApiToken.objects.select_related("user")
        if username:
            tokens = tokens.filter(user__username=username)
        for token in tokens:
            used = token.last_used_at.isoformat() if token.last_used_at else "never used"
            self.stdout.write(f"{token.prefix}…  {token.user}  {token.name}  {used}")

    def _revoke(self, prefix, **options):
        tokens = list(ApiToken.objects.filter(prefix__startswith=prefix[:10]))
        if not prefix or len(tokens) != 1:
            raise CommandError(f"{len(tokens)} tokens start with {prefix!r}; give more characters.")
        services.token_revoke(token=tokens[0])
        self.stdout.write(f"Revoked {tokens[0]}.")
