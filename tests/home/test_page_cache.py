"""The anonymous page cache: hits for visitors, never a user's data, never stale."""

from home.models import KansliContactSettings, NewsPage
from studiematerial.models import PrinciplePage

URL = "/overenskommelsen/dialog/"


def test_second_anonymous_request_is_served_from_the_cache(client, demo_content):
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"


def test_publishing_a_change_shows_at_once(client, demo_content):
    client.get(URL)
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.title = "Dialog – uppdaterad"
    principle.save_revision().publish()
    response = client.get(URL)
    assert response["X-Page-Cache"] == "miss"
    assert "Dialog – uppdaterad" in response.content.decode()


def test_a_draft_does_not_reach_visitors_but_publishing_it_does(client, demo_content):
    client.get(URL)
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.intro = "Ett utkast som ingen ska se."
    revision = principle.save_revision()
    assert "Ett utkast som ingen ska se." not in client.get(URL).content.decode()
    revision.publish()
    assert "Ett utkast som ingen ska se." in client.get(URL).content.decode()


def test_unpublishing_a_page_removes_it_from_the_cache(client, demo_content):
    news = NewsPage.objects.live().first()
    url = news.url
    client.get(url)
    client.get("/nyheter/")
    news.unpublish()
    assert client.get(url).status_code == 404
    assert news.title not in client.get("/nyheter/").content.decode()


def test_changed_contact_settings_show_in_every_footer(client, demo_content):
    client.get(URL)
    contact = KansliContactSettings.objects.get()
    contact.email = "ny-adress@example.se"
    contact.save()
    assert "ny-adress@example.se" in client.get(URL).content.decode()


def test_a_renamed_menu_page_updates_navigation_everywhere(client, demo_content):
    client.get(URL)
    client.get("/om/")
    index = NewsPage.objects.first().get_parent().specific
    index.title = "Aktuellt"
    index.save_revision().publish()
    nav = client.get("/om/").content.decode().split('aria-label="Huvudmeny"')[1]
    assert "Aktuellt" in nav.split("</nav>")[0]


def test_signed_in_users_never_get_or_fill_the_cache(client, demo_content, editor):
    client.force_login(editor)
    first = client.get(URL)
    assert "X-Page-Cache" not in first
    assert "Mitt konto" in first.content.decode()
    client.logout()
    anonymous = client.get(URL)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Mitt konto" not in anonymous.content.decode()


def test_pages_with_a_csrf_token_are_not_cached(client, demo_content):
    client.get("/konto/logga-in/")
    response = client.get("/konto/logga-in/")
    assert "X-Page-Cache" not in response
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_visitor_with_a_csrf_cookie_gets_their_own_token(client, demo_content):
    # Two visitors who both already hold CSRF cookies must each get a form they can post.
    from django.test import Client

    first, second = Client(), Client()
    first.get("/konto/logga-in/")
    second.get("/konto/logga-in/")
    for visitor in (first, second):
        response = visitor.post(
            "/konto/logga-in/", {"username": "x", "password": "y"}, follow=False
        )
        assert response.status_code == 200  # the form again, not a CSRF failure


def test_responses_to_other_methods_are_not_cached(client, demo_content):
    client.post(URL)
    assert client.get(URL)["X-Page-Cache"] == "miss"
