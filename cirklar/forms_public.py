"""The visitors' forms: the filters of Hitta en studiecirkel and the intresseanmälan."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home import guard
from kommuner.models import County, Municipality
from kommuner.models.pages import PostalCodeForm
from studiematerial.models import StudyModulePage

from .models import InterestRequest, StudyAssociation
from .public import Filters

#: Days an interest request is kept at most (the personal-data register's rule).
DEFAULT_RETENTION_DAYS = 180


def retention_days():
    return settings.PERSONAL_DATA_RETENTION_DAYS.get(
        "interest_requests", DEFAULT_RETENTION_DAYS
    )


class CircleFilterForm(forms.Form):
    """A GET form: every field optional, a bad value reported and left out."""

    postnummer = forms.CharField(
        label=_("Postnummer"),
        required=False,
        help_text=_("Visar cirklarna i den kommun postnumret hör till."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "postal-code",
                "maxlength": "10",
                "size": "8",
            }
        ),
    )
    kommun = forms.ChoiceField(label=_("Kommun"), required=False)
    lan = forms.ChoiceField(label=_("Län"), required=False)
    studieforbund = forms.ChoiceField(label=_("Studieförbund"), required=False)
    material = forms.TypedChoiceField(
        label=_("Studiematerial"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = None
        self.fields["kommun"].choices = [("", _("Alla kommuner"))] + list(
            Municipality.objects.order_by("name").values_list("slug", "name")
        )
        self.fields["lan"].choices = [("", _("Alla län"))] + list(
            County.objects.order_by("name").values_list("slug", "name")
        )
        self.fields["studieforbund"].choices = [("", _("Alla studieförbund"))] + list(
            StudyAssociation.objects.order_by("name").values_list("slug", "name")
        )
        self.fields["material"].choices = [("", _("Alla studiematerial"))] + list(
            StudyModulePage.objects.live().order_by("title").values_list("pk", "title")
        )

    def clean_postnummer(self):
        value = self.cleaned_data["postnummer"].strip()
        if not value:
            return ""
        # The kommuner app's lookup, with its Swedish messages.
        lookup = PostalCodeForm({"postnummer": value})
        if not lookup.is_valid():
            raise forms.ValidationError(lookup.errors["postnummer"])
        self.municipality = lookup.postal_code.municipality
        return lookup.cleaned_data["postnummer"]

    def filters(self):
        """What to filter by: the valid fields (a bad one is reported, not applied)."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = self.cleaned_data
        kommun = data.get("kommun", "")
        if self.municipality is not None:
            kommun = self.municipality.slug
        return Filters(
            kommun=kommun,
            lan=data.get("lan", ""),
            studieforbund=data.get("studieforbund", ""),
            material=data.get("material"),
        )

    def is_filtered(self):
        filters = self.filters()
        return any(
            (filters.kommun, filters.lan, filters.studieforbund, filters.material)
        )


class InterestForm(guard.GuardedForm, forms.ModelForm):
    class Meta:
        model = InterestRequest
        fields = ["name", "email", "message"]
        labels = {
            "name": _("Ditt namn"),
            "email": _("Din e-postadress"),
            "message": _("Meddelande till cirkelledaren"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {"required": _("Skriv ditt namn.")},
            "email": {
                "required": _("Skriv din e-postadress, så att ledaren kan svara dig."),
                "invalid": _(
                    "Skriv en giltig e-postadress, till exempel namn@example.se."
                ),
            },
            "message": {
                "max_length": _("Skriv högst %(limit_value)d tecken."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _(
            "Så att cirkelledaren vet vem som hör av sig."
        )
        self.fields["email"].help_text = _(
            "Så att cirkelledaren kan svara dig. Du får också en bekräftelse dit."
        )
        self.fields["message"].help_text = _(
            "Frivilligt. Till exempel varför du vill vara med eller en fråga."
        )
