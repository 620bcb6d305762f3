"""The resolved-name check of bench/eval_attribution.py, on names written for the tests."""

import pytest

from bench.eval_attribution import full_name, head_of, same_source


def test_a_full_name_loses_its_honorific_and_its_possessive_owner():
    assert full_name("NBC's Chuck Todd") == "Chuck Todd"
    assert full_name("Mr. Alder Brenn") == "Alder Brenn"
    assert full_name("the Harbour Authority") == "Harbour Authority"


def test_a_pronoun_a_surname_alone_or_a_possessive_is_no_full_name():
    assert full_name("he") == ""
    assert full_name("Mr. Brenn") == ""
    assert full_name("Alder Brenn's campaign") == ""
    assert full_name("Alder Brenn's") == ""


def test_titles_are_taken_off_both_names():
    assert same_source("Coastal Sen. Alder Brenn", "Alder Brenn")
    assert same_source("Coastal Sen. Alder Brenn", "Sen. Alder Brenn")
    assert same_source("Governor Brenn", "Alder Brenn")  # the fuller name is right


def test_a_surname_alone_or_another_person_is_not_the_source():
    assert not same_source("Alder Brenn", "Brenn")
    assert not same_source("Alder Brenn", "Mira Brenn")
    assert not same_source("Alder Brenn", "")


def test_a_name_between_commas_after_a_role_is_the_sources_name():
    # Written for the tests: the role ends with a common noun, the name follows it.
    text = "The party chairman, Ann Lowe, said so. Lowe of Elmtown, Nordvale said so."
    assert text[slice(*head_of(text, [(0, 29)]))] == "Ann Lowe"
    # A head that a name ends keeps it: the words after the comma are a place.
    assert text[slice(*head_of(text, [(39, 64)]))] == "Lowe of Elmtown"


def test_the_script_prints_the_interval_of_its_figure_on_a_small_written_corpus(tmp_path, capsys):
    from bench.eval_attribution import main

    # Written for the tests: two articles in PolNeAR's layout, each with one attribution
    # annotated (content, cue, source).
    texts = {
        "one": '"We will rebuild the bridge," the mayor said on Monday.',
        "two": "The minister said the port would reopen next week.",
    }
    spans = {
        "one": ((1, 27), (40, 44), (30, 39)),
        "two": ((18, 49), (13, 17), (0, 12)),
    }
    for folder in ("text", "attributions"):
        (tmp_path / "data" / "train" / folder).mkdir(parents=True)
    for name, text in texts.items():
        content, cue, source = spans[name]
        assert text[slice(*cue)] == "said"
        assert text[slice(*source)] in ("the mayor", "The minister")
        (tmp_path / "data" / "train" / "text" / f"{name}.txt").write_text(text)
        ann = (
            f"T1\tContent {content[0]} {content[1]}\tx\n"
            f"T2\tCue {cue[0]} {cue[1]}\tx\n"
            f"T3\tSource {source[0]} {source[1]}\tx\n"
            "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
        )
        (tmp_path / "data" / "train" / "attributions" / f"{name}_a1.ann").write_text(ann)

    assert main([str(tmp_path), "--split", "train", "--draws", "50", "--errors", "0"]) == 0
    out = capsys.readouterr().out
    assert "direct quotes + reported speech" in out
    # Both found, both right: every resampling scores 1.
    assert "95 % interval over 50 resamplings of the 2 articles: 1.000–1.000" in out
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--split", "test"])
