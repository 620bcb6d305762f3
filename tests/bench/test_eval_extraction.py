"""The extraction evaluation's measures and corpus reading, on texts and files written for the tests."""

import json

import pytest

from bench.eval_extraction import Page, Score, Snippets, main, snippet_pages, tokens


def test_the_bag_of_words_scores_shared_words_with_their_counts():
    score = Score()
    # written for the tests: 4 words stored, 3 of them in the 6 gold words
    score.add("p", "the tram the mayor", tokens("the tram line the council voted"))
    p, r, _ = score.figures()
    assert p == pytest.approx(3 / 4) and r == pytest.approx(3 / 6)


def test_passages_are_found_with_spaces_normalised_and_counted_over_pages():
    snippets = Snippets()
    page = Page("a.html", "", "", True, ("The council voted", "on Thursday."), ("Home  News",))
    snippets.add(page, "The  council\nvoted on Thursday.\nHome News")  # written for the tests
    snippets.add(page, "")  # a page not stored finds nothing
    assert (snippets.tp, snippets.fn, snippets.fp, snippets.tn) == (2, 2, 1, 1)
    assert snippets.not_stored == ["a.html"]
    p, r, f = snippets.figures()
    assert p == pytest.approx(2 / 3) and r == pytest.approx(2 / 4)


def test_a_snippet_corpus_is_read_from_eval_and_cache(tmp_path):
    (tmp_path / "eval").mkdir()
    (tmp_path / "cache").mkdir()
    (tmp_path / "eval" / "one.html").write_text("<p>One</p>", encoding="utf-8")
    (tmp_path / "cache" / "two.html").write_text("<p>Two</p>", encoding="utf-8")
    annotations = {
        "https://a.example/1": {"file": "one.html", "with": ["One"], "without": []},
        "https://a.example/2": {"file": "two.html", "with": ["Two"], "without": ["x"]},
        "https://a.example/3": {"file": "missing.html", "with": ["Three"], "without": []},
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(annotations), encoding="utf-8")

    pages = list(snippet_pages(tmp_path))

    assert [(p.name, p.must_hold, p.must_not_hold) for p in pages] == [
        ("one.html", ("One",), ()),
        ("two.html", ("Two",), ("x",)),
    ]


def test_the_daniel_halves_split_a_language_by_page_order(tmp_path, capsys):
    # written for the tests: four English pages; the even half is pages 0 and 2
    (tmp_path / "html").mkdir()
    (tmp_path / "reference").mkdir()
    names = ["a", "b", "c", "d"]
    for name in names:
        body = f"Page {name} says the harbour workers of Halden walked out on Monday over pay."
        html = f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>"
        (tmp_path / "html" / name).write_text(html, encoding="utf-8")
        (tmp_path / "reference" / name).write_text(f"<p>{body}</p>", encoding="utf-8")
    (tmp_path / "doc_lg.json").write_text(json.dumps(dict.fromkeys(names, "English")))

    main([str(tmp_path), "--language", "English", "--half", "even"])

    assert capsys.readouterr().out.startswith("2 pages (English, even half)")
