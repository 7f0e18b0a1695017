"""The admin in Swedish: the default workflow, the project's catalogue, the editors' screens."""

import ast
import gettext
import importlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

import pytest

from home import roles
from tests.home.factories import DocumentFactory, ImageFactory
from tests.kommuner.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    PolicyRecordFactory,
)

CATALOGUES = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES"
migration = importlib.import_module("home.migrations.0006_swedish_workflow")


# The default workflow ------------------------------------------------------------------


def test_the_default_workflow_is_swedish_and_the_editors_approve(db):
    workflow = Workflow.objects.get()
    task = workflow.tasks.get().specific
    assert workflow.name == "Granskning hos redaktör"
    assert task.name == "Redaktörens godkännande"
    assert list(task.groups.values_list("name", flat=True)) == [roles.EDITOR]
    assert Page.get_first_root_node().title == "Alla webbplatser"


def test_the_kansli_submits_a_draft_to_the_swedish_workflow(
    client, site_tree, kansli_user
):
    client.force_login(kansli_user)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[site_tree.module.pk])
    ).content.decode()
    assert "Lämna in till Granskning hos redaktör" in html
    assert "Moderators approval" not in html


def test_the_migration_renames_only_what_has_wagtails_default_name(db):
    kansli = Group.objects.get(name=roles.KANSLI)
    default = Workflow.objects.get()
    default.name = migration.DEFAULT_NAME
    default.save()
    task = default.tasks.get().specific
    task.name = migration.DEFAULT_NAME
    task.save()
    task.groups.set([kansli])  # chosen by the site's administrators: kept
    own = Workflow.objects.create(name="Eget flöde")
    own_task = GroupApprovalTask.objects.create(name=migration.DEFAULT_NAME)
    WorkflowTask.objects.create(workflow=own, task=own_task, sort_order=0)

    migration.swedish_workflow(apps, None)

    default.refresh_from_db()
    task.refresh_from_db()
    own_task.refresh_from_db()
    assert default.name == migration.WORKFLOW_NAME
    assert task.name == migration.TASK_NAME
    assert list(task.groups.all()) == [kansli]
    assert Workflow.objects.get(pk=own.pk).name == "Eget flöde"
    assert own_task.name == migration.DEFAULT_NAME


# The project's catalogue ----------------------------------------------------------------


def test_the_projects_catalogue_overrides_what_wagtails_lacks():
    with translation.override("sv"):
        assert (
            translation.gettext(
                "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"
            )
            % {
                "start_index": 1,
                "end_index": 8,
                "items_count": 8,
                "model_name": "sidor",
            }
            == "1–8 av 8 sidor"
        )
        assert translation.gettext("Autosave is paused") == (
            "Automatisk sparning är pausad"
        )
        assert (
            translation.ngettext(
                "%(num_parent_objects)d page has been published",
                "%(num_parent_objects)d pages have been published",
                3,
            )
            % {"num_parent_objects": 3}
            == "3 sidor har publicerats"
        )
        # Wagtail's own translations are still there.
        assert translation.gettext("Dashboard") == "Instrumentpanel"


