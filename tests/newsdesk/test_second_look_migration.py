"""Migration newsdesk 0020: articles grouped before the second look came count as looked
at, so that an upgrade moves nothing in events editors already know; those not grouped
yet are due one once they are."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from newsdesk.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("newsdesk.migrations.0020_article_second_look")


def test_grouped_articles_count_as_looked_at_when_they_were_grouped():
    grouped_at = timezone.now() - dt.timedelta(days=40)
    grouped = ArticleFactory(grouped_at=grouped_at)
    not_yet = ArticleFactory(grouped_at=None)

    migration.grouped_ones_looked_at(apps, None)

    assert Article.objects.get(pk=grouped.pk).second_look_at == grouped_at
    assert Article.objects.get(pk=not_yet.pk).second_look_at is None
