"""Forms for the leader's work with circles: a circle, its meetings, leaders and
participants, with Swedish messages."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home import roles
from kommuner.forms import DateInput, form_field
from kommuner.models import Municipality, Organisation

from . import planning
from .models import (
    OLDEST_BIRTH_YEAR,
    CircleStatus,
    Meeting,
    Participant,
    StudyAssociation,
    StudyCircle,
)

DEFAULT_RETENTION_DAYS = 365


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


DATE_ERRORS = {
    "required": _("Skriv ett datum."),
    "invalid": _("Skriv datumet som år-månad-dag, till exempel 2027-02-01."),
}
TIME_ERRORS = {
    "required": _("Skriv en starttid."),
    "invalid": _("Skriv tiden som timmar:minuter, till exempel 18:00."),
}
LENGTH_ERRORS = {
    "required": _("Skriv hur många minuter träffen är."),
    "invalid": _("Skriv längden i hela minuter, till exempel 135."),
    "min_value": _("En träff är minst %(limit_value)s minuter."),
    "max_value": _("En träff är högst %(limit_value)s minuter."),
}


class AssociationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CircleForm(forms.ModelForm):
    """A circle's own details. Only studieförbund with the state grant can be chosen,
    but a circle keeps the one it has."""

    class Meta:
        model = StudyCircle
        formfield_callback = form_field
        fields = [
            "name",
            "association",
            "municipality",
            "meeting_place",
            "start_date",
            "open_to_new",
            "public_description",
            "work_plan",
        ]
        widgets = {
            "start_date": DateInput(),
            "public_description": forms.Textarea(attrs={"rows": 4}),
            "work_plan": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "name": {"required": _("Skriv cirkelns namn.")},
            "association": {
                "required": _("Välj ett studieförbund."),
                "invalid_choice": _(
                    "Välj ett studieförbund som får statsbidrag från Folkbildningsrådet."
                ),
            },
            "municipality": {
                "required": _("Välj kommunen där cirkeln träffas."),
                "invalid_choice": _("Välj en kommun i listan."),
            },
            "meeting_place": {"required": _("Skriv var cirkeln träffas.")},
            "start_date": DATE_ERRORS,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        funded = Q(state_funded=True)
        if self.instance.association_id:
            funded |= Q(pk=self.instance.association_id)
        self.fields["association"].queryset = StudyAssociation.objects.filter(funded)
        self.fields["association"].help_text = _(
            "Bara studieförbund som får statsbidrag från Folkbildningsrådet kan väljas."
        )
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].empty_label = _("Välj kommun")
        self.fields["association"].empty_label = _("Välj studieförbund")
        self.fields["start_date"].help_text = _(
            "Cirkeln träffas samma veckodag som startdatumet."
        )

    def clean_start_date(self):
        start_date = self.cleaned_data["start_date"]
        changed = "start_date" in self.changed_data or not self.instance.pk
        if changed and (error := planning.start_date_error(start_date)):
            raise forms.ValidationError(error)
        if self.instance.pk:
            first = self.instance.meetings.order_by("date").first()
            if first and first.date < start_date:
                raise forms.ValidationError(
                    _(
                        "Den första träffen är %(date)s: startdatumet kan inte ligga "
                        "efter den. Flytta träffen först, eller välj ett tidigare datum."
                    )
                    % {"date": date_format(first.date, "j F Y")}
                )
        return start_date

    def clean(self):
        cleaned_data = super().clean()
        circle = self.instance
        if circle.pk and not cleaned_data.get("work_plan", "").strip():
            held = circle.status != CircleStatus.PLANNED or any(
                meeting.held for meeting in circle.meetings.all()
            )
            if held:
                self.add_error(
                    "work_plan",
                    _(
                        "Cirkeln har börjat, så arbetsplanen behövs: skriv vad ni "
                        "arbetar med och hur."
                    ),
                )
        return cleaned_data


class NewCircleForm(CircleForm):
    """Step 1 of starting a circle: its details, and what the meetings are proposed from."""

    first_start_time = forms.TimeField(
        label=_("Starttid för träffarna"),
        widget=TimeInput(),
        error_messages=TIME_ERRORS,
        initial=datetime.time(18, 0),
    )
    length_minutes = forms.IntegerField(
        label=_("Längd per träff (minuter)"),
        required=False,
        min_value=15,
        max_value=600,
        error_messages=LENGTH_ERRORS,
        help_text=_(
            "En studietimme är 45 minuter. Lämna tomt för att använda materialets "
            "förslag för varje träff."
        ),
    )
    meeting_count = forms.IntegerField(
        label=_("Antal träffar"),
        required=False,
        min_value=1,
        max_value=planning.MAX_MEETINGS,
        help_text=_("Minst 3 träffar och 9 studietimmar för att få statsbidrag."),
        error_messages={
            "invalid": _("Skriv antalet träffar med siffror."),
            "min_value": _("Skriv minst en träff."),
            "max_value": _("Skriv högst %(limit_value)s träffar."),
        },
    )

    def __init__(self, *args, module=None, **kwargs):
        self.module = module
        super().__init__(*args, **kwargs)
        if module is not None:
            del self.fields["meeting_count"]
        else:
            self.fields["length_minutes"].help_text = _(
                "En studietimme är 45 minuter; 135 minuter är 3 studietimmar."
            )
            self.fields["length_minutes"].initial = planning.DEFAULT_LENGTH_MINUTES
            self.fields["meeting_count"].initial = 3

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.module is None
            and not cleaned_data.get("meeting_count")
            and "meeting_count" not in self.errors
        ):
            self.add_error(
                "meeting_count", _("Skriv hur många träffar cirkeln ska ha.")
            )
        return cleaned_data

    def proposals(self, sessions):
        data = self.cleaned_data
        return planning.propose_meetings(
            data["start_date"],
            data["first_start_time"],
            sessions=sessions,
            count=data.get("meeting_count"),
            length=data.get("length_minutes"),
        )


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class MeetingForm(forms.ModelForm):
    """A meeting's date, time, length and the module's sessions it covers.

    `circle_start`: no meeting before the circle's start date. Two meetings on one day
    are allowed (Folkbildningsrådet counts at most three a week, which the report
    checks), but not two that start at the same time on the same day.
    """

    class Meta:
        model = Meeting
        formfield_callback = form_field
        fields = ["date", "start_time", "length_minutes", "sessions", "notes"]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "date": DATE_ERRORS,
            "start_time": TIME_ERRORS,
            "length_minutes": LENGTH_ERRORS,
        }

    def __init__(
        self, *args, sessions=(), circle_start=None, with_notes=True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.circle_start = circle_start
        session_ids = [s.pk for s in sessions]
        if session_ids:
            field = SessionChoiceField(
                queryset=self.fields["sessions"].queryset.filter(pk__in=session_ids),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=_("Träffar i materialet"),
                error_messages={
                    "invalid_choice": _("Välj bland materialets träffar."),
                },
            )
            # The module's sessions, read once for the whole formset.
            field.choices = [(s.pk, s.title) for s in sessions]
            self.fields["sessions"] = field
        else:
            del self.fields["sessions"]
        if not with_notes:
            del self.fields["notes"]
        self.fields["length_minutes"].help_text = _(
            "En studietimme är 45 minuter; högst 4 studietimmar (180 minuter) räknas "
            "per träff."
        )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if self.circle_start and date < self.circle_start:
            raise forms.ValidationError(
                _("Träffen kan inte ligga före cirkelns startdatum, %(date)s.")
                % {"date": date_format(self.circle_start, "j F Y")}
            )
        return date


class BaseMeetingPlanFormSet(forms.BaseFormSet):
    """The proposed meetings of a new circle, each editable, before anything is saved."""

    def __init__(self, *args, sessions=(), circle_start=None, **kwargs):
        self.sessions = list(sessions)
        self.circle_start = circle_start
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {
            "sessions": self.sessions,
            "circle_start": self.circle_start,
            "with_notes": False,
        }

    @property
    def empty_form(self):
        return self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            **self.get_form_kwargs(None),
        )

    def clean(self):
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        if not kept:
            raise forms.ValidationError(_("Planera minst en träff."))
        seen = set()
        for form in kept:
            key = (form.cleaned_data["date"], form.cleaned_data["start_time"])
            if key in seen:
                form.add_error(
                    "start_time",
                    _(
                        "En annan träff börjar samma dag och tid. Ändra tiden eller dagen."
                    ),
                )
            seen.add(key)
        if any(self.errors):
            raise forms.ValidationError(_("Två träffar börjar samma dag och tid."))

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]


MeetingPlanFormSet = forms.formset_factory(
    MeetingForm,
    formset=BaseMeetingPlanFormSet,
    extra=0,
    can_delete=True,
    max_num=planning.MAX_MEETINGS,
    validate_max=True,
)


class CircleMeetingForm(MeetingForm):
    """A meeting added or changed on the circle's page."""

    def __init__(self, *args, circle, **kwargs):
        self.circle = circle
        sessions = list(circle.module.sessions.all()) if circle.module_id else []
        super().__init__(
            *args, sessions=sessions, circle_start=circle.start_date, **kwargs
        )

    def clean(self):
        cleaned_data = super().clean()
        date, start_time = cleaned_data.get("date"), cleaned_data.get("start_time")
        if date and start_time:
            others = self.circle.meetings.filter(date=date, start_time=start_time)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error(
                    "start_time",
                    _(
                        "En annan träff börjar samma dag och tid. Ändra tiden eller dagen."
                    ),
                )
        return cleaned_data


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Ny status"),
        choices=CircleStatus.choices,
        error_messages={"invalid_choice": _("Välj en status i listan.")},
    )

    def __init__(self, *args, circle, **kwargs):
        self.circle = circle
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label)
            for value, label in CircleStatus.choices
            if value != circle.status
        ]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if error := planning.status_change_error(self.circle, status):
            raise forms.ValidationError(error)
        return status


