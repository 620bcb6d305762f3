"""The PTC evaluation's span measure and corpus reading, on spans and files written for the tests."""

import pytest

from bench.eval_ptc import (
    ANY,
    Article,
    load_even,
    load_semeval2023_even,
    part_of,
    semeval2023_extra,
    span_credit,
    spearman,
)


def test_a_cue_inside_a_gold_span_earns_full_precision_and_partial_recall():
    # written for the tests: gold "utterly shameful attack" = 0..23, cue "shameful" = 8..16
    credit = span_credit([(8, 16)], [(0, 23)])
    assert credit.precision == 1.0
    assert credit.recall == pytest.approx(8 / 23)


def test_a_cue_as_wide_as_a_sentence_gains_little():
    # written for the tests: a 100-character sentence around a 10-character gold span
    wide = span_credit([(0, 100)], [(40, 50)])
    assert wide.precision == pytest.approx(0.1)
    assert wide.recall == 1.0


def test_a_cue_outside_every_gold_span_earns_nothing():
    credit = span_credit([(0, 5)], [(10, 20)])
    assert credit.precision == 0.0 and credit.recall == 0.0


def test_overlapping_gold_spans_do_not_give_more_than_full_credit():
    credit = span_credit([(10, 20)], [(0, 20), (5, 25)])
    assert credit.precision == 1.0


def test_spearman_on_ranks_with_ties():
    assert spearman([(1, 10), (2, 20), (3, 30)]) == pytest.approx(1.0)
    assert spearman([(1, 30), (2, 20), (3, 10)]) == pytest.approx(-1.0)
    # By hand: ranks x 1.5 1.5 3 4, y 1 2 3.5 3.5; covariance 4, both variances 4.5.
    assert spearman([(1, 1), (1, 2), (2, 3), (3, 3)]) == pytest.approx(4 / 4.5)


def test_only_even_articles_are_read_and_split_by_number(tmp_path):
    # written for the tests: two made-up articles, one odd (held out) one even
    articles, labels = (
        tmp_path / "train-articles",
        tmp_path / "train-labels-task2-technique-classification",
    )
    articles.mkdir()
    labels.mkdir()
    (articles / "article100.txt").write_text("Title\n\nThey are utter fools.\n", encoding="utf-8")
    (articles / "article101.txt").write_text("odd text\n", encoding="utf-8")
    (labels / "article100.task2-TC.labels").write_text("100\tName_Calling,Labeling\t16\t27\n")
    [article] = load_even(tmp_path)
    assert article.number == 100
    assert article.text[16:27] == "utter fools"
    assert article.gold["Name_Calling,Labeling"] == [(16, 27)]
    assert article.gold[ANY] == [(16, 27)]
    assert part_of(100) == "train" and part_of(102) == "dev"


def _semeval2023_folder(tmp_path, articles: dict[int, str], labels: dict[int, str]):
    (tmp_path / "train-articles-subtask-3").mkdir()
    (tmp_path / "train-labels-subtask-3-spans").mkdir()
    for number, text in articles.items():
        (tmp_path / "train-articles-subtask-3" / f"article{number}.txt").write_text(
            text, encoding="utf-8"
        )
    for number, lines in labels.items():
        (
            tmp_path / "train-labels-subtask-3-spans" / f"article{number}-labels-subtask-3.txt"
        ).write_text(lines, encoding="utf-8")
    return tmp_path


def test_semeval2023_even_articles_are_read_with_ptc_technique_names(tmp_path):
    # written for the tests: an even article with a newer-taxonomy label, an odd one held out
    folder = _semeval2023_folder(
        tmp_path,
        {200: "Title\n\nThey are utter fools. Repeat: fools.\n", 201: "odd text\n"},
        {
            200: "200\tName_Calling-Labeling\t16\t27\n200\tRepetition\t37\t42\n",
            201: "201\tDoubt\t0\t3\n",
        },
    )
    [article] = load_semeval2023_even(folder)
    assert article.number == 200
    assert article.gold["Name_Calling,Labeling"] == [(16, 27)]
    assert article.text[16:27] == "utter fools"
    # Repetition is no technique Newsdesk names: it counts only towards "any propaganda".
    assert set(article.gold) == {"Name_Calling,Labeling", ANY}
    assert article.gold[ANY] == [(16, 27), (37, 42)]


def test_semeval2023_articles_that_are_ptc_articles_are_left_out():
    # written for the tests: 102 is in PTC's development part (102 // 2 % 3 == 0), 104 in
    # its training part; SemEval-2023 repeats both, one under a new number with its lines
    # re-wrapped, and adds one article of its own.
    ptc = [
        Article(102, "A first story.\nIt goes on.\n", {}),
        Article(104, "A second story.\nIt ends.\n", {}),
    ]
    semeval = [
        Article(102, "A first story. It goes on.\n", {}),
        Article(998, "A second story. It ends.", {}),
        Article(1000, "A story of its own.\n", {}),
    ]
    extra, counts = semeval2023_extra(semeval, ptc)
    assert [a.number for a in extra] == [1000]
    assert counts == {"PTC training part": 1, "PTC development part": 1, "new": 1}


def test_the_intervals_resample_articles_and_a_perfect_prediction_scores_one(tmp_path, capsys):
    from bench.eval_ptc import MICRO, evaluate, intervals, main, trivial_predictor

    # Written for the tests: four even articles (0 and 6 in the development part, 2 and 4
    # in the training part), each with one loaded-language span, and an odd one held out.
    articles, labels = (
        tmp_path / "train-articles",
        tmp_path / "train-labels-task2-technique-classification",
    )
    articles.mkdir()
    labels.mkdir()
    text = "Title\n\nThe plan is a disgraceful mess!\nThe council met on Monday.\n"
    start = text.index("disgraceful")
    for number in (0, 2, 4, 6, 7):
        (articles / f"article{number}.txt").write_text(text, encoding="utf-8")
        (labels / f"article{number}.task2-TC.labels").write_text(
            f"{number}\tLoaded_Language\t{start}\t{start + 16}\n"
        )
    even = load_even(tmp_path)
    assert [a.number for a in even] == [0, 2, 4, 6]

    def perfect(text):
        return [(start, start + 16, "Loaded_Language")]

    columns = {"perfect": evaluate(even, perfect), "trivial": evaluate(even, trivial_predictor)}
    assert len(columns["perfect"].per_article) == 4
    assert columns["perfect"].per_article[0][MICRO].f1 == 1.0
    found = intervals(columns, draws=40)
    assert found["perfect"]["f1"] == (1.0, 1.0)
    assert found["perfect"]["Loaded_Language"] == (1.0, 1.0)
    assert found["perfect"]["Doubt"] == (0.0, 0.0)
    # Every article alike: every draw gives the trivial line its own figure.
    own = columns["trivial"].micro.f1
    assert 0 < own < 1 and found["trivial"]["f1"] == (own, own)
    assert found["perfect"]["ahead of trivial"] == 1.0

    main([str(tmp_path), "--draws", "30", "--errors", "0"])
    out = capsys.readouterr().out
    assert out.count("95 % intervals over 30 resamplings of the 2 articles:") == 2
    main([str(tmp_path), "--draws", "0", "--errors", "0"])
    assert "resamplings" not in capsys.readouterr().out
