"""Convert ECB+ (Cybulska and Vossen 2014) to the JSON Lines that ``import_articles`` and
``bench/eval_events.py --corpus`` read: related but distinct events of the same kind.

Each ECB+ topic holds two sub-topics, two different happenings of one kind (two
celebrities entering rehab, two earthquakes), each reported by several outlets: the
original ECB documents (folder ``<T>ecb``) and the ones ECB+ added (``<T>ecbplus``). The
sub-topic becomes the "event" label, so grouping must keep each happening's reports
together and the two happenings of a topic apart.

The documents are read from the Diverse CDCR datasets' per-document JSON files
(``ECBplus-prep/output_data/test_parsing/<T>ecb[plus]/<T>_<N>ecb[plus].json``), either
straight from a git mirror of that repository (``--git-dir``, read with ``git cat-file``)
or from a folder that holds the ``<T>ecb[plus]`` folders (``--folder``).

Split: only topics 1-35 (ECB+'s usual training and development topics) are read; the
usual test topics 36-45 are held out, and a path of theirs is dropped before its file is
opened (``topic_allowed``). Asking for a held-out topic is refused.

Choices (docs/corpora/ecbplus.md):

- Times: ECB+ dates are mostly missing or messy, and a topic's two happenings were years
  apart, while grouping compares only articles within a few days of each other. Every
  document of a topic, both sub-topics, is put in one shared 48-hour window, in a seeded
  random order at even steps, and topics are 14 days apart: a deliberately hard setting,
  two happenings of one kind reported on the same days. ``--apart`` writes the easier
  setting for comparison: the ECB+ sub-topic's documents in 48 hours of their own a week
  after the ECB ones, so that grouping never sees the two happenings side by side.
- Titles: ECB+ texts have no separate headline. The conversion's "title" is the
  document's first sentence (for ECB+ documents the first sentence that is not the URL or
  the date line, often the scraped headline; for ECB documents the lead sentence), and
  "text" the rest; both are kept as they are.
- Outlet and URL: ECB+ documents start with their URL, which the conversion keeps (the
  tokenizer's spaces removed here); it is the row's URL and its host the outlet. ECB
  documents give neither: they get no URL and an outlet of their own each ("ECB document
  1_10"), so that no two of them pass for one outlet's article and its update. (A shared
  placeholder host would not do: the importer finds an outlet by the URL's host when the
  name is new, so every article would join the first one's outlet.)
- Documents whose text repeats another's exactly are left out (the importer would refuse
  the second as a duplicate).

Run: python bench/ecbplus_to_jsonl.py --git-dir /work/.mirror/anastasia-zhukova+Diverse_CDCR_datasets/repo > ecbplus-dev.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

PREFIX = "ECBplus-prep/output_data/test_parsing/"
DEV_TOPICS = range(1, 36)  # 1-35; 36-45 are the held-out test topics
HELD_OUT_TOPICS = range(36, 46)
# A document's file: <T>ecb/<T>_<N>ecb.json or <T>ecbplus/<T>_<N>ecbplus.json.
DOCUMENT = re.compile(r"(?:^|/)(\d+)(ecb|ecbplus)/(\d+)_(\d+)(ecb|ecbplus)\.json$")
# A sub-topic's event mentions and tokens (read by bench/eval_claims_ecbplus.py):
# <T>ecb/annotation/original/event_mentions_<T>ecb.json and .../<T>ecb.conll; the second
# group after the topic is empty so that the groups line up with DOCUMENT's.
ANNOTATION = re.compile(
    r"(?:^|/)(\d+)(ecb|ecbplus)/annotation/original/(?:event_mentions_)?(\d+)()(ecb|ecbplus)"
    r"\.(?:json|conll)$"
)
START = dt.datetime(2020, 1, 6, 0, 0, tzinfo=dt.UTC)
TOPIC_GAP = dt.timedelta(days=14)
TOPIC_SPAN = dt.timedelta(hours=48)
APART_GAP = dt.timedelta(days=7)  # with --apart, the ECB+ sub-topic's start after the ECB one
SEED = 2014
_HOST = re.compile(r"^(?:https?:)?/*(?:www\d?\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)


def topic_allowed(
    path: str, topics: Iterable[int] = DEV_TOPICS, annotation: bool = False
) -> int | None:
    """The topic of a document path if it is one of ``topics``, else None (annotation
    files, other folders and held-out topics alike); decided on the path alone. With
    ``annotation``, the same for a sub-topic's event mentions or conll file instead (and
    None for documents)."""
    found = (ANNOTATION if annotation else DOCUMENT).search(path)
    if not found or found[1] != found[3] or found[2] != found[5]:
        return None
    topic = int(found[1])
    return topic if topic in topics else None


def checked_topics(topics: Iterable[int]) -> list[int]:
    topics = sorted(set(topics))
    if held := [t for t in topics if t in HELD_OUT_TOPICS]:
        raise SystemExit(f"Topics {held} are ECB+'s held-out test topics: not read.")
    if bad := [t for t in topics if t not in DEV_TOPICS]:
        raise SystemExit(f"Topics {bad} are not ECB+ development topics (1-35).")
    return topics


def parse_topics(text: str) -> list[int]:
    """The topics of a ``--topics`` value ("1-35", "1,3,5"), held-out ones refused."""
    wanted = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        wanted.extend(range(int(low), int(high or low) + 1))
    return checked_topics(wanted)


def mirror_listing(git_dir: Path) -> list[str]:
    """The paths under PREFIX at HEAD of a git mirror of Diverse_CDCR_datasets (names only:
    nothing is read until a path is allowed)."""
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", "HEAD", PREFIX],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")


def git_documents(git_dir: Path, topics: Iterable[int]) -> Iterator[tuple[str, dict]]:
    """(path, document) of the allowed topics' files at HEAD of a git mirror; only the
    allowed paths are ever asked of git."""
    listing = mirror_listing(git_dir)
    topics = list(topics)
    paths = sorted(p for p in listing if topic_allowed(p, topics) is not None)
    if not paths:
        return
    batch = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
        input="".join(f"HEAD:{p}\n" for p in paths).encode(),
        check=True,
        capture_output=True,
    ).stdout
    at = 0
    for path in paths:
        header_end = batch.index(b"\n", at)
        _, kind, size = batch[at:header_end].decode().split(" ")
        if kind != "blob":
            raise SystemExit(f"{path}: not a file in the mirror ({kind})")
        start = header_end + 1
        yield path, json.loads(batch[start : start + int(size)])
        at = start + int(size) + 1


def folder_documents(folder: Path, topics: Iterable[int]) -> Iterator[tuple[str, dict]]:
    """(path, document) of the allowed topics' files under a folder of topic folders."""
    topics = list(topics)
    for path in sorted(folder.rglob("*.json")):
        relative = path.relative_to(folder).as_posix()
        if topic_allowed(relative, topics) is not None:
            yield relative, json.loads(path.read_text(encoding="utf-8"))


