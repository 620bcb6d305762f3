"""The statistics the reports share: the interval of a difference between two means."""

from __future__ import annotations

import math

import pytest

from common.stats import difference_interval, mean_interval

# The first worked example of Welch's t-test in its Wikipedia article (two samples of 15):
# t = 2.46 with 24.99 degrees of freedom, p = 0.021. The interval below is SciPy 1.17's
# (scipy.stats.ttest_ind(b, a, equal_var=False).confidence_interval()), computed once.
A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]


def summary(values: list[float]) -> dict:
    """mean_interval from what a database aggregates: count, mean, sum of squares."""
    n = len(values)
    return mean_interval(n, sum(values) / n, sum(v * v for v in values))


def test_the_difference_of_two_means_has_welchs_interval():
    found = difference_interval(summary(A1), summary(A2))

    assert found["difference"] == pytest.approx(2.1666667)
    assert (found["low"], found["high"]) == pytest.approx((0.3492371, 3.9840963), abs=1e-6)
    assert found["apart"] is True
    # The other way round: the same interval, negated.
    back = difference_interval(summary(A2), summary(A1))
    assert (back["low"], back["high"]) == pytest.approx((-3.9840963, -0.3492371), abs=1e-6)


def test_means_whose_interval_holds_zero_are_not_told_apart():
    found = difference_interval(summary([0.1, 0.3, 0.2, 0.4]), summary([0.2, 0.5, 0.1, 0.35]))

    assert found["low"] < 0 < found["high"]
    assert found["apart"] is False


def test_below_two_values_on_either_side_there_is_no_interval():
    assert difference_interval(summary([0.1]), summary([0.2, 0.3])) is None
    assert difference_interval(mean_interval(0, None, None), summary([0.2, 0.3])) is None


def test_two_constant_sets_differ_by_exactly_their_difference():
    found = difference_interval(summary([0.5, 0.5, 0.5]), summary([0.25, 0.25]))

    assert found == {"difference": -0.25, "low": -0.25, "high": -0.25, "apart": True}
    assert math.isclose(summary([0.5, 0.5])["sd"], 0.0, abs_tol=1e-9)
