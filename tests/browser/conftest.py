"""Fixtures for the browser tests: one live server and one Chromium for all of them.

The browser tests see the site as a visitor does, so they run against the demo
content, which `demo_site` loads into the test database once, when the first browser
test starts: the other tests leave that database as the migrations made it (each rolls
back what it builds), and depend on nothing loaded here.

The browser tests do not run in transactions, and the database is not flushed after
them: that would mean restoring the reference data (15,000 postal codes) and the demo
content before each test, minutes on PostgreSQL. Instead the live server is started once for this
package, the way Django's LiveServerTestCase starts it, against the test database with
the demo content. Database access stays open for as long as the package runs, for the
server thread and for the tests.

So what a browser test saves is committed and stays. That is why the browser tests run
after every other test (tests/conftest.py puts them last), and why each test must
tolerate what the others left: unique usernames (`unique_name`), and no test may depend
on a record or register that another browser test changes.
"""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import caches
from django.db import connections
from django.test.testcases import LiveServerThread

import pytest
from playwright.sync_api import sync_playwright

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
HOST = "127.0.0.1"


@dataclass(frozen=True)
class LiveSite:
    url: str

    def __str__(self):
        return self.url


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
def live_site(allow_orm_in_event_loop, demo_site, django_db_blocker):
    """A live server on the test database with the demo content, for the whole package.

    As LiveServerTestCase does it: an in-memory SQLite database is shared with the
    server thread by handing it the test thread's connection; other databases are
    reached over a connection of the server's own, and see what the tests commit.
    """
    with django_db_blocker.unblock():
        connections_override = {
            connection.alias: connection
            for connection in connections.all()
            if connection.vendor == "sqlite" and connection.is_in_memory_db()
        }
        for connection in connections_override.values():
            connection.inc_thread_sharing()
        thread = LiveServerThread(
            HOST,
            StaticFilesHandler,
            connections_override=connections_override,
            port=0,
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        try:
            if thread.error:
                raise thread.error
            yield LiveSite(f"http://{HOST}:{thread.port}")
        finally:
            thread.terminate()
            for connection in connections_override.values():
                connection.dec_thread_sharing()
            # pytest-django drops a PostgreSQL test database afterwards, which it
            # cannot do while this thread holds a connection to it. (Closing an
            # in-memory SQLite connection does nothing: that would lose the database.)
            connections.close_all()


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


@pytest.fixture
def db(live_site):
    """Database access for a browser test: what it saves is committed and stays.

    This replaces pytest-django's `db` in this package, which would run each test in a
    transaction that the live server (on PostgreSQL) cannot see. The name matters:
    pytest-django creates the test database only for a run with tests that use `db`,
    `transactional_db` or `live_server`, and the browser tests must get one when they
    run alone. Access itself is open for the whole package (`live_site`).
    """


@pytest.fixture
def site(db, live_site):
    """The live server, with empty caches (the page cache, the chrome fragments)."""
    for alias in ("default", "pages"):
        caches[alias].clear()
    return live_site


@pytest.fixture
def context(browser, site):
    context = new_context(browser, site)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
