"""`make bench`: seed a large data set, serve it with gunicorn and measure every page type.

What one run does, all of it on 127.0.0.1 and under .bench/:

1. A fresh database: migrate, the demo content plus the bench set at scale 1
   (`manage.py seed_bench_data`: 100 modules x 8 sessions, 1,000 news), a search
   index of all of it, collectstatic with whitenoise's compressed manifest storage.
2. In-process, with Django's test client: the SQL queries of each page type and the
   median time to render it (the page cache entry deleted, everything else warm).
3. gunicorn on a free port; `wrk` gives requests per second for each page type beside a
   static file and a minimal "floor" view through the same middleware stack. Beside
   the cached pages: pages that cannot be cached (the login form; a signed-in visitor,
   served the shared copy with their own header) and cache misses (a search nobody has
   made before; a signed-in visitor on a page with no shared copy yet).
4. Page weight of the home page, text pages and a module page: the bytes a browser
   transfers for the HTML and everything it links to (gzip accepted).
5. Lighthouse (mobile preset) on the home page and a module page, run with Debian's
   Chromium, five times each, the median run reported; the npm package goes into
   .bench/node_modules.
6. The bench set topped up to scale 10, and the query counts measured again.

Prints a table and writes .bench/results.json and .bench/results.md. Exits non-zero
only when the bench itself breaks; a missed target is marked in the table.
"""

import contextlib
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import bench_cache  # noqa: E402 - beside this script

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
BIN = Path(sys.executable).parent
SETTINGS = "config.settings.bench"
HOST = "127.0.0.1"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# The targets.
MAX_QUERIES = 8
CACHED_MIN_RATIO = 1 / 3  # of the static file's requests per second
UNCACHED_MAX_FACTOR = 15  # times slower than the static file, at most
MAX_PAGE_WEIGHT = 50_000  # bytes transferred at load
LIGHTHOUSE_TARGET = 100

# gunicorn: one process per core, because rendering is CPU-bound Python and a third
# process would only take turns on the same two cores with wrk; gthread rather than
# sync so that connections are kept alive, as a browser or a proxy keeps them, and a
# worker is not held up by a slow client or a read from the file cache.
GUNICORN_WORKERS = 2
GUNICORN_THREADS = 4

# Load: short, bounded runs. Each URL is measured in several rounds, interleaved with
# the others, and the best round counts: other work on the machine can only lower a
# round's figure, never raise it.
WRK_THREADS = 2
WRK_CONNECTIONS = 8
WRK_SECONDS = 3
WRK_ROUNDS = 3
TIMED_RUNS = 7

# Lighthouse 12 is the newest that runs on Debian's Node 20 (13 needs Node 22).
LIGHTHOUSE_VERSION = "12.8.2"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--no-first-run"
)
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The performance score varies from run to run with the machine's load, so each page
# is audited several times and the median run is reported, as Lighthouse advises.
LIGHTHOUSE_RUNS = 5
NO_BROWSER_DOWNLOADS = {
    "PUPPETEER_SKIP_DOWNLOAD": "1",
    "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1",
    "PUPPETEER_SKIP_CHROME_DOWNLOAD": "1",
    "PUPPETEER_SKIP_CHROME_HEADLESS_SHELL_DOWNLOAD": "1",
    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
    "CHROMEDRIVER_SKIP_DOWNLOAD": "true",
}

SEARCH_WORDS = ["dialog", "kvalitet", "kommun", "principer", "samverkan", "insyn"]
SEARCH_MISS_LUA = (
    "-- Every request is a search no one has made before: none comes from the page cache.\n"
    "local words = {" + ", ".join(f'"{word}"' for word in SEARCH_WORDS) + "}\n"
    """\
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function(args)
  run = args[1] or "0"
  counter = 0
end
request = function()
  counter = counter + 1
  local word = words[counter % #words + 1]
  return wrk.format("GET", "/sok/?q=" .. word .. "&bench=" .. run .. "-" .. id .. "-" .. counter)
end
"""
)


class BenchError(Exception):
    """The bench itself broke: a step failed, a page did not answer, a tool is missing."""


@dataclass
class Target:
    key: str
    label: str
    kind: str  # "cached", "uncached", "miss" or "reference"
    url: str
    logged_in: bool = False
    search_miss: bool = False
    # A signed-in visitor's page served from the anonymous visitors' shared copy.
    shared: bool = False
    figures: dict = field(default_factory=dict)

    def url_for_run(self, number, prefix="inprocess"):
        """The URL to request; for new searches, one that has not been asked for before."""
        if self.search_miss:
            word = SEARCH_WORDS[number % len(SEARCH_WORDS)]
            return f"/sok/?q={word}&bench={prefix}-{number}"
        return self.url


def log(message):
    sys.stdout.write(f"{message}\n")
    sys.stdout.flush()


def phase(results, title):
    """Announce a step, and note the machine's load: other work skews the figures."""
    load = os.getloadavg()[0]
    results["load_average"].append({"step": title, "load_1min": round(load, 2)})
    log(f"{title}  (belastning {load:.1f})")


