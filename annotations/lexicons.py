"""The scorers' lexicon files as the newsroom's additions see them: which families a
scorer has, and writing the admins' pending additions into a lexicon with a new version.

The lexicon files stay the one source of a scorer's cues (the scorers read nothing
else), so an addition reaches the scorers through the file: ``manage.py lexicon_apply``
writes it, bumps the version (which makes every stored score of that scorer stale), and
the workers, once restarted, rescore with it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "analysis" / "lexicons"
# scorer -> (lexicon file, the key that holds its families)
FILES = {"framing": ("frames.json", "frames"), "persuasion": ("persuasion.json", "families")}


def lexicon_path(scorer: str, directory: Path = LEXICONS) -> Path:
    return directory / FILES[scorer][0]


def families_of(scorer: str, directory: Path = LEXICONS) -> list[str]:
    if scorer not in FILES:
        return []
    data = json.loads(lexicon_path(scorer, directory).read_text(encoding="utf-8"))
    return list(data[FILES[scorer][1]])


def next_version(version: str) -> str:
    """ "2" -> "2.1", "2.1" -> "2.2": newsroom additions count after the released version."""
    base, _, local = str(version).partition(".")
    return f"{base}.{int(local) + 1 if local.isdigit() else 1}"


def write_additions(
    scorer: str, additions: list[tuple[str, str, float]], directory=LEXICONS
) -> str:
    """Add (family, phrase, weight) cues to the scorer's lexicon file; the new version."""
    path = lexicon_path(scorer, directory)
    data = json.loads(path.read_text(encoding="utf-8"))
    families = data[FILES[scorer][1]]
    for family, phrase, weight in additions:
        cues = families[family]["cues"]
        if isinstance(cues, list):
            # Persuasion's cues are a plain list: a cue's confidence is its family's
            # until the training measures it (analysis/lexicons/persuasion_learned.json).
            if phrase not in cues:
                cues.append(phrase)
        else:
            cues[phrase] = weight
    data["version"] = next_version(data["version"])
    # Atomic: a worker starting meanwhile reads the old file or the new one, never half.
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return data["version"]


# Persuasion cue families and the label a confirmed cue gets.
CUE_LABELS = {
    "loaded_language": "Loaded language",
    "name_calling": "Loaded language",
    "exaggeration": "Loaded language",
    "intensifiers": "Loaded language",
}


CUE_DEFAULT_LABEL = "Framing"
