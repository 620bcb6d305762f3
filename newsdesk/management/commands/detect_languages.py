from django.core.management.base import BaseCommand

from newsdesk.services import articles_detect_language


class Command(BaseCommand):
    help = (
        "Detect the language of every stored article again with the current detector "
        "(languages set by a person are kept); articles whose language changes are queued "
        "for scoring. Run once after upgrading an archive ingested before issue 14."
    )

    def handle(self, *args, **options):
        seen, changed = articles_detect_language()
        self.stdout.write(f"{seen} article(s) checked, {changed} changed language and re-queued.")
