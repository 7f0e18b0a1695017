"""The kommuner's and län's pages in sitemap.xml, each with when what it shows last changed."""

import datetime

from django.utils import timezone

from home import cache
from kommuner.models import (
    CONTENT_KIND,
    County,
    Municipality,
    Organisation,
    OrganisationPresence,
    PolicyRecord,
)
from tests.home.test_sitemap import sitemap
from tests.kommuner.factories import (
    OrganisationFactory,
    OrganisationPresenceFactory,
    PolicyRecordFactory,
)

BASE = "http://testserver/kommuner/"


def at(day):
    return datetime.datetime(2027, 1, day, 12, tzinfo=datetime.UTC)


def published_on(page):
    """The day the page was published, as the sitemap gives it (in the site's time zone)."""
    return timezone.localdate(page.last_published_at).isoformat()


def changed(queryset, day):
    # update(), as auto_now would set the time of the test on save(); no signal is sent,
    # so the kommuner's cached pages are made out of date as a save would.
    queryset.update(updated_at=at(day))
    cache.bump(CONTENT_KIND)


def test_every_kommun_and_län_has_its_page_in_the_sitemap(client, kommun_index):
    urls = sitemap(client)
    kommuner = {
        f"{BASE}{slug}/" for slug in Municipality.objects.values_list("slug", flat=True)
    }
    counties = {
        f"{BASE}lan/{slug}/" for slug in County.objects.values_list("slug", flat=True)
    }
    assert len(kommuner) == 290
    assert len(counties) == 21
    assert kommuner | counties | {BASE} == {url for url in urls if url.startswith(BASE)}
    assert all(urls[url] for url in kommuner | counties | {BASE})


def test_every_kommun_page_listed_answers(client, kommun_index):
    urls = [url for url in sitemap(client) if url.startswith(BASE)]
    for url in urls[:: len(urls) // 12]:  # a dozen of them, län and kommuner
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_the_open_data_and_the_forms_routes_are_not_in_the_sitemap(
    client, kommun_index
):
    urls = sitemap(client)
    for route in ("data/csv/", "data/json/", "postnummer/", "1880/"):
        assert f"{BASE}{route}" not in urls


def test_a_kommun_page_last_changed_with_its_record_or_its_organisations(
    client, kommun_index, orebro
):
    published = published_on(kommun_index)
    assert sitemap(client)[f"{BASE}orebro/"] == published
    record = PolicyRecordFactory(municipality=orebro)
    changed(PolicyRecord.objects.filter(pk=record.pk), 3)
    assert sitemap(client)[f"{BASE}orebro/"] == "2027-01-03"
    organisation = OrganisationFactory(municipality=orebro)
    changed(Organisation.objects.filter(pk=organisation.pk), 5)
    urls = sitemap(client)
    assert urls[f"{BASE}orebro/"] == "2027-01-05"
    assert urls[f"{BASE}kiruna/"] == published


def test_a_kommun_page_last_changed_when_another_kommuns_organisation_was_marked_there(
    client, kommun_index, orebro
):
    kiruna = Municipality.objects.get(code="2584")
    mark = OrganisationPresenceFactory(
        organisation=OrganisationFactory(municipality=orebro), municipality=kiruna
    )
    Organisation.objects.filter(pk=mark.organisation_id).update(updated_at=at(2))
    OrganisationPresence.objects.filter(pk=mark.pk).update(created=at(4))
    cache.bump(CONTENT_KIND)
    assert sitemap(client)[f"{BASE}kiruna/"] == "2027-01-04"
    # The marked organisation changed in its home kommun: Kiruna's page shows it too.
    changed(Organisation.objects.filter(pk=mark.organisation_id), 6)
    assert sitemap(client)[f"{BASE}kiruna/"] == "2027-01-06"


def test_a_kommun_page_last_changed_with_its_regions_record(
    client, kommun_index, orebro
):
    region = PolicyRecordFactory(municipality=None, county=orebro.county)
    changed(PolicyRecord.objects.filter(pk=region.pk), 7)
    assert sitemap(client)[f"{BASE}orebro/"] == "2027-01-07"


def test_a_län_page_last_changed_with_its_kommuner_and_its_region(
    client, kommun_index, orebro, kiruna
):
    county = f"{BASE}lan/{orebro.county.slug}/"
    other = f"{BASE}lan/{kiruna.county.slug}/"
    record = PolicyRecordFactory(municipality=orebro)
    changed(PolicyRecord.objects.filter(pk=record.pk), 4)
    urls = sitemap(client)
    assert urls[county] == "2027-01-04"
    assert urls[other] == published_on(kommun_index)
    region = PolicyRecordFactory(municipality=None, county=orebro.county)
    changed(PolicyRecord.objects.filter(pk=region.pk), 9)
    assert sitemap(client)[county] == "2027-01-09"


def test_the_overview_last_changed_with_any_kommun_or_region(
    client, kommun_index, kiruna
):
    organisation = OrganisationFactory(municipality=kiruna)
    changed(Organisation.objects.filter(pk=organisation.pk), 11)
    assert sitemap(client)[BASE] == "2027-01-11"
