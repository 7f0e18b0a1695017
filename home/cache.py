"""The anonymous page cache, and the one place that clears it when content changes.

Anonymous visitors all see the same page, so a rendered page is kept and served again
without touching the session, the database or the templates. A page is only kept when
nothing in it belongs to one visitor: no session cookie on the request, no cookie set
by the response (a CSRF token or a message), and no private or no-store cache header.
Any write to a model that pages show clears the whole cache: stale pages are a bug,
while an extra render now and then costs little.
"""

import hashlib

from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_vary_headers

from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_ALIAS = "pages"
HEADER = "X-Page-Cache"

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
}


def page_cache():
    return caches[CACHE_ALIAS]


def clear():
    page_cache().clear()


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


def _cache_key(request):
    raw = f"{request.method == 'HEAD' and 'GET' or request.method}:{request.get_host()}:{request.get_full_path()}"
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
    cache_control = response.get("Cache-Control", "").lower()
    return not any(
        word in cache_control for word in ("private", "no-store", "no-cache")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")

    def __call__(self, request):
        if not _is_anonymous_request(request, self.session_cookie, self.message_cookie):
            return self.get_response(request)
        key = _cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        # Only a page that was never seen with a user's data may be kept; a visitor
        # who was logged in during the request (a login POST is not GET) is excluded above.
        user = getattr(request, "user", None)
        if (
            _is_cacheable_response(response)
            and not getattr(request, "_page_cache_skip", False)
            and (user is None or not user.is_authenticated)
        ):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_vary_headers(response, ("Cookie",))
            page_cache().set(key, response)
            response[HEADER] = "miss"
        return response


def skip(request):
    """Mark a response as not to be kept, for views whose output depends on the visitor."""
    request._page_cache_skip = True
