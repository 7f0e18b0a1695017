"""The StreamField blocks render accessible HTML."""

from wagtail.rich_text import RichText

import pytest

from home.models import ContentPage
from tests.home.factories import ContentPageFactory, DocumentFactory, ImageFactory


@pytest.fixture
def document(db):
    return DocumentFactory(title="Träffplan")


@pytest.fixture
def page_with_blocks(site_tree, document):
    image = ImageFactory(title="Cirkel i arbete")
    return ContentPageFactory(
        parent=site_tree.home,
        slug="block",
        body=[
            ("heading", {"text": "En rubrik", "level": "h3"}),
            ("paragraph", RichText("<p>Ett stycke.</p>")),
            ("quote", {"text": "Ett citat.", "attribution": "Någon"}),
            (
                "discussion_question",
                {"question": "Vad tycker ni?", "hint": "Ta en runda."},
            ),
            ("fact_box", {"title": "Fakta", "text": RichText("<p>Sant.</p>")}),
            ("document_link", {"document": document, "label": ""}),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Fem personer runt ett bord",
                    "decorative": False,
                    "caption": "",
                },
            ),
        ],
    )


def test_every_block_renders(client, page_with_blocks, document):
    html = client.get(page_with_blocks.url).content.decode()
    assert "<h3>En rubrik</h3>" in html
    assert "<p>Ett stycke.</p>" in html
    assert "<blockquote><p>Ett citat.</p></blockquote>" in html
    assert "Vad tycker ni?" in html and 'aria-label="Diskussionsfråga"' in html
    assert 'class="factbox" aria-label="Fakta"' in html
    assert f'href="{document.url}" download' in html
    assert "<picture>" in html
    assert 'alt="Fem personer runt ett bord"' in html
    assert 'loading="lazy"' in html


def test_decorative_image_gets_empty_alt(client, site_tree):
    image = ImageFactory()
    page = ContentPageFactory(
        parent=site_tree.home,
        body=[
            (
                "image",
                {"image": image, "alt_text": "", "decorative": True, "caption": ""},
            )
        ],
    )
    html = client.get(page.url).content.decode()
    assert 'alt=""' in html


def test_every_block_has_an_editor_preview_and_description():
    from home.blocks import BodyBlock

    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.description, name
        assert block.meta.template, name
        assert block.meta.icon, name
        has_own_preview = "get_preview_value" in type(block).__dict__
        assert getattr(block.meta, "preview_value", None) or has_own_preview, name


def test_server_error_page_is_swedish_and_standalone(client, site_tree, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("test")

    monkeypatch.setattr(ContentPage, "get_context", boom)
    client.raise_request_exception = False
    response = client.get("/om/")
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()
