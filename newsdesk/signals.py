"""Signals of the newsroom domain that Django does not send itself."""

from django.dispatch import Signal

# Sent after ``Outlet.objects.….update(...)`` (and so ``bulk_update``), which change rows
# without saving models and so send no post_save: ``outlet_ids`` the rows it matched,
# ``fields`` the names of the fields it set.
outlets_updated = Signal()

# Sent when articles' languages change (``article_ids``: by a person's correction or a
# new detection): their scores were computed for the old language.
articles_language_changed = Signal()
# Sent inside the transaction before a person takes articles out of events (moving an
# article, splitting an event, setting an event's articles): ``article_ids`` and
# ``event_ids``, the events they leave. A receiver may refuse the change by raising
# newsdesk.services.EventChangeRefused (an upper app's rule, such as blind assignments);
# nothing is changed then.
event_articles_leaving = Signal()
# Sent inside event_merge's transaction before the other events are deleted: ``target``
# and ``others``. Receivers refuse (EventChangeRefused) or move what hangs on the others
# to the target.
events_merging = Signal()
