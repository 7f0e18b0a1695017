"""The pages to measure: each app's own list (its bench module's `pages()`), and the references.

An app lists its pages beside its bench data, in `<app>/bench.py` (see
home/app_modules.py); nothing here names an app's page. The references are the
bench's own: they give the other figures something to be compared with.
"""

from .common import HOST, BenchError, Target


def references():
    """What every page is measured against: the least a request can cost."""
    return [
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


def _bench_modules(function):
    """The apps' bench modules that define `function`, in INSTALLED_APPS order."""
    from home.app_modules import app_modules

    return [module for module in app_modules("bench") if hasattr(module, function)]


def _call(module, function):
    try:
        return getattr(module, function)()
    except LookupError as exc:  # a page the list needs is missing
        raise BenchError(f"{module.__name__}.{function}(): {exc}") from exc


def resolve_targets():
    """Every app's pages, then the references; the apps' pages grouped by kind.

    Within a kind (cached, uncached, cache miss) the pages keep their apps' order.
    """
    from home.bench import KINDS

    pages = [
        page for module in _bench_modules("pages") for page in _call(module, "pages")
    ]
    keys = [page.key for page in pages]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise BenchError(f"Samma nyckel för flera sidor: {', '.join(duplicates)}")
    pages.sort(key=lambda page: KINDS.index(page.kind))
    return [Target.from_page(page) for page in pages] + references()


def check_seeded_pages():
    """The bulk-created pages must route and render like any other page."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    checked = 0
    for module in _bench_modules("seeded_samples"):
        for url, text in _call(module, "seeded_samples"):
            response = client.get(url)
            if response.status_code != 200 or text.encode() not in response.content:
                raise BenchError(f"Testsidan {url} svarar {response.status_code}.")
            checked += 1
    return checked


def describe_data(scale):
    """What the bench set holds at a scale, from every app that says: "1 000 nyheter, …"."""
    return ", ".join(module.describe(scale) for module in _bench_modules("describe"))
