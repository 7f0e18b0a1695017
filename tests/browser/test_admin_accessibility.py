"""axe on the admin as editors use it: the page editor, with someone else on the same
page, and a snippet's edit view.

Wagtail 8.0's own widgets fail axe there; the project names them (templates under
templates/wagtailadmin/ and templates/wagtailsnippets/, and
home/static/home/js/admin_accessibility.js), so these run axe with no exceptions.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from home import roles
from kommuner.models import PolicyRecord
from studiematerial.models import StudyModulePage
from tests.home.factories import UserFactory

from .support import assert_no_axe_violations, new_context, unique_name

pytestmark = pytest.mark.browser

PASSWORD = "ett-bra-lösenord-123"
# The editing session pings every ten seconds: the first ping may wait for the next.
SESSION_TIMEOUT_MS = 25_000


def make_editor(first_name):
    return UserFactory(
        username=unique_name("redaktor"),
        password=PASSWORD,
        role=roles.EDITOR,
        first_name=first_name,
        last_name="Redaktör",
    )


def sign_in(page, user):
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill(user.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/")


def assert_has_one_heading_one(page):
    # axe's page-has-heading-one is a best practice, outside the WCAG tags we run.
    violations = (
        Axe()
        .run(
            page,
            options={"runOnly": {"type": "rule", "values": ["page-has-heading-one"]}},
        )
        .response["violations"]
    )
    assert not violations, violations
    assert page.locator("h1").count() == 1


def test_the_page_editor_is_accessible_with_someone_else_on_the_page(
    browser, site, page
):
    module = StudyModulePage.objects.get(slug="dialog-och-inflytande")
    edit_url = f"/admin/pages/{module.pk}/edit/"
    sign_in(page, make_editor("Rut"))
    other = new_context(browser, site)
    try:
        other_page = other.new_page()
        sign_in(other_page, make_editor("Sune"))
        other_page.goto(edit_url)
        page.goto(edit_url)

        # The other editor's avatar, named by who they are and what they do.
        expect(
            page.get_by_role("button", name=re.compile(r"^Sune Redaktör – .* just nu$"))
        ).to_be_visible(timeout=SESSION_TIMEOUT_MS)
        # The rich text editors, named by their field or their block.
        expect(page.get_by_role("textbox", name="Läsning").first).to_be_attached()
        expect(page.get_by_role("textbox", name="Stycke").first).to_be_attached()
        # The minimap's list scrolls, and can be reached from the keyboard.
        expect(page.get_by_role("list", name="Översiktskarta")).to_have_attribute(
            "tabindex", "0"
        )
        assert_no_axe_violations(page)
        assert_has_one_heading_one(page)
    finally:
        other.close()


def test_a_snippets_edit_and_create_views_are_accessible(page):
    record = PolicyRecord.objects.order_by("pk").first()
    sign_in(page, make_editor("Rut"))
    for url in [
        f"/admin/snippets/kommuner/policyrecord/edit/{record.pk}/",
        "/admin/snippets/kommuner/organisation/add/",
    ]:
        page.goto(url)
        expect(page.locator("[data-edit-form], form").first).to_be_visible()
        assert_no_axe_violations(page)
        assert_has_one_heading_one(page)
