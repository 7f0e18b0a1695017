"""An organisation has one home kommun, and may be marked as active in others.

Örebro is the home kommun of Örebroföreningen; Kiruna's official marks it as active in
Kiruna, which puts it on Kiruna's lists without letting Kiruna change it.
"""

import json

from django.urls import reverse

import pytest

from kommuner.models import Organisation, OrganisationPresence
from tests.kommuner.factories import (
    OrganisationFactory,
    OrganisationPresenceFactory,
)

NUMBER = "802002-4280"


@pytest.fixture
def orebros_organisation(orebro):
    return OrganisationFactory(
        name="Örebroföreningen",
        org_number=NUMBER,
        form="ideell_forening",
        municipality=orebro,
    )


def min_kommun(name, municipality, *args):
    return reverse(f"min_kommun:{name}", args=[municipality.slug, *args])


def add(client, municipality, number=NUMBER):
    return client.post(
        min_kommun("organisation_add", municipality),
        {"name": "Samma förening", "org_number": number, "form": "ideell_forening"},
    )


def followed(client, response):
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


# The add form's answer, and the offer.


def test_the_add_form_names_the_home_kommun_and_offers_the_mark(
    client, official_of_kiruna, kiruna, orebros_organisation
):
    client.force_login(official_of_kiruna)
    response = add(client, kiruna, number="8020024280")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Organisationen finns redan i Örebro (hemkommun): Örebroföreningen." in html
    assert 'href="#id_org_number"' in html
    assert "Markera som verksam i Kiruna" in html
    assert min_kommun("organisation_mark_active", kiruna) in html
    assert f'name="organisation" value="{orebros_organisation.pk}"' in html
    assert Organisation.objects.filter(org_number=NUMBER).count() == 1
    assert not OrganisationPresence.objects.exists()


def test_the_add_form_in_the_home_kommun_says_it_is_there_and_offers_nothing(
    client, official_of_orebro, orebro, orebros_organisation
):
    client.force_login(official_of_orebro)
    html = add(client, orebro).content.decode()
    assert (
        "Organisationen finns redan i registret för Örebro: Örebroföreningen." in html
    )
    assert "Markera som verksam" not in html


def test_the_add_form_says_when_it_is_already_marked(
    client, official_of_kiruna, kiruna, orebros_organisation
):
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    client.force_login(official_of_kiruna)
    html = add(client, kiruna).content.decode()
    assert "Örebroföreningen är redan markerad som verksam i Kiruna." in html
    assert "Markera som verksam i Kiruna" not in html


def test_a_national_organisation_can_be_marked_too(client, official_of_kiruna, kiruna):
    national = OrganisationFactory(name="Riksförbundet", municipality=None)
    client.force_login(official_of_kiruna)
    html = add(client, kiruna, number=national.org_number).content.decode()
    assert (
        "Organisationen finns redan som nationell organisation: Riksförbundet." in html
    )
    assert "Markera som verksam i Kiruna" in html


# Marking, the lists, and taking it off the list.


def test_marking_links_the_organisation_without_changing_it(
    client, official_of_kiruna, kiruna, orebro, orebros_organisation
):
    before = Organisation.objects.filter(pk=orebros_organisation.pk).values().get()
    client.force_login(official_of_kiruna)
    response = client.post(
        min_kommun("organisation_mark_active", kiruna),
        {"organisation": orebros_organisation.pk},
    )
    assert response["Location"] == min_kommun("organisations", kiruna) + "#main"
    html = followed(client, response)
    assert "Örebroföreningen är markerad som verksam i Kiruna." in html
    presence = OrganisationPresence.objects.get()
    assert (presence.organisation, presence.municipality) == (
        orebros_organisation,
        kiruna,
    )
    assert presence.added_by == official_of_kiruna
    assert Organisation.objects.filter(pk=orebros_organisation.pk).values().get() == (
        before
    )
    assert list(orebros_organisation.active_in.all()) == [kiruna]


