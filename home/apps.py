from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Webbplatsen")

    def ready(self):
        from . import cache, models, personal_data_kinds

        cache.connect_invalidation_signals()
        # The log of erasures: shown only in the admin.
        cache.register_private(models.ErasureLog)
        personal_data_kinds.register()
