"""Keyboard only: from the home page through a principle and a study module to its print version."""

import pytest

from .support import (
    SKIP_LINK_NAME,
    assert_focus_visible,
    assert_no_axe_violations,
    focused_element,
    tab_to,
)

pytestmark = pytest.mark.browser

MODULE_TITLE = "Dialog och inflytande – idéburna organisationer och kommunen"
MODULE_PATH = "/studiematerial/dialog-och-inflytande/"
LEADER_NOTES_HEADING = "Till dig som cirkelledare"


def follow(page, name, expected_path):
    """Tab to the link called `name`, press Enter and land on `expected_path`."""
    link = tab_to(page, name)
    assert link["tag"] == "a", f"{name!r} is focused but is not a link: {link}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(expected_path), f"Expected {expected_path}, got {page.url}"


def skip_to_main(page):
    """The first Tab reaches the visible skip link; Enter moves focus into <main>."""
    page.keyboard.press("Tab")
    skip_link = focused_element(page)
    assert skip_link is not None and skip_link["name"] == SKIP_LINK_NAME, (
        f"The first focusable element on {page.url} is {skip_link}, not the skip link"
    )
    assert skip_link["href"] == "#main"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert focused_element(page)["tag"] == "main"


def test_keyboard_user_reaches_a_modules_print_versions_from_the_home_page(page):
    page.goto("/")
    skip_to_main(page)
    follow(page, "Dialog", "/overenskommelsen/dialog/")
    assert page.get_by_role("heading", level=1).inner_text() == "Dialog"

    skip_to_main(page)
    follow(page, MODULE_TITLE, MODULE_PATH)
    assert page.get_by_role("heading", level=1).inner_text() == MODULE_TITLE

    skip_to_main(page)
    follow(page, "Utskriftsversion för cirkelledaren", MODULE_PATH + "utskrift/ledare/")
    leader_notes = page.get_by_role("heading", name=LEADER_NOTES_HEADING)
    assert leader_notes.count() > 0
    assert_no_axe_violations(page)

    header = page.locator(".site-header")
    assert header.is_visible()
    page.emulate_media(media="print")
    assert not header.is_visible()
    assert not page.get_by_role("link", name="Tillbaka till materialet").is_visible()
    assert leader_notes.first.is_visible()
    page.emulate_media(media="screen")

    # Back to the module, then on to the participants' version, still by keyboard.
    skip_to_main(page)
    follow(page, "Tillbaka till materialet", MODULE_PATH)
    skip_to_main(page)
    follow(page, "Utskriftsversion för deltagarna", MODULE_PATH + "utskrift/deltagare/")
    assert page.get_by_role("heading", level=1).inner_text() == MODULE_TITLE
    assert page.get_by_text(LEADER_NOTES_HEADING).count() == 0
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()


def test_shift_tab_moves_focus_back(page):
    page.goto(MODULE_PATH)
    skip_to_main(page)
    tab_to(page, "Utskriftsversion för deltagarna")
    tab_to(page, "Utskriftsversion för cirkelledaren", key="Shift+Tab", max_presses=1)
