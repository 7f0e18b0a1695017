"""Municipal officials keep their own kommun's record and organisations; the kansli all."""

import re

from django.urls import reverse

from wagtail.models import Revision

import pytest

from kommuner.models import FIRST_YEAR, AgreementStatus, Organisation, PolicyRecord
from tests.kommuner.factories import OrganisationFactory

ORG_NUMBER = "802002-4280"


def record_data(record=None, **overrides):
    data = {
        "loaded_at": record.updated_at.isoformat() if record and record.pk else "",
        "agreement_status": "antagen",
        "agreement_year": "2019",
        "agreement_url": "https://www.example.se/overenskommelse",
        "agreement_parties": "Kommunen och Föreningsrådet",
        "mapping_status": "pagar",
        "mapping_date": "2026-09-01",
        "contact_name": "Hanna Handläggare",
        "contact_title": "Utvecklingsledare",
        "contact_email": "civilsamhalle@example.se",
        "contact_phone": "019-12 34 56",
        "iop-TOTAL_FORMS": "1",
        "iop-INITIAL_FORMS": "0",
        "iop-MIN_NUM_FORMS": "0",
        "iop-MAX_NUM_FORMS": "1000",
        "iop-0-partner_name": "Kvinnojouren Exempelstad",
        "iop-0-area": "Kvinnojour",
        "iop-0-start_year": "2021",
        "iop-0-end_year": "2027",
        "iop-0-url": "",
        "dokument-TOTAL_FORMS": "1",
        "dokument-INITIAL_FORMS": "0",
        "dokument-MIN_NUM_FORMS": "0",
        "dokument-MAX_NUM_FORMS": "1000",
        "dokument-0-title": "",
        "dokument-0-document_type": "policy",
        "dokument-0-adopted_on": "",
        "dokument-0-revised_on": "",
        "dokument-0-url": "",
    }
    data.update(overrides)
    return data


def record_url(municipality):
    return reverse("min_kommun:record", args=[municipality.slug])


def test_official_sees_their_kommun_on_min_kommun(client, official_of_orebro, orebro):
    client.force_login(official_of_orebro)
    html = client.get(reverse("min_kommun:index")).content.decode()
    assert orebro.name in html
    assert "Alla kommuner" not in html


