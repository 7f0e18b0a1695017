from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Webbplatsen")

    def ready(self):
        from . import cache, personal_data_kinds

        cache.connect_invalidation_signals()
        personal_data_kinds.register()
