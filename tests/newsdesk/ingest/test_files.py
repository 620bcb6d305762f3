import codecs

import pytest

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.files import check_size, decode_text, looks_like_html, open_text_file


def test_it_decodes_utf8():
    assert decode_text("Škoda – naïve".encode()) == "Škoda – naïve"


def test_it_decodes_latin1_text():
    text = "Le café de la gare a fermé après l'été, a déclaré le maire."
    assert decode_text(text.encode("latin-1")) == text


def test_it_decodes_utf16_with_a_bom():
    text = "Officials said the bridge would reopen."
    assert decode_text(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text


def test_it_decodes_utf16_without_a_bom():
    text = "Officials said the bridge would reopen."
    assert decode_text(text.encode("utf-16-le")) == text


def test_it_refuses_binary_data():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(IngestError, match="binary"):
        decode_text(png)


def test_it_refuses_empty_and_oversized_input():
    with pytest.raises(IngestError, match="empty"):
        check_size(0, 100)
    with pytest.raises(IngestError, match="limit is 5 MB"):
        check_size(20 * 1024 * 1024, 5 * 1024 * 1024)
    check_size(10, 100)


def test_it_recognises_html():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("MOSCOW (Sputnik) - About 1,500 soldiers crossed.")


def test_it_decodes_windows_1251_russian_text():
    text = "Москва заявила, что переговоры продолжатся на следующей неделе."
    assert decode_text(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "tail, encoding",
    [
        ("Le café a rouvert après l’été, a déclaré le maire.", "cp1252"),
        ("Москва заявила, что переговоры продолжатся на следующей неделе.", "cp1251"),
    ],
)
def test_a_letter_of_another_encoding_far_from_the_start_is_read_in_it(tmp_path, tail, encoding):
    # Only the first 200 kB were sampled: all ASCII there, the guess was ASCII, and the
    # letters further on became "�" (written for the tests).
    data = b"Written for the tests, a line of plain ASCII.\n" * 10_000 + tail.encode(encoding)
    assert decode_text(data).endswith(tail)
    path = tmp_path / "articles.jsonl"
    path.write_bytes(data)
    with open_text_file(path) as stream:
        assert stream.read().endswith(tail)


def test_a_file_is_refused_when_empty_or_binary(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match="articles.csv is empty"):
        open_text_file(path)
    path.write_bytes(b"text\n" + b"written for the tests\n" * 20_000 + b"\x00\x01")
    with pytest.raises(IngestError, match="binary"):
        open_text_file(path)


def test_a_utf8_file_with_a_line_in_windows_1252_keeps_the_letters_of_both(tmp_path):
    # The file was refused whole: "This file's encoding could not be recognised as text."
    utf8 = "Le café a rouvert après l’été, a déclaré le maire (written for the tests).\n" * 40
    pasted = "Une ligne collée depuis Windows : crème “brûlée”.\n"
    data = utf8.encode() + pasted.encode("cp1252") + utf8.encode()
    assert decode_text(data) == utf8 + pasted + utf8
    path = tmp_path / "articles.csv"
    path.write_bytes(data)
    with open_text_file(path) as stream:
        assert stream.read() == utf8 + pasted + utf8
