"""Fixtures shared by the whole suite.

The test database holds only what the migrations make (the roles, the 21 län, the 290
kommuner and their postal codes, Wagtail's root and welcome page). Every test builds
what else it needs with the factories in tests/<app>/factories.py, or takes the small
realistic site of `site_tree`. The demo content is loaded only where it is what is
tested (`demo_content`), and by the browser tests, which see the site as a visitor
does (tests/browser/conftest.py).
"""

import io
from pathlib import Path

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

import pytest

from home import roles
from tests.home.factories import UserFactory
from tests.site_tree import build_site_tree, make_home_page

#: Tests against live servers that commit what they save: run last, in this order.
COMMITTING_TESTS = [
    Path(__file__).parent / "servers",
    Path(__file__).parent / "browser",
]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the live-server tests after all others, each part in the order it had.

    The browser tests and the two-server tests commit what they save
    (tests/browser/conftest.py, tests/servers/conftest.py), so no other test may run
    after them. trylast: after pytest-django's own sorting.
    """

    def part(item):
        for position, directory in enumerate(COMMITTING_TESTS, start=1):
            if item.path.is_relative_to(directory):
                return position
        return 0

    items.sort(key=part)  # stable: each part keeps its order


@pytest.fixture(autouse=True)
def _clear_caches():
    # Each test starts with empty caches: the page cache and the chrome fragments.
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_content(db):
    """The demo content, as `make run` loads it (without the demo accounts).

    For the tests of the demo content itself: loading it takes seconds. Other tests
    build their data with factories, or use `site_tree`.
    """
    call_command("load_demo_content", stdout=io.StringIO())


# Users, one per role -------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return UserFactory(username="redaktor", role=roles.EDITOR)


@pytest.fixture
def kansli_user(db):
    return UserFactory(username="kansli", role=roles.KANSLI)


@pytest.fixture
def circle_leader(db):
    return UserFactory(username="cirkelledare", role=roles.CIRCLE_LEADER)


@pytest.fixture
def official_without_kommun(db):
    """A municipal official whom the kansli has not yet tied to any kommun."""
    return UserFactory(username="kommun", role=roles.MUNICIPAL_OFFICIAL)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


# The site --------------------------------------------------------------------------


@pytest.fixture
def home_page(db):
    """The home page as the site's root, with the contact settings: no more of the tree."""
    return make_home_page()


@pytest.fixture
def site_tree(db):
    """A small realistic site, with the demo content's URLs (tests/site_tree.py)."""
    return build_site_tree()


# The demo content, committed, for the live-server tests -------------------------------


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """Load the demo content into the test database, for the tests against live servers.

    Idempotent, and committed: the browser and two-server tests run last (see
    pytest_collection_modifyitems), after every test that rolls back to the database
    the migrations made.
    """
    if not _is_test_database(connection):
        # pytest-django creates the test database only for a run with tests that use
        # `db`, `transactional_db` or `live_server`; without one this would fill the
        # development database.
        pytest.fail(
            "Refusing to load the demo content into "
            f"{connection.settings_dict['NAME']!r}: it is not a test database.",
            pytrace=False,
        )
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())


def _is_test_database(connection):
    name = str(connection.settings_dict["NAME"])
    if name == connection.settings_dict["TEST"].get("NAME"):
        return True
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return name.startswith(TEST_DATABASE_PREFIX)
