"""The German attribution benchmark on files written for the tests (invented sentences in
the Redewiedergabe corpus's tab-separated layout, annotated here by hand)."""

import sys

import pytest

from bench.eval_attribution_german import (
    evaluate,
    is_development,
    main,
    non_fiction,
    read_sample,
)

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote\n"


def rows(tokens):
    return HEADER + "".join(
        f"{tok}\t{tok}\t{tok}\tX\tX\tno\t{stwr}\t-\t{speaker}\t-\t-\n"
        for tok, stwr, speaker in tokens
    )


# Written for the tests: a quote with its named speaker after it, an indirect report whose
# speaker is a pronoun, a thought (left out of the gold), and a quote after which a
# pronoun speaks with a verb the rules do not know.
SAMPLE = rows(
    [
        ("„", "direct.speech.1", "-"),
        ("Wir", "direct.speech.1", "-"),
        ("bleiben", "direct.speech.1", "-"),
        ("hier", "direct.speech.1", "-"),
        ("“", "direct.speech.1", "-"),
        (",", "-", "-"),
        ("sagte", "-", "-"),
        ("Anna", "-", "speaker.1"),
        ("Schmidt", "-", "speaker.1"),
        (".", "-", "-"),
        ("Er", "-", "speaker.2"),
        ("meinte", "-", "-"),
        (",", "-", "-"),
        ("dass", "indirect.speech.2", "-"),
        ("es", "indirect.speech.2", "-"),
        ("regnet", "indirect.speech.2", "-"),
        (".", "-", "-"),
        ("Sie", "-", "speaker.3"),
        ("dachte", "-", "-"),
        (",", "-", "-"),
        ("dass", "indirect.thought.3", "-"),
        ("es", "indirect.thought.3", "-"),
        ("schneit", "indirect.thought.3", "-"),
        (".", "-", "-"),
        ("„", "direct.speech.4", "-"),
        ("Gut", "direct.speech.4", "-"),
        ("“", "direct.speech.4", "-"),
        (",", "-", "-"),
        ("frug", "-", "-"),
        ("er", "-", "speaker.4"),
        (".", "-", "-"),
    ]
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "data" / "main" / "tsv"
    folder.mkdir(parents=True)
    names = [f"rwk_mkhz_{n}-short.tsv" for n in range(1, 9)]
    dev = next(n for n in names if is_development(n))
    held = next(n for n in names if not is_development(n))
    (folder / "metadata.tsv").write_text(
        "file\tfictional\n" + f"{dev}\tno\n{held}\tno\nrwk_digbib_1-1.tsv\tyes\n", encoding="utf-8"
    )
    (folder / dev).write_text(SAMPLE, encoding="utf-8")
    (folder / held).write_text("not a sample: reading it would fail", encoding="utf-8")
    return tmp_path, folder, dev, held


def test_the_words_are_joined_back_and_speech_and_writing_kept(corpus):
    _, folder, dev, _ = corpus
    sample = read_sample(folder / dev)
    assert sample.text.startswith("„Wir bleiben hier“, sagte Anna Schmidt. Er meinte, dass")
    kinds = sorted((i.kind, len(i.tokens), len(i.speaker)) for i in sample.instances.values())
    # The thought is left out.
    assert kinds == [("direct", 3, 1), ("direct", 5, 2), ("indirect", 3, 1)]


def test_non_fiction_only_and_the_scorer_is_matched_against_the_marks(corpus, capsys):
    _, folder, dev, held = corpus
    assert set(non_fiction(folder)) == {dev, held}
    scores = evaluate([read_sample(folder / dev)], errors=2)
    # The quote with its named speaker is found, and so is "Er meinte, dass …" (its
    # capitalised pronoun is a speaker described, not named); "frug er" (an old form) is missed, which
    # the baseline, every span in quote marks, finds.
    assert (scores["direct"].tp, scores["direct"].found, scores["direct"].gold) == (1, 1, 2)
    assert (scores["both"].tp_gold, scores["both"].gold) == (2, 3)
    assert (scores["baseline"].tp, scores["baseline"].found) == (2, 2)
    out = capsys.readouterr().out
    assert "speakers: 2 of 2" in out and "named sources 1 of 1" in out
    assert "missed: [direct]" in out


def test_only_the_dev_half_is_read_and_the_check_half_is_refused(corpus, monkeypatch, capsys):
    root, *_ = corpus
    monkeypatch.setattr(sys, "argv", ["eval_attribution_german.py", str(root)])
    main()  # the held-out file, which is not a sample, is never opened
    assert "1 samples, 3 instances" in capsys.readouterr().out
    monkeypatch.setattr(sys, "argv", ["x", str(root), "--split", "check"])
    with pytest.raises(SystemExit):
        main()
