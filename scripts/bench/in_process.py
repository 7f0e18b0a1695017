"""Steps 2 and 6: query counts and render times with Django's test client, in-process."""

import statistics
import time

from .common import HOST, BenchError

TIMED_RUNS = 7


def measure_in_process(targets, session, scale):
    """Query counts and median render times with Django's test client.

    Two renders of each page are timed. A page miss: the page's own cache entry
    deleted and the chrome fragments (navigation, breadcrumbs, footer) and the site
    lookup still cached, which is what a visitor meets when a page is first asked for.
    Everything cold: every cache empty, as after a change for the long tail of pages
    nobody has asked for since; every content kind's version bumped (as good as an
    empty page cache) and the default cache (the site lookup, Wagtail's site root
    paths) cleared before each run. The two alternate, so that the machine's load
    weighs on both alike. The query counts are the page miss's; with the page cache
    cleared, `queries_cold_cache`.
    """
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from home import cache

    pages_cache = caches[cache.CACHE_ALIAS]
    default_cache = caches["default"]
    factory = RequestFactory(HTTP_HOST=HOST)
    anonymous = Client(HTTP_HOST=HOST)
    logged_in = Client(HTTP_HOST=HOST)
    logged_in.cookies[session[0]] = session[1]

    def drop_entry(url):
        pages_cache.delete(cache.cache_key(factory.get(url)))

    def empty_every_cache():
        cache.bump_all()
        default_cache.clear()

    def share(target):
        # The anonymous visitors' copy that a signed-in visitor is served.
        if target.shared and anonymous.get(target.url).get(cache.HEADER) not in (
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
        state = response.get(cache.HEADER)
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
        times, cold_times = [], []
        for run in range(TIMED_RUNS):
            times.append(get(target, number * 1000 + 2 + 2 * run)[1])
            if target.kind == "cached":
                empty_every_cache()
                cold_times.append(get(target, number * 1000 + 3 + 2 * run)[1])
        hits = []
        if target.kind == "cached":
            for _run in range(TIMED_RUNS):
                started = time.perf_counter()
                response = anonymous.get(target.url)
                hits.append((time.perf_counter() - started) * 1000)
                if response.get(cache.HEADER) != "hit":
                    raise BenchError(f"{target.url} kom inte från sidcachen.")
        content = b"".join(response) if response.streaming else response.content
        results[target.key] = {
            "queries": len(warm_sql),
            "queries_cold_cache": cold_count,
            "sql": warm_sql,
            "sql_ms": round(warm_sql_ms, 2),
            "median_ms": round(statistics.median(times), 2),
            "median_cold_ms": round(statistics.median(cold_times), 2)
            if cold_times
            else None,
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
        "median_cold_ms",
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
