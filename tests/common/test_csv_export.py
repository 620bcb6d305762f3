import csv
import io

import pytest

from common.csv_export import safe_cell, safe_rows


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("-0.25", "-0.25"),  # a negative tone stays a number
        ("+3", "+3"),
        ("-inf", "'-inf"),
        ("Tajik border", "Tajik border"),
        (-0.25, -0.25),
        (12, 12),
        (None, ""),
    ],
)
def test_cells_that_would_run_as_formulas_are_shown_as_text(value, expected):
    assert safe_cell(value) == expected


def test_rows_keep_their_shape():
    out = io.StringIO()
    csv.writer(out).writerows(safe_rows([["outlet", "tone"], ["=evil()", -0.5]]))
    assert out.getvalue().splitlines() == ["outlet,tone", "'=evil(),-0.5"]
