"""The move to the layered layout (the event comparison from analysis to events, the
grouping index from newsdesk to events) loses no row: a database filled as the previous
layout left it migrates forward with every row still there and readable through the new
models, and back again."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from analysis.models import Score
from annotations.models import Annotation
from events.models import ArticleTerm, EventComparison, IndexedWords
from newsdesk.models import Article, Event, Outlet

pytestmark = pytest.mark.django_db(transaction=True)

# The newest migrations of each app before the events app existed, and the target that
# takes a database back there (the events app's and what depends on it, unapplied).
BEFORE = [
    ("newsdesk", "0015_merge_storylines"),
    ("analysis", "0009_merge_languages_and_reliability"),
    ("annotations", "0005_merge_suggestion_feedback"),
]
BACK = [("events", None)]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def fill_as_before(apps) -> dict[str, int]:
    """Rows of every kind, written through the models as they were before the move."""
    old = {
        name: apps.get_model(*name.split("."))
        for name in (
            "newsdesk.Outlet",
            "newsdesk.Article",
            "newsdesk.Event",
            "analysis.Score",
            "analysis.EventComparison",
            "annotations.Label",
            "annotations.Annotation",
            "newsdesk.ArticleTerm",
            "auth.User",
        )
    }
    user = old["auth.User"].objects.create(username="migration-test-editor")
    outlet = old["newsdesk.Outlet"].objects.create(name="Layout Gazette", slug="layout-gazette")
    event = old["newsdesk.Event"].objects.create(title="A vote (written for the tests)")
    article = old["newsdesk.Article"].objects.create(
        outlet=outlet,
        headline="The vote passed (written for the tests)",
        body="The council voted on Monday. “We won,” the mayor said.",
        raw="The council voted on Monday.",
        content_hash="layout-migration-test",
        ingest_method="paste",
        event=event,
    )
    old["analysis.Score"].objects.create(
        article=article, scorer="tone", version="1", values={"compound": 0.4}
    )
    old["analysis.EventComparison"].objects.create(
        event=event, data={"outlets": ["layout-gazette"]}, stale=False
    )
    old["newsdesk.ArticleTerm"].objects.create(article=article, term="w:council", weight=0.5)
    label = old["annotations.Label"].objects.get_or_create(name="Claim")[0]
    old["annotations.Annotation"].objects.create(
        article=article,
        creator=user,
        start=0,
        end=11,
        exact="The council",
        anchored_text_hash="x",
        label=label,
    )
    return {"article": article.pk, "event": event.pk}


def test_every_row_of_the_previous_layout_is_there_and_readable_after_the_move():
    try:
        executor = migrate(BACK)
        ids = fill_as_before(executor.loader.project_state(BEFORE).apps)
        # ContentType as the previous layout's migrate left it.
        ContentType.objects.get_or_create(app_label="analysis", model="eventcomparison")
        ContentType.objects.get_or_create(app_label="newsdesk", model="articleterm")

        migrate(latest())

        article = Article.objects.get(pk=ids["article"])
        assert article.outlet == Outlet.objects.get(slug="layout-gazette")
        assert article.event == Event.objects.get(pk=ids["event"])
        assert Score.objects.get(article=article).values == {"compound": 0.4}
        comparison = EventComparison.objects.get(event_id=ids["event"])
        assert comparison.data == {"outlets": ["layout-gazette"]}
        assert comparison.stale is False
        assert Event.objects.get(pk=ids["event"]).comparison == comparison
        assert Annotation.objects.get(article=article).exact == "The council"
        assert ContentType.objects.get_for_model(EventComparison).app_label == "events"
        assert not ContentType.objects.filter(app_label="analysis", model="eventcomparison")
        # The index is re-weighted by the backfill (TF-IDF), its article's row still there.
        assert ArticleTerm.objects.filter(article=article).exists()
        assert IndexedWords.objects.get(article=article).words
        assert ContentType.objects.get_for_model(ArticleTerm).app_label == "events"

        # And back: the previous layout reads the same row.
        executor = migrate(BACK)
        apps = executor.loader.project_state(BEFORE).apps
        assert apps.get_model("analysis", "EventComparison").objects.get(
            event_id=ids["event"]
        ).data == {"outlets": ["layout-gazette"]}
        assert ContentType.objects.filter(app_label="analysis", model="eventcomparison").exists()
    finally:
        migrate(latest())
