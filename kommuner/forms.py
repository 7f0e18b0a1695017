"""Forms for the kommun record and the organisations register, with Swedish messages."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import (
    IOPPartnership,
    Organisation,
    PolicyDocument,
    PolicyRecord,
    WorkArea,
    normalise_org_number,
)


def https_urls(db_field, **kwargs):
    """Form fields for a model, where an address typed without a scheme gets https://."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PolicyRecordForm(forms.ModelForm):
    class Meta:
        model = PolicyRecord
        formfield_callback = https_urls
        fields = [
            "agreement_status",
            "agreement_year",
            "agreement_url",
            "agreement_parties",
            "mapping_status",
            "mapping_date",
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "mapping_date": DateInput(),
            "agreement_parties": forms.Textarea(attrs={"rows": 3}),
        }


class IOPPartnershipForm(forms.ModelForm):
    class Meta:
        model = IOPPartnership
        formfield_callback = https_urls
        fields = ["partner_name", "area", "start_year", "end_year", "url"]


class PolicyDocumentForm(forms.ModelForm):
    class Meta:
        model = PolicyDocument
        formfield_callback = https_urls
        fields = ["title", "document_type", "adopted_on", "revised_on", "url"]
        widgets = {"adopted_on": DateInput(), "revised_on": DateInput()}


def record_formset(model, form):
    return forms.inlineformset_factory(
        PolicyRecord,
        model,
        form=form,
        fk_name="record",
        extra=1,
        can_delete=True,
        can_delete_extra=False,
    )


PartnershipFormSet = record_formset(IOPPartnership, IOPPartnershipForm)
PolicyDocumentFormSet = record_formset(PolicyDocument, PolicyDocumentForm)


class OrganisationForm(forms.ModelForm):
    areas = forms.MultipleChoiceField(
        label=_("Verksamhetsområden"),
        choices=WorkArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        formfield_callback = https_urls
        fields = [
            "name",
            "org_number",
            "form",
            "areas",
            "website",
            "email",
            "signed_national_agreement",
            "cooperation_decision",
        ]
        error_messages = {
            "name": {"required": _("Skriv organisationens namn.")},
            "org_number": {"required": _("Skriv organisationsnumret.")},
            "form": {"required": _("Välj organisationsform.")},
        }

    def clean_org_number(self):
        return normalise_org_number(self.cleaned_data["org_number"].strip())
