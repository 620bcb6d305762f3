"""Factories for annotations (kept with their tests; the shared ones are in tests/factories.py)."""

import factory

from annotations import anchoring
from annotations.defaults import ensure_default_labels
from annotations.models import Annotation, Label, text_hash
from tests.factories import ArticleFactory, UserFactory


def label(name: str = "Claim") -> Label:
    """One of the default labels (re-created if a transactional test flushed them)."""
    ensure_default_labels()
    return Label.objects.get(name=name)


class AnnotationFactory(factory.django.DjangoModelFactory):
    """An annotation of ``article.body[start:end]`` (by default the first word)."""

    class Meta:
        model = Annotation

    class Params:
        span = (0, 3)

    article = factory.SubFactory(ArticleFactory)
    creator = factory.SubFactory(UserFactory, role="Analyst")
    label = factory.LazyFunction(label)
    start = factory.LazyAttribute(lambda o: o.span[0])
    end = factory.LazyAttribute(lambda o: o.span[1])
    exact = factory.LazyAttribute(lambda o: o.article.body[o.span[0] : o.span[1]])
    prefix = factory.LazyAttribute(lambda o: anchoring.selector_for(o.article.body, *o.span).prefix)
    suffix = factory.LazyAttribute(lambda o: anchoring.selector_for(o.article.body, *o.span).suffix)
    anchored_text_hash = factory.LazyAttribute(lambda o: text_hash(o.article.body))
