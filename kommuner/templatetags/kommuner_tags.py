"""The kommun tables' rows, made in Python: 290 rows through the template engine cost
more than the rest of the overview together."""

from html import escape  # as django.utils.html.escape, for the plain strings of rows

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
    labels, counties, rows = {}, {}, []
    for municipality in municipalities:
        status = municipality.status
        if status not in labels:  # a lazy translation: made a string once a status
            labels[status] = conditional_escape(municipality.status_label)
        if show_county and municipality.county_id not in counties:
            counties[municipality.county_id] = (
                f"<td>{conditional_escape(municipality.county.name)}</td>"
            )
        year = municipality.agreement_year  # municipalities_in_tables()
        rows.append(
            ROW.format(
                code=escape(municipality.code),
                url=escape(municipality.page_url),
                name=escape(municipality.name),
                county=counties[municipality.county_id] if show_county else "",
                status=labels[status],
                year=f" {year}" if year else "",
                iop=int(municipality.iop_count),
                organisations=int(municipality.organisation_count),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped above
