"""The kansli's admin for study circles: who reaches it, that it is Swedish, what it does."""

import re

from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.urls import reverse

import pytest

from cirklar.models import LeaderProfile, StudyCircle
from home import roles
from tests.cirklar.factories import (
    InterestRequestFactory,
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyAssociationFactory,
    StudyCircleFactory,
)
from tests.home.factories import PASSWORD, UserFactory
from tests.home.test_admin_swedish import ShownText, english_on
from tests.kommuner.factories import MunicipalityFactory

#: English that Wagtail shows for columns and fields it names itself.
MORE_ENGLISH = ["True", "False", "State funded", "Email", "Name", "User", "Yes", "No"]


def more_english_on(html):
    parser = ShownText()
    parser.feed(html)
    text = "\n".join(" ".join(part.split()) for part in parser.parts if part)
    return {
        phrase
        for phrase in MORE_ENGLISH
        if re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text)
    }


MODELS = [
    "studyassociation",
    "studycircle",
    "participant",
    "meeting",
    "leaderprofile",
    "interestrequest",
]


@pytest.fixture
def circle_data(db):
    leader = LeaderFactory(first_name="Lena", last_name="Ledare")
    circle = StudyCircleFactory(leaders=[leader])
    participant = ParticipantFactory(circle=circle)
    meeting = MeetingFactory(circle=circle)
    request = InterestRequestFactory(circle=circle)
    return {
        "studyassociation": StudyAssociationFactory(),
        "studycircle": circle,
        "participant": participant,
        "meeting": meeting,
        "leaderprofile": leader.leader_profile,
        "interestrequest": request,
    }


def screens(data):
    urls = {}
    for model in MODELS:
        urls[f"{model} list"] = reverse(f"wagtailsnippets_cirklar_{model}:list")
        urls[f"{model} edit"] = reverse(
            f"wagtailsnippets_cirklar_{model}:edit", args=[data[model].pk]
        )
    urls["invitation"] = reverse("cirklar_invite_leader")
    return urls


