"""The actors benchmark's helpers on data written for the tests (invented sentences and
records in the layout of the Diverse CDCR conversion of MEANTIME)."""

import json

import pytest

from bench.eval_actors import (
    Mention,
    baseline_mentions,
    body,
    dev_records,
    document_counts,
    error_classes,
    gold_mentions,
    instance_id,
    is_named,
    main,
    max_matching,
    mention_counts,
    merge_nested,
    tally_agreement,
)

# Written for the tests: a title, a dateline and two body sentences.
SENTENCES = [
    ["Lumeria", "orders", "jets"],
    ["March", "01", ",", "2008"],
    ["Lumeria", "Air", "said", "its", "chief", "Ann", "Lee", "flew", "to", "Doravia", "."],
    ["The", "airline", "thanked", "\u0060\u0060", "Ann", "Lee", "''", "."],
]


def _record(doc, sent, tokens, chain, head, pos, mention_type=None):
    return {
        "conll_doc_key": doc,
        "sent_id": sent,
        "tokens_number": tokens,
        "coref_chain": chain,
        "mention_head": head,
        "mention_head_pos": pos,
        "mention_type": mention_type or instance_id(chain)[:3],
        "tokens_str": " ".join(SENTENCES[sent][t] for t in tokens),
    }


RECORDS = [
    _record("corpus_airbus/1", 2, [0, 1], "cross_intra_ORG1", "Air", "PROPN"),
    _record("corpus_airbus/1", 2, [3], "intra_ORG1", "its", "PRON"),
    _record("corpus_airbus/1", 2, [4, 5, 6], "intra_PER2", "Lee", "PROPN"),
    _record("corpus_airbus/1", 2, [5, 6], "intra_PER2", "Lee", "PROPN"),
    _record("corpus_airbus/1", 2, [9], "intra_LOC3", "Doravia", "PROPN"),
    _record("corpus_airbus/1", 3, [0, 1], "intra_ORG1", "airline", "NOUN"),
    _record("corpus_airbus/1", 3, [4, 5], "intra_PER2", "Lee", "PROPN"),
    _record("corpus_airbus/1", 0, [0], "intra_ORG1", "Lumeria", "PROPN"),  # the title
]


def test_held_out_records_are_dropped_before_they_are_parsed():
    dev = json.dumps(RECORDS[:2])
    # A held-out record that would not even parse: never handed to the JSON reader.
    held_out = '{"conll_doc_key": "corpus_gm/9", "sent_id": oops}'
    raw = dev[:-1] + ", " + held_out + "]"
    assert dev_records(raw) == RECORDS[:2]
    with pytest.raises(ValueError, match="held out"):
        dev_records(raw, folders=("corpus_airbus", "corpus_stock"))
    # A brace inside a string would cut a record: refused, wherever the brace is.
    for value in ("Air } Lumeria", "Air { Lumeria"):
        first = json.dumps([dict(RECORDS[0], tokens_str=value)])
        last = json.dumps([dict(RECORDS[0], zz=value)])  # after the document id
        for cut in (first, last):
            with pytest.raises(ValueError, match="cut"):
                dev_records(cut)


def test_a_chain_names_its_instance_within_and_across_documents():
    assert instance_id("cross_intra_ORG37") == instance_id("intra_ORG37") == "ORG37"
    assert instance_id("cross_PER5") == "PER5"


def test_named_means_a_proper_noun_head_or_a_capitalised_word_inside_the_sentence():
    sentence = ["Observers", "said", "Lumeria", "and", "its", "CEO", "agreed"]

    def named(tokens, head, pos):
        return is_named(
            {"tokens_number": tokens, "mention_head": head, "mention_head_pos": pos}, sentence
        )

    assert named([2], "Lumeria", "PROPN")
    assert named([2], "Lumeria", "NOUN")  # a name the tagger took for a noun
    assert not named([0], "Observers", "NOUN")  # capitalised because it opens the sentence
    assert not named([4], "its", "PRON")
    assert not named([4, 5], "CEO", "NOUN")


def test_the_body_is_the_converters_text_and_each_token_has_its_span():
    text, where = body(SENTENCES)
    assert (
        text == 'Lumeria Air said its chief Ann Lee flew to Doravia. The airline thanked "Ann Lee".'
    )
    assert text[slice(*where[(2, 9)])] == "Doravia"
    assert text[slice(*where[(3, 3)])] == '"'
    assert text[slice(*where[(3, 5)])] == "Lee"
    assert (0, 0) not in where  # the title is not in the body


def test_gold_mentions_keep_the_body_merge_nested_ones_and_mark_names():
    text, where = body(SENTENCES)
    gold = gold_mentions(RECORDS, SENTENCES, where)
    seen = {(text[g.start : g.end], g.type, g.entity, g.named) for g in gold}
    assert seen == {
        ("Lumeria Air", "organisation", "ORG1", True),
        ("its", "organisation", "ORG1", False),
        ("chief Ann Lee", "person", "PER2", True),  # with "Ann Lee" inside it: one mention
        ("Doravia", "place", "LOC3", True),
        ("The airline", "organisation", "ORG1", False),
        ("Ann Lee", "person", "PER2", True),
    }


def test_merging_joins_only_overlapping_mentions_of_one_instance():
    merged = merge_nested(
        [
            Mention(0, 10, "person", "A", False),
            Mention(5, 12, "person", "A", True),
            Mention(20, 25, "person", "A", False),
            Mention(3, 6, "organisation", "B", True),
        ]
    )
    assert merged == [
        Mention(0, 12, "person", "A", True),
        Mention(3, 6, "organisation", "B", True),
        Mention(20, 25, "person", "A", False),
    ]


