"""Without JavaScript the main navigation, the search and the news filter still work."""

import re

import pytest

from .support import new_context

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, site):
    context = new_context(browser, site, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_main_navigation_works_without_javascript(page):
    page.goto("/")
    main_nav = page.get_by_role("navigation", name="Huvudmeny")
    main_nav.get_by_role("link", name="Studiematerial").click()

    page.wait_for_url("**/studiematerial/")
    assert page.get_by_role("heading", level=1).inner_text() == "Studiematerial"
    current = main_nav.get_by_role("link", name="Studiematerial")
    assert current.get_attribute("aria-current") == "page"


def test_search_works_without_javascript(page):
    page.goto("/")
    page.get_by_role("searchbox", name="Sök på webbplatsen").fill("dialog")
    page.get_by_role("button", name="Sök").click()

    page.wait_for_url("**/sok/?q=dialog")
    assert re.fullmatch(
        r"\d+ träffar för ”dialog”",
        page.get_by_role("heading", level=2, name=re.compile("träff")).inner_text(),
    )
    result_titles = page.get_by_role("heading", level=3).all_inner_texts()
    assert "Dialog" in result_titles


def test_news_category_filter_works_without_javascript(page):
    page.goto("/nyheter/")
    filters = page.get_by_role("navigation", name="Filtrera på kategori")
    filters.get_by_role("link", name="Inbjudan").click()

    page.wait_for_url("**/nyheter/?kategori=inbjudan")
    current = filters.get_by_role("link", name="Inbjudan")
    assert current.get_attribute("aria-current") == "page"
    categories = page.locator(".news-list .meta").all_inner_texts()
    assert categories
    assert all(text.endswith("· Inbjudan") for text in categories), categories
