"""The kommuner app's personal data in the register: officials' ties and contact persons."""

import datetime
import io
import json

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision

import pytest

from home import personal_data
from kommuner.models import County, Municipality, PolicyRecord
from tests.home.factories import UserFactory
from tests.personal_data_support import holding, index_text

CONTACT = "anna.kontakt@orebro.example.se"
NOW = timezone.now()

# --- Helpers (data built here, not borrowed from the demo content) ----------------------


def contacts_kind():
    return next(k for k in personal_data.kinds() if k.key == "kommun_contacts")


def age(revision, days):
    Revision.objects.filter(pk=revision.pk).update(
        created_at=NOW - datetime.timedelta(days=days)
    )


def make_record(owner, *, name, email, **fields):
    record = PolicyRecord.objects.create(
        **owner,
        contact_name=name,
        contact_title="Utvecklingsledare",
        contact_email=email,
        contact_phone="019-12 34 56",
        **fields,
    )
    return record, record.save_revision(user=None)


def change_contact(record, *, name, email):
    record.contact_name, record.contact_email = name, email
    record.save()
    return record.save_revision(user=None)


@pytest.fixture
def orebro(db):
    return Municipality.objects.get(code="1880")


@pytest.fixture
def record_of_orebro(orebro):
    """Anna was the contact; then Bertil took over. Three saved versions."""
    record, first = make_record(
        {"municipality": orebro}, name="Anna Kontakt", email=CONTACT
    )
    record.agreement_status = "dialog"
    record.save()
    second = record.save_revision(user=None)
    third = change_contact(
        record, name="Bertil Byte", email="bertil.byte@orebro.example.se"
    )
    return record, [first, second, third]


@pytest.fixture
def official_of_orebro_and_kumla(db, orebro):
    user = UserFactory(
        username="anna",
        role="Kommunhandläggare",
        email=CONTACT,
        first_name="Anna",
        last_name="Kontakt",
    )
    orebro.officials.add(user)
    Municipality.objects.get(code="1881").officials.add(user)  # Kumla too
    return user


# --- Officials' ties ----------------------------------------------------------------


def test_export_finds_the_officials_kommuner(official_of_orebro_and_kumla):
    ties = personal_data.export(CONTACT)["uppgifter"]["official_ties"]["poster"]
    assert {tie["kommun"] for tie in ties} == {"Örebro", "Kumla"}
    assert all(tie["konto"] == "anna" for tie in ties)


def test_erasure_removes_the_officials_ties_and_no_one_elses(
    db, official_of_orebro_and_kumla, orebro, editor
):
    colleague = UserFactory(username="kollega", role="Kommunhandläggare")
    orebro.officials.add(colleague)
    entry = personal_data.erase(CONTACT, performed_by=editor)
    assert entry.counts["official_ties"] == 2
    assert entry.counts["accounts"] == 1
    assert list(orebro.officials.all()) == [colleague]
    assert not Municipality.officials.through.objects.filter(
        user__email__iexact=CONTACT
    ).exists()


def test_the_ties_have_no_period_of_their_own(official_of_orebro_and_kumla):
    kind = next(k for k in personal_data.kinds() if k.key == "official_ties")
    assert not kind.has_retention_rule
    call_command("gallra", stdout=io.StringIO())
    assert holding(CONTACT, "official_ties").count == 2


# --- Contact persons ----------------------------------------------------------------


def test_export_finds_the_contact_in_the_record_and_in_every_revision(
    record_of_orebro,
):
    record, _revisions = record_of_orebro
    region, _ = make_record(
        {"county": County.objects.get(code="18")}, name="Anna Kontakt", email=CONTACT
    )
    found = personal_data.export(CONTACT.upper())["uppgifter"]["kommun_contacts"]
    items = found["poster"]
    current = [item for item in items if item["version"] == "nuvarande"]
    earlier = [item for item in items if item["version"] == "tidigare"]
    assert [item["kommun_eller_region"] for item in current] == [str(region)]
    # Örebro's record has Bertil now; Anna is in its first two versions, and the
    # region's one.
    assert len(earlier) == 3
    assert {item["kontaktperson"] for item in items} == {"Anna Kontakt"}
    assert {item["telefon"] for item in items} == {"019-12 34 56"}
    assert "Bertil" not in json.dumps(found)


