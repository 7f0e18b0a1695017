"""Who reaches the leaders' pages and the cirklar admin: every role, GET and POST.

The sign-up, confirmation and resend pages are public (anyone may become a leader);
the cirklar admin (every viewset and the invitation) is the kansli's and the editors',
by model permission: a circle leader, even of the circle itself, and a municipal
official are refused, and nothing is changed.
"""

from django.urls import reverse

import pytest

from cirklar.models import StudyCircle
from home import roles
from tests.cirklar.factories import (
    InterestRequestFactory,
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyCircleFactory,
)
from tests.home.factories import UserFactory

ROLES = [
    "anonymous",
    "visitor",
    "leader_of_the_circle",
    "another_leader",
    "co_leader",
    "official",
    "kansli",
    "editor",
    "superuser",
]
ADMIN_ROLES = {"kansli", "editor", "superuser"}


@pytest.fixture
def world(db):
    leader, co_leader, another = LeaderFactory(), LeaderFactory(), LeaderFactory()
    circle = StudyCircleFactory(name="Originalet", leaders=[leader, co_leader])
    StudyCircleFactory(leaders=[another])
    users = {
        "anonymous": None,
        "visitor": UserFactory(),
        "leader_of_the_circle": leader,
        "another_leader": another,
        "co_leader": co_leader,
        "official": UserFactory(role=roles.MUNICIPAL_OFFICIAL),
        "kansli": UserFactory(role=roles.KANSLI),
        "editor": UserFactory(role=roles.EDITOR),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    objects = {
        "studycircle": circle,
        "participant": ParticipantFactory(circle=circle),
        "meeting": MeetingFactory(circle=circle),
        "interestrequest": InterestRequestFactory(circle=circle),
        "leaderprofile": leader.leader_profile,
        "studyassociation": circle.association,
    }
    return users, objects


def admin_urls(objects):
    urls = [reverse("cirklar_invite_leader")]
    for model, obj in objects.items():
        urls += [
            reverse(f"wagtailsnippets_cirklar_{model}:list"),
            reverse(f"wagtailsnippets_cirklar_{model}:edit", args=[obj.pk]),
            reverse(f"wagtailsnippets_cirklar_{model}:delete", args=[obj.pk]),
        ]
    return urls


def refused(response):
    if response.status_code in (403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        "login" in location
        or "logga-in" in location
        or location == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_cirklar_admin_is_the_kanslis_and_the_editors(client, world, role):
    users, objects = world
    if users[role]:
        client.force_login(users[role])
    for url in admin_urls(objects):
        response = client.get(url)
        if role in ADMIN_ROLES:
            assert response.status_code == 200, (role, url)
        else:
            assert refused(response), (role, url, response.status_code)
            assert refused(client.post(url, {"name": "Ändrad"})), (role, url)
    if role not in ADMIN_ROLES:
        assert StudyCircle.objects.filter(name="Originalet").exists()
        assert all(
            type(obj).objects.filter(pk=obj.pk).exists() for obj in objects.values()
        )


@pytest.mark.parametrize("role", ROLES)
def test_the_leaders_public_pages_answer_everyone(client, world, role):
    users, _objects = world
    if users[role]:
        client.force_login(users[role])
    for name in ("leader_sent", "leader_ready", "leader_resend"):
        assert client.get(reverse(name)).status_code == 200, (role, name)
    sign_up = client.get(reverse("leader_sign_up"))
    # A confirmed leader (and the kansli, who may use Mina cirklar) goes to Mitt konto.
    assert sign_up.status_code in (200, 302), role
    assert client.get(reverse("leader_confirm", args=["x"])).status_code == 400
