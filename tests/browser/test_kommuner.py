"""Kommuner: the public pages, and an official keeping their kommun's record and register.

The official works on Kiruna (2584): the demo content gives it no record and no
organisations, and no other browser test depends on it. What these tests save is
committed (see conftest.py), so every name and organisation number they use is unique
to the test run.
"""

import csv
import io
import random
import re
from urllib.parse import urlsplit

import pytest
from stdnum import luhn

from kommuner.models import (
    AgreementStatus,
    County,
    Municipality,
    Organisation,
    PolicyRecord,
)
from tests.kommuner.factories import OfficialFactory

from .support import (
    assert_no_axe_violations,
    assert_page_structure,
    focused_element,
    new_context,
    tab_to,
    unique_name,
)

pytestmark = pytest.mark.browser

KOMMUN_CODE = "2584"  # Kiruna
PASSWORD = "ett-bra-lösenord-123"
CSV_HEADERS = [
    "namn",
    "organisationsnummer",
    "organisationsform",
    "verksamhetsomraden",
    "webbplats",
    "anslutit_nationellt",
    "kommunkod",
]

_used_numbers = set()


def new_org_number():
    """A valid organisation number no organisation has, outside the demo series.

    The demo content numbers its organisations 802 + kommun code + two digits, and its
    national ones 80299…; these are 8029 followed by 0–8, so they never meet.
    """
    while True:
        digits = f"8029{random.randrange(90_000):05d}"
        number = f"{digits[:6]}-{digits[6:]}{luhn.calc_check_digit(digits)}"
        if number not in _used_numbers and not (
            Organisation.objects.filter(org_number=number).exists()
        ):
            _used_numbers.add(number)
            return number


def with_wrong_check_digit(number):
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def csv_file(rows):
    """A file as Excel in Sweden saves it: UTF-8 with a byte order mark, semicolons."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(rows)
    return {
        "name": "lista.csv",
        "mimeType": "text/csv",
        "buffer": ("\ufeff" + out.getvalue()).encode(),
    }


@pytest.fixture
def kommun(db):
    return Municipality.objects.select_related("county").get(code=KOMMUN_CODE)


@pytest.fixture
def official(db, kommun):
    """A municipal official for Kiruna, with a username no other test uses."""
    return OfficialFactory(
        username=unique_name("handlaggare"), password=PASSWORD, municipalities=[kommun]
    )


@pytest.fixture
def visitor(browser, site):
    """A second browser, not logged in: it gets the public pages from the page cache."""
    context = new_context(browser, site)
    yield context.new_page()
    context.close()


def log_in_to_min_kommun(page, user):
    """Open Min kommun, get sent to the login page, log in and land back on Min kommun."""
    page.goto("/min-kommun/")
    assert "/konto/logga-in/?next=" in page.url
    page.get_by_label("Användarnamn eller e-postadress").fill(user.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    press_button(page, "Logga in")
    assert_path(page, "/min-kommun/")
    assert page.get_by_role("heading", level=1).inner_text() == "Min kommun"


def open_kommun(page, kommun):
    page.get_by_role("link", name=kommun.name, exact=True).click()
    page.wait_for_url(f"**/min-kommun/{kommun.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == kommun.name


def last_saved(kommun):
    """When the kommun's record was last saved, or None if it has none."""
    return (
        PolicyRecord.objects.filter(municipality=kommun)
        .values_list("updated_at", flat=True)
        .first()
    )


def success_message(page):
    return page.get_by_role("status")


def assert_path(page, path):
    """The page's path is `path`, whatever fragment the browser kept from a link."""
    assert urlsplit(page.url).path == path, page.url


