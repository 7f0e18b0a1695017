"""Hitta en studiecirkel: the open circles, a circle's page, the intresseanmälan."""

import datetime

from django.core import mail
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from cirklar.models import (
    CONTENT_KIND,
    CircleIndexPage,
    CircleStatus,
    InterestRequest,
    StudyCircle,
)
from home import cache
from home.cache import cache_key as page_cache_key
from home.models import HomePage
from kommuner.models import PostalCode
from tests.cirklar.factories import (
    LeaderFactory,
    MeetingFactory,
    ParticipantFactory,
    StudyAssociationFactory,
    StudyCircleFactory,
)
from tests.kommuner.factories import MunicipalityFactory

INDEX = "/studiecirklar/"
FUTURE = datetime.date.today() + datetime.timedelta(days=30)


@pytest.fixture
def circle_index(site_tree):
    return site_tree.circle_index


@pytest.fixture
def leader(db):
    return LeaderFactory(
        username="ledare",
        first_name="Lena",
        last_name="Ledare",
        email="lena@example.se",
    )


@pytest.fixture
def open_circle(circle_index, site_tree, leader):
    circle = StudyCircleFactory(
        name="Samverkan i Örebro",
        municipality=MunicipalityFactory(code="1880"),
        module=site_tree.module,
        meeting_place="Folkets hus, Storgatan 1",
        public_description="Vi läser om dialog och samverkan.",
        leaders=[leader],
    )
    MeetingFactory(circle=circle, date=FUTURE)
    ParticipantFactory(circle=circle, name="Petra Deltagare", email="petra@example.se")
    return circle


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def count_queries(client, url):
    """Queries for a render that misses the page cache, with the shared chrome cached."""
    client.get(url)
    caches["pages"].delete(page_cache_key(RequestFactory().get(url)))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_circles(count, **fields):
    """`count` open circles written in one query, as the bench seeds them."""
    defaults = {
        "association": StudyAssociationFactory(),
        "municipality": MunicipalityFactory(code="1880"),
        "meeting_place": "Biblioteket",
        "start_date": datetime.date(2027, 2, 1),
        "status": CircleStatus.RUNNING,
        "public_description": "En cirkel.",
    }
    existing = StudyCircle.objects.count()
    StudyCircle.objects.bulk_create(
        StudyCircle(name=f"Massa {existing + n}", **{**defaults, **fields})
        for n in range(count)
    )
    cache.bump(CONTENT_KIND)  # bulk_create sends no signals


# The page in the tree.


def test_circle_index_lives_only_under_the_home_page_and_has_no_children():
    assert CircleIndexPage.parent_page_types == ["home.HomePage"]
    assert CircleIndexPage.subpage_types == []
    assert CircleIndexPage.max_count == 1
    assert CircleIndexPage in HomePage.allowed_subpage_models()


# The list.


def test_index_lists_open_circles_with_their_public_fields(client, open_circle):
    html = html_of(client.get(INDEX))
    assert "Samverkan i Örebro" in html
    assert f'href="/studiecirklar/{open_circle.pk}/"' in html
    assert "Folkets hus, Storgatan 1" in html
    assert "Arbetarnas bildningsförbund" in html
    assert 'href="/kommuner/orebro/"' in html
    assert 'href="/studiematerial/overenskommelsen-i-var-kommun/"' in html
    assert "Vi läser om dialog och samverkan." in html
    assert FUTURE.strftime("%Y") in html
    assert "1 studiecirkel hittades." in html


def test_index_never_shows_participants_or_leaders(client, open_circle):
    html = html_of(client.get(INDEX))
    for private in ("Petra", "petra@example.se", "Lena", "lena@example.se", "ledare"):
        assert private not in html.replace("cirkelledare", "")


@pytest.mark.parametrize(
    "fields",
    [
        {"open_to_new": False},
        {"status": CircleStatus.FINISHED},
        {"status": CircleStatus.ARCHIVED},
    ],
)
def test_index_leaves_out_circles_that_take_no_one_new(client, circle_index, fields):
    StudyCircleFactory(name="Stängd cirkel", **fields)
    StudyCircleFactory(name="Öppen cirkel")
    html = html_of(client.get(INDEX))
    assert "Öppen cirkel" in html
    assert "Stängd cirkel" not in html


