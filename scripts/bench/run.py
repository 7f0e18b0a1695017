"""The run: every step in order, the figures kept on their targets, the report written.

See scripts/bench/__init__.py for what each step measures and how to add one.
"""

import shutil
import time

from . import invalidation, report
from .common import (
    BENCH_DIR,
    HOST,
    MAX_PAGE_WEIGHT,
    BenchError,
    log,
    manage,
    phase,
)
from .database import (
    bench_user_session,
    fresh_bench_dir,
    prepare_database,
    setup_django,
)
from .in_process import record_in_process
from .lighthouse import LIGHTHOUSE_VERSION, lighthouse, lighthouse_cli
from .load import (
    GUNICORN_THREADS,
    GUNICORN_WORKERS,
    WRK_CONNECTIONS,
    WRK_ROUNDS,
    WRK_SECONDS,
    WRK_THREADS,
    check_over_http,
    gunicorn_server,
    measure_load,
)
from .pages import check_seeded_pages, describe_data, resolve_targets
from .weight import page_weight


def main():
    started = time.monotonic()
    results = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "settings": {
            # Filled in from the apps' bench modules once Django is set up.
            "scale_1": "–",
            "scale_10": "–",
            "gunicorn": f"{GUNICORN_WORKERS} gthread workers × {GUNICORN_THREADS} threads",
            "wrk": f"-t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{WRK_SECONDS}s, best of {WRK_ROUNDS}",
            "lighthouse": LIGHTHOUSE_VERSION,
        },
        "timings": {},
        "pages": {},
        "page_weight": {},
        "lighthouse": {},
        # Further measurements' report sections (report.add_section).
        "sections": [],
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
        results["settings"]["scale_1"] = describe_data(1)
        results["settings"]["scale_10"] = describe_data(10)
        session = bench_user_session()
        targets = resolve_targets()
        log(f"   {check_seeded_pages()} testsidor svarar och renderas")

        phase(results, "2a. En invalidering: hela cachen töms, eller en version byts")
        results["invalidation"] = invalidation.measure_invalidation(log)

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
            results["under_writes"] = invalidation.measure_under_writes(
                port,
                [t.url for t in targets if t.kind == "cached"],
                HOST,
                [f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}"],
                BENCH_DIR,
                log,
            )

            phase(results, "4. Sidvikt")
            for target in targets:
                if target.weigh:
                    results["page_weight"][target.key] = page_weight(port, target.url)

            phase(results, "5. Lighthouse (mobil)")
            step_started = time.monotonic()
            cli = lighthouse_cli()
            for target in targets:
                if target.lighthouse:
                    results["lighthouse"][target.key] = lighthouse(
                        cli, port, target.key, target.url
                    )
            timings["lighthouse_s"] = time.monotonic() - step_started

            # More measurements with the server running go here, each a module of
            # its own (see scripts/bench/__init__.py): its figures in results[<name>]
            # and a section of the report with report.add_section(results, ...).

        phase(results, "6. Testdata skala 10, och frågorna igen")
        connections.close_all()
        timings["seed_scale_10_s"] = manage(
            "seed_bench_data", "--scale", "10", timeout=900
        )
        log(f"   {check_seeded_pages()} testsidor svarar och renderas")
        step_started = time.monotonic()
        record_in_process(targets, session, scale=10)
        timings["in_process_scale_10_s"] = time.monotonic() - step_started

        # More measurements at scale 10, in-process, go here (as above).
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
        invalidation.add_sections(results)
        static = next((t for t in targets if t.key == "static"), None)
        report.evaluate(
            targets, static.figures.get("requests_per_s") if static else None
        )
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
        table = report.write_results(results, targets)
        log("")
        log(table)
        log("")
        for line in report.weight_lines(results["page_weight"]):
            log(line)
        log("")
        for line in report.lighthouse_lines(results["lighthouse"]):
            log(line)
        log("")
        for line in report.section_lines(results["sections"]):
            log(line)
        log(
            f"Resultat: .bench/results.md och .bench/results.json ({results['duration_s']:.0f} s)"
        )
    if results["errors"]:
        for error in results["errors"]:
            log(f"FEL: {error}")
        return 1
    return 0
