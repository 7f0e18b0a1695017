"""A new circle leader signs up on a phone, confirms by the mailed link, and is ready."""

import re

import pytest

from cirklar.models import LeaderProfile
from home import roles

from .support import (
    assert_no_axe_violations,
    assert_page_structure,
    new_context,
    unique_name,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PASSWORD = "Cirkel-i-källaren-2027"  # noqa: S105 - a test password


@pytest.fixture
def phone(browser, site):
    context = new_context(browser, site, viewport=PHONE)
    yield context.new_page()
    context.close()


def test_a_leader_signs_up_confirms_by_the_link_and_the_account_is_ready(
    phone, mailoutbox
):
    page = phone
    email = f"{unique_name('ledare')}@example.se"
    page.goto("/konto/bli-cirkelledare/")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # First with a mistake: the passwords differ, and the error summary says so.
    page.get_by_label("Namn").fill("Sara Svensson")
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label("Studieförbund").select_option(label="Sensus studieförbund")
    page.get_by_label(re.compile(r"^Lösenord \(")).fill(PASSWORD)
    page.get_by_label("Lösenordet igen").fill(PASSWORD + "x")
    page.get_by_role("button", name="Skapa konto").click()
    summary = page.get_by_role("alert")
    assert "Lösenorden är inte likadana" in summary.inner_text()
    assert page.get_by_label("Namn").input_value() == "Sara Svensson"
    assert_no_axe_violations(page)

    page.get_by_label(re.compile(r"^Lösenord \(")).fill(PASSWORD)
    page.get_by_label("Lösenordet igen").fill(PASSWORD)
    page.get_by_role("button", name="Skapa konto").click()
    page.wait_for_url(re.compile(r"/konto/bli-cirkelledare/skickat/(#\w+)?$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Kolla din e-post"
    assert_no_axe_violations(page)
    assert_page_structure(page)

    (message,) = [m for m in mailoutbox if m.to == [email]]
    link = re.search(r"https?://\S+/bekrafta/\S+/", message.body).group()
    page.goto(link)
    page.wait_for_url(re.compile(r"/konto/bli-cirkelledare/klart/(#\w+)?$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Ditt konto är klart"
    assert_no_axe_violations(page)
    assert_page_structure(page)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]

    profile = LeaderProfile.objects.select_related("user").get(user__email=email)
    assert profile.email_confirmed_at is not None
    assert profile.user.groups.filter(name=roles.CIRCLE_LEADER).exists()
