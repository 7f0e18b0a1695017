"""Factories for the home app: users with a role, its pages, documents and images."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection

import factory
import wagtail_factories

from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage

PASSWORD = "ett-bra-losenord-123"  # noqa: S105 - the test users' password


class UserFactory(factory.django.DjangoModelFactory):
    """A user; `role` is the name of a group the migrations create (home.roles)."""

    username = factory.Sequence(lambda n: f"anvandare-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.se")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))


def root_collection():
    return Collection.get_first_root_node()


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection, as an editor's upload lands."""

    title = factory.Sequence(lambda n: f"Dokument {n}")
    collection = factory.LazyFunction(root_collection)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Bild {n}")
    collection = factory.LazyFunction(root_collection)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startsida"
    slug = "start"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    intro = "En kort ingress."

    class Meta:
        model = ContentPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    date = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
    )
    intro = "Något har hänt."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Brödtext.</p>")])

    class Meta:
        model = NewsPage
