"""Admin registrations and home-page sections owned by the home app."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import personal_data_views
from .models import (
    HOME_SECTIONS_HOOK,
    HomeSection,
    NewestFirst,
    NewsIndexPage,
    cards,
    children_of,
    of_few,
)

HOME_NEWS_COUNT = 3


@hooks.register(HOME_SECTIONS_HOOK, order=100)
def latest_news_section(request, home_page):
    # Looked up by the ids of its own small table: filtered by place in the tree
    # first, the database would read every page below the home page to find it.
    index = (
        of_few(children_of(NewsIndexPage.objects.live(), home_page))
        .only("id", "path", "depth", "url_path")
        .order_by("pk")
        .first()
    )
    if index is None:
        return None
    return HomeSection(
        title=_("Senaste nytt"),
        items=NewestFirst(cards(index.news(), "date"))[:HOME_NEWS_COUNT],
        more_url=index.get_url(request),
        more_label=_("Alla nyheter"),
        dated=True,
    )


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("personuppgifter/", include(personal_data_views))]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return personal_data_views.may_manage(request.user)


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personuppgifter"),
        reverse("personal_data:index"),
        name="personuppgifter",
        icon_name="lock",
        order=900,
    )


@hooks.register("insert_global_admin_js")
def admin_accessibility_js():
    # Names for Wagtail's nameless widgets (the script says which, and why).
    return format_html(
        '<script src="{}" defer></script>', static("home/js/admin_accessibility.js")
    )
