"""Mina cirklar: the list, starting a circle, the circle's page, its meetings,
co-leaders and participants, as plain form posts (no JavaScript)."""

import datetime
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import timezone

import pytest

from cirklar import facts, planning
from cirklar.models import (
    Attendance,
    CircleStatus,
    Meeting,
    Participant,
    StudyAssociation,
    StudyCircle,
)
from tests.cirklar.factories import (
    AttendanceFactory,
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyAssociationFactory,
    StudyCircleFactory,
)
from tests.kommuner.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    OrganisationPresenceFactory,
)

TODAY = timezone.localdate()
NEXT_MONDAY = TODAY + datetime.timedelta(days=7 - TODAY.weekday())


@pytest.fixture
def leader(db):
    return LeaderFactory(username="lena", first_name="Lena", last_name="Ledare")


@pytest.fixture
def circle(leader):
    return StudyCircleFactory(
        name="Samverkan i Örebro", leaders=[leader], start_date=NEXT_MONDAY
    )


def details(municipality, **overrides):
    data = {
        "name": "Överenskommelsen i Örebro",
        "association": StudyAssociationFactory().pk,
        "municipality": municipality.pk,
        "meeting_place": "Församlingshemmet, Storgatan 3",
        "start_date": NEXT_MONDAY.isoformat(),
        "first_start_time": "18:00",
        "length_minutes": "",
        "open_to_new": "on",
        "public_description": "Vi läser materialet tillsammans.",
        "work_plan": "En träff i veckan.",
    }
    data.update(overrides)
    return data


def plan_data(rows):
    data = {
        "traff-TOTAL_FORMS": str(len(rows)),
        "traff-INITIAL_FORMS": "0",
        "traff-MIN_NUM_FORMS": "0",
        "traff-MAX_NUM_FORMS": "52",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"traff-{index}-{key}"] = value
    return data


# Facts for the rules ---------------------------------------------------------------


def test_facts_count_leaders_as_present_unless_absent(circle, leader):
    meeting = MeetingFactory(circle=circle, date=NEXT_MONDAY)
    participant = ParticipantFactory(circle=circle)
    AttendanceFactory(meeting=meeting, participant=participant, present=True)
    absent = MeetingFactory(circle=circle, date=NEXT_MONDAY + datetime.timedelta(7))
    absent.absent_leaders.add(leader)
    rules_circle = facts.summaries_for([circle])[circle.pk].rules_circle
    assert [p.is_leader for p in rules_circle.people] == [True, False]
    first, second = rules_circle.meetings
    assert first.present == {f"l{leader.pk}", f"p{participant.pk}"}
    assert second.present == frozenset()
    assert rules_circle.year == NEXT_MONDAY.year
    assert not rules_circle.finished


def test_facts_of_a_finished_circle_say_finished(leader):
    archived = StudyCircleFactory(leaders=[leader], status=CircleStatus.ARCHIVED)
    assert facts.summaries_for([archived])[archived.pk].rules_circle.finished


def test_facts_next_meeting_is_the_first_not_held(circle):
    MeetingFactory(circle=circle, date=TODAY - datetime.timedelta(days=3))
    later = MeetingFactory(circle=circle, date=TODAY + datetime.timedelta(days=3))
    assert facts.summaries_for([circle])[circle.pk].next_meeting == later


def test_facts_read_many_circles_in_a_fixed_number_of_queries(
    leader, django_assert_num_queries
):
    circles = [StudyCircleFactory(leaders=[leader]) for _ in range(5)]
    for c in circles:
        MeetingFactory.create_batch(3, circle=c)
        ParticipantFactory.create_batch(3, circle=c)
    with django_assert_num_queries(5):
        result = facts.summaries_for(circles)
    assert len(result) == 5


# Planning --------------------------------------------------------------------------


