"""The accuracy files behind the methodology page: one per measure, each complete."""

from __future__ import annotations

import json
import re

import pytest

from analysis.methodology import AccuracyFileError, accuracy_entries, entry_parse
from analysis.scoring import all_scorers

MEASURED = {
    "scorer": "attribution",
    "title": "Attribution",
    "what": "Who said what.",
    "limits": ["Cannot read <b>minds</b>."],
    "measurements": [
        {
            "subset": "quotes + reported speech",
            "precision": 0.912,
            "recall": 0.861,
            "f1": 0.886,
            "extra": {"full source name": 0.81},
            "baseline": {"name": "quote marks", "precision": 0.94, "recall": 0.74, "f1": 0.83},
            "corpus": "A public corpus",
            "corpus_terms": "docs/corpora/example.md",
            "split": "train+dev",
            "n": 1234,
            "scorer_version": "VERSION",
            "date": "2026-12-05",
            "command": "python bench/eval_attribution.py PATH",
        }
    ],
}


def measured(version: str) -> dict:
    data = json.loads(json.dumps(MEASURED))
    data["measurements"][0]["scorer_version"] = version
    return data


def test_every_accuracy_file_in_the_project_follows_the_schema():
    accuracy_entries.cache_clear()
    entries = accuracy_entries()
    assert entries, "analysis/accuracy holds no file"
    for name, entry in entries.items():
        assert entry.scorer == name
        assert entry.limits, f"{name}.json says nothing of what the measure cannot do"


def test_every_scorer_says_how_far_to_trust_it():
    accuracy_entries.cache_clear()
    missing = {s.name for s in all_scorers()} - set(accuracy_entries())
    assert not missing, f"no analysis/accuracy/<scorer>.json for {sorted(missing)}"


def test_a_measurement_without_its_corpus_split_version_or_date_is_refused():
    for key in ("corpus", "split", "scorer_version", "date", "subset"):
        data = measured("1")
        del data["measurements"][0][key]
        with pytest.raises(AccuracyFileError, match=key):
            entry_parse(data, name="attribution")


def test_a_file_named_after_another_scorer_is_refused():
    with pytest.raises(AccuracyFileError, match="must be 'framing'"):
        entry_parse(measured("1"), name="framing")


def test_a_figure_that_is_not_a_number_is_refused():
    data = measured("1")
    data["measurements"][0]["precision"] = "high"
    with pytest.raises(AccuracyFileError, match="number"):
        entry_parse(data, name="attribution")


def test_the_summary_gives_f1_with_precision_and_recall():
    entry = entry_parse(measured("1"), name="attribution")
    assert entry.headline.summary == "F1 0.89 (P 0.91, R 0.86)"


def test_an_interval_of_the_f1_is_shown_in_the_summary_and_checked():
    data = measured("1")
    data["measurements"][0]["f1_interval"] = [0.843, 0.921]
    entry = entry_parse(data, name="attribution")
    assert entry.headline.f1_interval == (0.843, 0.921)
    assert entry.headline.summary == "F1 0.89 (95 % interval 0.84–0.92; P 0.91, R 0.86)"
    for wrong in ([0.9, 0.8], [0.8], [0.8, 1.2], "0.8-0.9", [0.8, None]):
        data["measurements"][0]["f1_interval"] = wrong
        with pytest.raises(AccuracyFileError, match="f1_interval"):
            entry_parse(data, name="attribution")


def test_where_precision_and_recall_do_not_apply_an_accuracy_is_the_summary():
    data = measured("1")
    m = data["measurements"][0]
    for key in ("precision", "recall", "f1"):
        del m[key]
    m["accuracy"], m["accuracy_interval"] = 0.764, [0.729, 0.798]
    m["baseline"] = {"name": "words per sentence", "accuracy": 0.778}
    entry = entry_parse(data, name="attribution")
    assert entry.headline.summary == "accuracy 0.76 (95 % interval 0.73–0.80)"
    assert entry.headline.baseline.accuracy == 0.778
    # No lower F1 elsewhere can be named beside an accuracy.
    assert entry.lowest_elsewhere is None
    for wrong in ([0.8, 0.7], "0.7-0.8"):
        m["accuracy_interval"] = wrong
        with pytest.raises(AccuracyFileError, match="accuracy_interval"):
            entry_parse(data, name="attribution")
    m["accuracy_interval"], m["accuracy"] = None, "high"
    with pytest.raises(AccuracyFileError, match="number"):
        entry_parse(data, name="attribution")


def test_readability_is_measured_by_how_often_the_grade_orders_two_texts_right():
    entry = accuracy_entries()["readability"]
    assert entry.headline.f1 is None and 0.5 < entry.headline.accuracy < 1
    low, high = entry.headline.accuracy_interval
    assert low <= entry.headline.accuracy <= high
    assert entry.headline.baseline.accuracy is not None
    assert entry.headline.corpus_terms == "docs/corpora/onestopenglish.md"


def test_an_f1_of_nought_says_nothing_was_found_instead_of_its_interval():
    # Not one true positive: every resampling's F1 is 0 too, and "0.00–0.00" says nothing.
    data = measured("1")
    figures = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "f1_interval": [0.0, 0.0]}
    data["measurements"][0].update(figures, extra={"articles with the frame": 11})
    headline = entry_parse(data, name="attribution").headline
    assert headline.never_found == "never found in the 11 articles with the frame"
    assert headline.summary == (
        "F1 0.00 (never found in the 11 articles with the frame; P 0.00, R 0.00)"
    )
    data["measurements"][0]["extra"] = {}
    headline = entry_parse(data, name="attribution").headline
    assert headline.never_found == "never found on this corpus"
    assert headline.summary == "F1 0.00 (never found on this corpus; P 0.00, R 0.00)"
    data["measurements"][0].update(f1=0.143, f1_interval=[0.0, 0.429])
    assert entry_parse(data, name="attribution").headline.never_found == ""


