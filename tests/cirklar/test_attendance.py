"""Attendance in a few taps: the plain form, the ticks saved one by one, the report,
the exports and the calendar link."""

import csv
import datetime
import io
import json

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from cirklar.models import Attendance, Meeting
from home import cache
from tests.cirklar.factories import AttendanceFactory, MeetingFactory

from .attendance_fixtures import *  # noqa: F403 - the fixtures


def attendance_url(circle, meeting):
    return reverse("mina_cirklar:attendance", args=[circle.pk, meeting.pk])


def tick_url(circle, meeting):
    return reverse("mina_cirklar:attendance_tick", args=[circle.pk, meeting.pk])


def send_tick(client, circle, meeting, ticked_at, present=True, **who):
    body = {"present": present, "ticked_at": ticked_at.isoformat(), **who}
    return client.post(
        tick_url(circle, meeting), json.dumps(body), content_type="application/json"
    )


def first_meeting(circle):
    return circle.meetings.order_by("date").first()


def take_attendance(client, circle, meeting, names, leaders_present=None):
    participants = circle.participants.filter(name__in=names)
    leaders = circle.leaders.all() if leaders_present is None else leaders_present
    return client.post(
        attendance_url(circle, meeting),
        {
            "present": [str(p.pk) for p in participants],
            "leader_present": [str(u.pk) for u in leaders],
        },
    )


# The plain form --------------------------------------------------------------------


