"""CSV import and export of a kommun's organisations: preview, all-or-nothing, round trip."""

import csv
import io
import time

from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.search.backends import get_search_backend

import pytest
from stdnum import luhn
from stdnum.se import orgnr

from home import cache
from kommuner import csv_io
from kommuner.models import CONTENT_KIND, Organisation, OrganisationPresence
from tests.kommuner.factories import OrganisationFactory

HEADERS = csv_io.HEADERS


def org_number(index):
    """A valid organisationsnummer, 802500-0012 and on: a series of this file's own."""
    base = f"{802_500_000 + index:09d}"
    return orgnr.format(base + luhn.calc_check_digit(base))


def row(index, **overrides):
    values = {
        "namn": f"Förening nummer {index}",
        "organisationsnummer": org_number(index),
        "organisationsform": "Ideell förening",
        "verksamhetsomraden": "Barn och unga; Äldre",
        "webbplats": "https://www.example.se",
        "epost": "info@example.se",
        "anslutit_nationellt": "ja",
        "beslut_om_samverkan": "nej",
        "kommunkod": "0180",
    }
    values.update(overrides)
    return values


def csv_bytes(rows, delimiter=";", encoding="utf-8-sig", headers=HEADERS):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for values in rows:
        writer.writerow([values.get(header, "") for header in headers])
    return out.getvalue().encode(encoding)


def url(name, municipality):
    return reverse(f"min_kommun:{name}", args=[municipality.slug])


def upload(client, municipality, data, filename="organisationer.csv"):
    return client.post(
        url("import", municipality),
        {"file": SimpleUploadedFile(filename, data, content_type="text/csv")},
    )


def confirm(client, municipality, token):
    return client.post(url("import_confirm", municipality), {"token": token})


def register_of(municipality):
    """The organisations registered in the kommun."""
    return Organisation.objects.filter(municipality=municipality)


def read(data, municipality):
    return csv_io.read_import(data, municipality)


def errors_of(result):
    return {row.line: row.errors for row in result.error_rows}


# The whole flow --------------------------------------------------------------------


def test_valid_file_is_previewed_then_imported_with_counts(
    client, official_of_stockholm, stockholm
):
    existing = OrganisationFactory(
        name="Gammalt namn",
        org_number=org_number(3),
        form="stiftelse",
        municipality=stockholm,
    )
    client.force_login(official_of_stockholm)
    data = csv_bytes([row(1), row(2), row(3, organisationsform="Stiftelse")])

    preview = upload(client, stockholm, data)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "2 nya" in html
    assert "1 uppdateras" in html
    assert "0 rader med fel" in html
    assert "<caption" in html and '<th scope="row">2</th>' in html
    assert register_of(stockholm).count() == 1  # not yet

    response = confirm(client, stockholm, preview.context["token"])
    assert response.status_code == 302
    assert response["Location"] == url("organisations", stockholm) + "#main"
    page = client.get(response["Location"]).content.decode()
    assert "3 organisationer importerade (2 nya, 1 uppdaterad)." in page
    assert register_of(stockholm).count() == 3
    existing.refresh_from_db()
    assert existing.name == "Förening nummer 3"
    assert existing.areas == ["barn_och_unga", "aldre"]
    assert existing.signed_national_agreement is True


def test_confirming_twice_imports_once(client, official_of_stockholm, stockholm):
    client.force_login(official_of_stockholm)
    token = upload(client, stockholm, csv_bytes([row(1)])).context["token"]
    assert confirm(client, stockholm, token).status_code == 302
    second = confirm(client, stockholm, token)
    assert second.status_code == 302
    assert second["Location"] == url("import", stockholm) + "#main"
    assert register_of(stockholm).count() == 1


