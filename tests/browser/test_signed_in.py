"""A signed-in circle leader reads the public pages: their own header, the shared copy."""

import pytest

from home import roles
from tests.home.factories import UserFactory

from .support import (
    assert_no_axe_violations,
    assert_page_structure,
    new_context,
    unique_name,
)

pytestmark = pytest.mark.browser

PASSWORD = "ett-bra-lösenord-123"
MODULE = "/studiematerial/overenskommelsen-i-var-kommun/"


@pytest.fixture
def circle_leader(db):
    return UserFactory(
        username=unique_name("cirkelledare"),
        password=PASSWORD,
        role=roles.CIRCLE_LEADER,
    )


def test_signed_in_reader_gets_the_shared_page_with_their_own_header(
    browser, site, page, circle_leader
):
    # An anonymous reader opens the module first, so that it is in the page cache.
    anonymous = new_context(browser, site)
    first = anonymous.new_page()
    response = first.goto(MODULE)
    assert response.headers.get("x-page-cache") in ("hit", "miss")
    assert first.locator(".site-account").inner_text() == "Logga in"
    anonymous.close()

    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill(circle_leader.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()

    response = page.goto(MODULE)
    assert response.headers.get("x-page-cache") == "shared"
    header = page.locator(".site-account")
    assert header.inner_text() == "Mitt konto"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Överenskommelsen i vår kommun"
    )
    assert_page_structure(page)
    assert_no_axe_violations(page)

    # The header's link leads to their own account page, not to a cached one.
    with page.expect_navigation():
        header.get_by_role("link", name="Mitt konto").click()
    assert circle_leader.username in page.content()
