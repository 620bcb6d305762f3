"""Found in a QA pass: the outlet report's tone chart was a line in an empty box: no zero,
no range, no period, so a reader could not tell a tone of -0.8 from one of +0.1."""

from analysis.templatetags.analysis_charts import line_chart


def test_the_tone_chart_draws_its_zero_line_and_says_its_scale_and_period():
    svg = line_chart([("2024-01-01", -0.5), ("2024-02-01", None), ("2024-03-01", 0.5)], -1, 1)

    # 80 high with 4 of padding: 0 on a scale from -1 to +1 is half way down, at 40.
    assert '<line class="zero" x1="4" y1="40.0" x2="296" y2="40.0"/>' in svg
    assert "2024-01-01 to 2024-03-01 · from -1 (bottom) to +1 (top), dashed line at 0" in svg


def test_a_scale_without_zero_has_no_zero_line():
    svg = line_chart([("w1", 2.0), ("w2", 3.0)], 1, 4)
    assert 'class="zero"' not in svg and "dashed line" not in svg
    assert "w1 to w2 · from +1 (bottom) to +4 (top)" in svg
