from django.core.management.base import BaseCommand, CommandError

from newsdesk.feeds import PollStatus, feed_poll, feeds_due
from newsdesk.models import Feed


class Command(BaseCommand):
    help = (
        "Poll feeds now, in this process: the due ones, or with --feed the ones named "
        "(active or not, due or not). A feed that a worker is polling is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--feed", type=int, action="append", metavar="ID", help="A feed's id; repeatable."
        )

    def handle(self, *args, feed, **options):
        if feed:
            found = Feed.objects.select_related("outlet").in_bulk(feed)
            if missing := sorted(set(feed) - set(found)):
                raise CommandError(f"No feed with id {', '.join(map(str, missing))}.")
            chosen = [found[pk] for pk in dict.fromkeys(feed)]
        else:
            chosen = list(feeds_due().select_related("outlet"))
            if not chosen:
                self.stdout.write("No feed is due.")
        failed = 0
        for item in chosen:
            report = feed_poll(feed=item)
            failed += report.status == PollStatus.FAILED
            self.stdout.write(f"{item.url}: {report.summary()}")
        if chosen:
            self.stdout.write(f"Polled {len(chosen)} feed(s); {failed} failed.")
