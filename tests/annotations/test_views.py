import pytest
from django.urls import reverse

from annotations import services
from annotations.models import Annotation, ReviewStatus
from tests.annotations.conftest import BODY, span_of
from tests.annotations.factories import AnnotationFactory, label
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def post_create(client, article, quote="crossed the border", **extra):
    start, end = span_of(article.body, quote)
    data = {
        "start": start,
        "end": end,
        "exact": quote,
        "label": label().pk,
        "verdict": "false",
        "confidence": 2,
        "note": "",
        "links": "",
    } | extra
    return client.post(reverse("annotation-create", args=[article.pk]), data, **HTMX)


def test_the_article_page_has_the_panel_and_the_paragraph_offsets(analyst_client, article):
    response = analyst_client.get(article.get_absolute_url())

    html = response.content.decode()
    assert 'id="annotation-panel"' in html
    assert (
        '<script id="annotation-paragraphs" type="application/json">[0, 64, 150]</script>' in html
    )
    assert BODY[64:].startswith("Officials") and BODY[150:].startswith("Critics")
    assert "No annotations yet" in html
    assert 'src="/static/js/annotate.js"' in html


def test_saving_returns_the_refreshed_panel_with_the_new_annotation(analyst_client, article):
    response = post_create(analyst_client, article)

    assert response.status_code == 200
    a = Annotation.objects.get()
    assert a.exact == "crossed the border" and a.verdict == "false"
    html = response.content.decode()
    assert f'id="annotation-{a.pk}"' in html
    assert f'data-start="{a.start}" data-end="{a.end}"' in html
    assert response["HX-Retarget"] == "#annotation-panel"
    assert "annotation-saved" in response["HX-Trigger"]


def test_a_note_with_html_and_script_is_shown_as_text(analyst_client, article):
    post_create(analyst_client, article, note=HOSTILE, links="https://example.org/?q=<b>")

    html = analyst_client.get(article.get_absolute_url()).content.decode()
    assert "<script>window.pwned" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=" in html
    assert 'href="https://example.org/?q=&lt;b&gt;"' in html


def test_a_javascript_link_is_refused_with_a_message(analyst_client, article):
    response = post_create(analyst_client, article, links="javascript:alert(1)")

    assert not Annotation.objects.exists()
    assert response["HX-Retarget"] == "#annotation-form"
    assert "is not a web address" in response.content.decode()


def test_the_keyboard_path_annotates_a_typed_quote(analyst_client, article):
    response = analyst_client.post(
        reverse("annotation-create", args=[article.pk]),
        {"quote": "a disgrace", "label": label("Loaded language").pk, "confidence": 3},
        **HTMX,
    )

    assert response.status_code == 200
    assert Annotation.objects.get().exact == "a disgrace"


def test_a_selection_made_on_an_older_text_is_refused(analyst_client, article):
    response = post_create(analyst_client, article, text_hash="0" * 64)

    assert not Annotation.objects.exists()
    assert "The article text changed since you opened this page" in response.content.decode()


def test_the_panel_filters_by_label_annotator_and_verdict(
    analyst_client, article, analyst, second_analyst
):
    AnnotationFactory(
        article=article, creator=analyst, span=span_of(BODY, "crossed"), verdict="false"
    )
    AnnotationFactory(
        article=article,
        creator=second_analyst,
        span=span_of(BODY, "a disgrace"),
        label=label("Loaded language"),
    )
    url = reverse("annotation-panel", args=[article.pk])

    by_label = analyst_client.get(url, {"f_label": "Loaded language"}, **HTMX).content.decode()
    by_person = analyst_client.get(url, {"f_annotator": "ana"}, **HTMX).content.decode()
    by_verdict = analyst_client.get(url, {"f_verdict": "accurate"}, **HTMX).content.decode()

    assert "“a disgrace”" in by_label and "“crossed”" not in by_label
    assert "“crossed”" in by_person and "“a disgrace”" not in by_person
    assert "No annotation matches these filters" in by_verdict


def test_a_stale_edit_is_refused_with_a_clear_message(analyst_client, article, analyst):
    a = AnnotationFactory(article=article, creator=analyst, note="v1")
    services.annotation_update(
        annotation=a, user=analyst, expected_version=1, label=label(), note="v2 from another tab"
    )

    response = analyst_client.post(
        reverse("annotation-edit", args=[a.pk]),
        {"label": label().pk, "confidence": 2, "note": "v1 edited", "version": 1},
        **HTMX,
    )

    html = response.content.decode()
    assert "was changed by ana" in html and "your edit was not saved" in html
    assert "Reload it" in html
    assert response["HX-Retarget"] == f"#annotation-{a.pk}"
    a.refresh_from_db()
    assert a.note == "v2 from another tab"


