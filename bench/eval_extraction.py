"""How much of an article's body Newsdesk's HTML path stores, against gold bodies.

Usage:
    python bench/eval_extraction.py CORPUS_PATH [--subset news|all] [--examples N]

CORPUS_PATH is a directory with one sub-directory per page holding ``source.html`` (the
page as downloaded) and ``expected.html`` (its article body, as in mozilla/readability's
test/test-pages; see docs/corpora/readability-test-pages.md). The gold body is the text
of ``expected.html`` without its figures and captions: Newsdesk keeps captions and credits
apart from the body, so they are not body text.

Measure (the usual one for article extraction, as in the article-extraction benchmarks of
Scrapinghub and of trafilatura): each text is a bag of lower-cased word tokens; on each
page precision = shared tokens / tokens extracted, recall = shared tokens / gold tokens
(shared tokens counted with multiplicity). Precision and recall are averaged over pages
and F1 is taken from the two averages. A page where nothing is stored scores 0 and 0.

Three systems: (a) trafilatura alone, (b) trafilatura with favor_precision, the baseline
Newsdesk must not fall below, and (c) Newsdesk's HTML path as stored
(newsdesk.ingest.article.extract_article, the function the ingest service calls).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdesk.ingest.article import extract_article  # noqa: E402
from newsdesk.ingest.errors import IngestError  # noqa: E402

# The pages of readability's test set that are news or magazine articles from an outlet
# (the others are blogs, documentation, encyclopaedia pages and synthetic markup tests).
NEWS_PAGES = frozenset(
    "aktualne ars-1 bbc-1 breitbart buzzfeed-1 citylab-1 cnet cnn engadget folha gmw "
    "guardian-1 heise herald-sun-1 la-nacion lemonde-1 liberation-1 medicalnewstoday "
    "nytimes-1 nytimes-2 nytimes-3 nytimes-4 nytimes-5 quanta-1 salon-1 seattletimes-1 "
    "telegraph theverge tmz-1 wapo-1 wapo-2 yahoo-1 yahoo-2 yahoo-3 yahoo-4".split()
)
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def gold_body(expected_html: str) -> str:
    root = lxml.html.fromstring(expected_html)
    for node in root.xpath("//figure|//figcaption|//script|//style"):
        node.drop_tree()
    blocks = root.xpath("//p|//li|//h2|//h3|//h4|//h5|//h6|//blockquote|//pre|//td")
    if not blocks:
        return root.text_content()
    return "\n".join(b.text_content() for b in blocks)


def trafilatura_alone(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_precise(html: str) -> str:
    return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""


def newsdesk(html: str) -> str:
    try:
        return extract_article(html, is_html=True).body
    except IngestError:
        return ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "trafilatura alone": trafilatura_alone,
    "trafilatura favor_precision": trafilatura_precise,
    "Newsdesk HTML path (stored)": newsdesk,
}


@dataclass
class Score:
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    not_stored: list[str] = field(default_factory=list)

    def add(self, name: str, predicted: str, gold: Counter[str]) -> None:
        got = tokens(predicted)
        shared = sum((got & gold).values())
        if not got:
            self.not_stored.append(name)
        self.precisions.append(shared / sum(got.values()) if got else 0.0)
        self.recalls.append(shared / sum(gold.values()) if gold else 0.0)

    def figures(self) -> tuple[float, float, float]:
        n = len(self.precisions) or 1
        p, r = sum(self.precisions) / n, sum(self.recalls) / n
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line_errors(name: str, library: str, stored: str, gold: Counter[str]) -> list[str]:
    """Lines trafilatura found that Newsdesk dropped although gold has them, and the reverse."""
    kept = {" ".join(line.split()) for line in stored.splitlines() if line.strip()}
    found = [" ".join(line.split()) for line in library.splitlines() if line.strip()]
    errors = []
    for line in found:
        words = tokens(line)
        if sum(words.values()) < 3:
            continue
        in_gold = sum((words & gold).values()) / sum(words.values())
        if line not in kept and not any(line in k or k in line for k in kept) and in_gold >= 0.9:
            errors.append(f"  {name}: wrongly dropped: {_short(line)}")
    for line in kept:
        words = tokens(line)
        if sum(words.values()) >= 3 and sum((words & gold).values()) / sum(words.values()) < 0.3:
            errors.append(f"  {name}: wrongly kept: {_short(line)}")
    return errors


def _short(line: str, words: int = 8) -> str:
    parts = line.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--subset", choices=("news", "all"), default="all")
    parser.add_argument("--examples", type=int, default=12)
    args = parser.parse_args(argv)

    pages = sorted(
        d for d in args.corpus.iterdir() if (d / "source.html").exists() and (d / "expected.html").exists()
    )
    if args.subset == "news":
        pages = [d for d in pages if d.name in NEWS_PAGES]
    scores = {name: Score() for name in SYSTEMS}
    errors: list[str] = []
    for page in pages:
        html = (page / "source.html").read_text(encoding="utf-8", errors="replace")
        gold = tokens(gold_body((page / "expected.html").read_text(encoding="utf-8")))
        if not gold:
            continue
        outputs = {name: system(html) for name, system in SYSTEMS.items()}
        for name, output in outputs.items():
            scores[name].add(page.name, output, gold)
        errors += line_errors(
            page.name, outputs["trafilatura alone"], outputs["Newsdesk HTML path (stored)"], gold
        )

    print(f"{len(scores['trafilatura alone'].precisions)} pages ({args.subset}) from {args.corpus}")
    print("word-level bag-of-tokens, averaged over pages")
    print(f"{'system':32} {'precision':>9} {'recall':>7} {'F1':>6}  not stored")
    for name, score in scores.items():
        p, r, f = score.figures()
        missing = ", ".join(score.not_stored) or "-"
        print(f"{name:32} {p:9.3f} {r:7.3f} {f:6.3f}  {len(score.not_stored)}: {missing}")
    print(f"\nNewsdesk against trafilatura alone: {len(errors)} lines differ; the first {args.examples}:")
    print("\n".join(errors[: args.examples]) or "  none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
