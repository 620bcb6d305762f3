"""Found in a QA pass: after choosing a period on Blindspots, the two threshold boxes came
back empty while the text above said the defaults (80 %, 3 outlets) applied, so the page
seemed to apply thresholds nobody had entered."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _value(html: str, name: str) -> str | None:
    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    found = re.search(r'value="([^"]*)"', field)
    return found.group(1) if found else None


def test_the_thresholds_in_use_stay_in_their_boxes(client, editor):
    client.force_login(editor)

    for query in ("", "?start=2024-01-01&end=2024-12-31", "?side_share=&min_outlets="):
        html = client.get("/reports/blindspots/" + query).content.decode()
        assert _value(html, "side_share") == "0.8", query
        assert _value(html, "min_outlets") == "3", query
        assert "at least 3 outlets, of which at least 80%" in html


def test_a_threshold_given_is_kept(client, editor):
    client.force_login(editor)
    html = client.get("/reports/blindspots/?start=2024-01-01&min_outlets=5").content.decode()
    assert _value(html, "min_outlets") == "5" and _value(html, "side_share") == "0.8"
    assert "at least 5 outlets" in html
