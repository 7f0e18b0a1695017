"""Sign-in and password forms with the site's Swedish wording, behind the guard."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import auth as wagtail_auth_forms

from . import guard
from .tasks import send_email


class LoginForm(guard.GuardedForm, guard.LoginThrottle, auth_forms.AuthenticationForm):
    username = auth_forms.UsernameField(
        label=_("Användarnamn eller e-postadress"),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "Användarnamnet eller lösenordet stämmer inte. Tänk på att stora och små "
            "bokstäver räknas som olika."
        ),
        "inactive": _("Kontot är inte aktivt. Kontakta kansliet."),
    }


class PasswordResetForm(guard.GuardedForm, auth_forms.PasswordResetForm):
    """Asks for the address; the e-mail itself is sent by a background task."""

    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en giltig e-postadress, till exempel namn@example.se."),
        },
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        html_body = (
            render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        send_email.enqueue(subject, body, [to_email], from_email, html_body)


class SetPasswordForm(auth_forms.SetPasswordForm):
    def save(self, commit=True):
        user = super().save(commit)
        # Whoever can read the reset e-mail may sign in again at once.
        guard.forget_login_failures(user.get_username())
        return user


class AdminLoginForm(
    guard.GuardedForm, guard.LoginThrottle, wagtail_auth_forms.LoginForm
):
    """Wagtail's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM), throttled as the site's.

    No honeypot: Wagtail's template would show it as an ordinary field.
    """

    honeypot_name = None
    reset_view_name = "wagtailadmin_password_reset"


class AdminPasswordResetForm(guard.GuardedForm, wagtail_auth_forms.PasswordResetForm):
    """Wagtail's password reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM)."""

    honeypot_name = None


class PersonalDataLookupForm(forms.Form):
    """The address whose personal data the kansli looks up, exports or erases."""

    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Adressen som personen har använt på webbplatsen."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Skriv e-postadressen."),
            "invalid": _("Skriv en giltig e-postadress, till exempel namn@example.se."),
        },
    )


class PersonalDataErasureForm(PersonalDataLookupForm):
    """The confirmed erasure: the address, and what the kansli saw would go."""

    email = forms.EmailField(max_length=254, widget=forms.HiddenInput)
    expected = forms.CharField(widget=forms.HiddenInput, required=False)