def test_an_analyst_edits_their_own_annotation(analyst_client, article, analyst):
    a = AnnotationFactory(article=article, creator=analyst)

    form = analyst_client.get(reverse("annotation-edit", args=[a.pk]), **HTMX)
    response = analyst_client.post(
        reverse("annotation-edit", args=[a.pk]),
        {"label": label("Framing").pk, "confidence": 1, "note": "Reframed", "version": 1},
        **HTMX,
    )

    assert form.status_code == 200 and 'name="version" value="1"' in form.content.decode()
    assert response.status_code == 200
    a.refresh_from_db()
    assert (a.label.name, a.note, a.version) == ("Framing", "Reframed", 2)


def test_nobody_opens_the_edit_form_of_another_analysts_annotation(client, article, editor):
    a = AnnotationFactory(article=article)
    client.force_login(editor)

    assert client.get(reverse("annotation-edit", args=[a.pk])).status_code == 403
    response = client.post(
        reverse("annotation-edit", args=[a.pk]),
        {"label": label().pk, "confidence": 2, "note": "x", "version": 1},
    )
    assert response.status_code == 403
    assert client.post(reverse("annotation-delete", args=[a.pk]), {"version": 1}).status_code == 403
    assert Annotation.objects.filter(pk=a.pk, note="").exists()


def test_a_blind_analyst_cannot_open_another_analysts_annotation(
    client, article, analyst, second_analyst, editor
):
    services.assignment_create(creator=editor, analysts=[analyst, second_analyst], article=article)
    theirs = AnnotationFactory(article=article, creator=second_analyst, note="secret")
    client.force_login(analyst)

    page = client.get(article.get_absolute_url()).content.decode()

    assert "secret" not in page and "Blind assignment" in page
    assert client.get(reverse("annotation-detail", args=[theirs.pk])).status_code == 403
    assert (
        client.post(reverse("annotation-reply", args=[theirs.pk]), {"text": "hi"}).status_code
        == 403
    )


def test_an_editor_reviews_and_adjudicates_on_the_review_page(
    client, article, analyst, second_analyst, editor
):
    a = AnnotationFactory(
        article=article,
        creator=analyst,
        span=span_of(BODY, "1,500 soldiers crossed"),
        verdict="false",
    )
    b = AnnotationFactory(
        article=article,
        creator=second_analyst,
        span=span_of(BODY, "1,500 soldiers crossed the"),
        verdict="accurate",
    )
    client.force_login(editor)

    page = client.get(reverse("annotation-article-review", args=[article.pk])).content.decode()
    client.post(
        reverse("annotation-review", args=[a.pk]),
        {"status": "rejected", "reason": "No source", "version": 1},
    )
    response = client.post(
        reverse("annotation-adjudicate", args=[article.pk]),
        {
            "annotations": f"{a.pk},{b.pk}",
            "label": label().pk,
            "verdict": "misleading",
            "reason": "Both half right",
        },
        follow=True,
    )

    assert "analysts disagree" in page and "How spans are matched" in page
    assert "Adjudicated; the reason is kept in the history." in response.content.decode()
    settled = Annotation.objects.get(is_adjudication=True)
    assert (settled.verdict, settled.review_reason) == ("misleading", "Both half right")
    a.refresh_from_db()
    assert a.review_status == ReviewStatus.ADJUDICATED
    assert list(a.changes.values_list("action", flat=True)) == ["rejected", "adjudicated"]


def test_the_event_agreement_page_shows_the_figures(
    client, article, analyst, second_analyst, editor
):
    from tests.factories import EventFactory

    article.event = EventFactory()
    article.save()
    AnnotationFactory(article=article, creator=analyst, span=span_of(BODY, "crossed the border"))
    AnnotationFactory(
        article=article, creator=second_analyst, span=span_of(BODY, "crossed the border")
    )
    client.force_login(editor)

    html = client.get(
        reverse("annotation-event-agreement", args=[article.event_id])
    ).content.decode()

    assert "Cohen" in html and "ana · bea" in html
    assert 'data-figure="label_alpha">1.000' in html
    # One shared passage: the page says the figures rest on too little.
    assert "Only 1 passage marked by two or more analysts: too few" in html
    # The pair's own alpha on labels, first of its figures.
    assert '<td>ana · bea</td><td class="num">1.000</td>' in html