def test_the_baseline_takes_capitalised_runs_but_not_a_sentences_first_word():
    text, where = body(SENTENCES)
    found = [text[m.start : m.end] for m in baseline_mentions(SENTENCES, where)]
    assert found == ["Air", "Ann Lee", "Doravia", "Ann Lee"]
    assert {m.type for m in baseline_mentions(SENTENCES, where)} == {"organisation"}


def test_matching_finds_the_largest_one_to_one_pairing():
    # Greedy would give right 0 to left 0 and leave left 1 without one.
    assert max_matching([[0, 1], [0]]) == {0: 1, 1: 0}
    assert max_matching([[0], [0]]) in ({0: 0}, {1: 0})


def _gold():
    return [
        Mention(0, 11, "organisation", "ORG1", True),  # "Lumeria Air"
        Mention(18, 21, "organisation", "ORG1", False),  # "its"
        Mention(28, 35, "person", "PER2", True),  # "Ann Lee"
        Mention(44, 51, "place", "LOC3", True),  # "Doravia"
        Mention(60, 70, "PRO", "PRO4", False),  # a product: no actor
    ]


def test_mention_figures_typed_and_untyped():
    system = [
        Mention(0, 7, "person", "Lumeria"),  # the right place, the wrong type
        Mention(8, 11, "organisation", "Air"),  # a second piece of the same gold mention
        Mention(28, 35, "person", "Ann Lee"),
        Mention(62, 66, "organisation", "Zeta"),  # inside a product's name
    ]
    typed = mention_counts(system, _gold(), typed=True)
    assert typed.prf() == pytest.approx((2 / 4, 2 / 3, 2 * (1 / 2) * (2 / 3) / (1 / 2 + 2 / 3)))
    assert typed.prf("place") == (None, 0.0, None)
    untyped = mention_counts(system, _gold(), typed=False)
    # One of "Lumeria" and "Air" finds "Lumeria Air"; the other is a split name.
    assert (sum(untyped.found.values()), sum(untyped.recalled.values())) == (2, 2)


def test_a_mention_that_is_not_a_name_counts_for_precision_only():
    system = [Mention(18, 21, "organisation", "Lumeria Air")]
    counts = mention_counts(system, _gold(), typed=True)
    assert counts.prf() == (1.0, 0.0, 0.0)


def test_error_classes_say_why():
    system = [
        Mention(0, 7, "person", "Lumeria"),
        Mention(62, 66, "organisation", "Zeta"),
        Mention(80, 85, "place", "Nowhere"),
    ]
    found = {(side, why) for side, why, _ in error_classes(system, _gold())}
    assert found == {
        ("false", "person: gold says organisation"),
        ("false", "organisation: inside a PRO mention (no actor)"),
        ("false", "place: no gold mention there"),
        ("missed", "organisation: found as person"),
        ("missed", "person: nothing found there"),
        ("missed", "place: nothing found there"),
    }


def test_documents_count_distinct_actors_one_to_one():
    gold = _gold() + [Mention(90, 97, "person", "PER2", True)]
    # Ann Lee split into two actors: one of them is false. Lumeria Air and Doravia merged
    # into one actor (the wrong type for Doravia): one of them is missed.
    system = [
        Mention(28, 35, "person", "Ann Lee"),
        Mention(90, 97, "person", "Lee"),
        Mention(0, 11, "organisation", "Lumeria"),
        Mention(44, 51, "organisation", "Lumeria"),
    ]
    counts = document_counts(system, gold, typed=True)
    assert (sum(counts.found.values()), sum(counts.system.values())) == (2, 3)
    assert (sum(counts.recalled.values()), sum(counts.gold.values())) == (2, 3)
    assert sorted(counts.tallies) == [(1, 2), (2, 1)]  # (the actor's, the gold's named)
    untyped = document_counts(system, gold, typed=False)
    assert sum(untyped.recalled.values()) == 2  # one actor still stands for one entity


def test_tallies_agree_when_counts_are_equal():
    assert tally_agreement([(2, 2), (1, 3)]) == (0.5, 1.0)
    assert tally_agreement([]) == (0.0, 0.0)


def test_the_script_runs_on_written_files(tmp_path, capsys):
    conll = ["#begin document (corpus_airbus/1); part 000"]
    for s, tokens in enumerate(SENTENCES):
        conll += [f"corpus_airbus/1\t{s}\t{t}\t{tok}\t-" for t, tok in enumerate(tokens)]
    conll += ["corpus_gm/2\t0\t0\tNever\t-", "#end document", ""]
    (tmp_path / "meantime.conll").write_text("\n".join(conll), encoding="utf-8")
    (tmp_path / "entities.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    assert (
        main(
            [
                "--conll",
                str(tmp_path / "meantime.conll"),
                "--entities",
                str(tmp_path / "entities.json"),
                "--errors",
                "0",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "1 documents" in out
    # The baseline finds "Air", "Ann Lee", "Doravia", "Ann Lee" as organisations: all four
    # named gold mentions whatever the type, only the organisation's typed.
    assert "untyped (any actor type)" in out
    baseline_lines = [line for line in out.splitlines() if "baseline" in line and "micro" in line]
    assert "P 0.250  R 0.250" in baseline_lines[0]  # mention level, typed
