"""Signals of the newsroom domain that Django does not send itself."""

from django.dispatch import Signal

# Sent after ``Outlet.objects.….update(...)`` (and so ``bulk_update``), which change rows
# without saving models and so send no post_save: ``outlet_ids`` the rows it matched,
# ``fields`` the names of the fields it set.
outlets_updated = Signal()

# Sent when articles' languages change (``article_ids``: by a person's correction or a
# new detection): their scores were computed for the old language.
articles_language_changed = Signal()
