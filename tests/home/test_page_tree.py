"""Which page types may live where in the page tree."""

from wagtail.models import Page

import pytest

from cirklar.models import CircleIndexPage
from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage
from kommuner.models import KommunIndexPage
from studiematerial.models import (
    AgreementPage,
    PrinciplePage,
    StudyModuleIndexPage,
    StudyModulePage,
)


def allowed_children(model):
    return set(model.creatable_subpage_models())


def test_home_page_allows_the_site_sections():
    assert allowed_children(HomePage) == {
        ContentPage,
        NewsIndexPage,
        AgreementPage,
        StudyModuleIndexPage,
        KommunIndexPage,
        CircleIndexPage,
    }


def test_content_pages_nest_only_content_pages():
    assert allowed_children(ContentPage) == {ContentPage}


def test_news_pages_live_only_in_the_news_index():
    assert allowed_children(NewsIndexPage) == {NewsPage}
    assert set(NewsPage.allowed_parent_page_models()) == {NewsIndexPage}
    assert allowed_children(NewsPage) == set()


def test_principles_live_only_under_the_agreement():
    assert allowed_children(AgreementPage) == {PrinciplePage}
    assert set(PrinciplePage.allowed_parent_page_models()) == {AgreementPage}


def test_modules_live_only_under_the_module_index():
    assert allowed_children(StudyModuleIndexPage) == {StudyModulePage}
    assert set(StudyModulePage.allowed_parent_page_models()) == {StudyModuleIndexPage}
    assert allowed_children(StudyModulePage) == set()


def test_home_page_lives_only_at_the_tree_root():
    assert set(HomePage.allowed_parent_page_models()) == {Page}


@pytest.mark.parametrize(
    "model",
    [
        HomePage,
        NewsIndexPage,
        AgreementPage,
        StudyModuleIndexPage,
        KommunIndexPage,
        CircleIndexPage,
    ],
)
def test_singleton_pages_cannot_be_created_twice(site_tree, model):
    home = HomePage.objects.get()
    assert model.max_count == 1
    assert not model.can_create_at(
        home if model is not HomePage else Page.get_first_root_node()
    )


def test_new_content_and_news_pages_can_be_created_where_allowed(site_tree):
    home = HomePage.objects.get()
    assert ContentPage.can_create_at(home)
    assert NewsPage.can_create_at(NewsIndexPage.objects.get())
    assert not NewsPage.can_create_at(home)
    assert not PrinciplePage.can_create_at(home)
    assert StudyModulePage.can_create_at(StudyModuleIndexPage.objects.get())


def test_child_paths_are_the_childrens_paths_of_every_page(site_tree):
    from home.models import child_paths

    for page in Page.objects.all():
        children = page.get_children().order_by("path").values_list("path", flat=True)
        assert child_paths(page) == list(children), page.title
