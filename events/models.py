"""The tables of the events app. Events and storylines themselves stay with the articles
filed under them (newsdesk.models): see the README, "Where things live"."""

from django.db import models
from django.utils import timezone

from analysis.models import ScoreJSONField


class EventComparison(models.Model):
    """The event comparison report, precomputed so that the page only reads it.

    It is marked stale, and recomputed by a task, whenever the event's articles or their
    scores change (events.event_report.events_mark_stale).
    """

    event = models.OneToOneField("newsdesk.Event", models.CASCADE, related_name="comparison")
    data = ScoreJSONField(default=dict)
    stale = models.BooleanField(default=True)
    # When it was last marked stale: the sweep recomputes one left stale too long.
    stale_since = models.DateTimeField(null=True, blank=True, default=timezone.now)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table it had in the analysis app, where it started.
        db_table = "analysis_eventcomparison"

    def __str__(self) -> str:
        return f"Comparison of event {self.event_id}"
