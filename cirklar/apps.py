from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CirklarConfig(AppConfig):
    name = "cirklar"
    verbose_name = _("Studiecirklar")

    def ready(self):
        from home import cache

        from . import models, personal_data

        # What visitors see of a circle: Hitta en studiecirkel, the kommun pages and
        # the module pages list circles, their studieförbund and their next meetings.
        cache.register_kind(
            models.CONTENT_KIND,
            models.StudyAssociation,
            models.StudyCircle,
            models.Meeting,
            models.Meeting.sessions.through,
        )
        # Shown to the circle's leaders and the kansli only.
        cache.register_private(
            models.StudyCircle.leaders.through,
            models.Participant,
            models.Attendance,
            models.InterestRequest,
            models.LeaderProfile,
            models.Meeting.absent_leaders.through,
        )
        personal_data.register()
