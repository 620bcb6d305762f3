"""What the newsroom teaches the scorers: decisions on suggestions, per-family precision,
the suppression rule, phrases the lexicon lacks, and the admins' page. The article
texts and cues are written for the tests; the scores are stored by hand so that these
tests do not depend on today's lexicons."""

import json
import shutil

import pytest
from django.urls import reverse

from analysis.models import Score
from annotations import feedback, lexicons, services
from annotations.models import LexiconAddition, ReviewStatus, SuggestionDecision
from annotations.selectors import suggestions_for_article
from tests.annotations.factories import AnnotationFactory, label
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

# Written for the tests.
TEXT = "The regime crushed the brave protesters in a brutal crackdown on Monday."


def scored_article(text=TEXT, cues=("brutal",), family="loaded_language"):
    article = ArticleFactory(body=text, raw=text)
    evidence = []
    for word in cues:
        start = text.index(word)
        evidence.append({"start": start, "end": start + len(word), "family": family, "cue": word})
    Score.objects.create(
        article=article, scorer="persuasion", version="t", values={}, evidence={"cues": evidence}
    )
    return article


def cue_key(article, user, cue="brutal"):
    return next(s.key for s in suggestions_for_article(article=article, user=user) if s.cue == cue)


def analysts(n, roles):
    return [UserFactory(username=f"analyst{i}", role="Analyst") for i in range(n)]


def test_a_dismissed_suggestion_is_not_offered_again_and_counts_against_its_cue(analyst):
    label("Loaded language")
    article = scored_article()
    key = cue_key(article, analyst)

    decision = services.suggestion_dismiss(article=article, user=analyst, key=key)

    assert (decision.scorer, decision.family, decision.cue) == (
        "persuasion",
        "loaded_language",
        "brutal",
    )
    assert key not in {s.key for s in suggestions_for_article(article=article, user=analyst)}
    with pytest.raises(services.AnnotationError, match="no longer offered"):
        services.suggestion_dismiss(article=article, user=analyst, key=key)
    record = feedback.cue_records()[("persuasion", "loaded_language", "brutal")]
    assert (record.accepted, record.dismissed) == (0, 1)


def test_family_precision_counts_acceptances_and_dismissals(roles):
    label("Loaded language")
    ana, bea, cal = analysts(3, roles)
    article = scored_article(cues=("brutal", "crushed"))
    services.suggestion_accept(article=article, user=ana, key=cue_key(article, ana))
    services.suggestion_accept(article=article, user=bea, key=cue_key(article, bea, "crushed"))
    services.suggestion_dismiss(article=article, user=cal, key=cue_key(article, cal))

    summary = feedback.scorer_feedback_summary()

    row = next(f for f in summary["families"] if f["family"] == "loaded_language")
    assert (row["accepted"], row["dismissed"], row["decisions"]) == (2, 1, 3)
    assert row["precision"] == pytest.approx(2 / 3)
    assert SuggestionDecision.objects.filter(decision="accepted").count() == 2


def test_an_accepted_suggestion_an_editor_rejects_counts_as_dismissed(analyst, editor):
    label("Loaded language")
    article = scored_article()
    annotation = services.suggestion_accept(
        article=article, user=analyst, key=cue_key(article, analyst)
    )
    services.annotation_review(
        annotation=annotation, editor=editor, status=ReviewStatus.REJECTED, reason="Neutral here."
    )
    record = feedback.cue_records()[("persuasion", "loaded_language", "brutal")]
    assert (record.accepted, record.dismissed) == (0, 1)


def test_a_cue_the_newsroom_keeps_dismissing_stops_being_suggested(roles):
    label("Loaded language")
    people = analysts(feedback.MIN_DECISIONS + 1, roles)
    article = scored_article()
    # One acceptance, then dismissals: precision falls under the bar at the fifth decision.
    services.suggestion_accept(article=article, user=people[0], key=cue_key(article, people[0]))
    for person in people[1 : feedback.MIN_DECISIONS - 1]:
        services.suggestion_dismiss(article=article, user=person, key=cue_key(article, person))
    newcomer = people[-1]
    other = scored_article(text="A brutal winter closed the pass; the brutal cold stayed.")
    assert any(s.cue == "brutal" for s in suggestions_for_article(article=other, user=newcomer))

    last = people[feedback.MIN_DECISIONS - 1]
    services.suggestion_dismiss(article=article, user=last, key=cue_key(article, last))

    assert ("persuasion", "loaded_language", "brutal") in feedback.suppressed_cues()
    assert not any(s.cue == "brutal" for s in suggestions_for_article(article=other, user=newcomer))
    summary = feedback.scorer_feedback_summary()
    assert summary["suppressed_cues"] == [
        {"scorer": "persuasion", "family": "loaded_language", "cue": "brutal", "precision": 0.2}
    ]


