"""The resolved-name check of bench/eval_attribution.py, on names written for the tests."""

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
