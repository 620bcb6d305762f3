"""bench/eval_events.py --same-happening: story pairs that every labeller judged one
happening are joined in the labels before a second scoring (the file is written here);
--write-pairs writes the pairs to label."""

import json

import pytest

from bench.eval_events import joined_truth, read_same_happening, write_happening_pairs
from events.grouping import articles_group_since, pairwise_scores
from newsdesk.models import Article
from tests.events.test_second_look import MOVE, MOVE_FIRST, MOVE_REACTION, STORIES, _store

LABELS = """# written for the tests
story_a\tstory_b\tsampled_as\tlabeller_1\tlabeller_2
s1\ts2\tjoined by grouping 9\tsame\tsame
s2\ts3\tjoined by grouping 9\tsame\tsame
s4\ts5\tkept apart, alike\tsame\tdifferent
s6\ts7\tkept apart, alike\tunsure\tsame
s8\ts9\tjoined by grouping 9\tdifferent\tdifferent
"""


def test_only_pairs_every_labeller_judged_one_happening_are_read(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(LABELS)

    assert read_same_happening(path) == [("s1", "s2"), ("s2", "s3")]


def test_joined_stories_become_one_and_the_grouping_is_scored_against_them(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(LABELS)
    truth = {1: "s1", 2: "s2", 3: "s3", 4: "s4", 5: "s5", 6: "s1"}
    found = {1: "e1", 2: "e1", 3: "e1", 4: "e2", 5: "e2", 6: "e1"}

    joined = joined_truth(truth, read_same_happening(path))

    # s1, s2 and s3 one story through s2; s4 and s5 apart (the labellers disagreed).
    assert len({joined[i] for i in (1, 2, 3, 6)}) == 1
    assert joined[4] != joined[5]
    assert pairwise_scores(truth, found)["precision"] < 1
    assert pairwise_scores(joined, found)["precision"] == 6 / 7  # all but the pair 4-5
    assert joined_truth(truth, []) == truth


@pytest.mark.django_db
def test_pairs_to_label_are_the_stories_joined_and_as_many_kept_apart(tmp_path, settings):
    # The vote and the owner's move (tests/events/test_second_look.py), grouped without a
    # second look so that the owner's first answer joins the vote's event.
    settings.NEWSDESK_EVENT_SECOND_LOOKS = 0
    articles = _store(STORIES)
    for article, story in zip(articles, ["vote", "vote", "move", "move", "move"], strict=True):
        Article.objects.filter(pk=article.pk).update(meta={"event": story})
    articles_group_since()

    assert write_happening_pairs([a.pk for a in articles], tmp_path) == 1

    key = (tmp_path / "key.tsv").read_text().splitlines()
    assert key == ["item\tstory_a\tstory_b\tsampled_as", "0\tmove\tvote\tjoined by the grouping"]
    item = json.loads((tmp_path / "items.jsonl").read_text())
    assert {r["headline"] for r in item["story_a"]} == {MOVE_FIRST[0], MOVE[0], MOVE_REACTION[0]}
    assert len(item["story_b"]) == 2
