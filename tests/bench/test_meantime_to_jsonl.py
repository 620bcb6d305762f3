"""The MEANTIME converter on a tiny CoNLL file written for the tests (invented sentences in
MEANTIME's layout: document id, sentence, token number, token, annotation)."""

import pytest

from bench.meantime_to_jsonl import (
    detokenize,
    detokenize_spans,
    documents,
    parse_dateline,
    rows,
)


def _conll(doc_id: str, sentences: list[list[str]]) -> list[str]:
    lines = [f"#begin document ({doc_id}); part 000"]
    for s, tokens in enumerate(sentences):
        lines += [f"{doc_id}\t{s}\t{t}\t{token}\t-" for t, token in enumerate(tokens)]
    return [*lines, "#end document", ""]


WRITTEN = _conll(
    "corpus_airbus/1",
    [
        ["Lumeria", "orders", "12", "jets"],
        ["March", "01", ",", "2008"],
        ["Lumeria", "Air", "(", "LA", ")", "said", '"', "yes", '"', "to", "$", "40", "."],
    ],
) + _conll(
    "corpus_gm/2",
    [["Held", "out"], ["May", "02", ",", "2009"], ["Never", "read", "."]],
)


def test_tokens_are_joined_without_a_space_before_closing_or_after_opening_marks():
    assert (
        detokenize(["Air", "(", "LA", ")", "said", '"', "yes", '"', "."]) == 'Air (LA) said "yes".'
    )
    assert detokenize(["worth", "US$", "40", "billion", ",", "not", "$", "4"]) == (
        "worth US$40 billion, not $4"
    )
    # Spanish puts the sign after the number; Italian writes an elision against the word.
    assert detokenize(["11.000", "millones", "de", "$", "en", "total"], "es") == (
        "11.000 millones de $ en total"
    )
    assert detokenize(["dell'", "Airbus", "e", "l'", "appalto"], "it") == (
        "dell'Airbus e l'appalto"
    )
    assert detokenize(["``", "Yes", "''", "he", "said"]) == '"Yes" he said'


def test_each_token_keeps_its_span_in_the_detokenised_text():
    tokens = ["Air", "(", "LA", ")", "said", "``", "yes", "''", ".", "dell'", "Airbus"]
    text, spans = detokenize_spans(tokens, "it")
    assert text == detokenize(tokens, "it") == 'Air (LA) said "yes". dell\'Airbus'
    assert [text[s:e] for s, e in spans] == [
        "Air", "(", "LA", ")", "said", '"', "yes", '"', ".", "dell'", "Airbus"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "dateline, language, day",
    [
        ("March 01 , 2008", "en", "2008-03-01"),
        ("27 de marzo del 2008", "es", "2008-03-27"),
        ("2010 8 de junio de 2010", "es", "2010-06-08"),
        ("2 luglio 2008", "it", "2008-07-02"),
        ("05-Nov-05", "nl", "2005-11-05"),
        ("Tuesday", "en", None),
    ],
)
def test_the_wikinews_dateline_is_read_in_each_language(dateline, language, day):
    assert parse_dateline(dateline, language) == day


def test_held_out_folders_are_dropped_by_document_id_and_refused_if_asked_for():
    assert list(documents(WRITTEN)) == ["corpus_airbus/1"]
    with pytest.raises(ValueError):
        documents(WRITTEN, folders=("corpus_airbus", "corpus_gm"))


def test_a_document_becomes_one_row_with_its_title_date_text_and_event():
    (row,) = rows("en", WRITTEN)
    assert row["title"] == "Lumeria orders 12 jets"
    assert row["published"] == "2008-03-01T12:00:00+00:00"
    assert row["text"] == 'Lumeria Air (LA) said "yes" to $40.'
    assert row["event"] == "meantime-corpus_airbus/1"
    assert row["outlet"] == "Wikinews (en)"
    assert row["url"] == "https://en.meantime.example/corpus_airbus/1"
