"""Folkbildningsrådet's rules (cirklar/rules_folkbildning.py): every boundary, either side."""

import datetime

import pytest

from cirklar import rules_folkbildning as rules
from cirklar.rules_folkbildning import MET, NOT_MET, PENDING, Circle, Meeting, Person

MONDAY = datetime.date(2027, 2, 1)
LEADER = Person("leader", "Lea Ledare", is_leader=True)


def people(count, birth_year=1980):
    """The leader and `count - 1` participants (the leader counts as one)."""
    return (LEADER,) + tuple(
        Person(f"p{number}", f"Deltagare {number}", birth_year)
        for number in range(1, count)
    )


EVERYONE = frozenset({"leader", "p1", "p2", "p3", "p4"})  # of people(5)


def weekly(count, minutes=135, present=EVERYONE, held=True, start=MONDAY):
    return tuple(
        Meeting(start + datetime.timedelta(weeks=week), minutes, present, held)
        for week in range(count)
    )


def circle(count=5, meetings=None, year=2027, finished=False, **meeting_options):
    persons = people(count)
    everyone = frozenset(person.key for person in persons)
    meeting_options.setdefault("present", everyone)
    return Circle(
        persons,
        meetings if meetings is not None else weekly(3, **meeting_options),
        year,
        finished,
    )


def result(circle_, key):
    return next(r for r in rules.check(circle_) if r.key == key)


@pytest.mark.parametrize(
    "minutes,hours",
    [
        (0, 0),
        (44, 0),
        (45, 1),
        (89, 1),
        (90, 2),
        (100, 2),
        (135, 3),
        (180, 4),
        (225, 5),
    ],
)
def test_a_meetings_study_hours_are_its_whole_45_minute_hours(minutes, hours):
    assert rules.study_hours(minutes) == hours


def test_partial_hours_are_not_added_up_across_meetings():
    # Three meetings of 100 minutes: 2 + 2 + 2 = 6, not 300 / 45 = 6.67 → 6, and
    # four of 80: 1 each = 4, not 320 / 45 = 7.
    assert (
        rules.total_hours(
            circle(
                meetings=weekly(
                    4, minutes=80, present=frozenset({"leader", "p1", "p2"})
                )
            )
        )
        == 4
    )


def test_a_meeting_reports_at_most_four_study_hours():
    assert rules.reportable_hours(225) == 4
    assert rules.reportable_hours(180) == 4


@pytest.mark.parametrize(
    "count,status", [(2, NOT_MET), (3, MET), (20, MET), (21, NOT_MET)]
)
def test_three_to_twenty_participants_the_leader_included(count, status):
    assert result(circle(count, finished=True), "participants").status == status


def test_too_few_participants_is_pending_before_the_third_meeting():
    persons = people(2)
    meetings = weekly(3, present=frozenset({"leader", "p1"}))
    meetings = (*meetings[:2], Meeting(meetings[2].date, 135, frozenset(), held=False))
    assert result(Circle(persons, meetings, 2027), "participants").status == PENDING


def test_a_participant_counts_only_after_attending_one_of_the_first_three_meetings():
    persons = people(3) + (Person("late", "Sen Deltagare", 1990),)
    everyone_but_late = frozenset({"leader", "p1", "p2"})
    meetings = (
        *weekly(3, present=everyone_but_late),
        Meeting(
            MONDAY + datetime.timedelta(weeks=3), 135, everyone_but_late | {"late"}
        ),
    )
    counted = {p.key for p in rules.counted_people(Circle(persons, meetings, 2027))}
    assert counted == {"leader", "p1", "p2"}
    on_third = (
        *weekly(2, present=everyone_but_late),
        Meeting(
            MONDAY + datetime.timedelta(weeks=2), 135, everyone_but_late | {"late"}
        ),
    )
    counted = {p.key for p in rules.counted_people(Circle(persons, on_third, 2027))}
    assert "late" in counted


@pytest.mark.parametrize("present,status", [(2, NOT_MET), (3, MET)])
def test_at_least_three_present_at_each_meeting(present, status):
    persons = people(5)
    keys = frozenset(p.key for p in persons[:present])
    full = frozenset(p.key for p in persons)
    meetings = (
        *weekly(2, present=full),
        Meeting(MONDAY + datetime.timedelta(weeks=2), 135, keys),
    )
    assert result(Circle(persons, meetings, 2027), "present").status == status


