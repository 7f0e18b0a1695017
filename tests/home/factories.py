"""Factories for the home app's pages."""

import datetime

import factory
import wagtail_factories

from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage


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
