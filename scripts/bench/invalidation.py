"""`make bench`, the page cache's part: what one invalidation costs, and hits under writes.

1. Invalidation, in-process: a page cache filled with 1,000 and then 20,000 entries of a
   real page's size, and the time one write's invalidation takes: before (the whole
   cache cleared, as the site did until the cache had versions per kind of content)
   and after (the version of one kind bumped). On the file cache, which one host uses,
   and on Redis when REDIS_URL names one (`make bench` starts one).
2. Under writes, through gunicorn: the anonymous hit rate, requests per second and p99
   latency on cached pages, quietly and while a writer saves 10 rows a second of data
   that no public page shows (sessions, log entries, sign-ins), in alternating runs.

Called from scripts/bench/run.py, which owns the database, gunicorn and the report.
"""

import os
import re
import statistics
import tempfile
import threading
import time

from .common import run
from .load import parse_wrk

INVALIDATION_SIZES = (1_000, 20_000)
INVALIDATION_RUNS = 5
ENTRY_BYTES = 10_000  # about a page's HTML, beside its compressed copy
WRITES_PER_SECOND = 10
LOAD_SECONDS = 5
ROUNDS = 3  # quiet and written-to runs, alternating
TARGET_HIT_RATE = 0.99
TARGET_THROUGHPUT_RATIO = 0.9

HIT_COUNTING_LUA = r"""
-- Rotates over the paths given after --, and counts the X-Page-Cache answers.
local paths = {}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for _, path in ipairs(args) do table.insert(paths, path) end
  hits, others = 0, 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 else others = others + 1 end
end

function done(summary, latency, requests)
  local h, o = 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    o = o + thread:get("others")
  end
  io.write(string.format("hits %d others %d\n", h, o))
  io.write(string.format("p99_us %d\n", latency:percentile(99)))
end
"""


