import random

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


def test_news_abbreviations_do_not_end_sentences():
    text = "On Sept. 11 Sen. Warren and Gov. Newsom met Lt. Col. Ames at St. Mary's. Talks went on."
    assert split(text) == [
        "On Sept. 11 Sen. Warren and Gov. Newsom met Lt. Col. Ames at St. Mary's.",
        "Talks went on.",
    ]


def test_no_is_an_abbreviation_only_before_a_number():
    assert split("He lives at No. 10 Downing Street. She said no. Then she left.") == [
        "He lives at No. 10 Downing Street.",
        "She said no.",
        "Then she left.",
    ]


def test_a_middle_initial_p_does_not_end_a_sentence():
    # Written for the tests: "p" was a page abbreviation that ended a sentence unless a
    # number followed, so the name was cut after "P.".
    text = 'Sen. Robert P. Casey said the bill "will pass." Mr. Casey left at noon.'
    assert split(text) == [
        'Sen. Robert P. Casey said the bill "will pass."',
        "Mr. Casey left at noon.",
    ]


def test_middle_initials_do_not_end_sentences():
    # Written for the tests.
    text = "George W. Bush met Michael J. Fox and J. A. Smith. The talks ran late."
    assert split(text) == [
        "George W. Bush met Michael J. Fox and J. A. Smith.",
        "The talks ran late.",
    ]


def test_initials_run_together_end_a_sentence_only_before_an_opener_or_after_a_comma():
    # Written for the tests: "H.W." inside a name, "D.C." before a noun, "D.C." closing a
    # sentence before "He", and a place's state after a comma before another name.
    text = (
        "George H.W. Bush spoke at the D.C. Circuit in Washington, D.C. He left early. "
        "The rally was held in Bedminster, N.J. Roger Ailes was there. "
        "The shop sold C.D.s. By noon it was shut."
    )
    assert split(text) == [
        "George H.W. Bush spoke at the D.C. Circuit in Washington, D.C.",
        "He left early.",
        "The rally was held in Bedminster, N.J.",
        "Roger Ailes was there.",
        "The shop sold C.D.s.",
        "By noon it was shut.",
    ]


def test_an_abbreviation_other_than_a_title_ends_a_sentence_before_an_opener():
    # Written for the tests: "U.S." and "p.m." close sentences before "The" and "He"; a
    # title never does ("Dr."), nor "v."; a headline's Title Case "And" opens nothing.
    text = (
        "Talks resumed in the U.S. The envoy left at 7 p.m. He said Dr. Ann Lee "
        "would follow, as in Smith v. The State.\nTalks With The U.S. And Iran Resume"
    )
    assert split(text) == [
        "Talks resumed in the U.S.",
        "The envoy left at 7 p.m.",
        "He said Dr. Ann Lee would follow, as in Smith v. The State.",
        "Talks With The U.S. And Iran Resume",
    ]


def test_page_numbers_do_not_end_sentences():
    # Written for the tests.
    text = "The rule is on p. 12 of the report. Its sources are on pp. 30-31. They are old."
    assert split(text) == [
        "The rule is on p. 12 of the report.",
        "Its sources are on pp. 30-31.",
        "They are old.",
    ]


def test_a_single_letter_ends_a_sentence_when_a_sentence_opener_follows():
    # Written for the tests.
    text = (
        "The board had no Plan B. The next day it quit. "
        'Take vitamin C. Then rest. "So do I. It helps," he said.'
    )
    assert split(text) == [
        "The board had no Plan B.",
        "The next day it quit.",
        "Take vitamin C.",
        "Then rest.",
        '"So do I.',
        'It helps," he said.',
    ]


def test_versus_in_a_case_name_does_not_end_a_sentence():
    # Written for the tests: "v." is an abbreviation, not an initial, so "The" after it
    # opens no sentence.
    text = "The ruling in Dunmore v. The State Board stood. Appeals failed."
    assert split(text) == ["The ruling in Dunmore v. The State Board stood.", "Appeals failed."]


def test_a_quote_over_several_sentences_keeps_its_marks_with_each_part():
    text = '"We will fight. We will win," the general said. Nobody answered.'
    assert split(text) == ['"We will fight.', 'We will win," the general said.', "Nobody answered."]


def test_questions_inside_quotes_do_not_split_before_the_speaker():
    assert split('"Why now?" she asked. "Because," he said.') == [
        '"Why now?" she asked.',
        '"Because," he said.',
    ]


def test_list_items_are_sentences_of_their_own():
    text = "The plan has three parts:\n1. Cut the tariff.\n2. Fund the port.\n- Review it in May."
    assert split(text) == [
        "The plan has three parts:",
        "1. Cut the tariff.",
        "2. Fund the port.",
        "- Review it in May.",
    ]


def test_a_dateline_stays_with_its_first_sentence():
    text = "LONDON, Sept. 5 (Reuters) - Prices rose 2.4% in the U.K. last month. Wages lagged."
    assert split(text) == [
        "LONDON, Sept. 5 (Reuters) - Prices rose 2.4% in the U.K. last month.",
        "Wages lagged.",
    ]