def env():
    return {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONUNBUFFERED": "1"}


def run(command, *, timeout, what, capture=False, cwd=ROOT, environ=None):
    """Run one of the bench's own fixed commands, bounded in time; a failure breaks the bench.

    The command gets its own process group, so that on a timeout or an interrupt what it
    started is stopped with it. It is sent SIGINT first: Lighthouse then closes the
    Chromium it started, which runs in a process group of its own.
    """
    pipe = subprocess.PIPE if capture else None
    process = subprocess.Popen(  # noqa: S603 - the bench's own fixed commands
        command,
        cwd=cwd,
        env=environ or env(),
        stdout=pipe,
        stderr=pipe,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        stop(process, signal.SIGINT, grace=10)
        raise BenchError(f"{what}: avbröts efter {timeout} s") from exc
    except BaseException:
        stop(process, signal.SIGINT, grace=10)
        raise
    if process.returncode:
        output = (stderr or stdout or "")[-2000:]
        raise BenchError(f"{what}: avslutades med kod {process.returncode}\n{output}")
    return stdout


def manage(*args, timeout):
    started = time.monotonic()
    run(
        [sys.executable, "manage.py", *args],
        timeout=timeout,
        what=f"manage.py {args[0]}",
    )
    return time.monotonic() - started


# --- 1. A fresh database -------------------------------------------------------------


def fresh_bench_dir():
    """Empty .bench/ except node_modules, so Lighthouse is not downloaded again."""
    BENCH_DIR.mkdir(exist_ok=True)
    for path in BENCH_DIR.iterdir():
        if path.name in {"node_modules", "package.json", "package-lock.json"}:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def prepare_database(timings):
    timings["migrate_s"] = manage("migrate", "--noinput", "-v", "0", timeout=600)
    timings["seed_scale_1_s"] = manage("seed_bench_data", "--scale", "1", timeout=600)
    # Searching a realistic index: the seeding skips the search index for speed.
    timings["update_index_s"] = manage("update_index", "-v", "0", timeout=600)
    timings["collectstatic_s"] = manage(
        "collectstatic", "--noinput", "-v", "0", timeout=300
    )


def setup_django():
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def bench_user_session():
    """A logged-in visitor's session cookie, for the pages the cache cannot serve."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _created = get_user_model().objects.get_or_create(
        username="bench-besokare", defaults={"email": "bench-besokare@example.se"}
    )
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return settings.SESSION_COOKIE_NAME, client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value


def resolve_targets():
    from django.urls import reverse

    from home.bench import BENCH_SLUG_PREFIX
    from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage
    from studiematerial.models import (
        AgreementPage,
        PrinciplePage,
        StudyModuleIndexPage,
        StudyModulePage,
    )

    def demo_page(model):
        page = (
            model.objects.live()
            .exclude(slug__startswith=BENCH_SLUG_PREFIX)
            .order_by("path")
            .first()
        )
        if page is None:
            raise BenchError(f"Ingen sida av typen {model.__name__} i demoinnehållet.")
        return page

    module = demo_page(StudyModulePage)
    module_url = module.get_url()
    # A module no anonymous visitor is sent to, so signed-in visitors never find a
    # shared copy of it: every request is rendered for them.
    other_module = (
        StudyModulePage.objects.live()
        .exclude(slug__startswith=BENCH_SLUG_PREFIX)
        .exclude(pk=module.pk)
        .order_by("path")
        .first()
    )
    if other_module is None:
        raise BenchError("Demoinnehållet behöver två studiematerial.")
    return [
        Target("home", "Startsida", "cached", demo_page(HomePage).get_url()),
        Target(
            "agreement",
            "Överenskommelsen",
            "cached",
            demo_page(AgreementPage).get_url(),
        ),
        Target("principle", "Princip", "cached", demo_page(PrinciplePage).get_url()),
        Target(
            "module_index",
            "Studiematerial, översikt",
            "cached",
            demo_page(StudyModuleIndexPage).get_url(),
        ),
        Target("module", "Studiematerial", "cached", module_url),
        Target(
            "module_print",
            "Studiematerial, utskrift",
            "cached",
            module_url + module.reverse_subpage("print_leader"),
        ),
        Target(
            "news_index", "Nyhetsarkiv", "cached", demo_page(NewsIndexPage).get_url()
        ),
        Target("news", "Nyhet", "cached", demo_page(NewsPage).get_url()),
        Target("content", "Innehållssida", "cached", demo_page(ContentPage).get_url()),
        Target("kommuner", "Kommunöversikt (290 kommuner)", "cached", "/kommuner/"),
        Target(
            "kommun",
            "Kommunsida (Kiruna, 500 × skala organisationer)",
            "cached",
            "/kommuner/kiruna/",
        ),
        Target("search", "Sökresultat", "cached", reverse("search") + "?q=dialog"),
        Target(
            "search_miss",
            "Sökresultat, en sökning ingen gjort förut",
            "miss",
            reverse("search") + "?q=dialog",
            search_miss=True,
        ),
        Target("login", "Inloggning", "uncached", reverse("login")),
        Target(
            "module_logged_in",
            "Studiematerial, inloggad",
            "uncached",
            module_url,
            logged_in=True,
            shared=True,
        ),
        Target(
            "module_logged_in_miss",
            "Studiematerial, inloggad, ingen delad kopia ännu",
            "miss",
            other_module.get_url(),
            logged_in=True,
        ),
        Target(
            "floor",
            "Golv: minimal vy, hela mellanvarustacken",
            "reference",
            "/bench/floor/",
        ),
        Target(
            "static", "Statisk fil (css/site.css)", "reference", "/static/css/site.css"
        ),
    ]


def check_bench_pages_route():
    """The bulk-created pages must route and render like any other page."""
    from django.test import Client

    from home.bench import BENCH_SLUG_PREFIX
    from home.models import NewsPage
    from studiematerial.models import StudyModulePage

    client = Client(HTTP_HOST=HOST)
    checked = 0
    for model in (NewsPage, StudyModulePage):
        pages = model.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).order_by(
            "path"
        )
        count = pages.count()
        if not count:
            raise BenchError(f"Inga testsidor av typen {model.__name__}.")
        for index in sorted({0, count // 2, count - 1}):
            page = pages[index]
            urls = [page.get_url()]
            if model is StudyModulePage:
                urls.append(urls[0] + page.reverse_subpage("print_participant"))
            for url in urls:
                response = client.get(url)
                if (
                    response.status_code != 200
                    or page.title.encode() not in response.content
                ):
                    raise BenchError(f"Testsidan {url} svarar {response.status_code}.")
                checked += 1
    return checked


# --- 2. Queries and render time, in-process -------------------------------------------


def measure_in_process(targets, session, scale):
    """Query counts and median render times with Django's test client.

    Cold: the whole page cache cleared, as after any publish, so the shared chrome
    (navigation, breadcrumbs, footer) is built too. Warm, the figure the target is
    about: the page's own cache entry deleted and the chrome fragments still cached,
    which is what a visitor meets when a page is first asked for.
    """
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from home import cache as page_cache

    pages_cache = caches[page_cache.CACHE_ALIAS]
    factory = RequestFactory(HTTP_HOST=HOST)
    anonymous = Client(HTTP_HOST=HOST)
    logged_in = Client(HTTP_HOST=HOST)
    logged_in.cookies[session[0]] = session[1]

    def drop_entry(url):
        pages_cache.delete(page_cache.cache_key(factory.get(url)))

    def share(target):
        # The anonymous visitors' copy that a signed-in visitor is served.
        if target.shared and anonymous.get(target.url).get(page_cache.HEADER) not in (
            "hit",
            "miss",
        ):
            raise BenchError(f"{target.url} sparades inte i sidcachen.")

    def get(target, number=0):
        client = logged_in if target.logged_in else anonymous
        url = target.url_for_run(number)
        if target.kind == "cached":
            drop_entry(url)
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise BenchError(f"{url} svarar {response.status_code} (skala {scale}).")
        state = response.get(page_cache.HEADER)
        if target.kind == "cached" and state != "miss":
            raise BenchError(f"{url} sparades inte i sidcachen.")
        if target.shared and state != "shared":
            raise BenchError(f"{url} kom inte från den delade kopian.")
        if target.logged_in and not target.shared and state is not None:
            raise BenchError(f"{url} kom från sidcachen men borde inte.")
        return response, elapsed

    # Warm the process (templates, content types, site root paths) as a running
    # worker is, before anything is counted.
    for target in targets:
        get(target)

    results = {}
    for number, target in enumerate(targets, start=1):
        pages_cache.clear()
        share(target)
        # The captured queries are read from the connection's log, which the next
        # request empties: copy them out at once.
        with CaptureQueriesContext(connection) as cold:
            get(target, number * 1000)
        cold_count = len(cold)
        with CaptureQueriesContext(connection) as warm:
            response, _elapsed = get(target, number * 1000 + 1)
        warm_sql = [query["sql"] for query in warm.captured_queries]
        warm_sql_ms = (
            sum(float(query["time"]) for query in warm.captured_queries) * 1000
        )
        times = [get(target, number * 1000 + 2 + run)[1] for run in range(TIMED_RUNS)]
        hits = []
        if target.kind == "cached":
            for _run in range(TIMED_RUNS):
                started = time.perf_counter()
                response = anonymous.get(target.url)
                hits.append((time.perf_counter() - started) * 1000)
                if response.get(page_cache.HEADER) != "hit":
                    raise BenchError(f"{target.url} kom inte från sidcachen.")
        content = b"".join(response) if response.streaming else response.content
        results[target.key] = {
            "queries": len(warm_sql),
            "queries_cold_cache": cold_count,
            "sql": warm_sql,
            "sql_ms": round(warm_sql_ms, 2),
            "median_ms": round(statistics.median(times), 2),
            "median_cache_hit_ms": round(statistics.median(hits), 2) if hits else None,
            "html_bytes": len(content),
        }
    return results


def record_in_process(targets, session, scale, with_sql=False):
    """Measure in-process at a scale; keep each figure on its target, named by scale."""
    fields = [
        "queries",
        "queries_cold_cache",
        "median_ms",
        "median_cache_hit_ms",
        "sql_ms",
        "html_bytes",
    ]
    if with_sql:
        fields.append("sql")
    by_key = {target.key: target for target in targets}
    for key, figures in measure_in_process(targets, session, scale).items():
        by_key[key].figures.update(
            {f"{field}_scale_{scale}": figures[field] for field in fields}
        )


# --- 3. Load with gunicorn and wrk ----------------------------------------------------


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn_server():
    port = free_port()
    log_file = open(BENCH_DIR / "gunicorn.log", "w")  # noqa: SIM115 - closed below
    command = [
        str(BIN / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(GUNICORN_WORKERS),
        "--worker-class",
        "gthread",
        "--threads",
        str(GUNICORN_THREADS),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(  # noqa: S603 - the bench's own fixed command
        command,
        cwd=ROOT,
        env=env(),
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise BenchError("gunicorn startade inte; se .bench/gunicorn.log.")
            try:
                status, _headers, _body, _header_bytes = fetch(port, "/bench/floor/")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise BenchError("gunicorn svarade inte inom 60 s.")
            time.sleep(0.2)
        yield port
    finally:
        stop(process)
        log_file.close()


def stop(process, first_signal=signal.SIGTERM, grace=20):
    """Stop a process the bench started: politely first, then its whole process group.

    The group is only signalled while its leader has not been reaped, so that its id
    cannot belong to anyone else's process by then.
    """
    if process.poll() is None:
        process.send_signal(first_signal)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)


def fetch(port, path, headers=None):
    """GET a path; return status, headers, the body as sent and the header size."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        header_bytes = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
            len(f"{name}: {value}\r\n") for name, value in response.getheaders()
        )
        return response.status, dict(response.getheaders()), body, header_bytes + 2
    finally:
        connection.close()


def check_over_http(port, targets, session):
    """Every URL answers 200 through gunicorn, and the cacheable ones from the cache."""
    for target in targets:
        headers = {"Cookie": f"{session[0]}={session[1]}"} if target.logged_in else {}
        for attempt in range(2):
            # Twice the same URL, except for new searches, which must stay new.
            url = target.url_for_run(attempt, prefix="http")
            status, response_headers, _body, _size = fetch(port, url, headers)
            if status != 200:
                raise BenchError(f"{url} svarar {status} genom gunicorn.")
        cache_state = response_headers.get("X-Page-Cache")
        if target.kind == "cached" and cache_state != "hit":
            raise BenchError(f"{url} kom inte från sidcachen genom gunicorn.")
        if target.shared and cache_state != "shared":
            raise BenchError(f"{url} kom inte från den delade kopian genom gunicorn.")
        if not target.shared and target.kind != "cached" and cache_state == "hit":
            raise BenchError(f"{url} kom från sidcachen men borde inte.")


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    def number(pattern, default=None):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    rps = number(r"Requests/sec:\s+([\d.]+)")
    if rps is None:
        raise BenchError(f"wrk gav inget resultat:\n{output}")
    latency = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests_per_s": rps,
        "requests": int(number(r"(\d+) requests in", 0)),
        "latency_p50_ms": round(
            float(latency.group(1)) * LATENCY_UNITS[latency.group(2)], 2
        )
        if latency
        else None,
        "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)", 0)),
        "socket_errors": sum(int(value) for value in errors.groups()) if errors else 0,
    }


