"""bench/newswcl50_to_jsonl.py on a tiny NewsWCL50-shaped pair of files written for the
tests: a CoNLL file of tokens and the urls.tsv that names each document's outlet."""

import json
import sys

import pytest

from bench.newswcl50_to_jsonl import main, published

# Two events' documents in the CoNLL shape (document, sentence, token, word, mention),
# written for the tests; "\n" tokens end paragraphs, the first paragraph is the title.
CONLL = """#begin document 0/-/0_L; part 000
0/-/0_L\t0\t0\tHarbour\t-\t
0/-/0_L\t0\t1\tbridge\t-\t
0/-/0_L\t0\t2\treopens\t-\t
0/-/0_L\t0\t3\t\\n\t-\t

0/-/0_L\t1\t0\tThe\t-\t
0/-/0_L\t1\t1\tbridge\t-\t
0/-/0_L\t1\t2\treopened\t-\t
0/-/0_L\t1\t3\t.\t-\t
#end document
#begin document 0/-/0_LL; part 000
0/-/0_LL\t0\t0\tBridge\t-\t
0/-/0_LL\t0\t1\topen\t-\t
0/-/0_LL\t0\t2\t\\n\t-\t
0/-/0_LL\t1\t0\tTraffic\t-\t
0/-/0_LL\t1\t1\tmoved\t-\t
0/-/0_LL\t1\t2\t.\t-\t
#end document
#begin document 1/-/1_R; part 000
1/-/1_R\t0\t0\tUndated\t-\t
#end document
"""
URLS = (
    "Event ID\tOutlet\tURL\n"
    "0\tL\thttps://www.nytimes.com/2018/04/17/us/harbour-bridge.html?hp\n"
    # A HuffPost id: its first eight hex digits are seconds since 1970 (0x5ad68f54).
    "0\tLL\thttps://www.huffingtonpost.com/entry/bridge-open_us_5ad68f54e4b029ebe01ef17a\n"
    "1\tR\thttps://www.breitbart.com/politics/undated-story/\n"
)


def test_publication_times_come_from_the_url_only():
    assert published("https://www.usatoday.com/story/2018/04/20/x/") == (
        "2018-04-20T12:00:00+00:00"
    )
    assert published("https://www.huffingtonpost.com/entry/x_us_5ad68f54e4b029ebe01ef17a") == (
        "2018-04-18T00:20:36+00:00"
    )
    assert published("https://www.breitbart.com/politics/no-date/") is None


def test_the_command_writes_one_labelled_article_per_dated_document(tmp_path, monkeypatch, capsys):
    conll, urls = tmp_path / "NewsWCL50.conll", tmp_path / "urls.tsv"
    conll.write_text(CONLL, encoding="utf-8")
    urls.write_text(URLS, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["newswcl50_to_jsonl.py", str(conll), str(urls)])
    main()
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["outlet"], r["title"], r["text"], r["event"]) for r in rows] == [
        ("The New York Times", "Harbour bridge reopens", "The bridge reopened.", "newswcl50-0"),
        ("HuffPost", "Bridge open", "Traffic moved.", "newswcl50-0"),
    ]  # the undated Breitbart document is left out


def test_a_missing_argument_is_a_usage_message_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["newswcl50_to_jsonl.py"])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    assert "usage:" in capsys.readouterr().err
