"""Each whitespace-separated token of a text with what the sentiment and readability
scorers need of it, looked up once for both.

A dict lookup with a str key is much of what a pass over an article's tokens costs (the
tokens are new strings, compared to the keys character by character; the table is large
and cold): one lookup a token gives VADER's code for it and its readability figures.
"""

from __future__ import annotations

from functools import lru_cache

import cython

from analysis.scoring import SHARED_CACHE_SIZE
from analysis.scoring.readability_fast import token_figures
from analysis.scoring.sentences import whitespace_split
from analysis.scoring.vader_fast import token_code

# Token as written -> (vader_fast.token_code, *readability_fast.token_figures). Articles
# repeat most of their tokens and share most with each other, so each distinct token is
# looked at once; emptied past the limit. A plain dict read with get(): a dict subclass
# with __missing__ is read through the generic __getitem__ slot, several times slower.
_RECORDS: dict[str, tuple[object, int, str | None]] = {}
_RECORDS_LIMIT = 200_000


def _record(token: str) -> tuple[object, int, str | None]:
    record = (token_code(token), *token_figures(token))
    if len(_RECORDS) >= _RECORDS_LIMIT:
        _RECORDS.clear()
    _RECORDS[token] = record
    return record


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def token_records(text: str) -> list[tuple[object, int, str | None]]:
    """The record of each of whitespace_split(text), in order. Cached per text, shared:
    do not change it."""
    # Declared a dict, the compiled loop reads it with the C API's dict lookup, no call
    # of a bound get() a token.
    table = cython.declare(dict, _RECORDS)
    records = []
    for token in whitespace_split(text):  # compiled: faster than a comprehension
        record = table.get(token)
        if record is None:
            record = _record(token)
        records.append(record)
    return records