def wrk(port, target, session, round_number):
    command = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{WRK_SECONDS}s",
        "--timeout",
        "5s",
        "--latency",
    ]
    if target.logged_in:
        command += ["-H", f"Cookie: {session[0]}={session[1]}"]
    if target.search_miss:
        command += ["-s", str(BENCH_DIR / "search-miss.lua")]
    command.append(f"http://{HOST}:{port}{target.url}")
    if target.search_miss:
        command += ["--", str(round_number)]
    output = run(
        command, timeout=WRK_SECONDS + 30, what=f"wrk mot {target.url}", capture=True
    )
    return parse_wrk(output)


def measure_load(port, targets, session):
    (BENCH_DIR / "search-miss.lua").write_text(SEARCH_MISS_LUA)
    rounds = {target.key: [] for target in targets}
    for round_number in range(1, WRK_ROUNDS + 1):
        log(f"  wrk, omgång {round_number} av {WRK_ROUNDS}")
        for target in targets:
            rounds[target.key].append(wrk(port, target, session, round_number))
    results = {}
    for target in targets:
        best = max(rounds[target.key], key=lambda result: result["requests_per_s"])
        results[target.key] = {
            **best,
            "rounds_requests_per_s": [r["requests_per_s"] for r in rounds[target.key]],
            "non_2xx": sum(r["non_2xx"] for r in rounds[target.key]),
            "socket_errors": sum(r["socket_errors"] for r in rounds[target.key]),
        }
    return results


