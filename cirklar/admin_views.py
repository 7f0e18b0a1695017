"""The kansli's invitation of a circle leader, in the admin."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home import roles

from . import leaders
from .forms_leaders import InvitationForm

#: Who may invite: who may add leader profiles (the Redaktör and Kansli roles).
PERMISSION = "cirklar.add_leaderprofile"


class InviteView(WagtailAdminTemplateMixin, FormView):
    form_class = InvitationForm
    template_name = "cirklar/admin/invite.html"
    page_title = gettext_lazy("Bjud in en cirkelledare")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_cirklar_leaderprofile:list"),
                "label": _("Cirkelledare"),
            },
            {"url": "", "label": _("Bjud in")},
        ]

    def form_valid(self, form):
        data = form.cleaned_data
        user = leaders.invite(
            name=data["name"],
            email=data["email"],
            association=data["association"],
            invited_by=self.request.user,
        )
        leaders.send_invitation(self.request, user)
        messages.success(
            self.request,
            _("%(name)s är inbjuden. Ett mejl med en länk är skickat till %(email)s.")
            % {"name": user.get_full_name(), "email": user.email},
        )
        return redirect("wagtailsnippets_cirklar_leaderprofile:list")


def leader_users():
    """The accounts a circle can be handed to: active circle leaders."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.CIRCLE_LEADER)
        .order_by("first_name", "last_name", "username")
    )
