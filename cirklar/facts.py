"""A circle's models as the plain facts Folkbildningsrådet's rules take (rules_folkbildning).

`facts_for(circles)` reads what the rules need of many circles at once, in a fixed
number of queries however many circles, meetings and participants there are: the
leaders, the meetings, the leaders absent from them, the participants and who of them
was present. Leaders count as participants (Person(is_leader=True)) and as present at
every meeting unless marked absent; a participant is present where their attendance
says so. A meeting is held as Meeting.held says; the circle's year is the year it
starts, and it is finished once it is avslutad or arkiverad.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from . import rules_folkbildning as folkbildning
from .models import Attendance, CircleStatus, Meeting, Participant, StudyCircle

FINISHED_STATUSES = (CircleStatus.FINISHED, CircleStatus.ARCHIVED)


@dataclass
class CircleFacts:
    """What a listing shows of a circle: the rules' verdict so far and the next meeting."""

    rules_circle: folkbildning.Circle
    meetings: list = field(default_factory=list)

    @property
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


def leader_key(user_id):
    return f"l{user_id}"


def participant_key(participant_id):
    return f"p{participant_id}"


def facts_for(circles):
    """{circle pk: CircleFacts} for the circles (StudyCircle objects or ids)."""
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
        people[circle_id].append(
            folkbildning.Person(participant_key(pk), name, birth_year)
        )
    present = defaultdict(set)
    for meeting_id, participant_id in Attendance.objects.filter(
        meeting__circle_id__in=ids, present=True
    ).values_list("meeting_id", "participant_id"):
        present[meeting_id].add(participant_key(participant_id))

    facts = {}
    for pk in ids:
        circle_leaders = leaders[pk]
        persons = [
            folkbildning.Person(leader_key(user_id), name, is_leader=True)
            for user_id, name in circle_leaders
        ] + people[pk]
        rule_meetings = []
        for meeting in meetings[pk]:
            here = set(present[meeting.pk])
            here.update(
                leader_key(user_id)
                for user_id, _name in circle_leaders
                if user_id not in absent[meeting.pk]
            )
            rule_meetings.append(
                folkbildning.Meeting(
                    date=meeting.date,
                    minutes=meeting.length_minutes,
                    present=frozenset(here),
                    held=meeting.held,
                )
            )
        start, status = circle_rows.get(pk, (timezone.localdate(), ""))
        facts[pk] = CircleFacts(
            rules_circle=folkbildning.Circle(
                people=tuple(persons),
                meetings=tuple(rule_meetings),
                year=start.year,
                finished=status in FINISHED_STATUSES,
            ),
            meetings=meetings[pk],
        )
    return facts
