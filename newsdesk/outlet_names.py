"""Outlet names as people read them: one spelling per name, look-alikes flagged.

An import named "Sputnik" with a non-breaking space, a fullwidth letter or a Cyrillic
"Ѕ" in place of the Latin "S", and each made a new outlet that displayed exactly like
the real one. Names are normalised (NFKC, which folds fullwidth and compatibility forms
and turns NBSP into a space; invisible characters removed; runs of spaces collapsed),
and a name that mixes scripts through look-alike letters (Unicode's confusables data, as
shipped in the confusable-homoglyphs package) is flagged for the curator with the
Latin name it imitates.
"""

from __future__ import annotations

import re
import unicodedata

from confusable_homoglyphs import confusables

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")


def normalise(name: str) -> str:
    """NFKC, no invisible or direction characters, single spaces, stripped."""
    name = unicodedata.normalize("NFKC", name)
    return _SPACES.sub(" ", _INVISIBLE.sub("", name)).strip()


def without_the(name: str) -> str:
    """A name without a leading "The": a dateline or a page names "Northbridge Ledger" where
    the register has "The Northbridge Ledger" (or the other way round)."""
    return name[4:] if name.lower().startswith("the ") else name


def latin_skeleton(name: str) -> str:
    """The name with every look-alike letter of another script replaced by the Latin
    letter it imitates ("Ѕputnik" -> "Sputnik"); the name itself if none."""
    found = confusables.is_confusable(name, preferred_aliases=["latin"], greedy=True) or []
    swaps = {}
    for item in found:
        latin = [h["c"] for h in item["homoglyphs"] if h["n"].startswith("LATIN")]
        if latin and len(latin[0]) == 1:
            swaps[item["character"]] = latin[0]
    return "".join(swaps.get(ch, ch) for ch in name)


def look_alike_warning(name: str) -> str:
    """A sentence for the curator if the name mixes scripts with look-alike letters,
    else ""."""
    if not confusables.is_dangerous(name):
        return ""
    letters = sorted({ch for ch in name if latin_skeleton(ch) != ch})
    shown = ", ".join(f"“{ch}” ({unicodedata.name(ch, 'unknown')})" for ch in letters)
    return (
        f"The name mixes scripts with look-alike letters ({shown}); it reads as "
        f"“{latin_skeleton(name)}”. Check that it is not an existing outlet."
    )
