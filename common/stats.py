"""Statistics shared by the reports of several layers: Student's t distribution and the
confidence interval of a mean, exactly (the regularised incomplete beta function and
bisection: no table, no normal approximation, no SciPy)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from statistics import fmean, stdev


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    ln_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(ln_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """Student's t cumulative distribution function."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t value below which a share p of Student's t distribution lies (bisection)."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be between 0 and 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2.0


def mean_ci(
    values: Sequence[float], confidence: float = 0.95
) -> tuple[float | None, float | None, float | None]:
    """(mean, low, high): the mean with a two-sided t-based confidence interval.

    mean +- t(1 - (1 - confidence) / 2, n - 1) * sd / sqrt(n), sd the sample standard
    deviation. The t quantile is computed exactly (the regularised incomplete beta
    function and bisection), for any df and confidence, so no table or normal
    approximation is needed. With no values all three are None; with one value the
    interval is undefined and low and high are None.
    """
    values = [float(v) for v in values]
    n = len(values)
    if n == 0:
        return None, None, None
    mean = fmean(values)
    if n == 1:
        return mean, None, None
    half = t_quantile(1.0 - (1.0 - confidence) / 2.0, n - 1) * stdev(values) / math.sqrt(n)
    return mean, mean - half, mean + half


@lru_cache(maxsize=4096)
def _t975(df: int) -> float:
    return t_quantile(0.975, df)


def mean_interval(
    n: int,
    mean: float | None,
    squares: float | None,
    bounds: tuple[float, float] = (-math.inf, math.inf),
) -> dict:
    """mean_ci's 95 % interval from the count, mean and sum of squares of the values (as a
    database aggregates them), cut to the ``bounds`` that the values (and so their mean)
    cannot leave: {"mean", "low", "high", "n", "sd"}; low, high and the values' standard
    deviation sd None below two values."""
    if not n or mean is None:
        return {"mean": None, "low": None, "high": None, "n": 0, "sd": None}
    if n == 1 or squares is None:
        return {"mean": mean, "low": None, "high": None, "n": n, "sd": None}
    sd = math.sqrt(max(0.0, (squares - n * mean * mean) / (n - 1)))
    half = _t975(n - 1) * sd / math.sqrt(n)
    low, high = max(bounds[0], mean - half), min(bounds[1], mean + half)
    return {"mean": mean, "low": low, "high": high, "n": n, "sd": sd}


def difference_interval(a: dict, b: dict) -> dict | None:
    """How far b's mean is from a's (``b - a``), with the 95 % interval of that difference
    by Welch's t (the two sets of values may spread differently; degrees of freedom by
    Welch and Satterthwaite), from two of mean_interval's results. ``apart``: the interval
    leaves out 0, so the values differ by more than two samples of these sizes would by
    chance. None when either side has fewer than two values."""
    if a.get("sd") is None or b.get("sd") is None:
        return None
    difference = b["mean"] - a["mean"]
    va, vb = a["sd"] ** 2 / a["n"], b["sd"] ** 2 / b["n"]
    se = math.sqrt(va + vb)
    if se == 0.0:  # both constant: the difference is what it is
        return {"difference": difference, "low": difference, "high": difference,
                "apart": difference != 0.0}  # fmt: skip
    df = (va + vb) ** 2 / (va**2 / (a["n"] - 1) + vb**2 / (b["n"] - 1))
    half = t_quantile(0.975, df) * se
    low, high = difference - half, difference + half
    return {"difference": difference, "low": low, "high": high, "apart": low > 0 or high < 0}
