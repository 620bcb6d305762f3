import math
import random

import pytest

from annotations.agreement import (
    Span,
    cohen_kappa,
    krippendorff_alpha,
    overlap,
    pairwise_kappas,
    units,
)


def at(slot: int, who: str, label: str, verdict: str | None = None, shift: int = 0) -> Span:
    """A span in the ``slot``-th 100-character block of the article (50 characters long)."""
    return Span(who, slot * 100 + shift, slot * 100 + 50 + shift, label, verdict)


def table(ratings: dict[str, list[str | None]], field: str = "label") -> list[Span]:
    """Spans from a ratings table: one row per analyst, one column per unit, None = no span."""
    spans = []
    for who, row in ratings.items():
        for slot, value in enumerate(row):
            if value is None:
                continue
            if field == "label":
                spans.append(at(slot, who, value))
            else:
                spans.append(at(slot, who, "Claim", value))
    return spans


# Matching spans into units


def test_overlap_is_the_jaccard_index_of_the_character_ranges():
    assert overlap(Span("a", 0, 10, "x"), Span("b", 5, 15, "x")) == 5 / 15
    assert overlap(Span("a", 0, 10, "x"), Span("b", 0, 10, "x")) == 1.0
    assert overlap(Span("a", 0, 10, "x"), Span("b", 10, 20, "x")) == 0.0
    assert overlap(Span("a", 3, 3, "x"), Span("b", 0, 10, "x")) == 0.0


def test_spans_overlapping_by_half_their_combined_extent_match():
    exactly_half = [Span("a", 0, 100, "Claim"), Span("b", 0, 50, "Claim")]
    assert len(units(exactly_half)) == 1
    just_below = [Span("a", 0, 100, "Claim"), Span("b", 0, 49, "Claim")]
    assert len(units(just_below)) == 2


def test_a_clause_inside_a_much_longer_span_does_not_match_it():
    spans = [Span("a", 0, 300, "Claim"), Span("b", 100, 180, "Claim")]
    assert [list(u) for u in units(spans)] == [["a"], ["b"]]


def test_a_unit_holds_at_most_one_span_per_analyst():
    spans = [
        Span("a", 0, 100, "Claim"),
        Span("b", 0, 90, "Claim"),  # Jaccard 0.90 with a's span
        Span("b", 10, 100, "Opinion"),  # 0.90
        Span("b", 5, 100, "Opinion"),  # 0.95: the best match for a's span
    ]
    result = units(spans)
    assert len(result) == 3
    assert {"a": spans[0], "b": spans[3]} in result
    assert sorted(len(u) for u in result) == [1, 1, 2]


def test_every_two_spans_of_a_unit_match():
    # a~b and b~c match, a and c do not: no chaining.
    a, b, c = Span("a", 0, 100, "x"), Span("b", 30, 130, "x"), Span("c", 60, 160, "x")
    assert overlap(a, b) >= 0.5 and overlap(b, c) >= 0.5 and overlap(a, c) < 0.5
    result = units([a, b, c])
    assert len(result) == 2
    assert all(overlap(s, t) >= 0.5 for u in result for s in u.values() for t in u.values())


def test_units_do_not_depend_on_the_order_of_the_spans():
    rng = random.Random(1)
    spans = []
    for who in ("a", "b", "c", "d"):
        for _ in range(40):
            start = rng.randrange(0, 2000)
            spans.append(Span(who, start, start + rng.randint(10, 120), rng.choice("XYZ")))
    expected = units(spans)
    assert sum(len(u) for u in expected) == len(spans)
    for _ in range(5):
        rng.shuffle(spans)
        assert units(spans) == expected


def test_units_are_in_text_order_and_keyed_by_analyst():
    spans = [Span("b", 200, 250, "x"), Span("a", 0, 50, "x"), Span("a", 205, 250, "y")]
    result = units(spans)
    assert [sorted(u) for u in result] == [["a"], ["a", "b"]]
    assert result[1]["a"].label == "y"


def test_an_invalid_span_is_refused():
    with pytest.raises(ValueError):
        Span("a", 10, 5, "Claim")


# Krippendorff's alpha


def test_alpha_matches_a_hand_computed_example_with_a_missing_value():
    # Analysts A, B, C; units 1-4; B did not mark unit 4.
    #            u1     u2       u3       u4
    #     A   Claim  Claim    Opinion  Opinion
    #     B   Claim  Opinion  Opinion  -
    #     C   Claim  Claim    Opinion  Claim
    # Coincidence matrix: each ordered pair of values within a unit adds
    # 1 / (m_u - 1), where m_u is the number of values in the unit.
    #   u1 (m=3): 6 pairs C-C            -> o_CC += 6/2 = 3
    #   u2 (m=3): C-C x2, C-O x2, O-C x2 -> o_CC += 1, o_CO += 1, o_OC += 1
    #   u3 (m=3): 6 pairs O-O            -> o_OO += 3
    #   u4 (m=2): C-O, O-C               -> o_CO += 1, o_OC += 1
    #          Claim  Opinion | n_c
    #   Claim    4       2    |  6
    #   Opinion  2       3    |  5
    #                           n = 11 pairable values
    # alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k
    #       = 1 - 10 * (2 + 2) / (6*5 + 5*6) = 1 - 40/60 = 1/3
    spans = table(
        {
            "A": ["Claim", "Claim", "Opinion", "Opinion"],
            "B": ["Claim", "Opinion", "Opinion", None],
            "C": ["Claim", "Claim", "Opinion", "Claim"],
        }
    )
    assert krippendorff_alpha(spans) == pytest.approx(1 / 3)