def test_the_admins_javascript_catalogue_has_the_projects_translations(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert json.dumps("Ändringarna har sparats automatiskt.")[1:-1] in (
        response.content.decode()
    )


def po_entries(path):
    """{(context, msgid) or (context, msgid, n): msgstr} of the translated entries of a .po."""
    entries, entry, key = {}, {}, None

    def add(entry):
        if entry.get("msgid") and "fuzzy" not in entry.get("flags", ""):
            context = entry.get("msgctxt")
            if "msgid_plural" in entry:
                for name, value in entry.items():
                    if (found := re.fullmatch(r"msgstr\[(\d)\]", name)) and value:
                        entries[(context, entry["msgid"], int(found[1]))] = value
            elif entry.get("msgstr"):
                entries[(context, entry["msgid"])] = entry["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            add(entry)
            entry, key = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith("#"):
            continue
        elif found := re.fullmatch(
            r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")", line
        ):
            key = found[1]
            entry[key] = ast.literal_eval(found[2])
        else:
            entry[key] += ast.literal_eval(line)
    return entries


def mo_entries(path):
    with path.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    entries = {}
    for key, value in catalog.items():
        msgid, number = key if isinstance(key, tuple) else (key, None)
        if not msgid:
            continue  # the header
        context, _, msgid = msgid.rpartition("\x04")
        context = context or None
        entries[(context, msgid) if number is None else (context, msgid, number)] = (
            value
        )
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogues_are_those_of_their_sources(domain):
    """The .mo is committed; after a change to the .po it must be compiled again.

    With `msgfmt --check -o locale/sv/LC_MESSAGES/<domain>.mo locale/sv/LC_MESSAGES/<domain>.po`.
    """
    source = po_entries(CATALOGUES / f"{domain}.po")
    assert source
    assert mo_entries(CATALOGUES / f"{domain}.mo") == source


# The editors' screens -------------------------------------------------------------------

#: English that editors met on their main screens, before the project's catalogue.
ENGLISH = [
    "Moderators approval",
    "Submit to",
    " of ",
    "Root",
    "Actions",
    "Saved",
    "Autosave is paused",
    "A network error occurred",
    "Troubleshoot your connection",
    "View latest version",
    "Minimap",
    "Side panels",
    "Side panel width",
    "Show issue",
    "Edit account avatar",
    "Date updated",
    "Exploring",
    "Minimum",
    "Maximum",
    "There are no",
    "Button text is empty",
    "Meta description is empty",
    "Add a concise description",
]
ATTRIBUTES = {
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
}
#: JSON the admin's scripts show from: its strings, the accessibility checker's messages.
JSON_SCRIPTS = {"wagtail-config", "checker-axe-configuration"}


class ShownText(HTMLParser):
    """What an editor reads or hears of a page: text, labels, and the scripts' strings."""

    def __init__(self):
        super().__init__()
        self.parts, self.skipping, self.json = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("id") in JSON_SCRIPTS:
            self.json = []
        elif tag in ("script", "style"):
            self.skipping += 1
        self.parts += [value for name, value in attrs.items() if name in ATTRIBUTES]

    def handle_endtag(self, tag):
        if tag == "script" and self.json is not None:
            self.parts += strings_in(json.loads("".join(self.json)))
            self.json = None
        elif tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if self.json is not None:
            self.json.append(data)
        elif not self.skipping:
            self.parts.append(data)


def strings_in(value):
    """The strings of a decoded JSON value, keys aside."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [string for item in value for string in strings_in(item)]
    return []


def english_on(html):
    parser = ShownText()
    parser.feed(html)
    text = "\n".join(" ".join(part.split()) for part in parser.parts if part)
    return {
        phrase
        for phrase in ENGLISH
        if re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text)
    }


@pytest.fixture
def editors_screens(site_tree):
    image = ImageFactory(title="Karta")
    document = DocumentFactory(title="Handlingsplan", file__filename="plan.pdf")
    orebro = MunicipalityFactory(code="1880")
    record = PolicyRecordFactory(municipality=orebro)
    OrganisationFactory(municipality=orebro)
    module = site_tree.module
    return {
        "instrumentpanelen": reverse("wagtailadmin_home"),
        "sidträdets rot": reverse("wagtailadmin_explore_root"),
        "sidlistan": reverse("wagtailadmin_explore", args=[site_tree.home.pk]),
        "sidredigeringen": reverse("wagtailadmin_pages:edit", args=[module.pk]),
        "ny sida": reverse(
            "wagtailadmin_pages:add", args=["home", "contentpage", site_tree.home.pk]
        ),
        "sidans historik": reverse("wagtailadmin_pages:history", args=[module.pk]),
        "bilderna": reverse("wagtailimages:index"),
        "bildsökningen": reverse("wagtailimages:index") + "?q=karta",
        "en bild": reverse("wagtailimages:edit", args=[image.pk]),
        "dokumenten": reverse("wagtaildocs:index"),
        "ett dokument": reverse("wagtaildocs:edit", args=[document.pk]),
        "lokal uppföljning": reverse("wagtailsnippets_kommuner_policyrecord:list"),
        "en kommuns uppföljning": reverse(
            "wagtailsnippets_kommuner_policyrecord:edit", args=[record.pk]
        ),
        "organisationerna": reverse("wagtailsnippets_kommuner_organisation:list"),
        "kommunerna": reverse("wagtailsnippets_kommuner_municipality:list"),
        "personuppgifterna": reverse("personal_data:index"),
    }


@pytest.mark.parametrize(
    ("role", "not_theirs"),
    [("editor", set()), ("kansli_user", {"en bild", "ett dokument"})],
)
def test_the_editors_main_screens_show_no_english(
    client, editors_screens, role, not_theirs, request
):
    client.force_login(request.getfixturevalue(role))
    found = {}
    for screen, url in editors_screens.items():
        if screen in not_theirs:  # the kansli chooses media but does not change them
            continue
        response = client.get(url)
        assert response.status_code == 200, screen
        if english := english_on(response.content.decode()):
            found[screen] = sorted(english)
    assert not found