def _entry():
    body = os.urandom(ENTRY_BYTES // 2).hex().encode()
    return {"status": 200, "headers": {}, "content": body, "gzip": body[:3000]}


def _fill(store, count):
    entry = _entry()
    batch = {}
    for number in range(count):
        batch[f"page:bench-{number}"] = entry
        if len(batch) == 500:
            store.set_many(batch)
            batch = {}
    if batch:
        store.set_many(batch)


def _time(operation):
    started = time.perf_counter()
    operation()
    return (time.perf_counter() - started) * 1000


def _stores():
    """The stores to measure: the file cache, and Redis if there is one."""
    from home.file_cache import FileCache

    directory = tempfile.mkdtemp(prefix="bench-cache-")
    stores = [
        (
            "filcache",
            lambda: FileCache(
                directory, {"TIMEOUT": 86400, "OPTIONS": {"MAX_ENTRIES": 30_000}}
            ),
        )
    ]
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        from django.core.cache.backends.redis import RedisCache

        stores.append(
            (
                "Redis",
                lambda: RedisCache(redis_url, {"KEY_PREFIX": "bench-invalidation"}),
            )
        )
    return stores


def measure_invalidation(log):
    """Milliseconds per invalidation, before and after, per store and number of entries."""
    from unittest import mock

    from home import cache

    results = []
    for name, make_store in _stores():
        store = make_store()
        for size in INVALIDATION_SIZES:
            before, after = [], []
            for _run in range(INVALIDATION_RUNS):
                store.clear()
                _fill(store, size)
                with mock.patch.object(cache, "store", return_value=store):
                    after.append(_time(lambda: cache.bump(cache.PAGES)))
                before.append(_time(store.clear))
            row = {
                "store": name,
                "entries": size,
                "clear_ms": round(statistics.median(before), 2),
                "bump_ms": round(statistics.median(after), 3),
            }
            log(
                f"   {name}, {size:>6} poster: tömning {row['clear_ms']:.1f} ms, "
                f"versionsbyte {row['bump_ms']:.2f} ms"
            )
            results.append(row)
        store.clear()
    return results


class PrivateWriter(threading.Thread):
    """Saves WRITES_PER_SECOND rows a second of data that no public page shows."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stopped = threading.Event()
        self.written = 0
        self.errors = []

    def run(self):
        from django.contrib.auth import get_user_model
        from django.contrib.sessions.backends.db import SessionStore
        from django.db import connections
        from django.utils import timezone

        from wagtail.models import ModelLogEntry, Page

        user, _created = get_user_model().objects.get_or_create(
            username="bench-skrivare", defaults={"email": "bench-skrivare@example.se"}
        )
        page = Page.objects.order_by("pk").last()
        interval = 1 / WRITES_PER_SECOND

        def sign_in():
            user.last_login = timezone.now()
            user.save(update_fields=["last_login"])

        writes = [
            lambda: SessionStore().save(),
            sign_in,
            lambda: ModelLogEntry.objects.log_action(page, "wagtail.edit", user=user),
        ]
        next_at = time.monotonic()
        try:
            while not self.stopped.is_set():
                try:
                    writes[self.written % len(writes)]()
                    self.written += 1
                except Exception as exc:  # a locked SQLite database: note it, go on
                    self.errors.append(f"{type(exc).__name__}: {exc}")
                next_at += interval
                self.stopped.wait(max(0, next_at - time.monotonic()))
        finally:
            connections.close_all()


def _wrk_hits(port, paths, host, wrk_options, lua_path):
    command = [
        "wrk",
        *wrk_options,
        f"-d{LOAD_SECONDS}s",
        "--latency",
        "-s",
        str(lua_path),
        f"http://{host}:{port}{paths[0]}",
        "--",
        *paths,
    ]
    output = run(
        command, timeout=LOAD_SECONDS + 30, what="wrk under skrivningar", capture=True
    )
    rps = parse_wrk(output)["requests_per_s"]
    hits, others = map(int, re.search(r"hits (\d+) others (\d+)", output).groups())
    p99 = int(re.search(r"p99_us (\d+)", output).group(1)) / 1000
    return {
        "requests_per_s": rps,
        "hit_rate": hits / max(1, hits + others),
        "latency_p99_ms": round(p99, 2),
    }


def measure_under_writes(port, paths, host, wrk_options, bench_dir, log):
    """Cached pages quietly and under private writes: hit rate, req/s, p99.

    Quiet and written-to runs alternate, ROUNDS of each, and the best of each counts
    (other work on the machine can only lower a run's figure), so that a disturbance
    does not fall on one side only.
    """
    lua_path = bench_dir / "hit-count.lua"
    lua_path.write_text(HIT_COUNTING_LUA)
    quiet_runs, busy_runs, written, errors = [], [], 0, []
    for _round in range(ROUNDS):
        quiet_runs.append(_wrk_hits(port, paths, host, wrk_options, lua_path))
        writer = PrivateWriter()
        writer.start()
        try:
            busy_runs.append(_wrk_hits(port, paths, host, wrk_options, lua_path))
        finally:
            writer.stopped.set()
            writer.join(timeout=10)
        written += writer.written
        errors += writer.errors

    def best(runs):
        return {
            **max(runs, key=lambda run: run["requests_per_s"]),
            # Every response counts for the hit rate, not only the best run's.
            "hit_rate": min(run["hit_rate"] for run in runs),
            "rounds_requests_per_s": [run["requests_per_s"] for run in runs],
        }

    quiet, busy = best(quiet_runs), best(busy_runs)
    result = {
        "quiet": quiet,
        "writes": busy,
        "rows_written": written,
        "rows_per_s": round(written / (LOAD_SECONDS * ROUNDS), 1),
        "writer_errors": errors[:5],
        "throughput_ratio": round(busy["requests_per_s"] / quiet["requests_per_s"], 3),
    }
    result["ok"] = (
        busy["hit_rate"] >= TARGET_HIT_RATE
        and result["throughput_ratio"] >= TARGET_THROUGHPUT_RATIO
        and not errors
    )
    log(
        f"   lugnt: {quiet['requests_per_s']:.0f} anrop/s, träff {quiet['hit_rate']:.2%}, "
        f"p99 {quiet['latency_p99_ms']:.1f} ms"
    )
    log(
        f"   med {result['rows_per_s']} skrivningar/s: {busy['requests_per_s']:.0f} anrop/s "
        f"({result['throughput_ratio']:.0%}), träff {busy['hit_rate']:.2%}, "
        f"p99 {busy['latency_p99_ms']:.1f} ms"
    )
    return result


def add_sections(results):
    """The two measurements' sections of the report (report.add_section)."""
    from .report import add_section

    invalidation = results.get("invalidation") or []
    if invalidation:
        add_section(
            results,
            "En invalidering: före (hela cachen töms) och efter (en version byts)",
            [
                "| Cache | Poster | Före (ms) | Efter (ms) |",
                "|---|---|---|---|",
                *(
                    f"| {row['store']} | {row['entries']} | {row['clear_ms']:.1f} | "
                    f"{row['bump_ms']:.3f} |"
                    for row in invalidation
                ),
            ],
        )
    writes = results.get("under_writes")
    if writes:
        mark = "ok" if writes["ok"] else "MISS"
        rows = [
            f"| {label} | {writes[key]['requests_per_s']:.0f} | "
            f"{writes[key]['hit_rate']:.2%} | {writes[key]['latency_p99_ms']:.1f} |"
            for key, label in (("quiet", "lugnt"), ("writes", "under skrivningar"))
        ]
        add_section(
            results,
            f"Cachade sidor under {writes['rows_per_s']} skrivningar/s som ingen publik "
            f"sida visar – {mark}",
            [
                "| | anrop/s | träffar | p99 (ms) |",
                "|---|---|---|---|",
                *rows,
                f"Genomströmning under skrivningar: {writes['throughput_ratio']:.0%} av "
                f"den lugna (mål ≥ {TARGET_THROUGHPUT_RATIO:.0%}); träffar mål ≥ "
                f"{TARGET_HIT_RATE:.0%}.",
            ],
        )