def test_alpha_matches_krippendorffs_reference_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the
    # nominal example also used in the krippendorff package's documentation:
    # 3 coders x 15 units with missing values, nominal alpha = 0.691.
    nan = None
    data = {
        "c1": [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
        "c2": [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
        "c3": [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4],
    }
    spans = table({who: [None if v is None else str(v) for v in row] for who, row in data.items()})
    assert krippendorff_alpha(spans) == pytest.approx(0.691358, abs=1e-6)


def test_alpha_is_one_for_perfect_agreement():
    spans = table({"A": ["Claim", "Opinion", "Claim"], "B": ["Claim", "Opinion", "Claim"]})
    assert krippendorff_alpha(spans) == 1.0


def test_alpha_is_one_when_everyone_agrees_on_a_single_label():
    spans = table({"A": ["Claim", "Claim"], "B": ["Claim", "Claim"], "C": ["Claim", None]})
    assert krippendorff_alpha(spans) == 1.0


def test_alpha_is_negative_for_systematic_disagreement():
    # 2 coders x 4 units, always different: every coincidence is off-diagonal.
    #   o_CO = o_OC = 4, n_C = n_O = 4, n = 8
    #   alpha = 1 - 7 * 8 / (4*4 + 4*4) = 1 - 56/32 = -0.75
    swapped = table({"A": ["Claim", "Opinion"] * 2, "B": ["Opinion", "Claim"] * 2})
    assert krippendorff_alpha(swapped) == pytest.approx(-0.75)
    constant = table({"A": ["Claim"] * 4, "B": ["Opinion"] * 4})
    assert krippendorff_alpha(constant) == pytest.approx(-0.75)


def test_alpha_ignores_passages_only_one_analyst_marked():
    agreed = table({"A": ["Claim", "Opinion"], "B": ["Claim", "Opinion"]})
    extra = [at(5, "A", "Claim"), at(6, "B", "Opinion")]
    assert krippendorff_alpha(agreed + extra) == 1.0


def test_alpha_is_none_without_two_analysts_or_a_shared_passage():
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha(table({"A": ["Claim", "Opinion"]})) is None
    assert krippendorff_alpha(table({"A": ["Claim", None], "B": [None, "Claim"]})) is None


def test_alpha_for_verdicts_only_compares_analysts_who_both_saw_a_claim():
    # Unit 3: B called it an Opinion, so B's verdict there is missing and the
    # unit has a single verdict -> it drops out.  Units 1-2 agree perfectly.
    spans = [
        at(0, "A", "Claim", "false"),
        at(0, "B", "Claim", "false"),
        at(1, "A", "Claim", "true"),
        at(1, "B", "Claim", "true"),
        at(2, "A", "Claim", "true"),
        at(2, "B", "Opinion", "false"),
    ]
    assert krippendorff_alpha(spans, field="verdict") == 1.0
    assert krippendorff_alpha(spans) < 1.0  # the labels do disagree on unit 3


def test_alpha_for_verdicts_matches_the_hand_computed_example():
    spans = table(
        {
            "A": ["false", "false", "true", "true"],
            "B": ["false", "true", "true", None],
            "C": ["false", "false", "true", "false"],
        },
        field="verdict",
    )
    assert krippendorff_alpha(spans, field="verdict") == pytest.approx(1 / 3)


def test_an_unknown_field_is_refused():
    with pytest.raises(ValueError):
        krippendorff_alpha([], field="colour")
    with pytest.raises(ValueError):
        cohen_kappa([], "a", "b", field="colour")


# Cohen's kappa


def test_kappa_matches_a_hand_computed_3x3_example():
    # Units either analyst marked; a missing span counts as "none".
    #                 b: Claim  Opinion  none | row
    #   a: Claim          4       1       1   |  6
    #      Opinion        0       2       1   |  3
    #      none           1       0       0   |  1
    #      column         5       3       2   | n = 10
    # p_o = (4 + 2 + 0) / 10 = 0.6
    # p_e = (6*5 + 3*3 + 1*2) / 10^2 = 41/100 = 0.41
    # kappa = (0.6 - 0.41) / (1 - 0.41) = 0.19 / 0.59 = 0.3220...
    a = ["Claim"] * 4 + ["Claim", "Claim", "Opinion", "Opinion", "Opinion", None]
    b = ["Claim"] * 4 + ["Opinion", None, "Opinion", "Opinion", None, "Claim"]
    spans = table({"a": a, "b": b})
    assert cohen_kappa(spans, "a", "b") == pytest.approx(0.19 / 0.59)
    assert cohen_kappa(spans, "b", "a") == pytest.approx(0.19 / 0.59)


def test_kappa_for_verdicts_matches_a_hand_computed_2x2_example():
    # Only units both labelled "Claim":
    #              b: true  false | row
    #   a: true         2     1   |  3
    #      false        0     2   |  2
    #      column       2     3   | n = 5
    # p_o = 4/5 = 0.8;  p_e = (3*2 + 2*3) / 25 = 0.48
    # kappa = (0.8 - 0.48) / (1 - 0.48) = 0.32 / 0.52 = 8/13
    spans = [
        *table({"a": ["true", "true", "true", "false", "false"]}, field="verdict"),
        *table({"b": ["true", "true", "false", "false", "false"]}, field="verdict"),
        at(5, "a", "Claim", "true"),  # b says Opinion: not a verdict comparison
        at(5, "b", "Opinion"),
        at(6, "a", "Claim", "false"),  # b has no span here
    ]
    assert cohen_kappa(spans, "a", "b", field="verdict") == pytest.approx(8 / 13)


def test_kappa_counts_a_claim_without_a_verdict_as_none():
    spans = [at(0, "a", "Claim", "true"), at(0, "b", "Claim"), at(1, "a", "Claim", "true")]
    spans += [at(1, "b", "Claim", "true")]
    # pairs: (true, none), (true, true): p_o = 1/2, p_e = (2*1)/4 = 1/2 -> 0
    assert cohen_kappa(spans, "a", "b", field="verdict") == 0.0


def test_kappa_is_one_for_perfect_agreement():
    spans = table({"a": ["Claim", "Opinion", "Claim"], "b": ["Claim", "Opinion", "Claim"]})
    assert cohen_kappa(spans, "a", "b") == 1.0
    single = table({"a": ["Claim", "Claim"], "b": ["Claim", "Claim"]})
    assert cohen_kappa(single, "a", "b") == 1.0


def test_kappa_is_minus_one_when_labels_are_always_swapped():
    # p_o = 0, p_e = (2*2 + 2*2) / 16 = 0.5 -> kappa = -0.5 / 0.5 = -1
    spans = table({"a": ["Claim", "Opinion"] * 2, "b": ["Opinion", "Claim"] * 2})
    assert cohen_kappa(spans, "a", "b") == -1.0


def test_kappa_is_zero_when_each_analyst_always_gives_one_different_label():
    # p_o = 0 and p_e = 0: no better and no worse than chance.
    spans = table({"a": ["Claim"] * 4, "b": ["Opinion"] * 4})
    assert cohen_kappa(spans, "a", "b") == 0.0


def test_kappa_penalises_passages_only_one_analyst_marked():
    spans = table({"a": ["Claim", "Claim", "Opinion"], "b": ["Claim", None, "Opinion"]})
    kappa = cohen_kappa(spans, "a", "b")
    assert kappa is not None and kappa < 1.0
    # ...whereas alpha treats the gap as missing and sees perfect agreement.
    assert krippendorff_alpha(spans) == 1.0


def test_kappa_against_an_analyst_without_spans_is_zero():
    spans = table({"a": ["Claim", "Opinion"]})
    assert cohen_kappa(spans, "a", "nobody") == 0.0


def test_kappa_is_none_when_neither_analyst_marked_anything():
    assert cohen_kappa(table({"c": ["Claim"]}), "a", "b") is None
    assert cohen_kappa(table({"a": ["Opinion"], "b": ["Opinion"]}), "a", "b", "verdict") is None


def test_kappa_of_an_analyst_with_themself_is_refused():
    with pytest.raises(ValueError):
        cohen_kappa([], "a", "a")


def test_a_third_analyst_does_not_change_a_pairs_kappa():
    pair = [Span("a", 0, 100, "Claim"), Span("b", 30, 130, "Claim")]
    third = Span("c", 0, 80, "Claim")  # matches a better than b does, and not b
    assert cohen_kappa(pair + [third], "a", "b") == cohen_kappa(pair, "a", "b") == 1.0


def test_pairwise_kappas_cover_every_pair_once():
    spans = table(
        {
            "ann": ["Claim", "Opinion", "Claim"],
            "bob": ["Claim", "Opinion", "Claim"],
            "cat": ["Opinion", "Claim", "Opinion"],
        }
    )
    kappas = pairwise_kappas(spans)
    assert list(kappas) == [("ann", "bob"), ("ann", "cat"), ("bob", "cat")]
    assert kappas[("ann", "bob")] == 1.0
    # p_o = 0, p_e = (2*1 + 1*2) / 9 = 4/9 -> kappa = (-4/9) / (5/9) = -0.8
    assert kappas[("ann", "cat")] == pytest.approx(-0.8)
    assert kappas[("bob", "cat")] == pytest.approx(-0.8)
    assert not any(k is not None and math.isnan(k) for k in kappas.values())
