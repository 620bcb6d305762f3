"""The foreign-names benchmark on CoNLL-U written for the tests (invented German and Russian
sentences in Universal Dependencies' layout, tagged here by hand)."""

import sys

import pytest

from bench.eval_foreign_names import main, read_conllu, speakers, subjects

# Written for the tests. Columns: id, form, lemma, upos, xpos, feats, head, deprel, deps, misc.
GERMAN = """# sent_id = t1
# text = Experten sagten, dass das Risiko steigt.
1\tExperten\tExperte\tNOUN\tNN\t_\t2\tnsubj\t_\t_
2\tsagten\tsagen\tVERB\tVVFIN\t_\t0\troot\t_\tSpaceAfter=No
3\t,\t,\tPUNCT\t$,\t_\t7\tpunct\t_\t_
4\tdass\tdass\tSCONJ\tKOUS\t_\t7\tmark\t_\t_
5\tdas\tder\tDET\tART\t_\t6\tdet\t_\t_
6\tRisiko\tRisiko\tNOUN\tNN\t_\t7\tnsubj\t_\t_
7\tsteigt\tsteigen\tVERB\tVVFIN\t_\t2\tccomp\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

# sent_id = t2
# text = Anna Schmidt sagte, dass die Grenze offen bleibt.
1\tAnna\tAnna\tPROPN\tNE\t_\t3\tnsubj\t_\t_
2\tSchmidt\tSchmidt\tPROPN\tNE\t_\t1\tflat:name\t_\t_
3\tsagte\tsagen\tVERB\tVVFIN\t_\t0\troot\t_\tSpaceAfter=No
4\t,\t,\tPUNCT\t$,\t_\t9\tpunct\t_\t_
5\tdass\tdass\tSCONJ\tKOUS\t_\t9\tmark\t_\t_
6\tdie\tder\tDET\tART\t_\t7\tdet\t_\t_
7\tGrenze\tGrenze\tNOUN\tNN\t_\t9\tnsubj\t_\t_
8\toffen\toffen\tADJ\tADJD\t_\t9\txcomp\t_\t_
9\tbleibt\tbleiben\tVERB\tVVFIN\t_\t3\tccomp\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_

"""

RUSSIAN = """# sent_id = t1
# text = Эксперты заявили, что риск высок.
1\tЭксперты\tэксперт\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tзаявили\tзаявить\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
3\t,\t,\tPUNCT\t_\t_\t6\tpunct\t_\t_
4\tчто\tчто\tSCONJ\t_\t_\t6\tmark\t_\t_
5\tриск\tриск\tNOUN\t_\t_\t6\tnsubj\t_\t_
6\tвысок\tвысокий\tADJ\t_\t_\t2\tccomp\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


@pytest.fixture
def german(tmp_path):
    path = tmp_path / "de_written-ud-dev.conllu"
    path.write_text(GERMAN, encoding="utf-8")
    return path


def test_reads_sentences_with_each_words_offsets(german):
    first, second = read_conllu(german)
    assert first.text.startswith("Experten sagten")
    assert [(t.form, t.start, t.end) for t in second.tokens[:3]] == [
        ("Anna", 0, 4),
        ("Schmidt", 5, 12),
        ("sagte", 13, 18),
    ]


def test_speakers_are_scored_against_the_proper_noun_tags(german):
    tally = speakers(read_conllu(german), "de")
    # "Experten" is no name and is kept out; "Anna Schmidt" is one and is counted.
    assert (tally.tp, tally.fp, tally.fn, tally.tn) == (1, 0, 0, 1)
    assert tally.base_fp == 1  # the old rule counted "Experten" as named


def test_subjects_take_the_rest_of_a_name_and_can_keep_to_sentence_openings(german):
    every = subjects(read_conllu(german), "de", opening_only=False)
    opening = subjects(read_conllu(german), "de", opening_only=True)
    # Four capitalised subjects: Experten and Anna Schmidt open their sentences, Risiko
    # and Grenze do not; only Anna Schmidt is a name, and she is found whole.
    assert (every.tp, every.fp, every.fn, every.tn) == (1, 0, 0, 3)
    assert opening.tp + opening.fp + opening.fn + opening.tn == 2


def test_a_russian_common_noun_opening_a_sentence_is_kept_out(tmp_path):
    path = tmp_path / "ru_written-ud-dev.conllu"
    path.write_text(RUSSIAN, encoding="utf-8")
    tally = subjects(read_conllu(path), "ru", opening_only=True)
    assert (tally.tn, tally.fp) == (1, 0)


def test_a_test_split_is_refused(tmp_path, monkeypatch, capsys):
    path = tmp_path / "de_gsd-ud-test.conllu"
    path.write_text(GERMAN, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["eval_foreign_names.py", str(path), "--language", "de"])
    with pytest.raises(SystemExit):
        main()
    assert "held out" in capsys.readouterr().err
