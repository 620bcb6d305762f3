"""How much of an article's body Newsdesk's HTML path stores, against gold bodies.

Usage:
    python bench/eval_extraction.py CORPUS_PATH [--subset news|all] [--language English]
                                    [--half even|odd] [--examples N] [--draws N]

CORPUS_PATH is one of three layouts (the corpus is never committed; see docs/corpora/):
- mozilla/readability's test/test-pages: one directory per page holding ``source.html``
  (the page as downloaded) and ``expected.html`` (its article). The gold body is the text
  of ``expected.html`` without figures and captions (Newsdesk keeps those apart) and, as
  there, without the headline. ``--subset news`` keeps the pages from news outlets.
- the DAnIEL corpus as re-annotated in rundimeco/waddle (Corpus_daniel_v2.1): ``html/NAME``
  (raw page, any encoding) and ``reference/NAME`` (the hand-cleaned text, headline first).
  Its gold holds the headline: where the page repeats the headline above the body (and
  trafilatura's text starts with it), Newsdesk's stored headline is scored with its body.
  ``--language`` picks the pages of one language from its doc_lg.json.
- trafilatura's own evaluation set (its repository's ``tests/``: ``evaldata.json`` and the
  pages in ``eval/`` and ``cache/``): no gold body, but for each page a few passages the
  article must hold ("with") and a few it must not ("without"). Scored as trafilatura
  scores it: a passage is found when it is a substring of the text, spaces normalised;
  found "with" passages are true positives, missing ones false negatives, found "without"
  passages false positives; the counts are summed over pages. As for DAnIEL, Newsdesk's
  stored headline is counted with its body where it was a line of trafilatura's text.

Measure (the usual one for article extraction, as in the article-extraction benchmarks of
Scrapinghub and of trafilatura): each text is a bag of lower-cased word tokens (\\w+);
on each page precision = shared tokens / tokens extracted, recall = shared tokens / gold
tokens (shared tokens counted with multiplicity). Precision and recall are averaged over
pages and F1 is taken from the two averages. A page where nothing is stored scores 0 and 0.
Chinese has no spaces, so its pages score by characters instead of words.

Three systems: (a) trafilatura alone, (b) trafilatura with favor_precision (the baselines
Newsdesk must not fall below), and (c) Newsdesk's HTML path as stored
(newsdesk.ingest.article.extract_article, the function the ingest service calls, after
newsdesk.ingest.files.decode_text, which reads an upload's bytes).

Intervals (``--draws N``, default 1000, 0 for none): each system's F1 as a 95 % interval
over N resamplings of the pages (bench/resample.py: a page drawn with its precision and
recall, or its passage counts; every system on the same draws), and the share of draws in
which Newsdesk's F1 is above each other system's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The HTML path reads its size caps from the settings (no database is used).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

from newsdesk.ingest.article import extract_article  # noqa: E402
from newsdesk.ingest.errors import IngestError  # noqa: E402
from newsdesk.ingest.files import decode_text  # noqa: E402

# The pages of readability's test set that are news or magazine articles from an outlet
# (the others are blogs, documentation, encyclopaedia pages and synthetic markup tests).
NEWS_PAGES = frozenset({
    "aktualne", "ars-1", "bbc-1", "breitbart", "buzzfeed-1", "citylab-1", "cnet", "cnn",
    "engadget", "folha", "gmw", "guardian-1", "heise", "herald-sun-1", "la-nacion",
    "lemonde-1", "liberation-1", "medicalnewstoday", "nytimes-1", "nytimes-2", "nytimes-3",
    "nytimes-4", "nytimes-5", "quanta-1", "salon-1", "seattletimes-1", "telegraph",
    "theverge", "tmz-1", "wapo-1", "wapo-2", "yahoo-1", "yahoo-2", "yahoo-3", "yahoo-4",
})  # fmt: skip
# A CJK character is a token of its own; elsewhere a run of word characters is.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


@dataclass
class Page:
    name: str
    html: str
    gold: str
    headline_in_gold: bool
    must_hold: tuple[str, ...] = ()  # snippet corpora: passages of the article
    must_not_hold: tuple[str, ...] = ()  # and passages of the page around it


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def gold_body(expected_html: str) -> str:
    """The text of an expected article: one line a block, figures and captions left out."""
    root = lxml.html.fromstring(expected_html)
    for node in root.xpath("//figure|//figcaption|//script|//style"):
        node.drop_tree()
    blocks = root.xpath("//p|//li|//h2|//h3|//h4|//h5|//h6|//blockquote|//pre|//td")
    if not blocks:
        return root.text_content()
    return "\n".join(b.text_content() for b in blocks)


def readability_pages(corpus: Path, subset: str) -> Iterator[Page]:
    for page in sorted(corpus.iterdir()):
        source, expected = page / "source.html", page / "expected.html"
        if not (source.exists() and expected.exists()):
            continue
        if subset == "news" and page.name not in NEWS_PAGES:
            continue
        gold = gold_body(expected.read_text(encoding="utf-8"))
        yield Page(page.name, decode_text(source.read_bytes()), gold, False)


def daniel_pages(corpus: Path, language: str, half: str = "both") -> Iterator[Page]:
    """The pages of one language (or all), in name order; with ``half`` "even" or "odd",
    only that half of them by their place in that order (0-based), the other half never
    opened."""
    languages = json.loads((corpus / "doc_lg.json").read_text(encoding="utf-8"))
    index = -1
    for source in sorted((corpus / "html").iterdir()):
        reference = corpus / "reference" / source.name
        if not reference.exists() or (language and languages.get(source.name) != language):
            continue
        index += 1
        if half == ("odd", "even")[index % 2]:
            continue
        gold = lxml.html.fromstring(
            "<div>" + reference.read_text(encoding="utf-8", errors="replace") + "</div>"
        ).text_content()
        try:
            html = decode_text(source.read_bytes())
        except IngestError:  # a file the upload form would refuse too (empty, binary)
            html = ""
        yield Page(source.name, html, gold, True)


def snippet_pages(corpus: Path) -> Iterator[Page]:
    annotations = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    for url in sorted(annotations):
        item = annotations[url]
        source = next(
            (
                corpus / d / item["file"]
                for d in ("eval", "cache")
                if (corpus / d / item["file"]).exists()
            ),
            None,
        )
        if source is None:
            continue
        try:
            html = decode_text(source.read_bytes())
        except IngestError:
            html = ""
        yield Page(
            item["file"],
            html,
            "",
            True,
            tuple(item.get("with", ())),
            tuple(item.get("without", ())),
        )


@dataclass
class Snippets:
    """Passages found and missed, summed over pages (true/false positives and negatives)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    not_stored: list[str] = field(default_factory=list)
    per_page: list[tuple[int, int, int]] = field(default_factory=list)  # tp, fp, fn

    def add(self, page: Page, predicted: str) -> None:
        text = " ".join(predicted.split())
        if not text:
            self.not_stored.append(page.name)
        found = sum(" ".join(p.split()) in text for p in page.must_hold) if text else 0
        wrong = sum(" ".join(p.split()) in text for p in page.must_not_hold) if text else 0
        self.tp, self.fn = self.tp + found, self.fn + len(page.must_hold) - found
        self.fp, self.tn = self.fp + wrong, self.tn + len(page.must_not_hold) - wrong
        self.per_page.append((found, wrong, len(page.must_hold) - found))

    def figures(self) -> tuple[float, float, float]:
        return snippet_figures((self.tp, self.fp, self.fn))


