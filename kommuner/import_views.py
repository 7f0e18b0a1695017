"""'Min kommun': importing the organisations register from CSV or Excel, and exporting it.

Upload shows a preview; nothing is saved until the user confirms, and then the whole
file is saved in one transaction. Between the two requests the uploaded bytes wait in
the cache under a random token, so the confirmation never trusts posted row data.
"""

import re
import secrets
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.cache import caches
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import csv_io
from .access import municipality_for, redirect_to_message, signed_in_or_login
from .models import LegalForm, WorkArea

PERMISSION = "kommuner.import_organisations"
TEMPLATE_DIR = "kommuner/import"
UPLOAD_TIMEOUT = 30 * 60
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}")
ALLOWED_SUFFIXES = (".csv", ".txt", ".xlsx")
# The preview shows this many rows, and every row with an error after them.
PREVIEW_ROWS = 500
PREVIEW_ERROR_ROWS = 500
SUMMARY_ERROR_ROWS = 100


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV- eller Excel-fil"),
        help_text=gettext_lazy(
            "En Excel-arbetsbok (.xlsx), där det första bladet läses, eller en .csv-fil "
            "avgränsad med semikolon eller komma (i Excel: ”Spara som” och "
            "filformatet ”CSV UTF-8 (kommaavgränsad)”). Den första raden ska vara en "
            "rubrikrad. Högst 5 MB och 10 000 rader."
        ),
        error_messages={
            "required": gettext_lazy("Välj en CSV- eller Excel-fil att ladda upp."),
            "empty": gettext_lazy("Filen är tom."),
            "invalid": gettext_lazy("Det gick inte att ta emot filen. Försök igen."),
            "missing": gettext_lazy("Det gick inte att ta emot filen. Försök igen."),
        },
        widget=forms.FileInput(
            attrs={"accept": f".csv,.txt,.xlsx,text/csv,{csv_io.XLSX_CONTENT_TYPE}"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = PurePath(upload.name).suffix.lower()
        if suffix == ".xls":
            raise forms.ValidationError(csv_io.old_excel_message(), code="file_type")
        if suffix not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(
                _(
                    "Filen måste vara en Excel-arbetsbok (.xlsx) eller en CSV-fil (.csv "
                    "eller .txt). Spara listan i Excel som ”Excel-arbetsbok (.xlsx)” "
                    "eller ”CSV UTF-8 (kommaavgränsad)” och ladda upp den."
                ),
                code="file_type",
            )
        if upload.size > csv_io.MAX_BYTES:
            raise forms.ValidationError(csv_io.too_large_message(), code="too_large")
        if suffix == ".xlsx":
            start = upload.read(len(csv_io.XLSX_MAGIC))
            upload.seek(0)
            if start != csv_io.XLSX_MAGIC:
                raise forms.ValidationError(
                    csv_io.not_a_workbook_message(), code="file_type"
                )
        return upload


def _cache():
    return caches["default"]


def _cache_key(request, municipality, token):
    return f"kommuner:import:{request.user.pk}:{municipality.pk}:{token}"


def _context(municipality, **extra):
    return {
        "municipality": municipality,
        "section": "import",
        "subpage_title": _("Importera"),
        **extra,
    }


def _upload_page(request, municipality, form, status=200):
    return render(
        request,
        f"{TEMPLATE_DIR}/upload.html",
        _context(
            municipality,
            form=form,
            columns=csv_io.HEADERS,
            required_columns=csv_io.REQUIRED_HEADERS,
            legal_forms=LegalForm.labels,
            work_areas=WorkArea.labels,
            max_rows=csv_io.thousands(csv_io.MAX_ROWS),
        ),
        status=status,
    )


def _preview_page(request, municipality, result, token=None):
    shown = [
        row
        for position, row in enumerate(result.rows)
        if position < PREVIEW_ROWS or row.errors
    ][: PREVIEW_ROWS + PREVIEW_ERROR_ROWS]
    shown_lines = {row.line for row in shown}
    error_rows = result.error_rows
    return render(
        request,
        f"{TEMPLATE_DIR}/preview.html",
        _context(
            municipality,
            subpage_title=_("Förhandsgranska import"),
            result=result,
            token=token,
            shown_rows=shown,
            hidden_count=len(result.rows) - len(shown),
            summary_errors=error_rows[:SUMMARY_ERROR_ROWS],
            more_errors=max(len(error_rows) - SUMMARY_ERROR_ROWS, 0),
            shown_lines=shown_lines,
            columns=[header for header, name in csv_io.COLUMNS if name],
        ),
    )


@signed_in_or_login
@require_http_methods(["GET", "POST"])
def upload(request, slug):
    """Upload a file and see the preview; valid files get a confirmation form."""
    municipality = municipality_for(request, slug, PERMISSION)
    if request.method == "GET":
        return _upload_page(request, municipality, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, municipality, form)
    data = form.cleaned_data["file"].read()
    result = csv_io.read_import(data, municipality)
    if result.file_errors:
        for error in result.file_errors:
            form.add_error("file", error)
        return _upload_page(request, municipality, form)
    token = None
    if result.is_valid:
        token = secrets.token_urlsafe(24)
        _cache().set(_cache_key(request, municipality, token), data, UPLOAD_TIMEOUT)
    return _preview_page(request, municipality, result, token)


@signed_in_or_login
@require_POST
def confirm(request, slug):
    """Import the file kept since the preview, all rows in one transaction."""
    municipality = municipality_for(request, slug, PERMISSION)
    token = request.POST.get("token", "")
    key = _cache_key(request, municipality, token)
    data = _cache().get(key) if TOKEN_PATTERN.fullmatch(token) else None
    if data is None:
        messages.error(
            request,
            _(
                "Filen finns inte kvar på servern (den sparas i 30 minuter efter "
                "förhandsgranskningen). Ladda upp den igen."
            ),
        )
        return redirect_to_message("min_kommun:import", municipality)

    # The register may have changed since the preview: validate again.
    result = csv_io.read_import(data, municipality)
    if not result.is_valid:
        _cache().delete(key)
        return _preview_page(request, municipality, result)
    try:
        counts = csv_io.import_rows(municipality, result.rows, user=request.user)
    except (csv_io.ImportConflict, IntegrityError):
        messages.error(
            request,
            _(
                "Registret ändrades medan filen importerades, så ingenting sparades. "
                "Ladda upp filen igen för att se hur den ser ut nu."
            ),
        )
        return redirect_to_message("min_kommun:import", municipality)
    _cache().delete(key)
    messages.success(request, imported_message(counts))
    return redirect_to_message("min_kommun:organisations", municipality)


def imported_message(counts):
    """ "N organisationer importerade (X nya, Y uppdaterade)." """
    parts = [
        ngettext("%(count)s ny", "%(count)s nya", counts.created)
        % {"count": counts.created},
        ngettext("%(count)s uppdaterad", "%(count)s uppdaterade", counts.updated)
        % {"count": counts.updated},
    ]
    if counts.unchanged:
        parts.append(
            ngettext("%(count)s oförändrad", "%(count)s oförändrade", counts.unchanged)
            % {"count": counts.unchanged}
        )
    if counts.linked:
        parts.append(
            ngettext(
                "%(count)s markerad som verksam här",
                "%(count)s markerade som verksamma här",
                counts.linked,
            )
            % {"count": counts.linked}
        )
    return ngettext(
        "%(count)s organisation importerad (%(parts)s).",
        "%(count)s organisationer importerade (%(parts)s).",
        counts.total,
    ) % {"count": counts.total, "parts": ", ".join(parts)}


def _csv_response(text, filename):
    response = HttpResponse(
        text.encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_response(data, filename):
    response = HttpResponse(data, content_type=csv_io.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export_name(municipality, suffix):
    return (
        f"organisationer-{municipality.slug}-{timezone.localdate():%Y-%m-%d}.{suffix}"
    )


@signed_in_or_login
@require_GET
def export(request, slug):
    """The kommun's organisations as a CSV file in the import format."""
    municipality = municipality_for(request, slug, PERMISSION)
    return _csv_response(
        csv_io.export_csv(municipality), _export_name(municipality, "csv")
    )


@signed_in_or_login
@require_GET
def export_xlsx(request, slug):
    """The kommun's organisations as an Excel workbook in the import format."""
    municipality = municipality_for(request, slug, PERMISSION)
    return _xlsx_response(
        csv_io.export_xlsx(municipality), _export_name(municipality, "xlsx")
    )


@signed_in_or_login
@require_GET
def import_template(request, slug):
    """An empty import file: the headers and one example row."""
    municipality = municipality_for(request, slug, PERMISSION)
    return _csv_response(csv_io.template_csv(municipality), "organisationer-mall.csv")


@signed_in_or_login
@require_GET
def import_template_xlsx(request, slug):
    """The import template as an Excel workbook."""
    municipality = municipality_for(request, slug, PERMISSION)
    return _xlsx_response(
        csv_io.template_xlsx(municipality), "organisationer-mall.xlsx"
    )
