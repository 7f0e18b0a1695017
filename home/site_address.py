"""The site's real address, for the absolute links that other programs follow.

The sitemap and robots.txt give crawlers absolute URLs. They start with settings.SITE_URL
when it is set (in production, the address the site is known by), or else with the
address the request came to: the development server's own (http://127.0.0.1:8000 under
`make run`), or whatever host the proxy passed on, which ALLOWED_HOSTS has checked and
whose scheme SECURE_PROXY_SSL_HEADER gives. They never start with the hostname of
Wagtail's Site record: that decides which site answers a request, and is left at
Wagtail's placeholder, localhost on port 80, unless someone changes it in the admin.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_root_url(request):
    """The scheme and host that the site's absolute URLs start with (no trailing slash)."""
    configured = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    if request is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, url):
    """A page's URL, relative or absolute, as an absolute URL at the site's real address.

    A URL that already has a host is another site's (a multi-site tree) and is kept.
    """
    if url is None or urlsplit(url).netloc:
        return url
    return site_root_url(request) + url
