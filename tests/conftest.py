"""Fixtures shared by the whole suite."""

import io
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

import pytest

from home import roles

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once, into the test database every test starts from.

    Tests with the `db` fixture roll back to it. The browser tests (tests/browser/) use
    it as it is and commit what they change, so they run last (see
    pytest_collection_modifyitems).
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


@pytest.fixture
def demo_content(db):
    """The demo content, as `make run` loads it (without the demo accounts)."""


@pytest.fixture
def make_user(db, django_user_model):
    def make(username, role=None, password="ett-bra-losenord-123", **fields):  # noqa: S107
        user = django_user_model.objects.create_user(
            username=username,
            email=fields.pop("email", f"{username}@example.se"),
            password=password,
            **fields,
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def editor(make_user):
    return make_user("redaktor", roles.EDITOR)


@pytest.fixture
def kansli_user(make_user):
    return make_user("kansli", roles.KANSLI)


@pytest.fixture
def circle_leader(make_user):
    return make_user("cirkelledare", roles.CIRCLE_LEADER)


@pytest.fixture
def municipal_official(make_user):
    return make_user("kommun", roles.MUNICIPAL_OFFICIAL)


@pytest.fixture
def superuser(make_user):
    return make_user("admin", is_superuser=True, is_staff=True)
