"""Two app servers, as two hosts run them: gunicorn processes on one PostgreSQL and one Redis.

Each server has its own directories (static files, media, the embedded caches it would
fall back to), so nothing reaches the other except through PostgreSQL and Redis. They
run production settings against the test database with the demo content
(`demo_site`), so what the tests save is committed and stays: like the browser tests, these run after every other test (tests/conftest.py)
and never flush the database.

They need PostgreSQL and Redis, which `make test-postgres` starts (scripts/with-postgres.sh,
scripts/with-redis.sh); on SQLite without Redis there is no shared state to test, and
the tests say so as they are skipped.
"""

import html.parser
import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
#: The name both servers answer to, as behind one load balancer.
HOSTNAME = "studieplattform.test"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict):
    user = urllib.parse.quote(settings_dict["USER"] or "")
    password = urllib.parse.quote(settings_dict["PASSWORD"] or "")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return (
        f"postgres://{credentials}{settings_dict['HOST']}{port}/{settings_dict['NAME']}"
    )


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    def request(self, method, path, *, headers=None, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()


@dataclass
class Visitor:
    """A browser's cookie jar and the requests it makes, to whichever server it is sent."""

    cookies: dict = field(default_factory=dict)

    def _headers(self, extra=None):
        headers = {
            "Host": HOSTNAME,
            # TLS ends at the load balancer, which says so (SECURE_PROXY_SSL_HEADER).
            "X-Forwarded-Proto": "https",
            "User-Agent": "two-servers-test",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.update(extra or {})
        return headers

    def _keep_cookies(self, response_headers_list):
        for name, value in response_headers_list:
            if name.lower() != "set-cookie":
                continue
            pair = value.split(";", 1)[0]
            key, _sep, cookie = pair.partition("=")
            if "expires=Thu, 01 Jan 1970" in value or "Max-Age=0" in value:
                self.cookies.pop(key.strip(), None)
            else:
                self.cookies[key.strip()] = cookie.strip()

    def _send(self, server, method, path, headers, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
            self._keep_cookies(response.getheaders())
            return Response(response.status, dict(response.getheaders()), content)
        finally:
            conn.close()

    def get(self, server, path):
        return self._send(server, "GET", path, self._headers())

    def post(self, server, path, data):
        body = urllib.parse.urlencode(data, doseq=True)
        headers = self._headers(
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOSTNAME}",
                "Referer": f"https://{HOSTNAME}{path}",
            }
        )
        return self._send(server, "POST", path, headers, body)

    def submit(self, server, path, form_marker, changes=None):
        """GET a page, fill its form (the first containing form_marker) and POST it."""
        page = self.get(server, path)
        assert page.status == 200, (path, page.status)
        data = form_data(page.text, form_marker)
        data.update(changes or {})
        return self.post(server, path, data)

    def sign_in(self, server, path, username, password):
        response = self.submit(
            server, path, "password", {"username": username, "password": password}
        )
        assert response.status == 302, (path, response.status, errors_in(response.text))
        return response


@dataclass
class Response:
    status: int
    headers: dict
    content: bytes

    @property
    def text(self):
        return self.content.decode()


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"fields": [], "names": []}
        elif self._form is None:
            return
        name = attrs.get("name")
        if name:
            self._form["names"].append(name)
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file", "image"):
                return
            self._form["fields"].append(
                (
                    name,
                    attrs.get("value", "on" if kind in ("checkbox", "radio") else ""),
                )
            )
        elif tag == "select" and name:
            self._select = [name, None, None]
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in attrs:
                self._select[1] = value
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "select" and self._select is not None:
            name, selected, first = self._select
            self._form["fields"].append(
                (name, selected if selected is not None else first or "")
            )
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form":
            self.forms.append(self._form)
            self._form = None


def form_data(page_html, marker):
    """The values a browser would send for the first form with a field named `marker`."""
    parser = _FormParser()
    parser.feed(page_html)
    for form in parser.forms:
        if marker in form["names"]:
            return dict(form["fields"])
    raise AssertionError(f"No form with a field {marker!r}")


def _wait_until_up(server):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} stopped:\n{server.log.read_text()}")
        try:
            server.request("GET", "/robots.txt", headers={"Host": HOSTNAME})
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not start:\n{server.log.read_text()}")


@pytest.fixture(scope="package")
def shared_services():
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip(
            "Två appservrar prövas mot PostgreSQL och Redis: kör `make test-postgres`."
        )


@pytest.fixture(scope="package")
def servers(shared_services, demo_site, django_db_blocker, tmp_path_factory):
    """Servers A and B, each a gunicorn process with directories of its own."""
    with django_db_blocker.unblock():
        root = tmp_path_factory.mktemp("servers")
        common = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "two-servers-test-not-secret",
            "ALLOWED_HOSTS": HOSTNAME,
            "CSRF_TRUSTED_ORIGINS": f"https://{HOSTNAME}",
            "DATABASE_URL": database_url(connection.settings_dict),
            "REDIS_URL": settings.REDIS_URL,
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
        common.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        started = []
        try:
            for name in ("A", "B"):
                home = root / name
                env = {
                    **common,
                    "STATIC_ROOT": str(home / "static"),
                    "MEDIA_ROOT": str(home / "media"),
                    "CACHE_DIR": str(home / "cache"),
                    "PAGE_CACHE_DIR": str(home / "page-cache"),
                }
                subprocess.run(
                    [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                    cwd=BASE_DIR,
                    env=env,
                    check=True,
                )
                port = free_port()
                log = home / "gunicorn.log"
                process = subprocess.Popen(  # noqa: S603
                    [
                        str(Path(sys.executable).parent / "gunicorn"),
                        "config.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--threads",
                        "2",
                    ],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )
                server = Server(name, port, process, log)
                started.append(server)
                _wait_until_up(server)
            yield tuple(started)
        finally:
            for server in started:
                server.process.terminate()
            for server in started:
                try:
                    server.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.process.kill()
            connections.close_all()


@pytest.fixture
def db(servers):
    """Database access that commits, for the server processes to see (as in tests/browser)."""


def errors_in(page_html):
    """The error messages of a page, for an assertion's explanation."""
    import re

    return re.findall(
        r'class="[^"]*(?:error|help-critical)[^"]*"[^>]*>(.*?)<', page_html
    )
