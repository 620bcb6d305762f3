"""The claims matrix on ECB+: gold pairs from event coreference chains, the counting, and
held-out topics never read; on a tiny corpus in the mirror's layout written for the tests
(fictional sentences, no ECB+ text)."""

import json

import pytest

from bench.ecbplus_to_jsonl import PREFIX
from bench.eval_claims_ecbplus import (
    _rows,
    articles,
    claims_of,
    evaluate,
    every_pair,
    folder_subtopics,
    git_subtopics,
    half,
    main,
    now,
    pair_counts,
    prf,
    rebuild,
)
from tests.bench.git_mirror import committed

# Written for the tests: one sub-topic (1ecb), three reports of a fictional flood.
# Each document: sentences of tokens. Sentence 0 of document 3 is left unannotated.
DOCUMENTS = {
    "1/1ecb/1": [
        "The river Odra flooded the town of Kelby on Monday , killing 12 people .",
        "Mayor Anna Berg said 300 homes were evacuated .",
        "The town 's festival was cancelled in May .",
    ],
    "1/1ecb/2": [
        "At least 12 people died when the Odra flooded Kelby on Monday .",
        "Rescuers evacuated 300 homes , Mayor Anna Berg told reporters .",
    ],
    "1/1ecb/3": [
        "The Odra flooded Kelby , killing 12 people , on Monday .",
        "Mayor Anna Berg said 300 homes were evacuated in Kelby .",
    ],
}
# (document, sentence, token ids, chain, type): written for the tests.
MENTIONS = [
    ("1/1ecb/1", 0, [3], "FLOOD", "ACTION_OCCURRENCE"),
    ("1/1ecb/1", 0, [12], "DIE", "ACTION_OCCURRENCE"),
    ("1/1ecb/1", 1, [3], "SAY", "ACTION_REPORTING"),
    ("1/1ecb/1", 1, [7], "EVAC", "ACTION_OCCURRENCE"),
    ("1/1ecb/2", 0, [4], "DIE", "ACTION_OCCURRENCE"),
    ("1/1ecb/2", 0, [8], "FLOOD", "ACTION_OCCURRENCE"),
    ("1/1ecb/2", 1, [1], "EVAC", "ACTION_OCCURRENCE"),
    ("1/1ecb/2", 1, [9], "SAY", "ACTION_REPORTING"),
    ("1/1ecb/3", 1, [3], "SAY", "ACTION_REPORTING"),
    ("1/1ecb/3", 1, [6], "LONE", "ACTION_OCCURRENCE"),
]


def _conll(documents: dict) -> str:
    lines = []
    for key, sentences in documents.items():
        lines.append(f"#begin document ({key}); part 000")
        for s, sentence in enumerate(sentences):
            for t, token in enumerate(sentence.split()):
                lines.append(f"{key}\t{s}\t{t}\t{token}\t-")
            lines.append("")
        lines.append("#end document")
    return "\n".join(lines) + "\n"


def _mentions() -> list[dict]:
    out = []
    for key, sent, tokens, chain, kind in MENTIONS:
        words = DOCUMENTS[key][sent].split()
        topic, folder, number = key.split("/")
        out.append(
            {
                "conll_doc_key": key,
                "doc_id": f"{topic}_{number}{folder.removeprefix(topic)}",
                "subtopic": folder,
                "sent_id": sent,
                "tokens_number": tokens,
                "tokens_str": " ".join(words[t] for t in tokens),
                "coref_chain": chain,
                "mention_full_type": kind,
                "is_singleton": chain == "LONE",
                "mention_id": f"{key}_{chain}",
            }
        )
    return out


def _write(root):
    base = root / "1ecb" / "annotation" / "original"
    base.mkdir(parents=True)
    # The conversion's conll files may hold other sub-topics' documents: a held-out one
    # here, with a line that would fail to parse if it were read.
    conll = _conll(DOCUMENTS) + "41/41ecb/1\tnot-a-number\t0\tHeld\t-\n"
    (base / "1ecb.conll").write_text(conll, encoding="utf-8")
    (base / "event_mentions_1ecb.json").write_text(json.dumps(_mentions()), encoding="utf-8")
    # A held-out topic's files: not JSON, reading them would fail.
    held = root / "36ecb" / "annotation" / "original"
    held.mkdir(parents=True)
    (held / "36ecb.conll").write_text("held out", encoding="utf-8")
    (held / "event_mentions_36ecb.json").write_text("held out", encoding="utf-8")


def test_rebuilt_text_joins_tokens_as_written_and_keeps_their_offsets():
    text, tokens, spans = rebuild(
        {
            0: list(enumerate(["http", ":", "/", "/", "www", ".", "paper", ".", "example"])),
            1: list(
                enumerate(
                    [
                        "The",
                        "6.",
                        "1",
                        "-",
                        "magnitude",
                        "quake",
                        "hit",
                        "120",
                        ",",
                        "000",
                        "homes",
                        ",",
                        "officials",
                        "said",
                        ".",
                    ]
                )
            ),  # fmt: skip
            2: list(enumerate(["``", "It", "'s", "over", ",", "''", "she", "said", "."])),
        }
    )
    assert text == (
        'The 6.1-magnitude quake hit 120,000 homes, officials said.\n"It\'s over," she said.'
    )
    assert 0 not in spans  # the URL line is left out
    start, end = tokens[(1, 6)]
    assert text[start:end] == "hit"
    assert text[slice(*spans[2])] == '"It\'s over," she said.'


