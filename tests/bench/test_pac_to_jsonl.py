"""bench/pac_to_jsonl.py on a tiny PAC-shaped file written for the tests."""

import json

from bench.pac_to_jsonl import outlet_host, rows

# Two stories in PAC's shape (story id -> its articles), written for the tests.
STORIES = {
    "STORY_1": [
        {
            "id": "a1",
            "source": "The Harbour Post (Online News)",
            "title": "Harbour bridge reopens",
            "date": "2022-03-01",
            "tokens": "[['Harbour', 'bridge', 'reopens'], ['The', 'bridge', 'reopened', 'on', 'Monday', '.']]",
        },
        {
            "id": "a2",
            "source": "Valley Voice",
            "title": "Bridge open again",
            "date": "2022-03-02",
            "tokens": [["Bridge", "open", "again"], ["Traffic", "moved", "(", "slowly", ")", "."]],
        },
    ],
    "STORY_2": [
        {"id": "b1", "source": "Valley Voice", "title": "Undated", "date": "", "tokens": [["x"]]},
    ],
}


def test_each_outlet_has_a_host_of_its_own_and_undated_articles_are_left_out(tmp_path):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(STORIES), encoding="utf-8")

    written = list(rows(path))

    assert [row["url"] for row in written] == [
        "https://the-harbour-post-online-news.example/a1",
        "https://valley-voice.example/a2",
    ]
    assert [row["event"] for row in written] == ["STORY_1", "STORY_1"]
    assert written[0]["text"] == "The bridge reopened on Monday."
    assert written[1]["text"] == "Traffic moved (slowly)."
    assert written[1]["published"] == "2022-03-02T12:00:00+00:00"


def test_outlet_hosts_differ_by_outlet():
    assert outlet_host("Fox News (Online News)") == "fox-news-online-news.example"
    assert outlet_host("Fox News (Online News)") != outlet_host("NPR (Online News)")
