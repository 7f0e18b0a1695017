"""Wagtail hooks of cirklar: the link to Mina cirklar on the account page, and the
attendance tools' links on a circle's page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.views import ACCOUNT_LINKS_HOOK

from .views_circles import CIRCLE_LINKS_HOOK


@hooks.register(ACCOUNT_LINKS_HOOK)
def mina_cirklar_link(request):
    if request.user.has_perm("cirklar.use_mina_cirklar"):
        return {"url": reverse("mina_cirklar:index"), "label": _("Mina cirklar")}
    return None


@hooks.register(CIRCLE_LINKS_HOOK)
def report_link(request, circle):
    return {
        "url": reverse("mina_cirklar:report", args=[circle.pk]),
        "label": _("Rapport, regler och närvarolista"),
    }


@hooks.register(CIRCLE_LINKS_HOOK)
def calendar_link(request, circle):
    if request.user.has_perm("cirklar.change_circle", circle):
        return {
            "url": reverse("mina_cirklar:calendar", args=[circle.pk]),
            "label": _("Kalenderlänk för deltagarna"),
        }
    return None
