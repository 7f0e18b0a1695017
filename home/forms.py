"""Sign-in and password forms with the site's Swedish wording."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _


class LoginForm(auth_forms.AuthenticationForm):
    username = auth_forms.UsernameField(
        label=_("Användarnamn eller e-postadress"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "Användarnamnet eller lösenordet stämmer inte. Tänk på att stora och små "
            "bokstäver räknas som olika."
        ),
        "inactive": _("Kontot är inte aktivt. Kontakta kansliet."),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en giltig e-postadress, till exempel namn@example.se."),
        },
    )


class SetPasswordForm(auth_forms.SetPasswordForm):
    pass
