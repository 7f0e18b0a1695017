"""The kommuner app's models, one module per part (as wagtail.org's core/models/).

    places.py         län, kommuner and postal codes (reference data from a migration)
    records.py        the policy record of a kommun or region, its IOPs and documents
    organisations.py  the register of idéburna organisations
    pages.py          KommunIndexPage, the public pages about kommuner and regions

The modules import one another only in that order (pages.py reads all three), and
nothing here imports the app's other modules, so there is no import circle: import
the models from `kommuner.models`.
"""

from .organisations import (
    LegalForm,
    Organisation,
    OrganisationQuerySet,
    WorkArea,
    normalise_org_number,
    validate_org_number,
)
from .pages import KommunIndexPage
from .places import County, Municipality, PostalCode
from .records import (
    FIRST_YEAR,
    AgreementStatus,
    IOPPartnership,
    MappingStatus,
    PolicyDocument,
    PolicyDocumentType,
    PolicyRecord,
    year_validators,
)

__all__ = [
    "FIRST_YEAR",
    "AgreementStatus",
    "County",
    "IOPPartnership",
    "KommunIndexPage",
    "LegalForm",
    "MappingStatus",
    "Municipality",
    "Organisation",
    "OrganisationQuerySet",
    "PolicyDocument",
    "PolicyDocumentType",
    "PolicyRecord",
    "PostalCode",
    "WorkArea",
    "normalise_org_number",
    "validate_org_number",
    "year_validators",
]