def source(document: dict, name: str) -> tuple[str, str]:
    """(URL, outlet) of a document: its own URL and host if it gives one, else no URL and
    an outlet named after the document."""
    url = re.sub(r"\s+", "", document.get("url") or "")
    if found := _HOST.match(url):
        return url, found[1].lower()
    return "", f"ECB document {name.removesuffix('ecb').removesuffix('plus')}"


def times(
    names: list[str], topic: int, seed: int = SEED, apart: bool = False
) -> dict[str, dt.datetime]:
    """A publication time for each document of one topic: the topic's 48 hours in even
    steps, the documents in a random order seeded by ``seed`` and the topic. With
    ``apart``, the ECB+ sub-topic's documents get 48 hours of their own, a week later
    (the easier setting: each happening alone in its days)."""
    start = START + (topic - 1) * TOPIC_GAP
    groups = [sorted(names)]
    if apart:
        groups = [[n for n in groups[0] if not n.endswith("ecbplus")]]
        groups.append([n for n in names if n.endswith("ecbplus")])
    when = {}
    for offset, group in enumerate(groups):
        order = sorted(group)
        random.Random(seed * 1000 + topic + 100 * offset).shuffle(order)
        step = TOPIC_SPAN / max(1, len(order))
        first = start + offset * APART_GAP
        when.update((name, first + i * step) for i, name in enumerate(order))
    return when


def rows(
    documents: Iterable[tuple[str, dict]], seed: int = SEED, apart: bool = False
) -> Iterator[dict]:
    by_topic: dict[int, dict[str, tuple[str, dict]]] = {}
    seen_texts: set[str] = set()
    for path, document in documents:
        topic = topic_allowed(path, DEV_TOPICS)
        if topic is None:  # a caller's own reader must filter too; never pass one on
            continue
        found = DOCUMENT.search(path)
        name = f"{found[3]}_{found[4]}{found[5]}"
        text = (document.get("text") or "").strip()
        if not text or text in seen_texts:
            continue
        seen_texts.add(text)
        by_topic.setdefault(topic, {})[name] = (f"{found[1]}{found[2]}", document)
    urls: set[str] = set()
    for topic in sorted(by_topic):
        docs = by_topic[topic]
        when = times(list(docs), topic, seed, apart)
        for name in sorted(docs, key=lambda n: (when[n], n)):
            subtopic, document = docs[name]
            url, outlet = source(document, name)
            if url and url in urls:  # two documents from one page: the importer wants one URL each
                url = f"{url}#{name}"
            urls.add(url)
            yield {
                "url": url,
                "outlet": outlet,
                "title": (document.get("title") or "").strip(),
                "published": when[name].isoformat(),
                "text": document["text"].strip(),
                "event": f"ecbplus-{subtopic}",
            }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--git-dir", type=Path, help="a git mirror of Diverse_CDCR_datasets")
    source.add_argument("--folder", type=Path, help="a folder of <T>ecb[plus] folders")
    parser.add_argument(
        "--topics", default="1-35", help="development topics to write, e.g. 1-35 or 1,3,5"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--apart",
        action="store_true",
        help="the easier setting: a topic's two happenings a week apart, not on the same days",
    )
    args = parser.parse_args(argv)
    topics = parse_topics(args.topics)
    if args.git_dir:
        documents = git_documents(args.git_dir, topics)
    else:
        documents = folder_documents(args.folder, topics)
    for row in rows(documents, args.seed, args.apart):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