def test_gold_pairs_share_a_chain_other_than_reporting_and_only_annotated_ones_count(tmp_path):
    _write(tmp_path)
    ((subtopic, mentions, conll),) = list(folder_subtopics(tmp_path, range(1, 36)))
    assert subtopic == "1ecb"
    arts = articles(mentions, conll, subtopic)
    assert [a.name for a in arts] == ["1_1ecb", "1_2ecb", "1_3ecb"]
    by_outlet, gold, (annotated, picked) = claims_of(arts)
    chains = {(g.article, g.text.split()[0]): (g.annotated, sorted(g.chains)) for g in gold}
    assert chains[("1_1ecb", "The")] == (True, ["DIE", "FLOOD"])
    assert chains[("1_2ecb", "Rescuers")] == (True, ["EVAC"])  # "told" is a reporting chain
    assert chains[("1_3ecb", "The")] == (False, [])  # no mention in that sentence
    assert chains[("1_3ecb", "Mayor")] == (True, [])  # the singleton is left out
    assert annotated == 5
    everything = pair_counts(by_outlet, gold, every_pair)
    # annotated claims: 1_1 x2, 1_2 x2, 1_3 x1 -> 4 + 2 + 2 = 8 cross pairs, 2 sharing a chain
    assert (everything["tp"], everything["fp"], everything["fn"]) == (2, 6, 0)
    assert picked == 5


def test_the_counts_sum_over_sub_topics_and_figures_follow(tmp_path):
    _write(tmp_path)
    result = evaluate(folder_subtopics(tmp_path, range(1, 36)))
    assert result["subtopics"] == ["1ecb"]
    assert result["counts"]["every pair one fact"] == [(2, 6, 0)]
    # the matrix joins the flood sentences and the evacuation sentences; 1_3's evacuation
    # holds only a singleton chain in gold, so its two pairs count as wrong
    assert result["counts"]["claims matrix (now)"] == [(2, 2, 0)]
    assert prf((2, 6, 0)) == pytest.approx((0.25, 1.0, 0.4))
    assert result["totals"]["claim sentences"] == 6
    assert result["totals"]["claim sentences annotated"] == 5


def test_the_matrix_pairs_the_flood_and_deaths_sentences(tmp_path):
    _write(tmp_path)
    ((subtopic, mentions, conll),) = list(folder_subtopics(tmp_path, range(1, 36)))
    by_outlet, gold, _ = claims_of(articles(mentions, conll, subtopic))
    rows = now(by_outlet)
    first = {o: c.start for (o, c) in ((g.article, g) for g in gold) if c.text.startswith(("The", "At"))}  # fmt: skip
    assert rows[("1_1ecb", first["1_1ecb"])] == rows[("1_2ecb", first["1_2ecb"])]


def test_an_outlets_other_sentences_of_a_fact_count_as_in_its_row():
    from events.comparison import ClaimCell, ClaimRow

    # Written for the tests: outlet A tells the fact in two sentences (comparison report 8).
    also = (ClaimCell("Water rose.", 40, 51, 0.5),)
    cells = {
        "A": ClaimCell("Kelby flooded.", 0, 14, 1.0, also),
        "B": ClaimCell("Floods.", 0, 7, 0.6),
    }
    rows = [ClaimRow("Kelby flooded.", "A", cells, 0.6), ClaimRow("Rain.", "B", {"A": None, "B": ClaimCell("Rain.", 9, 14, 1.0)}, 1.0)]  # fmt: skip
    assert _rows(rows) == {("A", 0): 0, ("A", 40): 0, ("B", 0): 0, ("B", 9): 1}


def test_a_git_mirror_is_read_without_asking_for_held_out_files(tmp_path):
    work = tmp_path / "work"
    _write(work / PREFIX)
    found = list(git_subtopics(committed(work), range(1, 36)))
    assert [s for s, _, _ in found] == ["1ecb"]


def test_asking_for_a_held_out_topic_is_refused(tmp_path, capsys):
    _write(tmp_path)
    with pytest.raises(SystemExit, match="held-out"):
        main([str(tmp_path), "--folder", "--topics", "1,36"])
    main([str(tmp_path), "--folder", "--topics", "1", "--draws", "20"])
    out = capsys.readouterr().out
    assert "1 sub-topics, 3 documents; claim sentences 6" in out
    assert "claims matrix (now)      P 0.500  R 1.000  F1 0.667  (tp 2, fp 2, fn 0)" in out
    assert "every pair one fact      P 0.250  R 1.000  F1 0.400  (tp 2, fp 6, fn 0)" in out


def test_the_halves_split_the_topics_by_parity(tmp_path, capsys):
    assert half([1, 2, 3, 4, 35], "odd") == [1, 3, 35]
    assert half([1, 2, 3, 4, 35], "even") == [2, 4]
    assert half([1, 2], None) == [1, 2]
    _write(tmp_path)  # topic 1 only: odd
    main([str(tmp_path), "--folder", "--half", "even", "--draws", "0"])
    assert "0 sub-topics" in capsys.readouterr().out
    main([str(tmp_path), "--folder", "--half", "odd", "--draws", "0"])
    assert "1 sub-topics, 3 documents" in capsys.readouterr().out
