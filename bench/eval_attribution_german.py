"""How much of the speech and writing that people marked in German non-fiction the
attribution scorer's German rules find, and whether they name the right speaker.

Run: python bench/eval_attribution_german.py /path/to/redewiedergabe-corpus [--errors 8]

The Redewiedergabe corpus (docs/corpora/redewiedergabe.md) marks, in samples of German
texts of 1840–1920, every instance of represented speech, thought and writing, its type
(direct, indirect, free indirect, reported) and its speaker's words; two people annotated
each sample and a third settled it. Read here: the non-fictional samples (newspapers and
the magazine Die Grenzboten) of the main corpus's tab-separated files, whose words are
joined back into text (no space before punctuation or after an opening quote mark).

Gold: the direct and indirect instances of speech or writing (thought left out: the
scorer looks for what people said). An attribution of the scorer matches one when their
contents share at least half of the shorter's words. Printed:

- **direct**: the scorer's quotes flagged direct, against direct instances, beside the
  baseline "every span in quote marks";
- **direct and indirect**: all the scorer's attributions against both kinds;
- **speakers**: of the matched pairs whose instance has a speaker marked, how often the
  scorer's speaker shares a word with it; and of the scorer's named sources among them, how
  many are marked speakers;

with examples of misses and false finds (corpus words, printed here and never stored).

Split: a sample whose file name's MD5 digest ends in an even hexadecimal digit is
development (read and reported); the others are held out, never read (``--split check``
is refused).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.scoring.attribution import find_quotes, score_attribution  # noqa: E402
from bench.eval_attribution import prf  # noqa: E402

NO_SPACE_BEFORE = frozenset(",.;:!?)]“«’")
NO_SPACE_AFTER = frozenset("„»([‚")
NAMED = ("named_person", "named_org")


@dataclass
class Instance:
    kind: str  # "direct" or "indirect"
    tokens: set[int] = field(default_factory=set)
    speaker: set[int] = field(default_factory=set)


@dataclass
class Sample:
    name: str
    text: str
    spans: list[tuple[int, int]]  # each token's characters
    instances: dict[str, Instance]


def is_development(name: str) -> bool:
    return int(hashlib.md5(name.encode()).hexdigest()[-1], 16) % 2 == 0


def non_fiction(folder: Path) -> list[str]:
    """The main corpus's non-fictional samples, by file name."""
    with (folder / "metadata.tsv").open(encoding="utf-8") as rows:
        return [
            row["file"] for row in csv.DictReader(rows, delimiter="\t") if row["fictional"] == "no"
        ]


def _kinds(value: str) -> list[tuple[str, str, str]]:
    """(type, medium, id) of each annotation in an stwr cell ("direct.speech.3|…")."""
    found = []
    for part in value.split("|"):
        bits = part.split(".")
        if len(bits) >= 3:
            found.append((bits[0], bits[1], bits[2]))
    return found


def read_sample(path: Path) -> Sample:
    tokens: list[str] = []
    stwr: list[str] = []
    speakers: list[str] = []
    with path.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("note") == "note":
                continue  # footnotes
            tokens.append(row["tok"])
            stwr.append(row["stwr"])
            speakers.append(row["speaker"])
    text, spans = "", []
    for i, token in enumerate(tokens):
        glue = i == 0 or token[:1] in NO_SPACE_BEFORE or tokens[i - 1][-1:] in NO_SPACE_AFTER
        if not glue:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
    instances: dict[str, Instance] = {}
    for i, value in enumerate(stwr):
        for kind, medium, ident in _kinds(value):
            types = set(kind.split("_"))
            media = set(medium.split("_"))
            if not types & {"direct", "indirect"} or not media & {"speech", "writing"}:
                continue
            instance = instances.setdefault(
                ident, Instance("direct" if "direct" in types else "indirect")
            )
            instance.tokens.add(i)
    for i, value in enumerate(speakers):
        if value.startswith("speaker."):
            for ident in value.split(".", 1)[1].split("_"):
                if ident in instances:
                    instances[ident].speaker.add(i)
    return Sample(path.name, text, spans, instances)


