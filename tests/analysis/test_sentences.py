from analysis.scoring.sentences import split, split_spans


def test_it_does_not_split_after_titles_initials_or_decimals():
    text = "Mr. J. Smith met Gen. Milley in the U.S. capital. Growth was 3.5 per cent."
    assert split(text) == [
        "Mr. J. Smith met Gen. Milley in the U.S. capital.",
        "Growth was 3.5 per cent.",
    ]


def test_it_keeps_closing_quotes_with_their_sentence():
    text = '"We will not leave," she said. "Never." The crowd cheered.'
    assert split(text) == ['"We will not leave," she said.', '"Never."', "The crowd cheered."]


def test_paragraph_breaks_end_sentences():
    assert split("A headline without a period\n\nThe body starts here.") == [
        "A headline without a period",
        "The body starts here.",
    ]


def test_spans_point_into_the_text():
    text = "  First one. Second one!  "
    assert [text[s:e] for s, e in split_spans(text)] == ["First one.", "Second one!"]


def test_empty_text_has_no_sentences():
    assert split("") == [] and split("   \n ") == []
