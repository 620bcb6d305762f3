import datetime as dt
import time

import pytest

from newsdesk.ingest.article import extract_article
from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.html import (
    _article_end,
    _core_span,
    _key,
    choose_base,
    extract_html,
    prefers_precision,
    sort_lines,
)
from newsdesk.ingest.text import CleanedText

# Written for the tests.
PAGE = """<!doctype html><html lang="en"><head>
<title>Harbour workers strike over pay | The Test Gazette</title>
<meta property="og:title" content="Harbour workers strike over pay">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-04T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Harbour workers strike over pay</h1>
<p>PORTSMOUTH (Test Gazette) - Hundreds of harbour workers walked out on Monday after talks over pay collapsed, the union said.</p>
<p>"We have been patient for two years," said Mary Hollis, the union's regional secretary. "Patience has run out."</p>
<p>The port authority said it regretted the action and that contingency plans would keep ferries running for most of the week.</p>
<p>Shipping firms warned that delays could cost the local economy several million pounds a day if the strike continued.</p>
</article>
<footer>© 2024 The Test Gazette. All rights reserved.</footer>
</body></html>"""


def test_it_extracts_the_body_title_author_and_date():
    article = extract_html(PAGE, "https://gazette.example/strike")
    assert article.headline == "Harbour workers strike over pay"
    assert article.byline == "Jane Reporter"
    assert article.published == dt.date(2024, 3, 4)
    assert article.body.startswith("Hundreds of harbour workers walked out")
    assert article.dateline == "PORTSMOUTH (Test Gazette)"
    assert "Subscribe" not in article.body
    assert "All rights reserved" not in article.body


def test_it_survives_broken_html():
    broken = "<html><body><div><p>Officials said the dam held overnight after heavy rain.<p>Residents were told to stay away from the river banks <b>until further notice.</div>"
    article = extract_html(broken)
    assert "the dam held overnight" in article.body


def test_it_keeps_script_text_out_of_the_body():
    page = PAGE.replace("<p>The port", "<script>alert('x')</script><p>The port")
    article = extract_html(page)
    assert "alert(" not in article.body


def test_it_refuses_a_page_without_text():
    with pytest.raises(IngestError, match="No article text"):
        extract_html("<html><body><nav>Home</nav></body></html>")


# Written for the tests: paragraphs of a made-up report, long enough for the extractor.
def _para(n: int) -> str:
    return (
        f"<p>Paragraph {n} of the report says that the harbour workers of Halden walked out "
        "on Monday after talks over pay had collapsed late on Sunday night.</p>"
    )


def _page(middle: str) -> str:
    return (
        "<html><head><title>Harbour workers strike over pay</title></head><body><article>"
        f"<h1>Harbour workers strike over pay</h1>{_para(1)}{middle}{_para(2)}{_para(3)}"
        "</article></body></html>"
    )


def test_paragraphs_under_subheadings_all_stay_in_the_body():
    # The paste cleaner kept only the longest run of paragraphs between title-like lines,
    # so an extracted body lost its sections but one.
    page = _page("<h2>What the union wants</h2>" + _para(4) + "<h2>What happens next</h2>")

    article = extract_html(page)

    for n in (1, 2, 3, 4):
        assert f"Paragraph {n} of the report" in article.body
    assert "What the union wants" in article.body and "What happens next" in article.body
    assert not article.body.startswith("Harbour workers strike over pay")  # the headline


def test_short_lines_that_are_not_sentences_are_kept_and_the_page_is_stored():
    # A list of fragments without full stops read as titles and chrome to the paste cleaner,
    # which left nothing and refused the page.
    items = "".join(
        f"<li>Ferry route {n} between Halden and the northern islands suspended until Friday</li>"
        for n in range(1, 6)
    )
    page = f"<html><body><article><h1>Ferry routes suspended</h1><ul>{items}</ul></article></body></html>"

    article = extract_article(page, is_html=True)

    assert article.body.count("suspended until Friday") == 5


def test_a_credit_marked_by_its_class_goes_to_the_credits():
    page = _page(
        '<p><img src="a.jpg"><span class="caption">Pickets at the gate.</span> '
        '<span class="image-credit">Jane Doe / staff</span></p>'
    )

    article = extract_html(page)

    assert article.credits == ["Jane Doe / staff"]
    assert "Jane Doe" not in article.body


def test_a_caption_marked_by_its_class_goes_to_the_captions():
    page = _page(
        '<table class="photo"><tr><td><img src="a.jpg"></td></tr>'
        '<tr><td class="caption">Pickets at the gate of the port on Monday morning.</td></tr></table>'
    )

    article = extract_html(page)

    assert article.captions == ["Pickets at the gate of the port on Monday morning."]
    assert "Pickets at the gate" not in article.body


