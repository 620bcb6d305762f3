"""Items for labelling the type of PolNeAR's gold sources by hand (what
bench/eval_source_types.py measures against).

Run: python bench/source_type_items.py /path/to/PolNeAR --split dev > items.jsonl
     [--articles N --seed S]   (a random sample of N articles of the split)
then, once a labeller has written "<id>\t<label>" for each item:
     python bench/source_type_items.py --labelled items.jsonl labels.tsv --split dev \
         --labeller a >> bench/data/polnear_source_types.tsv

PolNeAR's annotators marked, for every attribution, the words of its source ("Trump",
"he", "top aides", "a report"), not whether that source is named. This script lists those
source spans, one item per line, for a person to label with a type (the codebook is in
docs/corpora/polnear-source-types.md):

    {"id": "<article>:<start>-<end>[+<start>-<end>…][,<another span>…]", "source": "…", "context": "…"}

The context is the text from about 500 characters before the source to 150 after it, the
source marked ⟦…⟧. Within one article, sources with the same words that are not pronouns
("Trump" ten times) are one item, whose id lists every span; a pronoun ("he", "they",
"who") is an item of its own, since what it refers to changes. The output holds corpus
text: keep it outside the repository (docs/corpora/polnear.md). Only the labels, keyed by
a digest of the article's file name and character offsets, are committed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_attribution import load  # noqa: E402

# Words that refer back to someone named elsewhere: their type is their referent's.
REFERRING = frozenset(
    ("he", "she", "it", "they", "we", "i", "you", "who", "whom", "which", "that", "his", "her")
    + ("its", "their", "our", "my", "your", "him", "them", "us", "me", "whose", "this", "these")
    + ("those", "one")
)


def is_referring(source: str) -> bool:
    return source.lower().strip(" ,.’'") in REFERRING


def items(root: Path, split: str, articles: int = 0, seed: int = 0) -> list[dict]:
    if split == "test":
        raise SystemExit("PolNeAR's test split is held out: it is never read here.")
    arts = load(root, [split])
    if articles:
        arts = sorted(
            random.Random(seed).sample(arts, min(articles, len(arts))), key=lambda a: a.name
        )
    out = []
    for art in arts:
        grouped: dict[str, dict] = {}
        for g in art.golds:
            if not g.source:
                continue
            s, e = g.source[0][0], g.source[-1][1]
            words = " ".join(art.text[s:e].split())
            span = "+".join(f"{a}-{b}" for a, b in g.source)
            key = words.lower()
            if not is_referring(words) and key in grouped:
                grouped[key]["id"] += "," + span
                continue
            lo = max(0, s - 500)
            context = art.text[lo:s] + "⟦" + art.text[s:e] + "⟧" + art.text[e : e + 150]
            item = {"id": f"{art.name}:{span}", "source": words, "context": context}
            out.append(item)
            if not is_referring(words):
                grouped[key] = item
    return out


def article_key(name: str) -> str:
    """How the labels file names an article: a digest of PolNeAR's file name, whose words
    are its headline's."""
    return hashlib.sha256(name.encode()).hexdigest()[:16]


def labelled_rows(items_path: Path, labels_path: Path, split: str, labeller: str) -> list[str]:
    """The labels file's lines (split, article, source offsets, label, labeller) for a
    labeller's "<id>\t<label>" lines: one per source span, an item's grouped spans each."""
    known = {json.loads(line)["id"] for line in items_path.read_text(encoding="utf-8").splitlines()}
    rows = []
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item, label = line.split("\t")
        if item not in known:
            raise SystemExit(f"not an item of {items_path}: {item}")
        article, spans = item.rsplit(":", 1)
        rows += [
            f"{split}\t{article_key(article)}\t{span}\t{label.strip()}\t{labeller}"
            for span in spans.split(",")
        ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--labelled", type=Path, nargs=2, metavar=("ITEMS", "LABELS"))
    parser.add_argument("--labeller", default="")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--articles", type=int, default=0, help="a random sample of N articles")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.labelled:
        for row in labelled_rows(*args.labelled, args.split, args.labeller):
            print(row)
        return 0
    if args.corpus is None:
        parser.error("the PolNeAR checkout is needed to list the items")
    for item in items(args.corpus, args.split, args.articles, args.seed):
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
