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
"""

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


def main() -> None:
    for row in rows(Path(sys.argv[1])):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
