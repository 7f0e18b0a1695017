"""Factories for the study material's pages and sessions."""

import factory

from studiematerial.models import (
    AgreementPage,
    PrinciplePage,
    StudyModuleIndexPage,
    StudyModulePage,
    StudySession,
)
from tests.home.factories import PublishedPageFactory


class AgreementPageFactory(PublishedPageFactory):
    title = "Överenskommelsen"
    slug = "overenskommelsen"
    vision = "<p>En vision.</p>"

    class Meta:
        model = AgreementPage


class PrinciplePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Princip {n}")
    explanation = "<p>Förklaring.</p>"

    class Meta:
        model = PrinciplePage


class StudyModuleIndexPageFactory(PublishedPageFactory):
    title = "Studiematerial"
    slug = "studiematerial"

    class Meta:
        model = StudyModuleIndexPage


class StudyModulePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Material {n}")
    intro = "Ett material."
    target_groups = factory.LazyFunction(lambda: ["ideburna"])

    class Meta:
        model = StudyModulePage


class StudySessionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(StudyModulePageFactory)
    title = factory.Sequence(lambda n: f"Träff {n}")
    anchor = factory.Sequence(lambda n: f"traff-{n}")
    aim = "Att förstå."
    length_minutes = 120
    sort_order = factory.Sequence(int)

    class Meta:
        model = StudySession
