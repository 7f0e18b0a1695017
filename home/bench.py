"""The home app's part of `make bench`: news in bulk, its pages to measure, and what the apps share.

What an app's bench module provides is described in home/app_modules.py:
`manage.py seed_bench_data --scale N` calls `seed()` in every app's bench module, and
`make bench` (scripts/bench/) measures the pages each one's `pages()` lists.

The pages are made from the demo content's texts, so they are as long as real ones.
Adding thousands of pages one by one with `add_child` and `publish` takes far too
long, so `add_live_pages` writes the tree fields itself and inserts the rows in bulk.

Bench pages have slugs starting with `BENCH_SLUG_PREFIX`; seeding tops them up to the
amount the scale asks for, so a second run at the same scale adds nothing.
"""

import datetime
import itertools
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from . import demo_data
from .demo import stream
from .models import ContentPage, HomePage, NewsIndexPage, NewsPage

BENCH_SLUG_PREFIX = "bench-"
NEWS_PER_SCALE = 1_000
BATCH_SIZE = 1_000

#: The kinds of page the bench tells apart, in the order it reports them.
KINDS = ("cached", "uncached", "miss")


@dataclass(frozen=True)
class BenchPage:
    """A page for `make bench` to measure, as an app's `pages()` lists it.

    kind: "cached" for a page anonymous visitors get from the page cache; "uncached"
    for one that cannot be cached (the login form, a signed-in visitor); "miss" for a
    page the cache could hold but has not yet (a new search, a page no anonymous
    visitor has fetched since it changed).
    """

    key: str  # unique across the apps; names the page in results.json
    label: str  # Swedish, for the report's table
    kind: str
    url: str
    logged_in: bool = False  # requested with a signed-in visitor's session
    shared: bool = False  # a signed-in visitor served the anonymous visitors' copy
    search_miss: bool = False  # every request a search no one has made before
    weigh: bool = False  # measure what a browser transfers to show it
    lighthouse: bool = False  # audit it with Lighthouse
    # A page that lists data in bulk (hundreds of rows): its render with every cache
    # empty is held to the reference site's median rather than half of it.
    bulk: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: kind {self.kind!r} is not one of {KINDS}")


def demo_page(model):
    """The first live page of a type in the demo content (not one the bench made)."""
    page = (
        model.objects.live()
        .exclude(slug__startswith=BENCH_SLUG_PREFIX)
        .order_by("path")
        .first()
    )
    if page is None:
        raise LookupError(f"Ingen sida av typen {model.__name__} i demoinnehållet.")
    return page


def bench_pages_sample(model):
    """The first, middle and last of the pages of a type that the bench made."""
    pages = model.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).order_by("path")
    count = pages.count()
    if not count:
        raise LookupError(f"Inga testsidor av typen {model.__name__}.")
    return [pages[index] for index in sorted({0, count // 2, count - 1})]


def thousands(number):
    """1 000 rather than 1000 or 1,000, as Swedish writes it (for the bench's report)."""
    return f"{number:,}".replace(",", " ")


_PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def add_live_pages(parent, pages):
    """Add unsaved pages of one specific type as live children of `parent`, in bulk.

    The rows end up as `add_child` followed by `publish` would leave them, with the
    tree fields (`path`, `depth`, `numchild`, `url_path`) computed here, except that
    there are no revisions and no search index entries. Saving with `raw=True` writes
    only the specific table, as loaddata does, and tells the signal handlers (search
    index, page cache) to leave the row alone; the caller clears the page cache.
    """
    if not pages:
        return pages
    parent = Page.objects.get(pk=parent.pk)
    last_child = parent.get_last_child()
    step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    depth = parent.depth + 1
    now = timezone.now()
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at
        page.locale_id = parent.locale_id
    base_rows = [
        Page(**{field.attname: getattr(page, field.attname) for field in _PAGE_FIELDS})
        for page in pages
    ]
    Page.objects.bulk_create(base_rows, batch_size=BATCH_SIZE)
    for page, row in zip(pages, base_rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def existing_bench_pages(model, parent):
    return (
        model.objects.child_of(parent)
        .filter(slug__startswith=BENCH_SLUG_PREFIX)
        .count()
    )


def news_page(number, item):
    date = datetime.date(2025, 12, 31) - datetime.timedelta(days=number // 3)
    published = timezone.make_aware(
        datetime.datetime.combine(date, datetime.time(9, number % 60))
    )
    return NewsPage(
        title=f"{item['title']} (testnyhet {number})",
        slug=f"{BENCH_SLUG_PREFIX}nyhet-{number:06d}",
        date=date,
        category=item["category"],
        intro=item["intro"],
        search_description=item["intro"][:155],
        body=stream(item["body"]),
        first_published_at=published,
    )


def seed(stdout, scale):
    index = NewsIndexPage.objects.get()
    wanted = NEWS_PER_SCALE * scale
    start = existing_bench_pages(NewsPage, index)
    templates = itertools.cycle(demo_data.NEWS)
    for _ in range(start):
        next(templates)
    created = 0
    with transaction.atomic():
        for batch_start in range(start, wanted, BATCH_SIZE):
            numbers = range(batch_start + 1, min(batch_start + BATCH_SIZE, wanted) + 1)
            pages = [news_page(number, next(templates)) for number in numbers]
            add_live_pages(index, pages)
            created += len(pages)
    stdout.write(f"home: {created} nya testnyheter ({wanted} totalt)")


def describe(scale):
    return f"{thousands(NEWS_PER_SCALE * scale)} nyheter"


def pages():
    return [
        BenchPage(
            "home",
            "Startsida",
            "cached",
            demo_page(HomePage).get_url(),
            weigh=True,
            lighthouse=True,
        ),
        BenchPage(
            "news_index", "Nyhetsarkiv", "cached", demo_page(NewsIndexPage).get_url()
        ),
        BenchPage("news", "Nyhet", "cached", demo_page(NewsPage).get_url(), weigh=True),
        BenchPage(
            "content",
            "Innehållssida",
            "cached",
            demo_page(ContentPage).get_url(),
            weigh=True,
        ),
        BenchPage("search", "Sökresultat", "cached", reverse("search") + "?q=dialog"),
        BenchPage(
            "search_miss",
            "Sökresultat, en sökning ingen gjort förut",
            "miss",
            reverse("search") + "?q=dialog",
            search_miss=True,
        ),
        BenchPage("login", "Inloggning", "uncached", reverse("login")),
    ]


def seeded_samples():
    return [(page.get_url(), page.title) for page in bench_pages_sample(NewsPage)]
