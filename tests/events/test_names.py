"""The one rule that merges a person's names across articles (events.names)."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from events.names import display_name, name_key, person_merges


def test_a_surname_merges_into_the_one_full_name_it_ends():
    keys = [name_key(n) for n in ("Donald Trump", "Trump", "The Pentagon", "Lee")]
    assert person_merges(keys) == {"trump": "donald trump"}
    assert name_key("The  Pentagon") == "pentagon"


def test_a_surname_of_two_people_and_names_said_together_stay_apart():
    merges = person_merges(["ann lee", "bo lee", "lee"])
    assert "lee" not in merges
    assert person_merges(["goldman sachs and donald trump", "donald trump"]) == {}


def test_a_title_left_on_merges_into_the_longest_name():
    merges = person_merges(["col hasan sultonov", "hasan sultonov", "sultonov"])
    assert merges == {"hasan sultonov": "col hasan sultonov", "sultonov": "col hasan sultonov"}


def test_the_name_shown_is_the_fullest_capitalised_form():
    assert display_name(Counter({"Trump": 5, "Donald Trump": 1})) == "Donald Trump"
    assert display_name(Counter({"the Treasury": 1, "Treasury": 1})) == "Treasury"


words = st.sampled_from(["ann", "bo", "lee", "hale", "col", "tom", "and"])


@given(st.sets(st.lists(words, min_size=1, max_size=4).map(" ".join), max_size=8))
def test_a_name_merges_only_into_a_longer_name_it_ends_which_merges_no_further(keys):
    merges = person_merges(keys)
    for short, long in merges.items():
        assert long in keys and long != short
        assert long.endswith(" " + short)
        assert long not in merges
