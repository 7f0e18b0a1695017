"""What every part of the bench shares: paths, the targets, running commands, the Target."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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
# Rendered with every cache empty, against bakerydemo's pages measured on this machine
# (the median of its five pages): a text page at most half of it, a page that lists
# data in bulk (BenchPage.bulk: the kommun overview, a kommun page) at most all of it.
REFERENCE_COLD_MS = 24.5
COLD_TEXT_MAX_MS = 12.0  # half of the reference, rounded down
COLD_BULK_MAX_MS = REFERENCE_COLD_MS
# A page's render time at scale 10 at most this much above scale 1.
MAX_GROWTH = 0.15

SEARCH_WORDS = ["dialog", "kvalitet", "kommun", "principer", "samverkan", "insyn"]


class BenchError(Exception):
    """The bench itself broke: a step failed, a page did not answer, a tool is missing."""


@dataclass
class Target:
    """A page to measure (an app's home.bench.BenchPage, or a reference), and its figures."""

    key: str
    label: str
    kind: str  # "cached", "uncached", "miss" or "reference"
    url: str
    logged_in: bool = False
    search_miss: bool = False
    # A signed-in visitor's page served from the anonymous visitors' shared copy.
    shared: bool = False
    weigh: bool = False
    lighthouse: bool = False
    bulk: bool = False
    figures: dict = field(default_factory=dict)

    @classmethod
    def from_page(cls, page):
        return cls(**asdict(page))

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
