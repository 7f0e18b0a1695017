"""Home-page sections for the agreement's principles and the study modules."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.models import (
    HOME_SECTIONS_HOOK,
    HomeSection,
    cards,
    descendants_of,
    of_few,
    public_pages,
)

from .models import PrinciplePage, StudyModulePage


@hooks.register(HOME_SECTIONS_HOOK, order=10)
def principles_section(request, home_page):
    principles = list(
        cards(
            of_few(
                public_pages(descendants_of(PrinciplePage.objects.live(), home_page))
            )
        ).order_by("path")
    )
    if not principles:
        return None
    return HomeSection(
        title=_("Överenskommelsens sex principer"),
        intro=_(
            "Principerna är grunden för samverkan mellan det offentliga och idéburna organisationer."
        ),
        items=principles,
    )


@hooks.register(HOME_SECTIONS_HOOK, order=20)
def modules_section(request, home_page):
    modules = list(
        cards(
            public_pages(descendants_of(StudyModulePage.objects.live(), home_page))
        ).order_by("path")[:6]
    )
    if not modules:
        return None
    return HomeSection(
        title=_("Studiematerial för cirkeln"),
        intro=_("Välj ett material, starta en cirkel och arbeta er igenom träffarna."),
        items=modules,
    )
