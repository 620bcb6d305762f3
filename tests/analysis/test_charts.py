"""The SVG charts drawn by the analysis_charts template tags: share bars and labels."""

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


def _trend_report(values: list[float | None]) -> dict:
    """An outlet report's persuasion trend of one outlet (written for the tests)."""
    from types import SimpleNamespace

    days = [f"2025-0{m}-01" for m in range(1, len(values) + 1)]
    outlet = SimpleNamespace(name="Harbour Post")
    return {
        "trend_unit": "month",
        "outlets": [{"outlet": outlet, "persuasion_trend": list(zip(days, values, strict=True))}],
    }


def test_the_persuasion_chart_labels_its_ticks_with_their_values():
    # Found in a QA pass: ticks at quarters of 1 were labelled "0.2" and "0.8".
    from analysis.templatetags.analysis_charts import cues_chart

    ticks = re.findall(
        r'class="tick ytick"[^>]*>([^<]*)<', cues_chart(_trend_report([0.4, None, 0.9]))
    )
    assert ticks == ["0.00", "0.25", "0.50", "0.75", "1.00"]
    ticks = re.findall(r'class="tick ytick"[^>]*>([^<]*)<', cues_chart(_trend_report([2.6, 1.0])))
    assert ticks == ["0.00", "0.75", "1.50", "2.25", "3.00"]


# Found in a pages audit: the number line of "Numbers that disagree" marked its axis at
# quarters of its padded range, so soldiers counted from 1,037 to 2,000 were read against
# 0, 538, 1,076, 1,614 and 2,152.


def test_round_ticks_step_by_a_round_number_and_cover_the_range():
    from analysis.templatetags.analysis_charts import round_ticks

    assert round_ticks(100, 2000) == [0, 500, 1000, 1500, 2000]
    assert round_ticks(1037, 1500) == [1000, 1100, 1200, 1300, 1400, 1500]
    assert round_ticks(0.2, 0.9) == [0.2, 0.4, 0.6, 0.8, 1.0]
    assert round_ticks(-3, 7) == [-5, -2.5, 0, 2.5, 5, 7.5]
    assert round_ticks(12, 12) == [12, 13]  # never a single tick


def test_the_number_line_marks_its_axis_at_round_numbers():
    from analysis.templatetags.analysis_charts import number_line

    values = {
        "ledger": [{"value": 1037, "low": 1037, "high": 1037, "text": "1,037 soldiers"}],
        "tribune": [{"value": 1500, "low": 1350, "high": 1650, "text": "about 1,500"}],
        "dispatch": [{"value": 2000, "low": 1800, "high": 2000, "text": "nearly 2,000"}],
    }
    svg = str(number_line(values, {"ledger": "Ledger", "tribune": "Tribune"}))
    ticks = re.findall(r'class="tick"[^>]*>([^<]*)<', svg)
    assert ticks == ["1,000", "1,200", "1,400", "1,600", "1,800", "2,000"]
    # Every number lies on the axis, none clamped to its ends.
    points = [float(x) for x in re.findall(r'<circle class="point" cx="([\d.]+)"', svg)]
    assert len(points) == 3 and len(set(points)) == 3
