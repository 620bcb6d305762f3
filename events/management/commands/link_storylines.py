import time

from django.core.management.base import BaseCommand

from events.management.commands.group_events import _date
from events.storylines import storylines_link


class Command(BaseCommand):
    help = (
        "Link related events into storylines (or, with --rebuild, redo every link the "
        "machine made). Links set by a person and locked storylines are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=_date, help="Only events starting on or after YYYY-MM-DD."
        )
        parser.add_argument(
            "--rebuild", action="store_true", help="Clear the machine's links and link again."
        )

    def handle(self, *args, since, rebuild, **options):
        started = time.perf_counter()
        report = storylines_link(since=since, rebuild=rebuild)
        if rebuild:
            self.stdout.write(
                f"Cleared {report.cleared} machine-made links and deleted "
                f"{report.deleted_storylines} storylines left empty."
            )
        self.stdout.write(
            f"Looked at {report.events} events; linked {report.linked} "
            f"({report.storylines_created} new storylines). "
            f"{time.perf_counter() - started:.1f} s."
        )
