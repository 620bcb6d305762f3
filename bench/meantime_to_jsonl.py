"""Convert the NewsReader MEANTIME corpus (Minard et al. 2016) to the JSON Lines that
``import_articles`` and ``bench/eval_events.py --corpus`` read.

MEANTIME is 120 English Wikinews articles in four folders (corpus_airbus, corpus_apple,
corpus_gm, corpus_stock) and their translations into Spanish, Italian and Dutch, with the
same document id in every language. Read from the CoNLL files of the Diverse CDCR
datasets (one per language: document id, sentence, token number, token). The document id
becomes the "event" label, so a translation belongs with its English original.

Only corpus_airbus and corpus_apple are converted: corpus_gm and corpus_stock are held out
for an independent check, and their lines are skipped by document id before their tokens
are looked at (``HELD_OUT``); asking for them is refused.

Each document's first sentence is its title and its second the Wikinews dateline ("March
01, 2008", "1 de marzo de 2008", "1 marzo 2008", "01-Mar-08"), parsed as the publication
day (noon UTC, as for PAC); the rest, detokenised, is the text, in one paragraph: the
CoNLL files keep sentences, not paragraphs, and the importer reads a text as a page, where a
short sentence alone on a line can pass for a heading or a caption and be dropped (with one
sentence a line, 13,000 of 454,000 characters were, most of seven documents). A document whose dateline
cannot be read is left out (reported on standard error). The outlet is "Wikinews (en)",
"Wikinews (es)"... ; "language" is written for the reader (the importer ignores it and
detects the language itself).

Run: python bench/meantime_to_jsonl.py GIT_DIR [--language en|es|it|nl|all] > out.jsonl
     python bench/meantime_to_jsonl.py --conll en=PATH --conll es=PATH ... > out.jsonl
(see docs/corpora/meantime.md for the corpus's terms and the commands.)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

LANGUAGES = ("en", "es", "it", "nl")
DEV_FOLDERS = ("corpus_airbus", "corpus_apple")
HELD_OUT = ("corpus_gm", "corpus_stock")
CONLL_IN_GIT = "HEAD:MEANTIME-prep/output_data/{language}/meantime.conll"

_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "jan feb mar apr may jun jul aug sep oct nov dec",
}
MONTHS = {
    language: {name: i + 1 for i, name in enumerate(names.split())}
    for language, names in _MONTHS.items()
}
_NO_SPACE_BEFORE = frozenset(".,;:!?%)]}”’") | {
    "...",
    "..",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = frozenset("([{“‘¡¿")
# "$40", "US$40", but "11.000 millones de $ en" (Spanish writes the sign after the number).
_CURRENCY = frozenset({"$", "US$", "£", "€", "#"})
_QUOTES = {"``": '"', "''": '"'}
# An Italian elided article or preposition ("l'", "dell'", "un'") is written against the
# next word.
_ELIDED = re.compile(r"^[^\W\d_]+'$")


def refuse_held_out(doc_id: str) -> None:
    if doc_id.split("/")[0] in HELD_OUT:
        raise ValueError(f"{doc_id} is in a held-out folder ({', '.join(HELD_OUT)})")


def detokenize(tokens: Iterable[str], language: str = "en") -> str:
    """Tokens back to text: no space before closing punctuation or after opening
    punctuation, straight double quotes opening and closing in turn, Italian elisions
    joined to the next word."""
    return detokenize_spans(tokens, language)[0]


def detokenize_spans(
    tokens: Iterable[str], language: str = "en"
) -> tuple[str, list[tuple[int, int]]]:
    """detokenize's text, and where each token is in it ((start, end) of the token as
    written there: a CoNLL quote as a straight one)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    glue_next = False
    quote_open = False
    tokens = list(tokens)
    for i, raw in enumerate(tokens):
        token = _QUOTES.get(raw, raw)
        if token.startswith("``") and len(token) > 2:  # "``We" in the Dutch file
            token = '"' + token[2:]
        glue = glue_next or token in _NO_SPACE_BEFORE
        glue_next = token in _NO_SPACE_AFTER or (
            token in _CURRENCY and i + 1 < len(tokens) and tokens[i + 1][:1].isdigit()
        )
        if token == '"':
            if quote_open:
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        elif token.startswith('"'):
            quote_open = True
        if language == "it" and _ELIDED.match(token):
            glue_next = True
        if out and not glue:
            out.append(" ")
            size += 1
        out.append(token)
        spans.append((size, size + len(token)))
        size += len(token)
    text = "".join(out)
    # As strip() would: the spans move by what it takes off the start.
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    spans = [
        (min(max(s - lead, 0), len(stripped)), min(max(e - lead, 0), len(stripped)))
        for s, e in spans
    ]
    return stripped, spans