def test_a_module_gets_one_weekly_meeting_per_session(site_tree):
    sessions = list(site_tree.module.sessions.all())
    proposals = planning.propose_meetings(
        NEXT_MONDAY, datetime.time(18), sessions=sessions
    )
    assert [p.date for p in proposals] == [
        NEXT_MONDAY + datetime.timedelta(weeks=n) for n in range(len(sessions))
    ]
    assert [p.session_ids for p in proposals] == [[s.pk] for s in sessions]
    assert [p.length_minutes for p in proposals] == [s.length_minutes for s in sessions]


def test_a_free_topic_gets_the_number_of_meetings_asked_for():
    proposals = planning.propose_meetings(
        NEXT_MONDAY, datetime.time(18), count=4, length=90
    )
    assert len(proposals) == 4
    assert {p.length_minutes for p in proposals} == {90}


def test_a_start_date_more_than_a_year_back_is_refused():
    assert planning.start_date_error(TODAY - datetime.timedelta(days=366))
    assert planning.start_date_error(TODAY - datetime.timedelta(days=365)) is None


# Mina cirklar ----------------------------------------------------------------------


def test_mina_cirklar_lists_only_the_leaders_circles_by_status(client, leader, circle):
    StudyCircleFactory(name="Någon annans cirkel")
    StudyCircleFactory(
        name="Avslutad cirkel", leaders=[leader], status=CircleStatus.FINISHED
    )
    client.force_login(leader)
    page = client.get(reverse("mina_cirklar:index")).content.decode()
    assert "Samverkan i Örebro" in page
    assert "Avslutad cirkel" in page
    assert "Någon annans cirkel" not in page
    assert page.index('id="status-pagar"') < page.index('id="status-avslutad"')


def test_mina_cirklar_shows_the_next_meeting_and_the_rules(client, leader, circle):
    MeetingFactory(circle=circle, date=NEXT_MONDAY, start_time=datetime.time(18, 30))
    client.force_login(leader)
    page = client.get(reverse("mina_cirklar:index")).content.decode()
    assert "Nästa träff" in page and "18:30" in page
    expected = facts.summaries_for([circle])[circle.pk].rules_met_so_far
    assert ("Reglerna är uppfyllda hittills." in page) == expected
    assert ("inte uppfyll" in page) != expected


def test_the_kansli_sees_every_circle_and_can_filter(client, kansli_user, circle):
    StudyCircleFactory(name="Bildningscirkel", status=CircleStatus.PLANNED)
    client.force_login(kansli_user)
    page = client.get(reverse("mina_cirklar:index")).content.decode()
    assert "Samverkan i Örebro" in page and "Bildningscirkel" in page
    page = client.get(reverse("mina_cirklar:index"), {"status": "planerad"})
    assert "Samverkan i Örebro" not in page.content.decode()
    assert "Bildningscirkel" in page.content.decode()


def test_the_account_page_links_to_mina_cirklar(client, leader):
    client.force_login(leader)
    assert reverse("mina_cirklar:index") in client.get("/konto/").content.decode()


def test_the_module_page_links_to_starting_a_circle(client, site_tree):
    page = client.get(site_tree.module.url).content.decode()
    assert f"/mina-cirklar/ny/?material={site_tree.module.pk}" in page


# Starting a circle -----------------------------------------------------------------


def test_start_from_a_module_proposes_a_meeting_per_session(client, leader, site_tree):
    client.force_login(leader)
    url = reverse("mina_cirklar:start") + f"?material={site_tree.module.pk}"
    assert client.get(url).status_code == 200
    municipality = MunicipalityFactory(code="1880")
    response = client.post(url, {"step": "details", **details(municipality)})
    assert response.status_code == 200
    formset = response.context["formset"]
    assert len(formset.forms) == site_tree.module.sessions.count()
    assert not StudyCircle.objects.exists()


