"""The kansli sees every record's history in the Wagtail admin and can compare versions."""

from django.urls import reverse

from wagtail.models import Revision

from tests.home.factories import ImageFactory
from tests.kommuner.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    PolicyRecordFactory,
)


def make_record_with_two_versions(user):
    record = PolicyRecordFactory(
        municipality=MunicipalityFactory(code="1880"),  # Örebro
        agreement_status="dialog",
    )
    first = record.save_revision(user=user, log_action=True)
    record.agreement_status = "antagen"
    record.agreement_year = 2025
    record.save()
    second = record.save_revision(user=user, log_action=True)
    return record, first, second


def test_kansli_sees_the_history_and_compares_versions(client, editor):
    record, first, second = make_record_with_two_versions(editor)
    client.force_login(editor)
    history = client.get(
        reverse("wagtailsnippets_kommuner_policyrecord:history", args=[record.pk])
    )
    assert history.status_code == 200
    compare = client.get(
        reverse(
            "wagtailsnippets_kommuner_policyrecord:revisions_compare",
            args=[record.pk, first.pk, second.pk],
        )
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Dialog pågår" in html and "Antagen" in html


def test_kansli_edits_a_record_in_the_admin(client, editor):
    record, _first, _second = make_record_with_two_versions(editor)
    client.force_login(editor)
    response = client.get(
        reverse("wagtailsnippets_kommuner_policyrecord:edit", args=[record.pk])
    )
    assert response.status_code == 200
    assert Revision.objects.for_instance(record).count() == 2


def test_kansli_assigns_an_official_to_a_kommun(
    client, editor, official_without_kommun, orebro
):
    client.force_login(editor)
    url = reverse("wagtailsnippets_kommuner_municipality:edit", args=[orebro.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"officials": [official_without_kommun.pk]})
    assert response.status_code == 302
    assert list(orebro.officials.all()) == [official_without_kommun]


def test_kansli_finds_organisations_and_kommuner_by_name_number_or_code(
    client, editor, orebro
):
    organisation = OrganisationFactory(name="Läxhjälpen i Örebro", municipality=orebro)
    OrganisationFactory.create_batch(3, municipality=orebro)  # not found
    client.force_login(editor)
    listing = reverse("wagtailsnippets_kommuner_organisation:list")
    for query in (organisation.name.split()[0], organisation.org_number):
        html = client.get(listing, {"q": query}).content.decode()
        assert organisation.name in html, query
        assert "Testföreningen" not in html, query
    kommuner = reverse("wagtailsnippets_kommuner_municipality:list")
    for query in ("Örebro", "1880"):
        assert "Örebro" in client.get(kommuner, {"q": query}).content.decode()


def test_admin_searches_survive_odd_input(client, editor, site_tree, orebro):
    # Something in every listing searched.
    PolicyRecordFactory(municipality=orebro)
    OrganisationFactory(municipality=orebro)
    ImageFactory()
    client.force_login(editor)
    listings = [
        reverse("wagtailsnippets_kommuner_organisation:list"),
        reverse("wagtailsnippets_kommuner_municipality:list"),
        reverse("wagtailsnippets_kommuner_policyrecord:list"),
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailadmin_choose_page_search"),
        reverse("wagtaildocs:index"),
        reverse("wagtailimages:index"),
    ]
    for url in listings:
        for query in (
            '"',
            'dia"log',
            "dialog\x00",
            "\x01\x02",
            "\u200b",
            "NOT",
            "a OR",
            "*",
            "\\",
        ):
            assert client.get(url, {"q": query}).status_code == 200, (url, query)
