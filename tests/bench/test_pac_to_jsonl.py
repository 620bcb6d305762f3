"""bench/pac_to_jsonl.py on a tiny PAC-shaped file written for the tests."""

import json

import pytest

from bench.pac_to_jsonl import annotation_rows, main, outlet_host, rows

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


def _annotation(doc_id: str, split: str, title: str, sentences: list[str], date="2015-04-01"):
    """One per-article annotation file in PAC's shape, written for the tests."""
    return {
        "id": doc_id,
        "split": split,
        "title": title,
        "date": date,
        "source": "Valley Voice",
        "news": str([{"id": i, "text": text} for i, text in enumerate(sentences)]),
    }


def test_annotation_files_of_the_split_asked_for_are_read_without_their_headline(tmp_path):
    files = {
        "STORY_7_DOCUMENT_0": _annotation(
            "STORY_7_DOCUMENT_0",
            "train",
            "Bridge shut? Repairs begin",
            ["Bridge shut ?", "Repairs begin", "Crews arrived at dawn ( early ) ."],
        ),
        "STORY_7_DOCUMENT_1": _annotation(
            "STORY_7_DOCUMENT_1", "train", "A headline not in the text", ["Traffic waited ."]
        ),
        "STORY_8_DOCUMENT_0": _annotation("STORY_8_DOCUMENT_0", "dev", "Dev story", ["Dev ."]),
        "STORY_9_DOCUMENT_0": _annotation("STORY_9_DOCUMENT_0", "train", "Undated", ["x"], ""),
    }
    for name, article in files.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(article), encoding="utf-8")

    written = list(annotation_rows(tmp_path, "train"))

    assert [row["event"] for row in written] == ["STORY_7", "STORY_7"]
    assert written[0]["title"] == "Bridge shut? Repairs begin"
    assert written[0]["text"] == "Crews arrived at dawn (early)."
    assert written[1]["text"] == "Traffic waited."
    assert [row["event"] for row in annotation_rows(tmp_path, "dev")] == ["STORY_8"]


def test_the_held_out_test_split_cannot_be_converted(tmp_path):
    with pytest.raises(ValueError, match="not open"):
        list(annotation_rows(tmp_path, "test"))
    with pytest.raises(SystemExit):
        main(["--annotations", str(tmp_path), "--split", "test"])
