"""`make bench`: it imports, each app's page list resolves to pages that answer, the report is written.

The whole bench takes tens of minutes (scripts/bench/); these are its cheap parts,
on `site_tree` and a bench set seeded at a few pages a scale.
"""

import io
import json

from django.urls import reverse

import pytest

from home.app_modules import app_modules
from home.bench import BenchPage
from scripts.bench import load, pages, report
from scripts.bench.common import Target

# Every page the bench measured before the pages moved into the apps (key: kind).
PAGES = {
    "home": "cached",
    "news_index": "cached",
    "news": "cached",
    "content": "cached",
    "search": "cached",
    "agreement": "cached",
    "principle": "cached",
    "module_index": "cached",
    "module": "cached",
    "module_print": "cached",
    "kommuner": "cached",
    "kommun": "cached",
    "lan": "cached",
    "circles": "cached",
    "circles_filtered": "cached",
    "circle": "cached",
    "circle_interest": "uncached",
    "login": "uncached",
    "module_logged_in": "uncached",
    "search_miss": "miss",
    "module_logged_in_miss": "miss",
    "floor": "reference",
    "static": "reference",
}


def test_the_bench_imports():
    from scripts.bench import run

    assert callable(run.main)


@pytest.fixture
def open_circle(site_tree):
    """An open circle for the circle pages (site_tree has none)."""
    from tests.cirklar.factories import StudyCircleFactory

    return StudyCircleFactory()


def test_every_apps_pages_are_measured_grouped_by_kind(site_tree, open_circle):
    targets = pages.resolve_targets()
    assert {target.key: target.kind for target in targets} == PAGES
    kinds = [target.kind for target in targets]
    order = ["cached", "uncached", "miss", "reference"]
    assert kinds == sorted(kinds, key=order.index)
    assert {t.key for t in targets if t.weigh} == {
        "home",
        "news",
        "content",
        "principle",
        "module",
    }
    assert {t.key for t in targets if t.lighthouse} == {"home", "module"}


def test_every_apps_pages_answer(client, site_tree, circle_leader, open_circle):
    signed_in = type(client)()
    signed_in.force_login(circle_leader)
    for target in pages.resolve_targets():
        if target.kind == "reference":
            continue  # the bench's own URLs (config.bench_urls)
        url = target.url_for_run(1)
        response = (signed_in if target.logged_in else client).get(url)
        assert response.status_code == 200, (target.key, url)
    assert "/kommuner/kiruna/" in {target.url for target in pages.resolve_targets()}


def test_a_missing_page_breaks_the_bench_with_a_message(home_page):
    with pytest.raises(pages.BenchError, match="Ingen sida av typen NewsIndexPage"):
        pages.resolve_targets()


def test_a_page_of_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        BenchPage("x", "X", "cachad", "/")


@pytest.fixture
def small_bench_set(site_tree, monkeypatch):
    """The bench set at scale 1, with a few pages and organisations instead of thousands."""
    import cirklar.bench
    import home.bench
    import kommuner.bench
    import studiematerial.bench

    monkeypatch.setattr(home.bench, "NEWS_PER_SCALE", 3)
    monkeypatch.setattr(studiematerial.bench, "MODULES_PER_SCALE", 2)
    monkeypatch.setattr(kommuner.bench, "PER_KOMMUN_PER_SCALE", 1)
    monkeypatch.setattr(kommuner.bench, "LARGE_PER_SCALE", 3)
    monkeypatch.setattr(cirklar.bench, "CIRCLES_PER_SCALE", 3)
    monkeypatch.setattr(cirklar.bench, "LARGE_PER_SCALE", 1)
    for module in app_modules("bench"):
        module.seed(io.StringIO(), 1)


def test_the_bulk_created_pages_route_and_render(client, small_bench_set):
    # Three news and two modules, each module with its print version; three circles.
    assert pages.check_seeded_pages() == 3 + 2 * 2 + 3
    assert pages.describe_data(1) == (
        "3 nyheter, 2 studiematerial × 8 träffar, 1 organisationer per kommun, "
        "3 i Kiruna, 3 studiecirklar"
    )
    assert client.get(reverse("search"), {"q": "testnyhet"}).status_code == 200


