"""The public kommun pages: overview, filters, postal code search, kommun and län pages, open data."""

import csv
import io
import json
import re

from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from home.cache import cache_key as page_cache_key
from home.models import HomePage
from kommuner import open_data
from kommuner.models import (
    AgreementStatus,
    County,
    IOPPartnership,
    KommunIndexPage,
    Municipality,
    Organisation,
    OrganisationPresence,
    PolicyRecord,
)
from kommuner.models.pages import kommuner_home_section
from tests.kommuner.factories import (
    IOPPartnershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PolicyDocumentFactory,
    PolicyRecordFactory,
)

OVERVIEW = "/kommuner/"
MAX_QUERIES = 8


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def count_queries(client, url):
    """Queries for a render that misses the page cache, with the shared chrome cached."""
    client.get(url)
    caches["pages"].delete(page_cache_key(RequestFactory().get(url)))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_organisations(municipality, count):
    """`count` organisations in the kommun, written in one query as a register is imported."""
    Organisation.objects.bulk_create(
        OrganisationFactory.build_batch(
            count, municipality=municipality, areas=["barn_och_unga", "folkhalsa"]
        )
    )


def make_record(municipality, **fields):
    """A record with two IOPs, a policy document and a contact person."""
    record = PolicyRecordFactory(municipality=municipality, **fields)
    IOPPartnershipFactory.create_batch(2, record=record)
    PolicyDocumentFactory(record=record, title="Testpolicy")
    return record


# The page in the tree.


def test_kommun_index_page_lives_only_under_the_home_page_and_has_no_children():
    assert set(KommunIndexPage.allowed_parent_page_models()) == {HomePage}
    assert KommunIndexPage.creatable_subpage_models() == []


def test_kommun_index_page_is_a_singleton(kommun_index):
    assert KommunIndexPage.max_count == 1
    assert not KommunIndexPage.can_create_at(kommun_index.get_parent())