def test_marking_twice_or_in_the_home_kommun_is_refused_with_a_message(
    client, official_of_orebro, official_of_kiruna, orebro, kiruna, orebros_organisation
):
    client.force_login(official_of_kiruna)
    url = min_kommun("organisation_mark_active", kiruna)
    client.post(url, {"organisation": orebros_organisation.pk})
    html = followed(client, client.post(url, {"organisation": orebros_organisation.pk}))
    assert "Örebroföreningen är redan markerad som verksam i Kiruna." in html
    assert OrganisationPresence.objects.count() == 1

    client.force_login(official_of_orebro)
    html = followed(
        client,
        client.post(
            min_kommun("organisation_mark_active", orebro),
            {"organisation": orebros_organisation.pk},
        ),
    )
    assert "Örebroföreningen har redan Örebro som hemkommun." in html
    assert OrganisationPresence.objects.count() == 1


def test_marking_an_organisation_that_is_gone_is_refused(
    client, official_of_kiruna, kiruna
):
    client.force_login(official_of_kiruna)
    response = client.post(
        min_kommun("organisation_mark_active", kiruna), {"organisation": "999999"}
    )
    assert "Organisationen finns inte längre i registret." in followed(client, response)
    assert client.get(min_kommun("organisation_mark_active", kiruna)).status_code == 405


def test_the_list_shows_own_organisations_editable_and_marked_ones_removable_only(
    client, official_of_kiruna, kiruna, orebros_organisation
):
    own = OrganisationFactory(name="Kirunaföreningen", municipality=kiruna)
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    client.force_login(official_of_kiruna)
    html = client.get(min_kommun("organisations", kiruna)).content.decode()
    own_part, marked_part = html.split('id="verksamma-har"')
    assert '<th scope="col">Organisationsform</th>' in own_part
    assert "Formulär" not in html
    assert "Kirunaföreningen" in own_part
    assert min_kommun("organisation_edit", kiruna, own.pk) in own_part
    assert "Örebroföreningen" not in own_part
    assert "Örebroföreningen" in marked_part
    assert "Örebro</td>" in marked_part
    pk = orebros_organisation.pk
    assert min_kommun("organisation_unmark_active", kiruna, pk) in marked_part
    assert min_kommun("organisation_edit", kiruna, pk) not in html
    assert min_kommun("organisation_delete", kiruna, pk) not in html
    assert "1 organisation med hemkommun någon annanstans" in marked_part


def test_the_marking_kommun_cannot_edit_or_delete_the_organisation(
    client, official_of_kiruna, kiruna, orebros_organisation
):
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    client.force_login(official_of_kiruna)
    pk = orebros_organisation.pk
    for name in ("organisation_edit", "organisation_delete"):
        url = min_kommun(name, kiruna, pk)
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "Kapad"}).status_code == 404
    assert Organisation.objects.get(pk=pk).name == "Örebroföreningen"


def test_taking_it_off_the_list_leaves_the_organisation_in_its_home_kommun(
    client, official_of_kiruna, kiruna, orebro, orebros_organisation
):
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    client.force_login(official_of_kiruna)
    url = min_kommun("organisation_unmark_active", kiruna, orebros_organisation.pk)
    confirmation = client.get(url).content.decode()
    assert "Ta bort Örebroföreningen från listan för Kiruna?" in confirmation
    assert "Den finns kvar i registret för sin hemkommun, Örebro" in confirmation
    html = followed(client, client.post(url))
    assert "Örebroföreningen är borttagen ur listan för Kiruna." in html
    assert not OrganisationPresence.objects.exists()
    assert Organisation.objects.get(pk=orebros_organisation.pk).municipality == orebro
    assert client.post(url).status_code == 404


