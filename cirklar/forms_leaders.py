"""The leaders' sign-up and resend forms (behind the guard), and the admin's invitation."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from home import guard

from .models import StudyAssociation

NAME_MAX_LENGTH = 150

EMAIL_ERRORS = {
    "required": _("Skriv din e-postadress."),
    "invalid": _("Skriv en giltig e-postadress, till exempel namn@example.se."),
    "max_length": _("Skriv högst %(limit_value)d tecken."),
}


def association_field(**kwargs):
    return forms.ModelChoiceField(
        label=_("Studieförbund"),
        queryset=StudyAssociation.objects.filter(state_funded=True),
        empty_label=_("Välj studieförbund"),
        error_messages={
            "required": _("Välj ditt studieförbund."),
            "invalid_choice": _(
                "Välj ett studieförbund i listan. Bara studieförbund som får "
                "statsbidrag kan väljas."
            ),
        },
        **kwargs,
    )


def name_field(**kwargs):
    return forms.CharField(
        label=_("Namn"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Skriv ditt namn."),
            "max_length": _("Skriv högst %(limit_value)d tecken."),
        },
        **kwargs,
    )


class SignUpForm(guard.GuardedForm):
    """Who is signing up, and why each item is asked (the help texts)."""

    name = name_field(
        help_text=_(
            "Visas för kansliet och för ditt studieförbund, och som ledare på dina "
            "cirklars närvarolistor."
        )
    )
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_ERRORS,
        help_text=_(
            "Du loggar in med den, och vi skickar en länk dit för att bekräfta att den "
            "är din. Besökares intresseanmälningar till dina cirklar skickas också dit."
        ),
    )
    association = association_field(
        help_text=_(
            "Studieförbundet som dina cirklar hör till. Det behövs för rapporten som "
            "ligger till grund för statsbidraget."
        )
    )
    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Välj ett lösenord.")},
    )
    password2 = forms.CharField(
        label=_("Lösenordet igen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Skriv lösenordet en gång till.")},
        help_text=_("Samma lösenord en gång till, så att det inte blir fel."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the language of the request, not of the import.
        self.fields[
            "password1"
        ].help_text = password_validation.password_validators_help_text_html()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Skriv ditt namn."), code="required")
        return name

    def clean(self):
        cleaned_data = super().clean()
        password1 = cleaned_data.get("password1")
        password2 = cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2",
                forms.ValidationError(
                    _("Lösenorden är inte likadana. Skriv samma lösenord två gånger."),
                    code="password_mismatch",
                ),
            )
        elif password1:
            first_name, _sep, last_name = cleaned_data.get("name", "").rpartition(" ")
            # An unsaved account: what the validators compare the password with.
            probe = get_user_model()(
                username=cleaned_data.get("email", ""),
                email=cleaned_data.get("email", ""),
                first_name=first_name,
                last_name=last_name,
            )
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data


class ResendForm(guard.GuardedForm):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_ERRORS,
        help_text=_("Adressen du skrev när du anmälde dig som cirkelledare."),
    )


class InvitationForm(forms.Form):
    """The admin's invitation of a leader (the admin's template: no honeypot)."""

    name = name_field()
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        error_messages={
            "required": _("Skriv e-postadressen."),
            "invalid": EMAIL_ERRORS["invalid"],
        },
        help_text=_("Dit skickas en länk där ledaren väljer sitt lösenord."),
    )
    association = association_field()

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        from . import leaders

        email = self.cleaned_data["email"]
        if leaders.email_taken(email):
            raise forms.ValidationError(
                _(
                    "Det finns redan ett konto med den e-postadressen. Ge det "
                    "cirkelledarrollen under Inställningar › Användare i stället."
                ),
                code="taken",
            )
        return email