def tokens_in(sample: Sample, start: int, end: int) -> set[int]:
    return {i for i, (s, e) in enumerate(sample.spans) if s < end and e > start}


def matches(found: set[int], gold: set[int]) -> bool:
    shorter = min(len(found), len(gold))
    return shorter > 0 and len(found & gold) * 2 >= shorter


@dataclass
class Score:
    tp: int = 0  # found that match a marked instance
    found: int = 0
    gold: int = 0
    tp_gold: int = 0  # marked instances that something found matches

    def line(self, label: str) -> str:
        p, r, f = prf(self.tp_gold, self.gold, self.tp, self.found)
        return (
            f"  {label:42s} P {p:.3f} R {r:.3f} F1 {f:.3f} ({self.found} found, {self.gold} marked)"
        )


def evaluate(samples: list[Sample], errors: int) -> dict[str, Score]:
    direct, baseline, both = Score(), Score(), Score()
    speaker_pairs = speaker_right = named = named_right = 0
    missed, false = [], []
    for sample in samples:
        result = score_attribution(sample.text, "de")
        attributions = [
            (a, tokens_in(sample, a["content_start"], a["content_end"]))
            for a in result.evidence["attributions"]
        ]
        gold_direct = [g for g in sample.instances.values() if g.kind == "direct"]
        gold_all = list(sample.instances.values())
        quotes = [tokens_in(sample, s, e) for s, e in find_quotes(sample.text)]
        mine_direct = [t for a, t in attributions if a["direct"]]
        for score, found, gold in (
            (direct, mine_direct, gold_direct),
            (baseline, quotes, gold_direct),
            (both, [t for _, t in attributions], gold_all),
        ):
            score.found += len(found)
            score.gold += len(gold)
            score.tp += sum(any(matches(f, g.tokens) for g in gold) for f in found)
            score.tp_gold += sum(any(matches(f, g.tokens) for f in found) for g in gold)
        for a, content in attributions:
            gold = next((g for g in gold_all if matches(content, g.tokens)), None)
            if gold is None:
                false.append(f"{sample.text[a['start'] : a['end']]!r}")
                continue
            if gold.speaker and a.get("speaker_start") is not None:
                mine = tokens_in(sample, a["speaker_start"], a["speaker_end"])
                speaker_pairs += 1
                speaker_right += bool(mine & gold.speaker)
                if a["speaker_type"] in NAMED:
                    named += 1
                    named_right += bool(mine & gold.speaker)
        for g in gold_all:
            if not any(matches(t, g.tokens) for _, t in attributions):
                words = " ".join(sample.text[slice(*sample.spans[i])] for i in sorted(g.tokens))
                missed.append(f"[{g.kind}] {words[:160]!r}")
    print(direct.line("direct: the scorer's direct quotes"))
    print(baseline.line("direct: every span in quote marks"))
    print(both.line("direct and indirect: every attribution"))
    if speaker_pairs:
        print(
            f"  speakers: {speaker_right} of {speaker_pairs} matched attributions with a marked"
            f" speaker share a word with it ({speaker_right / speaker_pairs:.3f});"
            f" named sources {named_right} of {named}"
        )
    for label, examples in (("missed", missed), ("not marked", false)):
        for example in examples[:errors]:
            print(f"    {label}: {example}")
    return {"direct": direct, "baseline": baseline, "both": both}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus repository (holding data/main/tsv)")
    parser.add_argument("--split", default="dev", choices=("dev", "check"))
    parser.add_argument("--errors", type=int, default=8)
    args = parser.parse_args()
    if args.split != "dev":
        parser.error("the check half is held out: it is not read")
    folder = args.corpus / "data" / "main" / "tsv"
    names = [n for n in non_fiction(folder) if is_development(n)]
    samples = [read_sample(folder / n) for n in names if (folder / n).is_file()]
    marked = sum(len(s.instances) for s in samples)
    print(f"Redewiedergabe, non-fiction, dev half: {len(samples)} samples, {marked} instances")
    evaluate(samples, args.errors)


if __name__ == "__main__":
    main()