def test_erasure_removes_the_contact_everywhere(
    client, record_of_orebro, editor, kommun_index
):
    record, revisions = record_of_orebro
    kumla = Municipality.objects.get(code="1881")
    kumla_record, kumla_revision = make_record(
        {"municipality": kumla}, name="Anna Kontakt", email=CONTACT
    )
    region, region_revision = make_record(
        {"county": County.objects.get(code="18")}, name="Anna Kontakt", email=CONTACT
    )
    public_page = f"/kommuner/{kumla.slug}/"
    assert "Anna Kontakt" in client.get(public_page).content.decode()  # now cached
    entry = personal_data.erase(CONTACT, performed_by=editor)
    # Two records, and Örebro's first two revisions and one each of Kumla and the region.
    assert entry.counts["kommun_contacts"] == 6
    for current in (kumla_record, region):
        current.refresh_from_db()
        assert (
            current.contact_name,
            current.contact_title,
            current.contact_email,
            current.contact_phone,
        ) == ("", "", "", "")
    for revision in [*revisions, kumla_revision, region_revision]:
        revision.refresh_from_db()
        assert "Anna Kontakt" not in json.dumps(revision.content)
        assert CONTACT not in json.dumps(revision.content)
    # The rest of the history stays, and so does the next contact person.
    revisions[1].refresh_from_db()
    assert revisions[1].content["agreement_status"] == "dialog"
    assert revisions[2].content["contact_name"] == "Bertil Byte"
    record.refresh_from_db()
    assert record.contact_name == "Bertil Byte"
    # The public page (the page cache heard of it) and the search index.
    assert "Anna Kontakt" not in client.get(public_page).content.decode()
    assert "anna kontakt" not in index_text() and CONTACT not in index_text()
    assert holding(CONTACT, "kommun_contacts").count == 0


def test_gallra_removes_the_contact_only_from_revisions_past_their_period(
    record_of_orebro,
):
    record, (first, second, third) = record_of_orebro
    days = contacts_kind().retention_days
    age(first, days + 1)
    age(second, days - 1)
    age(third, days + 10)  # old, but what the record says now
    call_command("gallra", stdout=io.StringIO())
    for revision in (first, second, third):
        revision.refresh_from_db()
    assert first.content["contact_name"] == "" and first.content["contact_email"] == ""
    assert first.content["municipality"] == record.municipality_id  # the rest stays
    assert second.content["contact_name"] == "Anna Kontakt"
    assert third.content["contact_name"] == "Bertil Byte"
    record.refresh_from_db()
    assert record.contact_name == "Bertil Byte"


def test_the_dry_run_counts_old_contacts_and_changes_nothing(record_of_orebro):
    _record, (first, _second, _third) = record_of_orebro
    age(first, contacts_kind().retention_days + 1)
    out = io.StringIO()
    call_command("gallra", "--dry-run", stdout=out)
    assert (
        "Kontaktpersoner i kommuner och regioner (lagringstid 730 dagar): "
        "1 skulle tas bort" in out.getvalue()
    )
    first.refresh_from_db()
    assert first.content["contact_name"] == "Anna Kontakt"


# --- The kansli's view, for an official who is also a contact ---------------------------


def test_the_kansli_erases_an_official_and_contact_in_one_go(
    client, kansli_user, official_of_orebro_and_kumla, record_of_orebro
):
    client.force_login(kansli_user)
    erase = reverse("personal_data:erase")
    page = client.post(erase, {"email": CONTACT})
    html = page.content.decode()
    assert "Kontaktpersoner i kommuner och regioner" in html
    assert "Örebro: Anna Kontakt (version sparad" in html
    assert "Örebro (kontot anna)" in html
    response = client.post(
        erase,
        {
            "email": CONTACT,
            "expected": page.context["form"].initial["expected"],
            "confirmed": "1",
        },
    )
    assert response.status_code == 302
    assert all(found.count == 0 for found in personal_data.holdings(CONTACT))
    assert not get_user_model().objects.filter(username="anna").exists()


# --- Where the contact person is asked for ------------------------------------------------


def test_the_record_form_links_to_the_privacy_policy(
    client, demo_content, official_of_orebro_and_kumla, orebro
):
    client.force_login(official_of_orebro_and_kumla)
    html = client.get(reverse("min_kommun:record", args=[orebro.slug])).content.decode()
    fieldset = html[html.index("Kontaktperson på kommunen") :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    assert 'href="/integritetspolicy/"' in fieldset
