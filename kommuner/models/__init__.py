"""The kommuner app's models, one module per part (as wagtail.org's core/models/).

    places.py         län, kommuner and postal codes (reference data from a migration)
    records.py        the policy record of a kommun or region, its IOPs and documents
    organisations.py  the register of idéburna organisations
    pages.py          KommunIndexPage, the public pages about kommuner and regions

The modules import one another only in that order (pages.py reads all three); of the
app's other modules only kommuner/open_data.py, which imports nothing of the app, is
imported here. So there is no import circle (tests/test_import_graph.py): the app's
forms, views and hooks import the models from `kommuner.models`.
"""

from .organisations import (
    LegalForm,
    Organisation,
    OrganisationPresence,
    OrganisationQuerySet,
    WorkArea,
    normalise_org_number,
    presence_refusal,
    sort_name,
    swedish_sort_key,
    validate_org_number,
)
from .pages import KommunIndexPage
from .places import CONTENT_KIND, County, Municipality, PostalCode
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
    "CONTENT_KIND",
    "FIRST_YEAR",
    "AgreementStatus",
    "County",
    "IOPPartnership",
    "KommunIndexPage",
    "LegalForm",
    "MappingStatus",
    "Municipality",
    "Organisation",
    "OrganisationPresence",
    "OrganisationQuerySet",
    "PolicyDocument",
    "PolicyDocumentType",
    "PolicyRecord",
    "PostalCode",
    "WorkArea",
    "normalise_org_number",
    "presence_refusal",
    "sort_name",
    "swedish_sort_key",
    "validate_org_number",
    "year_validators",
]
