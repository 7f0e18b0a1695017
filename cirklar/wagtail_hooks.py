"""The kansli's admin for study circles: studieförbund, circles, participants, meetings,
leaders and interest requests, in one menu group; the leader's links on Mitt konto
(Mina cirklar, or confirming the e-mail address); the attendance tools' links on a
circle's page.

Who sees what is decided by the model permissions, which the Redaktör and Kansli roles
have (migration 0003); circle leaders and municipal officials have none of them.
"""

from django import forms
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.coreutils import multigetattr
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from home.views import ACCOUNT_LINKS_HOOK
from kommuner.models import County

# The circles on the kommun pages and the module pages.
from . import admin_views, leaders, public_hooks  # noqa: F401
from .models import (
    InterestRequest,
    LeaderProfile,
    Meeting,
    Participant,
    StudyAssociation,
    StudyCircle,
)
from .views_circles import CIRCLE_LINKS_HOOK


@hooks.register(ACCOUNT_LINKS_HOOK)
def confirm_leader_link(request):
    # Until the address is confirmed, Mina cirklar is closed; say so and offer the link.
    if leaders.is_unconfirmed_leader(request.user):
        return {
            "url": reverse("leader_resend"),
            "label": _("Bekräfta din e-postadress för att kunna använda Mina cirklar"),
        }
    return None


@hooks.register("register_admin_urls")
def cirklar_admin_urls():
    return [
        path(
            "cirklar/bjud-in-ledare/",
            admin_views.InviteView.as_view(),
            name="cirklar_invite_leader",
        )
    ]


def yes_no(accessor):
    """A yes-or-no cell in Swedish (Wagtail's BooleanColumn says "True" to screen readers)."""

    def value(instance):
        return _("Ja") if multigetattr(instance, accessor) else _("Nej")

    return value


class StudyAssociationViewSet(SnippetViewSet):
    model = StudyAssociation
    icon = "group"
    menu_label = _("Studieförbund")
    list_display = [
        "name",
        "short_name",
        Column(
            "state_funded", label=_("Får statsbidrag"), accessor=yes_no("state_funded")
        ),
        "note",
    ]
    list_filter = ["state_funded"]
    search_fields = ["name", "short_name"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("website"),
        FieldPanel("state_funded"),
        FieldPanel("note"),
    ]


