"""The site for a request, found without a query: Wagtail's rules, and new sites seen at once."""

from django.test import RequestFactory

from wagtail.models import Site

import pytest

from home import cache


def sites(*specs):
    return [
        Site(id=number, hostname=hostname, port=port, is_default_site=default)
        for number, (hostname, port, default) in enumerate(specs, start=1)
    ]


@pytest.mark.parametrize(
    ("specs", "hostname", "port", "expected"),
    [
        # The hostname and the port.
        (
            [("a.se", 80, True), ("b.se", 80, False), ("b.se", 8080, False)],
            "b.se",
            8080,
            3,
        ),
        # The hostname of the default site, on another port.
        ([("a.se", 80, True), ("a.se", 8080, False)], "a.se", 8000, 1),
        # No such hostname: the default site.
        ([("a.se", 80, True), ("b.se", 80, False)], "c.se", 80, 1),
        # The one site with the hostname, on another port, before the default.
        ([("a.se", 80, True), ("b.se", 80, False)], "b.se", 8000, 2),
        # Several with the hostname, none on the port: the default.
        ([("a.se", 80, True), ("b.se", 80, False), ("b.se", 81, False)], "b.se", 82, 1),
        # Several with the hostname, none on the port, and no default: none.
        ([("b.se", 80, False), ("b.se", 81, False)], "b.se", 82, None),
        # No default and no such hostname: none.
        ([("b.se", 80, False)], "c.se", 80, None),
    ],
)
def test_the_site_is_chosen_as_wagtail_chooses_it(specs, hostname, port, expected):
    found = cache._site_for_host(sites(*specs), hostname, port)
    assert (found.id if found else None) == expected


def test_the_site_is_wagtails_and_a_new_site_is_seen_at_once(home_page):
    factory = RequestFactory()
    request = factory.get("/", HTTP_HOST="localhost")
    assert cache.site_for_request(request) == Site.find_for_request(
        factory.get("/", HTTP_HOST="localhost")
    )
    assert request._wagtail_cached_site_root_paths == Site.get_site_root_paths()

    other = Site.objects.create(hostname="annan.example", root_page=home_page, port=80)
    request = factory.get("/", HTTP_HOST="annan.example")
    assert cache.site_for_request(request) == other
    assert len(request._wagtail_cached_site_root_paths) == 2
