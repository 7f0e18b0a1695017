"""Factories for cirklar: leaders, circles, participants, meetings and attendance.

The studieförbund come from a data migration, so StudyAssociationFactory looks them up
by slug: `StudyAssociationFactory()` is ABF, `StudyAssociationFactory(slug="ibn-rushd")`
the one that lost its grant.
"""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

import factory

from cirklar.models import (
    Attendance,
    CircleIndexPage,
    CircleStatus,
    InterestRequest,
    LeaderProfile,
    Meeting,
    Participant,
    StudyAssociation,
    StudyCircle,
)
from home import roles
from tests.home.factories import PublishedPageFactory, UserFactory
from tests.kommuner.factories import MunicipalityFactory


class StudyAssociationFactory(factory.django.DjangoModelFactory):
    slug = "abf"

    class Meta:
        model = StudyAssociation
        django_get_or_create = ("slug",)


class LeaderFactory(UserFactory):
    """An account with the cirkelledare role and a confirmed leader profile
    (`profile=<StudyAssociation>` for another studieförbund than ABF)."""

    @factory.post_generation
    def profile(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=roles.CIRCLE_LEADER))
            LeaderProfile.objects.create(
                user=user,
                association=extracted or StudyAssociationFactory(),
                email_confirmed_at=timezone.now(),
            )


class StudyCircleFactory(factory.django.DjangoModelFactory):
    """A circle in Örebro, run by ABF, with one leader (`leaders=[...]` for others)."""

    name = factory.Sequence(lambda n: f"Cirkel {n}")
    association = factory.SubFactory(StudyAssociationFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    meeting_place = "Folkets hus, Storgatan 1"
    start_date = datetime.date(2027, 2, 1)
    status = CircleStatus.RUNNING
    work_plan = "Vi läser ett avsnitt i veckan och samtalar om det."
    public_description = "En cirkel om samverkan i vår kommun."

    class Meta:
        model = StudyCircle
        skip_postgeneration_save = True

    @factory.post_generation
    def leaders(circle, create, extracted, **kwargs):
        if create:
            circle.leaders.set(
                extracted if extracted is not None else [LeaderFactory()]
            )


class ParticipantFactory(factory.django.DjangoModelFactory):
    circle = factory.SubFactory(StudyCircleFactory)
    name = factory.Sequence(lambda n: f"Deltagare {n}")
    birth_year = 1980

    class Meta:
        model = Participant


class MeetingFactory(factory.django.DjangoModelFactory):
    circle = factory.SubFactory(StudyCircleFactory)
    date = factory.Sequence(
        lambda n: datetime.date(2027, 2, 1) + datetime.timedelta(weeks=n)
    )
    start_time = datetime.time(18, 0)
    length_minutes = 135

    class Meta:
        model = Meeting


class AttendanceFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    participant = factory.SubFactory(ParticipantFactory)
    present = True
    ticked_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Attendance


class InterestRequestFactory(factory.django.DjangoModelFactory):
    circle = factory.SubFactory(StudyCircleFactory)
    name = "Vera Besökare"
    email = "vera.besokare@example.se"
    message = "Jag vill gärna vara med."

    class Meta:
        model = InterestRequest


class CircleIndexPageFactory(PublishedPageFactory):
    """Hitta en studiecirkel, at /studiecirklar/ under the given parent (the home page)."""

    title = "Hitta en studiecirkel"
    slug = "studiecirklar"
    intro = "Studiecirklar som tar emot nya deltagare."

    class Meta:
        model = CircleIndexPage
