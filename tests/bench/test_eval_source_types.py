"""bench/source_type_items.py and bench/eval_source_types.py on a small corpus in PolNeAR's
layout, written for the tests."""

import json

import pytest

from bench.eval_source_types import kappa, main
from bench.source_type_items import article_key, items, labelled_rows

# Written for the tests: one article, four attributions (an unnamed source, a named
# person, a document, a generic group).
TEXT = (
    "Officials said the bridge would close. "
    '"It is unsafe," said Mayor Ann Lowe. '
    "The report says repairs are late. "
    "Critics say the delay is costly."
)
NAME = "paper_2016-01-01_bridge"


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


ATTRIBUTIONS = [  # content, cue, source, label
    ("the bridge would close", "said", "Officials", "unnamed"),
    ("It is unsafe", "said Mayor", "Mayor Ann Lowe", "person"),
    ("repairs are late", "says", "The report", "document"),
    ("the delay is costly", "say", "Critics", "group"),
]


@pytest.fixture
def corpus(tmp_path):
    base = tmp_path / "data" / "dev"
    for folder in ("text", "attributions"):
        (base / folder).mkdir(parents=True)
    (base / "text" / f"{NAME}.txt").write_text(TEXT)
    lines = []
    for n, (content, cue, source, _) in enumerate(ATTRIBUTIONS):
        (cs, ce), (us, ue), (ss, se) = span(content), span(cue), span(source)
        ue = us + 4  # the verb alone
        lines += [
            f"T{3 * n + 1}\tContent {cs} {ce}\tx",
            f"T{3 * n + 2}\tCue {us} {ue}\tx",
            f"T{3 * n + 3}\tSource {ss} {se}\tx",
            f"E{n + 1}\tAttribution:T{3 * n + 2} Content:T{3 * n + 1} Cue:T{3 * n + 2} "
            f"Source:T{3 * n + 3}",
        ]
    (base / "attributions" / f"{NAME}_a1.ann").write_text("\n".join(lines) + "\n")
    return tmp_path


def test_the_items_name_each_source_and_mark_it_in_its_context(corpus):
    listed = items(corpus, "dev")
    assert [i["source"] for i in listed] == ["Officials", "Mayor Ann Lowe", "The report", "Critics"]
    assert "⟦Mayor Ann Lowe⟧" in listed[1]["context"]
    assert listed[0]["id"] == f"{NAME}:{span('Officials')[0]}-{span('Officials')[1]}"
    with pytest.raises(SystemExit):
        items(corpus, "test")


def test_a_labellers_lines_become_rows_keyed_by_a_digest_not_the_file_name(corpus, tmp_path):
    listed = items(corpus, "dev")
    item_file = tmp_path / "items.jsonl"
    item_file.write_text("".join(json.dumps(i) + "\n" for i in listed))
    label_file = tmp_path / "labels.tsv"
    label_file.write_text(
        "".join(f"{i['id']}\t{a[3]}\n" for i, a in zip(listed, ATTRIBUTIONS, strict=True))
    )
    rows = labelled_rows(item_file, label_file, "dev", "L1")
    assert rows[0].split("\t") == ["dev", article_key(NAME), "0-9", "unnamed", "L1"]
    assert all(NAME not in row for row in rows)
    label_file.write_text("paper_2016-01-01_other:0-9\tperson\n")
    with pytest.raises(SystemExit):
        labelled_rows(item_file, label_file, "dev", "L1")


def test_the_script_scores_the_anonymous_type_against_the_labels(corpus, tmp_path, capsys):
    labels = tmp_path / "types.tsv"
    rows = ["split\tarticle\tsource\tlabel\tlabeller"]
    for _, _, source, label in ATTRIBUTIONS:
        s, e = span(source)
        rows.append(f"dev\t{article_key(NAME)}\t{s}-{e}\t{label}\tL1")
    # A second labeller who disagrees on the document: agreement is counted, the first
    # labeller's label is the figure's.
    s, e = span("The report")
    rows.append(f"dev\t{article_key(NAME)}\t{s}-{e}\tunnamed\tL2")
    labels.write_text("\n".join(rows) + "\n")

    assert main([str(corpus), "--labels", str(labels), "--draws", "20", "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert "agreement of L1 and L2 on the 1 sources both labelled: 0.000 the same label" in out
    assert "1 articles, 4 matched attributions whose source has a type" in out
    # The scorer types the officials an anonymous source, the critics a generic group, the
    # mayor a person, the report a document: each figure finds its one.
    strict, groups, nobody = (
        out.split(f"{name}:", 1)[1].split("\n", 2)[1]
        for name in (
            "anonymous sources (the anonymous share) against unnamed",
            "generic groups (the group share) against group",
            "nobody named (both) against unnamed or group",
        )
    )
    assert strict.strip() == "scorer   P 1.000  R 1.000  F1 1.000  (1 of 1 found, 1 labelled)"
    assert groups.strip() == strict.strip()
    assert nobody.strip() == "scorer   P 1.000  R 1.000  F1 1.000  (2 of 2 found, 2 labelled)"
    # The one-rule baseline reads "Officials" and "Critics" (capitals) as names.
    assert "baseline P 0.000  R 0.000  F1 0.000" in out
    # Both shares per outlet: one attribution in four each, by the scorer and the labels.
    assert out.count("paper          scorer 0.250   labels 0.250   (1 articles)") == 2
    # With --draws, what the articles at hand can tell: the labels against themselves.
    assert out.count("the labels against themselves, on two resamplings") == 2
    with pytest.raises(SystemExit):
        main([str(corpus), "--labels", str(labels), "--split", "test"])


def test_kappa_is_one_for_the_same_labels_and_zero_for_chance_agreement():
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "a"), ("b", "b"), ("a", "b"), ("b", "a")]) == 0.0


def test_outlets_ordered_alike_counts_the_pairs_two_sets_of_means_put_in_the_same_order():
    from bench.eval_source_types import _ordered_alike, _resampled

    # Written for the tests: three outlets; b and c swap places in the second ordering.
    assert _ordered_alike({"a": 0.1, "b": 0.2, "c": 0.3}, {"a": 0.0, "b": 0.5, "c": 0.4}) == (2, 3)
    # A tie orders no pair.
    assert _ordered_alike({"a": 0.1, "b": 0.1}, {"a": 0.0, "b": 0.5}) == (0, 1)
    # A resampling draws each outlet's articles again, as many as it has, from its own.
    import random

    drawn = _resampled({"a": [1, 2, 3], "b": [9]}, random.Random(3))
    assert len(drawn["a"]) == 3 and set(drawn["a"]) <= {1, 2, 3} and drawn["b"] == [9]
