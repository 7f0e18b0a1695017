"""A circle leader on a phone starts a circle from a module, changes a proposed
meeting and adds three participants; axe on every page on the way."""

import datetime
import re

from django.utils import timezone

import pytest

from cirklar.models import StudyCircle
from tests.cirklar.factories import LeaderFactory

from .support import assert_no_axe_violations, new_context, unique_name

pytestmark = pytest.mark.browser

PASSWORD = "ett-bra-lösenord-123"
MODULE = "/studiematerial/overenskommelsen-i-var-kommun/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def leader(db):
    return LeaderFactory(username=unique_name("ledare"), password=PASSWORD)


def test_a_leader_starts_a_circle_from_a_module_and_adds_participants(
    browser, site, leader
):
    context = new_context(browser, site, viewport=PHONE)
    page = context.new_page()
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill(leader.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()

    page.goto(MODULE)
    with page.expect_navigation():
        page.get_by_role("link", name="Starta en cirkel med materialet").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Starta en cirkel"
    assert_no_axe_violations(page)

    name = unique_name("Cirkel i Örebro")
    start = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Namn (obligatoriskt)").fill(name)
    page.get_by_label(re.compile("^Studieförbund")).select_option(
        label="Arbetarnas bildningsförbund"
    )
    page.get_by_label(re.compile("^Kommun")).select_option(label="Örebro")
    page.get_by_label(re.compile("^Mötesplats")).fill("Församlingshemmet")
    page.get_by_label(re.compile("^Startdatum")).fill(start.isoformat())
    page.get_by_label(re.compile("^Arbetsplan")).fill("En träff i veckan.")
    with page.expect_navigation():
        page.get_by_role("button", name="Nästa: planera träffarna").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Planera träffarna"
    assert_no_axe_violations(page)
    second = page.get_by_role("group", name="Träff 2", exact=True)
    second.get_by_label(re.compile("^Starttid")).fill("19:30")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara cirkeln och träffarna").click()

    assert page.get_by_role("heading", level=1).inner_text() == name
    assert page.get_by_role("status").inner_text().startswith("Cirkeln")
    assert_no_axe_violations(page)
    circle = StudyCircle.objects.get(name=name)
    assert list(circle.leaders.all()) == [leader]
    times = [m.start_time for m in circle.meetings.all()]
    assert times[1] == datetime.time(19, 30)
    assert len(times) == circle.module.sessions.count()

    with page.expect_navigation():
        page.get_by_role("link", name="Lägg till en deltagare").click()
    assert_no_axe_violations(page)
    for person in ("Pia Persson", "Ola Olsson"):
        page.get_by_label("Namn (obligatoriskt)").fill(person)
        with page.expect_navigation():
            page.get_by_role("button", name="Spara och lägg till en till").click()
        assert person in page.get_by_role("status").inner_text()
    page.get_by_label("Namn (obligatoriskt)").fill("Stina Svensson")
    page.get_by_label(re.compile("^Födelseår")).fill("1990")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara", exact=True).click()

    participants = page.get_by_role("region", name=re.compile("^Deltagare"))
    for person in ("Pia Persson", "Ola Olsson", "Stina Svensson"):
        assert person in participants.inner_text()
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