def test_the_home_kommun_cannot_take_it_off_another_kommuns_list(
    client, official_of_orebro, kiruna, orebro, orebros_organisation
):
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    client.force_login(official_of_orebro)
    url = min_kommun("organisation_unmark_active", kiruna, orebros_organisation.pk)
    assert client.post(url).status_code == 403
    # Nor through its own kommun's address: there is no such mark in Örebro.
    own_url = min_kommun("organisation_unmark_active", orebro, orebros_organisation.pk)
    assert client.post(own_url).status_code == 404
    assert OrganisationPresence.objects.count() == 1


def test_deleting_the_organisation_in_its_home_kommun_takes_it_off_every_list(
    client, official_of_orebro, orebro, kiruna, stockholm, orebros_organisation
):
    for kommun in (kiruna, stockholm):
        OrganisationPresenceFactory(
            organisation=orebros_organisation, municipality=kommun
        )
    client.force_login(official_of_orebro)
    url = min_kommun("organisation_delete", orebro, orebros_organisation.pk)
    assert (
        "markerad som verksam i Kiruna, Stockholm" in client.get(url).content.decode()
    )
    client.post(url)
    assert not OrganisationPresence.objects.exists()


def test_moving_the_home_to_a_kommun_where_it_is_marked_removes_the_mark(
    orebros_organisation, kiruna, stockholm
):
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    OrganisationPresenceFactory(
        organisation=orebros_organisation, municipality=stockholm
    )
    orebros_organisation.municipality = kiruna  # the kansli, in the admin
    orebros_organisation.save()
    assert list(orebros_organisation.active_in.all()) == [stockholm]


# The public pages and open data.


def test_the_kommun_page_lists_both_and_says_where_the_marked_ones_are_at_home(
    client, kommun_index, kiruna, orebros_organisation
):
    OrganisationFactory(name="Kirunaföreningen", municipality=kiruna)
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    html = client.get("/kommuner/kiruna/").content.decode()
    own_part, marked_part = html.split('id="verksamma-har"')
    assert "Kirunaföreningen" in own_part
    assert "1 idéburen organisation i Kiruna" in own_part
    assert "Örebroföreningen" not in own_part
    assert "Örebroföreningen" in marked_part
    assert '<a href="/kommuner/orebro/">Örebro</a>' in marked_part

    orebro_page = client.get("/kommuner/orebro/").content.decode()
    assert "Örebroföreningen" in orebro_page
    assert 'id="verksamma-har"' not in orebro_page


def test_a_mark_refreshes_the_cached_kommun_page(
    client, kommun_index, kiruna, orebros_organisation
):
    assert "Örebroföreningen" not in client.get("/kommuner/kiruna/").content.decode()
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    assert "Örebroföreningen" in client.get("/kommuner/kiruna/").content.decode()


def test_open_data_counts_the_marked_organisations_apart(
    client, kommun_index, kiruna, orebro, orebros_organisation
):
    OrganisationFactory(municipality=kiruna)
    OrganisationPresenceFactory(organisation=orebros_organisation, municipality=kiruna)
    document = json.loads(client.get("/kommuner/data/json/").content)
    rows = {row["kommunkod"]: row for row in document["kommuner"]}
    assert rows[kiruna.code]["antal_organisationer"] == 1
    assert rows[kiruna.code]["antal_organisationer_verksamma"] == 1
    assert rows[orebro.code]["antal_organisationer"] == 1
    assert rows[orebro.code]["antal_organisationer_verksamma"] == 0
    assert "antal_organisationer_verksamma" in document["falt"]
    csv_text = client.get("/kommuner/data/csv/").content.decode("utf-8-sig")
    assert "antal_organisationer_verksamma" in csv_text.splitlines()[0]


def test_the_admins_organisation_form_does_not_edit_the_marks(
    client, editor, orebros_organisation
):
    client.force_login(editor)
    url = reverse(
        "wagtailsnippets_kommuner_organisation:edit", args=[orebros_organisation.pk]
    )
    html = client.get(url).content.decode()
    assert "Örebroföreningen" in html
    assert 'name="active_in"' not in html
