import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from events.grouping import (
    CLOSE_SHARE,
    DECAY_GRACE_HOURS,
    articles_group_since,
    close_setting,
    cohesion_setting,
    events_rebuild,
    min_shared_setting,
    second_looks_setting,
    threshold_setting,
    time_decay_setting,
    window_days_setting,
)


def _date(value: str) -> dt.date:
    parsed = parse_date(value)
    if parsed is None:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}")
    return parsed


class Command(BaseCommand):
    help = (
        "Group stored articles into events: index them all, then place those without an "
        "event (or, with --rebuild, redo every machine-made membership). Memberships set "
        "by a person and locked events are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=_date, help="Only articles published on or after YYYY-MM-DD."
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Clear the machine's memberships (and its events left empty) and group again.",
        )
        parser.add_argument(
            "--window", type=int, help="Days either side of publication to look for matches."
        )
        parser.add_argument(
            "--threshold", type=float, help="Similarity (0 to 1) needed to join an event."
        )
        parser.add_argument(
            "--min-shared", type=int, help="Distinct terms two articles must share to match."
        )
        parser.add_argument(
            "--second-looks",
            type=int,
            help="Times at most to place the grouped days' articles again among the events "
            "as they then stand (0: none).",
        )

    def handle(self, *args, since, rebuild, window, threshold, min_shared, second_looks, **options):
        if window is not None and window < 0:
            raise CommandError("--window must be zero or more days.")
        if second_looks is not None and second_looks < 0:
            raise CommandError("--second-looks must be zero or more.")
        if threshold is not None and not 0 <= threshold <= 1:
            raise CommandError("--threshold must be between 0 and 1.")
        settings_used = (
            f"window ±{window_days_setting() if window is None else window} days, "
            f"threshold {threshold_setting() if threshold is None else threshold}, "
            f"at least {min_shared_setting() if min_shared is None else min_shared} shared terms, "
            f"cohesion {cohesion_setting()}, "
            f"close to {CLOSE_SHARE:.0%} of members at {close_setting()}, "
            f"time decay {time_decay_setting()} after {DECAY_GRACE_HOURS:g} h, "
            f"second looks {second_looks_setting() if second_looks is None else second_looks}"
        )
        started = time.perf_counter()
        options = {
            "since": since,
            "window_days": window,
            "threshold": threshold,
            "min_shared": min_shared,
            "second_looks": second_looks,
        }
        report = events_rebuild(**options) if rebuild else articles_group_since(**options)
        seconds = time.perf_counter() - started
        if rebuild:
            self.stdout.write(
                f"Cleared {report.cleared} machine-made memberships and deleted "
                f"{report.deleted_events} events left empty."
            )
        self.stdout.write(
            f"Indexed {report.indexed} articles; placed {report.placed} "
            f"({report.new_events} new events, {report.joined} joined an existing event); "
            f"{report.updates} updates, {report.syndicated} syndicated copies; "
            f"{report.skipped} left alone (set by a person or in a locked event); "
            f"a second look moved {report.moved}. "
            f"{seconds:.1f} s; {settings_used}."
        )
