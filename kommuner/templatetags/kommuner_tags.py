"""The kommun tables' rows, made in Python: 290 rows through the template engine cost
more than the rest of the overview together."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

ROW = (
    '<tr data-kod="{code}">\n'
    '        <th scope="row"><a href="{url}">{name}</a></th>\n'
    "        {county}\n"
    "        <td>{status}{year}</td>\n"
    "        <td>{iop}</td>\n"
    "        <td>{organisations}</td>\n"
    "      </tr>\n"
    "      "
)


@register.simple_tag
def municipality_rows(municipalities, show_county):
    """The table rows of kommuner/public/municipality_table.html, one per kommun.

    As the template wrote them: every value escaped, numbers as plain integers (the
    site has no thousands separator).
    """
    escape = conditional_escape
    rows = []
    for municipality in municipalities:
        year = municipality.agreement_year  # municipalities_in_tables()
        rows.append(
            ROW.format(
                code=escape(municipality.code),
                url=escape(municipality.page_url),
                name=escape(municipality.name),
                county=f"<td>{escape(municipality.county.name)}</td>"
                if show_county
                else "",
                status=escape(municipality.status_label),
                year=f" {escape(year)}" if year else "",
                iop=escape(municipality.iop_count),
                organisations=escape(municipality.organisation_count),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped above
