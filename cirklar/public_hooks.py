"""The circles on other apps' public pages, through their hooks (imported by wagtail_hooks.py).

A kommun's page lists its open circles (kommuner.models.pages.KOMMUN_PAGE_SECTIONS_HOOK),
a module's page says how many circles use it (studiematerial.models.
STUDY_MODULE_FACTS_HOOK). Each records that the page shows circles (home.cache.shows),
so that a change to a circle's public fields refreshes it, and nothing else does.
"""

from dataclasses import dataclass, field

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks

from home import cache
from kommuner.models.pages import KOMMUN_PAGE_SECTIONS_HOOK
from studiematerial.models import STUDY_MODULE_FACTS_HOOK

from . import public
from .models import CONTENT_KIND

#: How many circles a kommun's page lists; a link leads to the rest.
KOMMUN_PAGE_CIRCLES = 10


@dataclass
class KommunCircles:
    template: str
    municipality: object
    circles: list = field(default_factory=list)
    total: int = 0
    all_url: str = ""
    index_url: str = ""


def circle_index_url(request):
    """The URL of Hitta en studiecirkel, or "" without a live one: cached until pages
    change (one query when the cache is cold, none after)."""
    site = cache.site_for_request(request)
    return cache.cached(
        f"cirklar:index-url:{site.pk if site else ''}",
        lambda: _index_url(request),
        (cache.PAGES, cache.SITES),
    )


def _index_url(request):
    index = public.circle_index_page()
    return (index.get_url(request) or "") if index is not None else ""


@hooks.register(KOMMUN_PAGE_SECTIONS_HOOK)
def kommun_circles(request, municipality, kommun_index):
    cache.shows(CONTENT_KIND)
    index_url = circle_index_url(request)
    if not index_url:
        return None
    circles, total = public.circles_in_municipality(municipality, KOMMUN_PAGE_CIRCLES)
    public.attach_links(
        circles, request, index_url, kommun_url=kommun_index.get_url(request)
    )
    return KommunCircles(
        template="cirklar/public/kommun_section.html",
        municipality=municipality,
        circles=circles,
        total=total,
        all_url=f"{index_url}?{urlencode({'kommun': municipality.slug})}",
        index_url=index_url,
    )


@hooks.register(STUDY_MODULE_FACTS_HOOK)
def module_circle_count(request, module_page):
    # Kept until a circle changes: the module page itself is refreshed more often
    # (by any page's change) than its circles change.
    counts = cache.cached(
        f"cirklar:module-counts:{module_page.pk}",
        lambda: public.module_circle_counts(module_page.pk),
        (CONTENT_KIND,),
    )
    if not counts["using"]:
        text = _("Ingen studiecirkel använder materialet ännu.")
    else:
        text = ngettext(
            "%(count)d studiecirkel använder materialet",
            "%(count)d studiecirklar använder materialet",
            counts["using"],
        ) % {"count": counts["using"]}
        text += ngettext(
            ", %(count)d av dem tar emot nya deltagare.",
            ", %(count)d av dem tar emot nya deltagare.",
            counts["open"],
        ) % {"count": counts["open"]}
    fact = {"term": _("Studiecirklar"), "text": text}
    index_url = circle_index_url(request) if counts["open"] else ""
    if index_url:
        fact["url"] = f"{index_url}?{urlencode({'material': module_page.pk})}"
        fact["link_text"] = _("Hitta en cirkel")
    return [fact]