# --- 4. Page weight -------------------------------------------------------------------


class ResourceFinder(HTMLParser):
    """What a browser fetches while loading an HTML page (no JavaScript runs here)."""

    LINK_RELS = {
        "stylesheet",
        "icon",
        "preload",
        "modulepreload",
        "manifest",
        "apple-touch-icon",
    }

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and self.LINK_RELS & set(
            (attrs.get("rel") or "").lower().split()
        ):
            self.urls.append(attrs.get("href"))
        elif tag in {"script", "img", "iframe", "embed", "audio", "video"}:
            self.urls.append(attrs.get("src"))
        elif tag == "source":
            self.urls.append(
                attrs.get("src") or (attrs.get("srcset") or "").split(" ")[0]
            )
        elif tag == "object":
            self.urls.append(attrs.get("data"))


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def page_weight(port, path):
    accept = {"Accept-Encoding": "gzip, deflate, br", "Accept": "*/*"}
    requests, third_party, seen = [], set(), set()

    def load(url, kind):
        parts = urlsplit(urljoin(f"http://{HOST}:{port}{path}", url))
        if parts.scheme in {"data", "blob"}:
            return None
        if parts.hostname not in LOCAL_HOSTS:
            third_party.add(parts.hostname)
            return None
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if local in seen:
            return None
        seen.add(local)
        status, headers, body, header_bytes = fetch(port, local, accept)
        requests.append(
            {
                "url": local,
                "kind": kind,
                "status": status,
                "encoding": headers.get("Content-Encoding", ""),
                "bytes": header_bytes + len(body),
                "header_bytes": header_bytes,
            }
        )
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return local, headers, body

    _local, _headers, html = load(path, "html")
    finder = ResourceFinder()
    finder.feed(html.decode("utf-8", "replace"))
    for url in filter(None, finder.urls):
        loaded = load(url, "resource")
        if loaded and "css" in loaded[1].get("Content-Type", ""):
            base = loaded[0]
            for match in CSS_URL.finditer(loaded[2].decode("utf-8", "replace")):
                css_url = match.group(1) or match.group(2)
                load(urljoin(f"http://{HOST}:{port}{base}", css_url), "css")
    total = sum(request["bytes"] for request in requests)
    return {
        "url": path,
        "bytes": total,
        "requests": requests,
        "third_party_hosts": sorted(third_party),
        "ok": total <= MAX_PAGE_WEIGHT and not third_party,
    }


