"""The article page: the cleaned text, its tone, its scores and its event."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from analysis.models import Score
from config.celery import Task
from events.models import EventComparison
from events.services import events_sweep
from newsdesk.models import IngestMethod
from newsdesk.services import ArticleInput, article_ingest
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db

NEGATIVE = "The attack was a horrible, deadly disaster."
NEUTRAL = "The council met on Monday."
POSITIVE = "Volunteers were wonderful and everyone was grateful for the great help."
# What htmx sends when the scoring panel polls.
POLL = {"HX-Request": "true", "HX-Target": "scoring-status"}


def page(client, article, headers=None) -> str:
    response = client.get(article.get_absolute_url(), headers=headers or {})
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, opening: str, closing: str) -> str:
    """The markup from ``opening`` to the first ``closing`` after it."""
    match = re.search(re.escape(opening) + ".*?" + re.escape(closing), html, re.DOTALL)
    assert match, f"{opening!r} … {closing!r} is not on the page"
    return match[0]


def figure(html: str, name: str) -> str:
    match = re.search(rf'<dd data-figure="{name}">([^<]*)</dd>', html)
    assert match, f"figure {name} is not on the page"
    return match[1]


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9), tzinfo=dt.UTC)


def test_the_body_is_shown_paragraph_by_paragraph(analyst_client):
    article = ArticleFactory(body="First paragraph of the story.\n\nSecond paragraph follows.")

    html = page(analyst_client, article)

    body = section(html, '<div class="articlebody">', '<aside class="sidebar">')
    assert "<p>First paragraph of the story.</p>" in body
    assert "<p>Second paragraph follows.</p>" in body


def test_the_header_shows_the_outlet_date_dateline_and_word_count(analyst_client):
    article = ArticleFactory(
        headline="Bridge reopens",
        dateline="LONDON (Agency)",
        published_at=at("2024-03-05"),
        body="One two three four five six seven.",
    )

    html = page(analyst_client, article)

    assert "<h1>Bridge reopens</h1>" in html
    assert article.outlet.name in html
    assert '<time datetime="2024-03-05T09:00:00+00:00">5 March 2024</time>' in html
    assert "<dt>Dateline</dt><dd>LONDON (Agency)</dd>" in html
    assert "<dt>Words</dt><dd>7</dd>" in html


def test_a_detected_language_and_a_fetched_page_say_how_far_to_trust_them(analyst_client):
    methodology = reverse("methodology")
    fetched = ArticleFactory(
        ingest_method=IngestMethod.URL,
        language="en",
        language_source="detected",
        language_confidence=0.97,
        body="One two three four five six seven.",
    )
    html = page(analyst_client, fetched)
    assert "detected, 97% sure" in html
    assert f'href="{methodology}#language" title="Measured: F1' in html
    assert (
        f'the text taken from the page: <span class="inline-trust"><a class="trust-short" href="{methodology}#extraction"'
        in html
    )
    pasted = ArticleFactory(ingest_method=IngestMethod.PASTE, body="One two three.")
    assert f"{methodology}#extraction" not in page(analyst_client, pasted)


def test_captions_and_credits_are_listed_apart_from_the_body(analyst_client):
    article = ArticleFactory(
        captions=["Firefighters at the scene on Monday."], credits=["© AP Photo / Jane Doe"]
    )

    html = page(analyst_client, article)

    captions = section(html, '<section class="captions">', "</section>")
    assert '<li class="caption">Firefighters at the scene on Monday.</li>' in captions
    assert '<li class="credit">© AP Photo / Jane Doe</li>' in captions


def test_without_captions_there_is_no_captions_section(analyst_client):
    html = page(analyst_client, ArticleFactory())

    assert "Captions and credits" not in html


def test_removed_page_chrome_is_tucked_inside_a_details_element(analyst_client):
    article = ArticleFactory(removed_lines=["Subscribe", "Newsfeed"])

    html = page(analyst_client, article)

    details = section(html, '<details class="removed">', "</details>")
    assert "Removed page chrome (2 lines)" in details
    assert "<li><code>Subscribe</code></li>" in details
    assert "<li><code>Newsfeed</code></li>" in details
    assert html.count("Subscribe") == 1


def test_sentences_are_shaded_by_tone_once_scored(analyst_client, score):
    article = score(ArticleFactory(body=f"{NEGATIVE} {NEUTRAL}\n\n{POSITIVE}"))
    sentences = article.scores.get(scorer="sentiment").evidence["sentences"]
    compounds = {article.body[s["start"] : s["end"]]: s["compound"] for s in sentences}

    html = page(analyst_client, article)

    for text, tone in ((NEGATIVE, "negative"), (NEUTRAL, "neutral"), (POSITIVE, "positive")):
        title = floatformat(compounds[text], 3)
        span = f'<span class="sentence tone-{tone}" title="compound {title}">{text}</span>'
        assert span in html
    assert compounds[NEGATIVE] < -0.5


def test_an_unscored_article_has_no_tone_spans(analyst_client):
    html = page(analyst_client, ArticleFactory(body=f"{NEGATIVE} {NEUTRAL}"))

    assert 'class="sentence' not in html
    assert f"<p>{NEGATIVE} {NEUTRAL}</p>" in html


def test_the_scores_panel_shows_the_stored_figures(analyst_client, score):
    article = score(ArticleFactory(body=f"{NEGATIVE} {NEUTRAL}\n\n{POSITIVE}"))
    tone = Score.objects.get(article=article, scorer="sentiment").values
    readability = Score.objects.get(article=article, scorer="readability").values

    html = page(analyst_client, article)

    panel = section(html, '<section id="scoring-status"', "</section>")
    assert '<span class="status status-scored">Scored</span>' in panel
    assert figure(panel, "compound_mean") == floatformat(tone["compound_mean"], 3)
    assert figure(panel, "flesch_reading_ease") == floatformat(
        readability["flesch_reading_ease"], 1
    )
    assert "<dt>Sentences</dt><dd>3</dd>" in panel
    assert "<dt>Negative sentences</dt><dd>33%</dd>" in panel
    assert "hx-trigger" not in panel


def test_a_failed_article_shows_why(analyst_client):
    article = ArticleFactory(scoring_status="failed", scoring_error="ValueError: no sentences")

    html = page(analyst_client, article)

    assert "Scoring failed: ValueError: no sentences" in html


def test_an_htmx_poll_of_a_queued_article_gets_the_scoring_status_section(analyst_client):
    article = ArticleFactory(scoring_status="queued")

    html = page(analyst_client, article, POLL)

    html = html.strip()
    assert html.startswith('<section id="scoring-status"')
    assert html.endswith("</section>")
    assert "<html" not in html
    assert 'hx-trigger="every 2s"' in html
    assert "Scoring is queued; this panel updates by itself." in html


def test_an_htmx_poll_after_scoring_stops_polling(analyst_client, score):
    article = ArticleFactory(scoring_status="queued")
    score(article)

    html = page(analyst_client, article, POLL)

    assert html.strip().startswith('<section id="scoring-status"')
    assert "hx-trigger" not in html
    assert 'data-figure="compound_mean"' in html


def test_an_unknown_article_is_not_found(analyst_client):
    response = analyst_client.get(reverse("article-detail", args=[999999]))

    assert response.status_code == 404


# The event box


def test_choosing_an_event_puts_the_article_in_it_and_dates_the_event(analyst_client):
    article = ArticleFactory(published_at=at("2024-03-05"))
    ArticleFactory(published_at=at("2024-03-09"), event=(event := EventFactory()))

    response = analyst_client.post(
        reverse("article-set-event", args=[article.pk]), {"event": event.pk}
    )

    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    article.refresh_from_db()
    event.refresh_from_db()
    assert article.event == event
    assert (event.starts_on, event.ends_on) == (dt.date(2024, 3, 5), dt.date(2024, 3, 9))


def test_with_the_broker_down_a_move_is_kept_and_the_comparisons_left_to_the_sweep(
    analyst_client, django_capture_on_commit_callbacks, monkeypatch
):
    old, new = EventFactory(), EventFactory()
    article = ArticleFactory(event=old)
    for event in (old, new):
        EventComparison.objects.create(event=event, stale=False, data={"outlets": []})

    def broker_down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr(Task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = analyst_client.post(
            reverse("article-set-event", args=[article.pk]), {"event": new.pk}
        )

    assert response.status_code == 302  # was a 500 after the move was committed
    article.refresh_from_db()
    assert article.event == new
    assert set(EventComparison.objects.values_list("stale", flat=True)) == {True}
    monkeypatch.undo()
    EventComparison.objects.update(stale_since=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert events_sweep(stuck_after=dt.timedelta(minutes=15))["comparisons"] == 2
    assert set(EventComparison.objects.values_list("stale", flat=True)) == {False}


def test_moving_an_article_redates_both_events(analyst_client):
    old, new = EventFactory(), EventFactory()
    article = ArticleFactory(published_at=at("2024-01-01"), event=old)
    ArticleFactory(published_at=at("2024-02-10"), event=old)
    old.starts_on, old.ends_on = dt.date(2024, 1, 1), dt.date(2024, 2, 10)
    old.save()

    analyst_client.post(reverse("article-set-event", args=[article.pk]), {"event": new.pk})

    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.starts_on, old.ends_on) == (dt.date(2024, 2, 10), dt.date(2024, 2, 10))
    assert (new.starts_on, new.ends_on) == (dt.date(2024, 1, 1), dt.date(2024, 1, 1))
    assert list(new.articles.all()) == [article]


def test_removing_the_last_article_clears_the_event_dates(analyst_client):
    event = EventFactory(starts_on=dt.date(2024, 1, 1), ends_on=dt.date(2024, 1, 1))
    article = ArticleFactory(published_at=at("2024-01-01"), event=event)

    response = analyst_client.post(
        reverse("article-set-event", args=[article.pk]), {"event": ""}, follow=True
    )

    article.refresh_from_db()
    event.refresh_from_db()
    assert article.event is None
    assert (event.starts_on, event.ends_on) == (None, None)
    assert "Removed from its event." in response.content.decode()


def test_the_page_confirms_the_chosen_event(analyst_client):
    article = ArticleFactory()
    event = EventFactory(title="Spring floods")

    response = analyst_client.post(
        reverse("article-set-event", args=[article.pk]), {"event": event.pk}, follow=True
    )

    html = response.content.decode()
    assert "Event set to “Spring floods”." in html
    # The event box is an id field (a dropdown of every event would not scale).
    assert f'name="event" value="{event.pk}"' in html


def test_an_unknown_event_leaves_the_article_where_it_was(analyst_client):
    event = EventFactory()
    article = ArticleFactory(event=event)

    analyst_client.post(reverse("article-set-event", args=[article.pk]), {"event": 999999})

    article.refresh_from_db()
    assert article.event == event


def test_setting_the_event_through_htmx_redirects_the_browser(analyst_client):
    article = ArticleFactory()
    event = EventFactory()

    response = analyst_client.post(
        reverse("article-set-event", args=[article.pk]),
        {"event": event.pk},
        headers={"HX-Request": "true"},
    )

    assert response["HX-Redirect"] == article.get_absolute_url()
    article.refresh_from_db()
    assert article.event == event


# Score again


def test_score_again_requeues_and_rescores_the_article(
    analyst_client, score, django_capture_on_commit_callbacks
):
    article = score(ArticleFactory(body=f"{NEGATIVE} {NEUTRAL}"))
    Score.objects.filter(article=article).update(values={})

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = analyst_client.post(reverse("article-rescore", args=[article.pk]))

    assert response["Location"] == article.get_absolute_url()
    # The request queues the scoring; grouping and the event report follow from it.
    first = callbacks[0].func
    assert (first.__qualname__, first.__self__.name) == (
        "Task.delay_or_leave",
        "analysis.tasks.score_articles",
    )
    article.refresh_from_db()
    assert article.scoring_status == "scored"
    assert Score.objects.get(article=article, scorer="sentiment").values["sentence_count"] == 2


def test_the_sources_panel_names_who_is_quoted(
    analyst_client, seed_text, django_capture_on_commit_callbacks
):
    from newsdesk.models import IngestMethod
    from newsdesk.services import ArticleInput, article_ingest

    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)
    html = analyst_client.get(article.get_absolute_url()).content.decode()
    assert "Hasan Sultonov" in html
    assert ">named person<" in html and "×5" in html
    assert "Permanent Representative" in html


def test_persuasion_hints_are_apart_closed_and_not_counted(analyst_client, score):
    # written for the tests: "may" is a hedge, a hint family; hints stay out of the rate.
    article = score(ArticleFactory(body="The plan may fail, and critics may call it a farce."))
    values = Score.objects.get(article=article, scorer="persuasion").values
    assert values["hint_counts"].get("hedges") == 2
    assert "hedges" not in values["counts"]

    html = page(analyst_client, article)

    hints = section(html, '<details class="small hints">', "</details>")
    assert '<details class="small hints" open' not in html
    assert "hedges 2" in hints
    assert figure(html, "persuasion_per_1000") == floatformat(values["total_per_1000"], 1)
    assert 'data-layer="persuasion_hints"' in html


def test_the_hints_layer_draws_hints_dashed_and_the_cues_layer_does_not(analyst_client, score):
    article = score(ArticleFactory(body="The plan may fail, and critics may call it a farce."))

    url = article.get_absolute_url()
    cues = analyst_client.get(url + "?layer=persuasion").content.decode()
    hints = analyst_client.get(url + "?layer=persuasion_hints").content.decode()

    assert "persuasion-hedges hint" in hints
    assert "persuasion-hedges" not in cues


def test_every_registered_scorer_has_its_section_and_a_new_one_needs_no_template(
    analyst_client, monkeypatch
):
    from analysis import selectors
    from analysis.scoring import Scorer, ScoreResult, all_scorers

    hedging = Scorer("hedging", "1", lambda text: ScoreResult(values={"hedge_count": 3}))
    monkeypatch.setattr(selectors, "all_scorers", lambda: [*all_scorers(), hedging])
    article = ArticleFactory(body=NEUTRAL)
    Score.objects.create(article=article, scorer="hedging", version="1", values={"hedge_count": 3})
    Score.objects.create(
        article=article, scorer="sentiment", version="9", values={"compound_mean": 0.25}
    )

    html = page(analyst_client, article)

    scores = section(html, '<section id="scoring-status"', "</section>")
    assert "Hedging" in scores and "hedging v1" in scores
    assert figure(scores, "hedge_count") == "3"
    # A scorer with a partial of its own uses it: the tone section and its trust line.
    assert "sentiment v9" in scores and figure(scores, "compound_mean") == "0.250"
    assert scores.index("sentiment v9") < scores.index("hedging v1")


# Found in a QA pass of the article page: labels that showed raw scorer values.


@pytest.fixture
def seed_article(seed_text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return article_ingest(data=ArticleInput(raw=seed_text), method=IngestMethod.PASTE)


def test_sources_show_their_type_in_words_not_the_scorers_key(analyst_client, seed_article):
    html = analyst_client.get(seed_article.get_absolute_url()).content.decode()
    assert '<span class="tag">named person</span>' in html
    assert "named_person" not in html and "named_org" not in html


# Found in a QA pass: the article page showed "Named sources 1 (1)" and "0 (0)": the
# attribution scorer's Pew group of the count, unexplained, repeating the count.


def _named_sources(client, count: int, bucket: str) -> str:
    article = ArticleFactory(scoring_status="scored")
    Score.objects.create(
        article=article,
        scorer="attribution",
        version="2",
        values={"named_source_count": count, "named_source_bucket": bucket},
        evidence={},
    )
    html = client.get(article.get_absolute_url()).content.decode()
    return re.search(r"<dt>Named sources</dt><dd>(.*?)</dd>", html, re.S).group(1)


def test_a_count_of_one_or_none_stands_alone(analyst_client):
    assert _named_sources(analyst_client, 1, "1") == "1"
    assert _named_sources(analyst_client, 0, "0") == "0"


def test_a_larger_count_names_its_pew_group(analyst_client):
    shown = _named_sources(analyst_client, 3, "2-3")
    assert shown.startswith("3 <small") and "(Pew group 2-3)</small>" in shown
    assert 'title="Pew Research Center' in shown


def test_the_actors_table_shows_the_tone_toward_each_actor_with_its_words(analyst_client, score):
    # Written for the tests: a cheerful sentence that is hostile toward the man it names,
    # with markup in it that must reach the page as text.
    hostile = (
        "Tom Hale, who was arrested for fraud, said he was happy and <b>grateful</b> for "
        "the support of his friends."
    )
    article = score(ArticleFactory(body=f"Tom Hale met Ann Lee in Denver on Tuesday. {hostile}"))
    actors = article.scores.get(scorer="actors")
    hale = next(a for a in actors.evidence["actors"] if a["name"] == "Tom Hale")

    html = page(analyst_client, article)

    table = section(html, "<h3>Tone toward actors", "</table>")
    assert f'data-toward="{floatformat(hale["toward_mean"], 3)}"' in table
    counts = hale["toward_counts"]
    assert f"{counts['negative']} / {counts['neutral']} / {counts['positive']}" in table
    # The sentence behind the most negative reading, escaped.
    assert "Most negative toward Tom Hale" in table
    assert "&lt;b&gt;grateful&lt;/b&gt;" in table and "<b>grateful</b>" not in table
    assert hale["toward_mean"] < 0 < hale["compound_mean"]
    assert "Sentence tone" in table
    # Denver is a place, no actor; a country is an actor, but the tone toward is read
    # for people only.
    assert ">people only</td>" not in table


def test_the_tone_toward_is_read_for_people_only(analyst_client, score):
    # Written for the tests.
    article = score(ArticleFactory(body="France praised Ann Lee for her brave work."))
    actors = {a["name"]: a for a in article.scores.get(scorer="actors").evidence["actors"]}
    assert actors["France"]["kind"] == "country" and "toward_mean" not in actors["France"]
    assert "toward_mean" in actors["Ann Lee"]
    # The values the outlet report aggregates: people only, each with its sentences.
    values = article.scores.get(scorer="actors").values
    assert values["people"] == [
        {"name": "Ann Lee", "toward_mean": actors["Ann Lee"]["toward_mean"], "sentences": 1}
    ]

    table = section(page(analyst_client, article), "<h3>Tone toward actors", "</table>")

    assert table.count("data-toward=") == 1
    assert ">people only</td>" in table


def test_an_actors_score_from_before_the_tone_toward_says_to_rescore(analyst_client, score):
    article = score(ArticleFactory(body="Tom Hale met Ann Lee in Denver on Tuesday."))
    stored = article.scores.get(scorer="actors")
    stored.evidence = {
        "actors": [
            {k: v for k, v in a.items() if not k.startswith("toward")}
            for a in stored.evidence["actors"]
        ]
    }
    stored.version = "16"
    stored.save()

    html = page(analyst_client, article)

    table = section(html, "<h3>Tone toward actors", "</table>")
    assert "scored by actors v16: rescore for it" in table
    assert "data-toward" not in table
