"""Admin registrations and home-page sections owned by the home app."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .models import HOME_SECTIONS_HOOK, NewsIndexPage

HOME_NEWS_COUNT = 3


@hooks.register(HOME_SECTIONS_HOOK, order=100)
def latest_news_section(request, home_page):
    index = NewsIndexPage.objects.live().child_of(home_page).first()
    if index is None:
        return None
    return {
        "title": _("Senaste nytt"),
        "items": list(index.news()[:HOME_NEWS_COUNT]),
        "more_url": index.get_url(request),
        "more_label": _("Alla nyheter"),
    }
