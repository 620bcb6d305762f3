"""Signals of the newsroom domain that Django does not send itself."""

from django.dispatch import Signal

# Sent after ``Outlet.objects.….update(...)`` (and so ``bulk_update``), which change rows
# without saving models and so send no post_save: ``outlet_ids`` the rows it matched,
# ``fields`` the names of the fields it set.
outlets_updated = Signal()

# Sent when articles' languages change (``article_ids``: by a person's correction or a
# new detection): their scores were computed for the old language.
articles_language_changed = Signal()

# Sent when new articles are stored (``article_ids``), inside the storing transaction or
# after it: by ingestion (``label`` "", nothing to follow), an import (``label`` names the
# work whose progress a person follows, ``user`` started it) or an ingest job step
# (``job``). The analysis app scores them; for a job, it records on ``job`` the batch that
# counts the scoring (``job.scoring_batch_id``), which the job's step then saves.
articles_stored = Signal()

# Sent after a person corrected an article's details (``article``, and ``fields``, the
# names of those changed): its event's dates and comparison follow.
article_details_changed = Signal()

# Sent inside the deleting transaction just before articles are deleted, by
# ``Article.delete()`` and ``Article.objects.….delete()`` (the admin's single and bulk
# deletes, a related manager's ``outlet.articles.all().delete()``): ``article_ids``, once
# for the whole set, where Django's pre_delete comes once per article. The grouping takes
# their words out of its document frequencies.
articles_deleting = Signal()
