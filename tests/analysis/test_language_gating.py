"""Each scorer declares its languages; an article in another gets 'not available' from
it, stored, instead of numbers from English word lists."""

from __future__ import annotations

import pytest

from analysis.models import Score
from analysis.scoring import NOT_AVAILABLE, all_scorers, get_scorer, score_texts
from analysis.selectors import articles_needing_scores
from analysis.services import article_score
from tests.factories import ArticleFactory

# Written for the tests.
RUSSIAN = (
    "Правительство объявило о новых мерах поддержки фермеров во вторник. По словам "
    "министра, программа обойдётся бюджету в 12 миллиардов рублей. Это ужасная катастрофа."
)
ENGLISH = "The council met on Monday. Officials said the plan was a terrible disaster."
ENGLISH_ONLY = {"sentiment", "framing", "persuasion", "actors"}


def test_every_scorer_declares_its_languages():
    declared = {s.name: s.languages for s in all_scorers()}

    assert all(languages for languages in declared.values())
    for name in ENGLISH_ONLY:
        assert declared[name] == frozenset({"en"})
    assert declared["readability"] == frozenset({"en", "de", "es", "fr", "ru"})
    assert declared["claims"] == frozenset({"en", "de", "es", "fr", "ru"})
    assert declared["attribution"] == frozenset({"en", "de", "es", "fr", "ru"})


def test_english_only_scorers_give_no_score_for_a_russian_text():
    scorers = all_scorers()
    [results] = score_texts([RUSSIAN], scorers, ["ru"])
    by_name = {s.name: r for s, r in zip(scorers, results, strict=True)}

    for name in ENGLISH_ONLY:
        assert by_name[name].values == {
            NOT_AVAILABLE: {"reason": "language", "language": "ru", "supported": ["en"]}
        }
        assert by_name[name].evidence == {}
    assert by_name["readability"].values["formula"] == "oborneva"
    assert by_name["claims"].values["numbers_count"] == 1


def test_the_same_text_called_english_is_scored_as_before():
    scorers = all_scorers()
    [gated] = score_texts([ENGLISH], scorers, ["en"])
    [plain] = score_texts([ENGLISH], scorers)

    assert [r.values for r in gated] == [r.values for r in plain]
    assert all(NOT_AVAILABLE not in r.values for r in gated)
    assert [r.values for r in gated] == [s(ENGLISH).values for s in scorers]


def test_an_unknown_language_gets_no_score_from_any_language_bound_scorer():
    [results] = score_texts([ENGLISH], all_scorers(), [""])

    assert all(NOT_AVAILABLE in r.values for r in results)


@pytest.mark.django_db
def test_the_pipeline_stores_which_scores_are_not_available_for_a_russian_article():
    article = ArticleFactory(body=RUSSIAN, language="ru")

    assert article_score(article_id=article.pk)

    stored = {s.scorer: s for s in Score.objects.filter(article=article)}
    assert set(stored) == {s.name for s in all_scorers()}
    for name in ENGLISH_ONLY:
        assert stored[name].values[NOT_AVAILABLE]["language"] == "ru"
        assert stored[name].version == get_scorer(name).version
    assert "oborneva" in stored["readability"].values
    assert "flesch_reading_ease" not in stored["readability"].values
    # A stored "not available" is current: the article is not scored again and again.
    assert not articles_needing_scores().filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_the_migration_forgets_english_lexicon_scores_of_other_languages():
    import importlib

    from django.apps import apps

    from newsdesk.models import ScoringStatus

    migration = importlib.import_module(
        "analysis.migrations.0008_non_english_scores_not_measurements"
    )
    russian = ArticleFactory(body=RUSSIAN, language="ru", scoring_status=ScoringStatus.SCORED)
    english = ArticleFactory(body=ENGLISH, language="en", scoring_status=ScoringStatus.SCORED)
    unknown = ArticleFactory(body=RUSSIAN + " Ещё раз.", language="", outlet=None)
    for article in (russian, english, unknown):
        Score.objects.create(article=article, scorer="sentiment", version="1", values={"x": 0})

    migration.forget_foreign_scores(apps, None)

    for article in (russian, english, unknown):
        article.refresh_from_db()
    assert not russian.scores.exists() and russian.scoring_status == ScoringStatus.PENDING
    assert english.scores.exists() and english.scoring_status == ScoringStatus.SCORED
    assert (unknown.language, unknown.language_source) == ("ru", "detected")
    assert not unknown.scores.exists()
