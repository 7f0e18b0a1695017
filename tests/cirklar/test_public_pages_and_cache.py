"""Circles on the kommun pages and the module pages, and what refreshes them in the page cache."""

import datetime

import pytest

from cirklar.models import Attendance, CircleStatus, Participant
from tests.cirklar.factories import (
    AttendanceFactory,
    InterestRequestFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyCircleFactory,
)
from tests.cirklar.test_public import count_queries, html_of, make_circles
from tests.kommuner.factories import MunicipalityFactory

KOMMUN = "/kommuner/orebro/"
MODULE = "/studiematerial/overenskommelsen-i-var-kommun/"
INDEX = "/studiecirklar/"
FUTURE = datetime.date.today() + datetime.timedelta(days=30)


@pytest.fixture
def circle(site_tree):
    circle = StudyCircleFactory(
        name="Samverkan i Örebro",
        municipality=MunicipalityFactory(code="1880"),
        module=site_tree.module,
    )
    MeetingFactory(circle=circle, date=FUTURE)
    return circle


def test_kommun_page_lists_its_open_circles(client, circle):
    StudyCircleFactory(name="Stängd i Örebro", open_to_new=False)
    StudyCircleFactory(
        name="Cirkel i Kiruna", municipality=MunicipalityFactory(code="2584")
    )
    html = html_of(client.get(KOMMUN))
    assert "Samverkan i Örebro" in html
    assert f'href="/studiecirklar/{circle.pk}/"' in html
    assert "1 studiecirkel i Örebro tar emot nya deltagare." in html
    assert "Stängd i Örebro" not in html
    assert "Cirkel i Kiruna" not in html


def test_kommun_page_without_circles_points_to_the_search(client, circle):
    html = html_of(client.get("/kommuner/kiruna/"))
    assert "Just nu tar ingen studiecirkel i Kiruna emot nya deltagare." in html


def test_kommun_page_with_50_circles_costs_as_many_queries_as_with_eleven(
    client, circle, site_tree
):
    one = count_queries(client, KOMMUN)
    make_circles(10, module=site_tree.module)
    eleven = count_queries(client, KOMMUN)  # more than the page lists: counted
    make_circles(39, module=site_tree.module)
    many = count_queries(client, KOMMUN)
    assert many == eleven == one + 1
    # The kommun page's own 6 (a kommun without a record), the circle index page, the
    # circles shown, their count, the overview's URL and the modules shown.
    assert many <= 11
    html = html_of(client.get(KOMMUN))
    assert "50 studiecirklar i Örebro" in html
    assert 'href="/studiecirklar/?kommun=orebro"' in html


def test_module_page_says_how_many_circles_use_it(client, circle, site_tree):
    StudyCircleFactory(module=site_tree.module, status=CircleStatus.FINISHED)
    StudyCircleFactory(module=site_tree.module, status=CircleStatus.ARCHIVED)
    html = html_of(client.get(MODULE))
    assert (
        "2 studiecirklar använder materialet, 1 av dem tar emot nya deltagare." in html
    )
    assert f'href="/studiecirklar/?material={site_tree.module.pk}"' in html


def test_module_page_count_costs_the_same_however_many_circles(
    client, circle, site_tree
):
    few = count_queries(client, MODULE)
    make_circles(500, module=site_tree.module)
    assert count_queries(client, MODULE) == few
    assert "501 studiecirklar använder materialet" in html_of(client.get(MODULE))


# The page cache.


def pages(circle):
    return [KOMMUN, MODULE, INDEX, f"{INDEX}{circle.pk}/"]


def states(client, urls):
    return {url: client.get(url)["X-Page-Cache"] for url in urls}


def warm(client, urls):
    for url in urls:
        client.get(url)
    assert states(client, urls) == dict.fromkeys(urls, "hit")


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Nytt namn"},
        {"open_to_new": False},
        {"status": CircleStatus.FINISHED},
        {"public_description": "En ny beskrivning."},
    ],
)
def test_a_change_to_a_circles_public_fields_refreshes_every_page_that_shows_it(
    client, circle, change
):
    urls = pages(circle)
    warm(client, urls)
    for field, value in change.items():
        setattr(circle, field, value)
    circle.save()
    assert states(client, urls) == dict.fromkeys(urls, "miss")


def test_a_meetings_new_date_refreshes_every_page_that_shows_the_circle(client, circle):
    urls = pages(circle)
    warm(client, urls)
    meeting = circle.meetings.get()
    meeting.date = FUTURE + datetime.timedelta(days=1)
    meeting.save()
    assert states(client, urls) == dict.fromkeys(urls, "miss")
    assert f"{meeting.date:%Y-%m-%d}" in html_of(client.get(f"{INDEX}{circle.pk}/"))


def test_participants_attendance_and_requests_refresh_nothing(client, circle):
    urls = [*pages(circle), "/"]
    warm(client, urls)
    participant = ParticipantFactory(circle=circle)
    participant.name = "Ändrat namn"
    participant.save()
    AttendanceFactory(meeting=circle.meetings.get(), participant=participant)
    Attendance.objects.update(present=False)
    for attendance in Attendance.objects.all():
        attendance.save()
    InterestRequestFactory(circle=circle)
    Participant.objects.filter(pk=participant.pk).delete()
    assert states(client, urls) == dict.fromkeys(urls, "hit")