def refused(response):
    """403, or Wagtail's way: sent to the sign-in page or back to the dashboard."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        "login" in location or location == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("role", ["editor", "kansli_user"])
def test_the_kansli_and_editors_reach_every_cirklar_admin_screen_in_swedish(
    client, circle_data, role, request
):
    client.force_login(request.getfixturevalue(role))
    found = {}
    for screen, url in screens(circle_data).items():
        response = client.get(url)
        assert response.status_code == 200, screen
        html = response.content.decode()
        if english := english_on(html) | more_english_on(html):
            found[screen] = sorted(english)
    assert not found


@pytest.mark.parametrize("role", ["circle_leader", "official_without_kommun"])
def test_circle_leaders_and_officials_are_refused_the_cirklar_admin(
    client, circle_data, role, request
):
    client.force_login(request.getfixturevalue(role))
    for screen, url in screens(circle_data).items():
        assert refused(client.get(url)), screen
        assert refused(client.post(url, {"name": "Ändrad"})), screen
    assert StudyCircle.objects.filter(name="Ändrad").count() == 0


def test_a_leader_of_the_circle_is_refused_its_admin_edit_view(client, circle_data):
    leader = circle_data["studycircle"].leaders.get()
    client.force_login(leader)
    url = reverse(
        "wagtailsnippets_cirklar_studycircle:edit", args=[circle_data["studycircle"].pk]
    )
    assert refused(client.get(url))


def test_the_list_of_circles_filters_by_status_and_searches_by_name(
    client, kansli_user
):
    StudyCircleFactory(name="Samtal om tillit", status="planerad")
    StudyCircleFactory(name="Lokal överenskommelse", status="avslutad")
    client.force_login(kansli_user)
    url = reverse("wagtailsnippets_cirklar_studycircle:list")
    html = client.get(url, {"status": "planerad"}).content.decode()
    assert "Samtal om tillit" in html
    assert "Lokal överenskommelse" not in html
    html = client.get(url, {"q": "tillit"}).content.decode()
    assert "Samtal om tillit" in html
    assert "Lokal överenskommelse" not in html


def test_the_list_of_circles_filters_by_lan(client, kansli_user):
    goteborg = MunicipalityFactory(code="1480")
    StudyCircleFactory(name="Cirkel i Göteborg", municipality=goteborg)
    StudyCircleFactory(name="Cirkel i Örebro")
    client.force_login(kansli_user)
    html = client.get(
        reverse("wagtailsnippets_cirklar_studycircle:list"),
        {"county": goteborg.county_id},
    ).content.decode()
    assert "Cirkel i Göteborg" in html
    assert "Cirkel i Örebro" not in html


def test_the_list_of_leaders_filters_by_whether_the_account_is_active(
    client, kansli_user
):
    LeaderFactory(first_name="Aktiv", last_name="Ledare")
    LeaderFactory(first_name="Slutat", last_name="Ledare", is_active=False)
    client.force_login(kansli_user)
    html = client.get(
        reverse("wagtailsnippets_cirklar_leaderprofile:list"), {"active": "false"}
    ).content.decode()
    assert "Slutat Ledare" in html
    assert "Aktiv Ledare" not in html


def edit_data(circle, leaders):
    return {
        "name": circle.name,
        "association": circle.association_id,
        "municipality": circle.municipality_id,
        "module": "",
        "leaders": [leader.pk for leader in leaders],
        "status": circle.status,
        "meeting_place": circle.meeting_place,
        "start_date": circle.start_date.isoformat(),
        "work_plan": circle.work_plan,
        "open_to_new": "on",
        "public_description": circle.public_description,
    }


def test_an_editor_hands_a_circle_over_to_another_leader(client, editor):
    old, new = LeaderFactory(), LeaderFactory()
    circle = StudyCircleFactory(leaders=[old])
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_cirklar_studycircle:edit", args=[circle.pk]),
        edit_data(circle, [new]),
    )
    assert response.status_code == 302
    assert list(circle.leaders.all()) == [new]


def test_a_circle_cannot_be_handed_to_an_account_that_is_no_leader(client, editor):
    leader = LeaderFactory()
    circle = StudyCircleFactory(leaders=[leader])
    outsider = UserFactory()
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_cirklar_studycircle:edit", args=[circle.pk]),
        edit_data(circle, [outsider]),
    )
    assert response.status_code == 200
    assert list(circle.leaders.all()) == [leader]


def test_deactivating_a_leader_signs_them_out_everywhere(client, editor):
    leader = LeaderFactory()
    leader_client = type(client)()
    assert leader_client.login(username=leader.username, password=PASSWORD)
    assert Session.objects.count() == 1
    client.force_login(editor)
    response = client.post(
        reverse(
            "wagtailsnippets_cirklar_leaderprofile:edit",
            args=[leader.leader_profile.pk],
        ),
        {"association": leader.leader_profile.association_id},  # "active" unticked
    )
    assert response.status_code == 302
    leader.refresh_from_db()
    assert not leader.is_active
    assert leader_client.get(reverse("account")).status_code == 302  # to sign in
    assert not any(
        session.get_decoded().get("_auth_user_id") == str(leader.pk)
        for session in Session.objects.all()
    )


def test_the_kansli_invites_a_leader_who_sets_a_password_by_the_link(
    client, kansli_user, mailoutbox
):
    client.force_login(kansli_user)
    sensus = StudyAssociationFactory(slug="sensus")
    response = client.post(
        reverse("cirklar_invite_leader"),
        {"name": "Ivar Inbjuden", "email": "ivar@example.se", "association": sensus.pk},
    )
    assert response.status_code == 302
    profile = LeaderProfile.objects.get(user__email="ivar@example.se")
    user = profile.user
    assert profile.association == sensus
    assert profile.invited_by == kansli_user
    assert not user.has_usable_password()
    assert user.groups.filter(name=roles.CIRCLE_LEADER).exists()
    (message,) = mailoutbox
    assert message.to == ["ivar@example.se"]
    link = next(line for line in message.body.splitlines() if "/nytt-losenord/" in line)
    client.logout()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url,
        {
            "new_password1": "ett-nytt-losenord-42",
            "new_password2": "ett-nytt-losenord-42",
        },
    )
    user.refresh_from_db()
    assert user.check_password("ett-nytt-losenord-42")


def test_an_invitation_to_an_address_with_an_account_is_refused(client, editor):
    UserFactory(email="finns@example.se")
    client.force_login(editor)
    response = client.post(
        reverse("cirklar_invite_leader"),
        {
            "name": "Finns Redan",
            "email": "FINNS@example.se",
            "association": StudyAssociationFactory().pk,
        },
    )
    assert response.status_code == 200
    assert "Det finns redan ett konto" in response.content.decode()
    assert not LeaderProfile.objects.exists()


def test_a_not_state_funded_studieforbund_cannot_be_chosen_for_an_invitation(
    client, editor
):
    client.force_login(editor)
    response = client.post(
        reverse("cirklar_invite_leader"),
        {
            "name": "Nils Ny",
            "email": "nils@example.se",
            "association": StudyAssociationFactory(slug="ibn-rushd").pk,
        },
    )
    assert response.status_code == 200
    assert not LeaderProfile.objects.exists()


def test_the_leaders_add_button_leads_to_the_invitation(client, editor):
    client.force_login(editor)
    html = client.get(
        reverse("wagtailsnippets_cirklar_leaderprofile:list")
    ).content.decode()
    assert "Bjud in en cirkelledare" in html
    response = client.get(reverse("wagtailsnippets_cirklar_leaderprofile:add"))
    assert response.status_code == 302
    assert response["Location"] == reverse("cirklar_invite_leader")


def test_the_cirkelledare_group_is_what_the_leaders_field_offers(client, editor):
    leader = LeaderFactory(first_name="Vald", last_name="Ledare")
    other = UserFactory(first_name="Inte", last_name="Ledare")
    other.groups.add(Group.objects.get(name=roles.MUNICIPAL_OFFICIAL))
    circle = StudyCircleFactory(leaders=[leader])
    client.force_login(editor)
    html = client.get(
        reverse("wagtailsnippets_cirklar_studycircle:edit", args=[circle.pk])
    ).content.decode()
    assert "Vald Ledare" in html
    assert "Inte Ledare" not in html
