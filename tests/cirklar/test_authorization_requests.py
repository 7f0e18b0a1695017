"""Every role against the interest requests' view, GET and POST, own circle and another's.

The circle is led by `leader` with `co_leader`; `other_leader` leads a circle of their
own. Only the circle's leaders and the kansli see or change its requests; everyone else
gets 403 (anonymous visitors the sign-in page), and nothing is changed.
"""

import pytest

from cirklar.models import InterestRequest, Participant
from tests.cirklar.factories import (
    InterestRequestFactory,
    LeaderFactory,
    StudyCircleFactory,
)
from tests.home.factories import UserFactory
from tests.kommuner.factories import MunicipalityFactory, OfficialFactory

ROLES = [
    "anonymous",
    "visitor_account",
    "leader",
    "co_leader",
    "other_leader",
    "official",
    "kansli_user",
    "editor",
    "superuser",
]
ALLOWED = {"leader", "co_leader", "kansli_user", "editor", "superuser"}


@pytest.fixture
def people(db):
    return {
        "visitor_account": UserFactory(username="besokare"),
        "leader": LeaderFactory(username="ledare"),
        "co_leader": LeaderFactory(username="medledare"),
        "other_leader": LeaderFactory(username="annan-ledare"),
        "official": OfficialFactory(
            username="handlaggare", municipalities=[MunicipalityFactory(code="1880")]
        ),
    }


@pytest.fixture
def interest(people):
    circle = StudyCircleFactory(leaders=[people["leader"], people["co_leader"]])
    StudyCircleFactory(leaders=[people["other_leader"]])
    return InterestRequestFactory(circle=circle)


@pytest.fixture
def as_role(client, request, people):
    def login(role):
        if role in people:
            client.force_login(people[role])
        elif role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


def url(interest):
    return f"/mina-cirklar/{interest.circle_id}/intresseanmalningar/"


@pytest.mark.parametrize("role", ROLES)
def test_get(as_role, interest, role):
    response = as_role(role).get(url(interest))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logga-in/")
    elif role in ALLOWED:
        assert response.status_code == 200
        assert interest.email in response.content.decode()
    else:
        assert response.status_code == 403
        assert interest.email not in response.content.decode()


@pytest.mark.parametrize("action", ["add", "handled"])
@pytest.mark.parametrize("role", ROLES)
def test_post(as_role, interest, role, action):
    response = as_role(role).post(
        url(interest), {"request": interest.pk, "action": action}
    )
    interest.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302
        assert interest.handled_at is not None
        assert Participant.objects.exists() == (action == "add")
    else:
        assert response.status_code in (302, 403)
        if role != "anonymous":
            assert response.status_code == 403
        assert interest.handled_at is None
        assert not Participant.objects.exists()


def test_unknown_circle_is_404_for_the_kansli(client, kansli_user):
    client.force_login(kansli_user)
    assert client.get("/mina-cirklar/999999/intresseanmalningar/").status_code == 404


def test_requests_are_never_in_the_page_cache(client, interest, people):
    client.force_login(people["leader"])
    response = client.get(url(interest))
    assert "X-Page-Cache" not in response
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    assert InterestRequest.objects.count() == 1
