import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from analysis.services import article_score
from annotations import services
from annotations.models import Annotation, Change, Origin, ReviewStatus
from annotations.selectors import annotations_visible, suggestions_for_article
from tests.annotations.conftest import BODY, span_of
from tests.annotations.factories import label
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def create(article, user, quote="crossed the border", **kwargs):
    start, end = span_of(article.body, quote)
    return services.annotation_create(
        article=article,
        creator=user,
        start=start,
        end=end,
        label=kwargs.pop("label", label()),
        **kwargs,
    )


def test_it_stores_both_selectors_and_the_body(article, analyst):
    a = create(
        article,
        analyst,
        verdict="misleading",
        note="Figure disputed",
        links=["https://example.org/check", "https://example.org/check"],
    )

    assert (a.exact, a.start, a.end) == ("crossed the border", *span_of(BODY, "crossed the border"))
    assert a.prefix == BODY[max(0, a.start - 32) : a.start]
    assert a.suffix == BODY[a.end : a.end + 32]
    assert (a.label.name, a.verdict, a.note) == ("Claim", "misleading", "Figure disputed")
    assert a.links == ["https://example.org/check"]
    assert a.version == 1
    assert Change.objects.get(annotation=a).action == "created"


def test_it_trims_white_space_around_the_selection(article, analyst):
    start, end = span_of(BODY, "crossed the border")

    a = services.annotation_create(
        article=article, creator=analyst, start=start - 1, end=end + 1, label=label()
    )

    assert a.exact == "crossed the border"


def test_it_refuses_a_selection_that_does_not_match_the_text(article, analyst):
    start, end = span_of(BODY, "crossed the border")

    with pytest.raises(services.AnnotationError, match="does not match"):
        services.annotation_create(
            article=article,
            creator=analyst,
            start=start,
            end=end,
            exact="crossed a river",
            label=label(),
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"verdict": "false", "label": "Framing"}, "verdict is given only"),
        ({"verdict": "nonsense"}, "Unknown verdict"),
        ({"links": ["javascript:alert(1)"]}, "not a web address"),
        ({"links": ["ftp://example.org/x"]}, "not a web address"),
    ],
)
def test_it_refuses_invalid_bodies(article, analyst, kwargs, message):
    if "label" in kwargs:
        kwargs["label"] = label(kwargs["label"])
    with pytest.raises(services.AnnotationError, match=message):
        create(article, analyst, **kwargs)
    assert not Annotation.objects.exists()


def test_a_user_without_a_role_cannot_annotate(article, roles):
    with pytest.raises(PermissionDenied):
        create(article, UserFactory())


def test_nobody_edits_or_deletes_another_analysts_annotation(article, analyst, editor, admin_user):
    a = create(article, analyst, note="mine")

    for other in (editor, admin_user):
        with pytest.raises(PermissionDenied):
            services.annotation_update(
                annotation=a, user=other, expected_version=1, label=label(), note="theirs"
            )
        with pytest.raises(PermissionDenied):
            services.annotation_delete(annotation=a, user=other, expected_version=1)

    a.refresh_from_db()
    assert a.note == "mine"


def test_an_edit_based_on_an_old_version_is_refused_not_overwritten(article, analyst):
    a = create(article, analyst, note="first")
    stale_copy = Annotation.objects.get(pk=a.pk)
    services.annotation_update(
        annotation=a, user=analyst, expected_version=1, label=label(), note="second"
    )

    with pytest.raises(services.StaleAnnotation, match="changed by ana .* not saved"):
        services.annotation_update(
            annotation=stale_copy, user=analyst, expected_version=1, label=label(), note="third"
        )

    a.refresh_from_db()
    assert (a.note, a.version) == ("second", 2)


def test_a_review_meanwhile_makes_the_analysts_edit_stale(article, analyst, editor):
    a = create(article, analyst)
    services.annotation_review(annotation=a, editor=editor, status="accepted")

    with pytest.raises(services.StaleAnnotation, match="eddie"):
        services.annotation_update(
            annotation=a, user=analyst, expected_version=1, label=label(), note="late"
        )


def test_a_delete_based_on_an_old_version_is_refused(article, analyst):
    a = create(article, analyst)
    services.annotation_update(
        annotation=a, user=analyst, expected_version=1, label=label(), note="changed"
    )

    with pytest.raises(services.StaleAnnotation):
        services.annotation_delete(annotation=a, user=analyst, expected_version=1)
    assert Annotation.objects.filter(pk=a.pk).exists()


