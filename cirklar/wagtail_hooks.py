"""Wagtail hooks of cirklar: the link to Mina cirklar on the account page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.views import ACCOUNT_LINKS_HOOK


@hooks.register(ACCOUNT_LINKS_HOOK)
def mina_cirklar_link(request):
    if request.user.has_perm("cirklar.use_mina_cirklar"):
        return {"url": reverse("mina_cirklar:index"), "label": _("Mina cirklar")}
    return None
