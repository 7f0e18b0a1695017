"""A visitor on a phone finds a study circle by postal code and sends an intresseanmälan.

The circle is made here, in Östersund (2380), where no other browser test works; what
the test saves is committed (see conftest.py), so its names are unique to the run.
"""

import datetime

import pytest

from cirklar.models import InterestRequest
from kommuner.models import Municipality, PostalCode
from studiematerial.models import StudyModulePage
from tests.cirklar.factories import LeaderFactory, MeetingFactory, StudyCircleFactory

from .support import (
    assert_no_axe_violations,
    assert_page_structure,
    new_context,
    unique_name,
)

pytestmark = pytest.mark.browser

KOMMUN_CODE = "2380"  # Östersund
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, site):
    context = new_context(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def circle(db):
    municipality = Municipality.objects.get(code=KOMMUN_CODE)
    leader = LeaderFactory(username=unique_name("ledare"), email="ledare@example.se")
    circle = StudyCircleFactory(
        name=unique_name("Samtalscirkel"),
        municipality=municipality,
        module=StudyModulePage.objects.live().first(),
        meeting_place="Stadsbiblioteket, Rådhusgatan 25",
        public_description="Vi samtalar om Överenskommelsen i vår kommun.",
        leaders=[leader],
    )
    MeetingFactory(
        circle=circle, date=datetime.date.today() + datetime.timedelta(days=10)
    )
    return circle


def press_button(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def test_a_visitor_finds_a_circle_by_postal_code_and_sends_an_interest_request(
    phone, circle
):
    page = phone
    postal_code = PostalCode.objects.filter(municipality__code=KOMMUN_CODE).first()
    page.goto("/studiecirklar/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    page.get_by_label("Postnummer").fill(
        f"{postal_code.code[:3]} {postal_code.code[3:]}"
    )
    press_button(page, "Visa cirklar")
    status = page.get_by_role("status").first.inner_text()
    assert "hör till Östersund" in status
    assert "hittades" in status
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.get_by_role("link", name=circle.name).click()
    assert_no_axe_violations(page)
    assert_page_structure(page)
    assert "Stadsbiblioteket" in page.content()

    with page.expect_navigation():
        page.get_by_role("link", name="Anmäl intresse").click()
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # Without an address first: the error summary, then the address.
    page.get_by_label("Ditt namn").fill("Vera Besökare")
    press_button(page, "Skicka intresseanmälan")
    assert "Skriv din e-postadress" in page.get_by_role("alert").inner_text()
    assert page.title().startswith("Fel:")
    assert_no_axe_violations(page)

    email = f"{unique_name('vera')}@example.se"
    page.get_by_label("Din e-postadress").fill(email)
    page.get_by_label("Meddelande till cirkelledaren").fill("Jag vill gärna vara med.")
    press_button(page, "Skicka intresseanmälan")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Tack för din intresseanmälan"
    )
    assert_no_axe_violations(page)
    assert_page_structure(page)
    assert InterestRequest.objects.filter(circle=circle, email=email).exists()
