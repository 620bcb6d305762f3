"""CSV cells that spreadsheets open as data, never as formulas.

A cell starting with =, +, -, @ (or a tab or carriage return) is run as a formula by
Excel, LibreOffice and Google Sheets; headlines, notes and outlet names come from
outside, so such text gets a leading apostrophe, which spreadsheets show as text.
Numbers, including negative ones such as a tone of -0.25, stay numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def safe_rows(rows: Iterable[Iterable]) -> Iterable[list]:
    for row in rows:
        yield [safe_cell(v) for v in row]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-") not in ("inf", "nan", "infinity")
