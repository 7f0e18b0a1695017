"""The demo content for kommuner: realistic, valid, and loaded only once however often it runs."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Revision

from stdnum.se import orgnr

from home.models import HomePage
from kommuner.models import (
    KommunIndexPage,
    Municipality,
    Organisation,
    OrganisationPresence,
    PolicyRecord,
)


def counts():
    return {
        "pages": KommunIndexPage.objects.count(),
        "records": PolicyRecord.objects.count(),
        "organisations": Organisation.objects.count(),
        "revisions": Revision.objects.filter(
            base_content_type__model="policyrecord"
        ).count(),
        "officials": Municipality.officials.through.objects.count(),
        "presences": OrganisationPresence.objects.count(),
    }


def test_overview_page_is_live_in_the_menu_after_the_study_material(demo_content):
    page = KommunIndexPage.objects.get()
    assert page.live and page.show_in_menus
    assert page.url == "/kommuner/"
    assert page.get_parent().specific_class is HomePage
    assert page.get_prev_sibling().slug == "studiematerial"


def test_a_dozen_kommuner_across_several_lan_have_records(demo_content):
    records = PolicyRecord.objects.filter(municipality__isnull=False)
    assert records.count() == 12
    assert records.values("municipality__county").distinct().count() >= 5
    statuses = set(records.values_list("agreement_status", flat=True))
    assert statuses == {"saknas", "dialog", "antagen", "reviderad"}
    for record in records.filter(agreement_status__in=["antagen", "reviderad"]):
        assert record.agreement_year
        assert record.agreement_parties
        assert record.partnerships.exists()
    assert PolicyRecord.objects.filter(county__isnull=False).count() == 2


def test_every_demo_record_is_valid_and_has_a_revision(demo_content):
    for record in PolicyRecord.objects.all():
        record.full_clean()
        assert Revision.objects.for_instance(record).exists(), record


def test_about_a_hundred_local_and_ten_national_organisations(demo_content):
    local = Organisation.objects.filter(municipality__isnull=False)
    assert 90 <= local.count() <= 110
    assert local.values("municipality").distinct().count() >= 12
    assert Organisation.objects.national().count() == 10


def test_demo_organisation_numbers_are_valid_and_unique(demo_content):
    numbers = list(Organisation.objects.values_list("org_number", flat=True))
    assert len(numbers) == len(set(numbers))
    for number in numbers:
        assert orgnr.is_valid(number), number
        assert orgnr.format(number) == number


def test_no_official_is_tied_to_a_kommun_without_demo_accounts(demo_content):
    assert not Municipality.officials.through.objects.exists()


def test_second_run_changes_nothing_and_ties_the_demo_official_to_orebro(
    demo_content, settings
):
    settings.DEBUG = True
    call_command("load_demo_content", "--accounts", stdout=io.StringIO())
    before = counts()
    official = get_user_model().objects.get(username="kommun")
    assert list(official.municipalities.values_list("code", flat=True)) == ["1880"]
    assert official.has_perm(
        "kommuner.change_policyrecord", official.municipalities.get()
    )

    call_command("load_demo_content", "--accounts", stdout=io.StringIO())
    assert counts() == before


def test_two_organisations_are_marked_active_besides_their_home(demo_content):
    marks = {
        (presence.organisation.municipality_id is None, presence.municipality.code)
        for presence in OrganisationPresence.objects.select_related(
            "organisation", "municipality"
        )
    }
    assert marks == {(False, "1881"), (True, "1480")}