# --- 5. Lighthouse --------------------------------------------------------------------


def lighthouse_cli():
    if not Path(CHROME_PATH).exists():
        raise BenchError(f"Chromium saknas: {CHROME_PATH} (make chromium).")
    package = BENCH_DIR / "node_modules" / "lighthouse" / "package.json"
    installed = json.loads(package.read_text())["version"] if package.exists() else None
    if installed != LIGHTHOUSE_VERSION:
        npm = shutil.which("npm")
        if npm is None:
            raise BenchError("npm saknas (Debian: apt-get install nodejs npm).")
        log(f"  installerar lighthouse@{LIGHTHOUSE_VERSION} i .bench/node_modules")
        # --ignore-scripts: no install script may fetch a browser; Debian's is used.
        command = [
            npm,
            "install",
            "--prefix",
            str(BENCH_DIR),
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ]
        run(
            command,
            timeout=600,
            what="npm install lighthouse",
            cwd=BENCH_DIR,
            environ={**os.environ, **NO_BROWSER_DOWNLOADS},
        )
    return BENCH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse(cli, port, name, path):
    """Audit a page LIGHTHOUSE_RUNS times; the run with the median performance score counts."""
    runs = [
        lighthouse_run(cli, port, path, BENCH_DIR / f"lighthouse-{name}-{number}.json")
        for number in range(1, LIGHTHOUSE_RUNS + 1)
    ]
    retries = sum(summary.pop("retries") for summary in runs)
    ranked = sorted(runs, key=lambda summary: summary["scores"]["performance"] or 0)
    median = ranked[len(ranked) // 2]
    return {
        **median,
        "runs_scores": [summary["scores"] for summary in runs],
        "retries": retries,
        "report_file": median["report_file"],
    }


def lighthouse_run(cli, port, path, output, attempts=3):
    """One Lighthouse audit. Headless Chromium now and then loses the trace of a load
    (NO_NAVSTART, NO_FCP); Lighthouse's advice is to run it again, so it is, twice at most.
    """
    for attempt in range(1, attempts):
        try:
            return {**lighthouse_once(cli, port, path, output), "retries": attempt - 1}
        except BenchError as exc:
            log(
                f"  lighthouse {path}, nytt försök: {' '.join(str(exc).split())[-200:]}"
            )
    return {**lighthouse_once(cli, port, path, output), "retries": attempts - 1}


def lighthouse_once(cli, port, path, output):
    command = [
        shutil.which("node") or "node",
        str(cli),
        f"http://{HOST}:{port}{path}",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--disable-full-page-screenshot",
        "--quiet",
    ]
    run(
        command,
        timeout=300,
        what=f"lighthouse {path}",
        cwd=BENCH_DIR,
        environ={**os.environ, **NO_BROWSER_DOWNLOADS, "CHROME_PATH": CHROME_PATH},
        capture=True,
    )
    report = json.loads(output.read_text())
    if report.get("runtimeError"):
        raise BenchError(f"lighthouse {path}: {report['runtimeError']}")
    return {**summarise_lighthouse(report, path), "report_file": output.name}


def summarise_lighthouse(report, path):
    audits = report["audits"]
    scores, failing = {}, {}
    for key in LIGHTHOUSE_CATEGORIES:
        category = report["categories"][key]
        scores[key] = (
            round(category["score"] * 100) if category["score"] is not None else None
        )
        failing[key] = []
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            if audit.get("scoreDisplayMode") not in {
                "binary",
                "numeric",
                "metricSavings",
            }:
                continue
            items = (audit.get("details") or {}).get("items") or []
            if not isinstance(items, list):
                items = []
            failing[key].append(
                {
                    "id": ref["id"],
                    "title": audit["title"],
                    "score": audit["score"],
                    "weight": ref.get("weight", 0),
                    "display_value": audit.get("displayValue", ""),
                    "items": list(filter(None, map(describe_item, items)))[:5],
                }
            )
    network = (audits.get("network-requests", {}).get("details") or {}).get(
        "items"
    ) or []
    hosts = sorted(
        {urlsplit(item["url"]).hostname or "" for item in network} - LOCAL_HOSTS
    )
    return {
        "url": path,
        "scores": scores,
        "failing_audits": failing,
        "metrics": {
            key: audits[key].get("displayValue")
            for key in (
                "first-contentful-paint",
                "largest-contentful-paint",
                "total-blocking-time",
                "cumulative-layout-shift",
                "speed-index",
            )
            if key in audits
        },
        "total_byte_weight": audits.get("total-byte-weight", {}).get("numericValue"),
        "network_requests": [
            {
                "url": urlsplit(item["url"]).path,
                "type": item.get("resourceType"),
                "transfer_bytes": item.get("transferSize"),
            }
            for item in network
        ],
        "third_party_hosts": [host for host in hosts if host],
    }


def describe_item(item):
    """The element or URL an audit found fault with, or None if the item names neither."""
    if not isinstance(item, dict):
        return None
    node = item.get("node") or {}
    if node:
        return {
            "selector": node.get("selector"),
            "snippet": node.get("snippet"),
            "explanation": (node.get("explanation") or "")[:300],
        }
    if not item.get("url"):
        return None
    return {
        key: item[key]
        for key in ("url", "wastedBytes", "wastedMs", "totalBytes")
        if key in item
    }


# --- 6. Report ------------------------------------------------------------------------


def evaluate(targets, static_rps):
    """Fill in each target's ratio to the static file and whether it met the targets."""
    for target in targets:
        figures = target.figures
        misses = []
        q1, q10 = figures.get("queries_scale_1"), figures.get("queries_scale_10")
        if target.kind != "reference":
            if q1 is not None and q1 > MAX_QUERIES:
                misses.append(f"{q1} frågor > {MAX_QUERIES}")
            if q10 is not None and q1 is not None and q10 > q1:
                misses.append(f"frågorna växer {q1} → {q10}")
        rps = figures.get("requests_per_s")
        if rps and static_rps:
            figures["ratio_to_static"] = round(rps / static_rps, 3)
            if target.kind == "cached" and rps < static_rps * CACHED_MIN_RATIO:
                misses.append(f"{rps:.0f} req/s < 1/3 av statisk fil")
            if target.kind == "uncached" and rps * UNCACHED_MAX_FACTOR < static_rps:
                misses.append(f"{static_rps / rps:.0f}× långsammare än statisk fil")
        ms_1, ms_10 = (
            figures.get("median_ms_scale_1"),
            figures.get("median_ms_scale_10"),
        )
        if ms_1 and ms_10 and ms_10 > 3 * ms_1 and ms_10 > 50:
            # Not one of the targets, but what a visitor meets on a cache miss.
            figures["notes"] = [
                f"obs: renderingen växer med datan ({ms_1:.0f} → {ms_10:.0f} ms)"
            ]
        if figures.get("non_2xx") or figures.get("socket_errors"):
            misses.append(
                f"{figures.get('non_2xx', 0)} fel-svar, {figures.get('socket_errors', 0)} socketfel"
            )
        figures["missed"] = misses


KIND_LABELS = {
    "cached": "cachad",
    "uncached": "ej cachad",
    "miss": "cachemiss",
    "reference": "referens",
}


def table_rows(targets):
    header = [
        "Sidtyp",
        "typ",
        "SQL skala 1",
        "SQL skala 10",
        "median ms",
        "ms skala 10",
        "req/s",
        "mot statisk",
        "mål",
    ]
    rows = []
    for target in targets:
        f = target.figures
        ratio = f.get("ratio_to_static")
        if ratio is None:
            ratio_text = "–"
        elif target.kind in ("uncached", "miss"):
            ratio_text = f"{ratio:.2f} (1/{1 / ratio:.0f})"
        else:
            ratio_text = f"{ratio:.2f}"
        verdict = "MISSAT: " + "; ".join(f["missed"]) if f.get("missed") else "ok"
        if f.get("notes"):
            verdict += "; " + "; ".join(f["notes"])
        rows.append(
            [
                target.label,
                KIND_LABELS[target.kind],
                str(f.get("queries_scale_1", "–")),
                str(f.get("queries_scale_10", "–")),
                fmt(f.get("median_ms_scale_1")),
                fmt(f.get("median_ms_scale_10")),
                fmt(f.get("requests_per_s"), 0),
                ratio_text,
                verdict,
            ]
        )
    return header, rows


def fmt(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def plain_table(header, rows):
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True))
    ]
    lines.append("  ".join("-" * width for width in widths))
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(lines)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += [
        "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
        for row in rows
    ]
    return "\n".join(lines)


