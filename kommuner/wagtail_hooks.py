"""The kansli's admin for kommuner: records with revision history, organisations, officials."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import HOME_SECTIONS_HOOK
from home.views import ACCOUNT_LINKS_HOOK

from .models import Municipality, Organisation, PolicyRecord
from .models.pages import kommuner_home_section

hooks.register(HOME_SECTIONS_HOOK, kommuner_home_section, order=30)


@hooks.register(ACCOUNT_LINKS_HOOK)
def min_kommun_link(request):
    if request.user.has_perm("kommuner.use_min_kommun"):
        return {"url": reverse("min_kommun:index"), "label": _("Min kommun")}
    return None


class PolicyRecordViewSet(SnippetViewSet):
    model = PolicyRecord
    icon = "list-ul"
    menu_label = _("Lokal uppföljning")
    list_display = [
        "__str__",
        "agreement_status",
        "agreement_year",
        "mapping_status",
        "updated_at",
    ]
    list_filter = ["agreement_status", "mapping_status"]
    search_fields = ["municipality__name", "county__name"]
    ordering = ["municipality__name", "county__name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    list_display = ["name", "org_number", "municipality", "form", "updated_at"]
    list_filter = ["form", "signed_national_agreement", "cooperation_decision"]
    # Searched in the database (name or organisation number contains the words) rather
    # than through the search index, which holds names only.
    search_fields = ["name", "org_number"]
    search_backend_name = None


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Kommuner och handläggare")
    list_display = ["name", "code", "county"]
    list_filter = ["county"]
    search_fields = ["name", "code"]  # in the database, as for organisations
    search_backend_name = None
    inspect_view_enabled = True


class KommunerViewSetGroup(SnippetViewSetGroup):
    items = (PolicyRecordViewSet, OrganisationViewSet, MunicipalityViewSet)
    menu_icon = "site"
    menu_label = _("Kommuner")
    menu_name = "kommuner"


register_snippet(KommunerViewSetGroup)
