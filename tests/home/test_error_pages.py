"""Every error page is Swedish, in the site's look, and says what the visitor can do next.

With DEBUG off, as in production: 400, 403 (the kommuner's refusals among them), 404,
405, 429 (the guard's and a bare one), 500 and the CSRF failure.
"""

import re

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest

from home import error_views
from home.middleware import ErrorPageMiddleware
from tests.home.factories import PASSWORD, UserFactory
from tests.kommuner.factories import MunicipalityFactory, OfficialFactory


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def heading(response):
    match = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S)
    return match and " ".join(match.group(1).split())


def links(response):
    return re.findall(r'<a href="([^"]*)"', response.content.decode())


def assert_site_error_page(response, status, title):
    """Status, Swedish, the site's header and footer, the heading, and a way on."""
    html = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="sv">' in html
    assert heading(response) == title
    assert f"<title>{title} – Överenskommelsens studieplattform</title>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "Vad kan du göra?" in html
    assert "/" in links(response)  # at least the home page, besides the header's links
    for english in ("Forbidden", "Not Found", "Bad Request", "Server Error"):
        assert english not in html


def test_a_bad_request_gets_the_swedish_400_page(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["studieplattform.example.se"]
    response = client.get("/", HTTP_HOST="annan.example.se")
    assert_site_error_page(response, 400, "Begäran kunde inte tas emot")
    assert reverse("search") in links(response)


def test_a_form_with_too_many_fields_gets_the_swedish_400_page(
    client, home_page, settings
):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/konto/logga-in/", {f"falt{n}": "x" for n in range(20)})
    assert_site_error_page(response, 400, "Begäran kunde inte tas emot")


def test_an_official_on_another_kommuns_min_kommun_page_gets_the_swedish_403(
    client, home_page
):
    orebro = MunicipalityFactory(code="1880")
    kiruna = MunicipalityFactory(code="2584")
    official = OfficialFactory(
        username="orebro-handlaggare",
        first_name="Hanna",
        last_name="Handläggare",
        municipalities=[orebro],
    )
    client.force_login(official)
    path = reverse("min_kommun:record", kwargs={"slug": kiruna.slug})
    response = client.get(path)
    assert_site_error_page(response, 403, "Du har inte behörighet till sidan")
    html = response.content.decode()
    assert "Du är inloggad som Hanna Handläggare" in html
    # What they do have, and a way to sign in with another account and come back.
    assert reverse("account") in links(response)
    assert f'action="{reverse("logout")}"' in html
    assert f'name="next" value="{reverse("login")}?next={path}"' in html


def test_a_circle_leader_on_min_kommun_gets_the_swedish_403(
    client, home_page, circle_leader
):
    client.force_login(circle_leader)
    response = client.get(reverse("min_kommun:index"))
    assert_site_error_page(response, 403, "Du har inte behörighet till sidan")
    assert reverse("account") in links(response)


def test_the_403_page_offers_an_anonymous_visitor_to_log_in(rf, home_page):
    request = rf.get("/hemligt/")
    request.user = AnonymousUser()
    response = error_views.permission_denied(request)
    html = response.content.decode()
    assert response.status_code == 403
    assert f'href="{reverse("login")}?next=/hemligt/"' in html
    assert "Du är inloggad" not in html


def test_an_unknown_address_gets_the_swedish_404_page(client, home_page):
    response = client.get("/finns/inte/")
    assert_site_error_page(response, 404, "Sidan finns inte")
    assert reverse("search") in links(response)


def test_a_post_to_a_page_that_is_only_shown_gets_the_swedish_405_page(
    client, home_page
):
    response = client.post(reverse("search"), {"q": "dialog"})
    assert_site_error_page(response, 405, "Sidan kan inte användas på det sättet")
    assert response["Allow"] == "GET"
    assert reverse("search") in links(response)  # shown, as it can be


def test_a_link_to_what_only_a_button_does_gets_the_swedish_405_page(
    client, home_page, circle_leader
):
    client.force_login(circle_leader)
    response = client.get(reverse("logout"))  # signing out is a POST
    assert_site_error_page(response, 405, "Sidan kan inte användas på det sättet")
    assert "POST" in response["Allow"]
    assert reverse("logout") not in links(response)


def test_a_405_in_the_admin_is_left_to_the_admin(client, editor):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", "1", "1"]
    )
    response = client.get(url)
    assert response.status_code == 405
    assert response.content == b""


def test_a_405_for_a_client_that_takes_no_html_keeps_its_empty_body(client, home_page):
    response = client.post(reverse("robots_txt"), HTTP_ACCEPT="text/plain")
    assert response.status_code == 405
    assert response.content == b""


def test_the_guards_429_is_the_form_in_swedish_with_how_long_to_wait(
    client, home_page, settings
):
    settings.GUARD_RATE_LIMITS = {
        **settings.GUARD_RATE_LIMITS,
        "login": [("ip", 1, 600)],
    }
    UserFactory(username="deltagare")
    client.post("/konto/logga-in/", {"username": "deltagare", "password": "fel"})
    response = client.post(
        "/konto/logga-in/", {"username": "deltagare", "password": PASSWORD}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert '<html lang="sv">' in html and 'class="site-header"' in html
    assert heading(response) == "Logga in"
    assert re.search(r"Vänta \d+ minut(er)? och skicka det sedan igen\.", html)
    assert 'value="deltagare"' in html  # what was typed is kept
    assert reverse("password_reset") in links(response)


def test_a_bare_429_gets_the_swedish_429_page_with_its_retry_after(home_page):
    request = RequestFactory().get("/sok/")
    request.user = AnonymousUser()
    bare = HttpResponse(status=429, headers={"Retry-After": "90"})
    response = ErrorPageMiddleware(lambda request: bare)(request)
    assert_site_error_page(response, 429, "För många försök på kort tid")
    assert response["Retry-After"] == "90"
    assert "Vänta 2 minuter och försök sedan igen." in response.content.decode()


def test_a_server_error_gets_the_swedish_500_page(home_page, monkeypatch):
    def fail(text):
        raise RuntimeError("något gick sönder")

    monkeypatch.setattr("home.views.search_words", fail)
    response = Client(raise_request_exception=False).get("/sok/", {"q": "dialog"})
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="sv">' in html
    assert heading(response) == "Något gick fel"
    assert "Vad kan du göra?" in html
    assert "/" in links(response)


def test_the_500_page_needs_no_database_and_no_request():
    # Without the `db` fixture, a query would fail the test.
    html = render_to_string("500.html")
    assert "Något gick fel" in html and "{%" not in html


def test_a_form_refused_for_its_csrf_token_explains_and_leads_back_to_it(home_page):
    client = Client(enforce_csrf_checks=True)
    form_page = "http://testserver/konto/logga-in/?next=/min-kommun/"
    response = client.post(
        "/konto/logga-in/",
        {"username": "deltagare", "password": "x"},
        HTTP_REFERER=form_page,
    )
    assert_site_error_page(response, 403, "Formuläret kunde inte skickas")
    html = response.content.decode()
    assert "kakor" in html
    assert form_page in links(response)


def test_the_csrf_page_never_leads_to_another_site(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/konto/glomt-losenord/",
        {"email": "a@example.se"},
        HTTP_REFERER="https://annan.example.se/falsk/",
    )
    assert response.status_code == 403
    assert "/konto/glomt-losenord/" in links(response)
    assert not any("annan.example.se" in link for link in links(response))
