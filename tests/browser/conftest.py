"""Fixtures for the browser tests: one Chromium per session, demo content per test.

The live server makes every test transactional: pytest-django flushes the database
after each one. Loading the demo content takes seconds, so it is loaded once per run
of this package and kept as a serialized snapshot; each test then starts from that
snapshot through Django's own serialized rollback, which restores a flushed database
from `connection._test_serialized_contents`. The original contents (the state after
the migrations) are put back when the last browser test is done, so transactional
tests elsewhere see the database as they would without this package.
"""

import os
from io import StringIO
from pathlib import Path

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop in the test thread; without this Django's
# ORM refuses to run in fixtures and tests ("SynchronousOnlyOperation").
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


@pytest.fixture(scope="session")
def browser():
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
def demo_snapshot(django_db_setup, django_db_blocker):
    """Load the demo content once and make it what each transactional test starts from."""
    with django_db_blocker.unblock():
        original = getattr(connection, "_test_serialized_contents", None)
        # Start from the migrated state whatever an earlier transactional test left.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        if original is not None:
            connection.creation.deserialize_db_from_string(original)
        call_command("load_demo_content", stdout=StringIO())
        connection._test_serialized_contents = (
            connection.creation.serialize_db_to_string()
        )
    yield
    if original is None:
        del connection._test_serialized_contents
    else:
        connection._test_serialized_contents = original


@pytest.fixture
def site(demo_snapshot, django_db_serialized_rollback, live_server):
    """The live server, with the demo content in its database and empty caches."""
    caches["default"].clear()
    caches["pages"].clear()
    return live_server


@pytest.fixture
def context(browser, site):
    context = browser.new_context(base_url=site.url)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
