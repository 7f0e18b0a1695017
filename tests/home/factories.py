"""Factories for the home app: users with a role, its pages, documents and images."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

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


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A live page with the times that publishing it gives (the sitemap's lastmod)."""

    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True


class HomePageFactory(PublishedPageFactory):
    title = "Startsida"
    slug = "start"

    class Meta:
        model = HomePage


class ContentPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    intro = "En kort ingress."

    class Meta:
        model = ContentPage


class NewsIndexPageFactory(PublishedPageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    date = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
    )
    intro = "Något har hänt."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Brödtext.</p>")])

    class Meta:
        model = NewsPage