def snippet_figures(counts: tuple[float, ...]) -> tuple[float, float, float]:
    """Precision, recall and F1 from summed passage counts (tp, fp, fn)."""
    tp, fp, fn = counts[:3]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def trafilatura_alone(page: Page) -> str:
    return trafilatura.extract(page.html, include_comments=False) or ""


def trafilatura_precise(page: Page) -> str:
    return trafilatura.extract(page.html, include_comments=False, favor_precision=True) or ""


def newsdesk(page: Page) -> str:
    try:
        article = extract_article(page.html, is_html=True)
    except IngestError:
        return ""
    # Where the gold holds the headline, so does what trafilatura returns when the page
    # repeats it above the body: Newsdesk moves that line to the headline; count it back.
    # (Compared as the HTML path compares lines: a table cell's bars do not count.)
    headline = " ".join(article.headline.replace("|", " ").split()).casefold()
    repeated = page.headline_in_gold and any(
        " ".join(line.replace("|", " ").split()).casefold() == headline for line in article.removed
    )
    return f"{article.headline}\n{article.body}" if repeated else article.body


SYSTEMS: dict[str, Callable[[Page], str]] = {
    "trafilatura alone": trafilatura_alone,
    "trafilatura favor_precision": trafilatura_precise,
    "Newsdesk HTML path (stored)": newsdesk,
}
NEWSDESK = "Newsdesk HTML path (stored)"


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
        return page_figures((sum(self.precisions), sum(self.recalls), len(self.precisions)))

    @property
    def per_page(self) -> list[tuple[float, float, int]]:
        return [(p, r, 1) for p, r in zip(self.precisions, self.recalls, strict=True)]


