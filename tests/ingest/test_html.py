import datetime as dt
import time

import pytest

from newsdesk.ingest.errors import IngestError
from newsdesk.ingest.html import extract_html

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