def test_start_saves_the_edited_plan_in_one_go(client, leader, site_tree):
    client.force_login(leader)
    url = reverse("mina_cirklar:start") + f"?material={site_tree.module.pk}"
    municipality = MunicipalityFactory(code="1880")
    sessions = list(site_tree.module.sessions.all())
    rows = [
        {
            "date": (NEXT_MONDAY + datetime.timedelta(weeks=n)).isoformat(),
            "start_time": "18:00",
            "length_minutes": "135",
            "sessions": [str(s.pk)],
        }
        for n, s in enumerate(sessions)
    ]
    rows[1]["start_time"] = "19:15"
    rows[-1]["DELETE"] = "on"
    response = client.post(
        url, {"step": "save", **details(municipality), **plan_data(rows)}
    )
    circle = StudyCircle.objects.get()
    assert response.status_code == 302
    assert (
        response["Location"]
        == reverse("mina_cirklar:circle", args=[circle.pk]) + "#main"
    )
    assert circle.module.pk == site_tree.module.pk
    assert list(circle.leaders.all()) == [leader]
    assert circle.status == CircleStatus.PLANNED
    meetings = list(circle.meetings.all())
    assert len(meetings) == len(sessions) - 1
    assert meetings[1].start_time == datetime.time(19, 15)
    assert [list(m.sessions.all()) for m in meetings] == [[s] for s in sessions[:-1]]


def test_a_free_topic_circle_gets_the_number_of_meetings(client, leader):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    response = client.post(
        reverse("mina_cirklar:start"),
        {"step": "details", **details(municipality, meeting_count="4")},
    )
    assert len(response.context["formset"].forms) == 4


def test_a_free_topic_circle_needs_a_number_of_meetings(client, leader):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    response = client.post(
        reverse("mina_cirklar:start"), {"step": "details", **details(municipality)}
    )
    assert "Skriv hur många träffar cirkeln ska ha." in response.content.decode()


def test_a_studieforbund_without_the_grant_cannot_be_chosen(client, leader):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    ibn_rushd = StudyAssociation.objects.get(slug="ibn-rushd")
    response = client.post(
        reverse("mina_cirklar:start"),
        {
            "step": "details",
            **details(municipality, association=ibn_rushd.pk, meeting_count="3"),
        },
    )
    assert "Välj ett studieförbund som får statsbidrag" in response.content.decode()


def test_an_old_start_date_is_refused_in_swedish(client, leader):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    old = (TODAY - datetime.timedelta(days=400)).isoformat()
    response = client.post(
        reverse("mina_cirklar:start"),
        {"step": "details", **details(municipality, start_date=old, meeting_count="3")},
    )
    assert "mer än ett år bakåt i tiden" in response.content.decode()


def test_a_meeting_before_the_start_date_is_refused(client, leader):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    rows = [
        {
            "date": (NEXT_MONDAY - datetime.timedelta(days=1)).isoformat(),
            "start_time": "18:00",
            "length_minutes": "135",
        }
    ]
    response = client.post(
        reverse("mina_cirklar:start"),
        {"step": "save", **details(municipality, meeting_count="1"), **plan_data(rows)},
    )
    assert "kan inte ligga före cirkelns startdatum" in response.content.decode()
    assert not StudyCircle.objects.exists()


def test_two_meetings_at_the_same_time_are_refused_but_the_same_day_is_not(
    client, leader
):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    day = NEXT_MONDAY.isoformat()
    same = [
        {"date": day, "start_time": "10:00", "length_minutes": "90"},
        {"date": day, "start_time": "10:00", "length_minutes": "90"},
    ]
    data = details(municipality, meeting_count="2")
    response = client.post(
        reverse("mina_cirklar:start"), {"step": "save", **data, **plan_data(same)}
    )
    assert "En annan träff börjar samma dag och tid" in response.content.decode()
    same[1]["start_time"] = "13:00"
    response = client.post(
        reverse("mina_cirklar:start"), {"step": "save", **data, **plan_data(same)}
    )
    assert response.status_code == 302
    assert Meeting.objects.count() == 2


