"""One circle's facts, read from the database in a bounded number of queries.

`circle_facts(circle)` reads the circle's participants, leaders, meetings and
attendance once (five queries whatever their number) and gives them to the leader's
views in the shapes they need: who was at which meeting, each meeting's study hours,
and the plain input of Folkbildningsrådet's rules (rules_folkbildning) with its
results. Leaders count as participants and are present unless marked absent.
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property

from . import rules_folkbildning as folkbildning
from .models import Attendance, CircleStatus

FINISHED_STATUSES = (CircleStatus.FINISHED, CircleStatus.ARCHIVED)


def participant_key(participant_id):
    return f"p{participant_id}"


def leader_key(user_id):
    return f"l{user_id}"


def leader_name(user):
    return user.get_full_name() or user.username


@dataclass
class CircleFacts:
    circle: object
    participants: list
    leaders: list
    meetings: list
    #: (meeting id, participant id) → present, for the participants' saved ticks.
    attendance: dict = field(default_factory=dict)
    #: meeting id → the ids of the leaders marked absent.
    absent_leaders: dict = field(default_factory=dict)

    def is_present(self, meeting, participant):
        return self.attendance.get((meeting.pk, participant.pk), False)

    def leader_present(self, meeting, leader):
        return leader.pk not in self.absent_leaders.get(meeting.pk, ())

    def present_keys(self, meeting):
        keys = {
            participant_key(p.pk)
            for p in self.participants
            if self.is_present(meeting, p)
        }
        keys.update(
            leader_key(u.pk) for u in self.leaders if self.leader_present(meeting, u)
        )
        return frozenset(keys)

    @cached_property
    def rules_input(self):
        people = tuple(
            folkbildning.Person(
                key=leader_key(u.pk), name=leader_name(u), is_leader=True
            )
            for u in self.leaders
        ) + tuple(
            folkbildning.Person(
                key=participant_key(p.pk), name=p.name, birth_year=p.birth_year
            )
            for p in self.participants
        )
        meetings = tuple(
            folkbildning.Meeting(
                date=m.date,
                minutes=m.length_minutes,
                present=self.present_keys(m),
                held=m.held,
            )
            for m in self.meetings
        )
        return folkbildning.Circle(
            people=people,
            meetings=meetings,
            year=self.circle.start_date.year,
            finished=self.circle.status in FINISHED_STATUSES,
        )

    @cached_property
    def results(self):
        return folkbildning.check(self.rules_input)

    @property
    def all_met(self):
        return folkbildning.all_met(self.results)

    @property
    def total_hours(self):
        return folkbildning.total_hours(self.rules_input)


def circle_facts(circle, *, with_sessions=False):
    """The facts of one circle, in five queries (six `with_sessions`)."""
    participants = list(circle.participants.order_by("name", "pk"))
    leaders = list(circle.leaders.order_by("first_name", "last_name", "username"))
    meetings = circle.meetings.order_by("date", "start_time", "pk").prefetch_related(
        "absent_leaders"
    )
    if with_sessions:
        meetings = meetings.prefetch_related("sessions")
    meetings = list(meetings)
    attendance = {
        (meeting_id, participant_id): present
        for meeting_id, participant_id, present in Attendance.objects.filter(
            meeting__circle=circle
        ).values_list("meeting_id", "participant_id", "present")
    }
    absent = {m.pk: {u.pk for u in m.absent_leaders.all()} for m in meetings}
    return CircleFacts(
        circle=circle,
        participants=participants,
        leaders=leaders,
        meetings=meetings,
        attendance=attendance,
        absent_leaders=absent,
    )