def test_a_planned_meeting_without_attendance_is_not_short_of_people():
    meetings = (
        *weekly(3),
        Meeting(MONDAY + datetime.timedelta(weeks=3), 135, held=False),
    )
    assert result(circle(meetings=meetings), "present").status == MET


@pytest.mark.parametrize(
    "count,minutes,status",
    [
        (2, 180, NOT_MET),
        (3, 135, MET),
        (3, 134, NOT_MET),
        (4, 90, NOT_MET),
        (5, 90, MET),
    ],
)
def test_at_least_three_meetings_and_nine_study_hours(count, minutes, status):
    everyone = frozenset(p.key for p in people(5))
    finished = Circle(people(5), weekly(count, minutes, everyone), 2027, finished=True)
    assert result(finished, "meetings").status == status


def test_meetings_still_planned_keep_the_hours_rule_pending():
    everyone = frozenset(p.key for p in people(5))
    meetings = (
        *weekly(1, present=everyone),
        *weekly(2, held=False, start=MONDAY + datetime.timedelta(weeks=1)),
    )
    assert result(Circle(people(5), meetings, 2027), "meetings").status == PENDING


@pytest.mark.parametrize("minutes,status", [(180, MET), (224, MET), (225, NOT_MET)])
def test_at_most_four_study_hours_per_meeting(minutes, status):
    assert result(circle(minutes=minutes), "hours_per_meeting").status == status


@pytest.mark.parametrize("count,status", [(3, MET), (4, NOT_MET)])
def test_at_most_three_meetings_per_calendar_week(count, status):
    everyone = frozenset(p.key for p in people(5))
    meetings = tuple(
        Meeting(MONDAY + datetime.timedelta(days=day), 135, everyone)
        for day in range(count)
    )
    assert result(Circle(people(5), meetings, 2027), "per_week").status == status


def test_the_calendar_week_starts_on_monday():
    # Sunday and the next three days: two weeks, two and two.
    sunday = MONDAY - datetime.timedelta(days=1)
    everyone = frozenset(p.key for p in people(5))
    meetings = tuple(
        Meeting(sunday + datetime.timedelta(days=day), 135, everyone)
        for day in range(4)
    )
    assert result(Circle(people(5), meetings, 2027), "per_week").status == MET


@pytest.mark.parametrize("birth_year,status", [(2014, MET), (2015, NOT_MET)])
def test_participants_at_least_thirteen_in_the_year_of_the_circle(birth_year, status):
    persons = (LEADER, Person("p1", "Ung", birth_year), Person("p2", "Vuxen", 1980))
    everyone = frozenset(p.key for p in persons)
    age = result(Circle(persons, weekly(3, present=everyone), 2027), "age")
    assert age.status == status
    if status == NOT_MET:
        assert "födelseåret" in age.explanation and "Ung" in age.explanation


def test_a_missing_birth_year_is_asked_for():
    persons = (LEADER, Person("p1", "Okänd"), Person("p2", "Vuxen", 1980))
    everyone = frozenset(p.key for p in persons)
    age = result(Circle(persons, weekly(3, present=everyone), 2027), "age")
    assert age.status == PENDING and "Okänd" in age.explanation


def test_a_circle_within_every_rule_meets_them_all():
    results = rules.check(circle(5))
    assert rules.all_met(results), [r for r in results if not r.met]


def test_every_rule_not_met_says_why_and_what_to_do():
    persons = (LEADER, Person("p1", "Ung", 2020))
    meetings = tuple(
        Meeting(MONDAY + datetime.timedelta(days=day), 240, frozenset({"leader"}))
        for day in range(4)
    )
    results = rules.check(Circle(persons, meetings[:4], 2027, finished=True))
    failed = [r for r in results if r.status == NOT_MET]
    assert {r.key for r in failed} >= {
        "participants",
        "present",
        "hours_per_meeting",
        "per_week",
    }
    assert all(r.explanation and r.advice for r in failed)
