"""The news feeds: RSS and Atom, with the kansli as their author."""

import xml.etree.ElementTree as ET

from home.models import KansliContactSettings

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def atom_feed(client):
    response = client.get("/nyheter/atom/")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_the_atom_feed_and_each_entry_name_the_kansli_as_author(client, site_tree):
    # RFC 4287 §4.1.1: an author on the feed, or on every entry; here on both.
    feed = atom_feed(client)
    assert feed.findtext("a:author/a:name", namespaces=ATOM) == (
        "Kansliet för Överenskommelsen"
    )
    assert feed.findtext("a:author/a:email", namespaces=ATOM) == "kansliet@example.se"
    entries = feed.findall("a:entry", ATOM)
    assert len(entries) == len(site_tree.news)
    for entry in entries:
        assert entry.findtext("a:author/a:name", namespaces=ATOM) == (
            "Kansliet för Överenskommelsen"
        )


def test_the_feeds_author_follows_the_contact_settings(client, site_tree):
    contact = KansliContactSettings.objects.get()
    contact.organisation_name = "Överenskommelsens kansli"
    contact.email = ""
    contact.save()
    feed = atom_feed(client)
    assert feed.findtext("a:author/a:name", namespaces=ATOM) == (
        "Överenskommelsens kansli"
    )
    assert feed.find("a:author/a:email", ATOM) is None


def test_each_rss_item_names_the_kansli_as_author(client, site_tree):
    response = client.get("/nyheter/rss/")
    items = ET.fromstring(response.content).findall("channel/item")
    assert items
    for item in items:
        assert item.findtext("author") == (
            "kansliet@example.se (Kansliet för Överenskommelsen)"
        )
