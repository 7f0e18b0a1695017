"""The error summary's list: every error of a form and of its formsets, each linked to its field."""

from django import template

register = template.Library()


def _row_label(formset, subform):
    instance = getattr(subform, "instance", None)
    if instance is not None and getattr(instance, "pk", None):
        return str(instance)
    return str(getattr(formset, "new_label", "") or "")


def _joined(*parts):
    return " – ".join(str(part) for part in parts if part)


@register.simple_tag
def error_summary_items(form=None, formsets=None):
    """(anchor, text) for each error, in the order of the page: the form, then each formset.

    `anchor` is the id the summary links to: the field (its first input, for a group of
    checkboxes), a formset row for the row's own errors, the formset for its errors
    as a whole (the page gives the formset's heading its prefix as id, the row's
    fieldset the row's prefix), or None for the form's own errors, which belong to no
    field. A formset may name itself (`heading`) and its new rows (`new_label`); a row
    that exists (a model form's saved instance) is named by what it holds.
    """
    items = []
    if form:
        items.extend((None, str(error)) for error in form.non_field_errors())
        for field in form:
            items.extend(
                (field.id_for_label, f"{field.label}: {error}")
                for error in field.errors
            )
    for formset in formsets or ():
        heading = getattr(formset, "heading", "")
        items.extend(
            (formset.prefix, _joined(heading, error))
            for error in formset.non_form_errors()
        )
        for subform in formset:
            row = _row_label(formset, subform)
            items.extend(
                (subform.prefix, _joined(heading, row, error))
                for error in subform.non_field_errors()
            )
            for field in subform:
                items.extend(
                    (
                        field.id_for_label,
                        f"{_joined(heading, row, field.label)}: {error}",
                    )
                    for error in field.errors
                )
    return items
