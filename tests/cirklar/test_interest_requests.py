"""The leader's interest requests: listed under the circle, a participant in one step."""

import pytest

from cirklar.models import InterestRequest, Participant
from tests.cirklar.factories import (
    InterestRequestFactory,
    LeaderFactory,
    StudyCircleFactory,
)


@pytest.fixture
def leader(db):
    return LeaderFactory(username="ledare")


@pytest.fixture
def circle(leader):
    return StudyCircleFactory(name="Samverkan i Örebro", leaders=[leader])


@pytest.fixture
def interest(circle):
    return InterestRequestFactory(
        circle=circle, name="Vera Besökare", email="vera@example.se"
    )


def url(circle):
    return f"/mina-cirklar/{circle.pk}/intresseanmalningar/"


def test_the_leader_sees_the_circles_waiting_requests(client, leader, interest):
    InterestRequestFactory(name="Annan Cirkels Besökare")  # another circle's
    client.force_login(leader)
    html = client.get(url(interest.circle)).content.decode()
    assert "Vera Besökare" in html
    assert "vera@example.se" in html
    assert "Jag vill gärna vara med." in html
    assert "Annan Cirkels" not in html
    assert "Lägg till som deltagare" in html


def test_add_as_participant_in_one_step(client, leader, interest):
    client.force_login(leader)
    response = client.post(
        url(interest.circle), {"request": interest.pk, "action": "add"}
    )
    assert response.status_code == 302
    assert response["Location"] == url(interest.circle)
    participant = Participant.objects.get()
    assert (participant.circle, participant.name, participant.email) == (
        interest.circle,
        "Vera Besökare",
        "vera@example.se",
    )
    interest.refresh_from_db()
    assert interest.participant == participant
    assert interest.handled_at is not None
    html = client.get(url(interest.circle)).content.decode()
    assert "Vera Besökare är tillagd som deltagare i cirkeln." in html
    assert "0 väntar på svar" in html


def test_adding_twice_adds_the_person_once(client, leader, interest):
    client.force_login(leader)
    for _ in range(2):
        client.post(url(interest.circle), {"request": interest.pk, "action": "add"})
    assert Participant.objects.count() == 1


def test_mark_as_handled(client, leader, interest):
    client.force_login(leader)
    client.post(url(interest.circle), {"request": interest.pk, "action": "handled"})
    interest.refresh_from_db()
    assert interest.handled_at is not None
    assert interest.participant is None
    assert not Participant.objects.exists()


def test_a_request_of_another_circle_cannot_be_acted_on(client, leader, circle):
    other = InterestRequestFactory()
    client.force_login(leader)
    response = client.post(url(circle), {"request": other.pk, "action": "add"})
    assert response.status_code == 404
    assert not Participant.objects.exists()
    assert InterestRequest.objects.get(pk=other.pk).handled_at is None
