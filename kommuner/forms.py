"""Forms for the kommun record and the organisations register, with Swedish messages."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import (
    IOPPartnership,
    Organisation,
    PolicyDocument,
    PolicyRecord,
    WorkArea,
    normalise_org_number,
    presence_refusal,
)


def form_field(db_field, **kwargs):
    """A model field's form field, as the server will judge what is typed in it.

    An address typed without a scheme gets https://; a number field gets the limits of
    the model's MinValueValidator and MaxValueValidator, so that the input's min and
    max in the HTML are the ones the server checks (a year from 2008, not from 0).
    """
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if isinstance(db_field, models.IntegerField) and not db_field.choices:
        for validator in db_field.validators:
            if isinstance(validator, MinValueValidator):
                kwargs.setdefault("min_value", validator.limit_value)
            elif isinstance(validator, MaxValueValidator):
                kwargs.setdefault("max_value", validator.limit_value)
    return db_field.formfield(**kwargs)


#: Messages for a year field, whose limits are its model validators (year_validators).
YEAR_ERRORS = {
    "invalid": _("Skriv året med fyra siffror, till exempel 2021."),
    "min_value": _("Skriv ett år från %(limit_value)s och framåt."),
    "max_value": _("Skriv ett år till och med %(limit_value)s."),
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PolicyRecordForm(forms.ModelForm):
    class Meta:
        model = PolicyRecord
        formfield_callback = form_field
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
        error_messages = {"agreement_year": YEAR_ERRORS}


class IOPPartnershipForm(forms.ModelForm):
    class Meta:
        model = IOPPartnership
        formfield_callback = form_field
        fields = ["partner_name", "area", "start_year", "end_year", "url"]
        error_messages = {
            "partner_name": {"required": _("Skriv den idéburna partnerns namn.")},
            "area": {"required": _("Skriv vad partnerskapet gäller.")},
            "start_year": {**YEAR_ERRORS, "required": _("Skriv året då det började.")},
            "end_year": YEAR_ERRORS,
        }


class PolicyDocumentForm(forms.ModelForm):
    class Meta:
        model = PolicyDocument
        formfield_callback = form_field
        fields = ["title", "document_type", "adopted_on", "revised_on", "url"]
        widgets = {"adopted_on": DateInput(), "revised_on": DateInput()}
        error_messages = {"title": {"required": _("Skriv dokumentets titel.")}}


class RecordFormSet(forms.BaseInlineFormSet):
    """The rows of a record's list (IOPs, documents), named for the page and its summary.

    `heading` names the list; a row is named by what it holds, or `new_label` while
    it is new. The error summary (home's error_summary_items) lists each row's errors
    under those names.
    """

    heading = ""
    new_label = ""


def record_formset(model, form, heading, new_label):
    formset = forms.inlineformset_factory(
        PolicyRecord,
        model,
        form=form,
        formset=RecordFormSet,
        fk_name="record",
        extra=1,
        can_delete=True,
        can_delete_extra=False,
    )
    formset.heading, formset.new_label = heading, new_label
    return formset


PartnershipFormSet = record_formset(
    IOPPartnership,
    IOPPartnershipForm,
    heading=_("IOP – idéburna offentliga partnerskap"),
    new_label=_("Nytt partnerskap"),
)
PolicyDocumentFormSet = record_formset(
    PolicyDocument,
    PolicyDocumentForm,
    heading=_("Policydokument och riktlinjer"),
    new_label=_("Nytt dokument"),
)


class OrganisationForm(forms.ModelForm):
    areas = forms.MultipleChoiceField(
        label=_("Verksamhetsområden"),
        choices=WorkArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        formfield_callback = form_field
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

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The kommun whose register the form is for, to say where a number is taken.
        self.municipality = municipality
        #: The organisation that already has the number typed, if any.
        self.existing_organisation = None

    def clean_org_number(self):
        number = normalise_org_number(self.cleaned_data["org_number"].strip())
        existing = self.organisation_with_number(number)
        if existing is not None:
            self.existing_organisation = existing
            raise forms.ValidationError(
                taken_message(existing, self.municipality), code="unique"
            )
        return number

    def organisation_with_number(self, number):
        """Another organisation with this number, or None (one query)."""
        others = Organisation.objects.filter(org_number=number).select_related(
            "municipality"
        )
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        return others.first()


def taken_message(organisation, municipality):
    """Where an organisation number is already registered, for the form that has it typed."""
    if municipality is not None and organisation.municipality_id == municipality.pk:
        return _("Organisationen finns redan i registret för %(kommun)s: %(name)s.") % {
            "kommun": municipality.name,
            "name": organisation.name,
        }
    if organisation.municipality is None:
        return _("Organisationen finns redan som nationell organisation: %(name)s.") % {
            "name": organisation.name
        }
    return _("Organisationen finns redan i %(kommun)s (hemkommun): %(name)s.") % {
        "kommun": organisation.municipality.name,
        "name": organisation.name,
    }


class MarkActiveForm(forms.Form):
    """Mark an organisation with another home kommun (or none) as active in this kommun."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.select_related("municipality"),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Välj en organisation."),
            "invalid_choice": _("Organisationen finns inte längre i registret."),
        },
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        refusal = presence_refusal(organisation, self.municipality)
        if refusal:
            raise forms.ValidationError(refusal, code="refused")
        return organisation
