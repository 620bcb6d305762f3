"""The extraction evaluation's measures and corpus reading, on texts and files written for the tests."""

import json

import pytest

from bench.eval_extraction import (
    Page,
    Score,
    Snippets,
    daniel_pages,
    main,
    snippet_pages,
    tokens,
)


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
    # The other half is never opened: unreadable, it would fail the run.
    for name in ("b", "d"):
        (tmp_path / "html" / name).write_bytes(b"\xff" * 10)
        (tmp_path / "reference" / name).unlink()
        (tmp_path / "reference" / name).mkdir()  # reading it would raise
    assert [p.name for p in daniel_pages(tmp_path, "English", "even")] == ["a", "c"]


def test_the_pages_counts_sum_to_the_scripts_figures():
    from bench.eval_extraction import page_figures, snippet_figures

    score = Score()
    # written for the tests: two pages, the second stored only in part
    score.add("a", "the tram line", tokens("the tram line"))
    score.add("b", "the council", tokens("the council voted on the tram"))
    summed = tuple(map(sum, zip(*score.per_page, strict=True)))
    assert page_figures(summed) == pytest.approx(score.figures())
    snippets = Snippets()
    page = Page("a.html", "", "", True, ("The council voted", "on Thursday."), ("Home",))
    snippets.add(page, "The council voted. Home")
    snippets.add(page, "")
    summed = tuple(map(sum, zip(*snippets.per_page, strict=True)))
    assert snippet_figures(summed) == pytest.approx(snippets.figures())


def test_the_script_prints_the_interval_of_each_systems_f1(tmp_path, capsys):
    # Written for the tests: three pages whose one paragraph is the article; each holds the
    # passage it must hold and not the menu it must not, so every resampling scores 1.
    (tmp_path / "eval").mkdir()
    annotations = {}
    for number in range(3):
        body = (
            f"Story {number}: the harbour workers of Halden walked out on Monday over pay, "
            "and the port stood still until the council and the union met again at night. "
        ) * 3
        html = (
            "<html><head><title>Halden</title></head><body><article>"
            f"<h1>Port strike {number}</h1><p>{body}</p><p>{body}</p></article></body></html>"
        )
        (tmp_path / "eval" / f"{number}.html").write_text(html, encoding="utf-8")
        annotations[f"https://a.example/{number}"] = {
            "file": f"{number}.html",
            "with": [f"Story {number}: the harbour workers"],
            "without": ["Subscribe to our newsletter"],
        }
    (tmp_path / "evaldata.json").write_text(json.dumps(annotations), encoding="utf-8")

    assert main([str(tmp_path), "--draws", "40"]) == 0
    out = capsys.readouterr().out
    assert "95 % intervals of F1 over 40 resamplings of the 3 pages:" in out
    assert "Newsdesk HTML path (stored)    1.000–1.000" in out
    assert "trafilatura alone              1.000–1.000  (Newsdesk higher in 50% of draws)" in out
    assert main([str(tmp_path), "--draws", "0"]) == 0
    assert "resamplings" not in capsys.readouterr().out
