"""Mina cirklar's query counts are pinned and do not grow with the leader's circles.

A leader with 30 circles, each with meetings that cover the module's sessions,
participants and their attendance, costs what a leader with 3 does; and a circle's
own page costs the same with 20 participants and 12 meetings as with 2 and 2.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cirklar.models import Attendance
from tests.cirklar.factories import (
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyCircleFactory,
)

PINNED_MINA_CIRKLAR = 10
PINNED_CIRCLE_PAGE = 15


def add_circles(leader, module, count, meetings=4, participants=8):
    sessions = list(module.sessions.all())
    circles = []
    for n in range(count):
        circle = StudyCircleFactory(leaders=[leader], module=module)
        co_leader = LeaderFactory()
        circle.leaders.add(co_leader)
        held = [
            MeetingFactory(
                circle=circle,
                date=datetime.date(2025, 2, 3) + datetime.timedelta(weeks=week),
            )
            for week in range(meetings)
        ]
        for meeting, session in zip(held, sessions, strict=False):
            meeting.sessions.add(session)
        held[-1].absent_leaders.add(co_leader)
        people = ParticipantFactory.create_batch(participants, circle=circle)
        Attendance.objects.bulk_create(
            Attendance(
                meeting=m,
                participant=p,
                present=(n + i) % 3 != 0,
                ticked_at=m.starts_at,
            )
            for m in held
            for i, p in enumerate(people)
        )
        circles.append(circle)
    return circles


def count(client, url):
    client.get(url)  # the chrome fragments, cached for every page after the first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(
        [q for q in queries.captured_queries if "SAVEPOINT" not in q["sql"][:20]]
    )


@pytest.fixture
def leader(db):
    return LeaderFactory(username="lena")


def test_mina_cirklar_does_not_grow_with_30_circles(client, leader, site_tree):
    client.force_login(leader)
    add_circles(leader, site_tree.module, 3)
    small = count(client, reverse("mina_cirklar:index"))
    add_circles(leader, site_tree.module, 27)
    large = count(client, reverse("mina_cirklar:index"))
    assert large == small, f"{small} → {large}"
    assert large == PINNED_MINA_CIRKLAR


def test_a_circle_page_does_not_grow_with_participants_and_meetings(
    client, leader, site_tree
):
    client.force_login(leader)
    (small_circle,) = add_circles(
        leader, site_tree.module, 1, meetings=2, participants=2
    )
    (large_circle,) = add_circles(
        leader, site_tree.module, 1, meetings=12, participants=20
    )
    small = count(client, reverse("mina_cirklar:circle", args=[small_circle.pk]))
    large = count(client, reverse("mina_cirklar:circle", args=[large_circle.pk]))
    assert large == small, f"{small} → {large}"
    assert large == PINNED_CIRCLE_PAGE