def test_interface_words_bylines_and_stamps_inside_the_article_are_removed():
    page = _page(
        "<p>Advertisement</p><p>By Jane Reporter</p><p>Updated 9:02 AM, March 4, 2024</p>"
        "<p>- 4 March 2024</p><p>04.03.2024 12:46</p>"
    )

    article = extract_html(page)

    assert "Advertisement" in article.removed and "By Jane Reporter" in article.removed
    assert "Updated 9:02 AM, March 4, 2024" in article.removed
    assert "- 4 March 2024" in article.removed and "04.03.2024 12:46" in article.removed
    assert article.body.count("Paragraph") == 3


def test_a_sentence_that_opens_like_chrome_stays_in_the_body():
    sentence = (
        "By the end of the week, more than two thousand workers had joined the strike, "
        "and ferries from Halden to the islands were cancelled."
    )
    page = _page(
        f"<p>{sentence}</p><p>Published in 1998, the port's last pay deal was never renewed.</p>"
        "<p>On March 5, 2024 the port closed.</p>"
    )

    article = extract_html(page)

    assert sentence in article.body
    assert "Published in 1998, the port's last pay deal" in article.body
    assert "On March 5, 2024 the port closed." in article.body


def test_teasers_a_fallback_extraction_takes_in_around_the_article_are_removed():
    # trafilatura finds the four paragraphs itself, but finds them short beside the page's
    # text and takes its fallback's extraction, which holds the teasers that follow.
    teasers = "".join(
        f"<p>Teaser {n}: a different story about the northern ferry routes and the islands, "
        "where the council met again on Tuesday to discuss the budget and the new school.</p>"
        for n in range(1, 15)
    )
    page = (
        "<html><head><title>Strike</title></head><body><h1>Strike</h1><div><article>"
        f"{''.join(_para(n) for n in range(1, 5))}</article>"
        f"<div class='more'>{teasers}</div></div></body></html>"
    )

    article = extract_html(page)

    assert article.body.count("Paragraph") == 4
    assert "Teaser" not in article.body
    assert sum("Teaser" in line for line in article.removed) == 14


# Written for the tests: a Chinese page (no spaces between words) about a made-up tram line.
CHINESE_PAGE = """<html lang="zh"><head><title>市议会批准新电车线路</title></head><body><article>
<h1>市议会批准新电车线路</h1>
<p>市议会周四批准了一条新的有轨电车线路，官员表示这条线路将连接火车站和大学城。</p>
<p>这条线路将于二〇二七年开通，耗资两亿四千万欧元，交通部门说工程明年春天开始。</p>
<p>反对者认为费用太高，并要求先公布详细的预算和每年的运营成本。</p>
</article></body></html>"""


def test_a_chinese_article_is_stored_though_it_has_no_spaces():
    # Whitespace-separated words counted a whole Chinese paragraph as one word, so such
    # pages were refused as "fewer than five words".
    article = extract_article(CHINESE_PAGE, is_html=True)

    assert "有轨电车线路" in article.body


def test_a_few_chinese_characters_are_still_too_little():
    page = "<html><body><article><p>市议会。</p></article></body></html>"  # "City council."

    with pytest.raises(IngestError):
        extract_article(page, is_html=True)


def test_a_page_of_too_many_elements_is_refused_before_extraction(settings):
    # 500,000 tiny paragraphs took extraction 30 s and a web worker with it.
    settings.NEWSDESK_MAX_HTML_ELEMENTS = 20_000
    page = "<html><body>" + "<p>x</p>" * 20_001 + "</body></html>"
    started = time.monotonic()
    with pytest.raises(IngestError, match="20,003 elements; pages of up to 20,000"):
        extract_html(page)
    assert time.monotonic() - started < 0.5


def test_a_page_over_the_html_size_limit_is_refused_before_extraction(settings):
    settings.NEWSDESK_MAX_HTML_BYTES = 1024 * 1024
    # Written for the tests.
    paragraph = "<p>" + "The council debated the harbour budget until late. " * 40 + "</p>"
    page = "<html><body><article>" + paragraph * 600 + "</article></body></html>"
    with pytest.raises(IngestError, match="1.2 MB; pages of up to 1 MB"):
        extract_html(page)


def test_a_page_within_the_limits_is_extracted(settings):
    settings.NEWSDESK_MAX_HTML_ELEMENTS = 40
    assert "Harbour workers" in extract_html(PAGE).headline


# The rules of HTML path version 3, each on lines and pages written for the tests.
def _lines(*lines: str) -> str:
    return "\n".join(lines)


ARTICLE_LINES = [
    "The council of Halden voted on Thursday to build a new tram line to the university.",
    "The line will open in 2027 and cost 240 million euros, the transport office said.",
    "Opponents said the price was too high and asked for the yearly running costs first.",
    "Work on the line is to start next spring, after the last appeal has been heard.",
]
MENU_LINES = ["Home", "News", "Sport", "Weather", "Culture", "Contact"]
TEASER_LINES = [
    "Ferry prices to rise in May",
    "School closes for repairs",
    "Council elects a new mayor",
    "Bridge reopens after storm",
]


