"""The frames model's calibration, on decision values made up for the tests."""

import numpy as np

from bench.train_frames import calibrate


def test_the_calibration_shares_one_rising_slope_and_keeps_each_frames_base_rate():
    rng = np.random.default_rng(0)
    n = 400
    # Frame 0 is common and its scores rank well; frame 1 is rare and its scores are noise.
    y0 = rng.random(n) < 0.5
    y1 = rng.random(n) < 0.05
    z = np.column_stack([np.where(y0, 1.0, -1.0) + rng.normal(0, 1, n), rng.normal(-2, 1, n)])
    Y = np.column_stack([y0, y1]).astype(int)
    (slope0, b0), (slope1, b1) = calibrate(z, Y)
    # A frame whose scores do not rank still gets the shared slope, not a flat one.
    assert slope0 == slope1 > 0.5
    # Each frame keeps its own base rate: the rare frame's confidences stay low.
    mean1 = np.mean(1 / (1 + np.exp(-(slope1 * z[:, 1] + b1))))
    assert abs(mean1 - y1.mean()) < 0.05
    assert b1 < b0
