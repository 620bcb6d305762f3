"""The ECB+ converter: held-out topics never read, times, sources; on small files written
for the tests (no ECB+ text)."""

import datetime as dt
import json

import pytest

from bench.ecbplus_to_jsonl import (
    PREFIX,
    TOPIC_SPAN,
    folder_documents,
    git_documents,
    main,
    rows,
    topic_allowed,
)
from tests.bench.git_mirror import committed

# Written for the tests: two happenings of one kind per topic, as in ECB+.
DOCUMENTS = {
    "1ecb/1_1ecb.json": {
        "title": "A singer enters a clinic.",
        "text": "The singer's agent said so.",
    },
    "1ecb/1_2ecb.json": {"title": "Singer in clinic.", "text": "A spokesman confirmed the stay."},
    "1ecbplus/1_1ecbplus.json": {
        "title": "An actress checks into rehab.",
        "text": "The actress left a court hearing.",
        "url": "http : / / www. paper.example / 2013 / rehab",
    },
    "1ecbplus/1_2ecbplus.json": {
        "title": "Actress in rehab.",
        "text": "The actress left a court hearing.",
    },
    "2ecb/2_1ecb.json": {"title": "A host is named.", "text": "The show named its host."},
    "2ecbplus/2_1ecbplus.json": {"title": "Another host.", "text": "", "url": ""},
}
# Not JSON: reading any of these would fail the test.
UNREADABLE = {
    "36ecb/36_1ecb.json": "held out",
    "40ecbplus/40_3ecbplus.json": "held out",
    "1ecb/annotation/original/entity_mentions_1ecb.json": "not a document",
}


def _write(folder):
    for name, document in DOCUMENTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(document), encoding="utf-8")
    for name, junk in UNREADABLE.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(junk, encoding="utf-8")


def test_the_topic_is_decided_on_the_path_and_test_topics_are_not_allowed():
    assert topic_allowed(PREFIX + "12ecbplus/12_3ecbplus.json") == 12
    assert topic_allowed("35ecb/35_1ecb.json") == 35
    assert topic_allowed("36ecb/36_1ecb.json") is None
    assert topic_allowed("45ecbplus/45_9ecbplus.json") is None
    assert topic_allowed("1ecb/annotation/original/event_mentions_1ecb.json") is None
    assert topic_allowed("1ecb/2_1ecb.json") is None  # a file in another topic's folder
    assert topic_allowed("3ecb/3_1ecb.json", topics=[1, 2]) is None


def test_a_folder_gives_rows_of_development_topics_only(tmp_path):
    _write(tmp_path)
    written = list(rows(folder_documents(tmp_path, range(1, 36))))
    # the empty text and the repeated text are left out
    assert sorted(r["event"] for r in written) == [
        "ecbplus-1ecb",
        "ecbplus-1ecb",
        "ecbplus-1ecbplus",
        "ecbplus-2ecb",
    ]
    plus = next(r for r in written if r["event"] == "ecbplus-1ecbplus")
    assert plus["url"] == "http://www.paper.example/2013/rehab"
    assert plus["outlet"] == "paper.example"
    assert plus["title"] == "An actress checks into rehab."
    ecb = [r for r in written if r["event"] == "ecbplus-1ecb"]
    assert {r["url"] for r in ecb} == {""}
    assert {r["outlet"] for r in ecb} == {"ECB document 1_1", "ECB document 1_2"}


def test_a_git_mirror_is_read_without_asking_for_held_out_files(tmp_path):
    work = tmp_path / "work"
    _write(work / PREFIX)
    documents = list(git_documents(committed(work), range(1, 36)))
    assert sorted(path.removeprefix(PREFIX) for path, _ in documents) == sorted(DOCUMENTS)


def test_each_topic_shares_one_48_hour_window_and_topics_are_weeks_apart(tmp_path):
    _write(tmp_path)
    written = list(rows(folder_documents(tmp_path, range(1, 36))))
    when = {
        topic: sorted(
            dt.datetime.fromisoformat(r["published"])
            for r in written
            if r["event"][8:].startswith(topic)
        )
        for topic in ("1e", "2e")
    }
    assert when["1e"][-1] - when["1e"][0] < TOPIC_SPAN
    assert when["2e"][0] - when["1e"][-1] >= dt.timedelta(days=7)
    # the order is seeded: the same rows each time
    again = list(rows(folder_documents(tmp_path, range(1, 36))))
    assert [(r["title"], r["published"]) for r in again] == [
        (r["title"], r["published"]) for r in written
    ]


def test_asking_for_a_held_out_topic_is_refused(tmp_path, capsys):
    _write(tmp_path)
    with pytest.raises(SystemExit, match="held-out"):
        main(["--folder", str(tmp_path), "--topics", "1,36"])
    main(["--folder", str(tmp_path), "--topics", "1-2"])
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_apart_gives_the_second_happening_days_of_its_own(tmp_path):
    _write(tmp_path)
    written = list(rows(folder_documents(tmp_path, [1]), apart=True))
    ecb = [dt.datetime.fromisoformat(r["published"]) for r in written if r["event"].endswith("ecb")]
    plus = [
        dt.datetime.fromisoformat(r["published"]) for r in written if r["event"].endswith("plus")
    ]
    assert min(plus) - max(ecb) > dt.timedelta(days=3)  # beyond grouping's window
    together = list(rows(folder_documents(tmp_path, [1])))
    assert (
        max(dt.datetime.fromisoformat(r["published"]) for r in together)
        - min(dt.datetime.fromisoformat(r["published"]) for r in together)
        < TOPIC_SPAN
    )
