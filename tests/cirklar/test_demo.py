"""The demo leader's circles: one in every status, one that meets the rules, one that
fails two of them; loaded twice, nothing doubles."""

import io

from django.core.management import call_command

import pytest

from cirklar import rules_folkbildning as rules
from cirklar.models import (
    Attendance,
    CircleStatus,
    LeaderProfile,
    Meeting,
    Participant,
    StudyCircle,
)
from home import roles
from home.app_modules import app_modules


def facts(circle):
    """The circle as the rules module's plain data (a small builder of this test's own)."""
    leaders = list(circle.leaders.all())
    people = [
        rules.Person(f"l{leader.pk}", leader.get_full_name(), is_leader=True)
        for leader in leaders
    ] + [
        rules.Person(f"p{participant.pk}", participant.name, participant.birth_year)
        for participant in circle.participants.all()
    ]
    meetings = []
    for meeting in circle.meetings.prefetch_related("attendance", "absent_leaders"):
        absent = {leader.pk for leader in meeting.absent_leaders.all()}
        present = {
            f"p{row.participant_id}" for row in meeting.attendance.all() if row.present
        } | {f"l{leader.pk}" for leader in leaders if leader.pk not in absent}
        meetings.append(
            rules.Meeting(
                meeting.date,
                meeting.length_minutes,
                frozenset(present),
                held=meeting.held,
            )
        )
    return rules.Circle(
        tuple(people),
        tuple(meetings),
        circle.year,
        finished=circle.status in (CircleStatus.FINISHED, CircleStatus.ARCHIVED),
    )


def not_met(circle):
    return {r.key for r in rules.check(facts(circle)) if r.status == rules.NOT_MET}


def load_demo(with_accounts=True):
    """The demo modules cirklar's demo stands on (the pages, the accounts, the study
    material), and its own; the kommuner's records and the indexes are not needed."""
    for module in app_modules("demo"):
        if module.__name__ != "kommuner.demo":
            module.load(io.StringIO(), with_accounts=with_accounts)


@pytest.fixture
def demo(db):
    load_demo()
    return StudyCircle.objects.get


def test_the_demo_leader_is_a_confirmed_leader_of_every_demo_circle(demo):
    profile = LeaderProfile.objects.get(user__username="cirkelledare")
    assert profile.email_confirmed_at is not None
    assert profile.user.groups.filter(name=roles.CIRCLE_LEADER).exists()
    assert profile.user.has_perm("cirklar.use_mina_cirklar")
    circles = StudyCircle.objects.led_by(profile.user)
    assert {circle.status for circle in circles} == set(CircleStatus.values)


def test_one_demo_circle_meets_every_rule(demo):
    circle = demo(name="Överenskommelsen i vår kommun")
    assert circle.status == CircleStatus.FINISHED
    assert rules.all_met(rules.check(facts(circle)))


def test_one_demo_circle_fails_exactly_two_rules(demo):
    circle = demo(name="Samverkan i Kumla")
    assert circle.status == CircleStatus.ARCHIVED
    failed = not_met(circle)
    assert len(failed) == 2
    results = {r.key: r for r in rules.check(facts(circle))}
    assert all(results[key].explanation and results[key].advice for key in failed)


def test_the_running_and_planned_demo_circles_fail_nothing_so_far(demo):
    running = demo(name="Idéburet offentligt partnerskap")
    planned = demo(name="Dialog och inflytande")
    assert running.status == CircleStatus.RUNNING
    assert planned.status == CircleStatus.PLANNED
    assert not not_met(running)
    assert not not_met(planned)
    assert running.meetings.filter(attendance_taken_at__isnull=False).count() == 2
    assert not Attendance.objects.filter(meeting__circle=planned).exists()


def test_the_demo_meetings_follow_the_modules_sessions(demo):
    for circle in StudyCircle.objects.all():
        assert circle.module is not None
        sessions = list(circle.module.sessions.all())
        meetings = list(circle.meetings.prefetch_related("sessions"))
        for meeting, session in zip(meetings, sessions, strict=False):
            assert list(meeting.sessions.all()) == [session]


def test_a_second_load_changes_nothing(db, settings):
    settings.DEBUG = True  # the demo accounts, the demo leader among them
    call_command("load_demo_content", "--accounts", stdout=io.StringIO())
    counts = [
        model.objects.count()
        for model in (StudyCircle, Participant, Meeting, Attendance, LeaderProfile)
    ]
    out = io.StringIO()
    call_command("load_demo_content", "--accounts", stdout=out)
    assert "cirklar: 0 nya objekt" in out.getvalue()
    assert counts == [
        model.objects.count()
        for model in (StudyCircle, Participant, Meeting, Attendance, LeaderProfile)
    ]
