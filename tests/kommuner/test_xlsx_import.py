"""Excel workbooks (.xlsx) in the organisations import and export: the CSV's rules and preview.

The workbooks are built here with openpyxl, with what Excel stores: numbers for codes
and organisation numbers typed without a leading apostrophe, booleans, dates.
"""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import openpyxl
import pytest
from stdnum import luhn

from kommuner import csv_io
from kommuner.models import Organisation
from tests.kommuner.factories import OrganisationFactory

from .test_csv_import import HEADERS, confirm, csv_bytes, errors_of, org_number, row

XLSX = csv_io.XLSX_CONTENT_TYPE


def workbook_bytes(rows, headers=HEADERS, first_sheet_title="Blad1", extra_sheet=True):
    """A workbook whose first sheet has `headers` and the rows (lists of cell values)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = first_sheet_title
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    if extra_sheet:
        other = workbook.create_sheet("Anteckningar")
        other.append(["Det här bladet läses inte"])
        workbook.active = 1  # the sheet open when saved is not the one read
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def as_cells(values):
    """A row() dict as the cells of HEADERS."""
    return [values.get(header, "") for header in HEADERS]


def upload(client, municipality, data, filename="organisationer.xlsx"):
    return client.post(
        reverse("min_kommun:import", args=[municipality.slug]),
        {"file": SimpleUploadedFile(filename, data, content_type=XLSX)},
    )


def digits(number):
    return int(number.replace("-", ""))


def test_a_workbook_is_previewed_and_imported_like_a_csv_file(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    data = workbook_bytes([as_cells(row(1)), as_cells(row(2))])
    preview = upload(client, stockholm, data)
    assert preview.status_code == 200
    assert preview.context["result"].new_count == 2
    assert "2 nya" in preview.content.decode()
    response = confirm(client, stockholm, preview.context["token"])
    assert response.status_code == 302
    assert Organisation.objects.filter(municipality=stockholm).count() == 2


def test_codes_and_numbers_that_excel_stored_as_numbers_are_read_as_text(stockholm):
    # 0180 typed into Excel becomes the number 180; an organisation number typed
    # without its hyphen becomes a number too, and loses a leading zero.
    leading_zero = f"050101-123{luhn.calc_check_digit('050101123')}"
    cells = [
        as_cells(row(1, kommunkod=180, organisationsnummer=digits(org_number(1)))),
        as_cells(row(2, kommunkod=180.0, organisationsnummer=digits(leading_zero))),
        as_cells(row(3, anslutit_nationellt=True, beslut_om_samverkan=False)),
    ]
    result = csv_io.read_import(workbook_bytes(cells), stockholm)
    assert errors_of(result) == {}, errors_of(result)
    assert [r.cells["kommunkod"] for r in result.rows] == ["0180", "0180", "0180"]
    assert [r.values["org_number"] for r in result.rows] == [
        org_number(1),
        leading_zero,
        org_number(3),
    ]
    third = result.rows[2].values
    assert (third["signed_national_agreement"], third["cooperation_decision"]) == (
        True,
        False,
    )


def test_the_rows_errors_are_the_csv_files_with_the_sheets_row_numbers(stockholm):
    bad = org_number(2)[:-1] + str((int(org_number(2)[-1]) + 1) % 10)
    cells = [
        as_cells(row(1)),
        [None] * len(HEADERS),  # an empty row is skipped, and counted
        as_cells(row(2, organisationsnummer=bad)),
        as_cells(row(3, kommunkod=1880)),
        [*as_cells(row(4)), "utanför"],
    ]
    errors = errors_of(csv_io.read_import(workbook_bytes(cells), stockholm))
    assert list(errors) == [4, 5, 6]
    assert errors[4][0].startswith(
        f"organisationsnummer: Kontrollsiffran stämmer inte i {bad}"
    )
    assert "Raden har kommunkod 1880" in errors[5][0]
    assert "till höger om den sista kolumnen med rubrik" in errors[6][0]


def test_a_date_cell_is_read_as_an_iso_date():
    assert csv_io._xlsx_text(datetime.datetime(2026, 3, 1)) == "2026-03-01"
    assert csv_io._xlsx_text(3.5) == "3.5"
    assert csv_io._xlsx_text(None) == ""


def test_the_first_sheet_is_read_whatever_sheet_was_open(stockholm):
    result = csv_io.read_import(
        workbook_bytes([as_cells(row(1))], first_sheet_title="Organisationer"),
        stockholm,
    )
    assert [r.cells["namn"] for r in result.rows] == ["Förening nummer 1"]


def test_a_workbook_without_the_required_columns_is_a_file_error(stockholm):
    result = csv_io.read_import(
        workbook_bytes([["Förening"]], headers=["namn"]), stockholm
    )
    assert (
        "Filen saknar kolumnerna organisationsnummer, organisationsform"
        in (result.file_errors[0])
    )
    empty = csv_io.read_import(workbook_bytes([], headers=[]), stockholm)
    assert empty.file_errors == ["Filen är tom."]
    no_header = csv_io.read_import(
        workbook_bytes([as_cells(row(1))], headers=[]), stockholm
    )
    assert no_header.file_errors[0].startswith("Filen saknar kolumnerna namn,")


def damaged_workbook():
    """A zip archive that is not a workbook (no workbook part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<inte xml")
    return out.getvalue()


def truncated_workbook():
    data = workbook_bytes([as_cells(row(1))])
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    "data",
    [damaged_workbook(), truncated_workbook(), b"PK\x03\x04" + b"\x00" * 200],
    ids=["not-a-workbook", "truncated", "garbage"],
)
def test_a_damaged_workbook_gets_a_swedish_message_not_a_server_error(
    client, official_of_stockholm, stockholm, data
):
    client.force_login(official_of_stockholm)
    response = upload(client, stockholm, data)
    assert response.status_code == 200
    assert "Filen går inte att läsa som en Excel-arbetsbok (.xlsx)" in (
        response.content.decode()
    )
    assert "result" not in response.context


