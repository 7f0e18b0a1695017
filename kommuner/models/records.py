"""How the agreement lives in each kommun and region: the policy record, its IOPs and documents."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin

from .places import County, Municipality

FIRST_YEAR = 2008  # the national agreement


def year_validators():
    return [MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]


class AgreementStatus(models.TextChoices):
    MISSING = "saknas", _("Saknas")
    IN_DIALOGUE = "dialog", _("Dialog pågår")
    ADOPTED = "antagen", _("Antagen")
    REVISED = "reviderad", _("Reviderad")


class MappingStatus(models.TextChoices):
    NOT_STARTED = "ej_paborjad", _("Inte påbörjad")
    IN_PROGRESS = "pagar", _("Pågår")
    DONE = "klar", _("Klar")


class PolicyRecord(RevisionMixin, ClusterableModel):
    """How the agreement lives in one kommun or one region. Every saved change is a revision."""

    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="record",
    )
    county = models.OneToOneField(
        County,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="record",
    )
    agreement_status = models.CharField(
        _("lokal överenskommelse"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.MISSING,
    )
    agreement_year = models.PositiveSmallIntegerField(
        _("år antagen eller reviderad"),
        null=True,
        blank=True,
        validators=year_validators(),
    )
    agreement_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agreement_url = models.URLField(_("länk till överenskommelsen"), blank=True)
    agreement_parties = models.TextField(
        _("parter"),
        blank=True,
        help_text=_("Vilka som står bakom den lokala överenskommelsen."),
    )
    mapping_status = models.CharField(
        _("kartläggning av lokala organisationer"),
        max_length=20,
        choices=MappingStatus.choices,
        default=MappingStatus.NOT_STARTED,
    )
    mapping_date = models.DateField(_("kartläggningens datum"), null=True, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_title = models.CharField(_("titel"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("agreement_status"),
                FieldPanel("agreement_year"),
                FieldPanel("agreement_document"),
                FieldPanel("agreement_url"),
                FieldPanel("agreement_parties"),
            ],
            heading=_("Lokal överenskommelse"),
        ),
        InlinePanel("partnerships", heading=_("IOP – idéburna offentliga partnerskap")),
        InlinePanel("policy_documents", heading=_("Policydokument och riktlinjer")),
        FieldRowPanel(
            [FieldPanel("mapping_status"), FieldPanel("mapping_date")],
            heading=_("Kartläggning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_title"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Kontaktperson"),
        ),
    ]

    class Meta:
        verbose_name = _("lokal uppföljning")
        verbose_name_plural = _("lokal uppföljning")
        constraints = [
            models.CheckConstraint(
                condition=(Q(municipality__isnull=False) & Q(county__isnull=True))
                | (Q(municipality__isnull=True) & Q(county__isnull=False)),
                name="record_for_exactly_one_kommun_or_region",
            )
        ]

    def __str__(self):
        if self.municipality_id:
            return str(self.municipality)
        return str(self.county)

    @property
    def owner_municipality(self):
        return self.municipality

    def clean(self):
        super().clean()
        if (
            self.agreement_status in (AgreementStatus.ADOPTED, AgreementStatus.REVISED)
            and not self.agreement_year
        ):
            raise ValidationError(
                {
                    "agreement_year": _(
                        "Ange året då överenskommelsen antogs eller reviderades."
                    )
                }
            )


class IOPPartnership(Orderable):
    record = ParentalKey(
        PolicyRecord, on_delete=models.CASCADE, related_name="partnerships"
    )
    partner_name = models.CharField(_("idéburen partner"), max_length=200)
    area = models.CharField(
        _("område"),
        max_length=200,
        help_text=_("Till exempel kvinnojour eller arbetsintegration."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("startår"), validators=year_validators()
    )
    end_year = models.PositiveSmallIntegerField(
        _("slutår"), null=True, blank=True, validators=year_validators()
    )
    url = models.URLField(_("länk"), blank=True)

    panels = [
        FieldPanel("partner_name"),
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("IOP")
        verbose_name_plural = _("IOP")

    def __str__(self):
        return f"{self.partner_name} ({self.area})"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("Slutåret kan inte vara före startåret.")}
            )


class PolicyDocumentType(models.TextChoices):
    POLICY = "policy", _("Policy")
    GUIDELINE = "riktlinje", _("Riktlinje")
    PROGRAM = "program", _("Program")
    ACTION_PLAN = "handlingsplan", _("Handlingsplan")
    OTHER = "annat", _("Annat")


class PolicyDocument(Orderable):
    record = ParentalKey(
        PolicyRecord, on_delete=models.CASCADE, related_name="policy_documents"
    )
    title = models.CharField(_("titel"), max_length=250)
    document_type = models.CharField(
        _("typ"),
        max_length=20,
        choices=PolicyDocumentType.choices,
        default=PolicyDocumentType.POLICY,
    )
    adopted_on = models.DateField(_("antagen"), null=True, blank=True)
    revised_on = models.DateField(_("senast reviderad"), null=True, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("länk"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("document_type"),
        FieldRowPanel([FieldPanel("adopted_on"), FieldPanel("revised_on")]),
        FieldPanel("document"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("policydokument")
        verbose_name_plural = _("policydokument")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.adopted_on and self.revised_on and self.revised_on < self.adopted_on:
            raise ValidationError(
                {"revised_on": _("Revideringen kan inte vara före antagandet.")}
            )