def test_ellipses_and_exclamations_end_sentences():
    assert split("Wait... Then it happened! Was it over? Yes.") == [
        "Wait...",
        "Then it happened!",
        "Was it over?",
        "Yes.",
    ]


def test_whitespace_tokens_counts_as_str_split_does_on_any_slice():
    import random

    from analysis.scoring.sentences import whitespace_tokens

    rng = random.Random(3)
    pieces = ["word", "l'été", "—", "“quoted”", "\U0001f389", "x²", "Москва", "a.b", ""]
    spaces = [" ", "  ", "\n\n", "\t", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f"]
    rare_spaces = ["\u00a0", "\u2009", "\u2028", "\u3000", "\x85"]
    for i in range(600):
        seps = spaces + (rare_spaces if i % 3 == 0 else [])
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(0, 25)))
        for _ in range(5):
            start = rng.randint(0, len(text))
            end = rng.randint(0, len(text))
            assert whitespace_tokens(text, start, end) == len(text[start:end].split()), text
        assert whitespace_tokens(text) == len(text.split())


# --- Long runs of one character (issue 13: one text stalled a scoring worker) ----------
# The assertions are on the sentences; the alarm only stops a test that would otherwise
# run for minutes (16,000 "!" took 3 s, and the time grew with the square of the run).

import contextlib  # noqa: E402
import signal  # noqa: E402

import pytest  # noqa: E402


@contextlib.contextmanager
def guard(seconds: int = 20):
    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


RUN = 200_000


@pytest.mark.parametrize("mark", ["!", "?", ".", "!?.", "…", " ", "?'"])
def test_a_long_run_of_punctuation_or_spaces_is_one_sentence_end(mark):
    # Written for the tests: a sentence, then a run with nothing capitalised after it.
    run = mark * (RUN // len(mark))
    text = "The vote was close. It passed" + run + " and then nothing"
    with guard():
        spans = split_spans(text)
    assert [text[s:e] for s, e in spans] == ["The vote was close.", text[20:].strip()]


@pytest.mark.parametrize("mark", ["!", "?", ".", "?!"])
def test_a_long_run_before_a_capital_still_ends_the_sentence(mark):
    run = mark * (RUN // len(mark))
    text = "It passed" + run + "  The next one began."
    with guard():
        assert split(text) == ["It passed" + run, "The next one began."]


def test_sentence_ends_are_found_where_the_pattern_finds_them():
    import random

    from analysis.scoring.sentences import _END, _paragraphs, mark_positions, matches_at

    # Written for the tests: random runs of marks, capitals, quotes, abbreviations and breaks.
    rng = random.Random(3)
    pieces = [".", "!", "?", "...", " ", "\n", "\n\n", "A", "b", '"', "”", ")", "Mr.", "1.", "a)"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        marks = mark_positions(text, ".!?")
        for lo, hi in [*_paragraphs(text), (0, len(text))]:
            first = next((k for k, pos in enumerate(marks) if pos >= lo), len(marks))
            expected = [m.span() for m in _END.finditer(text, lo, hi)]
            found = matches_at(_END, text, marks, first, lo, hi)
            assert [m.span() for m in found] == expected, text


def test_paragraphs_are_the_stretches_between_paragraph_matches_stripped():
    # _paragraphs splits at newlines instead of finding _PARAGRAPH's matches.
    from analysis.scoring.sentences import _PARAGRAPH, _paragraphs

    def by_matches(text: str) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for match in _PARAGRAPH.finditer(text):
            bounds.append((start, match.start()))
            start = match.end()
        bounds.append((start, len(text)))
        result = []
        for s, e in bounds:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                result.append((s, e))
        return result

    pieces = ["a", "b.", " ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\x85", "\x0c"]
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(20)))
        assert _paragraphs(text) == by_matches(text), repr(text)


def test_initials_joined_by_an_ampersand_are_one_abbreviation():
    # Written for the tests: "S.&P." and "A.&M." are initials (an ampersand between them),
    # which end no sentence before a number or a name, but do before an opener.
    text = (
        "The S.&P. 500 fell 2 percent on Monday. Shares of Texas A.&M. University bonds "
        "rose after S.&P. Global Ratings spoke. The index was cut by S.&P. The fund held."
    )
    assert split(text) == [
        "The S.&P. 500 fell 2 percent on Monday.",
        "Shares of Texas A.&M. University bonds rose after S.&P. Global Ratings spoke.",
        "The index was cut by S.&P.",
        "The fund held.",
    ]


def test_initials_joined_by_an_ampersand_after_a_comma_end_no_sentence_before_a_name():
    # Written for the tests: after a comma, "D.C." closes a place's name and may end the
    # sentence; "S.&P." names a body, and ends one only before an opener.
    text = (
        "The port bonds are safe, S.&P. Global said. The fund held in Washington, D.C. "
        "Bonds rose, S.&P. The index fell."
    )
    assert split(text) == [
        "The port bonds are safe, S.&P. Global said.",
        "The fund held in Washington, D.C.",
        "Bonds rose, S.&P.",
        "The index fell.",
    ]
