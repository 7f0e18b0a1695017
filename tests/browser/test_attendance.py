"""A circle leader takes attendance on a phone for three meetings, one of them offline,
sees the rule check met and downloads the attendance list.

The circle is built with the factories, with names unique to the run (what the browser
tests save is committed, see conftest.py); its meetings were held in the last weeks.
"""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from cirklar.models import Attendance
from tests.cirklar.factories import (
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyCircleFactory,
)

from .support import (
    assert_no_axe_violations,
    assert_page_structure,
    new_context,
    unique_name,
)

pytestmark = pytest.mark.browser

PASSWORD = "ett-bra-lösenord-123"
PHONE = {"width": 390, "height": 844}
NAMES = ["Anna Andersson", "Bertil Berg", "Cecilia Ceder"]


@pytest.fixture
def phone(browser, site):
    context = new_context(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def leader(db):
    return LeaderFactory(
        username=unique_name("ledare"),
        password=PASSWORD,
        first_name="Lena",
        last_name="Ledare",
    )


@pytest.fixture
def circle(leader):
    today = timezone.localdate()
    first = today - datetime.timedelta(weeks=3)
    circle = StudyCircleFactory(
        name=unique_name("Samverkan"), leaders=[leader], start_date=first
    )
    for name in NAMES:
        ParticipantFactory(circle=circle, name=name, birth_year=1970)
    for week in range(3):
        MeetingFactory(circle=circle, date=first + datetime.timedelta(weeks=week))
    return circle


def tick(page, name):
    page.get_by_role("checkbox", name=name, exact=True).check()


def status(page):
    return page.locator("#attendance-status")


def present(meeting):
    return set(
        Attendance.objects.filter(meeting=meeting, present=True).values_list(
            "participant__name", flat=True
        )
    )


def test_leader_takes_attendance_offline_and_online_and_sees_the_rules_met(
    phone, leader, circle
):
    page = phone.new_page()
    first, second, third = circle.meetings.order_by("date")

    page.goto(f"/mina-cirklar/{circle.pk}/traffar/{first.pk}/narvaro/")
    assert "/konto/logga-in/?next=" in page.url
    page.get_by_label("Användarnamn eller e-postadress").fill(leader.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Närvaro")
    assert page.get_by_role("checkbox", name="Lena Ledare").is_checked()
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # Meeting 1, online: each tick is saved at once.
    tick(page, "Anna Andersson")
    tick(page, "Bertil Berg")
    page.locator(
        f"#state-participant-{circle.participants.get(name='Bertil Berg').pk}"
    ).filter(has_text="Sparad").wait_for()
    status(page).filter(has_text="Allt är sparat.").wait_for()
    assert present(first) == {"Anna Andersson", "Bertil Berg"}
    assert_no_axe_violations(page)

    # Meeting 2, in a basement without a signal: the ticks wait on the phone.
    with page.expect_navigation():
        page.get_by_role("link", name="Nästa träff", exact=False).click()
    phone.set_offline(True)
    for name in NAMES:
        tick(page, name)
    status(page).filter(has_text="3 avprickningar väntar").wait_for()
    cecilia = circle.participants.get(name="Cecilia Ceder")
    assert (
        "Väntar på anslutning"
        in page.locator(f"#state-participant-{cecilia.pk}").inner_text()
    )
    assert present(second) == set()
    assert_no_axe_violations(page)

    # The connection returns: everything is sent, and says so.
    phone.set_offline(False)
    status(page).filter(has_text="Allt är sparat.").wait_for()
    assert "Sparad" in page.locator(f"#state-participant-{cecilia.pk}").inner_text()
    assert present(second) == set(NAMES)
    page.reload()
    for name in NAMES:
        assert page.get_by_role("checkbox", name=name, exact=True).is_checked()
    assert (
        page.evaluate(
            "Object.keys(localStorage).filter(k => k.startsWith('cirklar.')).length"
        )
        == 0
    )

    # A tick left waiting on the first meeting's page (closed before the connection
    # came back) is sent from whichever meeting's page opens next.
    cecilia_tick = (
        f'{{"participant:{cecilia.pk}": '
        '{"present": true, "ticked_at": new Date().toISOString()}}'
    )
    page.evaluate(
        f"localStorage.setItem('cirklar.attendance:/mina-cirklar/{circle.pk}/traffar/"
        f"{first.pk}/narvaro/prick/', JSON.stringify({cecilia_tick}))"
    )

    # Meeting 3, with the plain form's button.
    with page.expect_navigation():
        page.get_by_role("link", name="Nästa träff", exact=False).click()
    status(page).filter(has_text="Allt är sparat.").wait_for()
    assert present(first) == {"Anna Andersson", "Bertil Berg", "Cecilia Ceder"}
    page.get_by_role("checkbox", name="Anna Andersson", exact=True).click()
    page.get_by_role("checkbox", name="Cecilia Ceder", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Spara närvaron").click()
    assert "Närvaron är sparad." in page.get_by_role("status").first.inner_text()
    assert present(third) == {"Anna Andersson", "Cecilia Ceder"}
    assert_no_axe_violations(page)

    # The report: the rules are met.
    with page.expect_navigation():
        page.get_by_role("link", name="Cirkelns rapport").click()
    assert "Alla regler är uppfyllda." in page.inner_text("main")
    assert page.locator(".rule__status", has_text="Uppfylld").count() == 6
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # The CSV for the studieförbund.
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner närvarolistan (CSV)").click()
    body = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: PTH123, SIM115
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    by_name = {row[0]: row for row in rows}
    assert by_name["Anna Andersson"][3:] == ["X", "X", "X", "3"]
    assert by_name["Bertil Berg"][3:] == ["X", "X", "", "2"]
    assert by_name["Cecilia Ceder"][3:] == ["X", "X", "X", "3"]
    assert rows[-1][-1] == "9"

    # The calendar link to share.
    with page.expect_navigation():
        page.get_by_role("link", name="Kalenderlänk").click()
    feed = page.get_by_label("Cirkelns kalenderlänk").input_value()
    assert feed.endswith(f"/cirklar/kalender/{circle.calendar_token}.ics")
    assert_no_axe_violations(page)
    assert_page_structure(page)

    # The printable närvarolista.
    page.goto(f"/mina-cirklar/{circle.pk}/rapport/")
    with page.expect_navigation():
        page.get_by_role("link", name="Närvarolista för utskrift").click()
    assert "Cirkelledarens underskrift" in page.inner_text("main")
    assert_no_axe_violations(page)
    assert_page_structure(page)
