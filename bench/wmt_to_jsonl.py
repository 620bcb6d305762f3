"""Convert a WMT21 news test set (newstest2021) to the JSON Lines that ``import_articles``
and ``bench/eval_events.py --corpus`` read: each news document in the language it was
written in, and a professional translation of it, as two articles of one event.

The test sets of the WMT21 news translation task are news articles in the language they
were published in (``origlang``), split into sentences, each with one or more human
reference translations (``<ref translator="A">``) and the systems' outputs (``<hyp>``,
not read). Read from the task's XML (``xml/newstest2021.ru-en.all.xml`` and the others in
https://github.com/wmt-conference/wmt21-news-systems): the source document and reference A
become two articles whose "event" label is the document id, so a translation belongs with
its original and with no other document.

Only the documents at even positions in the file (0, 2, 4, ...) are converted: the odd
ones are held out for an independent check, skipped by position before their text is
read; asking for them is refused (``--half odd``). The test suites' documents, which the
files hold too (ids "tsuite-..."), are not news and are left out.

The XML gives no dates: every article is dated the same day (noon UTC), so that every
pair of documents is within the grouping window, the hardest setting (a day's news in
two languages). The first sentence is the title (most documents open with their
headline), the rest the text, a paragraph per ``<p>``. The outlet is "WMT21 source (ru)",
"WMT21 reference (en)"... so that each language is an outlet of its own.

Run: python bench/wmt_to_jsonl.py PATH/newstest2021.ru-en.all.xml > wmt21-ru-en.jsonl
(see docs/corpora/wmt21-newstest.md for the corpus's terms and the commands.)
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

DAY = "2021-01-01T12:00:00+00:00"
# The files also hold the test suites' documents ("tsuite-tedtalks-..."): not news.
TEST_SUITE = "tsuite-"


def _article(doc_id: str, part: ET.Element, role: str) -> dict | None:
    """The title (the first sentence) and the text (the others, a paragraph per ``<p>``)."""
    paragraphs = [
        [" ".join(seg.text.split()) for seg in p.iter("seg") if seg.text and seg.text.strip()]
        for p in part.iter("p")
    ]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return None
    title = paragraphs[0].pop(0)
    text = "\n\n".join(" ".join(p) for p in paragraphs if p)
    if not text:
        return None
    language = part.get("lang", "")
    return {
        "url": f"https://{role}-{language}.wmt21.example/{doc_id}",
        "outlet": f"WMT21 {role} ({language})",
        "title": title,
        "published": DAY,
        "text": text,
        "event": f"wmt21-{doc_id}",
        "language": language,
    }


def rows(root: ET.Element, half: str = "even") -> Iterator[dict]:
    if half != "even":
        raise ValueError("the odd half is held out for an independent check")
    for position, doc in enumerate(root.iter("doc")):
        if position % 2:
            continue  # held out: not read
        doc_id = doc.get("id", str(position))
        if doc_id.startswith(TEST_SUITE):
            continue  # not news: a test suite's document (TED talks in ru-en)
        source = doc.find("src")
        reference = next((r for r in doc.iter("ref") if r.get("translator") == "A"), None)
        if source is None or reference is None:
            print(f"{doc_id}: no source or no reference A, left out", file=sys.stderr)
            continue
        pair = [_article(doc_id, source, "source"), _article(doc_id, reference, "reference")]
        if None in pair:
            print(f"{doc_id}: an empty side, left out", file=sys.stderr)
            continue
        yield from pair


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a newstest2021.XX-YY.all.xml file")
    parser.add_argument("--half", default="even", choices=("even", "odd"))
    args = parser.parse_args()
    if args.half == "odd":
        raise SystemExit("The odd half is held out for an independent check.")
    root = ET.parse(args.path).getroot()
    for row in rows(root, args.half):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