def parse_dateline(sentence: str, language: str) -> str | None:
    """The ISO date (YYYY-MM-DD) of a Wikinews dateline in the given language."""
    months = MONTHS[language]
    text = sentence.lower()
    if found := re.search(r"\b(\d{1,2})-([a-z]{3})-(\d{2})\b", text):  # 01-Mar-08
        day, month, year = int(found[1]), MONTHS["nl"].get(found[2]), 2000 + int(found[3])
    elif found := re.search(r"\b([^\W\d_]+) (\d{1,2}) ?, (\d{4})\b", text):  # March 01, 2008
        day, month, year = int(found[2]), months.get(found[1]), int(found[3])
    elif found := re.search(r"\b(\d{1,2}) (?:de )?([^\W\d_]+) (?:del? )?(\d{4})\b", text):
        day, month, year = int(found[1]), months.get(found[2]), int(found[3])
    else:
        return None
    if not month or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def documents(lines: Iterable[str], folders: Iterable[str] = DEV_FOLDERS) -> dict:
    """Each document's sentences (lists of tokens), in order, for the given folders only;
    lines of any other folder are dropped by their document id before anything else."""
    wanted = tuple(folders)
    for folder in wanted:
        if folder in HELD_OUT:
            raise ValueError(f"{folder} is held out")
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in lines:
        doc_id, _, rest = line.partition("\t")
        if doc_id.split("/")[0] not in wanted:
            continue  # held out or a comment line: not read further
        fields = rest.rstrip("\n").split("\t")
        if len(fields) < 3:
            continue
        sentences[doc_id][int(fields[0])].append(fields[2])
    return {doc: [s for _, s in sorted(by_number.items())] for doc, by_number in sentences.items()}


def rows(language: str, lines: Iterable[str], folders=DEV_FOLDERS) -> Iterator[dict]:
    for doc_id, sentences in sorted(documents(lines, folders).items()):
        refuse_held_out(doc_id)
        if len(sentences) < 3:
            continue
        day = parse_dateline(" ".join(sentences[1]), language)
        if day is None:
            print(f"{language} {doc_id}: no dateline read, left out", file=sys.stderr)
            continue
        yield {
            "url": f"https://{language}.meantime.example/{doc_id}",
            "outlet": f"Wikinews ({language})",
            "title": detokenize(sentences[0], language),
            "published": f"{day}T12:00:00+00:00",
            "text": " ".join(detokenize(s, language) for s in sentences[2:]),
            "event": f"meantime-{doc_id}",
            "language": language,
        }


def _git_lines(git_dir: Path, language: str) -> list[str]:
    shown = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", CONLL_IN_GIT.format(language=language)],
        capture_output=True,
        text=True,
        check=True,
    )
    return shown.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", nargs="?", type=Path, help="the Diverse CDCR git directory")
    parser.add_argument(
        "--conll", action="append", default=[], help="LANG=PATH of a meantime.conll file"
    )
    parser.add_argument("--language", default="all", choices=(*LANGUAGES, "all"))
    args = parser.parse_args()
    paths = dict(item.split("=", 1) for item in args.conll)
    languages = LANGUAGES if args.language == "all" else (args.language,)
    for language in languages:
        if language in paths:
            with open(paths[language], encoding="utf-8") as stream:
                lines = stream.read().splitlines()
        elif args.git_dir:
            lines = _git_lines(args.git_dir, language)
        else:
            raise SystemExit(
                f"No CoNLL file for {language}: give GIT_DIR or --conll {language}=PATH"
            )
        for row in rows(language, lines):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
