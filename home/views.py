"""Site-wide views: search, robots.txt and the visitor's own account page.

The error pages are in home/error_views.py.
"""

import contextlib
import logging

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail import hooks
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from . import cache
from .cache import site_for_request
from .models import searchable_pages
from .search_backend import result_keys
from .search_text import printable
from .site_address import site_root_url

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_MAX_QUERY_LENGTH = 200


def route_page(request, path):
    """Find the page for a path in two small queries, whatever its depth.

    Wagtail walks the tree a level at a time, two queries a level. Here the deepest
    page whose URL path is a prefix of the request's is found in one query; that page
    then routes what is left (a routable page's sub-path, or a 404).
    """
    site = site_for_request(request)
    if site is None:
        return None
    root = site.root_page
    components = [component for component in path.split("/") if component]
    prefixes = [root.url_path] + [
        root.url_path + "/".join(components[:length]) + "/"
        for length in range(1, len(components) + 1)
    ]
    found = (
        # The slug condition lets the database use its index on slug; url_path has none.
        Page.objects.filter(
            slug__in=[root.slug, *components],
            url_path__in=prefixes,
            path__startswith=root.path,
        )
        .order_by("-depth")
        .values_list("pk", "content_type_id", "depth")
        .first()
    )
    if found is None:
        return None
    pk, content_type_id, depth = found
    # The page read once, as its own type (Page.specific would read it twice).
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    try:
        page = model.objects.get(pk=pk)  # get(): no ORDER BY to build, as first() has
    except model.DoesNotExist:  # deleted in between
        return None
    try:
        return page.route(request, components[depth - root.depth :])
    except Http404:
        return None


def serve_page(request, path):
    # Wagtail's serve() uses a route already found for the request, and runs its
    # serve hooks (view restrictions among them) as usual.
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_page(request, path)
    route = request._wagtail_route_for_request
    cache.shows(*cache.PAGE_KINDS)
    if route is not None:
        cache.shows(*getattr(route.page, "shows_content", ()))
        if getattr(route.page, "shared_with_signed_in", False):
            cache.share_with_signed_in(request)
    return wagtail_serve(request, path)


def search_words(text):
    """The words of a search as the backends can take them.

    Control and format characters (a NUL, which PostgreSQL refuses) and double quotes
    (which Wagtail's SQLite backend passes unescaped to FTS5) become spaces; the search
    is for words, not phrases, either way.
    """
    text = printable(text[: SEARCH_MAX_QUERY_LENGTH * 2]).replace('"', " ")
    return " ".join(text.split())[:SEARCH_MAX_QUERY_LENGTH]


def savepoint_if_in_transaction():
    if transaction.get_connection().in_atomic_block:
        return transaction.atomic()
    return contextlib.nullcontext()


@require_GET
def search(request):
    query = search_words(request.GET.get("q", ""))
    cache.shows(*cache.PAGE_KINDS)
    results, cards, failed = None, [], False
    if query:
        pages = searchable_pages().search(query)
        paginator = Paginator(pages, SEARCH_RESULTS_PER_PAGE)
        try:
            # Inside a transaction (ATOMIC_REQUESTS, tests) a savepoint keeps the
            # connection usable if the database cannot run the search; in autocommit,
            # as the site runs, a failed query leaves nothing to undo.
            with savepoint_if_in_transaction():
                try:
                    results = paginator.page(request.GET.get("sida", 1))
                except (PageNotAnInteger, EmptyPage):
                    results = paginator.page(1)
                cards = search_cards(request, result_keys(results.object_list))
        except DatabaseError:
            logger.exception("Sökningen %r kunde inte göras", query)
            results, failed = None, True
            cache.skip(request)  # the next try may well work
    # Only public pages are searched, so everyone gets the same results.
    cache.share_with_signed_in(request)
    return render(
        request,
        "home/search.html",
        {"query": query, "results": results, "cards": cards, "failed": failed},
    )


def search_cards(request, page_keys):
    """Title, address and summary of each page found, in the order found.

    The summary is on each page type's own table, so a page's card is kept in the page
    cache (until pages change) rather than fetching every type's table each search.
    """
    site = site_for_request(request)
    cache.shows(cache.PAGES, cache.SITES)
    keys = {
        pk: cache.versioned_key(
            f"search-card:{site.pk if site else 0}:{pk}", (cache.PAGES, cache.SITES)
        )
        for pk in page_keys
    }
    cards = cache.store().get_many(keys.values())
    missing = [pk for pk, key in keys.items() if key not in cards]
    if missing:
        made = {
            keys[page.pk]: {
                "title": page.title,
                "url": page.get_url(request),
                "summary": page.get_meta_description()
                if hasattr(page, "get_meta_description")
                else page.search_description,
            }
            for page in Page.objects.filter(pk__in=missing).specific()
        }
        cache.store().set_many(made)
        cards.update(made)
    return [cards[key] for key in keys.values() if key in cards]


@require_GET
def robots_txt(request):
    cache.shows(cache.SITES)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /sok/",
        f"Sitemap: {site_root_url(request)}{reverse('sitemap')}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


#: Hook name: functions registered under it get the request and return a link for the
#: account page ({"url", "label"}) or None, so apps offer their areas without home knowing.
ACCOUNT_LINKS_HOOK = "account_links"


@login_required
def account(request):
    links = [
        link for fn in hooks.get_hooks(ACCOUNT_LINKS_HOOK) if (link := fn(request))
    ]
    return render(request, "registration/account.html", {"links": links})
