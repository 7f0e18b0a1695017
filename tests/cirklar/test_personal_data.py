"""cirklar's kinds in the register of personal data: find, export, erase, gallra."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

import pytest

from cirklar.models import CircleStatus, InterestRequest, LeaderProfile, Participant
from home import personal_data
from tests.cirklar.factories import (
    AttendanceFactory,
    InterestRequestFactory,
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyAssociationFactory,
    StudyCircleFactory,
)
from tests.home.factories import UserFactory
from tests.personal_data_support import holding

EMAIL = "Pia.Person@example.se"
#: Today: home's rule for accounts never signed in (90 days) must not take the test's.
NOW = timezone.now()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def participant(db):
    circle = StudyCircleFactory(name="Tillit i Kumla")
    person = ParticipantFactory(
        circle=circle,
        name="Pia Person",
        email="pia.person@example.se",
        phone="070-123 45 67",
        organisation_name="Kumla scoutkår",
        birth_year=1990,
    )
    for _ in range(2):
        AttendanceFactory(participant=person, meeting=MeetingFactory(circle=circle))
    AttendanceFactory(
        participant=person, meeting=MeetingFactory(circle=circle), present=False
    )
    return person


@pytest.fixture
def someone_else(db):
    return ParticipantFactory(name="Olle Annan", email="olle@example.se")


def test_the_register_holds_cirklars_kinds_with_their_periods(settings):
    keys = {kind.key for kind in personal_data.kinds()}
    assert {"circle_participants", "interest_requests", "leader_profiles"} <= keys
    periods = settings.PERSONAL_DATA_RETENTION_DAYS
    assert periods["circle_participants"] == 365
    assert periods["interest_requests"] == 180
    assert periods["unconfirmed_leaders"] == 7
    assert not personal_data.check_retention_settings(None)


# Participants -------------------------------------------------------------------------


def test_export_finds_the_participant_whatever_the_case(participant, someone_else):
    found = holding(EMAIL, "circle_participants")
    assert found.records == [participant]
    (exported,) = personal_data.export(EMAIL)["uppgifter"]["circle_participants"][
        "poster"
    ]
    assert exported["namn"] == "Pia Person"
    assert exported["telefon"] == "070-123 45 67"
    assert exported["organisation"] == "Kumla scoutkår"
    assert exported["fodelsear"] == 1990
    assert exported["cirkel"] == "Tillit i Kumla"
    assert exported["narvarande_antal_traffar"] == 2


def test_erasing_a_participant_with_attendance_anonymises_and_keeps_the_counts(
    participant, someone_else, superuser
):
    personal_data.erase(EMAIL, superuser)
    participant.refresh_from_db()
    assert participant.name == "Avidentifierad deltagare"
    assert (participant.email, participant.phone, participant.birth_year) == (
        "",
        "",
        None,
    )
    assert participant.anonymised_at is not None
    assert participant.attendance.filter(present=True).count() == 2
    assert not holding(EMAIL, "circle_participants").records
    someone_else.refresh_from_db()
    assert someone_else.name == "Olle Annan"


def test_erasing_a_participant_who_never_attended_deletes_them(db, superuser):
    ParticipantFactory(email="pia.person@example.se")
    personal_data.erase(EMAIL, superuser)
    assert not Participant.objects.exists()


def archived_circle(finished_at):
    circle = StudyCircleFactory(status=CircleStatus.ARCHIVED, finished_at=finished_at)
    person = ParticipantFactory(circle=circle, email="p@example.se", birth_year=1970)
    AttendanceFactory(participant=person, meeting=MeetingFactory(circle=circle))
    return person


def test_gallra_anonymises_an_archived_circles_participants_past_the_period_only(
    db,
):
    past = archived_circle(NOW - 365 * DAY - datetime.timedelta(minutes=1))
    within = archived_circle(NOW - 365 * DAY + datetime.timedelta(minutes=1))
    running = ParticipantFactory(
        circle=StudyCircleFactory(
            status=CircleStatus.FINISHED, finished_at=NOW - 900 * DAY
        )
    )
    result = dict(personal_data.gallra(now=NOW))
    counts = {kind.key: count for kind, count in result.items()}
    assert counts["circle_participants"] == 1
    past.refresh_from_db()
    within.refresh_from_db()
    running.refresh_from_db()
    assert past.anonymised_at is not None
    assert past.name == "Avidentifierad deltagare"
    assert past.attendance.count() == 1
    assert within.anonymised_at is None
    assert running.anonymised_at is None
    # Done once: a second run finds nothing more.
    second = {kind.key: count for kind, count in personal_data.gallra(now=NOW)}
    assert second["circle_participants"] == 0


def test_the_dry_run_anonymises_nothing(db):
    past = archived_circle(NOW - 400 * DAY)
    out = io.StringIO()
    call_command("gallra", "--dry-run", stdout=out)
    past.refresh_from_db()
    assert past.anonymised_at is None
    assert past.name != "Avidentifierad deltagare"


# Interest requests --------------------------------------------------------------------


def test_export_and_erasure_of_interest_requests(db, superuser):
    mine = InterestRequestFactory(email="pia.person@example.se", message="Hej!")
    other = InterestRequestFactory(email="olle@example.se")
    (exported,) = personal_data.export(EMAIL)["uppgifter"]["interest_requests"][
        "poster"
    ]
    assert exported["meddelande"] == "Hej!"
    assert exported["cirkel"] == mine.circle.name
    personal_data.erase(EMAIL, superuser)
    assert list(InterestRequest.objects.all()) == [other]


def test_gallra_deletes_interest_requests_past_180_days_only(db):
    old = InterestRequestFactory()
    new = InterestRequestFactory()
    InterestRequest.objects.filter(pk=old.pk).update(
        created_at=NOW - 180 * DAY - datetime.timedelta(minutes=1)
    )
    InterestRequest.objects.filter(pk=new.pk).update(
        created_at=NOW - 180 * DAY + datetime.timedelta(minutes=1)
    )
    assert {
        kind.key: count for kind, count in personal_data.gallra(now=NOW, dry_run=True)
    }["interest_requests"] == 1
    assert InterestRequest.objects.count() == 2
    personal_data.gallra(now=NOW)
    assert list(InterestRequest.objects.all()) == [new]


# Leader profiles ----------------------------------------------------------------------


def test_export_finds_the_leaders_profile(db):
    leader = LeaderFactory(email="pia.person@example.se")
    (exported,) = personal_data.export(EMAIL)["uppgifter"]["leader_profiles"]["poster"]
    assert exported["konto"] == leader.username
    assert exported["studieforbund"] == "Arbetarnas bildningsförbund"
    assert exported["epost_bekraftad"]


def test_erasing_a_leader_removes_profile_and_account_and_keeps_the_circle(
    db, superuser
):
    leader = LeaderFactory(email="pia.person@example.se")
    circle = StudyCircleFactory(leaders=[leader])
    personal_data.erase(EMAIL, superuser)
    assert not LeaderProfile.objects.exists()
    assert not get_user_model().objects.filter(pk=leader.pk).exists()
    circle.refresh_from_db()
    assert not circle.leaders.exists()


def unconfirmed(username, created_at, **user_fields):
    user = UserFactory(username=username, **user_fields)
    profile = LeaderProfile.objects.create(
        user=user, association=StudyAssociationFactory()
    )
    LeaderProfile.objects.filter(pk=profile.pk).update(created_at=created_at)
    return user


def test_gallra_removes_unconfirmed_sign_ups_after_seven_days_only(db):
    past = NOW - 7 * DAY - datetime.timedelta(minutes=1)
    gone = unconfirmed("gammal", past)
    recent = unconfirmed("ny", NOW - 7 * DAY + datetime.timedelta(minutes=1))
    leads_a_circle = unconfirmed("leder", past)
    StudyCircleFactory(leaders=[leads_a_circle])
    with_role = unconfirmed("roll", past, role="Kommunhandläggare")
    confirmed = LeaderFactory(username="bekraftad")
    LeaderProfile.objects.filter(user=confirmed).update(created_at=past)

    dry = {
        kind.key: count for kind, count in personal_data.gallra(now=NOW, dry_run=True)
    }
    assert dry["leader_profiles"] == 1
    assert get_user_model().objects.filter(pk=gone.pk).exists()

    personal_data.gallra(now=NOW)
    remaining = set(get_user_model().objects.values_list("username", flat=True))
    assert "gammal" not in remaining
    assert {"ny", "leder", "roll", "bekraftad"} <= remaining
    assert recent.leader_profile and with_role.leader_profile