def test_back_from_the_plan_keeps_the_answers(client, leader):
    client.force_login(leader)
    municipality = MunicipalityFactory(code="1880")
    response = client.post(
        reverse("mina_cirklar:start"),
        {"step": "back", **details(municipality, meeting_count="3")},
    )
    assert 'value="Församlingshemmet, Storgatan 3"' in response.content.decode()


# The circle's page -----------------------------------------------------------------


def test_the_circle_page_shows_meetings_participants_and_the_print_link(
    client, leader, site_tree
):
    circle = StudyCircleFactory(leaders=[leader], module=site_tree.module)
    MeetingFactory(circle=circle, date=NEXT_MONDAY)
    ParticipantFactory(circle=circle, name="Pia Deltagare")
    client.force_login(leader)
    page = client.get(reverse("mina_cirklar:circle", args=[circle.pk])).content
    page = page.decode()
    assert "Pia Deltagare" in page
    assert site_tree.module.url + "utskrift/ledare/" in page


def test_the_circle_cannot_start_without_a_work_plan(client, leader):
    circle = StudyCircleFactory(
        leaders=[leader], status=CircleStatus.PLANNED, work_plan=""
    )
    client.force_login(leader)
    url = reverse("mina_cirklar:circle_status", args=[circle.pk])
    response = client.post(url, {"status": "pagar"}, follow=True)
    assert "Skriv cirkelns arbetsplan först" in response.content.decode()
    circle.refresh_from_db()
    assert circle.status == CircleStatus.PLANNED
    circle.work_plan = "Plan"
    circle.save()
    client.post(url, {"status": "pagar"})
    circle.refresh_from_db()
    assert circle.status == CircleStatus.RUNNING


def test_finishing_a_circle_records_when(client, leader, circle):
    client.force_login(leader)
    client.post(
        reverse("mina_cirklar:circle_status", args=[circle.pk]), {"status": "avslutad"}
    )
    circle.refresh_from_db()
    assert circle.status == CircleStatus.FINISHED and circle.finished_at


def test_editing_a_running_circle_keeps_the_work_plan_required(client, leader, circle):
    client.force_login(leader)
    data = {
        "name": circle.name,
        "association": circle.association_id,
        "municipality": circle.municipality_id,
        "meeting_place": "Nytt ställe",
        "start_date": circle.start_date.isoformat(),
        "open_to_new": "on",
        "public_description": "",
        "work_plan": "",
    }
    url = reverse("mina_cirklar:circle_edit", args=[circle.pk])
    assert "arbetsplanen behövs" in client.post(url, data).content.decode()
    data["work_plan"] = "Ny plan"
    assert client.post(url, data).status_code == 302
    circle.refresh_from_db()
    assert circle.meeting_place == "Nytt ställe"


def test_a_circle_keeps_its_studieforbund_that_lost_the_grant(client, leader):
    ibn_rushd = StudyAssociation.objects.get(slug="ibn-rushd")
    circle = StudyCircleFactory(leaders=[leader], association=ibn_rushd)
    client.force_login(leader)
    data = {
        "name": "Nytt namn",
        "association": ibn_rushd.pk,
        "municipality": circle.municipality_id,
        "meeting_place": circle.meeting_place,
        "start_date": circle.start_date.isoformat(),
        "work_plan": "Plan",
    }
    response = client.post(reverse("mina_cirklar:circle_edit", args=[circle.pk]), data)
    assert response.status_code == 302


# Co-leaders ------------------------------------------------------------------------


def test_a_co_leader_is_added_by_email(client, leader, circle):
    other = LeaderFactory(username="olle", email="olle@example.se")
    client.force_login(leader)
    url = reverse("mina_cirklar:leader_add", args=[circle.pk])
    assert client.post(url, {"who": "OLLE@example.se"}).status_code == 302
    assert set(circle.leaders.all()) == {leader, other}


