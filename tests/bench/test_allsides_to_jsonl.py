"""bench/allsides_to_jsonl.py on a tiny file in the shape of the NeuS crawl of AllSides
headline roundups, written for the tests (fictional outlets and stories)."""

import json

from bench.allsides_to_jsonl import published, rows


def roundup(story_id: int, date: str, news: dict) -> dict:
    return {"id": story_id, "issue": "Written for the tests", "date": date, "news": news}


def report(source: str, title: str, link: str, body: list[str]) -> dict:
    return {"newsSource": source, "newsTitle": title, "newsLink": link, "newBody": body}


ROUNDUPS = [
    roundup(
        1,
        "2021-07-14T16:15:00-07:00",
        {
            "left": report(
                "Harbour Post",
                "Harbour bridge reopens",
                "https://harbour-post.example/2021/07/13/bridge-reopens/",
                ["The bridge reopened on Tuesday.", " ", "Traffic moved slowly."],
            ),
            "center": report(
                "Valley Voice",
                "Bridge open again",
                "https://valley-voice.example/bridge",
                ["Open."],
            ),
            # No text: left out.
            "right": report("Ridge Times", "Bridge", "https://ridge-times.example/b", []),
        },
    ),
    # The same report in a second roundup is kept in the first only.
    roundup(
        2,
        "2021-07-15T09:00:00-07:00",
        {
            "left": report(
                "Valley Voice",
                "Bridge open again",
                "https://valley-voice.example/bridge",
                ["Open."],
            )
        },
    ),
    # From 16 July: the held-out test split.
    roundup(
        3,
        "2021-07-16T08:00:00-07:00",
        {
            "left": report(
                "Harbour Post", "Ferry fares", "https://harbour-post.example/ferry", ["Fares rose."]
            )
        },
    ),
]


def write(tmp_path):
    path = tmp_path / "roundups.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROUNDUPS), encoding="utf-8")
    return path


def test_the_dev_split_keeps_each_report_once_with_its_roundup_as_the_event(tmp_path):
    written = list(rows(write(tmp_path), "dev"))

    assert [(row["outlet"], row["event"]) for row in written] == [
        ("Harbour Post", "allsides-1"),
        ("Valley Voice", "allsides-1"),
    ]
    assert written[0]["text"] == "The bridge reopened on Tuesday.\n\nTraffic moved slowly."
    assert written[0]["title"] == "Harbour bridge reopens"
    # The date in the address, at noon UTC; without one, the roundup's.
    assert written[0]["published"] == "2021-07-13T12:00:00+00:00"
    assert written[1]["published"] == "2021-07-14T16:15:00-07:00"


def test_the_test_split_holds_only_roundups_from_16_july(tmp_path):
    written = list(rows(write(tmp_path), "test"))

    assert [row["event"] for row in written] == ["allsides-3"]


def test_an_impossible_date_in_an_address_falls_back_to_the_roundups():
    assert published("https://x.example/2021/02/30/a/", "2021-03-01T10:00:00+00:00") == (
        "2021-03-01T10:00:00+00:00"
    )
