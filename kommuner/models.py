"""Län and kommuner, their local policy records, and the register of idéburna organisations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.se import orgnr

FIRST_YEAR = 2008  # the national agreement


def year_validators():
    return [MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]


class County(models.Model):
    """A län, and the region that works in it."""

    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    short_name = models.CharField(_("kort namn"), max_length=100)
    slug = models.SlugField(_("adressnamn"), unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self):
        return self.name


class Municipality(index.Indexed, models.Model):
    code = models.CharField(_("kommunkod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    slug = models.SlugField(_("adressnamn"), unique=True)
    officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kommunhandläggare"),
        blank=True,
        related_name="municipalities",
        help_text=_(
            "Konton som får hålla kommunens uppgifter och organisationer aktuella."
        ),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = [FieldPanel("officials")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name


class PostalCode(models.Model):
    code = models.CharField(_("postnummer"), max_length=5, primary_key=True)
    locality = models.CharField(_("postort"), max_length=100)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="postal_codes"
    )

    class Meta:
        verbose_name = _("postnummer")
        verbose_name_plural = _("postnummer")

    def __str__(self):
        return f"{self.code[:3]} {self.code[3:]} {self.locality}"


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


class LegalForm(models.TextChoices):
    """The legal forms an idéburen organisation can have (its `form` field)."""

    NON_PROFIT = "ideell_forening", _("Ideell förening")
    FOUNDATION = "stiftelse", _("Stiftelse")
    FAITH = "trossamfund", _("Trossamfund")
    COOPERATIVE = "ekonomisk_forening", _("Ekonomisk förening")
    NON_PROFIT_COMPANY = (
        "aktiebolag_sarskild_vinstutdelning",
        _("Aktiebolag med särskild vinstutdelningsbegränsning"),
    )
    OTHER = "annan", _("Annan")


class WorkArea(models.TextChoices):
    CHILDREN = "barn_och_unga", _("Barn och unga")
    ELDERLY = "aldre", _("Äldre")
    DISABILITY = "funktionsnedsattning", _("Funktionsnedsättning")
    ADDICTION = "beroende", _("Missbruk och beroende")
    VIOLENCE = "vald_i_nara_relationer", _("Våld i nära relationer")
    HOMELESSNESS = "hemloshet", _("Hemlöshet")
    INTEGRATION = "integration", _("Integration och etablering")
    WORK = "arbetsintegration", _("Arbetsintegration")
    MENTAL_HEALTH = "psykisk_halsa", _("Psykisk hälsa")
    LEISURE = "fritid_och_kultur", _("Fritid och kultur")
    PUBLIC_HEALTH = "folkhalsa", _("Folkhälsa")
    OTHER = "annat", _("Annat")


def validate_org_number(value):
    try:
        orgnr.validate(value)
    except StdnumValidationError as exc:
        raise ValidationError(
            _(
                "%(value)s är inte ett giltigt organisationsnummer (tio siffror, NNNNNN-NNNN)."
            ),
            params={"value": value},
            code="invalid_org_number",
        ) from exc


def normalise_org_number(value):
    """The canonical form NNNNNN-NNNN, or the input unchanged if it is not a number at all."""
    try:
        return orgnr.format(orgnr.validate(value))
    except StdnumValidationError:
        return value


class OrganisationQuerySet(models.QuerySet):
    def national(self):
        return self.filter(municipality__isnull=True)


class Organisation(index.Indexed, models.Model):
    """An idéburen organisation, local (tied to a kommun) or national (no kommun)."""

    name = models.CharField(_("namn"), max_length=250)
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        unique=True,
        validators=[validate_org_number],
        help_text=_("Tio siffror, till exempel 802002-4280."),
        error_messages={
            "unique": _("Det finns redan en organisation med det organisationsnumret.")
        },
    )
    form = models.CharField(
        _("organisationsform"), max_length=40, choices=LegalForm.choices
    )
    areas = models.JSONField(_("verksamhetsområden"), default=list, blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    email = models.EmailField(
        _("e-post"), blank=True, help_text=_("En allmän adress som får visas öppet.")
    )
    signed_national_agreement = models.BooleanField(
        _("har anslutit sig till den nationella överenskommelsen"), default=False
    )
    cooperation_decision = models.BooleanField(
        _("har beslut om samverkan"), default=False
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("Lämna tomt för en nationell organisation."),
    )
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("municipality"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.org_number = normalise_org_number(self.org_number)
        super().save(*args, **kwargs)

    @property
    def owner_municipality(self):
        return self.municipality

    def get_areas_display(self):
        labels = dict(WorkArea.choices)
        return [labels[key] for key in self.areas if key in labels]


from .pages import KommunIndexPage  # noqa: E402,F401  (page models live in pages.py)
