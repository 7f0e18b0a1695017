"""A circle's models as the plain facts Folkbildningsrådet's rules take (rules_folkbildning).

Leaders count as participants (Person(is_leader=True)) and as present at every
meeting unless marked absent; a participant is present where their attendance says
so. A meeting is held as Meeting.held says; the circle's year is the year it starts,
and it is finished once it is avslutad or arkiverad. Two readers, each in a fixed
number of queries however many circles, meetings and participants there are:

- `summaries_for(circles)`: what a listing shows of many circles at once (Mina
  cirklar, a circle's page): the rules' verdict so far and the next meeting;
- `circle_facts(circle)`: everything of one circle that the attendance form, the
  report and the exports show: who was at which meeting, and the rules' results.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.functional import cached_property

from . import rules_folkbildning as folkbildning
from .models import Attendance, CircleStatus, Meeting, Participant, StudyCircle

FINISHED_STATUSES = (CircleStatus.FINISHED, CircleStatus.ARCHIVED)


def leader_key(user_id):
    return f"l{user_id}"


def participant_key(participant_id):
    return f"p{participant_id}"


def leader_name(user):
    return user.get_full_name() or user.username


def rules_circle(leaders, participants, meetings, start_date, status):
    """The rules' input. leaders: (user id, name); participants: (id, name, birth
    year); meetings: (Meeting, the keys of those present, leaders included)."""
    people = tuple(
        folkbildning.Person(leader_key(user_id), name, is_leader=True)
        for user_id, name in leaders
    ) + tuple(
        folkbildning.Person(participant_key(pk), name, birth_year)
        for pk, name, birth_year in participants
    )
    return folkbildning.Circle(
        people=people,
        meetings=tuple(
            folkbildning.Meeting(
                date=meeting.date,
                minutes=meeting.length_minutes,
                present=frozenset(present),
                held=meeting.held,
            )
            for meeting, present in meetings
        ),
        year=start_date.year,
        finished=status in FINISHED_STATUSES,
    )


@dataclass
class CircleSummary:
    """What a listing shows of a circle: the rules' verdict so far and the next meeting."""

    rules_circle: folkbildning.Circle
    meetings: list = field(default_factory=list)

    @cached_property
    def results(self):
        return folkbildning.check(self.rules_circle)

    @property
    def rules_met_so_far(self):
        return folkbildning.none_failed(self.results)

    @property
    def not_met(self):
        return [r for r in self.results if r.status == folkbildning.NOT_MET]

    @property
    def next_meeting(self):
        """The first meeting that has not yet been held, or None."""
        return next((m for m in self.meetings if not m.held), None)


def summaries_for(circles):
    """{circle pk: CircleSummary} for the circles (StudyCircle objects or ids)."""
    circles = list(circles)
    ids = [c if isinstance(c, int) else c.pk for c in circles]
    if not ids:
        return {}
    if all(isinstance(c, StudyCircle) for c in circles):
        circle_rows = {c.pk: (c.start_date, c.status) for c in circles}
    else:
        circle_rows = {
            pk: (start_date, status)
            for pk, start_date, status in StudyCircle.objects.filter(
                pk__in=ids
            ).values_list("pk", "start_date", "status")
        }
    leaders = defaultdict(list)
    for circle_id, user_id, first, last, username in (
        StudyCircle.leaders.through.objects.filter(studycircle_id__in=ids)
        .values_list(
            "studycircle_id",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__username",
        )
        .order_by("pk")
    ):
        name = f"{first} {last}".strip() or username
        leaders[circle_id].append((user_id, name))
    meetings = defaultdict(list)
    for meeting in (
        Meeting.objects.filter(circle_id__in=ids)
        .only(
            "pk",
            "circle_id",
            "date",
            "start_time",
            "length_minutes",
            "attendance_taken_at",
        )
        .order_by("date", "start_time", "pk")
    ):
        meetings[meeting.circle_id].append(meeting)
    absent = defaultdict(set)
    for meeting_id, user_id in Meeting.absent_leaders.through.objects.filter(
        meeting__circle_id__in=ids
    ).values_list("meeting_id", "user_id"):
        absent[meeting_id].add(user_id)
    people = defaultdict(list)
    for pk, circle_id, name, birth_year in (
        Participant.objects.filter(circle_id__in=ids)
        .values_list("pk", "circle_id", "name", "birth_year")
        .order_by("name", "pk")
    ):
        people[circle_id].append((pk, name, birth_year))
    present = defaultdict(set)
    for meeting_id, participant_id in Attendance.objects.filter(
        meeting__circle_id__in=ids, present=True
    ).values_list("meeting_id", "participant_id"):
        present[meeting_id].add(participant_key(participant_id))

    summaries = {}
    for pk in ids:
        circle_leaders = leaders[pk]
        start, status = circle_rows.get(pk, (timezone.localdate(), ""))
        summaries[pk] = CircleSummary(
            rules_circle=rules_circle(
                circle_leaders,
                people[pk],
                [
                    (
                        meeting,
                        present[meeting.pk]
                        | {
                            leader_key(user_id)
                            for user_id, _name in circle_leaders
                            if user_id not in absent[meeting.pk]
                        },
                    )
                    for meeting in meetings[pk]
                ],
                start,
                status,
            ),
            meetings=meetings[pk],
        )
    return summaries


@dataclass
class CircleFacts:
    """Everything of one circle: its people, meetings and who was at which."""

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
        return rules_circle(
            [(u.pk, leader_name(u)) for u in self.leaders],
            [(p.pk, p.name, p.birth_year) for p in self.participants],
            [(m, self.present_keys(m)) for m in self.meetings],
            self.circle.start_date,
            self.circle.status,
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