def test_upload_page_explains_columns_and_links_template_and_export(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    response = client.get(url("import", stockholm))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["section"] == "import"
    assert 'enctype="multipart/form-data"' in html
    assert "CSV- eller Excel-fil" in html
    assert ".xlsx" in html
    for header in HEADERS:
        assert f"<code>{header}</code>" in html
    for name in ("import_template", "import_template_xlsx", "export", "export_xlsx"):
        assert url(name, stockholm) in html


# Reading files ---------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", ","])
def test_semicolon_and_comma_files_are_both_read(stockholm, delimiter):
    data = csv_bytes([row(1), row(2)], delimiter=delimiter)
    result = read(data, stockholm)
    assert result.is_valid, errors_of(result)
    assert result.new_count == 2
    assert result.rows[0].values["areas"] == ["barn_och_unga", "aldre"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_utf8_with_or_without_bom_and_cp1252_keep_swedish_letters(stockholm, encoding):
    data = csv_bytes(
        [row(1, namn="Ålänningarnas förening för äldre i Örby")], encoding=encoding
    )
    result = read(data, stockholm)
    assert result.is_valid, errors_of(result)
    assert result.rows[0].values["name"] == "Ålänningarnas förening för äldre i Örby"
    counts = csv_io.import_rows(stockholm, result.rows)
    assert counts.created == 1
    assert Organisation.objects.get(org_number=org_number(1)).name.startswith(
        "Ålänningarnas"
    )


def test_headers_match_in_any_case_order_and_with_spaces(stockholm):
    headers = [
        " Organisationsnummer ",
        "NAMN",
        "Organisationsform",
        "Verksamhetsområden",
        "Okänd",
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headers)
    writer.writerow(
        [org_number(1), "Föreningen", "stiftelse", "aldre", "vad som helst"]
    )
    result = read(out.getvalue().encode(), stockholm)
    assert result.is_valid, errors_of(result)
    assert result.rows[0].values["name"] == "Föreningen"
    assert result.rows[0].values["areas"] == ["aldre"]
    assert result.ignored_columns == ["Okänd"]


@pytest.mark.parametrize(
    "form,areas,expected_form",
    [
        ("Ideell förening", "Barn och unga; Äldre", "ideell_forening"),
        ("ideell_forening", "barn_och_unga;aldre", "ideell_forening"),
        ("IDEELL FÖRENING", "BARN OCH UNGA ; äldre", "ideell_forening"),
        (
            "aktiebolag med särskild vinstutdelningsbegränsning",
            "Äldre, barn och unga",
            "aktiebolag_sarskild_vinstutdelning",
        ),
    ],
)
def test_form_and_areas_accept_keys_and_labels_in_any_case(
    stockholm, form, areas, expected_form
):
    result = read(
        csv_bytes([row(1, organisationsform=form, verksamhetsomraden=areas)]), stockholm
    )
    assert result.is_valid, errors_of(result)
    assert result.rows[0].values["form"] == expected_form
    assert sorted(result.rows[0].values["areas"]) == ["aldre", "barn_och_unga"]


@pytest.mark.parametrize(
    "written,expected",
    [
        ("ja", True),
        ("JA", True),
        ("j", True),
        ("1", True),
        ("x", True),
        ("nej", False),
        ("n", False),
        ("0", False),
        ("", False),
    ],
)
def test_yes_no_columns_accept_short_forms(stockholm, written, expected):
    data = csv_bytes([row(1, anslutit_nationellt=written, beslut_om_samverkan=written)])
    values = read(data, stockholm).rows[0].values
    assert values["signed_national_agreement"] is expected
    assert values["cooperation_decision"] is expected


def test_unknown_values_get_swedish_messages_with_the_column(stockholm):
    data = csv_bytes(
        [
            row(
                1,
                organisationsform="Klubb",
                verksamhetsomraden="Äldre; Rymden",
                anslutit_nationellt="kanske",
                epost="inte en adress",
            )
        ]
    )
    (errors,) = errors_of(read(data, stockholm)).values()
    text = " ".join(errors)
    assert "organisationsform: ”Klubb” är ingen organisationsform" in text
    assert "verksamhetsomraden: ”Rymden” finns inte bland verksamhetsområdena" in text
    assert "anslutit_nationellt: Skriv ja eller nej, inte ”kanske”." in text
    assert "epost: Fyll i en giltig e-postadress." in text


def test_blank_lines_are_skipped_and_line_numbers_count_them(stockholm):
    data = (
        csv_bytes([row(1)])
        + b";;;;;;;;\r\n\r\n"
        + csv_bytes([row(2, organisationsnummer="123")]).split(b"\r\n", 1)[1]
    )
    result = read(data, stockholm)
    assert [r.line for r in result.rows] == [2, 5]
    assert list(errors_of(result)) == [5]


def test_row_with_more_fields_than_the_header_is_an_error(stockholm):
    text = (
        ",".join(HEADERS)
        + "\r\nNamn, med komma,802500-0012,stiftelse,,,,ja,nej,0180\r\n"
    )
    errors = errors_of(read(text.encode(), stockholm))[2]
    assert "Raden har 10 fält men rubrikraden 9." in errors[0]


# Errors keep everything out --------------------------------------------------------


def test_one_bad_row_shows_its_line_and_message_and_nothing_is_saved(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    data = csv_bytes([row(1), row(2, organisationsnummer="802002-4281"), row(3)])
    response = upload(client, stockholm, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["token"] is None
    assert "1 rad med fel" in html
    assert 'href="#rad-3"' in html and 'id="rad-3"' in html
    assert "Rad 3" in html
    assert "Kontrollsiffran stämmer inte i 802002-4281" in html
    assert "Ingenting har sparats." in html
    assert url("import_confirm", stockholm) not in html
    assert '<strong class="import-status import-status--error">Fel</strong>' in html
    assert not register_of(stockholm).exists()


def test_import_rows_saves_nothing_when_any_row_has_errors(stockholm):
    result = read(csv_bytes([row(1), row(2, namn="")]), stockholm)
    assert errors_of(result) == {3: ["namn: Skriv organisationens namn."]}
    assert csv_io.import_rows(stockholm, result.rows) is None
    assert not register_of(stockholm).exists()


def test_the_same_org_number_twice_in_the_file_is_an_error_on_the_second_row(stockholm):
    result = read(
        csv_bytes(
            [row(1), row(2), row(3, organisationsnummer=org_number(1).replace("-", ""))]
        ),
        stockholm,
    )
    assert list(errors_of(result)) == [4]
    assert f"{org_number(1)} finns redan på rad 2 i filen" in errors_of(result)[4][0]


def test_existing_organisation_is_updated_not_doubled(stockholm):
    OrganisationFactory(
        name="Föreningen",
        org_number="802002-4280",
        form="stiftelse",
        municipality=stockholm,
    )
    result = read(
        csv_bytes([row(1, organisationsnummer="8020024280", namn="Nytt namn")]),
        stockholm,
    )
    assert result.is_valid, errors_of(result)
    assert (result.new_count, result.updated_count) == (0, 1)
    counts = csv_io.import_rows(stockholm, result.rows)
    assert (counts.created, counts.updated) == (0, 1)
    organisation = Organisation.objects.get(org_number="802002-4280")
    assert organisation.name == "Nytt namn"
    assert organisation.form == "ideell_forening"
    assert (
        Organisation.objects.filter(name__in=["Föreningen", "Nytt namn"]).count() == 1
    )


def test_unchanged_rows_are_counted_and_left_alone(stockholm):
    first = read(csv_bytes([row(1)]), stockholm)
    csv_io.import_rows(stockholm, first.rows)
    updated_at = Organisation.objects.get(org_number=org_number(1)).updated_at
    again = read(csv_bytes([row(1)]), stockholm)
    assert (again.new_count, again.updated_count, again.unchanged_count) == (0, 0, 1)
    counts = csv_io.import_rows(stockholm, again.rows)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 1)
    assert Organisation.objects.get(org_number=org_number(1)).updated_at == updated_at


@pytest.mark.parametrize("importer", ["official_of_stockholm", "kansli_user"])
def test_another_kommuns_or_a_national_organisation_is_marked_active_not_taken_over(
    request, client, stockholm, orebro, importer
):
    orebros = OrganisationFactory(
        name="Örebroföreningen",
        org_number=org_number(1),
        form="stiftelse",
        municipality=orebro,
    )
    national = OrganisationFactory(
        name="Riksförbundet",
        org_number=org_number(2),
        form="stiftelse",
        municipality=None,
    )
    user = request.getfixturevalue(importer)
    client.force_login(user)
    response = upload(client, stockholm, csv_bytes([row(1), row(2), row(3)]))
    html = response.content.decode()
    result = response.context["result"]
    assert [row.status for row in result.rows] == ["link", "link", "new"]
    assert "2 markeras som verksamma här" in html
    assert "Finns redan i Örebro (hemkommun)" in html
    assert "Finns redan som nationell organisation" in html

    confirmed = confirm(client, stockholm, response.context["token"])
    page = client.get(confirmed["Location"]).content.decode()
    assert (
        "3 organisationer importerade (1 ny, 0 uppdaterade, "
        "2 markerade som verksamma här)." in page
    )
    for organisation in (orebros, national):
        before = Organisation.objects.filter(pk=organisation.pk).values().get()
        assert before["name"] != "Förening nummer 1"  # the file's data is not used
        assert before["municipality_id"] == organisation.municipality_id
    assert set(
        OrganisationPresence.objects.filter(municipality=stockholm).values_list(
            "organisation_id", "added_by_id"
        )
    ) == {(orebros.pk, user.pk), (national.pk, user.pk)}
    assert Organisation.objects.get(org_number=org_number(3)).municipality == stockholm

    # Imported again: nothing to do.
    again = read(csv_bytes([row(1), row(2), row(3)]), stockholm)
    assert [row.status for row in again.rows] == ["unchanged"] * 3
    counts = csv_io.import_rows(stockholm, again.rows)
    assert (counts.created, counts.updated, counts.linked, counts.unchanged) == (
        0,
        0,
        0,
        3,
    )
    assert OrganisationPresence.objects.filter(municipality=stockholm).count() == 2


def test_a_row_may_name_the_home_kommun_of_an_organisation_marked_active(
    stockholm, orebro
):
    OrganisationFactory(org_number=org_number(1), municipality=orebro)
    result = read(
        csv_bytes([row(1, kommunkod="1880"), row(2, kommunkod="1880")]), stockholm
    )
    assert result.rows[0].status == "link"
    assert errors_of(result) == {
        3: [
            "kommunkod: Raden har kommunkod 1880, men filen importeras till "
            "Stockholm (0180). Rätta kommunkoden eller lämna kolumnen tom."
        ]
    }


def test_import_rows_refuses_an_organisation_that_moved_here_after_the_preview(
    stockholm, orebro
):
    organisation = OrganisationFactory(org_number=org_number(1), municipality=orebro)
    result = read(csv_bytes([row(1)]), stockholm)
    organisation.municipality = stockholm
    organisation.save()
    with pytest.raises(csv_io.ImportConflict):
        csv_io.import_rows(stockholm, result.rows)
    assert not OrganisationPresence.objects.exists()


def test_import_rows_refuses_a_number_taken_after_the_preview(stockholm, orebro):
    result = read(csv_bytes([row(1), row(2)]), stockholm)
    OrganisationFactory(
        name="Hann före",
        org_number=org_number(2),
        form="stiftelse",
        municipality=orebro,
    )
    with pytest.raises(csv_io.ImportConflict):
        csv_io.import_rows(stockholm, result.rows)
    assert not Organisation.objects.filter(org_number=org_number(1)).exists()


def test_wrong_kommunkod_is_a_row_error_and_a_dropped_zero_is_forgiven(stockholm):
    result = read(
        csv_bytes(
            [
                row(1, kommunkod="1880"),
                row(2, kommunkod="180"),
                row(3, kommunkod=""),
                row(4, kommunkod="abc"),
            ]
        ),
        stockholm,
    )
    errors = errors_of(result)
    assert list(errors) == [2, 5]
    assert (
        "kommunkod: Raden har kommunkod 1880, men filen importeras till Stockholm (0180)."
        in errors[2][0]
    )
    assert "”abc” är ingen kommunkod" in errors[5][0]


# Whole-file refusals ---------------------------------------------------------------


def test_missing_required_columns_are_a_file_error(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    data = csv_bytes([row(1)], headers=["namn", "webbplats"])
    response = upload(client, stockholm, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Filen saknar kolumnerna organisationsnummer, organisationsform." in html
    assert 'class="error-summary"' in html
    assert "result" not in response.context


def test_repeated_column_is_a_file_error(stockholm):
    data = csv_bytes([row(1)], headers=[*HEADERS, "Namn"])
    assert read(data, stockholm).file_errors == ["Kolumnen ”namn” finns två gånger."]


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "Filen är tom."),
        (b"\xef\xbb\xbf\r\n", "Filen är tom."),
        (
            ";".join(HEADERS).encode() + b"\r\n",
            "Filen har en rubrikrad men inga rader med organisationer.",
        ),
    ],
)
def test_an_empty_file_is_refused(
    client, official_of_stockholm, stockholm, data, message
):
    client.force_login(official_of_stockholm)
    response = upload(client, stockholm, data)
    assert message in response.content.decode()
    assert "result" not in response.context


def test_a_file_over_5_mb_is_refused(client, official_of_stockholm, stockholm):
    client.force_login(official_of_stockholm)
    data = csv_bytes([row(1)]) + b"#" * csv_io.MAX_BYTES
    response = upload(client, stockholm, data)
    assert "Filen är större än 5 MB." in response.content.decode()
    assert read(data, stockholm).file_errors == [csv_io.too_large_message()]


def test_more_than_10000_rows_are_refused(stockholm):
    header, line = csv_bytes([row(1)]).split(b"\r\n", 1)
    data = header + b"\r\n" + line * (csv_io.MAX_ROWS + 1)
    result = read(data, stockholm)
    assert result.file_errors == [
        "Filen har fler än 10\u00a0000 rader med organisationer. Dela upp den i flera filer."
    ]
    assert result.rows == []


@pytest.mark.parametrize(
    "filename,data,message",
    [
        (
            "lista.xlsx",
            b"PK\x03\x04rest",
            "Filen går inte att läsa som en Excel-arbetsbok (.xlsx)",
        ),
        (
            "lista.xlsx",
            b"namn;organisationsnummer\r\n",
            "Filen går inte att läsa som en Excel-arbetsbok (.xlsx)",
        ),
        (
            "lista.pdf",
            b"%PDF-1.7",
            "Filen måste vara en Excel-arbetsbok (.xlsx) eller en CSV-fil",
        ),
        ("lista.xls", b"\xd0\xcf\x11\xe0rest", "Filen är en äldre Excel-arbetsbok"),
        ("lista.csv", b"\xd0\xcf\x11\xe0rest", "Filen är en äldre Excel-arbetsbok"),
        (
            "lista.csv",
            b"PK\x03\x04rest",
            "Filen går inte att läsa som en Excel-arbetsbok (.xlsx)",
        ),
        (
            "lista.csv",
            "namn;organisationsnummer".encode("utf-16"),
            "Filen ser inte ut att vara en CSV-fil.",
        ),
    ],
)
def test_a_file_that_is_not_csv_is_refused(
    client, official_of_stockholm, stockholm, filename, data, message
):
    client.force_login(official_of_stockholm)
    response = upload(client, stockholm, data, filename=filename)
    assert message in response.content.decode()
    assert "result" not in response.context


def test_a_txt_file_is_accepted(client, official_of_stockholm, stockholm):
    client.force_login(official_of_stockholm)
    response = upload(client, stockholm, csv_bytes([row(1)]), filename="LISTA.TXT")
    assert response.context["token"]


def test_posting_without_a_file_asks_for_one(client, official_of_stockholm, stockholm):
    client.force_login(official_of_stockholm)
    response = client.post(url("import", stockholm), {})
    assert "Välj en CSV- eller Excel-fil att ladda upp." in response.content.decode()


@pytest.mark.parametrize(
    "token", ["", "utgangen-token-som-inte-finns-1234", "../../etc"]
)
def test_an_expired_or_unknown_token_sends_back_to_the_upload_form(
    client, official_of_stockholm, stockholm, token
):
    client.force_login(official_of_stockholm)
    response = confirm(client, stockholm, token)
    assert response.status_code == 302
    assert response["Location"] == url("import", stockholm) + "#main"
    page = client.get(response["Location"]).content.decode()
    # An error is announced at once (role="alert"), not politely as a confirmation.
    alert = page.split('role="alert"')[1].split("</div>")[0]
    assert "Filen finns inte kvar på servern" in alert
    assert not register_of(stockholm).exists()


def test_the_token_expires_with_the_cache_entry(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    token = upload(client, stockholm, csv_bytes([row(1)])).context["token"]
    caches["default"].clear()  # what 30 minutes do
    response = confirm(client, stockholm, token)
    assert response["Location"] == url("import", stockholm) + "#main"
    assert not register_of(stockholm).exists()


def test_a_token_is_only_good_for_its_user_and_kommun(
    client, official_of_stockholm, kansli_user, stockholm, orebro
):
    client.force_login(official_of_stockholm)
    token = upload(client, stockholm, csv_bytes([row(1)])).context["token"]
    client.force_login(kansli_user)
    assert (
        confirm(client, stockholm, token)["Location"]
        == url("import", stockholm) + "#main"
    )
    assert confirm(client, orebro, token)["Location"] == url("import", orebro) + "#main"
    assert not Organisation.objects.filter(org_number=org_number(1)).exists()


def test_confirm_validates_again_and_shows_new_errors(
    client, official_of_stockholm, stockholm, orebro
):
    # Exported from Stockholm's list: Örebro's organisation, with Örebro's code.
    orebros = OrganisationFactory(org_number=org_number(1), municipality=orebro)
    client.force_login(official_of_stockholm)
    data = csv_bytes([row(1, kommunkod="1880")])
    token = upload(client, stockholm, data).context["token"]
    assert token
    orebros.delete()  # meanwhile: the row would now add it to Stockholm
    response = confirm(client, stockholm, token)
    assert response.status_code == 200
    assert "Raden har kommunkod 1880" in response.content.decode()
    assert not Organisation.objects.filter(org_number=org_number(1)).exists()


def test_confirm_marks_active_what_another_kommun_registered_meanwhile(
    client, official_of_stockholm, stockholm, orebro
):
    client.force_login(official_of_stockholm)
    token = upload(client, stockholm, csv_bytes([row(1)])).context["token"]
    OrganisationFactory(
        name="Hann före",
        org_number=org_number(1),
        form="stiftelse",
        municipality=orebro,
    )
    response = confirm(client, stockholm, token)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "1 markerad som verksam här" in page
    organisation = Organisation.objects.get(org_number=org_number(1))
    assert organisation.municipality == orebro
    assert organisation.name == "Hann före"
    assert OrganisationPresence.objects.filter(
        organisation=organisation, municipality=stockholm
    ).exists()


# Export and template ---------------------------------------------------------------


def test_export_then_import_round_trip_is_unchanged(
    client, official_of_stockholm, stockholm, orebro
):
    client.force_login(official_of_stockholm)
    data = csv_bytes(
        [
            row(1),
            row(
                2,
                namn='=HYPERLINK("x")',
                verksamhetsomraden="",
                webbplats="",
                epost="",
                anslutit_nationellt="nej",
                beslut_om_samverkan="ja",
                organisationsform="annan",
            ),
            row(
                3,
                namn='Citat "med" semikolon; och komma, här',
                organisationsform="trossamfund",
                verksamhetsomraden="Hemlöshet; Psykisk hälsa; Folkhälsa",
            ),
        ]
    )
    csv_io.import_rows(stockholm, read(data, stockholm).rows)
    OrganisationFactory(
        name="Annan kommun",
        org_number=org_number(9),
        form="stiftelse",
        municipality=orebro,
    )
    before = list(
        Organisation.objects.filter(municipality=stockholm).order_by("pk").values()
    )

    response = client.get(url("export", stockholm))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="organisationer-stockholm-'
    )
    exported = response.content
    assert exported.startswith(b"\xef\xbb\xbf" + ";".join(HEADERS).encode())
    text = exported.decode("utf-8-sig")
    assert "Annan kommun" not in text
    assert "'=HYPERLINK" in text  # Excel must not run it as a formula
    assert "Barn och unga; Äldre" in text
    assert ";ja;nej;0180" in text

    result = read(exported, stockholm)
    assert result.is_valid, errors_of(result)
    assert (result.new_count, result.updated_count) == (0, 0)
    assert result.unchanged_count == len(before) >= 3
    csv_io.import_rows(stockholm, result.rows)
    after = list(
        Organisation.objects.filter(municipality=stockholm).order_by("pk").values()
    )
    assert after == before
    assert Organisation.objects.get(org_number=org_number(2)).name == '=HYPERLINK("x")'
    assert csv_io.export_csv(stockholm).encode() == exported


def test_export_file_is_named_after_the_kommun_and_date(
    client, official_of_stockholm, stockholm
):
    from django.utils import timezone

    client.force_login(official_of_stockholm)
    response = client.get(url("export", stockholm))
    expected = f"organisationer-stockholm-{timezone.localdate():%Y-%m-%d}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


def test_the_template_csv_has_the_headers_and_a_valid_example_row(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    response = client.get(url("import_template", stockholm))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(HEADERS)
    assert len(lines) == 2
    preview = upload(client, stockholm, response.content, filename="mall.csv")
    assert preview.context["result"].new_count == 1
    confirm(client, stockholm, preview.context["token"])
    assert Organisation.objects.get(org_number="802002-4280").municipality == stockholm


# Who may -----------------------------------------------------------------------------


def every_view(client, municipality):
    return [
        client.get(url("import", municipality)),
        upload(client, municipality, csv_bytes([row(1)])),
        confirm(client, municipality, "x" * 32),
        client.get(url("export", municipality)),
        client.get(url("import_template", municipality)),
    ]


def test_an_official_for_another_kommun_gets_403_on_every_view(
    client, official_of_orebro, stockholm
):
    client.force_login(official_of_orebro)
    assert [response.status_code for response in every_view(client, stockholm)] == [
        403
    ] * 5


def test_an_official_without_a_kommun_gets_403(
    client, official_without_kommun, stockholm
):
    client.force_login(official_without_kommun)
    assert [response.status_code for response in every_view(client, stockholm)] == [
        403
    ] * 5


def test_anonymous_visitors_are_sent_to_login(client, stockholm):
    for response in every_view(client, stockholm):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    assert not register_of(stockholm).exists()


@pytest.mark.parametrize("role", ["editor", "kansli_user", "superuser"])
def test_the_kansli_may_import_into_any_kommun(request, client, orebro, role):
    client.force_login(request.getfixturevalue(role))
    preview = upload(client, orebro, csv_bytes([row(1, kommunkod="1880")]))
    assert preview.status_code == 200
    response = confirm(client, orebro, preview.context["token"])
    assert response["Location"] == url("organisations", orebro) + "#main"
    assert Organisation.objects.get(org_number=org_number(1)).municipality == orebro
    assert client.get(url("export", orebro)).status_code == 200


def test_confirm_accepts_only_post(client, official_of_stockholm, stockholm):
    client.force_login(official_of_stockholm)
    assert client.get(url("import_confirm", stockholm)).status_code == 405


# Side effects and speed ------------------------------------------------------------


def search(text):
    return [o.name for o in get_search_backend().search(text, Organisation)]


def test_imported_and_renamed_organisations_are_searchable_after_commit(
    stockholm, django_capture_on_commit_callbacks
):
    file = csv_bytes(
        [row(1, namn="Kulturföreningen Lyran"), row(2, namn="Schackklubben")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        csv_io.import_rows(stockholm, read(file, stockholm).rows)
    assert search("Lyran") == ["Kulturföreningen Lyran"]

    renamed = csv_bytes(
        [row(1, namn="Kulturföreningen Harpan"), row(2, namn="Schackklubben")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        csv_io.import_rows(stockholm, read(renamed, stockholm).rows)
    assert search("Lyran") == []
    assert search("Harpan") == ["Kulturföreningen Harpan"]


def test_import_refreshes_what_shows_kommuner_and_nothing_else(
    stockholm, django_capture_on_commit_callbacks
):
    before = cache.current_versions()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        csv_io.import_rows(stockholm, read(csv_bytes([row(1)]), stockholm).rows)
        during = cache.current_versions()
    after = cache.current_versions()
    # At once, and again after the commit (a page rendered in between is out of date).
    assert during[CONTENT_KIND] != before[CONTENT_KIND] != after[CONTENT_KIND]
    assert callbacks
    assert {kind: v for kind, v in after.items() if kind != CONTENT_KIND} == {
        kind: v for kind, v in before.items() if kind != CONTENT_KIND
    }


def test_query_count_does_not_grow_with_the_rows(
    stockholm, django_assert_max_num_queries
):
    # Half the rows exist; the file changes their form. Search indexing runs after commit.
    existing = csv_bytes(
        [row(i, organisationsform="stiftelse") for i in range(0, 300, 2)]
    )
    csv_io.import_rows(stockholm, read(existing, stockholm).rows)
    data = csv_bytes([row(i) for i in range(300)])
    with django_assert_max_num_queries(20):
        result = read(data, stockholm)
        counts = csv_io.import_rows(stockholm, result.rows)
    assert (counts.created, counts.updated) == (150, 150)


def test_5000_rows_are_read_validated_and_imported_in_seconds(
    stockholm, django_capture_on_commit_callbacks
):
    data = csv_bytes([row(i) for i in range(5000)])
    started = time.perf_counter()
    # The search indexing counts too: it runs after commit (as a task in production).
    with django_capture_on_commit_callbacks(execute=True):
        result = read(data, stockholm)
        counts = csv_io.import_rows(stockholm, result.rows)
    elapsed = time.perf_counter() - started
    assert counts.created == 5000
    assert search("nummer 4999") == ["Förening nummer 4999"]
    assert elapsed < 30
