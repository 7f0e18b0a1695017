"""Import and export of a kommun's register of idéburna organisations, as CSV or Excel.

Officials keep their lists in Excel, so the file formats follow what Excel in Sweden
writes and reads: Swedish column headers, and for CSV `;` as delimiter, UTF-8 with a
byte order mark (or cp1252 from older Excel on Windows). An Excel workbook (.xlsx) is
read from its first sheet, every cell as text, with the same header row, rules and
limits. Reading a file gives an `ImportResult` with every row's line number, values and
Swedish error messages; `import_rows` then saves all rows in one transaction, or
nothing. No HTTP here: the views are in `import_views.py`.

An organisation in the file that another kommun already has as its home kommun (or a
national one) is not changed: it is marked as active in the importing kommun
(`OrganisationPresence`), as an official can do by hand.
"""

import codecs
import copy
import csv
import datetime
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from functools import partial

from django.db import connections, router, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.search import index

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from home import cache

from .forms import OrganisationForm
from .models import (
    CONTENT_KIND,
    LegalForm,
    Organisation,
    OrganisationPresence,
    WorkArea,
    normalise_org_number,
    sort_name,
)
from .tasks import index_organisations

logger = logging.getLogger(__name__)

# The columns, in file order: (header, model field). kommunkod has no model field.
COLUMNS = [
    ("namn", "name"),
    ("organisationsnummer", "org_number"),
    ("organisationsform", "form"),
    ("verksamhetsomraden", "areas"),
    ("webbplats", "website"),
    ("epost", "email"),
    ("anslutit_nationellt", "signed_national_agreement"),
    ("beslut_om_samverkan", "cooperation_decision"),
    ("kommunkod", None),
]
HEADERS = [header for header, _field in COLUMNS]
REQUIRED_HEADERS = ["namn", "organisationsnummer", "organisationsform"]
FIELD_HEADERS = {name: header for header, name in COLUMNS if name}
MODEL_FIELDS = [name for _header, name in COLUMNS if name]

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# A workbook is a zip archive: what it may hold unpacked, and how many columns of a
# sheet are read (a sheet can claim 16,384).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 50
XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_DELIMITER = ";"
AREA_SEPARATOR = "; "

YES = frozenset({"ja", "j", "1", "x", "sant", "true"})
NO = frozenset({"nej", "n", "0", "", "falskt", "false"})

# Excel runs a cell that starts with one of these as a formula. Exported values get a
# leading apostrophe (Excel shows the text and hides the mark); import takes it off.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ImportConflict(Exception):
    """The register changed between validating and saving; nothing was saved."""


@dataclass
class ImportRow:
    """One data row of the file: where it is, what it says and what is wrong with it."""

    line: int
    cells: dict[str, str]
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    existing: Organisation | None = None
    changed: bool = False
    #: The organisation with the row's number whose home is another kommun (or none).
    home_elsewhere: Organisation | None = None
    #: home_elsewhere is already marked as active in the importing kommun.
    already_active: bool = False

    @property
    def status(self):
        if self.errors:
            return "error"
        if self.home_elsewhere is not None:
            return "unchanged" if self.already_active else "link"
        if self.existing is None:
            return "new"
        return "update" if self.changed else "unchanged"

    @property
    def home_name(self):
        """The home kommun of home_elsewhere, or None for a national organisation."""
        home = self.home_elsewhere.municipality if self.home_elsewhere else None
        return home.name if home else None

    @property
    def display(self):
        """The row's cells as the preview shows them: interpreted if valid, as written if not."""
        if self.errors:
            return [self.cells.get(header, "") for header, name in COLUMNS if name]
        return format_values(self.values)


@dataclass
class ImportResult:
    """A read and validated file; `is_valid` when it may be imported as a whole."""

    rows: list[ImportRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def _count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def new_count(self):
        return self._count("new")

    @property
    def updated_count(self):
        return self._count("update")

    @property
    def unchanged_count(self):
        return self._count("unchanged")

    @property
    def link_count(self):
        return self._count("link")

    @property
    def error_rows(self):
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self):
        return bool(self.rows) and not self.file_errors and not self.error_rows