@pytest.fixture
def circles_across(circle_index, site_tree):
    StudyCircleFactory(name="Cirkel i Örebro", module=site_tree.module)
    StudyCircleFactory(
        name="Cirkel i Kiruna",
        municipality=MunicipalityFactory(code="2584"),
        association=StudyAssociationFactory(slug="sensus"),
    )
    StudyCircleFactory(
        name="Cirkel i Kumla", municipality=MunicipalityFactory(code="1881")
    )


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("kommun=kiruna", {"Cirkel i Kiruna"}),
        ("lan=orebro", {"Cirkel i Örebro", "Cirkel i Kumla"}),
        ("studieforbund=sensus", {"Cirkel i Kiruna"}),
        ("kommun=orebro&studieforbund=sensus", set()),
    ],
)
def test_index_filters_by_kommun_lan_studieforbund(
    client, circles_across, query, shown
):
    html = html_of(client.get(f"{INDEX}?{query}"))
    names = {"Cirkel i Örebro", "Cirkel i Kiruna", "Cirkel i Kumla"}
    assert {name for name in names if name in html} == shown


def test_index_filters_by_module(client, circles_across, site_tree):
    html = html_of(client.get(f"{INDEX}?material={site_tree.module.pk}"))
    assert "Cirkel i Örebro" in html
    assert "Cirkel i Kiruna" not in html


def test_postal_code_finds_the_circles_of_its_kommun(client, circles_across):
    code = PostalCode.objects.filter(municipality__code="2584").first().code
    html = html_of(client.get(f"{INDEX}?postnummer={code[:3]}+{code[3:]}"))
    assert "Cirkel i Kiruna" in html
    assert "Cirkel i Örebro" not in html
    assert "hör till Kiruna" in html


def test_unknown_postal_code_says_so_in_swedish_and_filters_nothing(
    client, circles_across
):
    html = html_of(client.get(f"{INDEX}?postnummer=00000"))
    assert "Vi hittar inte postnumret 000 00" in html
    assert 'class="error-summary"' in html
    assert "Cirkel i Kiruna" in html


@pytest.mark.parametrize("query", ["kommun=atlantis", "material=x", "lan=%00"])
def test_bad_filter_values_are_ignored_without_an_error(client, circles_across, query):
    html = html_of(client.get(f"{INDEX}?{query}"))
    assert "Cirkel i Kiruna" in html


def test_filters_are_a_labelled_form_with_a_submit_button(client, circle_index):
    html = html_of(client.get(INDEX))
    assert 'method="get"' in html
    assert 'aria-labelledby="filtrera"' in html
    for name in ("postnummer", "kommun", "lan", "studieforbund", "material"):
        assert f'<label for="id_{name}">' in html
    assert '<button type="submit">Visa cirklar</button>' in html
    assert '<p role="status">' in html


def test_index_is_paginated(client, circle_index):
    make_circles(25)
    first = html_of(client.get(INDEX))
    assert "25 studiecirklar hittades." in first
    assert first.count('class="card"') == 20
    second = html_of(client.get(INDEX + "?sida=2"))
    assert second.count('class="card"') == 5
    assert client.get(INDEX + "?sida=3").status_code == 404
    assert client.get(INDEX + "?sida=x").status_code == 404


def test_index_with_5000_circles_costs_as_many_queries_as_with_5(
    client, circle_index, site_tree
):
    make_circles(5, module=site_tree.module)
    small = count_queries(client, INDEX)
    make_circles(4995, module=site_tree.module)
    large = count_queries(client, INDEX)
    assert large == small <= 11
    # Routing 2; the filters' choices 4; the count and the page of circles 2; the
    # kommun overview and the modules shown 2.
    assert large == 10
    filtered = INDEX + "?lan=orebro&studieforbund=abf&sida=3"
    assert count_queries(client, filtered) == large


# A circle's page.


def test_circle_page_shows_public_fields_and_coming_meetings(client, open_circle):
    MeetingFactory(
        circle=open_circle,
        date=datetime.date.today() - datetime.timedelta(days=7),
        notes="Hemlig anteckning",
    )
    html = html_of(client.get(f"{INDEX}{open_circle.pk}/"))
    assert "<h1>Samverkan i Örebro</h1>" in html
    assert "Vi läser om dialog och samverkan." in html
    assert f'datetime="{FUTURE:%Y-%m-%d}T18:00"' in html
    assert html.count("<time") == 1  # the past meeting is not listed
    assert "Hemlig anteckning" not in html
    assert "Petra" not in html
    assert "lena@example.se" not in html
    assert f'href="/studiecirklar/{open_circle.pk}/anmalan/"' in html


def test_closed_circle_page_says_so_politely(client, open_circle):
    StudyCircle.objects.filter(pk=open_circle.pk).update(open_to_new=False)
    html = html_of(client.get(f"{INDEX}{open_circle.pk}/"))
    assert "tar inte emot nya deltagare" in html
    assert "Folkets hus" not in html
    assert "anmalan/" not in html


