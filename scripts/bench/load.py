"""Step 3: the site under gunicorn, and requests per second with wrk."""

import contextlib
import http.client
import re
import socket
import subprocess
import time

from .common import (
    BENCH_DIR,
    BIN,
    HOST,
    ROOT,
    SEARCH_WORDS,
    BenchError,
    env,
    log,
    run,
    stop,
)

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