def weight_lines(weights):
    lines = []
    for name, weight in weights.items():
        status = "ok" if weight["ok"] else "MISSAT"
        lines.append(
            f"{name} ({weight['url']}): {weight['bytes'] / 1000:.1f} kB på "
            f"{len(weight['requests'])} förfrågningar, tredjepart: "
            f"{', '.join(weight['third_party_hosts']) or 'inga'} – {status}"
        )
        for request in weight["requests"]:
            lines.append(
                f"    {request['bytes']:>7} B  {request['encoding'] or 'okomprimerad':<11} {request['url']}"
            )
        if weight.get("bytes_scale_10") is not None:
            status = "ok" if weight["bytes_scale_10"] <= MAX_PAGE_WEIGHT else "MISSAT"
            lines.append(
                f"    vid skala 10: HTML {weight['html_bytes_scale_10']} B, sammanlagt "
                f"{weight['bytes_scale_10'] / 1000:.1f} kB – {status}"
            )
    return lines


def lighthouse_lines(reports):
    lines = []
    for name, report in reports.items():
        scores = ", ".join(
            f"{key} {'MISSAT ' if value != LIGHTHOUSE_TARGET else ''}{value}"
            for key, value in report["scores"].items()
        )
        lines.append(f"{name} ({report['url']}): {scores}")
        runs = report.get("runs_scores") or []
        if runs:
            lines.append(
                f"    median av {len(runs)} körningar; prestanda per körning: "
                + ", ".join(str(run["performance"]) for run in runs)
            )
        weight = report.get("total_byte_weight")
        if weight is not None:
            lines.append(
                f"    överfört enligt Lighthouse: {weight / 1000:.1f} kB på "
                f"{len(report['network_requests'])} förfrågningar, tredjepart: "
                f"{', '.join(report['third_party_hosts']) or 'inga'}"
            )
        lines.append(
            "    "
            + ", ".join(f"{key} {value}" for key, value in report["metrics"].items())
        )
        for category, audits in report["failing_audits"].items():
            for audit in audits:
                # Audits that do not count towards the score only matter when it is short.
                if (
                    not audit["weight"]
                    and report["scores"][category] == LIGHTHOUSE_TARGET
                ):
                    continue
                lines.append(
                    f"    {category}: {audit['id']} – {audit['title']} "
                    f"(poäng {audit['score']}, vikt {audit['weight']}) {audit['display_value']}"
                )
                for item in audit["items"]:
                    detail = item.get("selector") or item.get("url") or item
                    lines.append(f"        {detail}")
    return lines


