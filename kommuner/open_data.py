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


#: The fields of a row, in order, with what they mean (shown on the overview page).
FIELDS = [
    ("kommunkod", _("Kommunkoden, fyra siffror, till exempel 0180.")),
    ("kommun", _("Kommunens namn.")),
    ("lanskod", _("Länskoden, två siffror, till exempel 01.")),
    ("lan", _("Länets namn.")),
    (
        "overenskommelse_status",
        _(
            "Lokal överenskommelse: saknas, dialog (dialog pågår), antagen eller "
            "reviderad. En kommun utan uppgifter har saknas."
        ),
    ),
    ("overenskommelse_ar", _("Året då överenskommelsen antogs eller reviderades.")),
    ("overenskommelse_lank", _("Länk till den lokala överenskommelsen, om den finns.")),
    ("antal_iop", _("Antal idéburna offentliga partnerskap (IOP).")),
    ("antal_organisationer", _("Antal lokala idéburna organisationer i registret.")),
    (
        "kartlaggning_status",
        _(
            "Kartläggning av lokala organisationer: ej_paborjad (inte påbörjad), "
            "pagar (pågår) eller klar. Tomt för en kommun utan uppgifter."
        ),
    ),
    ("kartlaggning_datum", _("Kartläggningens datum (ÅÅÅÅ-MM-DD).")),
    (
        "senast_andrad",
        _("När kommunens uppgifter eller organisationer senast ändrades."),
    ),
    ("sida", _("Kommunens sida på webbplatsen.")),
]

FIELD_NAMES = [name for name, _description in FIELDS]


def _timestamp(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def _latest(*values):
    present = [value for value in values if value]
    return max(present) if present else None


def rows(municipalities, *, absolute_url):
    """One dict per kommun, keys as in FIELDS.

    Each kommun needs `county`, the annotations `status`, `iop_count`,
    `organisation_count` and `organisations_changed_at`, and the attributes
    `policy_record` (or None) and `page_url`. `absolute_url` turns a path into a URL.
    """
    result = []
    for municipality in municipalities:
        record = municipality.policy_record
        link = ""
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
                "overenskommelse_lank": link,
                "antal_iop": municipality.iop_count,
                "antal_organisationer": municipality.organisation_count,
                "kartlaggning_status": record.mapping_status if record else "",
                "kartlaggning_datum": (
                    record.mapping_date.isoformat()
                    if record and record.mapping_date
                    else ""
                ),
                "senast_andrad": _timestamp(
                    _latest(
                        record.updated_at if record else None,
                        municipality.organisations_changed_at,
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
        "falt": {name: str(description) for name, description in FIELDS},
        "kommuner": rows,
    }
