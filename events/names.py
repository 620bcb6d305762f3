"""One person or organisation under the several names that articles give it.

Within an article the scorers already merge a person's aliases ("Donald Trump", then
"Trump"). Across articles nothing had: an article that only ever says "Trump" gave a row
of its own beside "Donald Trump" wherever figures are summed over articles (an event's
sources, an outlet report's sources and people). This module is the one rule those
places share. Pure: no database, no request.

* ``name_key``: the form names are compared in (case and spacing folded, a leading
  "the" dropped).
* ``person_merges``: for a set of person keys, the longer name each shorter one merges
  into: a name merges into the one longer name it ends ("Sultonov" into "Hasan
  Sultonov"), when exactly one such longer name is among them. With two ("Hasan
  Sultonov", "Rustam Sultonov") the bare surname stays apart: it could be either.
* ``display_name``: how a merged name is shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable


def name_key(name: str) -> str:
    key = " ".join(name.replace("\u2019", "'").split()).casefold()
    return key[4:] if key.startswith("the ") else key


def person_merges(keys: Iterable[str]) -> dict[str, str]:
    """{key: the key it merges into}, for the keys (``name_key``) that merge; the others
    are left out. "sultonov" and "hasan sultonov" both end "col hasan sultonov": a
    suffix with one longest owner merges into it. Names joined by "and" or "&" are
    several people speaking together, no one's longer name: "Donald Trump" is not
    "Goldman Sachs and Donald Trump", whose joint words stay their own."""
    keys = set(keys)
    owners: dict[str, set[str]] = {}
    for key in keys:
        tokens = key.split()
        if "and" in tokens or "&" in tokens:
            continue
        for i in range(1, len(tokens)):
            owners.setdefault(" ".join(tokens[i:]), set()).add(key)
    merges: dict[str, str] = {}
    for key in keys:
        longest = {o for o in owners.get(key, ()) if not owners.get(o)}
        if len(longest) == 1:
            merges[key] = next(iter(longest))
    return merges


def display_name(forms: Counter[str]) -> str:
    """How a merged name is shown, from its forms and how often each was met: a leading
    "the" dropped; a name of several words before a bare surname; a capitalised form
    before a lower-case one; then the most used; then the shortest ("Elena Stoyan"
    before "Challenger Elena Stoyan"); then the first in alphabetical order."""
    shown: Counter[str] = Counter()
    for form, count in forms.items():
        shown[re.sub(r"^[Tt]he\s+", "", form) or form] += count
    return min(
        shown,
        key=lambda f: (len(f.split()) < 2, f == f.lower(), -shown[f], len(f), f),
    )
