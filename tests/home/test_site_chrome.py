"""The page's title, the footer's link to the contact page and /favicon.ico."""

import io
import re

from PIL import Image

from home.models import KansliContactSettings
from tests.home.factories import ContentPageFactory


def title_of(client, url):
    html = client.get(url).content.decode()
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_home_pages_title_is_the_sites_name_once(client, site_tree):
    assert title_of(client, "/") == "Överenskommelsens studieplattform"


def test_the_home_pages_title_tag_is_its_seo_title(client, site_tree):
    site_tree.home.seo_title = "Studiecirklar om Överenskommelsen"
    site_tree.home.save()
    assert title_of(client, "/") == "Studiecirklar om Överenskommelsen"


def test_other_pages_titles_are_followed_by_the_sites_name(client, site_tree):
    assert title_of(client, "/om/") == (
        "Om studieplattformen – Överenskommelsens studieplattform"
    )
    assert title_of(client, "/overenskommelsen/dialog/") == (
        "Dialog – Överenskommelsens studieplattform"
    )


def footer_of(client, url="/"):
    return client.get(url).content.decode().split('<footer class="site-footer">')[1]


def test_the_footer_links_to_the_contact_page_chosen_in_the_settings(client, site_tree):
    contact_page = ContentPageFactory(
        parent=site_tree.home, title="Kontakta kansliet", slug="kontakt"
    )
    assert 'href="/kontakt/"' not in footer_of(client)
    contact = KansliContactSettings.objects.get()
    contact.contact_page = contact_page
    contact.save()
    assert '<a href="/kontakt/">Kontakta kansliet</a>' in footer_of(client)


def test_the_footer_links_to_the_contact_page_wherever_it_is(client, site_tree):
    contact_page = ContentPageFactory(
        parent=site_tree.about, title="Skriv till oss", slug="skriv"
    )
    contact = KansliContactSettings.objects.get()
    contact.contact_page = contact_page
    contact.save()
    assert '<a href="/om/skriv/">Skriv till oss</a>' in footer_of(client, "/om/")


def test_an_unpublished_contact_page_is_not_linked(client, site_tree):
    contact_page = ContentPageFactory(
        parent=site_tree.home, title="Kontakta kansliet", slug="kontakt"
    )
    contact = KansliContactSettings.objects.get()
    contact.contact_page = contact_page
    contact.save()
    contact_page.unpublish()
    assert "Kontakta kansliet" not in footer_of(client)


def test_favicon_ico_is_an_icon_at_the_sites_root(client, db):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"]
