"""cirklar/facts.py: one circle's facts for the rules, in a bounded number of queries."""

from cirklar import rules_folkbildning as folkbildning
from cirklar.facts import circle_facts, leader_key, participant_key
from tests.cirklar.factories import AttendanceFactory

from .attendance_fixtures import *  # noqa: F403 - the fixtures


def test_leaders_are_present_unless_marked_absent_and_participants_when_ticked(
    circle, leader, co_leader, django_assert_num_queries
):
    first, second, _third = circle.meetings.order_by("date")
    anna = circle.participants.get(name="Anna Andersson")
    bertil = circle.participants.get(name="Bertil Berg")
    AttendanceFactory(meeting=first, participant=anna, present=True)
    AttendanceFactory(meeting=first, participant=bertil, present=False)
    second.absent_leaders.add(co_leader)
    with django_assert_num_queries(5):
        facts = circle_facts(circle)
    assert facts.present_keys(first) == {
        participant_key(anna.pk),
        leader_key(leader.pk),
        leader_key(co_leader.pk),
    }
    assert facts.present_keys(second) == {leader_key(leader.pk)}


def test_the_rules_input_has_the_circles_year_leaders_and_finished_status(
    circle, leader
):
    circle.status = "arkiverad"
    circle.save()
    facts = circle_facts(circle)
    data = facts.rules_input
    assert data.year == circle.start_date.year == 2027
    assert data.finished is True
    leaders = [p for p in data.people if p.is_leader]
    assert [p.name for p in leaders] == ["Kalle Medledare", "Lena Ledare"]
    assert len(data.people) == 6
    assert [m.minutes for m in data.meetings] == [135, 135, 135]
    assert [r.key for r in facts.results] == [
        "participants",
        "present",
        "meetings",
        "hours_per_meeting",
        "per_week",
        "age",
    ]
    assert facts.total_hours == folkbildning.total_hours(data)
