"""Every role against every view and action of Mina cirklar's circle pages, GET and POST.

The circle "own" is led by `owner` with `co_leader`; "other" is `other_leader`'s. Each
circle-level action is tried on own's URLs, on other's URLs, and on own's URL with
other's meeting, participant or leader in it ("mixed"). A refused request is 403 (not
the user's circle), 404 (not the circle's object) or the login page (anonymous), and
changes nothing.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from cirklar.models import Attendance, Meeting, Participant, StudyCircle
from home import roles
from tests.cirklar.factories import (
    AttendanceFactory,
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyCircleFactory,
)
from tests.home.factories import UserFactory
from tests.kommuner.factories import MunicipalityFactory

ROLES = [
    "anonymous",
    "visitor",
    "owner",
    "co_leader",
    "other_leader",
    "municipal_official",
    "kansli_user",
    "editor",
    "superuser",
]
KANSLI = {"kansli_user", "editor", "superuser"}
LEADERS_OF_OWN = {"owner", "co_leader"}
MAY_USE = LEADERS_OF_OWN | {"other_leader"} | KANSLI

START = timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture
def visitor(db):
    return UserFactory(username="besokare")


@pytest.fixture
def municipal_official(db):
    return UserFactory(username="kommun", role=roles.MUNICIPAL_OFFICIAL)


@pytest.fixture
def owner(db):
    return LeaderFactory(username="agare", email="agare@example.se")


@pytest.fixture
def co_leader(db):
    return LeaderFactory(username="medledare", email="medledare@example.se")


@pytest.fixture
def other_leader(db):
    return LeaderFactory(username="annan", email="annan@example.se")


@pytest.fixture
def world(owner, co_leader, other_leader):
    """Two circles, each with a meeting, a participant with attendance, and a second
    circle of their leaders to move a participant to."""
    places = {}
    others_co_leader = LeaderFactory(username="annans-medledare")
    for key, leaders in (
        ("own", [owner, co_leader]),
        ("other", [other_leader, others_co_leader]),
    ):
        circle = StudyCircleFactory(
            name=f"Cirkel {key}", leaders=leaders, start_date=START
        )
        meeting = MeetingFactory(circle=circle, date=START)
        participant = ParticipantFactory(circle=circle, name=f"Deltagare {key}")
        AttendanceFactory(meeting=meeting, participant=participant)
        sibling = StudyCircleFactory(
            name=f"Syskon {key}", leaders=leaders, start_date=START
        )
        places[key] = {
            "circle": circle,
            "meeting": meeting,
            "participant": participant,
            "leader": leaders[-1],
            "sibling": sibling,
        }
    # Someone a leader can add as co-leader.
    LeaderFactory(username="ny-ledare", email="ny@example.se")
    return places


def snapshot():
    """Everything a circle action can change."""
    return (
        list(
            StudyCircle.objects.order_by("pk").values(
                "pk", "name", "status", "meeting_place", "work_plan"
            )
        ),
        list(
            StudyCircle.leaders.through.objects.order_by("pk").values_list(
                "studycircle_id", "user_id"
            )
        ),
        list(
            Meeting.objects.order_by("pk").values(
                "pk", "circle_id", "date", "start_time", "length_minutes"
            )
        ),
        list(
            Participant.objects.order_by("pk").values(
                "pk", "circle_id", "name", "email"
            )
        ),
        Attendance.objects.count(),
    )


def meeting_data():
    return {
        "date": (START + datetime.timedelta(days=14)).isoformat(),
        "start_time": "17:00",
        "length_minutes": "90",
        "notes": "",
    }


def circle_data(circle):
    return {
        "name": "Ändrat namn",
        "association": circle.association_id,
        "municipality": circle.municipality_id,
        "meeting_place": "Ändrad plats",
        "start_date": circle.start_date.isoformat(),
        "open_to_new": "on",
        "public_description": "",
        "work_plan": "Ändrad plan",
    }


def start_data():
    return {
        "step": "save",
        "name": "Ny cirkel",
        "association": StudyCircle.objects.first().association_id,
        "municipality": MunicipalityFactory(code="1880").pk,
        "meeting_place": "Biblioteket",
        "start_date": START.isoformat(),
        "first_start_time": "18:00",
        "meeting_count": "1",
        "work_plan": "Plan",
        "traff-TOTAL_FORMS": "1",
        "traff-INITIAL_FORMS": "0",
        "traff-0-date": START.isoformat(),
        "traff-0-start_time": "18:00",
        "traff-0-length_minutes": "135",
    }


# action: (url name, kinds of object in the URL, POST data or None for GET only)
CIRCLE_ACTIONS = {
    "circle": ("circle", (), None),
    "circle_edit": ("circle_edit", (), lambda p: circle_data(p["circle"])),
    "circle_status": ("circle_status", (), lambda p: {"status": "avslutad"}),
    "leader_add": ("leader_add", (), lambda p: {"who": "ny@example.se"}),
    "leader_remove": ("leader_remove", ("leader",), lambda p: {}),
    "meeting_add": ("meeting_add", (), lambda p: meeting_data()),
    "meeting_edit": ("meeting_edit", ("meeting",), lambda p: meeting_data()),
    "meeting_delete": ("meeting_delete", ("meeting",), lambda p: {}),
    "participant_add": ("participant_add", (), lambda p: {"name": "Ny deltagare"}),
    "participant_edit": (
        "participant_edit",
        ("participant",),
        lambda p: {"name": "Ändrat namn", "email": "ny@example.se"},
    ),
    "participant_delete": ("participant_delete", ("participant",), lambda p: {}),
    "participant_move": (
        "participant_move",
        ("participant",),
        lambda p: {"target": p["sibling"].pk},
    ),
}
# The POST-only actions have no GET.
POST_ONLY = {"circle_status"}


@pytest.fixture
def as_role(client, request):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


def outcome(response):
    if response.status_code == 302 and "/konto/logga-in/" in response["Location"]:
        return "login"
    return response.status_code


def url_for(world, action, target):
    name, objects, _data = CIRCLE_ACTIONS[action]
    circle_key = "own" if target in ("own", "mixed") else "other"
    object_key = "other" if target in ("mixed", "other") else "own"
    args = [world[circle_key]["circle"].pk]
    args += [world[object_key][kind].pk for kind in objects]
    return reverse(f"mina_cirklar:{name}", args=args)


def expected(role, action, target):
    if role == "anonymous":
        return {"login"}
    leads = (role in LEADERS_OF_OWN and target in ("own", "mixed")) or (
        role == "other_leader" and target == "other"
    )
    if not (leads or role in KANSLI):
        return {403}
    if target == "mixed":
        return {404}
    return {200, 302}


def targets_of(action):
    objects = CIRCLE_ACTIONS[action][1]
    return ["own", "other", "mixed"] if objects else ["own", "other"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(set(CIRCLE_ACTIONS) - POST_ONLY))
def test_circle_action_get(as_role, world, role, action):
    client = as_role(role)
    for target in targets_of(action):
        before = snapshot()
        response = client.get(url_for(world, action, target))
        assert outcome(response) in expected(role, action, target), (target, response)
        assert snapshot() == before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(CIRCLE_ACTIONS))
def test_circle_action_post(as_role, world, role, action):
    client = as_role(role)
    data = CIRCLE_ACTIONS[action][2]
    if data is None:  # GET only
        before = snapshot()
        for target in targets_of(action):
            response = client.post(url_for(world, action, target), {})
            assert outcome(response) in {405, "login"}
        assert snapshot() == before
        return
    # Refused first, so that an allowed change does not alter what follows.
    for target in sorted(targets_of(action), key=lambda t: t == "own"):
        before = snapshot()
        place = world["other" if target == "other" else "own"]
        response = client.post(url_for(world, action, target), data(place))
        result = outcome(response)
        assert result in expected(role, action, target), (target, response)
        if result in (403, 404, "login"):
            assert snapshot() == before, target
        else:
            assert snapshot() != before, (target, response)


@pytest.mark.parametrize("role", ROLES)
def test_mina_cirklar(as_role, world, role):
    response = as_role(role).get(reverse("mina_cirklar:index"))
    if role == "anonymous":
        assert outcome(response) == "login"
    elif role in MAY_USE:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", sorted(MAY_USE))
def test_mina_cirklar_lists_only_what_the_role_may_see(as_role, world, role):
    page = as_role(role).get(reverse("mina_cirklar:index")).content.decode()
    assert ("Cirkel own" in page) == (role in LEADERS_OF_OWN | KANSLI)
    assert ("Cirkel other" in page) == (role in KANSLI | {"other_leader"})


@pytest.mark.parametrize("role", ROLES)
def test_start_a_circle(as_role, world, role):
    client = as_role(role)
    url = reverse("mina_cirklar:start")
    before = StudyCircle.objects.count()
    get, post = client.get(url), client.post(url, start_data())
    if role == "anonymous":
        assert outcome(get) == outcome(post) == "login"
    elif role in MAY_USE:
        assert get.status_code == 200
        assert post.status_code == 302, post.content.decode()
        circle = StudyCircle.objects.get(name="Ny cirkel")
        assert list(circle.leaders.values_list("username", flat=True)) == [
            role_username(role)
        ]
        return
    else:
        assert get.status_code == post.status_code == 403
    assert StudyCircle.objects.count() == before


def role_username(role):
    return {
        "owner": "agare",
        "co_leader": "medledare",
        "other_leader": "annan",
        "kansli_user": "kansli",
        "editor": "redaktor",
        "superuser": "admin",
    }[role]
