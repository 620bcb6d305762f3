"""Whether the attribution scorer's German and Russian speakers that it counts as named
sources are names, against the part-of-speech tags of a Universal Dependencies treebank.

Run: python bench/eval_foreign_names.py FILE.conllu --language de|ru [--errors 8]

Universal Dependencies treebanks (docs/corpora/universal-dependencies.md) tag every word by
hand; a proper noun is ``PROPN``. Two measures, each beside the rule of attribution 27 and
before (every capitalised speaker a name, the baseline):

- **speakers**: every sentence of the file is scored by the attribution scorer; each
  attribution it finds has its speaker's words, which are a name if one of their words is
  tagged ``PROPN`` (a pronoun the scorer took for someone named before is left out: its
  words are not what is judged). Counted as named: the scorer's ``named_person`` and ``named_org``. An institution written as a noun that the scorer types as a named
  organisation, as English does ("Die Polizei"), counts against it here, since the
  treebank tags it a common noun.
- **subjects**: the same decision (analysis.scoring.names) on every capitalised subject
  (``nsubj``) of a verb, with the capitalised words before it, as the rules would take
  them: more cases than the speakers the rules find. Also given for subjects opening a
  sentence alone, where in Russian the decision is made.

Prints precision, recall and F1 of "named" and examples of each kind of error (treebank
words, printed here and never stored). Never pass a test file: the treebanks' test splits
are held out (the script refuses a file whose name says "test").
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.scoring.attribution import score_attribution  # noqa: E402
from analysis.scoring.names import NAME_LANGUAGES, name_words  # noqa: E402

NAMED = ("named_person", "named_org")


@dataclass
class Token:
    form: str
    upos: str
    head: int
    deprel: str
    start: int = -1  # character offsets in the sentence's text (-1: not found)
    end: int = -1


@dataclass
class Sentence:
    text: str
    tokens: list[Token] = field(default_factory=list)


def read_conllu(path: Path) -> list[Sentence]:
    """The sentences of a CoNLL-U file with their words (multiword tokens' parts kept, the
    offsets of each word found in the sentence's text in order)."""
    sentences: list[Sentence] = []
    current: Sentence | None = None
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                current = Sentence(line[len("# text = ") :])
            elif not line:
                if current is not None and current.tokens:
                    _locate(current)
                    sentences.append(current)
                current = None
            elif not line.startswith("#") and current is not None:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue  # a multiword token's surface, or an empty node
                head = int(cols[6]) if cols[6].isdigit() else 0
                current.tokens.append(Token(cols[1], cols[3], head, cols[7]))
    if current is not None and current.tokens:
        _locate(current)
        sentences.append(current)
    return sentences


def _locate(sentence: Sentence) -> None:
    cursor = 0
    for token in sentence.tokens:
        at = sentence.text.find(token.form, cursor)
        if at >= 0:
            token.start, token.end = at, at + len(token.form)
            cursor = token.end


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    base_fp: int = 0  # every case is "named" under the baseline
    false_named: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, gold: bool, predicted: bool, example: str) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.false_named.append(example)
        elif gold:
            self.fn += 1
            self.missed.append(example)
        else:
            self.tn += 1
        self.base_fp += not gold

    def report(self, title: str, errors: int) -> None:
        n = self.tp + self.fp + self.fn + self.tn
        gold = self.tp + self.fn
        print(f"{title}: {n} cases, {gold} names by the treebank's tags")
        bp, br, bf = prf(gold, self.base_fp, 0)
        p, r, f = prf(self.tp, self.fp, self.fn)
        print(f"  every capitalised speaker a name (v27)  P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
        print(f"  names by analysis.scoring.names (v28)   P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"  not names kept out: {self.tn} of {n - gold}")
        for label, examples in (("counted as named", self.false_named), ("missed", self.missed)):
            for example in examples[:errors]:
                print(f"    {label}: {example}")


def speakers(sentences: list[Sentence], language: str) -> Tally:
    tally = Tally()
    for sentence in sentences:
        for a in score_attribution(sentence.text, language).evidence["attributions"]:
            start, end = a.get("speaker_start"), a.get("speaker_end")
            if start is None or end is None or start == end or a.get("speaker_resolved"):
                continue  # no words, or a pronoun taken for someone named elsewhere
            words = [t for t in sentence.tokens if t.start >= start and 0 <= t.end <= end]
            if not words:
                continue
            gold = any(t.upos == "PROPN" for t in words)
            example = f"{sentence.text[start:end]!r} ({a['speaker_type']}) in {sentence.text!r}"
            tally.add(gold, a["speaker_type"] in NAMED, example)
    return tally


def subjects(sentences: list[Sentence], language: str, *, opening_only: bool) -> Tally:
    tally = Tally()
    for sentence in sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.deprel.split(":")[0] != "nsubj" or not token.form[:1].isupper():
                continue
            if not 0 < token.head <= len(tokens) or tokens[token.head - 1].upos != "VERB":
                continue
            first = i
            while first > 0 and tokens[first - 1].form[:1].isupper() and i - first < 3:
                first -= 1
            last = i  # and the rest of the name after it ("Torsten" → "Torsten Burrichter")
            while (
                last + 1 < len(tokens)
                and tokens[last + 1].deprel.startswith("flat")
                and tokens[last + 1].form[:1].isupper()
            ):
                last += 1
            run = tokens[first : last + 1]
            opening = first == 0
            if opening_only and not opening:
                continue
            gold = any(t.upos == "PROPN" for t in run)
            predicted = any(
                name_words(tuple(t.form for t in run), language, sentence_start=opening)
            )
            words = " ".join(t.form for t in run)
            tally.add(gold, predicted, f"{words!r} in {sentence.text!r}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conllu", type=Path)
    parser.add_argument("--language", choices=(*NAME_LANGUAGES, "es", "fr"), required=True)
    parser.add_argument("--errors", type=int, default=8)
    args = parser.parse_args()
    if "test" in args.conllu.name.lower():
        parser.error("the treebanks' test splits are held out: pass a dev file")
    sentences = read_conllu(args.conllu)
    print(f"{args.conllu.name}: {len(sentences)} sentences, language {args.language}")
    speakers(sentences, args.language).report("speakers the scorer finds", args.errors)
    subjects(sentences, args.language, opening_only=False).report(
        "capitalised subjects of verbs", args.errors
    )
    subjects(sentences, args.language, opening_only=True).report(
        "the same, opening a sentence", args.errors
    )


if __name__ == "__main__":
    main()
