"""Open data: the whole mapping of kommuner as rows, and those rows as CSV and JSON.

A plain module: it takes kommuner already read (municipalities_with_figures in
kommuner/models/pages.py) and returns rows; it reads nothing from the database itself.
No personal data leaves here: a record's contact person (name, title, e-mail,
telephone) is never part of a row.
"""

import csv
import datetime
import io

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LICENCE = {
    "namn": "CC0 1.0 Universell",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
}

DESCRIPTION = _(
    "Hur Överenskommelsen inom det sociala området lever lokalt: en rad per kommun med "
    "status för den lokala överenskommelsen, antal IOP och antal registrerade idéburna "
    "organisationer. Uppgifterna lämnas av kommunerna och kansliet. Kontaktpersoner "
    "ingår inte."
)


#: How a missing value is written, the one convention of both files.
MISSING_VALUES = _(
    "Ett värde som saknas är null i JSON och en tom cell i CSV, aldrig en tom "
    "sträng eller noll."
)

#: How the CSV file is written, for those who read it with a program.
CSV_FORMAT = _(
    "Semikolon (;) mellan fälten, UTF-8 med byte order mark (BOM), en rubrikrad. "
    "Kommunkod och länskod är text med inledande nolla (0114, 01): läs dem som text, "
    "inte som tal."
)

#: The fields of a row, in order, with what they mean (shown on the overview page).
FIELDS = [
    ("kommunkod", _("Kommunkoden, fyra siffror som text, till exempel 0114.")),
    ("kommun", _("Kommunens namn.")),
    ("lanskod", _("Länskoden, två siffror som text, till exempel 01.")),
    ("lan", _("Länets namn.")),
    (
        "overenskommelse_status",
        _(
            "Lokal överenskommelse: saknas, dialog (dialog pågår), antagen eller "
            "reviderad. En kommun utan uppgifter har saknas."
        ),
    ),
    (
        "overenskommelse_ar",
        _("Året då överenskommelsen antogs eller reviderades; null om det saknas."),
    ),
    (
        "overenskommelse_lank",
        _("Länk till den lokala överenskommelsen; null om det inte finns någon."),
    ),
    ("antal_iop", _("Antal idéburna offentliga partnerskap (IOP).")),
    (
        "antal_organisationer",
        _(
            "Antal lokala idéburna organisationer i registret som har kommunen som "
            "hemkommun."
        ),
    ),
    (
        "antal_organisationer_verksamma",
        _(
            "Antal idéburna organisationer med en annan hemkommun, eller nationella, "
            "som kommunens handläggare har markerat som verksamma i kommunen. De räknas "
            "inte i antal_organisationer."
        ),
    ),
    (
        "kartlaggning_status",
        _(
            "Kartläggning av lokala organisationer: ej_paborjad (inte påbörjad), "
            "pagar (pågår) eller klar; null för en kommun utan uppgifter."
        ),
    ),
    (
        "kartlaggning_datum",
        _("Kartläggningens datum (ÅÅÅÅ-MM-DD); null om det saknas."),
    ),
    (
        "senast_andrad",
        _(
            "När kommunens uppgifter eller organisationer senast ändrades; null om "
            "kommunen aldrig har haft några."
        ),
    ),
    ("sida", _("Kommunens sida på webbplatsen.")),
]

FIELD_NAMES = [name for name, _description in FIELDS]


def _timestamp(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _latest(*values):
    present = [value for value in values if value]
    return max(present) if present else None


def _or_none(value):
    """None for a value that is not there: one convention for every field (MISSING_VALUES)."""
    return None if value in ("", None) else value


def rows(municipalities, *, absolute_url):
    """One dict per kommun, keys as in FIELDS; a missing value is None.

    Each kommun needs `county`, the annotations `status`, `iop_count`,
    `organisation_count`, `active_organisation_count`, `organisations_changed_at` and
    `presences_changed_at`, and the attributes `policy_record` (or None) and
    `page_url`. `absolute_url` turns a path into a URL.
    """
    result = []
    for municipality in municipalities:
        record = municipality.policy_record
        link = None
        if record and record.agreement_document:
            link = absolute_url(record.agreement_document.url)
        elif record:
            link = record.agreement_url
        result.append(
            {
                "kommunkod": municipality.code,
                "kommun": municipality.name,
                "lanskod": municipality.county.code,
                "lan": municipality.county.name,
                "overenskommelse_status": municipality.status,
                "overenskommelse_ar": record.agreement_year if record else None,
                "overenskommelse_lank": _or_none(link),
                "antal_iop": municipality.iop_count,
                "antal_organisationer": municipality.organisation_count,
                "antal_organisationer_verksamma": (
                    municipality.active_organisation_count
                ),
                "kartlaggning_status": _or_none(
                    record.mapping_status if record else None
                ),
                "kartlaggning_datum": (
                    record.mapping_date.isoformat()
                    if record and record.mapping_date
                    else None
                ),
                "senast_andrad": _timestamp(
                    _latest(
                        record.updated_at if record else None,
                        municipality.organisations_changed_at,
                        municipality.presences_changed_at,
                    )
                ),
                "sida": absolute_url(municipality.page_url),
            }
        )
    return result


def to_csv(rows):
    """CSV for spreadsheets: UTF-8 with a byte order mark, semicolons, CRLF line ends.

    The byte order mark and the semicolon are what a Swedish Excel expects, so that
    å, ä and ö and the columns come out right when the file is opened directly.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, delimiter=";")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {key: "" if value is None else value for key, value in row.items()}
        )
    return buffer.getvalue()


def to_document(rows, *, source_url, generated_at):
    """The JSON document: a description, the licence, the latest change, and the rows."""
    changes = [
        datetime.datetime.fromisoformat(row["senast_andrad"])
        for row in rows
        if row["senast_andrad"]
    ]
    return {
        "beskrivning": str(DESCRIPTION),
        "licens": LICENCE,
        "kalla": source_url,
        "uppdaterad": _timestamp(max(changes) if changes else generated_at),
        "saknade_varden": str(MISSING_VALUES),
        "falt": {name: str(description) for name, description in FIELDS},
        "kommuner": rows,
    }
