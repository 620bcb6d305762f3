import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from analysis.selectors import articles_for_rescore
from analysis.services import articles_queue_scoring
from newsdesk.models import Outlet


class Command(BaseCommand):
    help = "Queue scoring for articles whose scores are missing or from an old scorer version."

    def add_arguments(self, parser):
        parser.add_argument("--outlet", help="Outlet slug or name")
        parser.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--all", action="store_true", help="Rescore even current scores")

    def handle(self, *args, outlet=None, since=None, **options):
        outlet_obj = None
        if outlet:
            outlet_obj = (
                Outlet.objects.filter(slug=outlet).first()
                or Outlet.objects.filter(name__iexact=outlet).first()
            )
            if outlet_obj is None:
                raise CommandError(f"No outlet {outlet!r}")
        articles = articles_for_rescore(outlet=outlet_obj, since=since, everything=options["all"])
        ids = list(articles.values_list("pk", flat=True))
        if not ids:
            self.stdout.write("Nothing to rescore: every article has current scores.")
            return
        batch = articles_queue_scoring(article_ids=ids, label="rescore command")
        self.stdout.write(f"Queued {len(ids)} article(s) for scoring (batch {batch.pk}).")
