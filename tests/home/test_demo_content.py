"""The demo loader builds a complete site and is idempotent."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Revision, Site

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