def write_results(results, targets):
    header, rows = table_rows(targets)
    (BENCH_DIR / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n"
    )
    settings = results["settings"]
    md = [
        "# make bench",
        "",
        f"Körd {results['started']}, {results['duration_s']:.0f} s. Data: skala 1 = "
        f"{settings['scale_1']}; skala 10 = {settings['scale_10']}.",
        "",
        markdown_table(header, rows),
        "",
        "- **SQL**: frågor för en sida vars egen post i sidcachen just tagits bort, med "
        "navigering, brödsmulor och sidfot kvar i cachen (Djangos testklient i samma process). "
        f"Mål: högst {MAX_QUERIES}, lika många vid skala 10. Med helt tömd sidcache: "
        "se `queries_cold_cache` i results.json.",
        f"- **median ms**: median av {TIMED_RUNS} renderingar utan sidcache, i samma process. "
        "Median för en träff i sidcachen: `median_cache_hit_ms`.",
        f"- **req/s**: wrk, {WRK_THREADS} trådar, {WRK_CONNECTIONS} anslutningar, "
        f"{WRK_SECONDS} s, bästa av {WRK_ROUNDS} omgångar varvade med de andra sidorna, mot "
        f"gunicorn ({GUNICORN_WORKERS} gthread-arbetare × {GUNICORN_THREADS} trådar). Anonyma "
        "sidor kommer från sidcachen; mål minst 1/3 av den statiska filens req/s. Sidor som inte "
        f"kan cachas (inloggad, inloggningssidan): högst {UNCACHED_MAX_FACTOR}× långsammare än "
        "den statiska filen. En inloggad besökare som inte redigerar webbplatsen får de "
        "anonyma besökarnas sparade sida med sitt eget sidhuvud (den delade kopian).",
        "- **cachemiss**: vad det kostar när sidcachen inte har sidan: en sökning ingen gjort "
        "förut (varje förfrågan ett nytt ord eller en ny adress), och en inloggad besökare på "
        "en sida ingen anonym besökare har hämtat sedan senaste ändringen. Visas för "
        "jämförelse; målet om 15× gäller sidor som inte kan cachas.",
        "- **Golv**: en minimal vy genom hela mellanvarustacken, utan sidcache.",
        "",
        *bench_cache.report_lines(results),
        "## Sidvikt",
        "",
        "```",
        *weight_lines(results["page_weight"]),
        "```",
        "",
        "## Lighthouse (mobil)",
        "",
        "```",
        *lighthouse_lines(results["lighthouse"]),
        "```",
        "",
        "## Maskinens belastning (1 min) vid varje steg",
        "",
        "```",
        *[
            f"{item['load_1min']:>5}  {item['step']}"
            for item in results["load_average"]
        ],
        "```",
        "",
        "## Tider",
        "",
        "```",
        *[f"{key}: {value:.1f}" for key, value in results["timings"].items()],
        "```",
    ]
    if results["errors"]:
        md += ["", "## Fel", "", *[f"- {error}" for error in results["errors"]]]
    (BENCH_DIR / "results.md").write_text("\n".join(md) + "\n")
    return plain_table(header, rows)