def test_the_suppression_rule_needs_enough_decisions():
    assert not feedback.is_suppressed(accepted=0, dismissed=feedback.MIN_DECISIONS - 1)
    assert feedback.is_suppressed(accepted=1, dismissed=feedback.MIN_DECISIONS - 1)
    assert not feedback.is_suppressed(accepted=2, dismissed=feedback.MIN_DECISIONS - 2)


def settle(article, quote, name, editor):
    start = article.body.index(quote)
    a = AnnotationFactory(article=article, span=(start, start + len(quote)), label=label(name))
    services.annotation_review(annotation=a, editor=editor, status=ReviewStatus.ACCEPTED)
    return a


def test_settled_annotations_confirm_the_cues_inside_them_and_surface_missing_phrases(editor):
    first = scored_article()
    second = scored_article(text="Officials said the brave protesters went home.", cues=())
    settle(first, "brutal crackdown", "Loaded language", editor)
    settle(first, "brave protesters", "Loaded language", editor)
    settle(second, "brave protesters", "Loaded language", editor)

    record = feedback.cue_records()[("persuasion", "loaded_language", "brutal")]
    assert record.accepted == 1
    candidates = feedback.lexicon_candidates()
    assert [(c.phrase, c.label, c.marks, c.articles) for c in candidates] == [
        ("brave protesters", "Loaded language", 2, 2)
    ]


def test_a_cue_shown_with_its_phrase_is_confirmed_by_a_passage_around_its_word(editor):
    article = scored_article()
    [cue] = Score.objects.get(article=article).evidence["cues"]
    # As persuasion v3 stores it: the phrase "brutal crackdown" around the word "brutal".
    phrase_end = TEXT.index("crackdown") + len("crackdown")
    Score.objects.filter(article=article).update(
        evidence={
            "cues": [{**cue, "cue_start": cue["start"], "cue_end": cue["end"], "end": phrase_end}]
        }
    )
    settle(article, "brutal", "Loaded language", editor)

    assert feedback.cue_records()[("persuasion", "loaded_language", "brutal")].accepted == 1
    assert feedback.lexicon_candidates() == []


def test_the_admin_page_shows_the_figures_and_adds_a_phrase(client, admin_user, editor, analyst):
    first = scored_article()
    second = scored_article(text="Officials said the brave protesters went home.", cues=())
    settle(first, "brave protesters", "Loaded language", editor)
    settle(second, "brave protesters", "Loaded language", editor)
    url = reverse("annotation-scorer-feedback")

    client.force_login(analyst)
    assert client.get(url).status_code == 403
    client.force_login(admin_user)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "brave protesters" in html
    assert 'data-family="framing:economic"' in html

    response = client.post(
        url, {"phrase": "brave protesters", "scorer": "persuasion", "family": "loaded_language"}
    )
    assert response.status_code == 302
    addition = LexiconAddition.objects.get()
    assert (addition.phrase, addition.family, addition.added_by) == (
        "brave protesters",
        "loaded_language",
        admin_user,
    )
    html = client.get(url).content.decode()
    assert 'id="pending-additions"' in html
    assert "lexicon-candidates" not in html  # an added phrase is no longer a candidate

    refused = client.post(url, {"phrase": "x", "scorer": "framing", "family": "no_such_frame"})
    assert refused.status_code == 400
    assert "is not a framing family" in refused.content.decode()


def test_applying_additions_writes_the_lexicon_with_a_new_version(admin_user, tmp_path):
    for name, _ in lexicons.FILES.values():
        shutil.copy(lexicons.LEXICONS / name, tmp_path / name)
    services.lexicon_addition_create(
        user=admin_user, phrase="Shrinking Paychecks", scorer="framing", family="economic"
    )
    before = json.loads((tmp_path / "frames.json").read_text())["version"]

    versions = services.lexicon_additions_apply(directory=tmp_path)

    after = json.loads((tmp_path / "frames.json").read_text())
    assert versions == {"framing": lexicons.next_version(before)} and after["version"] != before
    assert after["frames"]["economic"]["cues"]["shrinking paychecks"] == 0.8
    assert LexiconAddition.objects.get().applied_version == after["version"]
    assert services.lexicon_additions_apply(directory=tmp_path) == {}


def test_a_persuasion_addition_joins_its_familys_list_of_cues(admin_user, tmp_path):
    for name, _ in lexicons.FILES.values():
        shutil.copy(lexicons.LEXICONS / name, tmp_path / name)
    services.lexicon_addition_create(
        user=admin_user, phrase="brave protesters", scorer="persuasion", family="loaded_language"
    )

    versions = services.lexicon_additions_apply(directory=tmp_path)

    after = json.loads((tmp_path / "persuasion.json").read_text())
    assert set(versions) == {"persuasion"}
    cues = after["families"]["loaded_language"]["cues"]
    assert cues.count("brave protesters") == 1 and "slammed" in cues


def test_only_admins_add_to_a_lexicon(analyst):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.lexicon_addition_create(
            user=analyst, phrase="shrinking paychecks", scorer="framing", family="economic"
        )
