"""Convert NewsWCL50 (Hamborg, Zhukova and Gipp 2019) to the JSON Lines that
``import_articles`` and ``bench/eval_events.py --corpus`` read.

NewsWCL50 is ten US political events of April 2018, each reported by five outlets across
the leaning scale (HuffPost, The New York Times, USA Today, Fox News, Breitbart): real
multi-outlet coverage, with stories of the same days that share people (Trump, Kim Jong
Un, Iran). Its own repository holds the annotations and the URLs only; the texts (title,
description and body, tokenized) are in the CoNLL file of the Diverse CDCR datasets. The
event id becomes the "event" label.

Publication times come from the URLs, never from the labels: the date in the path
(noon UTC, as for PAC), or for HuffPost the time in the first eight hex digits of its
article id (a MongoDB object id). An article whose URL carries neither is left out, as
PAC's undated articles are.

Run: python bench/newswcl50_to_jsonl.py NewsWCL50.conll urls.tsv > newswcl50.jsonl
(see docs/corpora/newswcl50.md for where the two files come from and their terms.)
"""

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.tokens import join_tokens  # noqa: E402

_PATH_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")
_OBJECT_ID = re.compile(r"_(?:us|uk)_([0-9a-f]{24})")
OUTLETS = {
    "huffingtonpost": "HuffPost",
    "nytimes": "The New York Times",
    "usatoday": "USA Today",
    "foxnews": "Fox News",
    "breitbart": "Breitbart",
}


def published(url: str) -> str | None:
    if found := _PATH_DATE.search(url):
        return f"{found[1]}-{found[2]}-{found[3]}T12:00:00+00:00"
    if found := _OBJECT_ID.search(url):
        seconds = int(found[1][:8], 16)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).isoformat()
    return None


def outlet(url: str) -> str:
    return next((name for key, name in OUTLETS.items() if key in url), url.split("/")[2])


def detokenize(tokens: list[str]) -> str:
    return join_tokens(tokens)


def documents(conll: Path) -> dict[str, list[str]]:
    """Tokens of each document ("0/-/0_L"), newlines as "\\n" tokens."""
    tokens: dict[str, list[str]] = defaultdict(list)
    with conll.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 4 and not line.startswith("#"):
                tokens[fields[0]].append(fields[3])
    return tokens


def rows(conll: Path, urls: Path):
    docs = documents(conll)
    with urls.open(encoding="utf-8") as table:
        for entry in csv.DictReader(table, delimiter="\t"):
            event, side, url = entry["Event ID"], entry["Outlet"], entry["URL"].strip()
            when = published(url)
            tokens = docs.get(f"{event}/-/{event}_{side}")
            if not when or not tokens:
                continue
            paragraphs = [[]]
            for token in tokens:
                if token == "\\n":
                    paragraphs.append([])
                else:
                    paragraphs[-1].append(token)
            paragraphs = [detokenize(p) for p in paragraphs if p]
            yield {
                "url": url,
                "outlet": outlet(url),
                "title": paragraphs[0],
                "published": when,
                "text": "\n\n".join(paragraphs[1:]),
                "event": f"newswcl50-{event}",
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conll", type=Path, help="NewsWCL50.conll of the Diverse CDCR datasets")
    parser.add_argument("urls", type=Path, help="urls.tsv of NewsWCL50's own repository")
    args = parser.parse_args()
    for row in rows(args.conll, args.urls):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
