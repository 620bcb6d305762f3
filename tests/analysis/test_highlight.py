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


def test_a_quote_title_names_the_principal_and_a_resolved_speaker():
    from analysis.highlight import _quote_title

    # written for the tests: evidence as the attribution scorer gives it
    spokesman = {"speaker": "a spokesman", "principal": "Ruth Alder", "cue": "said"}
    assert _quote_title(spokesman) == "a spokesman for Ruth Alder (said)"
    resolved = {"speaker": "Ruth Alder", "speaker_resolved": True, "cue": "said"}
    assert _quote_title(resolved) == "Ruth Alder, taken for a pronoun or role (said)"
    assert _quote_title({"speaker": None, "cue": "says"}) == "unknown (says)"
