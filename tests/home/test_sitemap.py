"""sitemap.xml and robots.txt: every public page, at the site's real address, with a lastmod.

The kommuner's and län's pages in the sitemap: tests/kommuner/test_sitemap.py.
"""

import datetime
import xml.etree.ElementTree as ET

from wagtail.models import Page, PageViewRestriction, Site

from tests.home.factories import ContentPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def public_page_urls(site_tree, root_url="http://testserver"):
    return {
        root_url + page.url
        for page in Page.objects.live().filter(path__startswith=site_tree.home.path)
    }


def test_the_sitemap_lists_every_live_page_at_the_address_asked(client, site_tree):
    # The Site record says localhost on port 80, which answers nowhere.
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    urls = sitemap(client)
    assert public_page_urls(site_tree) <= urls.keys()
    assert all(url.startswith("http://testserver/") for url in urls)


def test_the_sitemap_answers_each_host_with_its_own_address(client, site_tree):
    urls = sitemap(client, HTTP_HOST="studieplattform.example.se", secure=True)
    assert public_page_urls(site_tree, "https://studieplattform.example.se") <= set(
        urls
    )
    assert all(url.startswith("https://studieplattform.example.se/") for url in urls)


def test_site_url_is_the_address_of_the_sitemap_and_robots_txt(
    client, site_tree, settings
):
    settings.SITE_URL = "https://studieplattform.example.se"
    urls = sitemap(client)
    assert public_page_urls(site_tree, settings.SITE_URL) <= urls.keys()
    assert all(url.startswith(settings.SITE_URL + "/") for url in urls)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml\n" in robots


def test_robots_txt_points_to_the_sitemap_at_the_address_asked(client, site_tree):
    robots = client.get("/robots.txt", HTTP_HOST="studieplattform.example.se")
    assert "Sitemap: http://studieplattform.example.se/sitemap.xml\n" in (
        robots.content.decode()
    )


def test_every_url_in_the_sitemap_has_a_lastmod(client, site_tree):
    urls = sitemap(client)
    assert all(urls.values()), [url for url, lastmod in urls.items() if not lastmod]
    for lastmod in urls.values():
        datetime.date.fromisoformat(lastmod)


def test_a_pages_lastmod_is_when_it_was_last_published(client, site_tree):
    site_tree.about.last_published_at = datetime.datetime(
        2026, 5, 17, 12, tzinfo=datetime.UTC
    )
    site_tree.about.save()
    assert sitemap(client)["http://testserver/om/"] == "2026-05-17"


def test_the_sitemap_has_a_last_modified_header(client, site_tree):
    assert client.get("/sitemap.xml").has_header("Last-Modified")


def test_drafts_and_private_pages_are_not_in_the_sitemap(client, site_tree):
    draft = ContentPageFactory(parent=site_tree.home, slug="utkast", live=False)
    private = ContentPageFactory(parent=site_tree.home, slug="internt")
    below_private = ContentPageFactory(parent=private, slug="under")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    urls = sitemap(client)
    for page in (draft, private, below_private):
        assert f"http://testserver{page.url}" not in urls
    assert "http://testserver/om/" in urls


def test_the_printable_versions_are_not_in_the_sitemap(client, site_tree):
    urls = sitemap(client)
    assert f"http://testserver{site_tree.module.url}" in urls
    assert not [url for url in urls if "/utskrift/" in url]


def test_the_printable_versions_tell_search_engines_not_to_index_them(
    client, site_tree
):
    for version in ("ledare", "deltagare"):
        response = client.get(f"{site_tree.module.url}utskrift/{version}/")
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
        head = response.content.decode().split("</head>")[0]
        assert '<meta name="robots" content="noindex">' in head
    # The module's own page is indexed.
    response = client.get(site_tree.module.url)
    assert "X-Robots-Tag" not in response
    assert 'name="robots"' not in response.content.decode()


def test_a_cached_printable_version_still_says_noindex(client, site_tree):
    url = f"{site_tree.module.url}utskrift/ledare/"
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert response["X-Robots-Tag"] == "noindex"


def test_a_cached_sitemap_lists_a_page_published_since(client, site_tree):
    sitemap(client)
    page = ContentPageFactory(parent=site_tree.home, slug="nytt", live=False)
    page.save_revision().publish()
    response = client.get("/sitemap.xml")
    assert response["X-Page-Cache"] == "miss"
    assert "http://testserver/nytt/" in sitemap(client)


def test_the_sitemap_answers_head_as_crawlers_may_ask(client, site_tree):
    response = client.head("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
