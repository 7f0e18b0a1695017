"""After a failed post, focus is on the error summary, which lists every error with a link;
and the add form's answer for an organisation another kommun already has.

The official works on Gällivare (2523), which no other browser test changes; a failed
post saves nothing, so the test leaves the kommun as it found it.
"""

from urllib.parse import urlsplit

import pytest

from kommuner.models import Municipality, Organisation, OrganisationPresence
from tests.kommuner.factories import OfficialFactory

from .support import (
    assert_focus_visible,
    assert_no_axe_violations,
    assert_page_structure,
    focused_element,
    tab_to,
    unique_name,
)

pytestmark = pytest.mark.browser

KOMMUN_CODE = "2523"  # Gällivare
PASSWORD = "ett-bra-lösenord-123"


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def assert_focus_on_the_summary(page):
    focused = focused_element(page)
    assert focused is not None and focused["id"] == "error-summary", (
        f"Focus is on {focused}, not on the error summary"
    )
    assert_focus_visible(page)


def test_focus_moves_to_the_summary_after_a_failed_post_and_on_to_the_field(page, db):
    kommun = Municipality.objects.get(code=KOMMUN_CODE)
    official = OfficialFactory(
        username=unique_name("handlaggare"), password=PASSWORD, municipalities=[kommun]
    )

    # A failed sign-in: the summary has focus.
    page.goto(f"/konto/logga-in/?next=/min-kommun/{kommun.slug}/")
    page.get_by_label("Användarnamn eller e-postadress").fill(official.username)
    page.get_by_label("Lösenord").fill("fel-lösenord")
    submit(page, "Logga in")
    assert_focus_on_the_summary(page)
    assert_no_axe_violations(page)

    page.get_by_label("Lösenord").fill(PASSWORD)
    submit(page, "Logga in")
    assert urlsplit(page.url).path == f"/min-kommun/{kommun.slug}/"
    assert page.locator("#error-summary").count() == 0

    # The record form, with an IOP row whose start year is before the agreement.
    year = page.get_by_label("År antagen eller reviderad")
    assert year.get_attribute("min") == "2008"
    assert year.get_attribute("max") == "2100"
    new_iop = page.get_by_role("group", name="Nytt partnerskap")
    new_iop.get_by_label("Idéburen partner").fill("Kvinnojouren i Gällivare")
    new_iop.get_by_label("Område").fill("Kvinnojour")
    start_year = new_iop.get_by_label("Startår")
    assert start_year.get_attribute("min") == "2008"
    start_year.fill("2007")
    submit(page, "Spara uppgifterna")

    assert_focus_on_the_summary(page)
    summary = page.get_by_role("alert")
    link = summary.get_by_role("link", name="Startår")
    assert link.inner_text() == (
        "IOP – idéburna offentliga partnerskap – Nytt partnerskap – Startår: "
        "Skriv ett år från 2008 och framåt."
    )
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # From the summary, Tab reaches the link and Enter the field it names.
    tab_to(page, link.inner_text())
    page.keyboard.press("Enter")
    focused = focused_element(page)
    assert focused["tag"] == "input" and focused["id"].endswith("-start_year")
    assert (
        page.get_by_role("group", name="Nytt partnerskap")
        .get_by_label("Startår")
        .input_value()
        == "2007"
    )


def test_an_official_marks_another_kommuns_organisation_as_active_and_removes_it(
    page, db
):
    kommun = Municipality.objects.get(code=KOMMUN_CODE)
    official = OfficialFactory(
        username=unique_name("handlaggare"), password=PASSWORD, municipalities=[kommun]
    )
    orebros = Organisation.objects.filter(municipality__code="1880").first()
    assert orebros is not None, "The demo content has organisations in Örebro"

    page.goto(f"/konto/logga-in/?next=/min-kommun/{kommun.slug}/organisationer/ny/")
    page.get_by_label("Användarnamn eller e-postadress").fill(official.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    submit(page, "Logga in")

    # The number is Örebro's: the summary says so, and the page offers the mark.
    page.get_by_label("Namn").fill(orebros.name)
    page.get_by_label("Organisationsnummer").fill(orebros.org_number)
    page.get_by_role("combobox", name="Organisationsform").select_option(index=1)
    submit(page, "Spara")
    assert_focus_on_the_summary(page)
    assert (
        f"Organisationsnummer: Organisationen finns redan i Örebro (hemkommun): "
        f"{orebros.name}."
    ) in page.get_by_role("alert").inner_text()
    assert_no_axe_violations(page)
    assert_page_structure(page)
    submit(page, f"Markera som verksam i {kommun.name}")

    # On the kommun's list, apart from its own, with only "Ta bort från listan".
    assert urlsplit(page.url).path == f"/min-kommun/{kommun.slug}/organisationer/"
    assert page.get_by_role("status").inner_text() == (
        f"{orebros.name} är markerad som verksam i {kommun.name}."
    )
    marked = page.get_by_role(
        "table", name="1 organisation med hemkommun någon annanstans"
    )
    assert orebros.name in marked.inner_text()
    assert marked.get_by_role("link", name="Ändra").count() == 0
    assert_no_axe_violations(page)

    # And on the kommun's public page, with its home kommun.
    page.goto(f"/kommuner/{kommun.slug}/")
    public = page.get_by_role("region", name="Lokala idéburna organisationer")
    assert public.get_by_role("link", name="Örebro", exact=True).count() == 1
    assert_no_axe_violations(page)

    # Taken off the list again: the organisation stays Örebro's.
    page.goto(f"/min-kommun/{kommun.slug}/organisationer/")
    page.get_by_role("link", name=f"Ta bort från listan {orebros.name}").click()
    page.wait_for_url("**/ta-bort/")
    assert_no_axe_violations(page)
    submit(page, "Ja, ta bort från listan")
    assert not OrganisationPresence.objects.filter(
        organisation=orebros, municipality=kommun
    ).exists()
    assert Organisation.objects.get(pk=orebros.pk).municipality.code == "1880"
