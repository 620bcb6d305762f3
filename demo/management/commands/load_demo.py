from django.core.management.base import BaseCommand

from demo.loader import demo_load


class Command(BaseCommand):
    help = "Load the demo outlets and articles (written for the demo) and the seed article, then score them."

    def add_arguments(self, parser):
        parser.add_argument("--no-score", action="store_true")

    def handle(self, *args, no_score: bool, **options):
        result = demo_load(score=not no_score)
        self.stdout.write(
            f"Demo: {result['outlets']} outlets, {result['imported']} articles imported "
            f"({result['duplicates']} already there), seed {'loaded' if result['seed'] else 'already there or missing'}, "
            f"{result['events']} events, {result['scored']} articles scored."
        )
        for row, reason in result["rejected"]:
            self.stderr.write(f"  row {row} rejected: {reason}")
