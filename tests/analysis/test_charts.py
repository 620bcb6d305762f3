"""The SVG charts drawn by the analysis_charts template tags: share bars and line charts."""

import re

from analysis.templatetags.analysis_charts import label, line_chart, share_bar


def test_the_bar_gives_each_share_its_width_largest_first():
    svg = share_bar({"economic": 0.25, "security_and_defense": 0.75, "morality": 0})
    widths = [float(w) for w in re.findall(r'width="([\d.]+)" height', svg)]
    assert widths == [225.0, 75.0]
    assert svg.index("frame-security_and_defense") < svg.index("frame-economic")
    assert "<title>security and defense: 75%</title>" in svg
    assert "morality" not in svg


def test_no_shares_draw_nothing():
    assert share_bar({}) == "" and share_bar(None) == ""


def test_keys_are_escaped():
    svg = share_bar({'<script>"x"': 1.0}, prefix="family")
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_label_turns_keys_into_words():
    assert label("crime_and_punishment") == "crime and punishment"
    assert label(None) == ""


def test_the_line_chart_scales_points_into_the_box():
    from analysis.templatetags.analysis_charts import line_chart

    svg = line_chart([("w1", 0.0), ("w2", None), ("w3", 1.0)], low=0, high=1)
    assert '<polyline points="4.0,76.0 296.0,4.0"' in svg
    assert svg.count("<circle") == 2 and "<title>w3: 1</title>" in svg
    assert line_chart([("w1", None)]) == ""


# Found in a QA pass of the article page: the frames' bar did not fill its box.


def test_the_share_bar_stretches_to_the_width_of_its_box():
    svg = str(share_bar({"economic": 0.75, "legality": 0.25}))
    assert 'preserveAspectRatio="none"' in svg
    assert 'width="225.0"' in svg and 'x="225.0"' in svg


# Found in a QA pass: the outlet report showed each outlet's frames as a bar of colours
# with nothing saying which colour was which frame.


def test_a_share_bar_with_a_legend_names_its_largest_parts_in_their_colours():
    html = str(
        share_bar({"legality": 0.1, "economic": 0.6, "<b>x</b>": 0.05, "morality": 0.25}, legend=2)
    )
    legend = html.split('<ul class="sharelegend', 1)[1]
    assert legend.index('class="frame-economic"/></svg> economic: 60%') < legend.index(
        'class="frame-morality"/></svg> morality: 25%'
    )
    assert "legality" not in legend and "and 2 more" in legend
    assert "<b>" not in html  # keys are escaped, in the bar's titles and in the legend
    assert "sharelegend" not in str(share_bar({"economic": 1.0}))  # no legend unless asked


# Found in a QA pass: the outlet report's tone chart was a line in an empty box: no zero,
# no range, no period, so a reader could not tell a tone of -0.8 from one of +0.1.


def test_the_tone_chart_draws_its_zero_line_and_says_its_scale_and_period():
    svg = line_chart([("2024-01-01", -0.5), ("2024-02-01", None), ("2024-03-01", 0.5)], -1, 1)

    # 80 high with 4 of padding: 0 on a scale from -1 to +1 is half way down, at 40.
    assert '<line class="zero" x1="4" y1="40.0" x2="296" y2="40.0"/>' in svg
    assert "2024-01-01 to 2024-03-01 · from -1 (bottom) to +1 (top), dashed line at 0" in svg


def test_a_scale_without_zero_has_no_zero_line():
    svg = line_chart([("w1", 2.0), ("w2", 3.0)], 1, 4)
    assert 'class="zero"' not in svg and "dashed line" not in svg
    assert "w1 to w2 · from +1 (bottom) to +4 (top)" in svg
