"""Every role against every 'Min kommun' view and action, own kommun and another's.

The official is Örebro's; the other kommun is Stockholm.
"""

from django.urls import reverse

import pytest

from kommuner.models import Organisation, OrganisationPresence, PolicyRecord
from tests.kommuner.factories import OrganisationFactory, OrganisationPresenceFactory

ROLES = [
    "anonymous",
    "circle_leader",
    "official_without_kommun",
    "official_of_orebro",
    "kansli_user",
    "editor",
    "superuser",
]
KANSLI = {"kansli_user", "editor", "superuser"}


@pytest.fixture
def organisations(orebro, stockholm):
    return {
        "own": OrganisationFactory(
            name="Örebroföreningen",
            org_number="802002-4280",
            form="ideell_forening",
            municipality=orebro,
        ),
        "other": OrganisationFactory(
            name="Stockholmsföreningen",
            org_number="802011-0016",
            form="stiftelse",
            municipality=stockholm,
        ),
    }


@pytest.fixture
def presences(orebro, stockholm, organisations):
    """Stockholm's organisation marked as active in Örebro ("own"), Örebro's in Stockholm."""
    return {
        "own": OrganisationPresenceFactory(
            organisation=organisations["other"], municipality=orebro
        ),
        "other": OrganisationPresenceFactory(
            organisation=organisations["own"], municipality=stockholm
        ),
    }


@pytest.fixture
def as_role(client, request):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


def outcome(response):
    if response.status_code == 302 and "/konto/logga-in/" in response["Location"]:
        return "login"
    return response.status_code


def views(orebro, stockholm, organisations):
    own, other = organisations["own"], organisations["other"]
    # The marks of the `presences` fixture: own's list has `other`, and the reverse.
    return {
        "own unmark": reverse(
            "min_kommun:organisation_unmark_active", args=[orebro.slug, other.pk]
        ),
        "other unmark": reverse(
            "min_kommun:organisation_unmark_active", args=[stockholm.slug, own.pk]
        ),
        "own export xlsx": reverse("min_kommun:export_xlsx", args=[orebro.slug]),
        "other export xlsx": reverse("min_kommun:export_xlsx", args=[stockholm.slug]),
        "own template xlsx": reverse(
            "min_kommun:import_template_xlsx", args=[orebro.slug]
        ),
        "other template xlsx": reverse(
            "min_kommun:import_template_xlsx", args=[stockholm.slug]
        ),
        "index": reverse("min_kommun:index"),
        "own record": reverse("min_kommun:record", args=[orebro.slug]),
        "other record": reverse("min_kommun:record", args=[stockholm.slug]),
        "own organisations": reverse("min_kommun:organisations", args=[orebro.slug]),
        "other organisations": reverse(
            "min_kommun:organisations", args=[stockholm.slug]
        ),
        "own add": reverse("min_kommun:organisation_add", args=[orebro.slug]),
        "other add": reverse("min_kommun:organisation_add", args=[stockholm.slug]),
        "own edit": reverse("min_kommun:organisation_edit", args=[orebro.slug, own.pk]),
        "other edit": reverse(
            "min_kommun:organisation_edit", args=[stockholm.slug, other.pk]
        ),
        "own delete": reverse(
            "min_kommun:organisation_delete", args=[orebro.slug, own.pk]
        ),
        "other delete": reverse(
            "min_kommun:organisation_delete", args=[stockholm.slug, other.pk]
        ),
        "own import": reverse("min_kommun:import", args=[orebro.slug]),
        "other import": reverse("min_kommun:import", args=[stockholm.slug]),
        "own export": reverse("min_kommun:export", args=[orebro.slug]),
        "other export": reverse("min_kommun:export", args=[stockholm.slug]),
    }


def expected(role, view):
    if role == "anonymous":
        return "login"
    if role in KANSLI:
        return 200
    if role == "official_of_orebro" and (view == "index" or view.startswith("own")):
        return 200
    return 403


