"""The error pages, as visitors meet them: axe, the page structure and the way on."""

import pytest

from home import roles
from tests.home.factories import UserFactory

from .support import assert_no_axe_violations, assert_page_structure, unique_name

pytestmark = pytest.mark.browser

PASSWORD = "ett-bra-lösenord-123"


@pytest.fixture
def circle_leader(db):
    return UserFactory(
        username=unique_name("cirkelledare"),
        password=PASSWORD,
        role=roles.CIRCLE_LEADER,
    )


def sign_in(page, user):
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill(user.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/")


def assert_accessible_error_page(page, heading):
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.get_by_role("heading", name="Vad kan du göra?").is_visible()
    assert_no_axe_violations(page)
    assert_page_structure(page)


def test_the_404_page_is_accessible(page):
    response = page.goto("/finns-inte/")
    assert response.status == 404
    assert_accessible_error_page(page, "Sidan finns inte")


def test_the_403_page_is_accessible_and_offers_another_account(page, circle_leader):
    sign_in(page, circle_leader)
    response = page.goto("/min-kommun/")
    assert response.status == 403
    assert_accessible_error_page(page, "Du har inte behörighet till sidan")

    page.get_by_role("button", name="Logga in med ett annat konto").click()
    page.wait_for_url("**/konto/logga-in/?next=/min-kommun/")
    assert page.get_by_role("link", name="Logga in").is_visible()  # signed out


def test_the_405_page_is_accessible(page, circle_leader):
    sign_in(page, circle_leader)
    response = page.goto("/konto/logga-ut/")  # signing out takes the button
    assert response.status == 405
    assert_accessible_error_page(page, "Sidan kan inte användas på det sättet")


def test_the_csrf_page_is_accessible_and_leads_back_to_the_form(page, context):
    page.goto("/konto/glomt-losenord/")
    context.clear_cookies()  # as when cookies are off, or the session has ended
    page.get_by_label("E-postadress").fill("nagon@example.se")
    page.get_by_role("button", name="Skicka länk").click()
    page.wait_for_load_state()
    assert_accessible_error_page(page, "Formuläret kunde inte skickas")

    page.get_by_role("link", name="Gå tillbaka till formuläret").click()
    page.wait_for_url("**/konto/glomt-losenord/")
    assert page.get_by_label("E-postadress").input_value() == ""
