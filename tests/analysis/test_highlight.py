from analysis.highlight import tone_paragraphs


def test_sentences_keep_their_spaces_and_paragraphs():
    body = "It was bad. It was good.\n\nA new paragraph."
    sentences = [
        {"start": 0, "end": 11, "compound": -0.5},
        {"start": 12, "end": 24, "compound": 0.5},
        {"start": 26, "end": 42, "compound": 0.0},
    ]
    paragraphs = tone_paragraphs(body, sentences)
    assert ["".join(s.text for s in p) for p in paragraphs] == [
        "It was bad. It was good.",
        "A new paragraph.",
    ]
    assert [s.tone for s in paragraphs[0] if s.tone] == ["negative", "positive"]
    assert paragraphs[1][0].tone == "neutral"


def test_evidence_from_another_text_version_is_ignored():
    paragraphs = tone_paragraphs("Short.", [{"start": 0, "end": 90, "compound": 0.9}])
    assert [[s.text for s in p] for p in paragraphs] == [["Short."]]
    assert paragraphs[0][0].tone == ""


# --- Persuasion findings and hints (written for the tests) ------------------------------


def _persuasion_scores(text):
    from types import SimpleNamespace

    from analysis.scoring.persuasion import score_persuasion

    result = score_persuasion(text)
    return {"persuasion": SimpleNamespace(evidence=result.evidence, values=result.values)}


def test_the_persuasion_layer_shows_findings_and_the_hints_layer_only_hints():
    from analysis.highlight import LAYERS

    text = "The plan may be a catastrophe, said the so-called experts."
    scores = _persuasion_scores(text)
    findings = LAYERS["persuasion"][1](scores)
    hints = LAYERS["persuasion_hints"][1](scores)
    assert {(s.start, s.end) for s in hints} == {
        (c["start"], c["end"]) for c in scores["persuasion"].evidence["hints"]
    }
    assert hints and all(s.css.endswith(" hint") for s in hints)
    assert all("hint" not in s.css.split() for s in findings)
    assert all("(confidence " in s.title for s in findings + hints)


def test_the_article_page_does_not_open_on_the_hints_layer():
    from analysis.highlight import LAYERS

    assert next(iter(LAYERS)) != "persuasion_hints"
