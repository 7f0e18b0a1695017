"""Fixtures for the browser tests: one Chromium for all of them, the demo content in each.

The live server makes each test transactional: pytest-django flushes the database after
it. Chromium and Playwright live as long as the browser tests (this package), no longer.
The test database already holds the demo content (tests/conftest.py loads it once,
and `load_demo_content` is run here if it did not), so each browser test only has to get
that content back. Django's serialized rollback does it by deserializing a copy of the
whole database, which takes seconds with the full demo content. On SQLite (the usual
test database) the database is instead copied once with SQLite's backup API and copied
back before each test, which takes milliseconds; Django's serialized copy is swapped for
an empty one meanwhile, so that it neither restores it twice nor re-runs post_migrate
when it flushes. On other databases Django's serialized rollback does the work.
"""

import sqlite3
from io import StringIO
from pathlib import Path

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

import pytest
from playwright.sync_api import sync_playwright

from home.models import HomePage

from .support import new_context

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="package")
def allow_orm_in_event_loop():
    """Let Django's ORM run while Playwright's event loop does, in these tests only.

    Playwright's sync API keeps an event loop in the test thread, and Django's ORM then
    raises SynchronousOnlyOperation in fixtures and tests. The variable must not outlive
    the browser tests: `check --deploy` refuses it (tests/test_settings.py).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def browser(allow_orm_in_event_loop):
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, which is missing. "
            "Install it with `make chromium` (apt-get install chromium).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def demo_database(allow_orm_in_event_loop, django_db_setup, django_db_blocker):
    """The demo content, and a way to put it back into the database before each test.

    Yields a function that restores the database, or None when Django's serialized
    rollback restores it instead.
    """
    with django_db_blocker.unblock():
        if not HomePage.objects.exists():
            call_command("load_demo_content", stdout=StringIO())
        original = getattr(connection, "_test_serialized_contents", None)
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            snapshot = sqlite3.connect(":memory:")
            connection.connection.backup(snapshot)
            connection._test_serialized_contents = "[]"
        else:
            snapshot = None
            connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )

    def restore():
        snapshot.backup(connection.connection)

    yield restore if snapshot else None

    with django_db_blocker.unblock():
        if snapshot:
            # Leave the database as the browser tests found it.
            restore()
            snapshot.close()
        if original is None:
            del connection._test_serialized_contents
        else:
            connection._test_serialized_contents = original


@pytest.fixture
def site(demo_database, django_db_serialized_rollback, live_server):
    """The live server, with the demo content in its database and empty caches."""
    if demo_database is not None:
        demo_database()
    caches["default"].clear()
    caches["pages"].clear()
    return live_server


@pytest.fixture
def context(browser, site):
    context = new_context(browser, site)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