def test_only_circle_leaders_can_be_added(client, leader, circle, kansli_user):
    client.force_login(leader)
    url = reverse("mina_cirklar:leader_add", args=[circle.pk])
    response = client.post(url, {"who": "kansli"})
    assert "Det finns ingen cirkelledare" in response.content.decode()
    assert list(circle.leaders.all()) == [leader]


def test_the_last_leader_is_never_removed(client, leader, circle):
    client.force_login(leader)
    url = reverse("mina_cirklar:leader_remove", args=[circle.pk, leader.pk])
    client.post(url)
    assert list(circle.leaders.all()) == [leader]


def test_a_leader_who_removes_themselves_goes_back_to_mina_cirklar(
    client, leader, circle
):
    other = LeaderFactory()
    circle.leaders.add(other)
    client.force_login(leader)
    url = reverse("mina_cirklar:leader_remove", args=[circle.pk, leader.pk])
    response = client.post(url)
    assert response["Location"] == reverse("mina_cirklar:index") + "#main"
    assert list(circle.leaders.all()) == [other]


# Meetings --------------------------------------------------------------------------


def test_a_meeting_is_added_edited_and_deleted(client, leader, circle):
    client.force_login(leader)
    add = reverse("mina_cirklar:meeting_add", args=[circle.pk])
    data = {
        "date": NEXT_MONDAY.isoformat(),
        "start_time": "18:00",
        "length_minutes": "90",
        "notes": "",
    }
    assert client.post(add, data).status_code == 302
    meeting = circle.meetings.get()
    edit = reverse("mina_cirklar:meeting_edit", args=[circle.pk, meeting.pk])
    client.post(edit, {**data, "length_minutes": "180"})
    meeting.refresh_from_db()
    assert meeting.length_minutes == 180
    client.post(reverse("mina_cirklar:meeting_delete", args=[circle.pk, meeting.pk]))
    assert not circle.meetings.exists()


def test_a_meeting_before_the_circle_starts_is_refused(client, leader, circle):
    client.force_login(leader)
    response = client.post(
        reverse("mina_cirklar:meeting_add", args=[circle.pk]),
        {
            "date": (NEXT_MONDAY - datetime.timedelta(days=7)).isoformat(),
            "start_time": "18:00",
            "length_minutes": "90",
        },
    )
    assert "före cirkelns startdatum" in response.content.decode()


# Participants ----------------------------------------------------------------------


def test_the_participant_form_says_why_and_for_how_long(
    client, leader, circle, settings
):
    settings.PERSONAL_DATA_RETENTION_DAYS = {
        **settings.PERSONAL_DATA_RETENTION_DAYS,
        "circle_participants": 200,
    }
    client.force_login(leader)
    page = client.get(reverse("mina_cirklar:participant_add", args=[circle.pk]))
    page = page.content.decode()
    assert "200 dagar efter att cirkeln har arkiverats" in page
    assert "För att pricka av närvaron" in page
    assert "13 år" in page


def test_the_organisations_offered_are_the_circles_kommuns(client, leader, circle):
    home = OrganisationFactory(name="Hemmaföreningen", municipality=circle.municipality)
    elsewhere = OrganisationFactory(
        name="Bortaföreningen",
        org_number="802011-0016",
        municipality=MunicipalityFactory(code="0180"),
    )
    visiting = OrganisationFactory(
        name="Besöksföreningen",
        org_number="802002-4280",
        municipality=MunicipalityFactory(code="2584"),
    )
    OrganisationPresenceFactory(organisation=visiting, municipality=circle.municipality)
    client.force_login(leader)
    page = client.get(reverse("mina_cirklar:participant_add", args=[circle.pk]))
    page = page.content.decode()
    assert home.name in page and visiting.name in page
    assert elsewhere.name not in page