@dataclass
class ImportCounts:
    created: int
    updated: int
    unchanged: int
    linked: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + self.linked


# Reading -----------------------------------------------------------------------------


def thousands(number):
    """A number as Swedish text: 10 000."""
    return f"{number:,}".replace(",", "\u00a0")


def _decode(data):
    """The file's text, or raise ValueError with a Swedish message."""
    if data.startswith(OLD_EXCEL_MAGIC):
        raise ValueError(old_excel_message())
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        raise ValueError(
            _(
                "Filen ser inte ut att vara en CSV-fil. Spara den i Excel som "
                "”CSV UTF-8 (kommaavgränsad)” och försök igen."
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValueError(
            _(
                "Filens tecken går inte att läsa. Spara den i Excel som "
                "”CSV UTF-8 (kommaavgränsad)” och försök igen."
            )
        ) from exc


def _header_key(text):
    """Headers match whatever the case, spaces around them, and å/ä/ö written or not."""
    text = text.strip().strip('"').strip().casefold()
    text = text.translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[\s-]+", "_", text)


def _sniff_delimiter(text):
    header = text.split("\n", 1)[0]
    return "," if header.count(",") > header.count(";") else ";"


def _clean_cell(value):
    value = value.strip()
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_STARTS:
        value = value[1:]
    return value


def read_file(data):
    """Parse an uploaded file, CSV or Excel workbook, into (rows, file errors, ignored columns)."""
    if len(data) > MAX_BYTES:
        return [], [too_large_message()], []
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data)
    return read_csv(data)


def read_csv(data):
    """Parse CSV bytes into (rows, file errors, ignored columns); rows carry cells only."""
    if len(data) > MAX_BYTES:
        return [], [too_large_message()], []
    if not data.strip() or data.strip() == codecs.BOM_UTF8:
        return [], [_("Filen är tom.")], []
    try:
        text = _decode(data)
    except ValueError as exc:
        return [], [str(exc)], []

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))

    def numbered_rows():
        last_line = reader.line_num
        for cells in reader:
            line, last_line = last_line + 1, reader.line_num
            yield line, cells

    try:
        return _read_table(next(reader, []), numbered_rows(), _csv_overflow)
    except csv.Error as exc:
        return (
            [],
            [
                _("Filen kan inte läsas som CSV (rad %(line)s): %(error)s")
                % {"line": reader.line_num, "error": exc}
            ],
            [],
        )


def _read_table(header_cells, numbered_rows, overflow_message):
    """The rows under a header row, as (rows, file errors, ignored columns).

    `numbered_rows` gives (line number, cells) for each row after the header, cells as
    text; `overflow_message(found, expected)` says what is wrong with a row that has
    values past the header's last column.
    """
    columns, file_errors, ignored = _read_header(header_cells)
    if file_errors:
        return [], file_errors, ignored
    header_length = len(header_cells)
    rows = []
    for line, cells in numbered_rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            return (
                [],
                [
                    _(
                        "Filen har fler än %(max)s rader med organisationer. "
                        "Dela upp den i flera filer."
                    )
                    % {"max": thousands(MAX_ROWS)}
                ],
                ignored,
            )
        row = _row_from_cells(line, cells, columns)
        if any(cell.strip() for cell in cells[header_length:]):
            row.errors.append(overflow_message(len(cells), header_length))
        rows.append(row)
    if not rows:
        return (
            [],
            [_("Filen har en rubrikrad men inga rader med organisationer.")],
            ignored,
        )
    return rows, [], ignored


def _csv_overflow(found, expected):
    return _(
        "Raden har %(found)s fält men rubrikraden %(expected)s. Värden som "
        "innehåller avgränsaren måste stå inom citattecken."
    ) % {"found": found, "expected": expected}


