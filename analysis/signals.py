"""Signals of the analysis app that the apps above it (events) receive."""

from django.dispatch import Signal

# Sent inside the transaction that stored new scores: ``article_ids``, the articles scored.
# Events receives it: their comparisons are out of date, and grouping places them.
articles_scored = Signal()
