"""Every role against every attendance, report, export and calendar view and action,
on the leader's own circle and on another leader's: 403 or 404, and nothing changed."""

import json

from django.urls import reverse
from django.utils import timezone

import pytest

from cirklar.models import Attendance, StudyCircle
from tests.home.factories import UserFactory

from .attendance_fixtures import *  # noqa: F403 - the fixtures

ROLES = [
    "anonymous",
    "visitor",
    "official_without_kommun",
    "leader",
    "co_leader",
    "other_leader",
    "kansli_user",
    "editor",
    "superuser",
]
KANSLI = {"kansli_user", "editor", "superuser"}
#: Who leads each circle: `circle` is Lena's with Kalle, the other Olle's.
LEADERS = {"own": {"leader", "co_leader"}, "other": {"other_leader"}}


@pytest.fixture
def visitor(db):
    """A signed-in account with no role."""
    return UserFactory(username="besokare")


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


def urls(circle):
    meeting = circle.meetings.order_by("date").first()
    return {
        "attendance": reverse("mina_cirklar:attendance", args=[circle.pk, meeting.pk]),
        "report": reverse("mina_cirklar:report", args=[circle.pk]),
        "csv": reverse("mina_cirklar:attendance_csv", args=[circle.pk]),
        "sheet": reverse("mina_cirklar:attendance_sheet", args=[circle.pk]),
        "calendar": reverse("mina_cirklar:calendar", args=[circle.pk]),
        "rotate": reverse("mina_cirklar:calendar_rotate", args=[circle.pk]),
    }


def may_reach(role, whose):
    return role in KANSLI or role in LEADERS[whose]


@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize(
    "view", ["attendance", "report", "csv", "sheet", "calendar", "rotate"]
)
@pytest.mark.parametrize("role", ROLES)
def test_get(as_role, circle, other_circle, role, view, whose):
    target = circle if whose == "own" else other_circle
    response = as_role(role).get(urls(target)[view])
    if role == "anonymous":
        assert outcome(response) == "login"
    elif may_reach(role, whose):
        assert outcome(response) == 200
    else:
        assert outcome(response) == 403


def snapshot():
    return (
        list(
            Attendance.objects.order_by("pk").values_list(
                "meeting", "participant", "present", "ticked_at"
            )
        ),
        list(StudyCircle.objects.order_by("pk").values_list("pk", "calendar_token")),
        [
            (m.pk, m.attendance_taken_at, sorted(u.pk for u in m.absent_leaders.all()))
            for c in StudyCircle.objects.order_by("pk")
            for m in c.meetings.order_by("pk")
        ],
    )


@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("action", ["attendance", "tick", "leader tick", "rotate"])
@pytest.mark.parametrize("role", ROLES)
def test_post(as_role, circle, other_circle, role, action, whose):
    target = circle if whose == "own" else other_circle
    meeting = target.meetings.order_by("date").first()
    participant = target.participants.order_by("pk").first()
    before = snapshot()
    client = as_role(role)
    if action == "attendance":
        response = client.post(
            urls(target)["attendance"], {"present": [participant.pk]}
        )
    elif action == "rotate":
        response = client.post(urls(target)["rotate"])
    else:
        who = (
            {"participant": participant.pk}
            if action == "tick"
            else {"leader": target.leaders.first().pk}
        )
        response = client.post(
            reverse("mina_cirklar:attendance_tick", args=[target.pk, meeting.pk]),
            json.dumps(
                {"present": False, "ticked_at": timezone.now().isoformat(), **who}
            ),
            content_type="application/json",
        )
    if role == "anonymous":
        assert outcome(response) in ("login", 401)
        assert snapshot() == before
    elif may_reach(role, whose):
        assert outcome(response) in (200, 302)
        assert snapshot() != before
    else:
        assert outcome(response) == 403
        assert snapshot() == before


@pytest.mark.parametrize("view", ["attendance", "tick"])
def test_a_leader_cannot_reach_another_circles_meeting_through_their_own_circle(
    client, circle, other_circle, leader, view
):
    """Their own circle's id with the other circle's meeting: not found, nothing saved."""
    client.force_login(leader)
    foreign = other_circle.meetings.get()
    before = snapshot()
    name = (
        "mina_cirklar:attendance"
        if view == "attendance"
        else "mina_cirklar:attendance_tick"
    )
    url = reverse(name, args=[circle.pk, foreign.pk])
    if view == "attendance":
        assert client.get(url).status_code == 404
        response = client.post(url, {"present": [other_circle.participants.get().pk]})
    else:
        response = client.post(
            url,
            json.dumps(
                {
                    "participant": other_circle.participants.get().pk,
                    "present": True,
                    "ticked_at": timezone.now().isoformat(),
                }
            ),
            content_type="application/json",
        )
    assert response.status_code == 404
    assert snapshot() == before


def test_a_leader_cannot_tick_another_leaders_participant_or_mark_them_absent(
    client, circle, other_circle, leader, other_leader
):
    client.force_login(leader)
    meeting = circle.meetings.order_by("date").first()
    url = reverse("mina_cirklar:attendance_tick", args=[circle.pk, meeting.pk])
    before = snapshot()
    for who in (
        {"participant": other_circle.participants.get().pk},
        {"leader": other_leader.pk},
    ):
        response = client.post(
            url,
            json.dumps(
                {"present": False, "ticked_at": timezone.now().isoformat(), **who}
            ),
            content_type="application/json",
        )
        assert response.status_code == 404
    assert snapshot() == before


def test_unknown_circles_and_meetings_are_not_found(client, circle, leader):
    client.force_login(leader)
    meeting = circle.meetings.first()
    assert client.get(reverse("mina_cirklar:report", args=[999999])).status_code == 404
    assert (
        client.get(
            reverse("mina_cirklar:attendance", args=[circle.pk, 999999])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("mina_cirklar:attendance", args=[999999, meeting.pk])
        ).status_code
        == 404
    )