def page_figures(counts: tuple[float, ...]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages, and F1 from the two, from summed
    (precision, recall, pages)."""
    n = counts[2] or 1
    p, r = counts[0] / n, counts[1] / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_intervals(per_page: dict[str, list[tuple]], figures, draws: int) -> None:
    """Each system's 95 % interval of F1 over ``draws`` resamplings of the pages
    (bench/resample.py, the same draws for all), and how often Newsdesk's was higher."""
    from bench.resample import document_resamples, interval, share_ahead

    f1s = document_resamples(per_page, lambda counts: figures(counts)[2], draws=draws)
    print(
        f"\n95 % intervals of F1 over {draws} resamplings of the {len(per_page[NEWSDESK])} pages:"
    )
    for name in per_page:
        low, high = interval(f1s[name])
        ahead = (
            ""
            if name == NEWSDESK
            else f"  (Newsdesk higher in {share_ahead(f1s[NEWSDESK], f1s[name]):.0%} of draws)"
        )
        print(f"{name:30} {low:.3f}–{high:.3f}{ahead}")


def line_errors(name: str, library: str, stored: str, gold: Counter[str]) -> list[str]:
    """Lines trafilatura found that Newsdesk dropped although gold has them, and lines
    Newsdesk kept that gold does not have."""
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


def _short(line: str, words: int = 6) -> str:
    parts = line.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--subset", choices=("news", "all"), default="all")
    parser.add_argument("--language", default="", help="DAnIEL only: English, Russian, …")
    parser.add_argument(
        "--half",
        choices=("even", "odd", "both"),
        default="both",
        help="DAnIEL: the pages of a language in name order, 0-based; even ones were the "
        "development half of HTML path version 3, odd ones its check half",
    )
    parser.add_argument("--examples", type=int, default=12)
    from bench.resample import add_draws_option

    add_draws_option(parser, "pages")
    args = parser.parse_args(argv)

    if (args.corpus / "evaldata.json").exists():
        return snippet_main(args.corpus, args.draws)
    if (args.corpus / "reference").is_dir():
        pages = daniel_pages(args.corpus, args.language, args.half)
        label = args.language or "all"
    else:
        pages, label = readability_pages(args.corpus, args.subset), args.subset
    scores = {name: Score() for name in SYSTEMS}
    errors: list[str] = []
    for page in pages:
        gold = tokens(page.gold)
        if not gold:
            continue
        outputs = {name: system(page) for name, system in SYSTEMS.items()}
        for name, output in outputs.items():
            scores[name].add(page.name, output, gold)
        errors += line_errors(page.name, outputs["trafilatura alone"], outputs[NEWSDESK], gold)

    half = "" if args.half == "both" else f", {args.half} half"
    print(f"{len(scores[NEWSDESK].precisions)} pages ({label}{half}) from {args.corpus}")
    print("word-level bag of tokens (CJK: characters); precision and recall averaged over pages")
    print(f"{'system':30} {'precision':>9} {'recall':>7} {'F1':>6}  not stored")
    for name, score in scores.items():
        p, r, f = score.figures()
        missing = ", ".join(score.not_stored[:6]) + (" …" if len(score.not_stored) > 6 else "")
        print(f"{name:30} {p:9.3f} {r:7.3f} {f:6.3f}  {len(score.not_stored)} {missing}")
    if args.draws and scores[NEWSDESK].precisions:
        print_intervals(
            {name: score.per_page for name, score in scores.items()}, page_figures, args.draws
        )
    print(
        f"\nNewsdesk beside trafilatura alone: {len(errors)} lines differ; {args.examples} of them:"
    )
    print("\n".join(errors[: args.examples]) or "  none")
    return 0


def snippet_main(corpus: Path, draws: int = 0) -> int:
    scores = {name: Snippets() for name in SYSTEMS}
    pages = 0
    for page in snippet_pages(corpus):
        pages += 1
        for name, system in SYSTEMS.items():
            scores[name].add(page, system(page))
    print(f"{pages} pages from {corpus}; passages found (with) and wrongly found (without)")
    print(f"{'system':30} {'precision':>9} {'recall':>7} {'F1':>6}  not stored  tp fp fn tn")
    for name, score in scores.items():
        p, r, f = score.figures()
        counts = f"{score.tp} {score.fp} {score.fn} {score.tn}"
        print(f"{name:30} {p:9.4f} {r:7.4f} {f:6.4f}  {len(score.not_stored):<10}  {counts}")
    if draws and pages:
        print_intervals(
            {name: score.per_page for name, score in scores.items()}, snippet_figures, draws
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