class AddLeaderForm(forms.Form):
    who = forms.CharField(
        label=_("E-postadress eller användarnamn"),
        max_length=254,
        help_text=_("Den du lägger till måste redan ha ett konto som cirkelledare."),
        error_messages={"required": _("Skriv e-postadressen eller användarnamnet.")},
    )

    def __init__(self, *args, circle, **kwargs):
        self.circle = circle
        super().__init__(*args, **kwargs)

    def clean_who(self):
        who = self.cleaned_data["who"].strip()
        users = get_user_model().objects.filter(
            Q(email__iexact=who) | Q(username__iexact=who),
            is_active=True,
            groups__name=roles.CIRCLE_LEADER,
        )
        user = users.distinct().first()
        if user is None:
            raise forms.ValidationError(
                _(
                    "Det finns ingen cirkelledare med den e-postadressen eller det "
                    "användarnamnet. Be personen bli cirkelledare på webbplatsen först."
                )
            )
        if self.circle.leaders.filter(pk=user.pk).exists():
            raise forms.ValidationError(_("Hen leder redan cirkeln."))
        return user


def retention_days():
    return settings.PERSONAL_DATA_RETENTION_DAYS.get(
        "circle_participants", DEFAULT_RETENTION_DAYS
    )


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ParticipantForm(forms.ModelForm):
    """A participant: only what attendance and the rules need, each item saying why."""

    class Meta:
        model = Participant
        formfield_callback = form_field
        fields = [
            "name",
            "email",
            "phone",
            "organisation",
            "organisation_name",
            "birth_year",
        ]
        labels = {"organisation": _("Organisation i registret")}
        error_messages = {
            "name": {"required": _("Skriv deltagarens namn.")},
            "email": {"invalid": _("Skriv en e-postadress som namn@exempel.se.")},
            "organisation": {"invalid_choice": _("Välj en organisation i listan.")},
            "birth_year": {
                "invalid": _("Skriv födelseåret med fyra siffror, till exempel 1980."),
                "min_value": _("Skriv ett födelseår från %(limit_value)s."),
            },
        }

    def __init__(self, *args, circle, **kwargs):
        self.circle = circle
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = OrganisationChoiceField(
            queryset=Organisation.objects.filter(
                Q(municipality_id=circle.municipality_id)
                | Q(presences__municipality_id=circle.municipality_id)
            )
            .distinct()
            .order_by("name"),
            required=False,
            label=_("Organisation i registret"),
            empty_label=_("Ingen, eller skriv nedan"),
            error_messages={"invalid_choice": _("Välj en organisation i listan.")},
        )
        self.fields["birth_year"].widget.attrs["max"] = timezone.localdate().year
        self.fields["birth_year"].min_value = OLDEST_BIRTH_YEAR
        help_texts = {
            "name": _("För att pricka av närvaron vid träffarna."),
            "email": _(
                "Frivilligt. För att du ska kunna nå deltagaren om cirkeln, till "
                "exempel om en träff flyttas."
            ),
            "phone": _("Frivilligt. Av samma skäl som e-postadressen."),
            "organisation": _(
                "Frivilligt. Organisationer i %(kommun)s registret. Finns den inte "
                "där, skriv namnet i fältet nedan."
            )
            % {"kommun": _genitive(circle.municipality.name)},
            "organisation_name": _(
                "Frivilligt. Skriv organisationens namn om den inte finns i listan."
            ),
            "birth_year": _(
                "Frivilligt. Bara för regeln att deltagarna ska fylla minst 13 år "
                "under cirkelns år; vi sparar bara året."
            ),
        }
        for name, text in help_texts.items():
            self.fields[name].help_text = text
        self.fields["organisation_name"].label = _(
            "Organisation (om den inte finns i listan)"
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("organisation") and cleaned_data.get("organisation_name"):
            self.add_error(
                "organisation_name",
                _("Välj organisationen i listan eller skriv den, inte båda."),
            )
        return cleaned_data


def _genitive(name):
    return name if name.endswith(("s", "x", "z")) else f"{name}s"


class MoveParticipantForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Flytta till cirkeln"),
        queryset=StudyCircle.objects.none(),
        empty_label=_("Välj cirkel"),
        error_messages={
            "required": _("Välj cirkeln deltagaren ska flyttas till."),
            "invalid_choice": _("Välj en av cirklarna i listan."),
        },
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class CircleFilterForm(forms.Form):
    """The kansli's filter on Mina cirklar, which for them lists every circle."""

    q = forms.CharField(label=_("Namn eller kommun"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alla"))] + list(CircleStatus.choices),
    )
    association = forms.ModelChoiceField(
        label=_("Studieförbund"),
        required=False,
        queryset=StudyAssociation.objects.all(),
        empty_label=_("Alla"),
    )
    mine = forms.BooleanField(label=_("Bara cirklar jag leder"), required=False)
