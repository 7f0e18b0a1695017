"""Editors create and publish study modules with their sessions in the Wagtail admin."""

from django.urls import reverse

import pytest

from studiematerial.models import StudyModulePage
from tests.studiematerial.admin_forms import module_form_data, session_data


@pytest.fixture
def add_url(site_tree):
    return reverse(
        "wagtailadmin_pages:add",
        args=["studiematerial", "studymodulepage", site_tree.module_index.pk],
    )


def test_editor_creates_and_publishes_a_module_with_sessions(
    client, editor, site_tree, add_url
):
    dialog = site_tree.principles["dialog"]
    quality = site_tree.principles["kvalitet"]
    client.force_login(editor)
    data = module_form_data(
        "Samverkan i praktiken",
        "samverkan-i-praktiken",
        [
            session_data("Vi börjar", principles=[dialog.pk]),
            session_data("Vi fördjupar", anchor="fordjupning", length=150),
            session_data("Vi planerar", principles=[dialog.pk, quality.pk]),
        ],
    )
    response = client.post(add_url, data)
    assert response.status_code == 302

    module = StudyModulePage.objects.get(slug="samverkan-i-praktiken")
    assert module.live
    assert module.target_groups == ["ideburna", "kommun"]
    sessions = list(module.sessions.all())
    assert [s.title for s in sessions] == ["Vi börjar", "Vi fördjupar", "Vi planerar"]
    assert [s.anchor for s in sessions] == ["vi-borjar", "fordjupning", "vi-planerar"]
    assert set(sessions[2].principles.all()) == {dialog, quality}

    client.logout()
    html = client.get(module.url).content.decode()
    assert 'id="traff-fordjupning"' in html
    assert "Politiker och tjänstemän i kommuner och regioner" in html
    principle_html = client.get(dialog.url).content.decode()
    assert f"{module.url}#traff-vi-planerar" in principle_html


def test_session_anchors_survive_reordering(client, editor, add_url):
    client.force_login(editor)
    sessions = [session_data("Ett"), session_data("Två")]
    client.post(add_url, module_form_data("Ordning", "ordning", sessions))
    module = StudyModulePage.objects.get(slug="ordning")
    first, second = module.sessions.all()
    first.sort_order, second.sort_order = 1, 0
    module.sessions = [second, first]
    module.save_revision().publish()
    module.refresh_from_db()
    assert [s.html_id for s in module.sessions.all()] == ["traff-tva", "traff-ett"]


def test_duplicate_anchors_are_refused_and_nothing_is_saved(client, editor, add_url):
    client.force_login(editor)
    data = module_form_data(
        "Dubbelt",
        "dubbelt",
        [session_data("Samma", anchor="samma"), session_data("Annan", anchor="samma")],
    )
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert "Två träffar kan inte ha samma ankare" in response.content.decode()
    assert not StudyModulePage.objects.filter(slug="dubbelt").exists()


@pytest.mark.parametrize("length", ["5", "1000", "abc"])
def test_unreasonable_session_length_is_refused(client, editor, add_url, length):
    client.force_login(editor)
    data = module_form_data("Längd", "langd", [session_data("Träff")])
    data["sessions-0-length_minutes"] = length
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert not StudyModulePage.objects.filter(slug="langd").exists()


def test_a_module_needs_at_least_one_session(client, editor, add_url):
    client.force_login(editor)
    response = client.post(add_url, module_form_data("Tomt", "tomt", []))
    assert response.status_code == 200
    assert not StudyModulePage.objects.filter(slug="tomt").exists()


def test_the_admin_speaks_swedish(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="sv"' in html
    assert "Sidor" in html


def test_image_block_requires_alt_text_unless_decorative():
    from django.core.exceptions import ValidationError

    from home.blocks import ImageBlock

    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean({"image": None, "alt_text": "", "decorative": False, "caption": ""})
