"""Site chrome: main navigation, breadcrumbs and footer, cached until what they show changes."""

from django import template

from wagtail.models import Page

from home import cache
from home.models import KansliContactSettings, child_paths

register = template.Library()


def _site(request):
    return cache.site_for_request(request)


def _menu_items(request, site):
    def compute():
        children = (
            Page.objects.filter(path__in=child_paths(site.root_page))
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth")
            .order_by("path")
        )
        return [
            {"title": child.title, "url": child.get_url(request), "path": child.path}
            for child in children
        ]

    return cache.cached_locally(
        f"chrome:nav:{site.pk}", compute, (cache.PAGES, cache.SITES)
    )


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    site = _site(request)
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    if site:
        for item in _menu_items(request, site):
            items.append(
                {
                    **item,
                    "is_current": item["path"] == current_path,
                    "in_section": bool(current_path)
                    and current_path.startswith(item["path"]),
                }
            )
    return {
        "items": items,
        "home_url": site.root_page.get_url(request) if site else "/",
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context["request"]
    paths = page.ancestor_paths() if hasattr(page, "ancestor_paths") else []
    if not paths:
        return {"crumbs": [], "page": page}

    def compute():
        ancestors = (
            Page.objects.filter(path__in=paths)
            .only("id", "title", "url_path", "path", "depth")
            .order_by("depth")
        )
        crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
        if crumbs:
            crumbs[0]["title"] = None  # the home page is shown as "Start"
        return crumbs

    crumbs = cache.cached(
        f"chrome:crumbs:{paths[-1]}", compute, (cache.PAGES, cache.SITES)
    )
    # With the request, so that the site root paths come from the request.
    return {"crumbs": crumbs, "page": page, "page_url": page.get_url(request)}


def contact_settings(request):
    site = _site(request)
    if site is None:
        return None

    def compute():
        settings_obj = KansliContactSettings.for_links(site)
        page = settings_obj.accessibility_page
        contact_page = settings_obj.contact_page
        return {
            "organisation_name": settings_obj.organisation_name,
            "street_address": settings_obj.street_address,
            "postal_code": settings_obj.postal_code,
            "city": settings_obj.city,
            "email": settings_obj.email,
            "phone": settings_obj.phone,
            "phone_uri": settings_obj.phone_uri,
            "opening_hours": settings_obj.opening_hours,
            "contact_url": contact_page.get_url(request)
            if contact_page and contact_page.live
            else "",
            "contact_title": contact_page.title if contact_page else "",
            "accessibility_url": page.get_url(request) if page and page.live else "",
            "privacy_url": privacy.get_url(request)
            if (privacy := settings_obj.privacy_page) and privacy.live
            else "",
        }

    return cache.cached_locally(
        f"chrome:contact:{site.pk}",
        compute,
        (cache.SETTINGS, cache.PAGES, cache.SITES),
    )


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    return {
        "contact": contact_settings(context["request"]),
        "request": context["request"],
    }


@register.filter
def duration(minutes):
    """Minutes as Swedish hours and minutes: 135 → "2 tim 15 min"."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} tim {rest} min" if rest else f"{hours} tim"
