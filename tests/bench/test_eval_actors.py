"""The actors benchmark's helpers on data written for the tests (invented sentences and
records in the layout of the Diverse CDCR conversion of MEANTIME)."""

import json

import pytest

from bench.eval_actors import (
    Mention,
    baseline_mentions,
    body,
    chain_spans,
    chain_type,
    dev_records,
    document_counts,
    error_classes,
    gold_mentions,
    head_index,
    hyphen_units,
    instance_id,
    is_named,
    main,
    max_matching,
    mention_counts,
    merge_nested,
    newswcl50_gold,
    newswcl50_named,
    newswcl50_refuse_held_out,
    newswcl50_rows,
    newswcl50_text,
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


# --- NewsWCL50 ------------------------------------------------------------------------

# Written for the tests, in the layout of the Diverse CDCR conversion of NewsWCL50: a
# title, a line break, a body of two sentences; chains end with the concept's type.
NEWSWCL50_ROWS = [
    (0, 0, "Lumeria", "-"),
    (0, 1, "talks", "-"),
    (0, 2, "\\n", "-"),
    (1, 0, "President", "(2_LUM_Ann_Lee_ACTOR"),
    (1, 1, "Ann", "-"),
    (1, 2, "Lee", "2_LUM_Ann_Lee_ACTOR)"),
    (1, 3, "met", "-"),
    (1, 4, "Doravia", "(2_DOR_COUNTRY)"),
    (1, 5, "'s", "-"),
    (1, 6, "envoys", "(2_DOR_DOR-I_ACTOR-I"),
    (1, 7, "of", "-"),
    (1, 8, "peace", "2_DOR_DOR-I_ACTOR-I)"),
    (1, 9, ".", "-"),
    (2, 0, "Officials", "(2_LUM_COUNTRY)"),
    (2, 1, "praised", "-"),
    (2, 2, "the", "(2_Talks_OBJECT"),
    (2, 3, "talks", "2_Talks_OBJECT)"),
    (2, 4, ".", "-"),
]


def _conll_lines(doc_id, rows):
    return [f"{doc_id}\t{s}\t{t}\t{tok}\t{ref}\t" for s, t, tok, ref in rows]


def test_newswcl50_odd_topics_are_dropped_before_they_are_parsed_and_refused():
    lines = _conll_lines("2/-/2_L", NEWSWCL50_ROWS) + ["3/-/3_L\tnot\ta\trow"]
    assert list(newswcl50_rows(lines)) == ["2/-/2_L"]
    with pytest.raises(ValueError):
        newswcl50_rows(lines, topics=("2", "3"))
    with pytest.raises(ValueError):
        newswcl50_refuse_held_out("7/-/7_RR")


def test_newswcl50_chains_open_and_close_and_name_their_type():
    found = chain_spans(NEWSWCL50_ROWS)
    assert ("2_LUM_Ann_Lee_ACTOR", [3, 4, 5]) in found and ("2_DOR_COUNTRY", [7]) in found
    assert chain_type("2_DOR_DOR-I_ACTOR-I") == "ACTOR-I"


def test_newswcl50_heads_and_names():
    assert head_index(["the", "leader", "of", "Doravia"]) == 1
    assert head_index(["Kim", "Jong", "-", "un"]) == 1
    lower = {"officials"}
    assert newswcl50_named(["President", "Ann", "Lee"], 2, False, lower)
    assert not newswcl50_named(["the", "President"], 1, False, lower)
    assert not newswcl50_named(["Officials"], 0, True, lower)  # opens, written lower too
    assert newswcl50_named(["Doravia"], 0, True, lower)


def test_newswcl50_gold_leaves_the_title_out_and_maps_the_types():
    text, spans, _, _ = newswcl50_text(NEWSWCL50_ROWS)
    assert text.startswith("President Ann Lee met Doravia's envoys of peace.")
    gold = newswcl50_gold(NEWSWCL50_ROWS, spans, {"officials", "envoys"})
    by_text = {text[g.start : g.end]: g for g in gold}
    assert by_text["President Ann Lee"].type == "person" and by_text["President Ann Lee"].named
    assert by_text["Doravia"].type == "place" and by_text["Doravia"].named
    assert by_text["envoys of peace"].type == "person" and not by_text["envoys of peace"].named
    assert not by_text["Officials"].named
    assert by_text["the talks"].type == "OBJECT"


def test_the_script_runs_on_newswcl50(tmp_path, capsys):
    lines = ["#begin document 2/-/2_L; part 000", *_conll_lines("2/-/2_L", NEWSWCL50_ROWS)]
    (tmp_path / "NewsWCL50.conll").write_text("\n".join(lines), encoding="utf-8")
    args = ["--corpus", "newswcl50", "--conll", str(tmp_path / "NewsWCL50.conll")]
    assert main([*args, "--errors", "0"]) == 0
    out = capsys.readouterr().out
    assert "NewsWCL50" in out and "1 documents" in out


def test_newswcl50_words_split_at_hyphens_are_written_whole():
    tokens = ["Kim", "Jong", "-", "un", "met", "Lee", "-", "era", "staff", "-", "."]
    assert hyphen_units(tokens) == [[0], [1, 2, 3], [4], [5, 6, 7], [8], [9], [10]]
    rows = [(1, t, token, "-") for t, token in enumerate(["x", "\\n", *tokens])]
    text, spans, _, _ = newswcl50_text(rows)
    assert text.startswith("Kim Jong-un met Lee-era staff")
    assert text[slice(*spans[5])] == "un"


def test_the_typed_micro_f1_and_its_interval_over_documents(capsys):
    from bench.eval_actors import Counts, micro_f1, print_intervals

    counts = Counts.empty()
    counts.found["person"], counts.system["person"] = 2, 3
    counts.recalled["person"], counts.gold["person"] = 2, 4
    counts.found["place"], counts.system["place"] = 1, 1
    assert counts.micro() == (3, 4, 2, 4)
    assert micro_f1(counts.micro()) == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert micro_f1((0, 0, 0, 3)) == 0.0

    # A scorer right on every document of three; a baseline right on none.
    per_document = {
        (level, who): [(2, 2, 2, 2) if who == "scorer" else (0, 2, 0, 2)] * 3
        for level in ("mention", "document")
        for who in ("scorer", "baseline")
    }
    print_intervals(per_document, 3, draws=20)
    out = capsys.readouterr().out
    assert "over 20 resamplings of the 3 documents" in out
    assert "mention level: actors scorer 1.000–1.000, baseline 0.000–0.000" in out
    assert "higher in 100% of draws" in out
