"""Convert one split of the PAC corpus (Zou et al. 2023, "Crossing the Aisle") to the
JSON Lines that ``import_articles`` and ``bench/eval_events.py --corpus`` read.

Each PAC story is two articles, from outlets of opposite leanings, that AllSides put
side by side as coverage of one story; the story id becomes the "event" label. The text
is rebuilt from PAC's tokens (spacing around punctuation is approximate). Articles
without a date are left out: grouping compares only articles published within days of
each other, and an undated one cannot be placed in time. Each outlet gets a host of its
own under ``.example`` (the importer finds an unknown outlet name by its URL's host, so a
host shared by every row would file all the articles under the first row's outlet).

Run: python bench/pac_to_jsonl.py /path/to/dev.json > /path/to/pac-dev.jsonl
(dev.json comes from github.com/launchnlp/Partisan-Event-Dataset, data/dev.json; see
docs/corpora/pac.md for the terms and for which split is held out.)

The training split (2012-2021) is not published as one file; its articles are among the
per-article files of ``data/merged_annotations``, each naming its split. With
``--annotations DIR --split train`` the converter reads that folder and keeps the
articles of the split asked for; the test split cannot be asked for, and a test file is
dropped as soon as its split field is read (its text is never used):

    python bench/pac_to_jsonl.py --annotations /path/to/merged_annotations --split train
"""

import argparse
import ast
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.tokens import join_tokens  # noqa: E402

_NOT_HOST = re.compile(r"[^a-z0-9]+")


def outlet_host(source: str) -> str:
    """A made-up host for one outlet: "Fox News (Online News)" -> "fox-news-online-news.example"."""
    return _NOT_HOST.sub("-", source.lower()).strip("-") + ".example"


def detokenize(sentences: list[list[str]]) -> str:
    return join_tokens(" ".join(tokens) for tokens in sentences)


def rows(path: Path):
    stories = json.loads(path.read_text(encoding="utf-8"))
    for story_id, articles in sorted(stories.items()):
        for article in articles:
            if not article.get("date"):
                continue
            tokens = article["tokens"]
            sentences = ast.literal_eval(tokens) if isinstance(tokens, str) else tokens
            yield {
                "url": f"https://{outlet_host(article['source'])}/{article['id']}",
                "outlet": article["source"],
                "title": article["title"],
                "published": f"{article['date']}T12:00:00+00:00",
                "text": detokenize(sentences[1:] if len(sentences) > 1 else sentences),
                "event": story_id,
            }


# The splits that may be converted; test is held out (docs/corpora/pac.md).
OPEN_SPLITS = ("train", "dev")
_SPACES = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    return _SPACES.sub("", text).lower()


def annotation_rows(folder: Path, split: str):
    """The articles of one open split from PAC's per-article annotation files.

    Each file's ``news`` is its sentences, as space-separated tokens, headline first;
    the sentences that make up the headline (``title``) are left out of the body.
    """
    if split not in OPEN_SPLITS:
        raise ValueError(f"split {split!r} is not open: use one of {', '.join(OPEN_SPLITS)}")
    for path in sorted(folder.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article.get("split") != split:
            continue
        if not article.get("date"):
            continue
        news = article["news"]
        sentences = ast.literal_eval(news) if isinstance(news, str) else news
        texts = [sentence["text"] for sentence in sentences]
        title = article["title"]
        start, head = 0, ""
        while start < len(texts) and _squeezed(title).startswith(head + _squeezed(texts[start])):
            head += _squeezed(texts[start])
            start += 1
            if head == _squeezed(title):
                break
        if head != _squeezed(title):
            start = 0
        story_id = article["id"].split("_DOCUMENT_")[0]
        yield {
            "url": f"https://{outlet_host(article['source'])}/{article['id']}",
            "outlet": article["source"],
            "title": title,
            "published": f"{article['date']}T12:00:00+00:00",
            "text": join_tokens(texts[start:]),
            "event": story_id,
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, help="a split file such as data/dev.json")
    parser.add_argument("--annotations", type=Path, help="the data/merged_annotations folder")
    parser.add_argument("--split", choices=OPEN_SPLITS, default="train")
    args = parser.parse_args(argv)
    if (args.path is None) == (args.annotations is None):
        parser.error("give either a split file or --annotations FOLDER")
    found = annotation_rows(args.annotations, args.split) if args.annotations else rows(args.path)
    for row in found:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
