"""The register of idéburna organisations, local (in a kommun) or national.

An organisation has one home kommun (`municipality`), whose officials edit it, or none
(a national organisation, the kansli's). Officials of other kommuner may mark it as
active in their kommun too (`OrganisationPresence`): a link, which puts it on their
kommun's lists without letting them change it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.se import orgnr

from .places import Municipality


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
    """Ten digits whose last is the Luhn check digit; a wrong check digit said as such.

    Someone who typed NNNNNN-NNNN and got one digit wrong needs to hear that a digit
    is wrong, not how the number is written.
    """
    try:
        orgnr.validate(value)
    except InvalidChecksum as exc:
        raise ValidationError(
            _(
                "Kontrollsiffran stämmer inte i %(value)s: den sista siffran passar "
                "inte ihop med de nio före, så någon siffra är fel. Kontrollera numret."
            ),
            params={"value": value},
            code="org_number_checksum",
        ) from exc
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


# Å, Ä and Ö sort after Z, in that order; the database's binary order puts Ä before Å.
_SWEDISH_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}", "é": "e", "ü": "y"})
#: Longest sort name kept: every name of Latin letters, whole.
SORT_NAME_LENGTH = 1000


def swedish_sort_key(text):
    return text.lower().translate(_SWEDISH_ORDER)


def sort_name(name):
    """swedish_sort_key(name) as the hex of its UTF-8, for the database to order by.

    UTF-8 bytes order as the code points do, and hex digits order the same in every
    collation, so the database's order is Python's, whatever collation it uses.
    """
    return swedish_sort_key(name).encode().hex()[:SORT_NAME_LENGTH]


class OrganisationQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        # bulk_create skips save(), which keeps the sort name.
        objs = list(objs)
        for organisation in objs:
            organisation.sort_name = sort_name(organisation.name)
        return super().bulk_create(objs, *args, **kwargs)

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
    active_in = models.ManyToManyField(
        Municipality,
        verbose_name=_("verksam också i"),
        through="OrganisationPresence",
        related_name="active_organisations",
        blank=True,
        # Marked and unmarked in Min kommun by the kommun's officials (or the kansli),
        # never in the organisation's own form: that is its home kommun's.
        editable=False,
        help_text=_(
            "Kommuner utöver hemkommunen där organisationen är verksam, markerade av "
            "de kommunernas handläggare."
        ),
    )
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)
    # The name in Swedish order (sort_name()), so that a kommun's register is paged by
    # the database instead of sorting every name to show a hundred.
    sort_name = models.CharField(
        max_length=SORT_NAME_LENGTH, editable=False, default=""
    )

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("municipality"),
    ]

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(
                fields=["municipality", "sort_name"], name="kommuner_org_sort_idx"
            )
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.org_number = normalise_org_number(self.org_number)
        self.sort_name = sort_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        adding = self._state.adding
        super().save(*args, **kwargs)
        if (
            not adding
            and self.municipality_id
            and (update_fields is None or "municipality" in update_fields)
        ):
            # Never active "also" in its own home kommun (the kansli may move it there).
            self.presences.filter(municipality_id=self.municipality_id).delete()

    @property
    def owner_municipality(self):
        return self.municipality

    def get_areas_display(self):
        # Only the areas the organisation has: building every choice's label for each
        # of a page's hundred organisations cost more than the rest of its row.
        members = WorkArea._value2member_map_
        return [members[key].label for key in self.areas if key in members]


class OrganisationPresence(models.Model):
    """An organisation marked as active in a kommun that is not its home kommun.

    Made by an official of that kommun (or the kansli), who may also remove it again;
    it gives no right to change the organisation, which stays its home kommun's.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="presences",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.CASCADE,
        related_name="organisation_presences",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("markerad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("markerad"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "organisation"],
                name="kommuner_presence_once_per_kommun",
            )
        ]
        verbose_name = _("verksam i kommun")
        verbose_name_plural = _("verksam i kommuner")

    def __str__(self):
        return f"{self.organisation} – {self.municipality}"

    @property
    def owner_municipality(self):
        # The kommun whose list it is on: its officials may remove it from there.
        return self.municipality


def presence_refusal(organisation, municipality):
    """Why `organisation` cannot be marked as active in `municipality`, or None if it can."""
    if organisation.municipality_id == municipality.pk:
        return _("%(name)s har redan %(kommun)s som hemkommun.") % {
            "name": organisation.name,
            "kommun": municipality.name,
        }
    if OrganisationPresence.objects.filter(
        organisation=organisation, municipality=municipality
    ).exists():
        return _("%(name)s är redan markerad som verksam i %(kommun)s.") % {
            "name": organisation.name,
            "kommun": municipality.name,
        }
    return None