def test_wrk_output_is_read():
    output = """Running 3s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Latency Distribution
     50%  812.00us
  12345 requests in 3.00s, 1.23MB read
  Non-2xx or 3xx responses: 2
Requests/sec:   4115.00
"""
    figures = load.parse_wrk(output)
    assert figures == {
        "requests_per_s": 4115.0,
        "requests": 12345,
        "latency_p50_ms": 0.81,
        "non_2xx": 2,
        "socket_errors": 0,
    }


def test_the_report_marks_missed_targets_and_has_the_extra_sections(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(report, "BENCH_DIR", tmp_path)
    targets = [
        Target("home", "Startsida", "cached", "/", figures={"queries_scale_1": 9}),
        Target(
            "static",
            "Statisk fil",
            "reference",
            "/static/css/site.css",
            figures={"requests_per_s": 3000.0},
        ),
    ]
    targets[0].figures["requests_per_s"] = 2000.0
    results = {
        "started": "2026-01-01 00:00:00",
        "duration_s": 1.0,
        "settings": {"scale_1": "1 000 nyheter", "scale_10": "10 000 nyheter"},
        "timings": {"total_s": 1.0},
        "pages": {},
        "page_weight": {},
        "lighthouse": {},
        "sections": [],
        "load_average": [],
        "errors": [],
    }
    report.add_section(results, "Invalidering", ["en rad", "en till"])
    report.evaluate(targets, 3000.0)
    table = report.write_results(results, targets)
    assert "MISSAT: 9 frågor > 8" in table
    markdown = (tmp_path / "results.md").read_text()
    assert "## Invalidering\n\n```\nen rad\nen till\n```" in markdown
    saved = json.loads((tmp_path / "results.json").read_text())
    assert saved["sections"] == [
        {"title": "Invalidering", "lines": ["en rad", "en till"]}
    ]
    assert report.section_lines(results["sections"]) == [
        "Invalidering",
        "    en rad",
        "    en till",
        "",
    ]


def test_the_report_holds_cold_renders_to_their_targets_and_growth_to_15_percent(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(report, "BENCH_DIR", tmp_path)
    figures = {
        # A text page: cold at most 12 ms, and no more than 15 % slower at scale 10.
        "home": {
            "median_ms_scale_1": 10.0,
            "median_ms_scale_10": 11.4,
            "median_cold_ms_scale_1": 12.0,
            "median_cold_ms_scale_10": 14.0,
        },
        # A page listing data in bulk: cold at most the reference median, 24.5 ms.
        "kommuner": {
            "median_ms_scale_1": 10.0,
            "median_ms_scale_10": 12.0,
            "median_cold_ms_scale_1": 20.0,
            "median_cold_ms_scale_10": 21.0,
        },
    }
    targets = [
        Target("home", "Startsida", "cached", "/", figures=figures["home"]),
        Target(
            "kommuner",
            "Kommunöversikt",
            "cached",
            "/kommuner/",
            bulk=True,
            figures=figures["kommuner"],
        ),
    ]
    report.evaluate(targets, None)
    assert targets[0].figures["missed"] == [
        "kall 14.0 ms > 12 ms (skala 10)",
        "kall växer 12.0 → 14.0 ms (+17%)",
    ]
    assert targets[1].figures["missed"] == ["miss växer 10.0 → 12.0 ms (+20%)"]
    header, rows = report.table_rows(targets)
    assert header[4:8] == ["miss ms", "miss ms skala 10", "kall ms", "kall ms skala 10"]
    assert rows[0][4:8] == ["10.0", "11.4", "12.0", "14.0"]


def test_only_the_pages_listing_data_in_bulk_have_the_larger_cold_target(
    site_tree, open_circle
):
    bulk = {target.key for target in pages.resolve_targets() if target.bulk}
    assert bulk == {"kommuner", "kommun", "circles"}