@pytest.mark.parametrize("role", ROLES)
def test_get_matrix(as_role, orebro, stockholm, organisations, presences, role):
    client = as_role(role)
    for view, url in views(orebro, stockholm, organisations).items():
        assert outcome(client.get(url)) == expected(role, view), f"{role} GET {view}"


@pytest.mark.parametrize("role", ROLES)
def test_post_matrix_changes_nothing_where_refused(
    as_role, orebro, stockholm, organisations, role
):
    client = as_role(role)
    urls = views(orebro, stockholm, organisations)
    for view in ("other record", "other edit", "other delete", "other add"):
        response = client.post(
            urls[view],
            {
                "name": "Kapad",
                "org_number": "802002-4280",
                "form": "stiftelse",
                "agreement_status": "antagen",
                "agreement_year": "2020",
            },
        )
        if expected(role, view) != 200:
            assert outcome(response) == expected(role, view), f"{role} POST {view}"
    if role not in KANSLI:
        other = Organisation.objects.get(pk=organisations["other"].pk)
        assert other.name == "Stockholmsföreningen"
        assert not PolicyRecord.objects.filter(municipality=stockholm).exists()


def post_expected(role, view):
    allowed = expected(role, view)
    return 302 if allowed == 200 else allowed


@pytest.mark.parametrize("role", ROLES)
def test_marking_as_active_matrix(as_role, orebro, stockholm, role):
    """Marking a (national) organisation as active in the own kommun and in another."""
    client = as_role(role)
    national = OrganisationFactory(name="Riksförbundet", municipality=None)
    for view, kommun in (("own mark", orebro), ("other mark", stockholm)):
        url = reverse("min_kommun:organisation_mark_active", args=[kommun.slug])
        response = client.post(url, {"organisation": national.pk})
        assert outcome(response) == post_expected(role, view), f"{role} POST {view}"
        marked = OrganisationPresence.objects.filter(
            organisation=national, municipality=kommun
        ).exists()
        assert marked == (post_expected(role, view) == 302), f"{role} {view}"
        if role != "anonymous":
            assert client.get(url).status_code == 405  # a POST only


@pytest.mark.parametrize("role", ROLES)
def test_taking_off_the_list_matrix(
    as_role, orebro, stockholm, organisations, presences, role
):
    client = as_role(role)
    urls = views(orebro, stockholm, organisations)
    for view in ("own unmark", "other unmark"):
        response = client.post(urls[view])
        assert outcome(response) == post_expected(role, view), f"{role} POST {view}"
        kept = OrganisationPresence.objects.filter(
            pk=presences[view.split()[0]].pk
        ).exists()
        assert kept == (post_expected(role, view) != 302), f"{role} {view}"
    # The organisations themselves stay, in their home kommuner.
    assert Organisation.objects.get(pk=organisations["own"].pk).municipality == orebro
    assert (
        Organisation.objects.get(pk=organisations["other"].pk).municipality == stockholm
    )


def test_an_official_cannot_reach_another_kommuns_organisation_through_their_own_url(
    client, official_of_orebro, orebro, organisations
):
    client.force_login(official_of_orebro)
    other = organisations["other"]
    url = reverse("min_kommun:organisation_edit", args=[orebro.slug, other.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(
            url, {"name": "Kapad", "org_number": other.org_number, "form": "stiftelse"}
        ).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.name == "Stockholmsföreningen"


@pytest.mark.parametrize("role", ROLES)
def test_admin_snippets_for_kommuner_are_the_kansli_s(as_role, db, role):
    client = as_role(role)
    for model in ("policyrecord", "organisation", "municipality"):
        response = client.get(reverse(f"wagtailsnippets_kommuner_{model}:list"))
        if role in KANSLI:
            assert response.status_code == 200, (role, model)
        else:
            assert response.status_code in (302, 403), (role, model)
