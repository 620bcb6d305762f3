import pytest
from django.urls import reverse

from annotations.models import Annotation, Assignment, AssignmentMember, Change, Reply, text_hash
from annotations.selectors import blind_for
from tests.annotations.factories import AnnotationFactory
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/annotations/"
BODY = "The council met on Monday. Officials said the tram line would cost 240 million euros."


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def test_annotating_by_position_stores_it_as_the_page_does(analyst_api, analyst, article):
    start = BODY.index("240 million euros")

    response = analyst_api.post(
        LIST,
        {
            "article": article.pk,
            "start": start,
            "end": start + len("240 million euros"),
            "exact": "240 million euros",
            "label": "Claim",
            "verdict": "accurate",
            "confidence": 3,
            "note": "Matches the budget",
            "links": ["https://council.example/budget"],
            "text_hash": text_hash(BODY),
        },
    )

    assert response.status_code == 201, response.content
    annotation = Annotation.objects.get()
    assert (annotation.creator, annotation.exact, annotation.verdict) == (
        analyst,
        "240 million euros",
        "accurate",
    )
    assert annotation.links == ["https://council.example/budget"]
    assert Change.objects.filter(annotation=annotation, action="created").exists()
    data = response.json()
    assert (data["label"], data["creator"], data["start"]) == ("Claim", "ana", start)


def test_annotating_by_quote_finds_the_passage(analyst_api, article):
    response = analyst_api.post(
        LIST, {"article": article.pk, "quote": "Officials said", "label": "Claim"}
    )

    assert response.status_code == 201, response.content
    assert (response.json()["start"], response.json()["end"]) == (27, 41)


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({"quote": "not in the text", "label": "Claim"}, 400, "not in the article text"),
        ({"start": 0, "end": 3, "exact": "Cow", "label": "Claim"}, 400, "does not match"),
        ({"start": 0, "end": 9999, "label": "Claim"}, 400, "Select some text"),
        ({"quote": "council", "label": "No such label"}, 400, "No label is named"),
        ({"quote": "council", "label": "Claim", "links": ["javascript:alert(1)"]}, 400, "not a web address"),
        ({"quote": "council", "label": "Claim", "text_hash": "0" * 64}, 400, "text changed"),
        ({"label": "Claim"}, 422, "start and end, or a quote"),
        ({"start": 0, "label": "Claim"}, 422, "start and end, or a quote"),
        ({"quote": "council", "label": "Claim", "confidence": 7}, 422, "less than or equal to 3"),
        ({"quote": "council\x00", "label": "Claim"}, 422, "NUL"),
    ],
)  # fmt: skip
def test_bad_annotations_are_refused_with_a_clear_message(
    analyst_api, article, body, status, message
):
    response = analyst_api.post(LIST, {"article": article.pk, **body})

    assert response.status_code == status
    assert message in str(response.json()["detail"])
    assert not Annotation.objects.exists()


def test_annotating_an_unknown_article_is_a_404(analyst_api):
    response = analyst_api.post(LIST, {"article": 424242, "quote": "x", "label": "Claim"})

    assert response.status_code == 404


def test_annotations_are_listed_newest_first_with_replies_and_filtered(analyst_api, article):
    event = EventFactory()
    in_event = ArticleFactory(event=event)
    first = AnnotationFactory(article=article)
    second = AnnotationFactory(
        article=in_event, creator=UserFactory(username="bea", role="Analyst")
    )
    Reply.objects.create(annotation=first, creator=second.creator, text="Agreed")

    everything = analyst_api.get(LIST).json()
    by_event = analyst_api.get(LIST, {"event": event.pk}).json()
    by_creator = analyst_api.get(LIST, {"creator": "bea"}).json()
    by_article = analyst_api.get(LIST, {"article": article.pk}).json()

    assert [a["id"] for a in everything["items"]] == [second.pk, first.pk]
    assert [a["id"] for a in by_event["items"]] == [second.pk]
    assert [a["id"] for a in by_creator["items"]] == [second.pk]
    (item,) = by_article["items"]
    assert item["replies"][0]["creator"] == "bea" and item["replies"][0]["text"] == "Agreed"


def test_a_blind_assignment_hides_others_annotations_until_submitted(analyst_api, analyst, article):
    mine = AnnotationFactory(article=article, creator=analyst)
    theirs = AnnotationFactory(article=article)
    elsewhere = AnnotationFactory(article=ArticleFactory())
    assignment = Assignment.objects.create(article=article, blind=True)
    assignment.articles.set([article])  # as assignment_create fixes them
    member = AssignmentMember.objects.create(assignment=assignment, analyst=analyst)

    listed = [a["id"] for a in analyst_api.get(LIST).json()["items"]]
    hidden = analyst_api.get(reverse("api:annotation", args=[theirs.pk]))

    assert sorted(listed) == sorted([mine.pk, elsewhere.pk])
    assert hidden.status_code == 404

    member.submitted_at = member.assignment.created_at
    member.save()
    listed = [a["id"] for a in analyst_api.get(LIST).json()["items"]]
    assert theirs.pk in listed


def test_a_blind_event_assignment_hides_its_articles_annotations(analyst_api, analyst):
    event = EventFactory()
    theirs = AnnotationFactory(article=ArticleFactory(event=event))
    undated_elsewhere = AnnotationFactory(article=ArticleFactory(event=None))
    assignment = Assignment.objects.create(event=event, blind=True)
    assignment.articles.set(event.articles.all())  # as assignment_create fixes them
    AssignmentMember.objects.create(assignment=assignment, analyst=analyst)

    listed = [a["id"] for a in analyst_api.get(LIST).json()["items"]]

    assert listed == [undated_elsewhere.pk]
    assert theirs.pk not in listed


def test_the_api_keeps_an_article_moved_out_of_a_blind_event_hidden_as_the_pages_do(
    analyst_api, analyst
):
    event = EventFactory()
    article = ArticleFactory(event=event)
    theirs = AnnotationFactory(article=article)
    assignment = Assignment.objects.create(event=event, blind=True)
    assignment.articles.set([article])
    AssignmentMember.objects.create(assignment=assignment, analyst=analyst)
    article.event = None
    article.save()

    listed = [a["id"] for a in analyst_api.get(LIST).json()["items"]]

    assert theirs.pk not in listed
    assert blind_for(article=article, user=analyst)
