"""The anonymous page cache, and the one place that clears it when content changes.

Anonymous visitors all see the same page, so a rendered page is kept and served again
without touching the session, the database or the templates; it is kept compressed too,
so that a hit costs no compression. A page is only kept when nothing in it belongs to
one visitor: no session cookie on the request, no cookie set by the response (a CSRF
token or a message), and no private or no-store cache header.

The same cache holds other things that change only when content changes: the site
lookup, the shared chrome (navigation, breadcrumbs, footer) and which pages have view
restrictions. Any write to a model that pages show clears all of it: stale pages are
a bug, while an extra render now and then costs little.

Signed-in visitors see the same pages but for the header's account link. A view whose
output is the same for everyone marks it with share_with_signed_in() (every Wagtail
page does, in home.views.serve_page); a signed-in visitor who does not edit the site is
then served the anonymous visitors' copy with "Mitt konto" in place of "Logga in", kept
beside it and compressed once (SignedInPageMiddleware). Editors always get a fresh
page, since theirs carries Wagtail's user bar.
"""

import gzip
import hashlib

from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_ALIAS = "pages"
HEADER = "X-Page-Cache"
MIN_COMPRESS_LENGTH = 200
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")

# Writes to these models never change what a public page shows.
UNCACHED_MODELS = {
    "sessions.session",
    "admin.logentry",
    "contenttypes.contenttype",
    "auth.permission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.revision",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailsearch.indexentry",
    "wagtailsearch.query",
    "wagtailsearch.querydailyhits",
    "modelsearch.indexentry",
    "wagtailusers.userprofile",
    "wagtailadmin.editingsession",
    "wagtailimages.rendition",
    "django_tasks_database.dbtaskresult",
    "home.erasurelog",
}


def page_cache():
    return caches[CACHE_ALIAS]


def clear():
    page_cache().clear()


def cached(key, compute):
    """The value under `key` in the page cache, computed and kept if missing."""
    value = page_cache().get(key)
    if value is None:
        value = compute()
        page_cache().set(key, value)
    return value


def site_for_request(request):
    """Wagtail's Site for the request, looked up once per host until content changes."""
    if not hasattr(request, "_wagtail_site"):
        host = request.get_host()
        # A missing site is kept as 0, since the cache cannot tell None from a miss.
        site = cached(f"site:{host}", lambda: Site.find_for_request(request) or 0)
        request._wagtail_site = site or None
    return request._wagtail_site


def _on_model_change(sender, **kwargs):
    if kwargs.get("raw"):
        return
    label = sender._meta.label_lower
    if label in UNCACHED_MODELS:
        return
    if label == "auth.user" and kwargs.get("update_fields") == frozenset(
        {"last_login"}
    ):
        return
    clear()


def _on_page_change(sender, **kwargs):
    clear()


def connect_invalidation_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_model_change, dispatch_uid=f"home.cache.{signal!r}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_change, dispatch_uid=f"home.cache.{signal!r}")


def cache_key(request):
    """The page cache's key for a request: method (HEAD as GET), host and full path."""
    method = "GET" if request.method == "HEAD" else request.method
    raw = f"{method}:{request.get_host()}:{request.get_full_path()}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _is_anonymous_request(request, session_cookie, message_cookie):
    return (
        request.method in ("GET", "HEAD")
        and session_cookie not in request.COOKIES
        and message_cookie not in request.COOKIES
        and "preview" not in request.GET
    )


def _is_cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(
        word in cache_control for word in ("private", "no-store", "no-cache")
    )


def _entry(response):
    """What is kept of a response: status, headers, and the body plain and compressed."""
    content = response.content
    compressed = (
        gzip.compress(content, compresslevel=6)
        if len(content) >= MIN_COMPRESS_LENGTH
        else None
    )
    return {
        "status": response.status_code,
        "headers": dict(response.items()),
        "content": content,
        "gzip": compressed if compressed and len(compressed) < len(content) else None,
    }


def _response(entry, request, state="hit"):
    use_gzip = entry["gzip"] is not None and ACCEPTS_GZIP.search(
        request.META.get("HTTP_ACCEPT_ENCODING", "")
    )
    response = HttpResponse(
        entry["gzip"] if use_gzip else entry["content"], status=entry["status"]
    )
    for name, value in entry["headers"].items():
        response[name] = value
    if use_gzip:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    response[HEADER] = state
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")

    def __call__(self, request):
        if not _is_anonymous_request(request, self.session_cookie, self.message_cookie):
            return self.get_response(request)
        key = cache_key(request)
        entry = page_cache().get(key)
        if entry is not None:
            return _response(entry, request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            _is_cacheable_response(response)
            and not getattr(request, "_page_cache_skip", False)
            and (user is None or not user.is_authenticated)
        ):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
            entry = _entry(response)
            entry["shared"] = getattr(request, "_page_cache_shared", False)
            page_cache().set(key, entry)
            response[HEADER] = "miss"
        return response


def skip(request):
    """Mark a response as not to be kept, for views whose output depends on the visitor."""
    request._page_cache_skip = True


def share_with_signed_in(request):
    """Mark a response as the same for every visitor, signed in or not, but the header."""
    request._page_cache_shared = True


ACCOUNT_TEMPLATE = "components/site_account.html"


def _account_html(user):
    from django.template.loader import render_to_string

    return render_to_string(ACCOUNT_TEMPLATE, {"user": user}).encode()


def _signed_in_entry(entry, user):
    """The anonymous entry with the signed-in header, or None if it cannot be made."""
    from django.contrib.auth.models import AnonymousUser

    anonymous, signed_in = _account_html(AnonymousUser()), _account_html(user)
    if entry["content"].count(anonymous) != 1:
        return None
    content = entry["content"].replace(anonymous, signed_in)
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["Content-Length"] = str(len(content))
    response["Cache-Control"] = "private"
    return {**_entry(response), "shared": True}


class SignedInPageMiddleware:
    """Serves signed-in visitors who do not edit the site the shared pages from the cache.

    Comes after the authentication middleware. A page is only in the cache if an
    anonymous visitor was allowed to see it, and a public page is public to everyone, so
    no access rule is passed by; what a visitor sees of their own is the header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.method not in ("GET", "HEAD")
            or "preview" in request.GET
            or not user.is_authenticated
            or user.has_perm("wagtailadmin.access_admin")
        ):
            return self.get_response(request)
        key = cache_key(request)
        variant_key = key + ":signed-in"
        entry = page_cache().get(variant_key)
        if entry is None:
            anonymous = page_cache().get(key)
            if anonymous is None or not anonymous.get("shared"):
                return self.get_response(request)
            entry = _signed_in_entry(anonymous, user)
            if entry is None:
                return self.get_response(request)
            page_cache().set(variant_key, entry)
        return _response(entry, request, state="shared")