def test_editor_can_open_the_overview_page_in_the_admin(client, kommun_index, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{kommun_index.pk}/edit/")
    assert response.status_code == 200
    assert "Kommuner och regioner" in response.content.decode()


# The overview.


def test_overview_lists_all_290_kommuner_with_links(client, kommun_index):
    response = client.get(OVERVIEW)
    html = html_of(response)
    assert len(response.context["municipalities"]) == 290
    assert html.count("<tr data-kod=") == 290
    assert html.count("<h1") == 1
    assert '<a href="/kommuner/goteborg/">Göteborg</a>' in html
    assert '<a href="/kommuner/habo-uppsala/">Håbo</a>' in html


def test_overview_sorts_names_in_swedish_order(client, kommun_index):
    names = [m.name for m in client.get(OVERVIEW).context["municipalities"]]
    positions = [names.index(name) for name in ("Ystad", "Åre", "Älmhult", "Örebro")]
    assert positions == sorted(positions)


def test_overview_has_title_meta_description_and_labelled_forms(client, kommun_index):
    html = html_of(client.get(OVERVIEW))
    head = html.split("</head>")[0]
    assert "<title>Kommuner och regioner – " in head
    assert '<meta name="description" content="' in head
    assert 'content=""' not in head
    for field in ("id_postnummer", "id_lan", "id_status"):
        assert f'<label for="{field}">' in html
    assert 'action="/kommuner/postnummer/"' in html


def test_overview_filters_by_lan(client, kommun_index):
    response = client.get(OVERVIEW, {"lan": "vasterbotten"})
    shown = response.context["municipalities"]
    assert len(shown) == Municipality.objects.filter(county__code="24").count() == 15
    assert {m.county.code for m in shown} == {"24"}
    assert 'href="/kommuner/?lan=vasterbotten#kommuner" aria-current="true"' in html_of(
        response
    )


@pytest.mark.parametrize("status", ["antagen", "reviderad", "dialog"])
def test_overview_filters_by_status(client, records_across_the_country, status):
    shown = client.get(OVERVIEW, {"status": status}).context["municipalities"]
    expected = set(
        PolicyRecord.objects.filter(
            agreement_status=status, municipality__isnull=False
        ).values_list("municipality__code", flat=True)
    )
    assert expected
    assert {m.code for m in shown} == expected


def test_status_saknas_includes_kommuner_without_a_record(
    client, records_across_the_country
):
    shown = client.get(OVERVIEW, {"status": "saknas"}).context["municipalities"]
    with_other_status = PolicyRecord.objects.filter(municipality__isnull=False).exclude(
        agreement_status="saknas"
    )
    assert len(shown) == 290 - with_other_status.count()
    codes = {m.code for m in shown}
    assert "0180" in codes  # Stockholm: no record at all
    assert "2580" in codes  # Luleå: a record that says saknas


def test_lan_and_status_filters_combine(client, records_across_the_country):
    shown = client.get(OVERVIEW, {"lan": "skane", "status": "reviderad"}).context[
        "municipalities"
    ]
    assert [m.name for m in shown] == ["Malmö"]


@pytest.mark.parametrize(
    "params",
    [
        {"lan": "atlantis"},
        {"status": "påhittad"},
        {"lan": "x" * 5000, "status": "<script>"},
        {"lan": "\x00"},
        {"sida": "2", "status": ""},
    ],
)
def test_bad_filter_values_are_ignored_without_an_error(client, kommun_index, params):
    response = client.get(OVERVIEW, params)
    html = html_of(response)
    assert len(response.context["municipalities"]) == 290
    assert "<script>" not in html


def test_counts_per_status_and_per_lan_match_the_data(
    client, records_across_the_country
):
    make_record(MunicipalityFactory(code="0114"), agreement_status="dialog")
    html = html_of(client.get(OVERVIEW))

    record_status = dict(
        PolicyRecord.objects.filter(municipality__isnull=False).values_list(
            "municipality_id", "agreement_status"
        )
    )
    statuses = dict.fromkeys(AgreementStatus.values, 0)
    per_county = {}
    for municipality in Municipality.objects.select_related("county"):
        status = record_status.get(municipality.pk, "saknas")
        statuses[status] += 1
        per_county.setdefault(
            municipality.county.code, dict.fromkeys(AgreementStatus.values, 0)
        )[status] += 1

    for status, count in statuses.items():
        assert f'<td data-status="{status}">{count}</td>' in html
    assert statuses["dialog"] >= 4

    for code, counts in per_county.items():
        row = re.search(rf'<tr data-lan="{code}">(.*?)</tr>', html, re.S).group(1)
        cells = [int(cell) for cell in re.findall(r"<td>(\d+)</td>", row)]
        assert cells == [sum(counts.values()), *counts.values()], code
    assert len(per_county) == 21


def test_tile_map_has_all_21_lan_as_a_list_of_links(client, kommun_index):
    html = html_of(client.get(OVERVIEW))
    tile_map = html.split('<ol class="tile-map">')[1].split("</ol>")[0]
    for county in County.objects.all():
        assert f'href="/kommuner/?lan={county.slug}#kommuner"' in tile_map
    assert tile_map.count("<li") == 21


def test_open_data_is_documented_on_the_overview(client, kommun_index):
    html = html_of(client.get(OVERVIEW))
    assert 'href="/kommuner/data/csv/"' in html
    assert 'href="/kommuner/data/json/"' in html
    assert "CC0" in html
    assert "Kontaktpersoner ingår inte" in html
    for name in open_data.FIELD_NAMES:
        assert f"<code>{name}</code>" in html


def test_the_overview_says_how_to_read_the_csv_with_its_codes_as_text(
    client, kommun_index
):
    html = html_of(client.get(OVERVIEW))
    section = html.split('id="oppna-data"')[1]
    assert "semikolon (;)" in section
    assert "UTF-8 med byte order mark (BOM)" in section
    assert "läs dem som text" in section
    assert "null i JSON och en tom cell i CSV" in section
    csv_url = "http://testserver/kommuner/data/csv/"
    assert (
        f'<code>pd.read_csv("{csv_url}", sep=";", encoding="utf-8-sig", dtype=str)'
        "</code>"
    ) in section
    assert (
        f'<code>read.csv2("{csv_url}", fileEncoding = "UTF-8-BOM", '
        'colClasses = "character")</code>'
    ) in section


# Postal code search.


@pytest.mark.parametrize("code", ["114 55", "11455", " 114 55 ", "114\u00a055"])
def test_postal_code_leads_to_its_kommun(client, kommun_index, code):
    response = client.get("/kommuner/postnummer/", {"postnummer": code})
    assert response.status_code == 302
    assert response["Location"] == "/kommuner/stockholm/"


@pytest.mark.parametrize(
    "code,message",
    [
        ("abc", "Skriv postnumret med fem siffror"),
        ("1234567", "Skriv postnumret med fem siffror"),
        ("1" * 5000, "Skriv postnumret med fem siffror"),
        ("<script>alert(1)</script>", "Skriv postnumret med fem siffror"),
        ("", "Skriv ett postnummer."),
        ("00000", "Vi hittar inte postnumret 000 00."),
    ],
)
def test_bad_postal_code_gives_a_swedish_message(client, kommun_index, code, message):
    response = client.get("/kommuner/postnummer/", {"postnummer": code})
    html = html_of(response)
    assert message in html
    assert "<script>alert" not in html
    assert "<title>Fel: " in html
    assert 'href="#id_postnummer"' in html  # the error summary leads to the field


def test_postal_code_route_without_a_parameter_asks_for_one(client, kommun_index):
    assert "Skriv ett postnummer." in html_of(client.get("/kommuner/postnummer/"))


# A kommun.


def test_kommun_page_shows_its_record_iops_and_organisations(
    client, records_across_the_country
):
    record = records_across_the_country["1480"]
    goteborg = record.municipality
    response = client.get("/kommuner/goteborg/")
    html = html_of(response)
    assert html.count("<h1") == 1
    assert "<title>Göteborg – Kommuner och regioner" in html
    assert "Reviderad" in html
    assert str(record.agreement_year) in html
    for partnership in record.partnerships.all():
        assert partnership.partner_name in html
    for document in record.policy_documents.all():
        assert document.title in html
    organisations = goteborg.organisations.all()
    assert organisations.count() >= 10
    for organisation in organisations:
        assert organisation.name in html
    assert record.contact_name in html
    assert '<a href="/kommuner/lan/vastra-gotaland/">Västra Götalands län</a>' in html
    assert 'aria-current="page">Göteborg</a>' in html


def test_kommun_without_record_says_so(client, kommun_index):
    html = html_of(client.get("/kommuner/kiruna/"))
    assert "Kommunen har inga uppgifter ännu." in html
    assert "Inga lokala organisationer är registrerade" in html


def test_kommun_page_shows_the_regions_record(client, records_across_the_country):
    html = html_of(client.get("/kommuner/umea/"))
    assert "Regionen i Västerbottens län: lokal överenskommelse Antagen" in html


def test_kommun_code_redirects_permanently_to_the_name(client, kommun_index):
    response = client.get("/kommuner/1480/")
    assert response.status_code == 301
    assert response["Location"] == "/kommuner/goteborg/"


@pytest.mark.parametrize(
    "url", ["/kommuner/finns-inte/", "/kommuner/0000/", "/kommuner/lan/atlantis/"]
)
def test_unknown_kommun_code_or_lan_is_404(client, kommun_index, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_habo_and_habo_have_their_own_pages(client, kommun_index):
    assert "Uppsala län" in html_of(client.get("/kommuner/habo-uppsala/"))
    assert "Jönköpings län" in html_of(client.get("/kommuner/habo-jonkoping/"))


# A län.


def test_lan_page_lists_its_kommuner_and_the_regions_record(
    client, records_across_the_country
):
    response = client.get("/kommuner/lan/vasterbotten/")
    html = html_of(response)
    assert html.count("<h1") == 1
    assert "<title>Västerbottens län – " in html
    assert len(response.context["municipalities"]) == 15
    assert '<a href="/kommuner/umea/">Umeå</a>' in html
    region = PolicyRecord.objects.get(county__code="24")
    assert region.agreement_parties in html
    assert region.partnerships.first().partner_name in html


def test_lan_without_region_record_says_so(client, kommun_index):
    assert "Regionen har inga uppgifter ännu." in html_of(
        client.get("/kommuner/lan/gotland/")
    )


# Open data.


def read_csv(client):
    response = client.get("/kommuner/data/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return text, list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def read_json(client):
    response = client.get("/kommuner/data/json/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.content.decode("utf-8"), json.loads(response.content)


def test_csv_has_one_row_per_kommun_with_the_documented_fields(
    client, records_across_the_country
):
    _text, rows = read_csv(client)
    assert len(rows) == 290
    assert list(rows[0]) == open_data.FIELD_NAMES
    goteborg = next(row for row in rows if row["kommunkod"] == "1480")
    assert goteborg["kommun"] == "Göteborg"
    assert goteborg["lan"] == "Västra Götalands län"
    assert goteborg["overenskommelse_status"] == "reviderad"
    assert goteborg["sida"] == "http://testserver/kommuner/goteborg/"


def test_json_has_description_licence_date_and_290_kommuner(client, kommun_index):
    _text, document = read_json(client)
    assert {"beskrivning", "licens", "uppdaterad", "kommuner"} <= set(document)
    assert "CC0" in document["licens"]["namn"]
    assert len(document["kommuner"]) == 290
    assert [row["kommunkod"] for row in document["kommuner"]] == sorted(
        Municipality.objects.values_list("code", flat=True)
    )


def test_json_writes_every_missing_value_as_null_never_as_an_empty_string(
    client, records_across_the_country, kiruna
):
    # Kiruna: a record with neither link, mapping date nor year; most: no record.
    PolicyRecordFactory(
        municipality=kiruna,
        agreement_status="dialog",
        agreement_url="",
        mapping_date=None,
    )
    _text, document = read_json(client)

    def strings(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    assert "" not in list(strings(document))
    rows = {row["kommunkod"]: row for row in document["kommuner"]}
    without_record = rows["0180"]  # Stockholm
    for name in (
        "overenskommelse_ar",
        "overenskommelse_lank",
        "kartlaggning_status",
        "kartlaggning_datum",
        "senast_andrad",
    ):
        assert without_record[name] is None, name
    assert set(rows["0180"]) == set(open_data.FIELD_NAMES)
    assert rows[kiruna.code]["overenskommelse_lank"] is None
    assert rows[kiruna.code]["kartlaggning_datum"] is None
    assert rows[kiruna.code]["kartlaggning_status"] == "ej_paborjad"
    assert "null" in document["saknade_varden"]

    # The CSV has an empty cell for each of them.
    _csv_text, csv_rows = read_csv(client)
    stockholm = next(row for row in csv_rows if row["kommunkod"] == "0180")
    assert stockholm["overenskommelse_ar"] == stockholm["senast_andrad"] == ""


def test_open_data_counts_match_the_data(client, records_across_the_country):
    _text, document = read_json(client)
    rows = {row["kommunkod"]: row for row in document["kommuner"]}
    for municipality in Municipality.objects.all():
        row = rows[municipality.code]
        assert row["antal_organisationer"] == municipality.organisations.count()
        assert (
            row["antal_iop"]
            == IOPPartnership.objects.filter(record__municipality=municipality).count()
        )


def test_open_data_contains_no_contact_person(
    client, records_across_the_country, kiruna
):
    make_record(kiruna)
    csv_text, _rows = read_csv(client)
    json_text, _document = read_json(client)
    records = PolicyRecord.objects.exclude(contact_name="")
    assert records.count() >= 10
    for text in (csv_text, json_text):
        for record in records:
            assert record.contact_name not in text
            assert record.contact_email not in text
            if record.contact_phone:
                assert record.contact_phone not in text
        assert "@" not in text


# The home page section.


def test_home_section_points_to_the_overview(
    rf, kommun_index, records_across_the_country
):
    section = kommuner_home_section(rf.get("/"), kommun_index.get_parent().specific)
    assert [page.specific_class for page in section.items] == [KommunIndexPage]
    in_place = PolicyRecord.objects.filter(
        municipality__isnull=False, agreement_status__in=["antagen", "reviderad"]
    ).count()
    assert section.intro.startswith(f"{in_place} av landets 290 kommuner")


def test_home_section_is_absent_without_a_live_page(rf, kommun_index):
    kommun_index.unpublish()
    home = kommun_index.get_parent().specific
    assert kommuner_home_section(rf.get("/"), home) is None


# Query counts.


def add_overview_data():
    """Records with IOPs and organisations for 60 more kommuner."""
    municipalities = Municipality.objects.filter(record__isnull=True).order_by("code")[
        :60
    ]
    for municipality in municipalities:
        make_record(municipality)
        make_organisations(municipality, 5)


def test_overview_query_count_is_bounded_and_does_not_grow(
    client, records_across_the_country
):
    urls = [OVERVIEW, OVERVIEW + "?lan=skane&status=antagen", "/kommuner/data/csv/"]
    before = {url: count_queries(client, url) for url in urls}
    add_overview_data()
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
    assert all(count <= MAX_QUERIES for count in after.values()), after
    assert after[OVERVIEW] == 3


def test_lan_page_query_count_is_bounded_and_does_not_grow(
    client, records_across_the_country
):
    url = "/kommuner/lan/vasterbotten/"
    before = count_queries(client, url)
    add_overview_data()
    assert count_queries(client, url) == before <= MAX_QUERIES


def test_kommun_page_with_500_organisations_costs_as_few_queries_as_with_5(
    client, kommun_index, kiruna
):
    make_record(kiruna)
    make_organisations(kiruna, 5)
    url = "/kommuner/kiruna/"
    small = count_queries(client, url)
    make_organisations(kiruna, 495)
    assert kiruna.organisations.count() == 500
    large = count_queries(client, url)
    assert large == small <= MAX_QUERIES
    # Routing 2, the kommun with its records 1, IOPs and documents 2, the names of its
    # organisations 1, the hundred shown 1.
    assert large == 7
    assert "500 idéburna organisationer i Kiruna" in html_of(client.get(url))


def test_organisations_marked_active_cost_one_query_however_many(
    client, kommun_index, kiruna, orebro
):
    make_organisations(kiruna, 5)
    url = "/kommuner/kiruna/"
    without = count_queries(client, url)
    make_organisations(orebro, 60)
    marked = list(Organisation.objects.filter(municipality=orebro))
    OrganisationPresence.objects.bulk_create(
        [OrganisationPresence(organisation=o, municipality=kiruna) for o in marked[:3]]
    )
    few = count_queries(client, url)
    OrganisationPresence.objects.bulk_create(
        [OrganisationPresence(organisation=o, municipality=kiruna) for o in marked[3:]]
    )
    many = count_queries(client, url)
    # Whether there are any is read with the kommun; the marked ones, with their home
    # kommun, in one more query when there are.
    assert few == many == without + 1 <= MAX_QUERIES
    assert (
        html_of(client.get(url)).count('<a href="/kommuner/orebro/">Örebro</a>') == 60
    )


def test_open_data_costs_the_same_with_organisations_marked_active(
    client, kommun_index, kiruna, orebro
):
    url = "/kommuner/data/json/"
    before = count_queries(client, url)
    make_organisations(orebro, 20)
    OrganisationPresence.objects.bulk_create(
        [
            OrganisationPresence(organisation=o, municipality=kiruna)
            for o in Organisation.objects.filter(municipality=orebro)
        ]
    )
    assert count_queries(client, url) == before <= MAX_QUERIES


def test_postal_code_redirect_costs_one_query_after_routing(client, kommun_index):
    client.get(OVERVIEW)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/kommuner/postnummer/?postnummer=11455")
    assert response.status_code == 302
    assert len(queries) <= 3


def test_kommun_page_shows_organisations_a_hundred_at_a_time(
    client, kommun_index, kiruna
):
    make_organisations(kiruna, 150)
    first = client.get("/kommuner/kiruna/")
    assert len(first.context["organisations"]) == 100
    assert "150 idéburna organisationer i Kiruna" in html_of(first)
    second = client.get("/kommuner/kiruna/?sida=2")
    assert len(second.context["organisations"]) == 50
    assert client.get("/kommuner/kiruna/?sida=9").status_code == 404


def test_kommun_page_lists_organisations_in_swedish_order_across_pages(
    client, kommun_index, kiruna
):
    make_organisations(kiruna, 120)
    for name in ["Örnen", "Zebran", "Ängen", "Åsen", "Abborren"]:
        OrganisationFactory(name=name, municipality=kiruna)
    first = [o.name for o in client.get("/kommuner/kiruna/").context["organisations"]]
    second = [
        o.name for o in client.get("/kommuner/kiruna/?sida=2").context["organisations"]
    ]
    assert first[0] == "Abborren"
    assert second[-4:] == ["Zebran", "Åsen", "Ängen", "Örnen"]
    assert len(first) + len(second) == len(set(first + second)) == 125


def test_the_sort_name_follows_the_name_however_it_is_written(db):
    from kommuner import csv_io
    from kommuner.models import Organisation, sort_name

    saved = OrganisationFactory(name="Ängsföreningen")
    assert saved.sort_name == sort_name("Ängsföreningen")
    saved.name = "Öfors IK"
    saved.save(update_fields=["name"])
    saved.refresh_from_db()
    assert saved.sort_name == sort_name("Öfors IK")

    [bulk] = Organisation.objects.bulk_create(
        [OrganisationFactory.build(name="Åby BK", municipality=saved.municipality)]
    )
    assert Organisation.objects.get(pk=bulk.pk).sort_name == sort_name("Åby BK")

    bulk.name = "Zeta"
    csv_io._update_all([bulk], ["name"])  # as the CSV import writes changes
    assert Organisation.objects.get(pk=bulk.pk).sort_name == sort_name("Zeta")
    # The database's order of sort names is Swedish order: Z, Å, Ä, Ö.
    names = ["Öfors IK", "Zeta", "Åby", "Äng", "aby", "Abc"]
    for name in names[2:]:
        OrganisationFactory(name=name, municipality=saved.municipality)
    assert list(
        Organisation.objects.filter(municipality=saved.municipality)
        .order_by("sort_name", "name")
        .values_list("name", flat=True)
    ) == ["Abc", "aby", "Zeta", "Åby", "Äng", "Öfors IK"]
