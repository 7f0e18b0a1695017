"""The guard of the public forms as people meet it: a honeypot they never reach and a
lockout explained accessibly."""

from django.contrib.auth import get_user_model

import pytest

from .support import assert_no_axe_violations, focused_element, unique_name

pytestmark = pytest.mark.browser


def test_tabbing_through_the_sign_in_form_skips_the_honeypot(page):
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").focus()
    visited = []
    for _ in range(3):
        page.keyboard.press("Tab")
        visited.append(focused_element(page))
    assert [element["id"] or element["name"] for element in visited] == [
        "id_password",
        "Logga in",
        "Glömt lösenordet?",
    ]
    # Out of the accessibility tree, and out of sight (a 1 px clipped box).
    assert page.get_by_role("textbox", name="Lämna det här fältet tomt").count() == 0
    box = page.get_by_label("Lämna det här fältet tomt").locator("..").bounding_box()
    assert box["width"] <= 1
    assert box["height"] <= 1


def test_a_locked_sign_in_is_explained_accessibly(page, settings):
    settings.GUARD_LOGIN_FAILURES = [("username", 2, 900), ("ip", 100, 900)]
    username = unique_name("spärrad")
    get_user_model().objects.create_user(
        username, f"{username}@example.se", "rätt-lösenord-123"
    )
    page.goto("/konto/logga-in/")
    for _ in range(2):
        page.get_by_label("Användarnamn eller e-postadress").fill(username)
        page.get_by_label("Lösenord").fill("fel-lösenord")
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Logga in").click()

    assert navigation.value.status == 429
    summary = page.get_by_role("alert")
    assert "För många misslyckade inloggningar." in summary.inner_text()
    assert "försök igen om 15 minuter" in summary.inner_text()
    assert (
        page.get_by_label("Användarnamn eller e-postadress").input_value() == username
    )
    assert_no_axe_violations(page)
    summary.get_by_role("link", name="Glömt lösenordet?").click()
    page.wait_for_url("**/konto/glomt-losenord/")
