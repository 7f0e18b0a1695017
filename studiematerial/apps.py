from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudiematerialConfig(AppConfig):
    name = "studiematerial"
    verbose_name = _("Studiematerial")