def _xlsx_overflow(found, expected):
    return _(
        "Raden har värden till höger om den sista kolumnen med rubrik (kolumn "
        "%(expected)s). Ta bort dem eller ge kolumnen en rubrik."
    ) % {"expected": expected}


def unpacked_too_large_message():
    return _(
        "Arbetsboken är för stor uppackad (över %(max)s MB, till exempel av bilder "
        "eller många blad). Spara bara listan i en ny arbetsbok, eller som CSV, och "
        "försök igen."
    ) % {"max": MAX_UNPACKED_BYTES // (1024 * 1024)}


def old_excel_message():
    return _(
        "Filen är en äldre Excel-arbetsbok (.xls), som importen inte läser. Spara den "
        "i Excel med ”Spara som” och filformatet ”Excel-arbetsbok (.xlsx)” eller "
        "”CSV UTF-8 (kommaavgränsad)” och försök igen."
    )


def not_a_workbook_message():
    return _(
        "Filen går inte att läsa som en Excel-arbetsbok (.xlsx): den kan vara skadad "
        "eller ha ett annat format. Öppna den i Excel, spara den som ”Excel-arbetsbok "
        "(.xlsx)” eller ”CSV UTF-8 (kommaavgränsad)” och försök igen."
    )


def _xlsx_text(value, column=None):
    """A cell as the text a CSV file would have had, whatever Excel stored.

    A code or number that Excel keeps as a number is written back with the zeros it
    dropped: a kommunkod to four digits (114 → 0114), an organisation number to ten.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        if column == "kommunkod" and 0 <= value < 10_000:
            return text.zfill(4)
        if column == "organisationsnummer" and 0 <= value < 10**10:
            return text.zfill(10)
        return text
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def read_xlsx(data):
    """Parse an Excel workbook's first sheet as read_csv parses a file.

    Read in openpyxl's read-only mode, which streams the sheet; the archive's unpacked
    size is checked first, as the CSV's size is. A file that is not a workbook, or a
    damaged one, gives a Swedish message.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return [], [not_a_workbook_message()], []
    if unpacked > MAX_UNPACKED_BYTES:
        return [], [unpacked_too_large_message()], []
    workbook = None
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
        if not workbook.worksheets:
            return [], [not_a_workbook_message()], []
        sheet = workbook.worksheets[0]
        cells = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        header = [_xlsx_text(value) for value in next(cells, ())]
        while header and not header[-1].strip():
            header.pop()
        if not header:
            if any(_xlsx_text(value).strip() for values in cells for value in values):
                _columns, file_errors, _ignored = _read_header([])
                return [], file_errors, []  # the header row is missing
            return [], [_("Filen är tom.")], []
        names = [_header_key(cell) for cell in header]

        def numbered_rows():
            for line, values in enumerate(cells, start=2):
                yield (
                    line,
                    [
                        _xlsx_text(
                            value, names[position] if position < len(names) else None
                        )
                        for position, value in enumerate(values)
                    ],
                )

        return _read_table(header, numbered_rows(), _xlsx_overflow)
    except Exception:
        # A damaged workbook fails inside openpyxl with any of a dozen exceptions
        # (zip, XML, KeyError for a missing part, ValueError for a bad value); the
        # official needs to hear that the file cannot be read, not a server error.
        logger.info("An uploaded workbook could not be read", exc_info=True)
        return [], [not_a_workbook_message()], []
    finally:
        if workbook is not None:
            workbook.close()


def too_large_message():
    return _("Filen är större än %(max)s MB. Dela upp den i flera filer.") % {
        "max": MAX_BYTES // (1024 * 1024)
    }


def _read_header(cells):
    """Map each known header to its position; report missing and repeated columns."""
    columns, errors, ignored = {}, [], []
    for position, cell in enumerate(cells):
        key = _header_key(cell)
        if not key:
            continue
        if key in HEADERS:
            if key in columns:
                errors.append(
                    _("Kolumnen ”%(column)s” finns två gånger.") % {"column": key}
                )
            columns[key] = position
        else:
            ignored.append(cell.strip())
    missing = [header for header in REQUIRED_HEADERS if header not in columns]
    if missing:
        errors.append(
            _(
                "Filen saknar kolumnerna %(missing)s. Den första raden ska vara en "
                "rubrikrad med kolumnerna %(headers)s; ladda ner mallen för att se hur."
            )
            % {"missing": ", ".join(missing), "headers": ", ".join(HEADERS)}
        )
    return columns, errors, ignored


def _row_from_cells(line, cells, columns):
    return ImportRow(
        line=line,
        cells={
            header: _clean_cell(cells[position]) if position < len(cells) else ""
            for header, position in columns.items()
        },
    )


# Validating --------------------------------------------------------------------------


def _plain(text):
    return " ".join(text.split()).casefold()


class _Vocabulary:
    """The choices' keys and Swedish labels, translated once per file rather than per row."""

    def __init__(self):
        self.form_labels = {key: str(label) for key, label in LegalForm.choices}
        self.area_labels = {key: str(label) for key, label in WorkArea.choices}
        self.forms = self._lookup(self.form_labels)
        self.areas = self._lookup(self.area_labels)
        self.yes, self.no = _("ja"), _("nej")

    @staticmethod
    def _lookup(labels):
        lookup = {}
        for key, label in labels.items():
            lookup[_plain(key)] = key
            lookup[_plain(label)] = key
        return lookup


def _parse_bool(value):
    value = _plain(value)
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValueError


def _form_data(row, municipality, vocabulary):
    """The OrganisationForm data for a row, and errors the form cannot give."""
    cells, own_errors = row.cells, {}
    forms, areas = vocabulary.forms, vocabulary.areas

    form_value = cells.get("organisationsform", "")
    form_key = forms.get(_plain(form_value))
    if form_key is None:
        form_key = form_value  # the form reports it missing if empty
        if form_value:
            own_errors["form"] = _(
                "”%(value)s” är ingen organisationsform. Skriv en av: %(choices)s."
            ) % {
                "value": form_value,
                "choices": ", ".join(vocabulary.form_labels.values()),
            }

    area_keys, unknown = [], []
    for item in re.split(r"[;,]", cells.get("verksamhetsomraden", "")):
        if not item.strip():
            continue
        key = areas.get(_plain(item))
        if key is None:
            unknown.append(item.strip())
        elif key not in area_keys:
            area_keys.append(key)
    if unknown:
        own_errors["areas"] = _(
            "%(values)s finns inte bland verksamhetsområdena. Skriv ett eller flera av: "
            "%(choices)s, åtskilda med semikolon."
        ) % {
            "values": ", ".join(f"”{value}”" for value in unknown),
            "choices": ", ".join(vocabulary.area_labels.values()),
        }

    booleans = {}
    for name in ("signed_national_agreement", "cooperation_decision"):
        header = FIELD_HEADERS[name]
        try:
            booleans[name] = _parse_bool(cells.get(header, ""))
        except ValueError:
            booleans[name] = False
            own_errors[name] = _("Skriv ja eller nej, inte ”%(value)s”.") % {
                "value": cells[header]
            }

    code = cells.get("kommunkod", "")
    if code:
        # Excel drops the leading zero of codes such as 0180.
        if code.isdigit() and len(code) < 4:
            code = code.zfill(4)
        if not re.fullmatch(r"\d{4}", code):
            own_errors["kommunkod"] = _(
                "”%(value)s” är ingen kommunkod (fyra siffror, till exempel 0180)."
            ) % {"value": cells["kommunkod"]}
            code = ""

    data = {
        "name": cells.get("namn", ""),
        "org_number": cells.get("organisationsnummer", ""),
        "form": form_key,
        "areas": area_keys,
        "website": cells.get("webbplats", ""),
        "email": cells.get("epost", ""),
        **booleans,
    }
    return data, own_errors, code


def _code_error(code, municipality, organisation):
    """The row's kommunkod must be the importing kommun's, or the home kommun's of the
    organisation it names (as the export writes it for those marked as active here)."""
    if not code or code == municipality.code:
        return None
    home = organisation.municipality if organisation is not None else None
    if home is not None and home.code == code:
        return None
    return _(
        "Raden har kommunkod %(code)s, men filen importeras till %(name)s "
        "(%(own)s). Rätta kommunkoden eller lämna kolumnen tom."
    ) % {"code": code, "name": municipality.name, "own": municipality.code}


class _SharedFields(dict):
    """Form fields that every row's form uses as they are instead of deep-copying them.

    A form copies its fields so that one form can change them without touching another;
    the row forms are only validated, never changed or rendered, and the copying took
    half of the time it took to validate 5,000 rows.
    """

    def __deepcopy__(self, memo):
        return self


class _RowForm(OrganisationForm):
    """OrganisationForm as it validates one row of a file.

    Its unique check uses the numbers `validate` already fetched: the form would
    otherwise ask the database once per row. `validate` decides itself what a number
    another kommun holds means, and the unique index still guards the save.
    """

    def validate_unique(self):
        pass

    def organisation_with_number(self, number):
        return None


_RowForm.base_fields = _SharedFields(_RowForm.base_fields)


def validate(municipality, rows):
    """Validate parsed rows for import into `municipality`, filling in values and errors."""
    vocabulary = _Vocabulary()
    numbers = [
        normalise_org_number(row.cells.get("organisationsnummer", "")) for row in rows
    ]
    existing = {
        organisation.org_number: organisation
        for organisation in Organisation.objects.filter(
            org_number__in={number for number in numbers if number}
        ).select_related("municipality")
    }
    active_here = set(
        OrganisationPresence.objects.filter(
            municipality=municipality,
            organisation__in=[
                organisation.pk
                for organisation in existing.values()
                if organisation.municipality_id != municipality.pk
            ],
        ).values_list("organisation_id", flat=True)
    )
    seen = {}
    for row, number in zip(rows, numbers, strict=True):
        data, own_errors, code = _form_data(row, municipality, vocabulary)
        organisation = existing.get(number)
        code_error = _code_error(code, municipality, organisation)
        if code_error:
            own_errors["kommunkod"] = code_error
        # A copy, because the form writes the row's values onto its instance.
        form = _RowForm(
            data, instance=copy.copy(organisation) if organisation else None
        )
        form_errors = {} if form.is_valid() else form.errors
        for header, name in COLUMNS:
            key = name or header
            if key in own_errors:
                row.errors.append(f"{header}: {own_errors[key]}")
            elif key in form_errors:
                row.errors.extend(f"{header}: {error}" for error in form_errors[key])
        row.errors.extend(str(error) for error in form_errors.get("__all__", []))

        if number and number in seen:
            row.errors.append(
                _(
                    "organisationsnummer: %(number)s finns redan på rad %(line)s i filen."
                )
                % {"number": number, "line": seen[number]}
            )
        elif number:
            seen[number] = row.line

        if organisation is not None:
            if organisation.municipality_id != municipality.pk:
                # Another kommun's (or national): marked as active here, not changed.
                row.home_elsewhere = organisation
                row.already_active = organisation.pk in active_here
            else:
                row.existing = organisation
        if not row.errors:
            row.values = {name: form.cleaned_data[name] for name in MODEL_FIELDS}
            row.changed = row.existing is not None and _differs(
                row.existing, row.values
            )
    return rows


def _differs(organisation, values):
    return any(getattr(organisation, name) != value for name, value in values.items())


def read_import(data, municipality):
    """Read and validate a file's bytes (CSV or .xlsx) for import into `municipality`."""
    rows, file_errors, ignored = read_file(data)
    result = ImportResult(rows=rows, file_errors=file_errors, ignored_columns=ignored)
    if not file_errors:
        validate(municipality, rows)
    return result


# Saving ------------------------------------------------------------------------------


def import_rows(municipality, rows, user=None):
    """Save valid rows in one transaction: create new organisations, update changed ones,
    and mark those of other kommuner (or national ones) as active in `municipality`.

    `user` is who imported, kept on the marks as their `added_by`. Returns the counts,
    or None (and saves nothing) if any row has errors. Raises ImportConflict, with
    nothing saved, if a number has changed hands since the rows were validated (so
    that a row would do something else than the preview said).
    """
    if not rows or any(row.errors or not row.values for row in rows):
        return None
    now = timezone.now()
    searchable = _searchable_fields()
    with transaction.atomic():
        existing = {
            organisation.org_number: organisation
            for organisation in Organisation.objects.select_for_update().filter(
                org_number__in=[row.values["org_number"] for row in rows]
            )
        }
        active_here = set(
            OrganisationPresence.objects.filter(
                municipality=municipality,
                organisation__in=[
                    organisation.pk for organisation in existing.values()
                ],
            ).values_list("organisation_id", flat=True)
        )
        to_create, to_update, to_index, to_link, unchanged = [], [], [], [], 0
        for row in rows:
            organisation = existing.get(row.values["org_number"])
            elsewhere = (
                organisation is not None
                and organisation.municipality_id != municipality.pk
            )
            if elsewhere != (row.home_elsewhere is not None):
                raise ImportConflict(row.values["org_number"])
            if organisation is None:
                # bulk_create skips save(), which normalises: the form's clean already did.
                to_create.append(Organisation(municipality=municipality, **row.values))
            elif elsewhere:
                if organisation.pk in active_here:
                    unchanged += 1
                else:
                    active_here.add(organisation.pk)
                    to_link.append(
                        OrganisationPresence(
                            organisation=organisation,
                            municipality=municipality,
                            added_by=user,
                        )
                    )
            elif _differs(organisation, row.values):
                if any(
                    getattr(organisation, name) != row.values[name]
                    for name in searchable
                ):
                    to_index.append(organisation)
                for name, value in row.values.items():
                    setattr(organisation, name, value)
                organisation.updated_at = now  # as auto_now would
                to_update.append(organisation)
            else:
                unchanged += 1
        created = Organisation.objects.bulk_create(to_create, batch_size=500)
        _update_all(to_update, [*MODEL_FIELDS, "updated_at"])
        OrganisationPresence.objects.bulk_create(to_link, batch_size=500)
        _after_bulk_write(
            [*created, *to_index], changed=bool(created or to_update or to_link)
        )
    return ImportCounts(
        created=len(to_create),
        updated=len(to_update),
        unchanged=unchanged,
        linked=len(to_link),
    )


def _update_all(organisations, field_names):
    """Write the fields of many organisations with one statement run once per row.

    QuerySet.bulk_update builds a CASE expression per field and object, which took
    over 30 seconds for 5,000 organisations; executemany takes a fraction of one.
    """
    if not organisations:
        return
    if "name" in field_names:
        for organisation in organisations:
            organisation.sort_name = sort_name(organisation.name)
        field_names = [*field_names, "sort_name"]
    connection = connections[router.db_for_write(Organisation)]
    quote = connection.ops.quote_name
    fields = [Organisation._meta.get_field(name) for name in field_names]
    pk = Organisation._meta.pk
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    # Only column names from the model go into the statement; values are parameters.
    sql = (
        f"UPDATE {quote(Organisation._meta.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {quote(pk.column)} = %s"
    )
    params = [
        [
            *(
                field.get_db_prep_save(getattr(organisation, field.attname), connection)
                for field in fields
            ),
            organisation.pk,
        ]
        for organisation in organisations
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _searchable_fields():
    return {
        field.field_name
        for field in Organisation.get_search_fields()
        if isinstance(field, index.SearchField | index.AutocompleteField)
    }


def _after_bulk_write(to_index, changed):
    """Do what post_save would have done, once the import is committed.

    The pages showing the kommuner's data are refreshed, and the search index is brought up to date by a
    background task (as post_save does for single saves): indexing 5,000 organisations
    takes longer than the import itself.
    """
    if any(organisation.pk is None for organisation in to_index):
        # A database that returns no ids from bulk_create.
        to_index = Organisation.objects.filter(
            org_number__in=[organisation.org_number for organisation in to_index]
        )
    pks = [organisation.pk for organisation in to_index]
    if pks:
        transaction.on_commit(partial(index_organisations.enqueue, pks))
    if changed:
        cache.content_changed(CONTENT_KIND)  # now and again once committed


# Writing -----------------------------------------------------------------------------


def format_values(values, vocabulary=None):
    """A row's values as the file shows them, kommunkod aside: labels, not keys; ja/nej."""
    vocabulary = vocabulary or _Vocabulary()
    areas = vocabulary.area_labels
    return [
        values["name"],
        values["org_number"],
        vocabulary.form_labels.get(values["form"], values["form"]),
        AREA_SEPARATOR.join(areas[key] for key in values["areas"] if key in areas),
        values["website"],
        values["email"],
        vocabulary.yes if values["signed_national_agreement"] else vocabulary.no,
        vocabulary.yes if values["cooperation_decision"] else vocabulary.no,
    ]


def _safe_cell(value):
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _write(rows):
    out = io.StringIO()
    out.write("\ufeff")  # so that Excel reads UTF-8
    writer = csv.writer(out, delimiter=EXPORT_DELIMITER, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([_safe_cell(cell) for cell in row])
    return out.getvalue()


#: Column widths of the workbook, in characters, in the order of COLUMNS.
XLSX_WIDTHS = [40, 20, 24, 40, 32, 28, 20, 20, 10]


def _text_cell(sheet, value, font=None):
    """A cell that Excel keeps as text: never a formula, never a number (0114 stays)."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # after the value, which made "=…" a formula
    cell.number_format = "@"
    if font is not None:
        cell.font = font
    return cell


def _write_xlsx(rows):
    """The rows as an Excel workbook of one sheet, headers first, every cell as text."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Organisationer"))
    for position, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, header, bold) for header in HEADERS])
    for row in rows:
        sheet.append([_text_cell(sheet, cell) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_rows(municipality):
    """The kommun's list as rows of the import format: its own organisations and those
    marked as active in it, by name; kommunkod is each organisation's home kommun (empty
    for a national one), which the import accepts back."""
    active_here = OrganisationPresence.objects.filter(municipality=municipality).values(
        "organisation_id"
    )
    organisations = Organisation.objects.filter(
        Q(municipality=municipality) | Q(pk__in=active_here)
    ).select_related("municipality")
    vocabulary = _Vocabulary()
    for organisation in organisations.order_by("name", "pk").iterator(chunk_size=2000):
        yield [
            *format_values(
                {name: getattr(organisation, name) for name in MODEL_FIELDS}, vocabulary
            ),
            organisation.municipality.code if organisation.municipality else "",
        ]


def export_csv(municipality):
    """The kommun's list as CSV text in the import format, ready to be opened in Excel."""
    return _write(export_rows(municipality))


def export_xlsx(municipality):
    """The kommun's list as an Excel workbook in the import format."""
    return _write_xlsx(export_rows(municipality))


def _template_rows(municipality):
    example = {
        "name": _("Exempelföreningen"),
        "org_number": "802002-4280",
        "form": LegalForm.NON_PROFIT,
        "areas": [WorkArea.CHILDREN, WorkArea.LEISURE],
        "website": "https://www.example.se",
        "email": "info@example.se",
        "signed_national_agreement": True,
        "cooperation_decision": False,
    }
    return [[*format_values(example), municipality.code]]


def template_csv(municipality):
    """An import template: the headers and one valid example row."""
    return _write(_template_rows(municipality))


def template_xlsx(municipality):
    """The import template as an Excel workbook."""
    return _write_xlsx(_template_rows(municipality))