class StudyCircleAdminForm(WagtailAdminModelForm):
    """Leaders are chosen among active circle leaders: this is where a circle is handed
    over to another leader, or given a co-leader."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "leaders" in self.fields:
            choices = admin_views.leader_users()
            if self.instance.pk:
                choices = choices | self.instance.leaders.all()
            self.fields["leaders"].queryset = choices.distinct().order_by(
                "first_name", "last_name", "username"
            )
            self.fields["leaders"].label_from_instance = leader_label
            self.fields["leaders"].help_text = _(
                "Välj en annan ledare för att lämna över cirkeln, eller flera för "
                "medledare. Bara aktiva cirkelledare kan väljas."
            )


def leader_label(user):
    name = user.get_full_name() or user.get_username()
    return f"{name} ({user.email})" if user.email else name


class StudyCircleFilterSet(WagtailFilterSet):
    county = django_filters.ModelChoiceFilter(
        field_name="municipality__county",
        label=_("Län"),
        queryset=County.objects.order_by("name"),
    )

    class Meta:
        model = StudyCircle
        fields = ["status", "association", "county", "municipality", "module"]


class StudyCircleViewSet(SnippetViewSet):
    model = StudyCircle
    icon = "group"
    menu_label = _("Studiecirklar")
    list_display = [
        "name",
        "association",
        "municipality",
        "status",
        Column("start_date", label=_("Startdatum")),
    ]
    filterset_class = StudyCircleFilterSet
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("association"),
            FieldPanel("municipality"),
            FieldPanel("module"),
            FieldPanel("leaders", widget=forms.CheckboxSelectMultiple),
            FieldPanel("status"),
            FieldPanel("meeting_place"),
            FieldPanel("start_date"),
            FieldPanel("work_plan"),
            FieldPanel("open_to_new"),
            FieldPanel("public_description"),
        ],
        base_form_class=StudyCircleAdminForm,
    )

    def get_queryset(self, request):
        return StudyCircle.objects.select_related("association", "municipality")


class ParticipantViewSet(SnippetViewSet):
    model = Participant
    icon = "user"
    menu_label = _("Deltagare")
    list_display = [
        "name",
        "circle",
        "email",
        "phone",
        Column("birth_year", label=_("Födelseår")),
    ]
    list_filter = ["circle"]
    search_fields = ["name", "email"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("circle"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("organisation"),
        FieldPanel("organisation_name"),
        FieldPanel("birth_year"),
    ]

    def get_queryset(self, request):
        return Participant.objects.select_related("circle")


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Träffar")
    list_display = [
        "circle",
        Column("date", label=_("Datum")),
        Column("start_time", label=_("Starttid")),
        Column("length_minutes", label=_("Längd (minuter)")),
    ]
    list_filter = ["circle"]
    search_fields = ["circle__name", "notes"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("circle"),
        FieldPanel("date"),
        FieldPanel("start_time"),
        FieldPanel("length_minutes"),
        FieldPanel("sessions"),
        FieldPanel("notes"),
    ]

    def get_queryset(self, request):
        return Meeting.objects.select_related("circle")


class LeaderProfileAdminForm(WagtailAdminModelForm):
    """The leader's studieförbund, and whether the account may sign in at all."""

    active = forms.BooleanField(
        label=_("Kontot är aktivt"),
        required=False,
        help_text=_(
            "Ta bort bocken för att inaktivera ledaren: kontot loggas ut överallt och "
            "kan inte logga in igen. Lämna över ledarens cirklar till en annan ledare "
            "under Studiecirklar."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["active"].initial = self.instance.user.is_active

    def save(self, commit=True):
        profile = super().save(commit)
        if commit and profile.user_id:
            leaders.set_active(profile.user, self.cleaned_data.get("active", False))
        return profile


def leader_name(profile):
    return profile.user.get_full_name() or profile.user.get_username()


class LeaderProfileFilterSet(WagtailFilterSet):
    active = django_filters.BooleanFilter(
        field_name="user__is_active", label=_("Kontot är aktivt")
    )

    class Meta:
        model = LeaderProfile
        fields = ["association", "active"]


class LeaderIndexView(SnippetIndexView):
    add_item_label = _("Bjud in en cirkelledare")


class LeaderProfileViewSet(SnippetViewSet):
    model = LeaderProfile
    icon = "user"
    menu_label = _("Cirkelledare")
    index_view_class = LeaderIndexView
    list_display = [
        Column("name", label=_("Namn"), accessor=leader_name),
        Column("email", label=_("E-post"), accessor="user.email"),
        "association",
        Column("active", label=_("Aktiv"), accessor=yes_no("user.is_active")),
        Column("email_confirmed_at", label=_("E-post bekräftad")),
    ]
    filterset_class = LeaderProfileFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("association"), FieldPanel("active")],
        base_form_class=LeaderProfileAdminForm,
    )

    @property
    def add_view(self):
        # A leader is added by inviting them (an account and an e-mail), not by hand.
        return lambda request: redirect("cirklar_invite_leader")

    def get_queryset(self, request):
        return LeaderProfile.objects.select_related("user", "association")


class InterestRequestViewSet(SnippetViewSet):
    model = InterestRequest
    icon = "mail"
    menu_label = _("Intresseanmälningar")
    list_display = [
        "name",
        "circle",
        "email",
        Column("created_at", label=_("Skickad")),
        Column("handled_at", label=_("Hanterad")),
    ]
    list_filter = ["circle"]
    search_fields = ["name", "email"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("circle"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("message"),
        FieldPanel("handled_at"),
    ]

    def get_queryset(self, request):
        return InterestRequest.objects.select_related("circle")


class CirklarViewSetGroup(SnippetViewSetGroup):
    items = (
        StudyCircleViewSet,
        ParticipantViewSet,
        MeetingViewSet,
        LeaderProfileViewSet,
        InterestRequestViewSet,
        StudyAssociationViewSet,
    )
    menu_icon = "group"
    menu_label = _("Studiecirklar")
    menu_name = "studiecirklar"


register_snippet(CirklarViewSetGroup)


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
