"""Who may do what: every role against every private view and action."""

from django.urls import reverse

import pytest

from studiematerial.models import StudyModulePage
from tests.studiematerial.admin_forms import module_form_data, session_data

ROLES = [
    "anonymous",
    "circle_leader",
    "official_without_kommun",
    "kansli_user",
    "editor",
    "superuser",
]

ALLOWED = {
    # view or action: the roles that may use it
    "account": {
        "circle_leader",
        "official_without_kommun",
        "kansli_user",
        "editor",
        "superuser",
    },
    "admin_dashboard": {"kansli_user", "editor", "superuser"},
    "edit_module": {"kansli_user", "editor", "superuser"},
    "add_module": {"kansli_user", "editor", "superuser"},
    "publish_module": {"editor", "superuser"},
    "edit_contact_settings": {"editor", "superuser"},
    "add_document": {"kansli_user", "editor", "superuser"},
    "manage_users": {"superuser"},
    "personal_data": {"kansli_user", "editor", "superuser"},
}


@pytest.fixture
def as_role(client, request):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


def is_denied(response):
    """Refused: 403, or sent to a login page or (Wagtail's way) back to the admin dashboard."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        "login" in location
        or "logga-in" in location
        or location == reverse("wagtailadmin_home")
    )


def get(client, action, site):
    if action == "account":
        return client.get("/konto/")
    if action == "admin_dashboard":
        return client.get(reverse("wagtailadmin_home"))
    if action == "edit_module":
        return client.get(reverse("wagtailadmin_pages:edit", args=[site.module.pk]))
    if action == "add_module":
        return client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=["studiematerial", "studymodulepage", site.module_index.pk],
            )
        )
    if action == "edit_contact_settings":
        return client.get(
            reverse(
                "wagtailsettings:edit",
                args=["home", "kanslicontactsettings", site.contact.site_id],
            )
        )
    if action == "add_document":
        return client.get(reverse("wagtaildocs:add_multiple"))
    if action == "manage_users":
        return client.get(reverse("wagtailusers_users:index"))
    if action == "personal_data":
        return client.get(reverse("personal_data:index"))
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", [a for a in ALLOWED if a != "publish_module"])
def test_view_access(as_role, site_tree, role, action):
    response = get(as_role(role), action, site_tree)
    if role in ALLOWED[action]:
        assert response.status_code == 200, f"{role} should reach {action}"
    else:
        assert is_denied(response), (
            f"{role} must not reach {action}: {response.status_code}"
        )


@pytest.mark.parametrize("role", ROLES)
def test_publish_permission_on_a_module(as_role, site_tree, role):
    client = as_role(role)
    module = site_tree.module
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    if role not in ALLOWED["edit_module"]:
        assert is_denied(response)
        return
    perms = module.permissions_for_user(response.wsgi_request.user)
    assert perms.can_publish() == (role in ALLOWED["publish_module"])


@pytest.mark.parametrize("role", ["kansli_user", "editor"])
def test_publish_post_only_publishes_for_those_allowed(as_role, site_tree, role):
    client = as_role(role)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["studiematerial", "studymodulepage", site_tree.module_index.pk],
    )
    data = module_form_data(
        "Nytt material", "nytt-material", [session_data("Första träffen")]
    )
    response = client.post(url, data)
    assert response.status_code == 302
    page = StudyModulePage.objects.get(slug="nytt-material")
    assert page.live == (role in ALLOWED["publish_module"])
