"""Signals of events that the apps above (annotations) receive."""

from django.dispatch import Signal

# Sent inside the transaction before a person takes articles out of events (moving an
# article, splitting an event, setting an event's articles): ``article_ids`` and
# ``event_ids``, the events they leave. A receiver may refuse the change by raising
# events.services.EventChangeRefused (an upper app's rule, such as blind assignments);
# nothing is changed then.
event_articles_leaving = Signal()
# Sent inside event_merge's transaction before the other events are deleted: ``target``
# and ``others``. Receivers refuse (EventChangeRefused) or move what hangs on the others
# to the target.
events_merging = Signal()
