from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KommunerConfig(AppConfig):
    name = "kommuner"
    verbose_name = _("Kommuner och regioner")

    def ready(self):
        from home import cache

        from . import models, personal_data

        cache.register_kind(
            models.CONTENT_KIND,
            models.County,
            models.Municipality,
            models.PostalCode,
            models.PolicyRecord,
            models.IOPPartnership,
            models.PolicyDocument,
            models.Organisation,
            # Which kommuner an organisation is active in: the kommun pages list it.
            models.OrganisationPresence,
        )
        # Which accounts are a kommun's officials: shown only in Min kommun and the admin.
        cache.register_private(models.Municipality.officials.through)

        personal_data.register()