def test_official_updates_the_record_and_a_revision_is_kept(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    response = client.post(record_url(orebro), record_data())
    assert response.status_code == 302
    # To the content, where the confirmation is, whatever field the form was sent from.
    assert response["Location"] == record_url(orebro) + "#main"
    confirmation = client.get(response["Location"]).content.decode()
    assert 'role="status" class="message"' in confirmation
    record = PolicyRecord.objects.get(municipality=orebro)
    assert record.agreement_status == AgreementStatus.ADOPTED
    assert record.partnerships.get().partner_name == "Kvinnojouren Exempelstad"
    revision = Revision.objects.for_instance(record).get()
    assert revision.user == official_of_orebro
    assert revision.content["agreement_status"] == "antagen"

    response = client.post(
        record_url(orebro),
        record_data(
            record,
            agreement_status="reviderad",
            agreement_year="2024",
            **{"iop-INITIAL_FORMS": "0", "iop-TOTAL_FORMS": "0"},
        ),
    )
    assert response.status_code == 302
    assert Revision.objects.for_instance(record).count() == 2
    follow = client.get(record_url(orebro)).content.decode()
    assert "Tidigare versioner" in follow
    assert "Hanna Handläggare" in follow


def test_bad_input_gives_swedish_errors_and_saves_nothing(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    data = record_data(agreement_year="", **{"iop-0-end_year": "2015"})
    response = client.post(record_url(orebro), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ange året då överenskommelsen antogs eller reviderades." in html
    assert "Slutåret kan inte vara före startåret." in html
    assert 'value="Kvinnojouren Exempelstad"' in html  # what the user typed is kept
    assert not PolicyRecord.objects.filter(municipality=orebro).exists()


@pytest.mark.parametrize(
    "field,value",
    [
        ("agreement_year", "tvåtusen"),
        ("agreement_year", "1999"),
        ("mapping_date", "2026-13-45"),
        ("contact_email", "inte en adress"),
        ("agreement_status", "påhittad"),
        ("iop-TOTAL_FORMS", "x"),
    ],
)
def test_hostile_record_input_never_500s(
    client, official_of_orebro, orebro, field, value
):
    client.force_login(official_of_orebro)
    response = client.post(record_url(orebro), record_data(**{field: value}))
    assert response.status_code in (200, 400)
    assert not PolicyRecord.objects.filter(municipality=orebro).exists()


def test_a_stale_form_does_not_overwrite_someone_elses_save(
    client, official_of_orebro, orebro, editor
):
    client.force_login(official_of_orebro)
    client.post(record_url(orebro), record_data())
    record = PolicyRecord.objects.get(municipality=orebro)
    stale = record_data(
        record, agreement_status="saknas", agreement_year="", **{"iop-TOTAL_FORMS": "0"}
    )
    # Someone at the kansli saves in between.
    record.contact_name = "Kansliet"
    record.save()
    response = client.post(record_url(orebro), stale)
    assert response.status_code == 200
    assert "Någon annan har sparat ändringar" in response.content.decode()
    record.refresh_from_db()
    assert record.agreement_status == AgreementStatus.ADOPTED


def test_official_adds_edits_and_deletes_an_organisation(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    add_url = reverse("min_kommun:organisation_add", args=[orebro.slug])
    response = client.post(
        add_url,
        {
            "name": "Läxhjälpen i Örebro",
            "org_number": "8020024280",
            "form": "ideell_forening",
            "areas": ["barn_och_unga", "integration"],
            "website": "https://laxhjalpen.example.se",
            "email": "info@laxhjalpen.example.se",
            "signed_national_agreement": "on",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(org_number=ORG_NUMBER)
    assert organisation.municipality == orebro
    assert organisation.areas == ["barn_och_unga", "integration"]

    edit_url = reverse(
        "min_kommun:organisation_edit", args=[orebro.slug, organisation.pk]
    )
    response = client.post(
        edit_url,
        {"name": "Läxhjälpen", "org_number": ORG_NUMBER, "form": "ideell_forening"},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Läxhjälpen"

    delete_url = reverse(
        "min_kommun:organisation_delete", args=[orebro.slug, organisation.pk]
    )
    assert client.post(delete_url).status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


@pytest.mark.parametrize(
    "org_number,message",
    [
        ("123", "inte ett giltigt organisationsnummer"),
        ("802002-4281", "Kontrollsiffran stämmer inte i 802002-4281"),
        ("802002-428", "inte ett giltigt organisationsnummer (tio siffror"),
        ("80200A-4280", "inte ett giltigt organisationsnummer (tio siffror"),
        ("", "Skriv organisationsnumret."),
    ],
)
def test_organisation_number_is_validated_in_swedish(
    client, official_of_orebro, orebro, org_number, message
):
    client.force_login(official_of_orebro)
    response = client.post(
        reverse("min_kommun:organisation_add", args=[orebro.slug]),
        {"name": "X", "org_number": org_number, "form": "ideell_forening"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_same_organisation_number_cannot_be_registered_twice(
    client, official_of_orebro, orebro
):
    OrganisationFactory(
        name="Första", org_number=ORG_NUMBER, form="stiftelse", municipality=None
    )
    client.force_login(official_of_orebro)
    response = client.post(
        reverse("min_kommun:organisation_add", args=[orebro.slug]),
        {"name": "Andra", "org_number": "8020024280", "form": "ideell_forening"},
    )
    assert (
        "Organisationen finns redan som nationell organisation: Första."
        in response.content.decode()
    )
    assert Organisation.objects.filter(org_number=ORG_NUMBER).count() == 1


def test_kansli_can_pick_any_kommun(client, kansli_user):
    client.force_login(kansli_user)
    html = client.get(reverse("min_kommun:index") + "?q=Kiruna").content.decode()
    assert "Kiruna" in html
    assert "Alla kommuner" in html


def test_account_page_links_officials_to_min_kommun(
    client, official_of_orebro, circle_leader
):
    client.force_login(official_of_orebro)
    assert reverse("min_kommun:index") in client.get("/konto/").content.decode()
    client.force_login(circle_leader)
    assert reverse("min_kommun:index") not in client.get("/konto/").content.decode()


# Year limits and the error summary of the record form.


def year_inputs(html):
    """The year inputs of the record form, as their tags."""
    return {
        name: re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group()
        for name in ("agreement_year", "iop-0-start_year", "iop-0-end_year")
    }


def test_year_inputs_have_the_limits_the_server_checks(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    html = client.get(record_url(orebro)).content.decode()
    for name, tag in year_inputs(html).items():
        assert f'min="{FIRST_YEAR}"' in tag, name
        assert 'max="2100"' in tag, name
        assert 'min="0"' not in tag, name


@pytest.mark.parametrize(
    "value,message",
    [
        ("2007", "Skriv ett år från 2008 och framåt."),
        ("2101", "Skriv ett år till och med 2100."),
        ("tjugo", "Skriv året med fyra siffror, till exempel 2021."),
    ],
)
def test_a_year_outside_the_limits_gets_a_swedish_message(
    client, official_of_orebro, orebro, value, message
):
    client.force_login(official_of_orebro)
    for field in ("agreement_year", "iop-0-start_year"):
        response = client.post(record_url(orebro), record_data(**{field: value}))
        assert message in summary_of(response), field
    assert not PolicyRecord.objects.filter(municipality=orebro).exists()


def summary_of(response):
    html = response.content.decode()
    assert response.status_code == 200
    return html.split('id="error-summary"')[1].split("</ul>")[0]


def test_the_summary_lists_the_rows_errors_each_linked_to_its_field(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    data = record_data(
        agreement_year="",
        **{
            "iop-0-start_year": "2007",
            "iop-0-end_year": "2006",
            "dokument-0-url": "https://www.example.se/policy",  # a row without title
        },
    )
    summary = summary_of(client.post(record_url(orebro), data))
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert links == [
        (
            "id_agreement_year",
            "År antagen eller reviderad: Ange året då överenskommelsen antogs eller "
            "reviderades.",
        ),
        (
            "id_iop-0-start_year",
            "IOP – idéburna offentliga partnerskap – Nytt partnerskap – Startår: "
            "Skriv ett år från 2008 och framåt.",
        ),
        (
            "id_iop-0-end_year",
            "IOP – idéburna offentliga partnerskap – Nytt partnerskap – Slutår: "
            "Skriv ett år från 2008 och framåt.",
        ),
        (
            "id_dokument-0-title",
            "Policydokument och riktlinjer – Nytt dokument – Titel: Skriv dokumentets "
            "titel.",
        ),
    ]
    html = client.post(record_url(orebro), data).content.decode()
    for anchor, _text in links:
        assert f'id="{anchor}"' in html


def test_the_summary_names_a_saved_row_by_what_it_holds(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    client.post(record_url(orebro), record_data())
    record = PolicyRecord.objects.get(municipality=orebro)
    partnership = record.partnerships.get()
    data = record_data(
        record,
        **{
            "iop-TOTAL_FORMS": "1",
            "iop-INITIAL_FORMS": "1",
            "iop-0-id": str(partnership.pk),
            "iop-0-record": str(record.pk),
            "iop-0-end_year": "2020",
        },
    )
    summary = summary_of(client.post(record_url(orebro), data))
    assert (
        '<a href="#id_iop-0-end_year">IOP – idéburna offentliga partnerskap – '
        "Kvinnojouren Exempelstad (Kvinnojour) – Slutår: Slutåret kan inte vara före "
        "startåret.</a>"
    ) in summary


def test_the_summary_comes_first_in_main_and_takes_the_focus(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    html = client.post(record_url(orebro), record_data(agreement_year="")).content
    html = html.decode()
    main = html.split('<main id="main" tabindex="-1">')[1]
    first_element = re.search(r"<(?!div class=\"container\")[a-z]+[^>]*>", main).group()
    assert 'id="error-summary"' in first_element
    assert 'tabindex="-1"' in first_element
    summary = html.split('id="error-summary"')[1].split("</div>")[0]
    assert re.search(r'<script src="[^"]*js/error-summary[^"]*\.js" defer>', summary)


def test_a_page_without_errors_has_no_summary_and_no_script(
    client, official_of_orebro, orebro
):
    client.force_login(official_of_orebro)
    html = client.get(record_url(orebro)).content.decode()
    assert "error-summary" not in html
