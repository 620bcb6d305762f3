import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from newsdesk.models import Article, Event, IngestMethod, Outlet, OutletDomain
from newsdesk.services import content_hash


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Test Outlet {n}")
    slug = factory.Sequence(lambda n: f"test-outlet-{n}")
    country = "GB"
    language = "en"


class OutletDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutletDomain

    outlet = factory.SubFactory(OutletFactory)
    domain = factory.Sequence(lambda n: f"outlet{n}.example")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    headline = factory.Sequence(lambda n: f"Headline number {n}")
    body = factory.Sequence(
        lambda n: (
            f"The council met on Monday to discuss item {n}. Officials said the plan was approved."
        )
    )
    raw = factory.SelfAttribute("body")
    language = "en"  # as detected: the scorers run only on the languages they support
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.body))
    ingest_method = IngestMethod.PASTE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])
            if extracted == "Admin":
                self.is_staff = True
        self.save()
