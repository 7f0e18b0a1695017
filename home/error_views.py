"""The site's error pages: Swedish, in the site's look, each saying what to do next.

Django renders its 400 page and its CSRF failure without the request (so without the
site's header, menu and footer), answers 405 with an empty body, and falls back to a
bare English "403 Forbidden" when no template is found. Here every error page is
rendered with the request, from templates/<status>.html: 400, 403 and 404 through
the handlers in config/urls.py, the CSRF failure through CSRF_FAILURE_VIEW, and the
bare 405 and 429 that views return through home.middleware.ErrorPageMiddleware.

500 stays Django's own handler: templates/500.html is plain HTML that needs neither
the database nor a context processor, so it shows whatever went wrong.
"""

import math

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def render_error(request, status, context=None, template_name=None):
    return render(
        request,
        template_name or f"{status}.html",
        {"status": status, **(context or {})},
        status=status,
    )


def bad_request(request, exception=None):
    return render_error(request, 400)


def permission_denied(request, exception=None):
    return render_error(request, 403)


def page_not_found(request, exception=None):
    return render_error(request, 404)


def method_not_allowed(request, allowed_methods=()):
    """For a 405: where the visitor can go instead (the same address, if it can be shown)."""
    may_show = "GET" in allowed_methods and request.method != "GET"
    return render_error(request, 405, {"page_url": request.path if may_show else ""})


def too_many_requests(request, retry_after=None):
    try:
        minutes = max(1, math.ceil(int(retry_after) / 60))
    except (TypeError, ValueError):
        minutes = None
    return render_error(request, 429, {"minutes": minutes})


def form_url(request):
    """The page the refused form was on: the referring page of this site, or this address."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return request.get_full_path()


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form was older than the visitor's session, or cookies are off."""
    return render_error(
        request, 403, {"form_url": form_url(request)}, template_name="403_csrf.html"
    )
