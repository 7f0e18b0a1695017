"""sitemap.xml: every public page of the site, at the site's real address, with a lastmod.

Wagtail's sitemap asks each live, public page for its URLs (Page.get_sitemap_urls): a
page type with pages of its own below it, as routes, lists them there (the kommuner's
and län's pages, kommuner.models.KommunIndexPage), and leaves out what crawlers should
not index (the printable versions of the study modules). Each URL starts with the
site's real address (home.site_address), not the Site record's hostname.

The pages are read in one query, as their specific types without their own tables
(specific(defer=True)): get_sitemap_urls needs only what every page has.
"""

from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemaps
from wagtail.models import Page

from . import cache
from .models import descendants_of, public_pages


class SiteSitemap(Sitemap):
    def get_wagtail_site(self):
        # From the page cache's copy of the sites, which also gives the request the
        # site root paths that every page URL is made from: no query for either.
        return cache.site_for_request(self.request)

    def items(self):
        site = self.get_wagtail_site()
        if site is None:
            return Page.objects.none()
        root = site.root_page
        pages = Page.objects.live()
        return (
            public_pages(descendants_of(pages, root) | pages.filter(pk=root.pk))
            .order_by("path")
            .specific(defer=True)
        )


@require_safe
def sitemap(request):
    # Every app's pages and what they show, for the page cache: a write to any of them
    # makes the cached sitemap out of date.
    cache.shows(*cache.all_kinds())
    return wagtail_sitemaps.sitemap(request, sitemaps={"pages": SiteSitemap})