def test_lines_outside_a_narrower_extraction_are_left_out_though_it_has_lines_of_its_own():
    # Version 2 kept the whole text as soon as one line of trafilatura's own extraction
    # (here a teaser it took in) was missing from the full one.
    full = _lines(*MENU_LINES, *ARTICLE_LINES, *TEASER_LINES)
    own = _lines(*ARTICLE_LINES[:2], "A teaser only its own extraction took in", *ARTICLE_LINES[2:])
    result = CleanedText()

    body = sort_lines("<html></html>", full, [own], result)

    assert body == ARTICLE_LINES
    assert set(MENU_LINES + TEASER_LINES) <= set(result.removed)


def test_a_narrower_extraction_sharing_too_little_leaves_the_text_whole():
    full = _lines(*MENU_LINES, *ARTICLE_LINES)
    lines = full.splitlines()
    whole = (0, len(lines) - 1)

    assert _core_span(ARTICLE_LINES[:3], lines) == (6, 8)  # three lines shared: a span
    assert _core_span(ARTICLE_LINES[:2], lines) == whole  # two lines only
    # Three shared lines, but only half of its own: it found another text.
    other = ["Another text", "Of other lines", "None of them shared"]
    assert _core_span([*other, *ARTICLE_LINES[:3]], lines) == whole


def test_table_rows_match_with_or_without_their_empty_cells():
    # trafilatura's modes write the same table row with or without its empty cells.
    assert _key("| Council votes for the tram |  |  |") == _key("| Council votes for the tram |")
    full = _lines(*MENU_LINES, *(f"| {line} |  |" for line in ARTICLE_LINES))

    body = sort_lines("<html></html>", full, [_lines(*ARTICLE_LINES)], CleanedText())

    assert len(body) == 4 and "Home" not in body


def test_the_precise_text_is_the_base_when_the_default_adds_menus_and_teasers():
    default = _lines(*MENU_LINES, *ARTICLE_LINES, *TEASER_LINES)
    precise = _lines(*ARTICLE_LINES)

    assert prefers_precision(default, precise)
    assert choose_base(default, default, precise) == (precise, [default])


def test_the_default_text_stays_the_base_when_it_adds_paragraphs():
    # favor_precision also drops real paragraphs at an article's end.
    more = [
        f"Paragraph {n} of the debate: the mayor answered questions from the opposition "
        "about the tram for an hour before the vote."
        for n in range(1, 4)
    ]
    default = _lines(*ARTICLE_LINES, *more)
    precise = _lines(*ARTICLE_LINES)

    assert not prefers_precision(default, precise)
    assert not prefers_precision(default, "")  # nothing precise: nothing to prefer
    assert not prefers_precision(precise, _lines(*ARTICLE_LINES, "Home"))  # not shorter


def test_the_precise_text_marks_the_span_only_when_a_fallback_was_taken():
    own = _lines(*ARTICLE_LINES)
    fallback = _lines(
        *ARTICLE_LINES,
        "A long paragraph the fallback found after the "
        "article, with many words in it and a full stop at its end.",
    )
    precise = _lines(*ARTICLE_LINES[:3])  # it dropped the last paragraph

    # trafilatura's own extraction is the default text: the precise one does not cut it.
    assert choose_base(own, own, precise) == (own, [own])
    # A fallback was taken: both narrower extractions mark the span.
    assert choose_base(fallback, own, precise) == (fallback, [own, precise])


def test_a_widget_title_in_the_second_half_ends_the_article():
    for title in ("Related stories", "Most viewed news stories", "Читайте также:",
                  "Zobacz także", "Latest Manitoba News Headlines"):  # fmt: skip
        body = [*ARTICLE_LINES, title, *TEASER_LINES]

        assert _article_end(body) == len(ARTICLE_LINES), title


def test_a_widget_title_does_not_end_the_article_in_its_first_half_or_as_a_sentence():
    early = [ARTICLE_LINES[0], "Related stories", *ARTICLE_LINES[1:]]
    sentence = [*ARTICLE_LINES, "Related talks with the unions broke down in March.", "End."]
    link = [*ARTICLE_LINES, "Zobacz też: Tramwaj do uniwersytetu", ARTICLE_LINES[0]]

    assert _article_end(early) == len(early)
    assert _article_end(sentence) == len(sentence)
    assert _article_end(link) == len(link)  # one link with its title, inside the article


def test_a_related_list_after_an_article_leaves_the_body():
    # trafilatura keeps a list that stands inside the <article> element.
    items = "".join(f"<li>{title}</li>" for title in TEASER_LINES)
    page = (
        "<html><head><title>Strike</title></head><body><article><h1>Strike</h1>"
        f"{''.join(_para(n) for n in range(1, 5))}<h3>Related stories</h3><ul>{items}</ul>"
        "</article></body></html>"
    )

    article = extract_html(page)

    assert article.body.count("Paragraph") == 4
    assert not any(title in article.body for title in TEASER_LINES)
    assert "Related stories" in article.removed
