"""Step 5: Lighthouse (mobile preset) with Debian's Chromium, the median of several runs."""

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from .common import BENCH_DIR, HOST, LOCAL_HOSTS, BenchError, log, run

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
