"""A grouping candidate as the index search returns one, for tests of the placement rules."""

from events.grouping import Candidate


def candidate(pk: int, event_id: int, similarity: float, event_size: int) -> Candidate:
    return Candidate(
        article_id=pk,
        outlet_id=None,
        event_id=event_id,
        event_locked=False,
        published_at=None,
        copy_of_id=None,
        copy_kind="",
        similarity=similarity,
        shared=6,
        event_size=event_size,
    )
