"""The site's URLs plus the bench's "floor" view; used only by config.settings.bench."""

from django.http import HttpResponse
from django.urls import path

from config import urls as site_urls
from home import cache


def floor(request):
    """The least a request through the whole middleware stack can cost.

    The page cache is told to skip it, so every request runs the full stack rather
    than being answered from the cache.
    """
    cache.skip(request)
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *site_urls.urlpatterns]

for _name in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(site_urls, _name):
        globals()[_name] = getattr(site_urls, _name)
