"""What a report is about, as one short vector: the second likeness grouping compares
reports by, beside their weighted words (events.grouping).

Word weights see "shutdown" and "shutdown" as one word and "indictment" and "charged"
as two; a vector of the report's meaning sees the second pair as near and weighs the
whole text. The vectors are static embeddings (model2vec): one vector per word piece,
averaged over the report's pieces, with no network and no model run per report (well
under a millisecond a report). The table of vectors in ``meaning_model/`` was distilled
from the sentence encoder all-MiniLM-L6-v2 by ``bench/train_meaning.py``
(docs/models/meaning.md has its terms and how it was made).

The encoder read English: only reports that read as English get a vector (the caller
decides; a report in another language is compared by the terms that survive
translation). Pure functions, no Django: the model is read from this package's folder
once per process.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

# A vector made by another model must not be compared with these: whoever replaces the
# model raises events.grouping.INDEX_VERSION, and the sweep remakes the stored vectors.
MODEL_DIR = Path(__file__).resolve().parent / "meaning_model"
DIMENSIONS = 128
# Stored as float16, little-endian: 256 bytes a report.
_DTYPE = np.dtype("<f2")


@functools.cache
def _model():
    from model2vec import StaticModel

    # model2vec takes a path that does not exist for the name of a model on a hub and
    # would try to download it: never from here.
    if not (MODEL_DIR / "model.safetensors").is_file():
        raise FileNotFoundError(
            f"The meaning model is missing from {MODEL_DIR} (docs/models/meaning.md: "
            "bench/train_meaning.py makes it)"
        )
    return StaticModel.from_pretrained(str(MODEL_DIR))


def meaning_vectors(texts: list[str]) -> list[bytes | None]:
    """Each text's meaning vector (of unit length, as stored), or None for a text with
    no word the model knows."""
    if not texts:
        return []
    vectors = _model().encode(texts, max_length=None, use_multiprocessing=False)
    found: list[bytes | None] = []
    for vector in np.asarray(vectors, dtype=np.float32):
        norm = float(np.linalg.norm(vector))
        found.append((vector / norm).astype(_DTYPE).tobytes() if norm > 0 else None)
    return found


def meaning_cosines(texts: list[str]) -> list[list[float]]:
    """The cosine of every two texts' meaning vectors, as rows of a square list; a text
    with no word the model knows is 0 from every other."""
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for k, vector in enumerate(meaning_vectors(texts)):
        if vector is not None:
            vectors[k] = np.frombuffer(vector, dtype=_DTYPE).astype(np.float32)
    return (vectors @ vectors.T).tolist()


def meaning_text(headline: str, body: str) -> str:
    """The text a report's vector is made of: its headline and its whole body."""
    return f"{headline}. {body}" if headline else body


def meaning_likeness(a: bytes | memoryview | None, b: bytes | memoryview | None) -> float | None:
    """The cosine similarity of two stored vectors (from -1 to 1), or None if either is
    missing or was made with other dimensions."""
    if not a or not b or len(a) != len(b) or len(a) != DIMENSIONS * _DTYPE.itemsize:
        return None
    left = np.frombuffer(a, dtype=_DTYPE).astype(np.float32)
    right = np.frombuffer(b, dtype=_DTYPE).astype(np.float32)
    return float(left @ right)
