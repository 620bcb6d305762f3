"""Which capitalised words before a reporting verb name someone, in German, Russian,
Spanish and French.

The attribution scorer's rules for other languages take a capitalised word next to a
reporting verb as the speaker. In English, Spanish and French that is a name (or a
sentence's first word, which the rules do not take alone); in German every noun is
capitalised ("Experten sagten", "Der Sprecher sagte"), and in Russian a sentence's first
word is ("Эксперты заявили"). Reading those as names counted every described speaker as
a named source (attribution 27 and before).

- German: the words are tagged by the Hanover Tagger (HanTa, Wartena 2019, LGPL), a
  morphological analyser and part-of-speech tagger trained on the TIGER treebank, whose
  model ships in its package. A word tagged ``NE`` (proper noun) is a name; ``NN`` and the
  rest are not.
- Russian: a word is looked up in the OpenCorpora dictionary by pymorphy3 (MIT), also
  shipped in its package. A word inside a sentence is capitalised only as a name, so it is
  one; at a sentence's start, a word is a name if its likeliest reading as a subject (in
  the nominative) is a first name, surname, patronymic, place or organisation, if it is
  written in capitals ("МИД", "ТАСС") or Latin letters, or if the dictionary does not
  know it (a foreign name: "Варнхольт").

- Words that name nobody but end in an institution's head noun ("Die Polizei", "Кремль")
  are an organisation on the record, as "the police" is in English.
- In all four languages (and Spanish and French, whose nouns are not capitalised) a
  personal pronoun is never a name ("Il ajoute que", "Je souligne que", "Se dice que",
  "Он заявил"): the third person's speaks for the person quoted before.

Nothing is read from the network; each model is loaded once per process, on first use.
Measured with bench/eval_foreign_names.py on Universal Dependencies treebanks (README,
"Named sources in German, Russian, Spanish and French").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from analysis.scoring.text import word_set

NAME_LANGUAGES = ("de", "ru")

# Personal pronouns, a closed class of each language's grammar: never a name, wherever they
# are capitalised (a sentence's first word, the polite "Sie" and "Вы"). The third person's,
# with the English pronoun that stands for the same person, speak for someone named
# before ("„…“, sagte er"); the others name nobody ("Je souligne que", "Se dice que").
THIRD_PERSON: dict[str, dict[str, str]] = {
    "de": {"er": "he", "sie": "she"},
    "ru": {"он": "he", "она": "she", "они": "they"},
    "es": {"él": "he", "ella": "she", "ellos": "they", "ellas": "they"},
    "fr": {"il": "he", "elle": "she", "ils": "they", "elles": "they"},
}
OTHER_PRONOUNS: dict[str, frozenset[str]] = {
    "de": word_set("ich du es wir ihr man"),
    "ru": word_set("я ты оно мы вы"),
    "es": word_set("yo tú usted nosotros nosotras vosotros vosotras ustedes se"),
    "fr": word_set("je tu on nous vous"),
}
# Languages whose verb may stand without its subject after a quote ("«…», dijo.";
# French puts the pronoun in the verb: "a-t-il déclaré.").
SUBJECT_LEFT_OUT = frozenset({"es", "fr"})


# Head nouns of institutions, as English has them (attribution._INSTITUTION_NOUNS: "the
# police said", "the ministry said" are named organisations): a German speaker whose last
# word ends in one ("Die Bundesregierung", "Die Staatsanwaltschaft"), or a Russian one whose
# last word's dictionary form is one ("Правительство", "Кремль") or a ministry's short name
# ("Минздрав"), is a body on the record, not people described.
_GERMAN_INSTITUTIONS = tuple(
    word_set(
        """
        regierung ministerium polizei behörde amt gericht kommission partei verband bank
        agentur institut konzern unternehmen staatsanwaltschaft parlament bundestag senat
        armee bundeswehr verwaltung universität klinik krankenhaus stiftung gewerkschaft
        botschaft präsidium
        """
    )
)
_RUSSIAN_INSTITUTIONS = word_set(
    """
    правительство министерство полиция суд кремль комиссия партия ведомство администрация
    прокуратура парламент дума госдума совет армия банк агентство компания посольство
    университет больница мэрия штаб
    """
)


def is_institution(words: tuple[str, ...], language: str) -> bool:
    """Whether a speaker's words (none of them a name) are an institution's."""
    if not words:
        return False
    last = words[-1].lower()
    if language == "de":
        return last.endswith(_GERMAN_INSTITUTIONS)
    if language == "ru":
        form = _russian_parses(words[-1])[0].normal_form
        return form in _RUSSIAN_INSTITUTIONS or (form.startswith("мин") and len(form) > 5)
    return False


def third_person(word: str, language: str, verb: str = "") -> str | None:
    """The English pronoun ("he", "she", "they") that a third person's pronoun of the
    language stands for, or None if the word is none. German "sie" with a verb in the
    plural ("sagten sie") is "they"."""
    english = THIRD_PERSON.get(language, {}).get(word.lower())
    if english == "she" and language == "de" and verb.endswith("en"):
        return "they"
    return english


def is_pronoun(word: str, language: str) -> bool:
    """Whether a word is one of the language's personal pronouns."""
    lower = word.lower()
    return lower in THIRD_PERSON.get(language, {}) or lower in OTHER_PRONOUNS.get(
        language, frozenset()
    )