def test_an_editor_assigns_an_article_and_an_analyst_submits(client, article, analyst, editor):
    client.force_login(editor)
    response = client.post(
        reverse("annotation-assignments"),
        {"article": article.pk, "analysts": [analyst.pk], "blind": "on"},
    )
    assert response.status_code == 302
    assignment = article.annotation_assignments.get()

    client.force_login(analyst)
    page = client.get(reverse("annotation-assignments")).content.decode()
    client.post(reverse("annotation-assignment-submit", args=[assignment.pk]))

    assert "Submit my annotations" in page
    assert assignment.members.get().submitted_at is not None


def test_an_assignment_needs_an_article_or_an_event(client, editor, analyst):
    client.force_login(editor)

    response = client.post(reverse("annotation-assignments"), {"analysts": [analyst.pk]})

    assert response.status_code == 400
    assert "Give either an article id or an event id." in response.content.decode()


def test_a_user_without_a_role_sees_no_panel_data(client, article, roles):
    AnnotationFactory(article=article, note="internal")
    client.force_login(UserFactory())

    assert client.get(reverse("annotation-panel", args=[article.pk])).status_code == 403


@pytest.mark.parametrize(
    ("passage", "shown"),
    [
        ("crossed the border", "“crossed the border”"),
        ('"We left," she said', "&quot;We left,&quot; she said"),
        ("“We left,” she said", "“We left,” she said"),
        ("<b>x</b> y", "“&lt;b&gt;x&lt;/b&gt; y”"),
    ],
)
def test_a_passage_is_quoted_once_and_escaped(passage, shown):
    from django.template import Context, Template

    html = Template("{% load annotations_tags %}{{ p|quoted }}").render(Context({"p": passage}))

    assert html == shown


def test_the_panel_does_not_quote_a_quotation_twice(analyst_client, article):
    article.body = '"We left," the minister said on Monday.\n\n' + article.body
    article.save()
    post_create(analyst_client, article, quote='"We left," the minister said')

    html = analyst_client.get(reverse("annotation-panel", args=[article.pk])).content.decode()

    assert "&quot;We left,&quot; the minister said" in html
    assert "“&quot;We left" not in html


def test_after_submitting_a_blind_assignment_the_panel_offers_no_change(
    client, article, analyst, editor
):
    start, end = span_of(BODY, "crossed the border")
    mine = services.annotation_create(
        article=article, creator=analyst, start=start, end=end, label=label()
    )
    assignment = services.assignment_create(creator=editor, analysts=[analyst], article=article)
    client.force_login(analyst)
    before = client.get(reverse("annotation-panel", args=[article.pk])).content.decode()
    assert reverse("annotation-edit", args=[mine.pk]) in before
    assert "New annotation" in before

    services.assignment_submit(assignment=assignment, analyst=analyst)
    after = client.get(reverse("annotation-panel", args=[article.pk])).content.decode()
    assert "your annotations here are final" in after
    for offered in (
        reverse("annotation-edit", args=[mine.pk]),
        reverse("annotation-delete", args=[mine.pk]),
        reverse("annotation-create", args=[article.pk]),
        reverse("annotation-suggestion-accept", args=[article.pk]),
        "New annotation",
    ):
        assert offered not in after, offered
    assert "Reply" in after  # a reply is a comment, not a change to the annotation


def test_editors_are_not_given_blind_work_but_may_join_open_assignments(
    client, editor, analyst, article
):
    # Editors see every analyst's annotations on the review and export pages, so a blind
    # assignment could never hide the others from them (issue 13).
    from tests.factories import UserFactory

    other_editor = UserFactory(username="edna", role="Editor")
    client.force_login(editor)

    blind = client.post(
        reverse("annotation-assignments"),
        {"article": article.pk, "analysts": [analyst.pk, other_editor.pk], "blind": "on"},
    )
    assert "edna is an editor" in blind.content.decode()
    assert not article.annotation_assignments.exists()

    client.post(
        reverse("annotation-assignments"),
        {"article": article.pk, "analysts": [analyst.pk, other_editor.pk]},
    )
    assert article.annotation_assignments.get().blind is False


def test_a_re_attachment_made_on_an_older_text_is_refused(analyst_client, article, analyst):
    mine = AnnotationFactory(article=article, creator=analyst, span=span_of(BODY, "crossed"))
    start, end = span_of(BODY, "a disgrace")

    response = analyst_client.post(
        reverse("annotation-reattach", args=[mine.pk]),
        {"version": mine.version, "start": start, "end": end, "text_hash": "0" * 64},
        **HTMX,
    )

    assert "The article text changed; reload the page first." in response.content.decode()
    mine.refresh_from_db()
    assert (mine.start, mine.version) == (BODY.index("crossed"), 1)