def _measurement(corpus: str, f1: float, **more) -> dict:
    return {
        "subset": "all",
        "f1": f1,
        "corpus": corpus,
        "split": "dev",
        "scorer_version": "1",
        "date": "2026-12-06",
        **more,
    }


def _entry(*measurements: dict):
    raw = {"scorer": "grouping", "limits": ["Small sets."], "measurements": list(measurements)}
    return entry_parse(raw, name="grouping")


def test_the_lowest_figure_on_another_public_corpus_is_named_beside_the_headline():
    entry = _entry(
        _measurement("Corpus A (Doe 2019)", 0.98),
        _measurement("Corpus A (Doe 2019)", 0.60),  # the same corpus: not "elsewhere"
        _measurement("Corpus B (Roe 2023)", 0.77),
        _measurement("Corpus C (Poe 2014)", 0.81),
        _measurement("Set written for the tests", 0.50, written_here=True),
    )
    assert entry.lowest_elsewhere.corpus == "Corpus B (Roe 2023)"


def test_no_lower_figure_elsewhere_means_nothing_is_added():
    assert (
        _entry(_measurement("Corpus A", 0.7), _measurement("Corpus B", 0.9)).lowest_elsewhere
        is None
    )
    assert _entry(_measurement("Corpus A", 0.7)).lowest_elsewhere is None


def test_the_lowest_figure_elsewhere_names_its_subset_when_it_is_another():
    from analysis.templatetags.methodology import entry_line

    entry = _entry(
        _measurement("Corpus A (Doe 2019)", 0.51, subset="tone toward the actors"),
        _measurement("Corpus B (Roe 2023)", 0.38, subset="which actors are found"),
    )
    line = entry_line(entry)
    assert line.endswith("; as low as F1 0.38 on Corpus B (dev), which actors are found")
    same = _entry(_measurement("Corpus A", 0.51), _measurement("Corpus B", 0.38))
    assert entry_line(same).endswith("; as low as F1 0.38 on Corpus B (dev)")


def test_written_here_must_be_a_boolean():
    with pytest.raises(AccuracyFileError, match="written_here"):
        _entry(_measurement("Corpus A", 0.7, written_here="yes"))


def test_the_trust_line_on_event_pages_says_how_low_grouping_went_on_other_corpora():
    from analysis.methodology import accuracy_entry
    from analysis.templatetags.methodology import trust_line

    accuracy_entries.cache_clear()
    low = accuracy_entry("grouping").lowest_elsewhere
    assert low is not None and not low.written_here
    assert f"as low as F1 {low.f1:.2f} on {low.corpus_name}" in trust_line("grouping")


def test_a_figure_no_measurement_covers_is_named_with_why():
    data = measured("1")
    data["unmeasured"] = {"anonymous_share": "typed by rules no corpus checked"}
    entry = entry_parse(data, name="attribution")
    assert entry.unmeasured == {"anonymous_share": "typed by rules no corpus checked"}
    for wrong in (["anonymous_share"], {"anonymous_share": ""}, {"anonymous_share": 3}):
        data["unmeasured"] = wrong
        with pytest.raises(AccuracyFileError, match="unmeasured"):
            entry_parse(data, name="attribution")


def test_the_anonymous_share_shows_its_own_measurement_against_labels_added_here():
    from analysis.methodology import accuracy_entry
    from analysis.templatetags.methodology import figure_trust

    accuracy_entries.cache_clear()
    entry = accuracy_entry("attribution")
    measured = entry.figure_measurement("anonymous_share")
    assert measured is not None and measured.labelled_here and measured.f1 is not None
    assert "anonymous_share" not in entry.unmeasured
    # The quotes' headline is still the entry's; the share's figure is not "elsewhere".
    assert entry.headline.figure == "" and entry.lowest_elsewhere is not measured
    html = figure_trust("attribution", "anonymous_share")
    assert f"F1 {measured.f1:.2f}" in html and "against labels added here" in html
    assert 'href="/methodology/#attribution"' in html
    assert figure_trust("attribution", "attribution_density") == ""
    assert figure_trust("no-such-measure", "anonymous_share") == ""
    # A figure the entry says nothing measured keeps its warning.
    assert "not measured on any corpus" in figure_trust("claims", "numbers")


def test_labelled_here_and_figure_are_read_and_checked():
    data = measured("1")
    data["measurements"][0].update(figure="anonymous_share", labelled_here=True)
    m = entry_parse(data, name="attribution").measurements[0]
    assert m.figure == "anonymous_share" and m.labelled_here
    data["measurements"][0]["labelled_here"] = "yes"
    with pytest.raises(AccuracyFileError, match="labelled_here"):
        entry_parse(data, name="attribution")


def test_a_figures_line_away_from_its_figure_names_it():
    # Found in a pages audit: under the comparison's sourcing chart two lines read only
    # "F1 0.73 (...) against labels added here" and "F1 0.72 (...)", not saying of what.
    from analysis.templatetags.methodology import figure_trust

    accuracy_entries.cache_clear()
    named = figure_trust("attribution", "anonymous_share", of="anonymous sources")
    assert re.search(r'">anonymous sources: F1 0\.\d\d .*against labels added here</a>', named)
    assert ">F1 " in figure_trust("attribution", "anonymous_share")  # under its figure
    unmeasured = figure_trust("claims", "numbers", of="numbers <counted>")
    assert ">numbers &lt;counted&gt;: not measured on any corpus</a>" in unmeasured
