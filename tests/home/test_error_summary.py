"""The error summary every front-end form shows: every error, each linked to its field."""

import re

from django import forms

import pytest

from home.templatetags.form_tags import error_summary_items

LOGIN = "/konto/logga-in/"
PASSWORD_RESET = "/konto/glomt-losenord/"


class NameForm(forms.Form):
    name = forms.CharField(label="Namn")
    year = forms.IntegerField(label="År", min_value=2008)

    def clean(self):
        raise forms.ValidationError("Formuläret som helhet är fel.")


class RowsFormSet(forms.BaseFormSet):
    heading = "Rader"
    new_label = "Ny rad"

    def clean(self):
        raise forms.ValidationError("Listan som helhet är fel.")


class RowForm(forms.Form):
    title = forms.CharField(label="Titel")
    note = forms.CharField(label="Anteckning", required=False)

    def clean(self):
        raise forms.ValidationError("Raden som helhet är fel.")


def test_every_error_of_a_form_and_its_formset_rows_is_listed_in_page_order():
    form = NameForm({"name": "", "year": "2000"})
    formset = forms.formset_factory(RowForm, formset=RowsFormSet)(
        {
            "rad-TOTAL_FORMS": "1",
            "rad-INITIAL_FORMS": "0",
            "rad-0-title": "",
            "rad-0-note": "Ifylld, så att raden valideras",
        },
        prefix="rad",
    )
    assert error_summary_items(form, [formset]) == [
        (None, "Formuläret som helhet är fel."),
        ("id_name", "Namn: Det här fältet är obligatoriskt"),
        (
            "id_year",
            "År: Kontrollera att detta värde är större än eller lika med 2008.",
        ),
        ("rad", "Rader – Listan som helhet är fel."),
        ("rad-0", "Rader – Ny rad – Raden som helhet är fel."),
        ("id_rad-0-title", "Rader – Ny rad – Titel: Det här fältet är obligatoriskt"),
    ]


def test_a_valid_form_and_no_formsets_give_no_items():
    assert error_summary_items(NameForm(), None) == []
    assert error_summary_items("", "") == []


@pytest.mark.parametrize(
    "url,data",
    [
        (LOGIN, {"username": "ingen", "password": "fel"}),
        (PASSWORD_RESET, {"email": ""}),
    ],
)
def test_the_account_forms_summary_comes_first_and_takes_the_focus(
    client, db, url, data
):
    response = client.post(url, data)
    html = response.content.decode()
    container = html.split('<main id="main" tabindex="-1">')[1]
    first_element = re.search(r'<div class="container[^"]*">\s*(<[^>]+>)', container)
    assert 'id="error-summary"' in first_element.group(1)
    assert 'tabindex="-1"' in first_element.group(1)
    assert "js/error-summary" in html.split('id="error-summary"')[1].split("</div>")[0]


def test_a_page_without_errors_loads_no_focus_script(client, db):
    assert "error-summary" not in client.get(LOGIN).content.decode()