# --- The run --------------------------------------------------------------------------


def main():
    started = time.monotonic()
    results = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "settings": {
            "scale_1": "100 studiematerial × 8 träffar, 1 000 nyheter",
            "scale_10": "1 000 studiematerial × 8 träffar, 10 000 nyheter",
            "gunicorn": f"{GUNICORN_WORKERS} gthread workers × {GUNICORN_THREADS} threads",
            "wrk": f"-t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{WRK_SECONDS}s, best of {WRK_ROUNDS}",
            "lighthouse": LIGHTHOUSE_VERSION,
        },
        "timings": {},
        "pages": {},
        "page_weight": {},
        "lighthouse": {},
        "load_average": [],
        "errors": [],
    }
    timings = results["timings"]
    targets = []
    try:
        if shutil.which("wrk") is None:
            raise BenchError("wrk saknas (Debian: apt-get install wrk).")
        phase(
            results,
            "1. Ny databas: migrate, demo + testdata skala 1, sökindex, collectstatic",
        )
        fresh_bench_dir()
        prepare_database(timings)
        setup_django()
        session = bench_user_session()
        targets = resolve_targets()
        log(f"   {check_bench_pages_route()} testsidor svarar och renderas")

        phase(results, "2a. En invalidering: hela cachen töms, eller en version byts")
        results["invalidation"] = bench_cache.measure_invalidation(log)

        phase(results, "2. SQL-frågor och renderingstid, skala 1")
        step_started = time.monotonic()
        record_in_process(targets, session, scale=1, with_sql=True)
        timings["in_process_scale_1_s"] = time.monotonic() - step_started

        from django.db import connections

        connections.close_all()
        phase(results, "3. gunicorn och wrk")
        step_started = time.monotonic()
        with gunicorn_server() as port:
            check_over_http(port, targets, session)
            for key, figures in measure_load(port, targets, session).items():
                next(t for t in targets if t.key == key).figures.update(figures)
            timings["load_s"] = time.monotonic() - step_started

            phase(results, "3b. Cachade sidor under skrivningar som ingen sida visar")
            results["under_writes"] = bench_cache.measure_under_writes(
                port,
                [t.url for t in targets if t.kind == "cached"],
                HOST,
                [f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}"],
                BENCH_DIR,
                log,
            )

            phase(results, "4. Sidvikt")
            by_key = {target.key: target for target in targets}
            for key in ("home", "content", "news", "principle", "module"):
                results["page_weight"][key] = page_weight(port, by_key[key].url)

            phase(results, "5. Lighthouse (mobil)")
            step_started = time.monotonic()
            cli = lighthouse_cli()
            for key in ("home", "module"):
                results["lighthouse"][key] = lighthouse(cli, port, key, by_key[key].url)
            timings["lighthouse_s"] = time.monotonic() - step_started

        phase(results, "6. Testdata skala 10, och frågorna igen")
        connections.close_all()
        timings["seed_scale_10_s"] = manage(
            "seed_bench_data", "--scale", "10", timeout=900
        )
        log(f"   {check_bench_pages_route()} testsidor svarar och renderas")
        step_started = time.monotonic()
        record_in_process(targets, session, scale=10)
        timings["in_process_scale_10_s"] = time.monotonic() - step_started
    except BenchError as exc:
        results["errors"].append(str(exc))
    except Exception as exc:
        results["errors"].append(f"{type(exc).__name__}: {exc}")
        raise
    finally:
        for key, weight in results["page_weight"].items():
            target = next(t for t in targets if t.key == key)
            html_10 = target.figures.get("html_bytes_scale_10")
            if html_10 is not None:
                html_1 = next(r for r in weight["requests"] if r["kind"] == "html")
                weight["html_bytes_scale_10"] = html_10
                weight["bytes_scale_10"] = (
                    weight["bytes"] - html_1["bytes"] + html_1["header_bytes"] + html_10
                )
                weight["ok"] = (
                    weight["ok"] and weight["bytes_scale_10"] <= MAX_PAGE_WEIGHT
                )
        static = next((t for t in targets if t.key == "static"), None)
        evaluate(targets, static.figures.get("requests_per_s") if static else None)
        results["pages"] = {
            target.key: {
                "label": target.label,
                "kind": target.kind,
                "url": target.url,
                **target.figures,
            }
            for target in targets
        }
        results["duration_s"] = time.monotonic() - started
        timings["total_s"] = results["duration_s"]
        table = write_results(results, targets)
        log("")
        log(table)
        log("")
        for line in weight_lines(results["page_weight"]):
            log(line)
        log("")
        for line in lighthouse_lines(results["lighthouse"]):
            log(line)
        log("")
        log(
            f"Resultat: .bench/results.md och .bench/results.json ({results['duration_s']:.0f} s)"
        )
    if results["errors"]:
        for error in results["errors"]:
            log(f"FEL: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
