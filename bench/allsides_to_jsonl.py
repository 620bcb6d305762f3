"""Convert AllSides headline roundups, as crawled for NeuS (Lee et al. 2022), to the JSON
Lines that ``import_articles`` and ``bench/eval_events.py --corpus`` read.

Each roundup is one story as AllSides set it out: up to three reports of it, from an outlet
rated left, one rated centre and one rated right, each with its headline and the opening
paragraphs AllSides quotes (about 90 words, often cut off with "..."). The roundup's id
becomes the "event" label. A report's date is the one in its address (``/2021/06/03/``)
where there is one, at noon UTC, else the roundup's own date and time. A report that
AllSides put in two roundups is kept in the first only, since an article belongs to one
event.

The file covers 22 April to 18 October 2021. Newsdesk splits it by the roundup's date:
``dev`` is up to 15 July 2021, for measuring and tuning; ``test`` is from 16 July, held out,
read once to report a figure and never tuned on (docs/corpora/allsides-roundups.md).

Run: python bench/allsides_to_jsonl.py PATH/headline_11_2021-10-19_crawled_all.jsonl
        --split dev > /work/corpora/allsides/allsides-dev.jsonl
"""

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

SPLIT_DAY = dt.date(2021, 7, 16)
SIDES = ("left", "center", "right")
_URL_DATE = re.compile(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/")


def published(link: str, story_date: str) -> str:
    """The report's date: from its address if it has one, else the roundup's."""
    match = _URL_DATE.search(link)
    if match:
        try:
            day = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            day = None
        if day is not None:
            return f"{day.isoformat()}T12:00:00+00:00"
    return story_date


def in_split(story_date: str, split: str) -> bool:
    day = dt.datetime.fromisoformat(story_date).date()
    return (day < SPLIT_DAY) if split == "dev" else (day >= SPLIT_DAY)


def rows(path: Path, split: str):
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            if not story.get("date") or not in_split(story["date"], split):
                continue
            for side in SIDES:
                report = story.get("news", {}).get(side)
                if not report:
                    continue
                link = report.get("newsLink") or ""
                body = "\n\n".join(
                    part.strip() for part in report.get("newBody") or [] if part.strip()
                )
                if not link.startswith("http") or link in seen or not body:
                    continue
                seen.add(link)
                yield {
                    "url": link,
                    "outlet": report.get("newsSource") or "",
                    "title": report.get("newsTitle") or "",
                    "published": published(link, story["date"]),
                    "text": body,
                    "event": f"allsides-{story['id']}",
                }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--split", choices=("dev", "test"), required=True)
    args = parser.parse_args()
    for row in rows(args.path, args.split):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
