"""Län and kommuner (reference data from a migration), and the postal codes that lead to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

#: The kind of public content the app's models are (home.cache): a write to any of them
#: refreshes the cached pages that show kommuner, and only those.
CONTENT_KIND = "kommuner"


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
