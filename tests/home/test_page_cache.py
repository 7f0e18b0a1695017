"""The page cache: hits for visitors, never a user's data, never stale."""

from django.core.cache import caches

from wagtail.models import PageViewRestriction

import pytest

from home import cache
from home.models import ContentPage, KansliContactSettings, NewsPage
from studiematerial.models import PrinciplePage
from tests.home.factories import UserFactory

from .test_views import PAGE_TYPE_URLS

URL = "/overenskommelsen/dialog/"


def test_second_anonymous_request_is_served_from_the_cache(client, site_tree):
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"


def test_publishing_a_change_shows_at_once(client, site_tree):
    client.get(URL)
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.title = "Dialog – uppdaterad"
    principle.save_revision().publish()
    response = client.get(URL)
    assert response["X-Page-Cache"] == "miss"
    assert "Dialog – uppdaterad" in response.content.decode()


def test_a_draft_does_not_reach_visitors_but_publishing_it_does(client, site_tree):
    client.get(URL)
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.intro = "Ett utkast som ingen ska se."
    revision = principle.save_revision()
    assert "Ett utkast som ingen ska se." not in client.get(URL).content.decode()
    revision.publish()
    assert "Ett utkast som ingen ska se." in client.get(URL).content.decode()


def test_unpublishing_a_page_removes_it_from_the_cache(client, site_tree):
    news = NewsPage.objects.live().first()
    url = news.url
    client.get(url)
    client.get("/nyheter/")
    news.unpublish()
    assert client.get(url).status_code == 404
    assert news.title not in client.get("/nyheter/").content.decode()


def test_changed_contact_settings_show_in_every_footer(client, site_tree):
    client.get(URL)
    contact = KansliContactSettings.objects.get()
    contact.email = "ny-adress@example.se"
    contact.save()
    assert "ny-adress@example.se" in client.get(URL).content.decode()


def test_a_renamed_menu_page_updates_navigation_everywhere(client, site_tree):
    client.get(URL)
    client.get("/om/")
    index = NewsPage.objects.first().get_parent().specific
    index.title = "Aktuellt"
    index.save_revision().publish()
    nav = client.get("/om/").content.decode().split('aria-label="Huvudmeny"')[1]
    assert "Aktuellt" in nav.split("</nav>")[0]


def test_signed_in_users_never_get_or_fill_the_cache(client, site_tree, editor):
    client.force_login(editor)
    first = client.get(URL)
    assert "X-Page-Cache" not in first
    assert "Mitt konto" in first.content.decode()
    client.logout()
    anonymous = client.get(URL)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Mitt konto" not in anonymous.content.decode()


def test_pages_with_a_csrf_token_are_not_cached(client, site_tree):
    client.get("/konto/logga-in/")
    response = client.get("/konto/logga-in/")
    assert "X-Page-Cache" not in response
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_visitor_with_a_csrf_cookie_gets_their_own_token(client, site_tree):
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


def test_responses_to_other_methods_are_not_cached(client, site_tree):
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
    client, site_tree, circle_leader, url
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
    client, site_tree, circle_leader, django_assert_max_num_queries
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
    client, site_tree, request, role
):
    client.get(URL)
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()


def test_a_publish_reaches_signed_in_visitors_at_once(client, site_tree, circle_leader):
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
    client, site_tree, circle_leader
):
    from django.test import Client

    Client().get("/robots.txt")
    client.force_login(circle_leader)
    assert "X-Page-Cache" not in client.get("/robots.txt")


def test_a_page_type_that_shows_signed_in_visitors_more_is_never_shared(
    client, site_tree, circle_leader, monkeypatch
):
    from django.test import Client

    monkeypatch.setattr(PrinciplePage, "shared_with_signed_in", False)
    Client().get(URL)
    client.force_login(circle_leader)
    assert "X-Page-Cache" not in client.get(URL)


def test_restricted_pages_are_never_shared(client, site_tree, circle_leader):
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


# What each response shows, and the writes that refresh it.

KOMMUN_URL = "/kommuner/orebro/"
OVERVIEW_URL = "/kommuner/"


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def states(client, *urls):
    return {url: client.get(url)["X-Page-Cache"] for url in urls}


def test_every_model_is_declared_a_kind_of_content_or_private():
    from django.apps import apps

    undeclared = [
        model._meta.label_lower
        for model in apps.get_models(include_auto_created=True)
        if cache.kinds_of(model) is None
    ]
    assert undeclared == []


def test_a_kommun_record_change_refreshes_kommun_pages_and_keeps_text_pages(
    client, site_tree
):
    from kommuner.models import Municipality, PolicyRecord

    warm(client, URL, KOMMUN_URL, OVERVIEW_URL)
    record, _created = PolicyRecord.objects.get_or_create(
        municipality=Municipality.objects.get(slug="orebro")
    )
    record.contact_name = "Ny Kontaktperson"
    record.agreement_status = "antagen"
    record.save()
    assert states(client, KOMMUN_URL, OVERVIEW_URL, URL) == {
        KOMMUN_URL: "miss",
        OVERVIEW_URL: "miss",
        URL: "hit",
    }


