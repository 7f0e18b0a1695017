"""Fixtures for the kommuner tests: kommuner by name, their officials, records and the overview.

The kommuner and län are the reference data's (a migration loads them); the records,
organisations and officials are made here with tests/kommuner/factories.py.
"""

import pytest

from kommuner.models import AgreementStatus
from tests.kommuner.factories import (
    CountyFactory,
    IOPPartnershipFactory,
    KommunIndexPageFactory,
    MunicipalityFactory,
    OfficialFactory,
    OrganisationFactory,
    PolicyDocumentFactory,
    PolicyRecordFactory,
)


@pytest.fixture
def orebro(db):
    return MunicipalityFactory(code="1880")


@pytest.fixture
def stockholm(db):
    return MunicipalityFactory(code="0180")


@pytest.fixture
def kiruna(db):
    return MunicipalityFactory(code="2584")


@pytest.fixture
def official_of_orebro(orebro):
    """The municipal official who keeps Örebro's record and organisations."""
    return OfficialFactory(
        username="orebro-handlaggare",
        first_name="Hanna",
        last_name="Handläggare",
        municipalities=[orebro],
    )


@pytest.fixture
def official_of_stockholm(stockholm):
    """The municipal official who keeps Stockholm's record and organisations."""
    return OfficialFactory(username="stockholm-handlaggare", municipalities=[stockholm])


@pytest.fixture
def official_of_kiruna(kiruna):
    """The municipal official who keeps Kiruna's record and organisations."""
    return OfficialFactory(username="kiruna-handlaggare", municipalities=[kiruna])


@pytest.fixture
def kommun_index(home_page):
    """The kommun overview at /kommuner/, under the home page."""
    return KommunIndexPageFactory(parent=home_page)


# Kommuner with a record: code, status, year. The rest of the 290 have none.
KOMMUN_RECORDS = [
    ("1480", AgreementStatus.REVISED, 2022),  # Göteborg, see records_across_the_country
    ("1280", AgreementStatus.REVISED, 2019),  # Malmö: the only revised one in Skåne
    ("1281", AgreementStatus.ADOPTED, 2021),  # Lund
    ("2480", AgreementStatus.ADOPTED, 2018),  # Umeå
    ("1980", AgreementStatus.ADOPTED, 2020),  # Västerås
    ("1880", AgreementStatus.IN_DIALOGUE, None),  # Örebro
    ("0380", AgreementStatus.IN_DIALOGUE, None),  # Uppsala
    ("0580", AgreementStatus.IN_DIALOGUE, None),  # Linköping
    ("2580", AgreementStatus.MISSING, None),  # Luleå: a record that says saknas
]


@pytest.fixture
def records_across_the_country(kommun_index):
    """Records for nine kommuner in seven län and for two regions, by code.

    Every status is there, Luleå with a record that says saknas. Göteborg's record has
    two IOPs and a policy document, and a dozen organisations are registered there.
    Västerbotten's region has a record with its parties and an IOP; Skåne's is in
    dialogue. Stockholm, Kiruna and the rest have no record.
    """
    records = {
        code: PolicyRecordFactory(
            municipality=MunicipalityFactory(code=code),
            agreement_status=status,
            agreement_year=year,
        )
        for code, status, year in KOMMUN_RECORDS
    }
    goteborg = records["1480"]
    IOPPartnershipFactory.create_batch(2, record=goteborg)
    PolicyDocumentFactory(record=goteborg, title="Göteborgs policy för samverkan")
    OrganisationFactory.create_batch(12, municipality=goteborg.municipality)
    for code, status in (
        ("24", AgreementStatus.ADOPTED),
        ("12", AgreementStatus.IN_DIALOGUE),
    ):
        records[code] = PolicyRecordFactory(
            municipality=None,
            county=CountyFactory(code=code),
            agreement_status=status,
            agreement_parties="Regionen och länets idéburna organisationer",
        )
    IOPPartnershipFactory(record=records["24"], partner_name="Länets brukarråd")
    return records