def test_a_workbook_that_unpacks_past_the_limit_is_refused(monkeypatch, stockholm):
    monkeypatch.setattr(csv_io, "MAX_UNPACKED_BYTES", 2_000)
    result = csv_io.read_import(workbook_bytes([as_cells(row(1))]), stockholm)
    assert result.file_errors == [csv_io.unpacked_too_large_message()]
    assert "Arbetsboken är för stor uppackad (över 0 MB" in result.file_errors[0]


def test_a_workbook_with_more_rows_than_allowed_is_refused(monkeypatch, stockholm):
    monkeypatch.setattr(csv_io, "MAX_ROWS", 2)
    result = csv_io.read_import(
        workbook_bytes([as_cells(row(n)) for n in range(1, 4)]), stockholm
    )
    assert result.file_errors == [
        "Filen har fler än 2 rader med organisationer. Dela upp den i flera filer."
    ]


def read_back(data):
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return workbook.worksheets[0]


def test_the_excel_export_is_text_cells_without_formulas_and_imports_unchanged(
    client, official_of_stockholm, stockholm, orebro
):
    data = csv_bytes(
        [row(1), row(2, namn='=HYPERLINK("x")', organisationsform="annan")]
    )
    assert csv_io.import_rows(stockholm, csv_io.read_import(data, stockholm).rows)
    OrganisationFactory(
        name="Annan kommun", org_number=org_number(9), municipality=orebro
    )
    client.force_login(official_of_stockholm)
    response = client.get(reverse("min_kommun:export_xlsx", args=[stockholm.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith(
        'attachment; filename="organisationer-stockholm-'
    )
    assert response["Content-Disposition"].endswith('.xlsx"')

    sheet = read_back(response.content)
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == HEADERS
    assert len(rows) == 3
    every_cell = [cell for line in rows for cell in line if cell.value is not None]
    assert {cell.data_type for cell in every_cell} == {"s"}  # no formula, no number
    assert rows[1][HEADERS.index("kommunkod")].value == "0180"
    names = [line[0].value for line in rows[1:]]
    assert sorted(names) == ['=HYPERLINK("x")', "Förening nummer 1"]

    again = csv_io.read_import(response.content, stockholm)
    assert again.is_valid, errors_of(again)
    assert again.unchanged_count == 2


def test_the_excel_template_imports_its_example_row(
    client, official_of_stockholm, stockholm
):
    client.force_login(official_of_stockholm)
    response = client.get(
        reverse("min_kommun:import_template_xlsx", args=[stockholm.slug])
    )
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        'attachment; filename="organisationer-mall.xlsx"'
    )
    rows = list(read_back(response.content).values)
    assert list(rows[0]) == HEADERS
    assert len(rows) == 2
    preview = upload(client, stockholm, response.content, filename="mall.xlsx")
    assert preview.context["result"].new_count == 1


def test_the_export_lists_the_organisations_marked_active_with_their_home_code(
    stockholm, orebro
):
    from tests.kommuner.factories import OrganisationPresenceFactory

    orebros = OrganisationFactory(
        name="Örebroföreningen", org_number=org_number(5), municipality=orebro
    )
    OrganisationPresenceFactory(organisation=orebros, municipality=stockholm)
    OrganisationFactory(
        name="Stockholmsföreningen", org_number=org_number(6), municipality=stockholm
    )
    sheet = read_back(csv_io.export_xlsx(stockholm))
    exported = {line[0]: line[-1] for line in list(sheet.values)[1:]}
    assert exported == {"Stockholmsföreningen": "0180", "Örebroföreningen": "1880"}
    result = csv_io.read_import(csv_io.export_csv(stockholm).encode(), stockholm)
    assert result.is_valid, errors_of(result)
    assert result.unchanged_count == 2