def test_a_new_organisation_shows_on_its_kommun_page_at_once(client, site_tree):
    from kommuner.models import Municipality, Organisation

    warm(client, KOMMUN_URL, URL)
    Organisation.objects.create(
        name="Föreningen Nyss Tillkommen",
        municipality=Municipality.objects.get(slug="orebro"),
    )
    assert "Föreningen Nyss Tillkommen" in client.get(KOMMUN_URL).content.decode()
    assert client.get(URL)["X-Page-Cache"] == "hit"


def test_the_home_page_shows_kommuner_figures_and_is_refreshed_by_them(
    client, site_tree
):
    from kommuner.models import Municipality, PolicyRecord

    warm(client, "/", URL)
    PolicyRecord.objects.update_or_create(
        municipality=Municipality.objects.get(slug="kiruna"),
        defaults={"agreement_status": "antagen"},
    )
    assert states(client, "/", URL) == {"/": "miss", URL: "hit"}


def test_a_published_page_refreshes_pages_but_not_the_open_data(client, site_tree):
    warm(client, URL, "/kommuner/data/json/")
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.title = "Dialog och samtal"
    principle.save_revision().publish()
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get("/kommuner/data/json/")["X-Page-Cache"] == "miss"  # menu


def test_a_draft_refreshes_nothing(client, site_tree):
    warm(client, URL, "/")
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.title = "Ett utkast"
    principle.save_revision()
    assert states(client, URL, "/") == {URL: "hit", "/": "hit"}


def test_contact_settings_refresh_every_page_with_a_footer(client, site_tree):
    warm(client, URL, KOMMUN_URL)
    contact = KansliContactSettings.objects.get()
    contact.phone = "010-123 45 67"
    contact.save()
    assert states(client, URL, KOMMUN_URL) == {URL: "miss", KOMMUN_URL: "miss"}


def test_a_changed_document_refreshes_pages_that_may_link_it(client, site_tree):
    from wagtail.documents.models import Document

    warm(client, URL)
    document = Document.objects.first()
    document.title = "Ett nytt dokumentnamn"
    document.save()
    assert client.get(URL)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    "write",
    [
        "session",
        "sign-in",
        "user name",
        "group",
        "log entry",
        "task result",
        "official of a kommun",
    ],
)
def test_writes_that_no_public_page_shows_refresh_nothing(client, site_tree, db, write):
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from wagtail.models import PageLogEntry

    from kommuner.models import Municipality

    user = UserFactory(username="nagon")
    urls = (URL, "/", KOMMUN_URL, "/sok/?q=dialog")
    warm(client, *urls)
    if write == "session":
        session = SessionStore()
        session["x"] = 1
        session.save()
    elif write == "sign-in":
        user.last_login = timezone.now()
        user.save(update_fields=["last_login"])
    elif write == "user name":
        user.first_name = "Ny"
        user.save()
    elif write == "group":
        user.groups.add(Group.objects.first())
    elif write == "log entry":
        PageLogEntry.objects.log_action(
            PrinciplePage.objects.get(slug="dialog"), "wagtail.edit", user=user
        )
    elif write == "task result":
        from django.db.models.signals import post_save

        from django_tasks_db.models import DBTaskResult

        post_save.send(sender=DBTaskResult, instance=DBTaskResult(), created=True)
    elif write == "official of a kommun":
        Municipality.objects.get(slug="orebro").officials.add(user)
    assert states(client, *urls) == dict.fromkeys(urls, "hit")


def test_a_write_in_a_transaction_is_refreshed_again_once_committed(
    site_tree, django_capture_on_commit_callbacks
):
    from django.db import transaction

    contact = KansliContactSettings.objects.get()
    before = cache.current_versions()[cache.SETTINGS]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        contact.phone = "1"
        contact.save()
        during = cache.current_versions()[cache.SETTINGS]
        # A page rendered now, from the rows before the commit, is kept as `during`.
        contact.phone = "2"
        contact.save()
    after = cache.current_versions()[cache.SETTINGS]
    assert len({before, during, after}) == 3


def test_a_lost_version_makes_every_entry_of_that_kind_out_of_date(client, site_tree):
    warm(client, URL)
    caches["pages"].delete(f"version:{cache.PAGES}")  # evicted, or Redis restarted
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"