def test_the_checklist_lists_participants_and_leaders_present_unless_absent(
    client, circle, leader
):
    client.force_login(leader)
    response = client.get(attendance_url(circle, first_meeting(circle)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna Andersson" in html and "David Dahl" in html
    pk = leader.pk
    assert (
        f'name="leader_present" value="{pk}" id="leader-{pk}" data-leader="{pk}" '
        f'aria-describedby="state-leader-{pk}" checked' in html
    )
    assert "no-store" in response["Cache-Control"]


def test_the_form_saves_attendance_and_redirects_to_the_message(
    client, circle, leader, co_leader
):
    client.force_login(leader)
    meeting = first_meeting(circle)
    response = take_attendance(
        client,
        circle,
        meeting,
        ["Anna Andersson", "Bertil Berg"],
        leaders_present=[leader],
    )
    assert response.status_code == 302
    assert response["Location"] == attendance_url(circle, meeting) + "#main"
    page = client.get(response["Location"])
    assert "Närvaron är sparad." in page.content.decode()
    present = set(
        Attendance.objects.filter(meeting=meeting, present=True).values_list(
            "participant__name", flat=True
        )
    )
    assert present == {"Anna Andersson", "Bertil Berg"}
    assert Attendance.objects.filter(meeting=meeting, present=False).count() == 2
    meeting.refresh_from_db()
    assert list(meeting.absent_leaders.all()) == [co_leader]
    assert meeting.attendance_taken_at is not None


def test_the_form_sent_again_changes_nothing(client, circle, leader):
    client.force_login(leader)
    meeting = first_meeting(circle)
    take_attendance(client, circle, meeting, ["Anna Andersson"])
    take_attendance(client, circle, meeting, ["Anna Andersson"])
    assert Attendance.objects.filter(meeting=meeting).count() == 4
    assert Attendance.objects.filter(meeting=meeting, present=True).count() == 1


def test_a_circle_without_work_plan_cannot_take_attendance(client, circle, leader):
    circle.work_plan = "  "
    circle.save()
    client.force_login(leader)
    meeting = first_meeting(circle)
    page = client.get(attendance_url(circle, meeting)).content.decode()
    assert "Cirkeln har ingen arbetsplan än." in page
    assert "Fyll i arbetsplanen" in page
    assert 'name="present"' not in page
    take_attendance(client, circle, meeting, ["Anna Andersson"])
    response = send_tick(
        client,
        circle,
        meeting,
        timezone.now(),
        participant=circle.participants.first().pk,
    )
    assert response.status_code == 409
    assert "arbetsplan" in response.json()["error"]
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.attendance_taken_at is None


# Ticks one by one ------------------------------------------------------------------


def test_the_same_tick_sent_twice_leaves_one_row_in_its_state(client, circle, leader):
    client.force_login(leader)
    meeting = first_meeting(circle)
    anna = circle.participants.get(name="Anna Andersson")
    moment = timezone.now() - datetime.timedelta(minutes=5)
    first = send_tick(client, circle, meeting, moment, participant=anna.pk)
    again = send_tick(client, circle, meeting, moment, participant=anna.pk)
    assert first.json() == {
        "ok": True,
        "applied": True,
        "present": True,
        "ticked_at": moment.isoformat(),
    }
    assert again.json()["applied"] is False
    row = Attendance.objects.get()
    assert (row.present, row.ticked_at) == (True, moment)
    meeting.refresh_from_db()
    assert meeting.attendance_taken_at is not None


def test_an_older_tick_sent_late_does_not_overwrite_a_newer_one(client, circle, leader):
    client.force_login(leader)
    meeting = first_meeting(circle)
    anna = circle.participants.get(name="Anna Andersson")
    now = timezone.now()
    send_tick(
        client,
        circle,
        meeting,
        now - datetime.timedelta(minutes=1),
        present=False,
        participant=anna.pk,
    )
    late = send_tick(
        client,
        circle,
        meeting,
        now - datetime.timedelta(minutes=10),
        present=True,
        participant=anna.pk,
    )
    assert late.json()["applied"] is False
    assert late.json()["present"] is False
    assert Attendance.objects.get().present is False
    newer = send_tick(client, circle, meeting, now, present=True, participant=anna.pk)
    assert newer.json()["applied"] is True
    assert Attendance.objects.get().present is True


def test_a_tick_from_a_clock_ahead_counts_as_made_when_it_arrives(
    client, circle, leader
):
    client.force_login(leader)
    meeting = first_meeting(circle)
    anna = circle.participants.get(name="Anna Andersson")
    send_tick(
        client,
        circle,
        meeting,
        timezone.now() + datetime.timedelta(days=1),
        participant=anna.pk,
    )
    assert Attendance.objects.get().ticked_at <= timezone.now()
    later = send_tick(
        client, circle, meeting, timezone.now(), present=False, participant=anna.pk
    )
    assert later.json()["applied"] is True


def test_a_leader_tick_marks_the_leader_absent_and_present_again(
    client, circle, leader, co_leader
):
    client.force_login(leader)
    meeting = first_meeting(circle)
    now = timezone.now()
    send_tick(client, circle, meeting, now, present=False, leader=co_leader.pk)
    send_tick(client, circle, meeting, now, present=False, leader=co_leader.pk)
    assert list(meeting.absent_leaders.all()) == [co_leader]
    send_tick(client, circle, meeting, now, present=True, leader=co_leader.pk)
    assert not meeting.absent_leaders.exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps([1]),
        json.dumps({"participant": 1}),
        json.dumps(
            {"participant": 1, "present": "yes", "ticked_at": "2027-02-01T18:00:00Z"}
        ),
        json.dumps({"participant": 1, "present": True, "ticked_at": "igår"}),
        json.dumps(
            {"participant": 1, "present": True, "ticked_at": "2027-02-01T18:00:00"}
        ),
    ],
)
def test_a_tick_that_cannot_be_read_is_refused(client, circle, leader, body):
    client.force_login(leader)
    meeting = first_meeting(circle)
    body = body.replace(
        '"participant": 1', f'"participant": {circle.participants.first().pk}'
    )
    response = client.post(
        tick_url(circle, meeting), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert not Attendance.objects.exists()


def test_a_participant_of_another_circle_cannot_be_ticked(
    client, circle, other_circle, leader
):
    client.force_login(leader)
    response = send_tick(
        client,
        circle,
        first_meeting(circle),
        timezone.now(),
        participant=other_circle.participants.get().pk,
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_ticks_need_the_csrf_token(circle, leader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    meeting = first_meeting(circle)
    page = client.get(attendance_url(circle, meeting))
    token = page.context["csrf_token"]
    anna = circle.participants.get(name="Anna Andersson")
    body = json.dumps(
        {
            "participant": anna.pk,
            "present": True,
            "ticked_at": timezone.now().isoformat(),
        }
    )
    refused = client.post(
        tick_url(circle, meeting), body, content_type="application/json"
    )
    assert refused.status_code == 403
    assert not Attendance.objects.exists()
    accepted = client.post(
        tick_url(circle, meeting),
        body,
        content_type="application/json",
        HTTP_X_CSRFTOKEN=str(token),
    )
    assert accepted.status_code == 200
    assert Attendance.objects.get().present is True


def test_an_anonymous_tick_is_told_to_sign_in(client, circle):
    response = send_tick(
        client,
        circle,
        first_meeting(circle),
        timezone.now(),
        participant=circle.participants.first().pk,
    )
    assert response.status_code == 401
    assert "Logga in" in response.json()["error"]


# Nothing public changes --------------------------------------------------------------


def test_taking_attendance_refreshes_no_public_page(client, site_tree, circle, leader):
    urls = ("/overenskommelsen/dialog/", "/", "/kommuner/orebro/")
    for url in urls:
        client.get(url)
    assert {url: client.get(url)["X-Page-Cache"] for url in urls} == dict.fromkeys(
        urls, "hit"
    )
    versions = cache.current_versions()
    signed_in = Client()
    signed_in.force_login(leader)
    meeting = first_meeting(circle)
    take_attendance(
        signed_in, circle, meeting, ["Anna Andersson"], leaders_present=[leader]
    )
    anna = circle.participants.get(name="Anna Andersson")
    send_tick(
        signed_in, circle, meeting, timezone.now(), present=False, participant=anna.pk
    )
    send_tick(
        signed_in, circle, meeting, timezone.now(), present=False, leader=leader.pk
    )
    assert cache.current_versions()["cirklar"] == versions["cirklar"]
    assert {url: client.get(url)["X-Page-Cache"] for url in urls} == dict.fromkeys(
        urls, "hit"
    )


# The report ------------------------------------------------------------------------


def held_with(circle, names, minutes=135):
    """Every meeting held, with these participants and both leaders present."""
    for meeting in circle.meetings.all():
        Meeting.objects.filter(pk=meeting.pk).update(
            length_minutes=minutes, attendance_taken_at=timezone.now()
        )
        for participant in circle.participants.filter(name__in=names):
            AttendanceFactory(meeting=meeting, participant=participant)


def test_the_report_shows_study_hours_attendance_and_the_rules_met(
    client, circle, leader
):
    held_with(circle, ["Anna Andersson"])
    client.force_login(leader)
    response = client.get(reverse("mina_cirklar:report", args=[circle.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alla regler är uppfyllda." in html
    assert html.count("<strong>Uppfylld</strong>") == 6
    assert "9 studietimmar hittills." in html
    assert "no-store" in response["Cache-Control"]
    assert 'role="region" aria-labelledby="people-caption" tabindex="0"' in html


def test_the_report_explains_a_rule_not_met_and_what_to_do(
    client, circle, leader, co_leader
):
    held_with(circle, [], minutes=100)  # 2 study hours each, only the two leaders there
    circle.status = "avslutad"
    circle.save()
    client.force_login(leader)
    html = client.get(reverse("mina_cirklar:report", args=[circle.pk])).content.decode()
    assert "Alla regler är inte uppfyllda än." in html
    assert "<strong>Inte uppfylld</strong>" in html
    assert "Färre än 3 var där på träffarna" in html
    assert "Vad du kan göra:" in html
    assert "6 studietimmar hittills." in html


def test_the_csv_has_a_row_per_person_a_column_per_meeting_and_the_study_hours(
    client, circle, leader
):
    held_with(circle, ["Anna Andersson", "Bertil Berg"])
    client.force_login(leader)
    response = client.get(reverse("mina_cirklar:attendance_csv", args=[circle.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "private" in response["Cache-Control"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert rows[0] == [
        "Namn",
        "Roll",
        "Födelseår",
        "2027-02-01",
        "2027-02-08",
        "2027-02-15",
        "Antal träffar",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Lena Ledare"] == [
        "Lena Ledare",
        "cirkelledare",
        "",
        "X",
        "X",
        "X",
        "3",
    ]
    assert by_name["Anna Andersson"] == [
        "Anna Andersson",
        "deltagare",
        "1980",
        "X",
        "X",
        "X",
        "3",
    ]
    assert by_name["Cecilia Ceder"][3:] == ["", "", "", "0"]
    assert rows[-1] == ["Studietimmar", "", "", "3", "3", "3", "9"]
    assert len(rows) == 1 + 2 + 4 + 1


def test_the_printable_list_has_a_page_per_month_and_the_signature_lines(
    client, circle, leader
):
    MeetingFactory(circle=circle, date=datetime.date(2027, 3, 1))
    held_with(circle, ["Anna Andersson"])
    client.force_login(leader)
    response = client.get(reverse("mina_cirklar:attendance_sheet", args=[circle.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    assert html.count('class="sheet-month"') == 2
    assert "Februari 2027" in html and "Mars 2027" in html
    assert html.count("Cirkelledarens underskrift") == 2
    assert "Ort och datum" in html
    assert "Totalt för cirkeln: 12 studietimmar." in html


# The calendar ------------------------------------------------------------------------


def test_the_calendar_feed_has_the_meetings_and_nothing_about_people(client, circle):
    response = client.get(f"/cirklar/kalender/{circle.calendar_token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    body = response.content.decode()
    for name in ("Anna", "Lena", "Kalle", "lena-ledare"):
        assert name not in body
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 3
    first = events[0]
    assert str(first["summary"]) == "Samverkan i Örebro"
    assert str(first["location"]) == "Folkets hus, Storgatan 1"
    assert first.decoded("dtstart").isoformat() == "2027-02-01T18:00:00+01:00"
    assert first.decoded("dtend").isoformat() == "2027-02-01T20:15:00+01:00"


def test_an_unknown_calendar_link_is_not_found(client, circle):
    assert client.get("/cirklar/kalender/gissad-lank.ics").status_code == 404


def test_rotating_the_calendar_link_asks_first_and_ends_the_old_one(
    client, circle, leader
):
    old = f"/cirklar/kalender/{circle.calendar_token}.ics"
    client.force_login(leader)
    rotate = reverse("mina_cirklar:calendar_rotate", args=[circle.pk])
    confirm = client.get(rotate)
    assert "Ja, byt länken" in confirm.content.decode()
    circle.refresh_from_db()
    assert client.get(old).status_code == 200
    response = client.post(rotate)
    assert (
        response["Location"]
        == reverse("mina_cirklar:calendar", args=[circle.pk]) + "#main"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Kalenderlänken är ny." in page
    circle.refresh_from_db()
    assert client.get(old).status_code == 404
    new = f"/cirklar/kalender/{circle.calendar_token}.ics"
    assert new in page
    assert client.get(new).status_code == 200


def test_a_row_saved_by_another_phone_meanwhile_is_compared_not_doubled(
    circle, monkeypatch
):
    """Two phones tick the same person at once: the one that finds no row and then
    fails to create it compares with the row the other saved."""
    from cirklar.attendance import record_tick

    meeting = first_meeting(circle)
    anna = circle.participants.get(name="Anna Andersson")
    now = timezone.now()
    AttendanceFactory(meeting=meeting, participant=anna, present=False, ticked_at=now)
    real = Attendance.objects.select_for_update
    calls = []

    def first_lookup_misses(*args, **kwargs):
        calls.append(1)
        queryset = real(*args, **kwargs)
        return queryset.none() if len(calls) == 1 else queryset

    monkeypatch.setattr(Attendance.objects, "select_for_update", first_lookup_misses)
    applied, row = record_tick(
        meeting, anna, True, now - datetime.timedelta(seconds=30), now=now
    )
    assert (applied, row.present) == (False, False)
    assert len(calls) == 2
    assert Attendance.objects.get().present is False


def test_the_calendar_feed_is_never_kept_in_the_page_cache(client, circle):
    url = f"/cirklar/kalender/{circle.calendar_token}.ics"
    client.get(url)
    again = client.get(url)
    assert again.get("X-Page-Cache") != "hit"
    circle.rotate_calendar_token()
    assert client.get(url).status_code == 404
