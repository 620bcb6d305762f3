"""The methodology page, and the "how far to trust this" line beside each figure."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from analysis import methodology
from analysis.methodology import accuracy_entries
from analysis.scoring import get_scorer
from tests.analysis.test_methodology import measured
from tests.factories import ArticleFactory


@pytest.fixture
def accuracy_dir(tmp_path, monkeypatch):
    """An accuracy folder of the test's own; the cached entries are read again from it."""
    monkeypatch.setattr(methodology, "ACCURACY_DIR", tmp_path)
    accuracy_entries.cache_clear()
    yield tmp_path
    accuracy_entries.cache_clear()


def write(folder, name: str, data: dict) -> None:
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.django_db
def test_the_page_lists_each_figure_with_corpus_split_version_date_and_baseline(
    analyst_client, accuracy_dir
):
    write(accuracy_dir, "attribution", measured(get_scorer("attribution").version))
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert 'id="attribution"' in html
    for text in (
        "0.91",
        "0.86",
        "0.89",
        "quote marks: 0.94 / 0.74 / 0.83",
        "A public corpus, train+dev",
        "2026-12-05",
        "python bench/eval_attribution.py PATH",
        "full source name: 0.81",
        "n = 1234",
    ):
        assert text in html, text
    # Written by whoever measured: shown as text, never as markup.
    assert "Cannot read &lt;b&gt;minds&lt;/b&gt;." in html
    assert "has not been measured yet" not in html


@pytest.mark.django_db
def test_an_f1_measured_with_its_interval_shows_it(analyst_client, accuracy_dir, score):
    data = measured(get_scorer("attribution").version)
    data["measurements"][0]["f1_interval"] = [0.843, 0.921]
    data["measurements"][0]["extra"]["recall_interval"] = "0.82–0.89"
    write(accuracy_dir, "attribution", data)
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "0.84–0.92" in html
    assert "recall interval: 0.82–0.89" in html  # a key written as a name, read as words
    # Written for the tests.
    article = score(ArticleFactory(body='"We will rebuild the bridge," the mayor said on Monday.'))
    page = analyst_client.get(article.get_absolute_url()).content.decode()
    assert "Measured: F1 0.89 (95 % interval 0.84–0.92; P 0.91, R 0.86)" in page


@pytest.mark.django_db
def test_an_f1_of_nought_shows_what_was_never_found_not_an_interval(analyst_client, accuracy_dir):
    data = measured(get_scorer("attribution").version)
    figures = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "f1_interval": [0.0, 0.0]}
    data["measurements"][0].update(figures, extra={"articles with the frame": 11})
    write(accuracy_dir, "attribution", data)
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "never found in the 11 articles with the frame" in html
    assert "0.00–0.00" not in html


@pytest.mark.django_db
def test_the_frames_never_found_on_the_project_corpus_say_so(analyst_client):
    accuracy_entries.cache_clear()
    html = analyst_client.get(reverse("methodology")).content.decode()
    framing = html.split('id="framing"', 1)[1].split("</section>", 1)[0]
    assert "0.00–0.00" not in framing
    for frame, articles in (("capacity_and_resources", 11), ("public_opinion", 12)):
        row = framing.split(f"frame: {frame}", 1)[1].split("</tr>", 1)[0]
        assert f"never found in the {articles} articles with the frame" in row, frame
    # A frame found now and then keeps its interval.
    assert "0.00–0.43" in framing.split("frame: economic", 1)[1].split("</tr>", 1)[0]


@pytest.mark.django_db
def test_figures_of_an_older_version_say_that_the_running_one_is_not_measured(
    analyst_client, accuracy_dir
):
    write(accuracy_dir, "attribution", measured("0-old"))
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "measured on version 0-old" in html
    assert "has not been measured yet" in html


@pytest.mark.django_db
def test_an_unmeasured_scorer_says_so_on_the_page(analyst_client, accuracy_dir):
    write(
        accuracy_dir,
        "sentiment",
        {"scorer": "sentiment", "limits": ["English only."], "measurements": []},
    )
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "Not yet measured on a public corpus annotated by others" in html
    assert "English only." in html


