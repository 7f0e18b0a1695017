"""Demo content for cirklar: the demo leader's study circles, one in every status.

- *Överenskommelsen i vår kommun* (Örebro, ABF): avslutad, and meets every rule of
  Folkbildningsrådet: five participants and the leader, four weekly meetings of three
  study hours, everyone present.
- *Idéburet offentligt partnerskap* (Göteborg, Studieförbundet Vuxenskolan): pågår, two
  meetings held and the rest planned.
- *Dialog och inflytande* (Umeå, Sensus): planerad, starting in three weeks.
- *Samverkan i Kumla* (Kumla, Bilda): arkiverad, and fails two rules: only two were
  present at its second meeting, and its third lasted four hours (five study hours).

The meetings follow the module's sessions, weekly from the start date, and the dates are
counted from the day the demo is loaded. The leader is the demo account `cirkelledare`
(home.demo), given a confirmed leader profile; without the demo accounts the circles have
no leader until a load with them. All names are made up.

Idempotent: a circle is made only if none has its name; the leader is added to it, and
the profile made, where they are missing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from home import roles
from kommuner.models import Municipality
from studiematerial.models import StudyModulePage

from . import demo_pages
from .models import (
    Attendance,
    CircleStatus,
    LeaderProfile,
    Meeting,
    Participant,
    StudyAssociation,
    StudyCircle,
)

DEMO_LEADER = "cirkelledare"  # the account from home.demo.DEMO_ACCOUNTS
LEADER_ASSOCIATION = "abf"

PARTICIPANTS = [
    ("Amira Lind", 1984, "Föreningen Grannsamverkan"),
    ("Bengt Åkesson", 1951, "Pensionärsföreningen Solsidan"),
    ("Carla Nyström", 1997, ""),
    ("David Hallberg", 1972, "Idrottsklubben Framåt"),
    ("Elsa Moberg", 2008, ""),
]

#: name, module slug, kommun code, studieförbund slug, status, start (days from today),
#: meetings: (minutes, indexes of participants present) per meeting, or None if planned.
CIRCLES = [
    {
        "name": "Överenskommelsen i vår kommun",
        "module": "overenskommelsen-i-var-kommun",
        "kommun": "1880",
        "association": "abf",
        "status": CircleStatus.FINISHED,
        "start": -70,
        "open_to_new": False,
        "meetings": [(135, [0, 1, 2, 3, 4])] * 4,
    },
    {
        "name": "Idéburet offentligt partnerskap",
        "module": "ideburet-offentligt-partnerskap",
        "kommun": "1480",
        "association": "vuxenskolan",
        "status": CircleStatus.RUNNING,
        "start": -10,
        "open_to_new": True,
        "meetings": [(135, [0, 1, 2]), (135, [0, 2, 3]), None, None],
    },
    {
        "name": "Dialog och inflytande",
        "module": "dialog-och-inflytande",
        "kommun": "2480",
        "association": "sensus",
        "status": CircleStatus.PLANNED,
        "start": 21,
        "open_to_new": True,
        "meetings": [None, None, None, None],
    },
    {
        "name": "Samverkan i Kumla",
        "module": "overenskommelsen-i-var-kommun",
        "kommun": "1881",
        "association": "bilda",
        "status": CircleStatus.ARCHIVED,
        "start": -120,
        "open_to_new": False,
        # Two present at the second meeting (the leader and one); a four-hour third.
        "meetings": [(135, [0, 1, 2, 3]), (135, [1]), (240, [0, 1, 2, 3])],
    },
]


def ensure_leader():
    """The demo leader's profile and role, if the demo account exists."""
    user = get_user_model().objects.filter(username=DEMO_LEADER).first()
    if user is None:
        return None, 0
    user.groups.add(Group.objects.get(name=roles.CIRCLE_LEADER))
    _, created = LeaderProfile.objects.get_or_create(
        user=user,
        defaults={
            "association": StudyAssociation.objects.get(slug=LEADER_ASSOCIATION),
            "email_confirmed_at": timezone.now(),
        },
    )
    return user, int(created)


def make_circle(data, today):
    module = StudyModulePage.objects.filter(slug=data["module"]).first()
    start = today + datetime.timedelta(days=data["start"])
    circle = StudyCircle(
        name=data["name"],
        association=StudyAssociation.objects.get(slug=data["association"]),
        municipality=Municipality.objects.get(code=data["kommun"]),
        module=module,
        meeting_place="Folkets hus, Storgatan 1",
        start_date=start,
        status=data["status"],
        open_to_new=data["open_to_new"],
        work_plan="Vi går igenom studiematerialet träff för träff och samtalar om "
        "hur Överenskommelsen kan leva i vår kommun.",
        public_description="En cirkel för dig som vill veta mer om samverkan mellan "
        "kommunen och föreningslivet. Ingen förkunskap behövs.",
    )
    if data["status"] in (CircleStatus.FINISHED, CircleStatus.ARCHIVED):
        last = start + datetime.timedelta(weeks=len(data["meetings"]) - 1)
        circle.finished_at = timezone.make_aware(
            datetime.datetime.combine(last, datetime.time(21, 0))
        )
    circle.save()
    participants = [
        Participant.objects.create(
            circle=circle, name=name, birth_year=year, organisation_name=organisation
        )
        for name, year, organisation in PARTICIPANTS
    ]
    sessions = list(module.sessions.all()) if module else []
    for number, plan in enumerate(data["meetings"]):
        date = start + datetime.timedelta(weeks=number)
        meeting = Meeting.objects.create(
            circle=circle,
            date=date,
            start_time=datetime.time(18, 0),
            length_minutes=plan[0] if plan else 135,
        )
        if number < len(sessions):
            meeting.sessions.add(sessions[number])
        if plan is None:
            continue
        ticked = timezone.make_aware(
            datetime.datetime.combine(date, datetime.time(18, 5))
        )
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting,
                participant=participant,
                present=index in plan[1],
                ticked_at=ticked,
            )
            for index, participant in enumerate(participants)
        )
        meeting.attendance_taken_at = ticked
        meeting.save(update_fields=["attendance_taken_at"])
    return circle


def load(stdout, *, with_accounts=False):
    # The Hitta en studiecirkel page first: the circles are found there.
    demo_pages.load(stdout, with_accounts=with_accounts)
    today = timezone.localdate()
    created_count = 0
    with transaction.atomic():
        leader, created = ensure_leader()
        created_count += created
        for data in CIRCLES:
            circle = StudyCircle.objects.filter(name=data["name"]).first()
            if circle is None:
                circle = make_circle(data, today)
                created_count += 1
            if leader is not None and not circle.leaders.filter(pk=leader.pk).exists():
                circle.leaders.add(leader)
    stdout.write(f"cirklar: {created_count} nya objekt")
