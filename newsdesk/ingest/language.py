"""Which language an article is written in, with how sure the detector is.

py3langid (a maintained fork of langid.py, Lui & Baldwin 2012: a naive Bayes model over
byte n-grams, 97 languages) ships its model in the package, so detection works on a
server without internet access. It takes 0.8 ms on a 4,500-character article; lingua
2.1 (low-accuracy mode) was as sure on long texts but its wheel weighs 96 MB and it took
five times as long (4.3 ms). Accuracy: analysis/accuracy/language.json.
No Django here: ingest and the bench script call it alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# A text this long says its language as well as a whole article does; the rest would
# only cost time (detection is linear in the length).
MAX_CHARS = 5000
# Below this many letters a guess is too often wrong to store (a headline, a caption).
MIN_LETTERS = 20
# A guess below this probability is not taken: chosen on the word pairs of lingua's
# Leipzig test data (en, ru, es, fr, de), where 0.5 keeps 52 % of the right guesses
# and 4 % of the wrong ones; on its sentences, 96 % and 17 % (bench/eval_language.py).
# Articles are longer than either, and an undecided one takes its outlet's language.
MIN_CONFIDENCE = 0.5

_LETTER = re.compile(r"[^\W\d_]")


# Languages by ISO 639-1 code, as pages name them (those py3langid tells apart and
# news is often written in; a code not here is shown as it is).
LANGUAGE_NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "ka": "Georgian", "kk": "Kazakh", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code) if code else "an unknown language"


@dataclass(frozen=True)
class Detection:
    language: str  # ISO 639-1 code, "" when the text does not say
    confidence: float | None  # the detector's probability of its best guess


@cache
def _identifier():
    # Loaded once per process (0.6 s), on first use rather than at import.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_detect(text: str) -> Detection:
    """The language of ``text``, or "" with the confidence it had when it is too short
    or the detector is unsure."""
    sample = text[:MAX_CHARS]
    letters = len(_LETTER.findall(sample, 0, 400))
    if letters < MIN_LETTERS and len(_LETTER.findall(sample)) < MIN_LETTERS:
        return Detection("", None)
    language, confidence = _identifier().classify(sample)
    confidence = round(float(confidence), 4)
    if confidence < MIN_CONFIDENCE:
        return Detection("", confidence)
    return Detection(language, confidence)