@pytest.mark.django_db
def test_each_figure_on_the_article_page_links_to_its_entry(analyst_client, accuracy_dir, score):
    write(accuracy_dir, "attribution", measured(get_scorer("attribution").version))
    write(accuracy_dir, "sentiment", {"scorer": "sentiment", "limits": ["x"], "measurements": []})
    # Written for the tests.
    article = score(ArticleFactory(body='"We will rebuild the bridge," the mayor said on Monday.'))
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    url = reverse("methodology")
    assert (
        f'href="{url}#attribution">Measured: F1 0.89 (P 0.91, R 0.86) on A public corpus (train+dev)'
        in html
    )
    assert f'href="{url}#sentiment">Not yet measured on a public corpus' in html


@pytest.mark.django_db
def test_an_accuracy_shows_where_an_f1_would_with_its_interval_and_baseline(
    analyst_client, accuracy_dir
):
    data = measured(get_scorer("readability").version)
    data["scorer"] = "readability"
    m = data["measurements"][0]
    for key in ("precision", "recall", "f1"):
        del m[key]
    m["accuracy"], m["accuracy_interval"] = 0.764, [0.729, 0.798]
    m["baseline"] = {"name": "words per sentence", "accuracy": 0.778}
    write(accuracy_dir, "readability", data)
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "accuracy 0.76</span>" in html
    assert "0.73–0.80" in html
    assert "words per sentence: accuracy 0.78" in html


def test_the_page_needs_a_login(client):
    response = client.get(reverse("methodology"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_the_anonymous_share_on_the_article_and_methodology_pages_says_it_is_not_measured(
    analyst_client, accuracy_dir, score
):
    data = measured(get_scorer("attribution").version)
    data["unmeasured"] = {"anonymous_share": "typed by <rules> no corpus checked"}
    write(accuracy_dir, "attribution", data)
    # Written for the tests.
    article = score(ArticleFactory(body="Officials said the bridge would reopen on Monday."))
    page = analyst_client.get(article.get_absolute_url()).content.decode()
    # The figure and the row of its own trust line under it.
    anonymous = page.split("Anonymous sources", 1)[1].split('<dd class="figure-trust">', 1)
    assert "</dd>" in anonymous[0] and "<dt>" not in anonymous[0]  # the very next row
    anonymous = anonymous[1].split("</dd>", 1)[0]
    assert 'title="Not measured: typed by &lt;rules&gt; no corpus checked"' in anonymous
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "Not measured" in html and "typed by &lt;rules&gt; no corpus checked" in html


@pytest.mark.django_db
def test_a_figure_measured_against_labels_added_here_says_so_beside_it_and_on_the_page(
    analyst_client, accuracy_dir, score
):
    data = measured(get_scorer("attribution").version)
    share = dict(data["measurements"][0])
    share.update(
        subset="source typed anonymous <against labels>",
        figure="anonymous_share",
        labelled_here=True,
        precision=0.5,
        recall=0.75,
        f1=0.6,
    )
    data["measurements"].append(share)
    write(accuracy_dir, "attribution", data)
    # Written for the tests.
    article = score(ArticleFactory(body="Officials said the bridge would reopen on Monday."))
    page = analyst_client.get(article.get_absolute_url()).content.decode()
    # The figure and the row of its own trust line under it.
    anonymous = page.split("Anonymous sources", 1)[1].split('<dd class="figure-trust">', 1)
    assert "</dd>" in anonymous[0] and "<dt>" not in anonymous[0]  # the very next row
    anonymous = anonymous[1].split("</dd>", 1)[0]
    assert "F1 0.60 (P 0.50, R 0.75) against labels added here" in anonymous
    # What the share counts, where it is shown.
    assert 'title="Attributions to particular people the text does not identify' in page
    assert 'title="Attributions to a category of people speaking as a class' in page
    assert "source typed anonymous &lt;against labels&gt;" in anonymous  # escaped
    assert "Not measured" not in anonymous
    html = analyst_client.get(reverse("methodology")).content.decode()
    assert "Against labels added here on the corpus" in html
    assert "Measures the figure shown as <code>anonymous_share</code>" in html