def descriptions(page, field):
    """The texts that describe a form field to a screen reader (aria-describedby)."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    return [page.locator(f"[id='{element_id}']").inner_text() for element_id in ids]


def press_button(page, name):
    """Click the button and wait for the page the form leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def test_public_overview_and_postal_code_search_are_accessible(page):
    kommun = Municipality.objects.get(code=KOMMUN_CODE)
    county = County.objects.filter(
        municipalities__record__agreement_status=AgreementStatus.ADOPTED
    ).first()
    assert county is not None, "The demo content has a kommun with an adopted agreement"

    page.goto("/kommuner/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # A postal code that does not exist: the overview again, with the error.
    page.get_by_label("Postnummer").fill("000 01")
    press_button(page, "Visa kommunen")
    assert page.url.endswith("/kommuner/postnummer/?postnummer=000+01")
    summary = page.get_by_role("alert")
    assert "Vi hittar inte postnumret 000 01" in summary.inner_text()
    assert page.title().startswith("Fel:")
    postal_code = page.get_by_label("Postnummer")
    assert postal_code.get_attribute("aria-invalid") == "true"
    assert descriptions(page, postal_code) == [
        "Fem siffror, till exempel 114 55.",
        "Vi hittar inte postnumret 000 01. Kontrollera siffrorna eller välj kommunen "
        "i listan nedan.",
    ]
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # The summary link takes a keyboard user to the field.
    summary.get_by_role("link").focus()
    page.keyboard.press("Enter")
    assert focused_element(page)["id"] == "id_postnummer"

    # Corrected, it leads to the kommun.
    page.get_by_label("Postnummer").fill("981 01")
    press_button(page, "Visa kommunen")
    assert_path(page, f"/kommuner/{kommun.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == kommun.name
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # The list filtered by län and status, as the filter form sends it.
    page.goto("/kommuner/")
    page.get_by_role("combobox", name="Län").select_option(label=county.name)
    page.get_by_role("combobox", name="Lokal överenskommelse").select_option(
        label="Antagen"
    )
    press_button(page, "Visa")
    assert page.url.endswith(f"/kommuner/?lan={county.slug}&status=antagen#kommuner")
    table = page.get_by_role("table", name="Kommuner och deras arbete")
    statuses = table.locator("tbody td:nth-child(3)").all_inner_texts()
    assert statuses
    assert all(status.startswith("Antagen") for status in statuses), statuses
    assert_no_axe_violations(page)
    assert_page_structure(page)


def test_official_updates_the_agreement_status(page, visitor, official, kommun):
    # A visitor has the kommun's public page open (and in the page cache) meanwhile.
    visitor.goto(f"/kommuner/{kommun.slug}/")
    saved_before = last_saved(kommun)

    log_in_to_min_kommun(page, official)
    assert_no_axe_violations(page)
    assert_page_structure(page)

    open_kommun(page, kommun)
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # Adopted, but the year is forgotten: nothing is saved, the errors say why.
    status = page.get_by_role("combobox", name="Lokal överenskommelse")
    status.select_option(label="Antagen")
    page.get_by_label("År antagen eller reviderad").fill("")
    press_button(page, "Spara uppgifterna")

    summary = page.get_by_role("alert")
    summary_link = summary.get_by_role("link")
    assert summary_link.inner_text() == (
        "År antagen eller reviderad: Ange året då överenskommelsen antogs eller "
        "reviderades."
    )
    year = page.get_by_label("År antagen eller reviderad")
    assert year.get_attribute("aria-invalid") == "true"
    assert descriptions(page, year) == [
        "Ange året då överenskommelsen antogs eller reviderades."
    ]
    assert status.evaluate("select => select.selectedOptions[0].text") == "Antagen"
    assert_no_axe_violations(page)
    assert_page_structure(page)
    assert last_saved(kommun) == saved_before

    # By keyboard: from the summary to the field, and the year typed there.
    link = tab_to(page, summary_link.inner_text())
    assert link["href"] == "#id_agreement_year"
    page.keyboard.press("Enter")
    assert focused_element(page)["id"] == "id_agreement_year"
    page.keyboard.type("2025")
    press_button(page, "Spara uppgifterna")
    assert_path(page, f"/min-kommun/{kommun.slug}/")
    assert success_message(page).inner_text() == (
        f"Uppgifterna för {kommun.name} är sparade."
    )
    assert page.get_by_role("alert").count() == 0
    record = PolicyRecord.objects.get(municipality=kommun)
    assert record.agreement_status == AgreementStatus.ADOPTED
    assert record.agreement_year == 2025
    assert_no_axe_violations(page)

    # The visitor sees it at once on the public page.
    visitor.reload()
    agreement = visitor.get_by_role("region", name="Lokal överenskommelse")
    facts = agreement.get_by_role("definition").all_inner_texts()
    assert facts[:2] == ["Antagen", "2025"]
    assert_no_axe_violations(visitor)
    assert_page_structure(visitor)

    # And in the overview, filtered on the kommun's län and the status.
    visitor.goto(f"/kommuner/?lan={kommun.county.slug}&status=antagen")
    row = visitor.get_by_role("row", name=re.compile(rf"^{kommun.name}\b"))
    assert row.get_by_role("cell").first.inner_text() == kommun.county.name
    assert "Antagen 2025" in row.inner_text()
    assert_no_axe_violations(visitor)


def test_official_imports_organisations_from_a_csv_file(
    page, visitor, official, kommun
):
    token = unique_name("import")
    names = [
        f"Idrottsföreningen Norrsken {token}",
        f"Kulturföreningen Midnattssol {token}",
        f"Stiftelsen Fjällstugan {token}",
    ]
    numbers = [new_org_number() for _ in names]
    rows = [
        [names[0], numbers[0], "Ideell förening", "Fritid och kultur; Folkhälsa",
         "www.example.se", "ja", KOMMUN_CODE],
        [names[1], with_wrong_check_digit(numbers[1]), "Ideell förening",
         "Fritid och kultur", "", "nej", KOMMUN_CODE],
        [names[2], numbers[2], "Stiftelse", "Äldre", "", "", ""],
    ]  # fmt: skip

    visitor.goto(f"/kommuner/{kommun.slug}/")

    log_in_to_min_kommun(page, official)
    open_kommun(page, kommun)
    page.get_by_role("navigation", name=f"{kommun.name}: avsnitt").get_by_role(
        "link", name="Importera"
    ).click()
    page.wait_for_url(f"**/min-kommun/{kommun.slug}/import/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # One bad organisation number: the preview says where, and nothing is saved.
    page.get_by_label("CSV- eller Excel-fil").set_input_files(csv_file(rows))
    press_button(page, "Förhandsgranska")
    assert page.get_by_role("heading", level=1).inner_text() == "Förhandsgranska import"
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading").inner_text() == (
        "1 rad behöver rättas. Ingenting har sparats."
    )
    bad_number = with_wrong_check_digit(numbers[1])
    (error,) = summary.get_by_role("listitem").all_inner_texts()
    assert error.startswith("Rad 3: organisationsnummer:")
    assert bad_number in error
    row_3 = page.get_by_role("row", name=re.compile(r"^3\b"))
    assert "Fel" in row_3.inner_text()
    assert page.get_by_role("button", name="Importera").count() == 0
    assert not Organisation.objects.filter(name__in=names).exists()
    assert not Organisation.objects.filter(org_number__in=numbers).exists()
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # The summary link leads to the row.
    summary.get_by_role("link", name="Rad 3").click()
    assert page.url.endswith("#rad-3")

    # Corrected and uploaded again, the file can be imported.
    with page.expect_navigation():
        page.get_by_role("link", name="Ladda upp en rättad fil").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Importera")
    rows[1][1] = numbers[1]
    page.get_by_label("CSV- eller Excel-fil").set_input_files(csv_file(rows))
    press_button(page, "Förhandsgranska")
    assert page.get_by_role("alert").count() == 0
    summary_items = page.get_by_role("list", name="Sammanfattning")
    assert summary_items.get_by_role("listitem").all_inner_texts() == [
        "3 nya",
        "0 uppdateras",
        "0 rader med fel",
    ]
    assert_no_axe_violations(page)
    press_button(page, "Importera")
    assert_path(page, f"/min-kommun/{kommun.slug}/organisationer/")
    assert success_message(page).inner_text() == (
        "3 organisationer importerade (3 nya, 0 uppdaterade)."
    )
    listed = page.get_by_role("table", name="Organisationer")
    listed_names = listed.locator("tbody th").all_inner_texts()
    assert set(names) <= set(listed_names)
    assert_no_axe_violations(page)
    assert_page_structure(page)
    saved = Organisation.objects.filter(org_number__in=numbers)
    assert sorted(saved.values_list("name", flat=True)) == sorted(names)
    assert {organisation.municipality_id for organisation in saved} == {kommun.pk}
    foundation = saved.get(org_number=numbers[2])
    assert foundation.form == "stiftelse" and foundation.areas == ["aldre"]

    # The visitor finds them on the public page.
    visitor.reload()
    public = visitor.get_by_role("region", name="Lokala idéburna organisationer")
    public_names = public.locator("tbody th").all_inner_texts()
    assert set(names) <= set(public_names)
    assert_no_axe_violations(visitor)


def test_official_adds_an_organisation_after_correcting_errors(page, official, kommun):
    log_in_to_min_kommun(page, official)
    open_kommun(page, kommun)
    page.get_by_role("navigation", name=f"{kommun.name}: avsnitt").get_by_role(
        "link", name="Organisationer"
    ).click()
    page.wait_for_url(f"**/min-kommun/{kommun.slug}/organisationer/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    page.get_by_role("link", name="Lägg till en organisation").click()
    page.wait_for_url(f"**/min-kommun/{kommun.slug}/organisationer/ny/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # An invalid number and no organisation form: two errors, nothing saved.
    name = f"Föreningen Rättelse {unique_name('ny')}"
    page.get_by_label("Namn").fill(name)
    page.get_by_label("Organisationsnummer").fill("802912-345")
    press_button(page, "Spara")
    summary_links = page.get_by_role("alert").get_by_role("link").all_inner_texts()
    assert summary_links == [
        "Organisationsnummer: 802912-345 är inte ett giltigt organisationsnummer "
        "(tio siffror, NNNNNN-NNNN).",
        "Organisationsform: Välj organisationsform.",
    ]
    assert page.get_by_label("Namn").input_value() == name
    assert not Organisation.objects.filter(name=name).exists()
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # Corrected, it is added to the register.
    number = new_org_number()
    page.get_by_label("Organisationsnummer").fill(number.replace("-", ""))
    page.get_by_label("Organisationsform").select_option(label="Ideell förening")
    page.get_by_role("checkbox", name="Barn och unga").check()
    press_button(page, "Spara")
    assert_path(page, f"/min-kommun/{kommun.slug}/organisationer/")
    assert success_message(page).inner_text() == f"{name} är tillagd."
    organisation = Organisation.objects.get(org_number=number)
    assert organisation.name == name
    assert organisation.municipality_id == kommun.pk
    assert organisation.areas == ["barn_och_unga"]
