"""The site's roles. Each is a Django group, created by a migration with its admin permissions."""

from django.utils.translation import gettext_lazy as _

EDITOR = "Redaktör"
KANSLI = "Kansli"
CIRCLE_LEADER = "Cirkelledare"
MUNICIPAL_OFFICIAL = "Kommunhandläggare"

ROLES = {
    EDITOR: _("Publicerar principer, studiematerial, nyheter och möten."),
    KANSLI: _(
        "Kansliets medarbetare: skriver utkast, hanterar förfrågningar och ser rapporter."
    ),
    CIRCLE_LEADER: _("Leder studiecirklar och för närvaro."),
    MUNICIPAL_OFFICIAL: _("Håller sin kommuns uppgifter aktuella."),
}