# OpenCorpora's grammemes of proper names: first name, surname, patronymic, place,
# organisation, trade mark.
_RUSSIAN_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TOKEN = re.compile(r"[\w’'\-]+")


@cache
def _german_tagger():
    from HanTa import HanoverTagger

    # The model's full path in the package: given a bare file name, HanTa would first
    # unpickle a file of that name in the working directory, if there were one.
    model = Path(HanoverTagger.__file__).with_name("morphmodel_ger.pgz")
    return HanoverTagger.HanoverTagger(str(model))


@cache
def _russian_morphology():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def name_words(
    words: tuple[str, ...], language: str, *, sentence_start: bool, verb: str = ""
) -> tuple[bool, ...]:
    """For each of ``words`` (a capitalised speaker's words, in order, as the text has
    them), whether it is part of a name. ``sentence_start``: the first word opens a
    sentence; ``verb``: the reporting verb the words are the subject of, if known. A
    personal pronoun never is; in other languages than NAME_LANGUAGES every other word
    is, as the rules assume, but for one word opening a Spanish sentence with a verb in
    the plural ("Expertos dijeron que": one person named takes the singular)."""
    if language == "es" and sentence_start and len(words) == 1 and verb.endswith("ron"):
        return (False,)
    if language == "de":
        names = _german_names(words)
    elif language == "ru":
        names = tuple(
            _russian_name(word, at_start=sentence_start and i == 0) for i, word in enumerate(words)
        )
    else:
        names = (True,) * len(words)
    return tuple(
        name and not is_pronoun(word, language) for word, name in zip(words, names, strict=True)
    )


@lru_cache(maxsize=4096)
def _german_names(words: tuple[str, ...]) -> tuple[bool, ...]:
    if not words:
        return ()
    # A reporting verb after the words, so the tagger reads them as a clause's subject.
    tagged = _german_tagger().tag_sent([*words, "sagte"])
    return tuple(tag == "NE" for _, _, tag in tagged[: len(words)])


@lru_cache(maxsize=4096)
def _russian_parses(word: str) -> tuple:
    """pymorphy3's readings of a word, likeliest first (read once for both questions asked
    of a speaker's word: is it a name, is it an institution)."""
    return tuple(_russian_morphology().parse(word))


@lru_cache(maxsize=4096)
def _russian_name(word: str, *, at_start: bool) -> bool:
    if not at_start:
        return True
    if not _CYRILLIC.search(word) or (len(word) > 1 and word.isupper()):
        return True
    morphology = _russian_morphology()
    if not morphology.word_is_known(word.lower()):
        return True
    parses = _russian_parses(word)
    # A speaker is a clause's subject: its likeliest reading in the nominative decides
    # ("Песков" is a surname there, not sand's genitive; "Цвета" colours, not a first name).
    subject = [parse for parse in parses if "nomn" in parse.tag.grammemes] or parses
    best = max(subject, key=lambda parse: parse.score)
    return bool(best.tag.grammemes & _RUSSIAN_NAME_TAGS)


def speaker_words(text: str) -> list[re.Match]:
    """The words of a speaker's text, as matches (with their offsets)."""
    return list(_TOKEN.finditer(text))
