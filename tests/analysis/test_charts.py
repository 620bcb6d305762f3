import re

from analysis.templatetags.analysis_charts import label, share_bar


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
