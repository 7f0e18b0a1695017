"""Two small middlewares: the site's error pages for bare error responses, and a safe `next`.

ErrorPageMiddleware: Django's `require_GET` and `require_http_methods`, and a
class-based view asked for a method it lacks, answer 405 with an empty body; a view
may answer 429 without a page too. A visitor then sees a blank page. This gives such
a response (a 405 or 429 with no body, from the site rather than the admin, to a
client that takes HTML) the site's Swedish page for its status, keeping its Allow
or Retry-After header. Responses with a body of their own are left alone: the guard's
429 (home/guard.py) is the form itself, with what was typed and how long to wait.

AdminNextMiddleware: Wagtail's admin views redirect to the `next` they are given
(after saving a document, an image, a page...) with Django's `redirect()`, which
takes a value without "/" or "." for the name of a URL pattern: `next=abc` passes
Wagtail's check (it is a relative URL on this host) and then raises NoReverseMatch,
a 500. Here a `next` that is not a path on this site (or a URL on its host) is
dropped from admin requests before the view sees it, so the view goes where it
would without one.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme

from .error_views import method_not_allowed, too_many_requests

NEXT = "next"


def admin_prefix():
    return reverse("wagtailadmin_home")


class ErrorPageMiddleware:
    """Comes after the authentication and message middlewares: the page has the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return admin_prefix()

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code not in (405, 429)
            or response.streaming
            or response.content
            or request.path.startswith(self.admin_prefix)
            or not request.accepts("text/html")
        ):
            return response
        if response.status_code == 405:
            allowed = [
                method.strip() for method in response.get("Allow", "").split(",")
            ]
            page = method_not_allowed(request, allowed)
        else:
            page = too_many_requests(request, response.get("Retry-After"))
        for header in ("Allow", "Retry-After"):
            if response.has_header(header):
                page[header] = response[header]
        return page


def is_safe_next(request, value):
    """A path on this site ("/admin/pages/") or an absolute URL on its host."""
    if not value.startswith(("/", "http://", "https://")):
        return False
    return url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def without_unsafe_next(request, query_dict):
    """The QueryDict without `next` values that are not safe, or itself if all are."""
    values = query_dict.getlist(NEXT)
    safe = [value for value in values if is_safe_next(request, value)]
    if safe == values:
        return query_dict
    cleaned = query_dict.copy()
    cleaned.setlist(NEXT, safe)
    if not safe:
        del cleaned[NEXT]
    cleaned._mutable = False
    return cleaned


class AdminNextMiddleware:
    """Comes after the CSRF middleware, which reads the posted form first."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return admin_prefix()

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(self.admin_prefix):
            return None
        if NEXT in request.GET:
            request.GET = without_unsafe_next(request, request.GET)
        if request.method == "POST" and NEXT in request.POST:
            request.POST = without_unsafe_next(request, request.POST)
        return None