def test_a_participant_is_added_edited_and_removed(client, leader, circle):
    client.force_login(leader)
    add = reverse("mina_cirklar:participant_add", args=[circle.pk])
    response = client.post(
        add, {"name": "Pia", "birth_year": "1990", "organisation_name": "Kören"}
    )
    assert response.status_code == 302
    participant = circle.participants.get()
    assert participant.organisation_label == "Kören"
    edit = reverse("mina_cirklar:participant_edit", args=[circle.pk, participant.pk])
    client.post(edit, {"name": "Pia Persson", "email": "pia@example.se"})
    participant.refresh_from_db()
    assert participant.name == "Pia Persson"
    client.post(
        reverse("mina_cirklar:participant_delete", args=[circle.pk, participant.pk])
    )
    assert not circle.participants.exists()


def test_a_future_birth_year_is_refused(client, leader, circle):
    client.force_login(leader)
    response = client.post(
        reverse("mina_cirklar:participant_add", args=[circle.pk]),
        {"name": "Pia", "birth_year": str(TODAY.year + 1)},
    )
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_moving_a_participant_leaves_the_old_attendance_behind(client, leader, circle):
    target = StudyCircleFactory(name="Nästa cirkel", leaders=[leader])
    participant = ParticipantFactory(circle=circle)
    AttendanceFactory(participant=participant, meeting=MeetingFactory(circle=circle))
    client.force_login(leader)
    url = reverse("mina_cirklar:participant_move", args=[circle.pk, participant.pk])
    page = client.get(url).content.decode()
    assert "Närvaron i den här cirkeln följer inte med" in page
    assert client.post(url, {"target": target.pk}).status_code == 302
    participant.refresh_from_db()
    assert participant.circle == target
    assert not Attendance.objects.exists()


def test_a_participant_cannot_move_to_another_leaders_circle(client, leader, circle):
    others = StudyCircleFactory()
    participant = ParticipantFactory(circle=circle)
    client.force_login(leader)
    url = reverse("mina_cirklar:participant_move", args=[circle.pk, participant.pk])
    response = client.post(url, {"target": others.pk})
    assert "Välj en av cirklarna i listan." in response.content.decode()
    participant.refresh_from_db()
    assert participant.circle == circle


class FormFields(HTMLParser):
    """The values a browser without JavaScript would post from a page's last form."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.data = {}
        elif tag == "input" and attrs.get("name") and attrs.get("type") != "submit":
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.data.setdefault(attrs["name"], []).append(
                        attrs.get("value", "on")
                    )
            else:
                self.data[attrs["name"]] = attrs.get("value", "")
        elif tag == "textarea":
            self._select = attrs["name"]
            self.data[self._select] = ""
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_data(self, data):
        if self._select and self.lasttag == "textarea":
            self.data[self._select] += data

    def handle_endtag(self, tag):
        if tag in ("select", "textarea"):
            self._select = None


def posted_from(response):
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.data


def test_starting_a_circle_works_as_plain_form_posts(client, leader, site_tree):
    """Step 2 carries step 1's answers in hidden fields, as a browser without
    JavaScript posts them back."""
    client.force_login(leader)
    url = reverse("mina_cirklar:start") + f"?material={site_tree.module.pk}"
    municipality = MunicipalityFactory(code="1880")
    step_two = client.post(
        url, {"step": "details", **details(municipality, open_to_new="")}
    )
    data = posted_from(step_two)
    assert data["start_date"] == NEXT_MONDAY.isoformat()
    data["traff-1-start_time"] = "19:30"
    response = client.post(url, {**data, "step": "save"})
    assert response.status_code == 302
    circle = StudyCircle.objects.get()
    assert circle.open_to_new is False
    assert circle.meeting_place == "Församlingshemmet, Storgatan 3"
    assert circle.work_plan == "En träff i veckan."
    meetings = list(circle.meetings.all())
    assert [m.start_time for m in meetings[:2]] == [
        datetime.time(18, 0),
        datetime.time(19, 30),
    ]
    assert all(m.sessions.count() == 1 for m in meetings)
