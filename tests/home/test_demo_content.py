"""The demo loader builds a complete site and is idempotent."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page, Revision, Site

import pytest

from home import demo
from home.models import HomePage, KansliContactSettings, NewsPage
from studiematerial.models import PrinciplePage, StudyModulePage, StudySession


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sessions": StudySession.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_builds_the_site(demo_content):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert PrinciplePage.objects.live().count() == 6
    modules = StudyModulePage.objects.live()
    assert modules.count() >= 2
    for module in modules:
        assert module.sessions.count() >= 4
        assert module.documents.count() >= 1
    assert NewsPage.objects.live().count() >= 5
    contact = KansliContactSettings.for_site(site)
    assert contact.email
    assert contact.accessibility_page.slug == "tillganglighet"
    assert contact.contact_page.slug == "kontakt"  # linked from the footer
    # Where `make run` serves it, rather than Wagtail's localhost:80.
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)


def test_demo_content_replaces_wagtails_welcome_page(demo_content):
    assert (
        not Page.objects.filter(depth=2)
        .exclude(content_type__model="homepage")
        .exists()
    )


def test_second_run_changes_and_duplicates_nothing(demo_content, settings):
    settings.DEBUG = True
    call_command("load_demo_content", "--accounts", stdout=io.StringIO())
    before = counts()
    call_command("load_demo_content", "--accounts", stdout=io.StringIO())
    assert counts() == before


def test_demo_accounts_only_with_debug(db, settings):
    settings.DEBUG = False
    call_command(
        "load_demo_content", "--accounts", stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert not get_user_model().objects.exists()


def test_demo_accounts_cover_every_role(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo_content", "--accounts", stdout=out)
    users = get_user_model().objects.prefetch_related("groups")
    roles = {group.name for user in users for group in user.groups.all()}
    assert roles == {"Redaktör", "Kansli", "Cirkelledare", "Kommunhandläggare"}
    assert "demo-2026-losen" in out.getvalue()


def test_the_demo_site_gets_the_development_servers_address(home_page):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == demo.PLACEHOLDER_ADDRESS
    assert demo.set_site_address("localhost:8001")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("localhost", 8001)


def test_an_address_chosen_in_the_admin_is_kept(home_page):
    Site.objects.update(hostname="studieplattform.example.se", port=443)
    assert not demo.set_site_address("127.0.0.1:8000")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("studieplattform.example.se", 443)


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.1:http", ":8000", "x:0"])
def test_the_demo_loader_refuses_an_address_without_a_port(db, address):
    with pytest.raises(CommandError, match="VÄRD:PORT"):
        call_command("load_demo_content", "--address", address)
