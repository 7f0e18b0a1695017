"""The admin as editors meet it: no 500s from odd requests, no third-party requests,
names for Wagtail's nameless widgets (axe runs on them in tests/browser/)."""

import re

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

import pytest

from home import roles
from home.middleware import is_safe_next
from tests.home.factories import (
    ContentPageFactory,
    DocumentFactory,
    ImageFactory,
    UserFactory,
)
from tests.kommuner.factories import MunicipalityFactory, PolicyRecordFactory


@pytest.fixture
def editor_client(editor):
    # An exception fails the test as itself rather than as a 500 page.
    client = Client(raise_request_exception=True)
    client.force_login(editor)
    return client


@pytest.fixture
def used_and_unused(home_page):
    """An image and a document that a page uses, and one of each that nothing uses."""
    used_image = ImageFactory(title="Testbild på sidan")
    unused_image = ImageFactory(title="Testbild i arkivet")
    used_document = DocumentFactory(
        title="Testdokument på sidan", file__filename="plan.pdf"
    )
    unused_document = DocumentFactory(
        title="Testdokument i arkivet", file__filename="arkiv.pdf"
    )
    page = ContentPageFactory(
        parent=home_page,
        body=[
            (
                "image",
                {
                    "image": used_image,
                    "alt_text": "En bild",
                    "decorative": False,
                    "caption": "",
                },
            ),
            ("document_link", {"document": used_document, "label": ""}),
        ],
    )
    ReferenceIndex.create_or_update_for_object(page)
    return used_image, unused_image, used_document, unused_document


@pytest.mark.parametrize("listing", ["wagtailimages:index", "wagtaildocs:index"])
def test_searching_media_with_a_usage_count_filter_finds_the_used_ones(
    editor_client, used_and_unused, listing
):
    used_image, unused_image, used_document, unused_document = used_and_unused
    response = editor_client.get(
        reverse(listing), {"q": "test", "usage_count_min": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    if listing == "wagtailimages:index":
        assert used_image.title in html and unused_image.title not in html
    else:
        assert used_document.title in html and unused_document.title not in html


def test_a_search_filtered_on_an_annotation_is_left_to_the_database(used_and_unused):
    images = get_image_model().objects.annotate(
        usage_count=ReferenceIndex.usage_count_subquery(get_image_model())
    )
    found = images.filter(usage_count__gte=1).search("testbild")
    assert [image.title for image in found] == ["Testbild på sidan"]
    assert list(images.filter(usage_count__gte=5).autocomplete("testb")) == []


@pytest.fixture
def document(home_page):
    return DocumentFactory(title="Verksamhetsplan", file__filename="plan.pdf")


def save_document(client, document, **extra):
    return client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Verksamhetsplan 2026",
            "collection": document.collection_id,
            **extra,
        },
    )


@pytest.mark.parametrize("unsafe", ["abc", "wagtailadmin_home", "javascript:alert(1)"])
def test_a_document_saved_with_a_next_that_is_no_address_goes_to_the_listing(
    editor_client, document, unsafe
):
    response = save_document(editor_client, document, next=unsafe)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaildocs:index")
    document.refresh_from_db()
    assert document.title == "Verksamhetsplan 2026"


def test_a_document_saved_with_a_next_on_the_site_goes_there(editor_client, document):
    response = save_document(editor_client, document, next="/admin/pages/?p=2")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/?p=2"


def test_an_edit_form_opened_with_a_next_that_is_no_address_does_not_carry_it(
    editor_client, document
):
    response = editor_client.get(
        reverse("wagtaildocs:edit", args=[document.pk]), {"next": "abc"}
    )
    assert response.status_code == 200
    assert 'value="abc"' not in response.content.decode()


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("/admin/", True),
        ("/admin/images/?q=a&p=2", True),
        ("http://testserver/admin/", True),
        ("abc", False),
        ("admin/", False),
        ("//annan.example.se/", False),
        ("https://annan.example.se/admin/", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_a_safe_next_is_a_path_or_an_address_on_this_host(rf, value, safe):
    assert is_safe_next(rf.get("/admin/"), value) is safe


def test_the_admin_asks_no_third_party_for_avatars(editor_client, home_page, editor):
    # The page's history and the editing session show the editor's avatar too.
    page = ContentPageFactory(parent=home_page)
    page.save_revision(user=editor).publish()
    for url in [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_account"),
    ]:
        html = editor_client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url


def test_every_admin_page_loads_the_script_that_names_wagtails_widgets(
    editor_client, home_page
):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "home/js/admin_accessibility.js" in html


@pytest.mark.parametrize("view", ["edit", "add"])
def test_a_snippets_edit_and_create_views_have_their_title_as_heading_one(
    editor_client, db, view
):
    record = PolicyRecordFactory(municipality=MunicipalityFactory(code="1880"))
    if view == "edit":
        url = reverse("wagtailsnippets_kommuner_policyrecord:edit", args=[record.pk])
    else:
        url = reverse("wagtailsnippets_kommuner_organisation:add")
    html = editor_client.get(url).content.decode()
    headings = re.findall(r'<h1 class="w-sr-only">\s*(.*?)\s*</h1>', html, re.S)
    assert len(headings) == 1 and headings[0]


def test_the_avatar_of_someone_else_on_the_page_is_a_button_with_their_name(
    editor_client, home_page
):
    page = ContentPageFactory(parent=home_page)
    someone = UserFactory(first_name="Sune", last_name="Redaktör", role=roles.EDITOR)
    page_type = ContentType.objects.get_for_model(Page)
    EditingSession.objects.create(
        user=someone,
        content_type=page_type,
        object_id=str(page.pk),
        last_seen_at=timezone.now(),
    )
    response = editor_client.post(
        reverse(
            "wagtailadmin_editing_sessions:ping",
            args=["wagtailcore", "page", str(page.pk), 0],
        )
    )
    assert 'aria-label="Sune Redaktör – Tittar just nu"' in response.json()["html"]
