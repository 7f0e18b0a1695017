"""Planning a circle, without HTTP: the meetings proposed for a new circle, and the
rules for changing a circle's status.

A circle that follows a study module gets one meeting proposed per session of the
module, weekly from the start date, each as long as the session suggests; a circle
with a free topic gets the number of meetings the leader asks for. The leader edits
every proposal before anything is saved.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CircleStatus

DEFAULT_LENGTH_MINUTES = 135
MAX_MEETINGS = 52
#: How far back a new circle's start date may lie (a circle entered afterwards).
MAX_DAYS_IN_THE_PAST = 365


@dataclass
class Proposal:
    date: datetime.date
    start_time: datetime.time
    length_minutes: int
    session_ids: list = field(default_factory=list)

    def as_initial(self):
        return {
            "date": self.date,
            "start_time": self.start_time,
            "length_minutes": self.length_minutes,
            "sessions": list(self.session_ids),
        }


def propose_meetings(start_date, start_time, *, sessions=None, count=None, length=None):
    """Weekly meetings from start_date: one per session (each as long as it suggests,
    or `length`), or `count` meetings of `length` minutes for a free topic."""
    if sessions:
        return [
            Proposal(
                date=start_date + datetime.timedelta(weeks=week),
                start_time=start_time,
                length_minutes=length or session.length_minutes,
                session_ids=[session.pk],
            )
            for week, session in enumerate(sessions)
        ]
    return [
        Proposal(
            date=start_date + datetime.timedelta(weeks=week),
            start_time=start_time,
            length_minutes=length or DEFAULT_LENGTH_MINUTES,
        )
        for week in range(min(count or 0, MAX_MEETINGS))
    ]


def start_date_error(start_date, today=None):
    """A Swedish error for a new circle's start date, or None."""
    today = today or timezone.localdate()
    if start_date < today - datetime.timedelta(days=MAX_DAYS_IN_THE_PAST):
        return _(
            "Startdatumet ligger mer än ett år bakåt i tiden. Kontrollera året; en "
            "cirkel som redan är över rapporteras direkt till studieförbundet."
        )
    if start_date > today + datetime.timedelta(days=2 * 365):
        return _("Startdatumet ligger mer än två år fram i tiden. Kontrollera året.")
    return None


def work_plan_missing(circle):
    """A Swedish error if the circle has no arbetsplan yet, or None.

    Folkbildningsrådet asks for the plan before the first meeting: the circle cannot
    start (status pågår), nor have its attendance taken, without it.
    """
    if circle.work_plan.strip():
        return None
    return _(
        "Skriv cirkelns arbetsplan först: vad ni ska arbeta med och hur. Den krävs "
        "innan den första träffen hålls. Du skriver den under Ändra uppgifter."
    )


def status_change_error(circle, new_status):
    """A Swedish error if the circle cannot change to new_status now, or None."""
    if new_status == circle.status:
        return _("Cirkeln har redan den statusen.")
    if new_status == CircleStatus.RUNNING:
        return work_plan_missing(circle)
    return None


def apply_status(circle, new_status):
    """Set the status (and when the circle finished); the caller saves."""
    circle.status = new_status
    if new_status in (CircleStatus.FINISHED, CircleStatus.ARCHIVED):
        circle.finished_at = circle.finished_at or timezone.now()
    else:
        circle.finished_at = None