@pytest.mark.parametrize("suffix", ["", "anmalan/", "tack/"])
def test_unknown_circle_is_404(client, circle_index, suffix):
    assert client.get(f"{INDEX}999999/{suffix}").status_code == 404


def test_circle_page_queries_are_bounded(client, open_circle):
    MeetingFactory.create_batch(15, circle=open_circle, date=FUTURE)
    ParticipantFactory.create_batch(20, circle=open_circle)
    assert count_queries(client, f"{INDEX}{open_circle.pk}/") <= 8


# The intresseanmälan.

VALID = {"name": "Vera Besökare", "email": "vera@example.se", "message": "Hej!"}


def interest_url(circle):
    return f"{INDEX}{circle.pk}/anmalan/"


def test_interest_form_says_why_each_item_is_asked_and_how_long_it_is_kept(
    client, open_circle, settings
):
    settings.PERSONAL_DATA_RETENTION_DAYS = {
        **settings.PERSONAL_DATA_RETENTION_DAYS,
        "interest_requests": 90,
    }
    response = client.get(interest_url(open_circle))
    html = html_of(response)
    assert "så att cirkelledaren kan svara dig" in html.lower()
    assert "högst 90 dagar" in html
    assert 'name="homepage"' in html  # the guard's honeypot
    assert 'name="csrfmiddlewaretoken"' in html
    assert "X-Page-Cache" not in response


def test_interest_is_saved_mailed_and_answered_with_a_thank_you(
    client, open_circle, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(open_circle), VALID)
    assert response.status_code == 302
    assert response["Location"] == f"{INDEX}{open_circle.pk}/tack/"
    interest = InterestRequest.objects.get()
    assert (interest.circle, interest.name, interest.email) == (
        open_circle,
        "Vera Besökare",
        "vera@example.se",
    )
    to_leader, to_visitor = sorted(
        mail.outbox, key=lambda m: m.to != ["lena@example.se"]
    )
    assert to_leader.to == ["lena@example.se"]
    assert "Vera Besökare" in to_leader.body
    assert f"/mina-cirklar/{open_circle.pk}/intresseanmalningar/" in to_leader.body
    assert to_visitor.to == ["vera@example.se"]
    assert "Samverkan i Örebro" in to_visitor.subject
    thanks = html_of(client.get(response["Location"]))
    assert "Tack för din intresseanmälan" in thanks
    assert "vera@example.se" not in thanks


def test_invalid_interest_keeps_what_was_typed_and_saves_nothing(client, open_circle):
    response = client.post(
        interest_url(open_circle), {**VALID, "email": "inte-en-adress"}
    )
    html = html_of(response)
    assert "Skriv en giltig e-postadress" in html
    assert 'value="Vera Besökare"' in html
    assert 'class="error-summary"' in html
    assert not InterestRequest.objects.exists()


def test_filled_honeypot_saves_nothing(client, open_circle):
    response = client.post(
        interest_url(open_circle), {**VALID, "homepage": "http://spam"}
    )
    assert response.status_code == 200
    assert not InterestRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "fields", [{"open_to_new": False}, {"status": CircleStatus.FINISHED}]
)
def test_a_closed_circle_accepts_no_request_and_says_so_politely(
    client, open_circle, fields
):
    StudyCircle.objects.filter(pk=open_circle.pk).update(**fields)
    response = client.post(interest_url(open_circle), VALID)
    html = html_of(response)
    assert "tar cirkeln inte emot nya deltagare" in html
    assert not InterestRequest.objects.exists()


def test_a_flood_is_refused_but_a_genuine_request_from_elsewhere_is_kept(
    client, open_circle
):
    statuses = [
        client.post(
            interest_url(open_circle),
            {**VALID, "email": f"robot{n}@example.se"},
            REMOTE_ADDR="203.0.113.9",
        ).status_code
        for n in range(25)
    ]
    assert statuses.count(302) == 20
    assert statuses[-1] == 429
    genuine = client.post(
        interest_url(open_circle),
        {**VALID, "email": "riktig@example.se"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert genuine.status_code == 302
    assert InterestRequest.objects.filter(email="riktig@example.se").exists()


def test_a_mail_server_that_is_down_loses_no_request(
    client, open_circle, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.cirklar.test_public.BrokenEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(open_circle), VALID)
    assert response.status_code == 302
    assert InterestRequest.objects.filter(email="vera@example.se").exists()


class BrokenEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


# The sitemap.


def test_sitemap_lists_findable_circles_with_their_change_time(client, open_circle):
    closed = StudyCircleFactory(open_to_new=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/studiecirklar/{open_circle.pk}/</loc>" in xml
    assert f"/studiecirklar/{closed.pk}/</loc>" not in xml
    assert f"<lastmod>{open_circle.updated_at:%Y-%m-%d}" in xml
