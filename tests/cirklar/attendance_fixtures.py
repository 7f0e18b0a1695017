"""Fixtures of the attendance tests: a leader's circle, a co-leader, another leader's circle.

Imported by the test modules that use them (tests/cirklar/test_*attendance*.py).
"""

import datetime

import pytest

from tests.cirklar.factories import (
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyCircleFactory,
)

__all__ = ["circle", "co_leader", "leader", "other_circle", "other_leader"]


@pytest.fixture
def leader(db):
    return LeaderFactory(username="lena-ledare", first_name="Lena", last_name="Ledare")


@pytest.fixture
def co_leader(db):
    return LeaderFactory(
        username="kalle-medledare", first_name="Kalle", last_name="Medledare"
    )


@pytest.fixture
def other_leader(db):
    return LeaderFactory(username="olle-annan", first_name="Olle", last_name="Annan")


@pytest.fixture
def circle(leader, co_leader):
    """Lena's circle with Kalle as co-leader: four participants, three weekly meetings."""
    circle = StudyCircleFactory(name="Samverkan i Örebro", leaders=[leader, co_leader])
    for name in ("Anna Andersson", "Bertil Berg", "Cecilia Ceder", "David Dahl"):
        ParticipantFactory(circle=circle, name=name)
    for week in range(3):
        MeetingFactory(
            circle=circle,
            date=datetime.date(2027, 2, 1) + datetime.timedelta(weeks=week),
        )
    return circle


@pytest.fixture
def other_circle(other_leader):
    circle = StudyCircleFactory(name="Olles cirkel", leaders=[other_leader])
    ParticipantFactory(circle=circle, name="Eva Ek")
    MeetingFactory(circle=circle, date=datetime.date(2027, 3, 1))
    return circle
