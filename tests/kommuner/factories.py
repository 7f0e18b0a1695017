"""Factories for kommuner: the overview page, records, organisations and officials.

The 21 län and 290 kommuner come from a data migration, so their factories look them
up by code rather than make new ones: `MunicipalityFactory(code="1880")` is Örebro.
"""

from django.contrib.auth.models import Group

import factory
from stdnum import luhn

from home import roles
from kommuner.models import (
    AgreementStatus,
    County,
    IOPPartnership,
    KommunIndexPage,
    LegalForm,
    Municipality,
    Organisation,
    OrganisationPresence,
    PolicyDocument,
    PolicyRecord,
)
from tests.home.factories import PublishedPageFactory, UserFactory

#: Organisation numbers from these factories: 8028 and five digits, a series no other
#: test, the demo content (802 + kommun code) or the bench (8899…) uses.
ORG_NUMBER_PREFIX = "8028"


def org_number(serial):
    """A valid organisationsnummer, NNNNNN-NNNN, in the factories' own series."""
    digits = f"{ORG_NUMBER_PREFIX}{serial:05d}"
    return f"{digits[:6]}-{digits[6:]}{luhn.calc_check_digit(digits)}"


class CountyFactory(factory.django.DjangoModelFactory):
    """A län from the reference data, by its code (`CountyFactory(code="24")`)."""

    code = "18"  # Örebro län

    class Meta:
        model = County
        django_get_or_create = ("code",)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """A kommun from the reference data, by its code (`MunicipalityFactory(code="2584")`)."""

    code = "1880"  # Örebro

    class Meta:
        model = Municipality
        django_get_or_create = ("code",)


class KommunIndexPageFactory(PublishedPageFactory):
    title = "Kommuner och regioner"
    slug = "kommuner"
    intro = "Hur Överenskommelsen lever lokalt i landets kommuner och regioner."
    show_in_menus = True

    class Meta:
        model = KommunIndexPage


class PolicyRecordFactory(factory.django.DjangoModelFactory):
    """A kommun's record (pass `county=` and `municipality=None` for a region's)."""

    municipality = factory.SubFactory(MunicipalityFactory)
    agreement_status = AgreementStatus.ADOPTED
    agreement_year = factory.LazyAttribute(
        lambda record: (
            2020
            if record.agreement_status
            in (AgreementStatus.ADOPTED, AgreementStatus.REVISED)
            else None
        )
    )
    agreement_parties = "Kommunen och föreningslivet"
    contact_name = factory.Sequence(lambda n: f"Handläggare Nummer{n}")
    contact_title = "Utvecklingsledare"
    contact_email = factory.Sequence(lambda n: f"handlaggare{n}@example.se")
    contact_phone = factory.Sequence(lambda n: f"070-{n:03d} 00 00")

    class Meta:
        model = PolicyRecord


class IOPPartnershipFactory(factory.django.DjangoModelFactory):
    record = factory.SubFactory(PolicyRecordFactory)
    partner_name = factory.Sequence(lambda n: f"Idéburen partner {n}")
    area = "Läxhjälp"
    start_year = 2021
    sort_order = factory.Sequence(int)

    class Meta:
        model = IOPPartnership


class PolicyDocumentFactory(factory.django.DjangoModelFactory):
    record = factory.SubFactory(PolicyRecordFactory)
    title = factory.Sequence(lambda n: f"Policy för samverkan {n}")
    document_type = "policy"
    sort_order = factory.Sequence(int)

    class Meta:
        model = PolicyDocument


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A local organisation in Örebro unless told otherwise (`municipality=None`: national)."""

    name = factory.Sequence(lambda n: f"Testföreningen {n}")
    org_number = factory.Sequence(org_number)
    form = LegalForm.NON_PROFIT
    areas = factory.LazyFunction(lambda: ["barn_och_unga"])
    municipality = factory.SubFactory(MunicipalityFactory)

    class Meta:
        model = Organisation


class OrganisationPresenceFactory(factory.django.DjangoModelFactory):
    """An organisation (of Örebro, by default) marked as active in another kommun (Kiruna)."""

    organisation = factory.SubFactory(OrganisationFactory)
    municipality = factory.SubFactory(MunicipalityFactory, code="2584")

    class Meta:
        model = OrganisationPresence


class OfficialFactory(UserFactory):
    """A municipal official; `municipalities=[...]` are the kommuner they keep."""

    username = factory.Sequence(lambda n: f"handlaggare-{n}")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            group = Group.objects.get(name=extracted or roles.MUNICIPAL_OFFICIAL)
            user.groups.add(group)

    @factory.post_generation
    def municipalities(user, create, extracted, **kwargs):
        if create and extracted:
            user.municipalities.set(extracted)
