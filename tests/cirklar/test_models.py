"""The circles' data: the studieförbund list, the grant rule, attendance as a state."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError

import pytest

from cirklar.models import StudyAssociation
from home import roles
from tests.cirklar.factories import (
    AttendanceFactory,
    LeaderFactory,
    StudyAssociationFactory,
    StudyCircleFactory,
)

pytestmark = pytest.mark.django_db


def test_the_studieforbund_are_data_with_ibn_rushd_no_longer_funded():
    funded = set(
        StudyAssociation.objects.filter(state_funded=True).values_list(
            "slug", flat=True
        )
    )
    assert funded == {
        "abf",
        "bilda",
        "folkuniversitetet",
        "kulturens",
        "medborgarskolan",
        "nbv",
        "sensus",
        "studieframjandet",
        "vuxenskolan",
    }
    ibn_rushd = StudyAssociation.objects.get(slug="ibn-rushd")
    assert not ibn_rushd.state_funded and "2025–2027" in ibn_rushd.note


def test_a_new_circle_cannot_be_run_by_a_studieforbund_without_grant():
    circle = StudyCircleFactory.build(
        association=StudyAssociationFactory(slug="ibn-rushd")
    )
    with pytest.raises(ValidationError) as error:
        circle.full_clean(exclude=["municipality", "calendar_token"])
    assert "statsbidrag" in str(error.value.message_dict["association"])


def test_a_circle_keeps_its_studieforbund_after_the_grant_is_withdrawn():
    circle = StudyCircleFactory()
    StudyAssociation.objects.filter(pk=circle.association_id).update(state_funded=False)
    circle.refresh_from_db()
    circle.full_clean()


def test_a_leader_has_the_role_and_a_profile():
    leader = LeaderFactory()
    assert leader.groups.filter(name=roles.CIRCLE_LEADER).exists()
    assert leader.leader_profile.association.slug == "abf"


def test_a_participant_has_one_attendance_row_per_meeting():
    attendance = AttendanceFactory()
    with pytest.raises(IntegrityError):
        AttendanceFactory(
            meeting=attendance.meeting, participant=attendance.participant
        )


def test_the_calendar_link_can_be_rotated():
    circle = StudyCircleFactory()
    old = circle.calendar_token
    circle.rotate_calendar_token()
    circle.refresh_from_db()
    assert circle.calendar_token != old and len(circle.calendar_token) >= 32