# serialized_rollback: the flush after a transactional test would drop the default labels.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_analysts_annotating_at_the_same_time_lose_nothing(roles):
    article = ArticleFactory(body=BODY, raw=BODY)
    users = [UserFactory(role="Analyst") for _ in range(4)]
    quotes = ["crossed the border", "a disgrace", "would return", "was inflated"]
    barrier = threading.Barrier(len(users))
    errors = []

    def work(user, quote):
        try:
            barrier.wait()
            create(article, user, quote)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=pair) for pair in zip(users, quotes, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert sorted(Annotation.objects.values_list("exact", flat=True)) == sorted(quotes)


def test_every_change_is_kept_in_the_history_even_after_a_delete(article, analyst, editor):
    a = create(article, analyst, note="one")
    services.annotation_update(
        annotation=a, user=analyst, expected_version=1, label=label(), note="two"
    )
    services.annotation_reply(annotation=a, user=editor, text="Source?")
    pk = a.pk
    services.annotation_delete(annotation=a, user=analyst, expected_version=2)

    history = list(Change.objects.filter(annotation_ref=pk).order_by("id"))
    assert [(c.action, c.actor.username) for c in history] == [
        ("created", "ana"),
        ("edited", "ana"),
        ("replied", "eddie"),
        ("deleted", "ana"),
    ]
    assert history[1].data == {"note": ["one", "two"]}
    assert history[3].data["note"] == "two"


def test_replies_need_text(article, analyst, second_analyst):
    a = create(article, analyst)

    with pytest.raises(services.AnnotationError):
        services.annotation_reply(annotation=a, user=second_analyst, text="   ")
    services.annotation_reply(annotation=a, user=second_analyst, text="Agreed")

    assert [r.text for r in a.replies.all()] == ["Agreed"]


def test_the_keyboard_path_finds_a_quote_that_occurs_once(article):
    assert services.annotation_locate_quote(article=article, quote=" a disgrace ") == span_of(
        BODY, "a disgrace"
    )
    with pytest.raises(services.AnnotationError, match="occurs 2 times"):
        services.annotation_locate_quote(article=article, quote="The ministry said")
    with pytest.raises(services.AnnotationError, match="not in the article"):
        services.annotation_locate_quote(article=article, quote="no such words")


# --- Suggestions ------------------------------------------------------------------------


def test_a_machine_suggestion_is_accepted_with_one_call_and_marked_as_such(analyst, seed_text):
    text = seed_text + "\n\nThe regime launched a brutal crackdown, officials said."
    article = ArticleFactory(body=text, raw=text)
    assert article_score(article_id=article.pk)
    suggestions = suggestions_for_article(article=article, user=analyst)
    claim = next(s for s in suggestions if s.kind == "claim")
    cue = next(s for s in suggestions if s.kind == "cue" and s.scorer == "persuasion")

    a = services.suggestion_accept(article=article, user=analyst, key=claim.key)
    b = services.suggestion_accept(article=article, user=analyst, key=cue.key)

    assert (a.origin, a.label.name, a.creator) == (Origin.MACHINE, "Claim", analyst)
    assert a.exact == text[claim.start : claim.end].strip()
    assert b.label.name == "Loaded language"
    assert Change.objects.get(annotation=a).action == "confirmed"
    remaining = {s.key for s in suggestions_for_article(article=article, user=analyst)}
    assert claim.key not in remaining and cue.key not in remaining
    with pytest.raises(services.AnnotationError, match="no longer offered"):
        services.suggestion_accept(article=article, user=analyst, key=claim.key)


# --- Review and adjudication ------------------------------------------------------------


def test_only_editors_review_and_rejecting_needs_a_reason(article, analyst, editor):
    a = create(article, analyst)

    with pytest.raises(PermissionDenied):
        services.annotation_review(annotation=a, editor=analyst, status="accepted")
    with pytest.raises(services.AnnotationError, match="why"):
        services.annotation_review(annotation=a, editor=editor, status="rejected")
    services.annotation_review(annotation=a, editor=editor, status="rejected", reason="Off topic")

    a.refresh_from_db()
    assert (a.review_status, a.reviewed_by, a.review_reason) == ("rejected", editor, "Off topic")
    assert Change.objects.filter(annotation=a, action="rejected", reason="Off topic").exists()


def test_an_editor_settles_disagreeing_verdicts_into_one_annotation(
    article, analyst, second_analyst, editor
):
    a = create(article, analyst, "1,500 soldiers crossed the border", verdict="false")
    b = create(article, second_analyst, "1,500 soldiers crossed", verdict="accurate")

    settled = services.annotations_adjudicate(
        annotations=[a, b],
        editor=editor,
        label=label(),
        verdict="misleading",
        reason="The figure is the ministry's own estimate.",
    )

    assert settled.is_adjudication and settled.creator == editor
    assert (settled.verdict, settled.exact) == ("misleading", a.exact)
    assert set(settled.adjudicates.all()) == {a, b}
    for x in (a, b):
        x.refresh_from_db()
        assert x.review_status == ReviewStatus.ADJUDICATED
        assert x.changes.filter(action="adjudicated", actor=editor).exists()


def test_adjudication_needs_an_editor_a_reason_and_the_same_passage(
    article, analyst, second_analyst, editor
):
    a = create(article, analyst, "1,500 soldiers crossed the border", verdict="false")
    b = create(article, second_analyst, "1,500 soldiers crossed", verdict="accurate")
    far = create(article, second_analyst, "Critics said the figure was inflated")

    with pytest.raises(PermissionDenied):
        services.annotations_adjudicate(
            annotations=[a, b], editor=analyst, label=label(), verdict="false", reason="x"
        )
    with pytest.raises(services.AnnotationError, match="reason"):
        services.annotations_adjudicate(
            annotations=[a, b], editor=editor, label=label(), verdict="false", reason=" "
        )
    with pytest.raises(services.AnnotationError, match="same passage"):
        services.annotations_adjudicate(
            annotations=[a, far], editor=editor, label=label(), verdict="false", reason="x"
        )
    assert not Annotation.objects.filter(is_adjudication=True).exists()


# --- Assignments ------------------------------------------------------------------------


def test_blind_analysts_see_only_their_own_annotations_until_they_submit(
    article, analyst, second_analyst, editor
):
    event = EventFactory()
    article.event = event
    article.save()
    assignment = services.assignment_create(
        creator=editor, analysts=[analyst, second_analyst], event=event, blind=True
    )
    mine = create(article, analyst)
    theirs = create(article, second_analyst, "a disgrace")

    assert list(annotations_visible(article=article, user=analyst)) == [mine]
    assert set(annotations_visible(article=article, user=editor)) == {mine, theirs}

    services.assignment_submit(assignment=assignment, analyst=analyst)

    assert set(annotations_visible(article=article, user=analyst)) == {mine, theirs}
    with pytest.raises(services.AnnotationError, match="final"):
        services.annotation_update(
            annotation=mine, user=analyst, expected_version=1, label=label(), note="after"
        )
    # The other analyst is still blind.
    assert list(annotations_visible(article=article, user=second_analyst)) == [theirs]


def test_an_open_assignment_hides_nothing(article, analyst, second_analyst, editor):
    services.assignment_create(
        creator=editor, analysts=[analyst, second_analyst], article=article, blind=False
    )
    create(article, analyst)
    create(article, second_analyst, "a disgrace")

    assert annotations_visible(article=article, user=analyst).count() == 2


def test_only_editors_assign_and_only_members_submit(article, analyst, second_analyst, editor):
    with pytest.raises(PermissionDenied):
        services.assignment_create(creator=analyst, analysts=[second_analyst], article=article)
    assignment = services.assignment_create(creator=editor, analysts=[analyst], article=article)

    with pytest.raises(PermissionDenied):
        services.assignment_submit(assignment=assignment, analyst=second_analyst)


def test_an_orphan_is_re_attached_by_its_analyst_to_a_new_selection(article, analyst, editor):
    a = create(article, analyst, "a disgrace")
    article.body = BODY.replace("a disgrace", "unwise")
    article.save()
    a.refresh_from_db()
    assert a.is_orphaned
    start, end = span_of(article.body, "unwise")

    with pytest.raises(PermissionDenied):
        services.annotation_reattach(
            annotation=a, user=editor, expected_version=a.version, start=start, end=end
        )
    services.annotation_reattach(
        annotation=a, user=analyst, expected_version=a.version, start=start, end=end, exact="unwise"
    )

    a.refresh_from_db()
    assert (a.exact, a.start, a.end, a.is_orphaned) == ("unwise", start, end, False)
    assert a.changes.filter(action="reattached").get().data["exact"] == ["a disgrace", "unwise"]


def test_a_claim_saved_without_a_verdict_is_not_yet_verified(article, analyst):
    claim = create(article, analyst, label=label("Claim"))
    assert claim.verdict == "unverified"
    assert claim.get_verdict_display() == "Not yet verified"


def test_a_label_without_verdicts_keeps_none(article, analyst):
    note = create(article, analyst, label=label("Loaded language"))
    assert note.verdict == ""


# --- Blind assignments cannot be walked around (issue 13) -----------------------------


@pytest.fixture
def blind_event(article, analyst, second_analyst, editor):
    """An event of two articles, given blind to two analysts who each annotated."""
    event = EventFactory(title="Border crossing")
    other = ArticleFactory(event=event)
    article.event = event
    article.save()
    assignment = services.assignment_create(
        creator=editor, analysts=[analyst, second_analyst], event=event, blind=True
    )
    theirs = create(article, second_analyst, "a disgrace")
    return event, other, assignment, theirs


def _client_of(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_moving_an_assigned_article_out_of_its_event_is_refused_and_it_stays_blind(
    article, analyst, blind_event
):
    from events.services import EventChangeRefused, article_set_event
    from newsdesk.models import Article

    event, other, _assignment, theirs = blind_event
    client = _client_of(analyst)

    response = client.post(f"/articles/{article.pk}/event/", {"event": ""}, follow=True)

    assert "blind assignment" in response.content.decode()
    assert Article.objects.get(pk=article.pk).event == event
    assert theirs not in annotations_visible(article=article, user=analyst)
    # Whatever moves it (a script, the machine), the analyst stays blind to it: the
    # assignment's articles were fixed when it was made.
    Article.objects.filter(pk=article.pk).update(event=None)
    article.refresh_from_db()
    assert theirs not in annotations_visible(article=article, user=analyst)
    # The service refuses whoever calls it, not only the page.
    with pytest.raises(EventChangeRefused):
        article_set_event(article=other, event=None)
    other.refresh_from_db()
    assert other.event == event


def test_merging_or_splitting_an_event_under_open_blind_work_is_refused(
    article, analyst, blind_event
):
    from annotations.models import Assignment
    from newsdesk.models import Event

    event, other, assignment, _theirs = blind_event
    elsewhere = EventFactory(title="Another story")
    client = _client_of(analyst)

    merge = client.post(f"/events/{event.pk}/merge/", {"other": elsewhere.pk}, follow=True)
    split = client.post(
        f"/events/{event.pk}/split/", {"articles": [other.pk], "title": "Split off"}, follow=True
    )

    assert "blind assignment" in merge.content.decode()
    assert "blind assignment" in split.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()
    assert set(event.articles.all()) == {article, other}
    assert Assignment.objects.get(pk=assignment.pk).event == event
    assert assignment.members.count() == 2


def test_after_everyone_submits_a_merge_moves_the_assignment_and_review_to_the_survivor(
    article, analyst, second_analyst, editor, blind_event
):
    from events.services import event_merge, event_review

    event, _other, assignment, _theirs = blind_event
    for member in (analyst, second_analyst):
        services.assignment_submit(assignment=assignment, analyst=member)
    event_review(event=event, user=editor, comment="Checked the sourcing.")
    survivor = EventFactory(title="Survivor")

    event_merge(target=survivor, others=[event], user=analyst)

    assignment.refresh_from_db()
    survivor.refresh_from_db()
    assert assignment.event == survivor
    assert assignment.members.filter(submitted_at__isnull=False).count() == 2
    assert survivor.reviewed_by == editor
    assert "Checked the sourcing." in survivor.review_comment


def test_an_event_with_assigned_work_cannot_be_deleted_underneath_it(blind_event):
    from django.db.models import ProtectedError

    event, *_ = blind_event
    with pytest.raises(ProtectedError):
        event.delete()


def test_a_submitted_annotation_cannot_be_re_attached_any_more_than_edited(
    article, analyst, editor
):
    assignment = services.assignment_create(
        creator=editor, analysts=[analyst], article=article, blind=True
    )
    mine = create(article, analyst, "crossed the border")
    services.assignment_submit(assignment=assignment, analyst=analyst)
    start, end = span_of(article.body, "a disgrace")

    response = _client_of(analyst).post(
        f"/annotations/{mine.pk}/reattach/",
        {"version": mine.version, "start": start, "end": end, "exact": "a disgrace"},
        HTTP_HX_REQUEST="true",
    )

    assert "your annotations are final" in response.content.decode()  # the panel says why
    mine.refresh_from_db()
    assert (mine.exact, mine.version) == ("crossed the border", 1)
    assert not mine.changes.filter(action="reattached").exists()


def test_a_frame_cue_word_is_suggested_once_however_often_it_occurs(analyst):
    from analysis.models import Score
    from analysis.scoring import get_scorer

    # Written for the tests: "troops" three times, "border" once, both cues of one frame.
    body = "Troops moved north. More troops arrived at the border. The troops waited."
    article = ArticleFactory(body=body, raw=body)
    cues = [
        {"start": m, "end": m + len(w), "frame": "security_and_defense", "cue": w.lower(), "weight": 1.0}
        for w, m in (("Troops", 0), ("troops", 25), ("border", 47), ("troops", 59))
    ]  # fmt: skip
    Score.objects.create(
        article=article,
        scorer="framing",
        version=get_scorer("framing").version,
        values={"frames_present": ["security_and_defense"]},
        evidence={"cues": cues},
    )
    texts = [
        s.text
        for s in suggestions_for_article(article=article, user=analyst)
        if s.scorer == "framing"
    ]
    assert sorted(t.lower() for t in texts) == ["border", "troops"]
