"""The report: each page's figures against the targets, as a table, results.md and .json."""

import json

from .common import (
    BENCH_DIR,
    CACHED_MIN_RATIO,
    COLD_BULK_MAX_MS,
    COLD_TEXT_MAX_MS,
    LIGHTHOUSE_TARGET,
    MAX_GROWTH,
    MAX_PAGE_WEIGHT,
    MAX_QUERIES,
    REFERENCE_COLD_MS,
    UNCACHED_MAX_FACTOR,
)
from .in_process import TIMED_RUNS
from .load import (
    GUNICORN_THREADS,
    GUNICORN_WORKERS,
    WRK_CONNECTIONS,
    WRK_ROUNDS,
    WRK_SECONDS,
    WRK_THREADS,
)


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
        if target.kind != "reference":
            misses += render_misses(target)
        if figures.get("non_2xx") or figures.get("socket_errors"):
            misses.append(
                f"{figures.get('non_2xx', 0)} fel-svar, {figures.get('socket_errors', 0)} socketfel"
            )
        figures["missed"] = misses


def cold_max_ms(target):
    """The most a page may take to render with every cache empty."""
    return COLD_BULK_MAX_MS if target.bulk else COLD_TEXT_MAX_MS


def render_misses(target):
    """The render-time targets a page missed: cold at scale 1 and 10, growth with data."""
    figures = target.figures
    misses = []
    limit = cold_max_ms(target)
    for scale in (1, 10):
        cold = figures.get(f"median_cold_ms_scale_{scale}")
        if cold is not None and cold > limit:
            misses.append(f"kall {cold:.1f} ms > {limit:g} ms (skala {scale})")
    for name, field in (("miss", "median_ms"), ("kall", "median_cold_ms")):
        ms_1 = figures.get(f"{field}_scale_1")
        ms_10 = figures.get(f"{field}_scale_10")
        if ms_1 and ms_10 and ms_10 > ms_1 * (1 + MAX_GROWTH):
            misses.append(
                f"{name} växer {ms_1:.1f} → {ms_10:.1f} ms (+{ms_10 / ms_1 - 1:.0%})"
            )
    return misses


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
        "miss ms",
        "miss ms skala 10",
        "kall ms",
        "kall ms skala 10",
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
                fmt(f.get("median_cold_ms_scale_1")),
                fmt(f.get("median_cold_ms_scale_10")),
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


def add_section(results, title, lines):
    """A section of the report for a further measurement: a title and lines of text.

    Printed after the Lighthouse figures and written to results.md under its title;
    the measurement keeps its figures for results.json in results[<its name>].
    """
    results["sections"].append({"title": title, "lines": list(lines)})


def section_lines(sections):
    lines = []
    for section in sections:
        lines += [section["title"], *[f"    {line}" for line in section["lines"]], ""]
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
        f"- **miss ms**: median av {TIMED_RUNS} renderingar av en sida vars egen post i "
        "sidcachen tagits bort, med navigering, brödsmulor, sidfot och webbplatsuppslaget "
        "kvar i cachen, i samma process. Median för en träff i sidcachen: "
        "`median_cache_hit_ms`.",
        f"- **kall ms**: median av {TIMED_RUNS} renderingar med varje cache tom (alla "
        "innehållsslags versioner nya, default-cachen tömd), varvade med miss-renderingarna. "
        f"Mål: textsidor högst {COLD_TEXT_MAX_MS:g} ms (hälften av bakerydemos median "
        f"{REFERENCE_COLD_MS:g} ms på den här maskinen), kommunöversikten och kommunsidan "
        f"högst {COLD_BULK_MAX_MS:g} ms. Både miss och kall: skala 10 högst "
        f"{MAX_GROWTH:.0%} över skala 1.",
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
        *[
            line
            for section in results["sections"]
            for line in (
                f"## {section['title']}",
                "",
                "```",
                *section["lines"],
                "```",
                "",
            )
        ],
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
