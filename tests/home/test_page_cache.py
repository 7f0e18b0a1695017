"""The page cache: hits for visitors, never a user's data, never stale."""

from wagtail.models import PageViewRestriction

import pytest

from home.models import ContentPage, KansliContactSettings, NewsPage
from studiematerial.models import PrinciplePage

from .test_views import PAGE_TYPE_URLS

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


# Signed-in visitors who do not edit the site share the anonymous visitors' copy.

SHARED_URLS = {
    name: url
    for name, url in PAGE_TYPE_URLS.items()
    if name not in ("login", "password reset")  # forms with a CSRF token
}


@pytest.mark.parametrize("url", SHARED_URLS.values(), ids=SHARED_URLS.keys())
def test_signed_in_visitors_get_the_shared_copy_exactly_as_rendered_for_them(
    client, demo_content, circle_leader, url
):
    from django.test import Client

    client.force_login(circle_leader)
    rendered = client.get(url)
    assert "X-Page-Cache" not in rendered  # nothing cached yet: rendered for them
    Client().get(url)  # an anonymous visitor fills the cache
    shared = client.get(url)
    assert shared["X-Page-Cache"] == "shared"
    assert shared.content == rendered.content
    html = shared.content.decode()
    assert "Mitt konto" in html and "Logga in" not in html
    assert shared["Cache-Control"] == "private"


def test_the_shared_copy_is_compressed_and_costs_no_page_query(
    client, demo_content, circle_leader, django_assert_max_num_queries
):
    url = "/studiematerial/overenskommelsen-i-var-kommun/"
    client.get(url)
    client.force_login(circle_leader)
    client.get(url)
    # The session comes from the cache; the user and their permissions cost a query each.
    with django_assert_max_num_queries(2):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["X-Page-Cache"] == "shared"
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("role", ["editor", "kansli_user", "superuser"])
def test_editors_always_get_a_fresh_page_with_the_user_bar(
    client, demo_content, request, role
):
    client.get(URL)
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()


def test_a_publish_reaches_signed_in_visitors_at_once(
    client, demo_content, circle_leader
):
    from django.test import Client

    Client().get(URL)
    client.force_login(circle_leader)
    assert client.get(URL)["X-Page-Cache"] == "shared"
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.title = "Dialog – nu ändrad"
    principle.save_revision().publish()
    response = client.get(URL)
    assert "X-Page-Cache" not in response
    assert "Dialog – nu ändrad" in response.content.decode()


def test_views_that_do_not_share_are_rendered_for_signed_in_visitors(
    client, demo_content, circle_leader
):
    from django.test import Client

    Client().get("/robots.txt")
    client.force_login(circle_leader)
    assert "X-Page-Cache" not in client.get("/robots.txt")


def test_a_page_type_that_shows_signed_in_visitors_more_is_never_shared(
    client, demo_content, circle_leader, monkeypatch
):
    from django.test import Client

    monkeypatch.setattr(PrinciplePage, "shared_with_signed_in", False)
    Client().get(URL)
    client.force_login(circle_leader)
    assert "X-Page-Cache" not in client.get(URL)


def test_restricted_pages_are_never_shared(client, demo_content, circle_leader):
    from django.test import Client

    page = ContentPage.objects.get(slug="om")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    anonymous = Client().get("/om/")
    assert anonymous.status_code == 302
    client.force_login(circle_leader)
    for _visit in range(2):
        response = client.get("/om/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
