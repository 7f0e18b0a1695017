"""Fixtures shared by the whole suite."""

import io

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command

import pytest

from home import roles


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

    Tests with the `db` fixture roll back to it. Transactional tests (the browser tests)
    flush the database afterwards; with `serialized_rollback=True` they get it back,
    because the serialized copy Django restores from is taken here, after loading.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        for connection in connections.all(initialized_only=True):
            connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )


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