def test_an_invalidation_lists_and_deletes_nothing(site_tree, monkeypatch):
    store = cache.store()
    for method in ("clear", "delete", "delete_many", "keys"):
        monkeypatch.setattr(
            store,
            method,
            lambda *a, **k: pytest.fail("listed or deleted"),
            raising=False,
        )
    contact = KansliContactSettings.objects.get()
    contact.phone = "3"
    contact.save()
    monkeypatch.undo()


# Access control, keys.


def test_a_view_restriction_on_a_cached_page_hides_it_at_once(client, site_tree):
    warm(client, URL, "/sok/?q=dialog")
    PageViewRestriction.objects.create(
        page=PrinciplePage.objects.get(slug="dialog"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert client.get(URL).status_code == 302
    assert client.get(URL).status_code == 302
    results = client.get("/sok/?q=dialog").context["results"]
    found = [page.url for page in results.object_list] if results else []
    assert URL not in found


def test_a_restriction_on_a_parent_hides_a_moved_page_at_once(client, site_tree):
    about = ContentPage.objects.get(slug="om")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    warm(client, URL)
    principle = PrinciplePage.objects.get(slug="dialog")
    principle.move(about, pos="last-child")
    moved = PrinciplePage.objects.get(pk=principle.pk)
    assert client.get(moved.url).status_code == 302


def test_http_and_https_are_kept_apart(client, site_tree):
    secure = client.get("/nyheter/atom/", secure=True)
    plain = client.get("/nyheter/atom/")
    assert secure["X-Page-Cache"] == plain["X-Page-Cache"] == "miss"
    assert b"https://" in secure.content
    assert b"https://" not in plain.content
    assert client.get("/robots.txt")["X-Page-Cache"] == "miss"
    assert b"http://testserver/sitemap.xml" in client.get("/robots.txt").content


def test_a_new_release_renders_pages_anew(client, site_tree, settings):
    warm(client, URL)
    settings.RELEASE = "nästa-version"
    assert client.get(URL)["X-Page-Cache"] == "miss"


def test_the_release_is_a_digest_of_the_code_unless_set(tmp_path, monkeypatch):
    from config.release import release

    monkeypatch.delenv("RELEASE", raising=False)
    (tmp_path / "app").mkdir()
    template = tmp_path / "app" / "page.html"
    template.write_text("<p>Ett</p>")
    first = release(tmp_path)
    assert release(tmp_path) == first
    template.write_text("<p>Två</p>")
    assert release(tmp_path) != first
    monkeypatch.setenv("RELEASE", "v2026.12")
    assert release(tmp_path) == "v2026.12"


# Sharing with signed-in visitors is declared per page type.


def shared_page_types():
    from django.apps import apps

    from home.models import SitePage

    return sorted(
        model.__name__
        for model in apps.get_models()
        if issubclass(model, SitePage) and model.shared_with_signed_in
    )


SHARED_PAGE_TYPE_URLS = {
    "HomePage": "/",
    "ContentPage": "/om/",
    "NewsIndexPage": "/nyheter/",
    "NewsPage": None,  # the newest news post, found in the test
    "AgreementPage": "/overenskommelsen/",
    "PrinciplePage": URL,
    "StudyModuleIndexPage": "/studiematerial/",
    "StudyModulePage": "/studiematerial/overenskommelsen-i-var-kommun/",
    "KommunIndexPage": KOMMUN_URL,
    "CircleIndexPage": "/studiecirklar/",
}


def test_every_shared_page_type_is_compared_for_both_kinds_of_visitor():
    assert shared_page_types() == sorted(SHARED_PAGE_TYPE_URLS)


def test_sharing_is_off_unless_a_page_type_declares_it():
    from home.models import SitePage

    assert SitePage.shared_with_signed_in is False


@pytest.mark.parametrize("page_type", sorted(SHARED_PAGE_TYPE_URLS))
def test_a_shared_page_type_differs_for_a_signed_in_visitor_only_in_the_header(
    client, site_tree, circle_leader, page_type
):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string
    from django.test import Client

    url = SHARED_PAGE_TYPE_URLS[page_type] or NewsPage.objects.live().first().url
    anonymous = Client().get(url).content.decode()
    cache.bump_all()  # nothing cached: the signed-in visitor's page is rendered for them
    client.force_login(circle_leader)
    rendered = client.get(url)
    assert "X-Page-Cache" not in rendered
    header = render_to_string(cache.ACCOUNT_TEMPLATE, {"user": AnonymousUser()})
    signed_in = render_to_string(cache.ACCOUNT_TEMPLATE, {"user": circle_leader})
    assert rendered.content.decode() == anonymous.replace(header, signed_in)


def test_a_changed_site_refreshes_the_pages_of_that_site(client, site_tree):
    from wagtail.models import Site

    warm(client, URL, "/robots.txt")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Studieplattformen"
    site.save()
    assert states(client, URL, "/robots.txt") == {URL: "miss", "/robots.txt": "miss"}
