"""axe (WCAG 2.1 A and AA) and the basic page structure on every page type of the site."""

import re

import pytest

from tests.home.factories import UserFactory

from .support import assert_no_axe_violations, assert_page_structure, unique_name

pytestmark = pytest.mark.browser

MODULE_URL = "/studiematerial/dialog-och-inflytande/"

PAGES = [
    pytest.param("/", 200, id="startsida"),
    pytest.param("/overenskommelsen/", 200, id="overenskommelsen"),
    pytest.param("/overenskommelsen/dialog/", 200, id="princip"),
    pytest.param("/studiematerial/", 200, id="studiematerial"),
    pytest.param(MODULE_URL, 200, id="studiematerial-sida"),
    pytest.param(MODULE_URL + "utskrift/ledare/", 200, id="utskrift-ledare"),
    pytest.param(MODULE_URL + "utskrift/deltagare/", 200, id="utskrift-deltagare"),
    pytest.param("/nyheter/", 200, id="nyheter"),
    pytest.param("/nyheter/?kategori=inbjudan", 200, id="nyheter-filtrerade"),
    pytest.param("/nyheter/studieplattformen-oppnar/", 200, id="nyhet"),
    pytest.param("/om/", 200, id="innehallssida"),
    pytest.param("/tillganglighet/", 200, id="tillganglighetsredogorelse"),
    pytest.param("/integritetspolicy/", 200, id="integritetspolicy"),
    pytest.param("/sok/?q=dialog", 200, id="sokresultat"),
    pytest.param("/sok/?q=zzxqy", 200, id="sokresultat-tomt"),
    pytest.param("/konto/logga-in/", 200, id="logga-in"),
    pytest.param("/konto/glomt-losenord/", 200, id="glomt-losenord"),
    pytest.param("/finns-inte/", 404, id="sidan-finns-inte"),
]


@pytest.mark.parametrize(("path", "status"), PAGES)
def test_page_is_accessible(page, path, status):
    response = page.goto(path)
    assert response.status == status
    assert_no_axe_violations(page)
    assert_page_structure(page)


def test_account_page_is_accessible_after_logging_in(page):
    username = unique_name("testdeltagare")
    UserFactory(username=username, password="rätt-lösenord-123")
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill(username)
    page.get_by_label("Lösenord").fill("rätt-lösenord-123")
    page.get_by_role("button", name="Logga in").click()

    page.wait_for_url("**/konto/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mitt konto"
    assert_no_axe_violations(page)
    assert_page_structure(page)


def test_failed_login_shows_an_accessible_error_summary(page):
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill("ingen")
    page.get_by_label("Lösenord").fill("fel-lösenord")
    page.get_by_role("button", name="Logga in").click()

    assert page.get_by_role("alert").is_visible()
    assert_no_axe_violations(page)
    assert_page_structure(page)


def test_field_errors_are_linked_from_the_summary_and_described_on_the_field(page):
    page.goto("/konto/glomt-losenord/")
    page.get_by_role("button", name="Skicka länk").click()

    summary_link = page.get_by_role("alert").get_by_role("link")
    assert summary_link.inner_text() == "E-postadress: Skriv din e-postadress."
    field = page.get_by_label("E-postadress")
    assert field.get_attribute("aria-invalid") == "true"
    described_by = field.get_attribute("aria-describedby")
    descriptions = [
        page.locator(f"[id='{element_id}']").inner_text()
        for element_id in described_by.split()
    ]
    assert descriptions == ["Skriv din e-postadress."]
    assert_no_axe_violations(page)
    assert_page_structure(page)

    summary_link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "email"


def test_password_reset_pages_from_the_emailed_link_are_accessible(page, mailoutbox):
    username = unique_name("testdeltagare")
    email = f"{username}@example.se"
    UserFactory(username=username, email=email, password="gammalt-lösenord-123")
    page.goto("/konto/glomt-losenord/")
    page.get_by_label("E-postadress").fill(email)
    page.get_by_role("button", name="Skicka länk").click()
    page.wait_for_url("**/konto/glomt-losenord/skickat/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    (message,) = mailoutbox
    link = re.search(r"https?://\S+/konto/nytt-losenord/\S+/", message.body).group()
    page.goto(link)
    new_password = page.get_by_label(re.compile(r"^Nytt lösenord"))
    help_ids = new_password.get_attribute("aria-describedby").split()
    help_text = page.locator(f"[id='{help_ids[0]}']").inner_text()
    assert "lösenord" in help_text.lower()
    assert_no_axe_violations(page)
    assert_page_structure(page)
