"""On a phone: every page type fits the screen's width, and its heading is in the first screen.

Each page is loaded at 390 × 844 (an ordinary phone) and fails if the document is wider
than the window — the page would scroll sideways — or if its first heading is not whole
in the first screen or the header takes more than a fifth of it; axe runs on it at that
size. A table
is either one that reflows on a narrow screen or sits in its own labelled region that
scrolls and takes focus. As new apps add page types, add them here.

Also here: the header's menu behind a Meny button that works without JavaScript, the
tables and the tile map at a desktop's width, and one look for every kind of form field.

The official keeps Göteborg (the demo kommun with the most organisations); one
organisation with a long name and address is added there once, and nothing else is
saved (the import stops at its preview).
"""

import csv
import io
import random
import re

import pytest
from stdnum import luhn

from home import roles
from kommuner.models import LegalForm, Municipality, Organisation
from tests.home.factories import UserFactory
from tests.kommuner.factories import OfficialFactory, OrganisationFactory

from .support import (
    assert_focus_visible,
    assert_no_axe_violations,
    focused_element,
    new_context,
    tab_to,
    unique_name,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
#: The header's share of a phone's first screen, at most: a fifth (it was 320 px).
MAX_HEADER = PHONE["height"] // 5
PASSWORD = "ett-bra-lösenord-123"
KOMMUN_CODE = "1480"  # Göteborg: the demo content's longest register
MODULE = "/studiematerial/dialog-och-inflytande/"
LONG_NAME = "Riksförbundet Funktionsrättsrörelsensintresseorganisationssamverkansrådet i Göteborg"
LONG_WEBSITE = (
    "https://www.example.se/foreningar/goteborg/funktionsratt/samverkansradet/"
    "om-oss/kontakt-och-medlemskap/index.html"
)

PUBLIC_PAGES = [
    pytest.param("/", id="startsida"),
    pytest.param("/om/", id="innehallssida"),
    pytest.param("/nyheter/", id="nyheter"),
    pytest.param("/nyheter/studieplattformen-oppnar/", id="nyhet"),
    pytest.param("/overenskommelsen/", id="overenskommelsen"),
    pytest.param("/overenskommelsen/dialog/", id="princip"),
    pytest.param("/studiematerial/", id="studiematerial"),
    pytest.param(MODULE, id="studiematerial-sida"),
    pytest.param(MODULE + "utskrift/ledare/", id="utskrift-ledare"),
    pytest.param(MODULE + "utskrift/deltagare/", id="utskrift-deltagare"),
    pytest.param("/sok/?q=dialog", id="sokresultat"),
    pytest.param("/kommuner/", id="kommuner"),
    pytest.param("/kommuner/goteborg/", id="kommun"),
    pytest.param("/kommuner/lan/vastra-gotaland/", id="lan"),
    pytest.param("/integritetspolicy/", id="integritetspolicy"),
    pytest.param("/kontakt/", id="kontakt"),
    pytest.param("/konto/logga-in/", id="logga-in"),
    pytest.param("/konto/glomt-losenord/", id="glomt-losenord"),
    pytest.param("/konto/bli-cirkelledare/", id="bli-cirkelledare"),
    pytest.param("/studiecirklar/", id="hitta-en-studiecirkel"),
]

MIN_KOMMUN_PAGES = [
    pytest.param("/min-kommun/", id="min-kommun"),
    pytest.param("/min-kommun/goteborg/", id="min-kommun-uppgifter"),
    pytest.param(
        "/min-kommun/goteborg/organisationer/", id="min-kommun-organisationer"
    ),
    pytest.param("/min-kommun/goteborg/organisationer/ny/", id="min-kommun-ny"),
    pytest.param("/min-kommun/goteborg/import/", id="min-kommun-import"),
]

# What overflows the window, outside any box that scrolls or clips it (or positioned, so
# that it may escape such a box): the culprits.
_LAYOUT_JS = """() => {
  const width = window.innerWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5
      && (!clipped(el) || getComputedStyle(el).position === "absolute"))
    .slice(0, 5)
    .map((el) => el.outerHTML.slice(0, 160));
  const tables = [...document.querySelectorAll("main table")]
    .filter((table) => !table.classList.contains("data-table--reflow")
      && !table.closest('.table-scroll[role="region"][tabindex="0"][aria-labelledby]'))
    .map((table) => (table.caption ? table.caption.textContent : table.outerHTML).trim().slice(0, 80));
  const h1 = document.querySelector("h1");
  const header = document.querySelector(".site-header");
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    wide,
    tables,
    h1: h1 ? h1.getBoundingClientRect().bottom : null,
    header: header ? header.getBoundingClientRect().height : 0,
  };
}"""

# The words in the elements that a line break cuts in two.
_BROKEN_WORDS_JS = """(selector) => {
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

# How each form field looks: what must be the same for every kind.
_FIELDS_JS = """() => [...document.querySelectorAll(
    'main input:not([type="hidden"], [type="checkbox"], [type="radio"]), main select,'
    + ' main textarea, .site-search input')]
  .map((el) => {
    const style = getComputedStyle(el);
    return {
      kind: el.tagName === "INPUT" ? el.type : el.tagName.toLowerCase(),
      name: el.name,
      height: Math.round(el.getBoundingClientRect().height),
      border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
      radius: style.borderTopLeftRadius,
    };
  })"""


@pytest.fixture
def phone(browser, site):
    context = new_context(browser, site, viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser, site):
    context = new_context(browser, site, viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_js(browser, site):
    context = new_context(browser, site, viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop_without_js(browser, site):
    context = new_context(browser, site, viewport=DESKTOP, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def goteborg(db):
    return Municipality.objects.get(code=KOMMUN_CODE)


@pytest.fixture
def long_organisation(db, goteborg):
    """An organisation whose name has a very long word and whose address is long.

    Made once: what a browser test saves stays (conftest.py), so a later run on the same
    database finds it.
    """
    existing = Organisation.objects.filter(name=LONG_NAME).first()
    if existing:
        return existing
    return OrganisationFactory(
        name=LONG_NAME,
        org_number=unused_org_number(),
        form=LegalForm.NON_PROFIT,
        areas=["barn_och_unga", "fritid_och_kultur", "integration_och_etablering"],
        website=LONG_WEBSITE,
        municipality=goteborg,
    )


@pytest.fixture
def official_of_goteborg(db, goteborg, long_organisation):
    return OfficialFactory(
        username=unique_name("handlaggare-goteborg"),
        password=PASSWORD,
        municipalities=[goteborg],
    )


def unused_org_number():
    """A valid organisation number that no organisation has: 8027 and five digits.

    A series of its own: not the demo content's (802 + kommun code), the factories'
    (8028), the other browser tests' (8029) or the bench's (8899).
    """
    while True:
        digits = f"8027{random.randrange(100_000):05d}"
        number = f"{digits[:6]}-{digits[6:]}{luhn.calc_check_digit(digits)}"
        if not Organisation.objects.filter(org_number=number).exists():
            return number


def log_in(page, user):
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn eller e-postadress").fill(user.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()


def assert_fits_a_phone(page, name):
    """The page is no wider than the phone, its tables behave and its heading is in view."""
    layout = page.evaluate(_LAYOUT_JS)
    assert layout["scrollWidth"] <= layout["innerWidth"], (
        f"{name} ({page.url}) is {layout['scrollWidth']} px wide on a "
        f"{layout['innerWidth']} px phone: it scrolls sideways. Too wide: "
        + "\n  ".join(layout["wide"])
    )
    assert not layout["tables"], (
        f"{name}: tables that neither reflow nor scroll in a labelled, focusable region "
        f"(div.table-scroll role=region tabindex=0 aria-labelledby): {layout['tables']}"
    )
    assert layout["header"] <= MAX_HEADER, (
        f"{name}: the header takes {layout['header']:.0f} of the phone's "
        f"{PHONE['height']} px, more than {MAX_HEADER}"
    )
    assert layout["h1"] is not None, f"{name} has no <h1>"
    assert layout["h1"] <= PHONE["height"], (
        f"{name}: the first heading ends {layout['h1']:.0f} px down, below the first "
        f"screen of {PHONE['height']} px"
    )
    assert_no_axe_violations(page)


def ax_node(page, name):
    """Chromium's accessibility node named `name`: what a screen reader is told."""
    client = page.context.new_cdp_session(page)
    try:
        nodes = client.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        client.detach()
    for node in nodes:
        if not node.get("ignored") and node.get("name", {}).get("value") == name:
            properties = {
                prop["name"]: prop["value"].get("value")
                for prop in node.get("properties", [])
            }
            return {"role": node["role"]["value"], **properties}
    return None


def csv_upload(rows):
    """A file as Excel in Sweden saves it: UTF-8 with a byte order mark, semicolons."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["namn", "organisationsnummer", "organisationsform", "webbplats"])
    writer.writerows(rows)
    return {
        "name": "lista.csv",
        "mimeType": "text/csv",
        "buffer": ("\ufeff" + out.getvalue()).encode(),
    }


# Every page type, on a phone ------------------------------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_fits_a_phone(phone, long_organisation, path):
    response = phone.goto(path)
    assert response.status == 200, path
    assert_fits_a_phone(phone, path)


def test_password_reset_pages_fit_a_phone(phone, mailoutbox):
    username = unique_name("glomsk")
    email = f"{username}@example.se"
    UserFactory(username=username, email=email, password=PASSWORD)
    phone.goto("/konto/glomt-losenord/")
    phone.get_by_label("E-postadress").fill(email)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Skicka länk").click()
    assert_fits_a_phone(phone, "länken är skickad")

    (message,) = mailoutbox
    link = re.search(r"https?://\S+/konto/nytt-losenord/\S+/", message.body).group()
    phone.goto(link)
    assert_fits_a_phone(phone, "nytt lösenord")


def test_account_page_fits_a_phone(phone):
    leader = UserFactory(
        username=unique_name("cirkelledare"),
        password=PASSWORD,
        role=roles.CIRCLE_LEADER,
    )
    log_in(phone, leader)
    phone.goto("/konto/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Mitt konto"
    assert_fits_a_phone(phone, "Mitt konto")


@pytest.mark.parametrize("path", MIN_KOMMUN_PAGES)
def test_min_kommun_page_fits_a_phone(phone, official_of_goteborg, path):
    log_in(phone, official_of_goteborg)
    response = phone.goto(path)
    assert response.status == 200, path
    assert_fits_a_phone(phone, path)


def test_organisation_edit_page_fits_a_phone(
    phone, official_of_goteborg, long_organisation
):
    log_in(phone, official_of_goteborg)
    path = f"/min-kommun/goteborg/organisationer/{long_organisation.pk}/"
    assert phone.goto(path).status == 200
    assert phone.get_by_label("Namn").input_value() == LONG_NAME
    assert_fits_a_phone(phone, path)


def test_import_preview_fits_a_phone(phone, official_of_goteborg):
    log_in(phone, official_of_goteborg)
    phone.goto("/min-kommun/goteborg/import/")
    phone.locator("input[type=file]").set_input_files(
        csv_upload(
            [
                [
                    LONG_NAME + " Ny",
                    unused_org_number(),
                    "Ideell förening",
                    LONG_WEBSITE,
                ],
                ["Föreningen Felrad", "123", "Ideell förening", ""],
            ]
        )
    )
    with phone.expect_navigation():
        phone.get_by_role("button", name="Förhandsgranska").click()
    assert (
        phone.get_by_role("heading", level=1).inner_text() == "Förhandsgranska import"
    )
    assert_fits_a_phone(phone, "förhandsgranskningen av en import")
    # The preview stops here: nothing is saved until the official confirms.


# Tables --------------------------------------------------------------------------------


def test_organisations_actions_are_in_view_on_a_phone(
    phone, official_of_goteborg, long_organisation
):
    log_in(phone, official_of_goteborg)
    phone.goto("/min-kommun/goteborg/organisationer/")
    for name in ("Ändra", "Ta bort"):
        link = phone.get_by_role("link", name=f"{name} {LONG_NAME}")
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            f"{name!r} is at x {box['x']:.0f}–{box['x'] + box['width']:.0f}, "
            f"outside the {PHONE['width']} px screen"
        )
    # Reflowed, each value is labelled for the eye (a screen reader has the header).
    cell = phone.get_by_role("cell", name=long_organisation.org_number, exact=True)
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert label.startswith('"Organisationsnummer: "'), label


def test_wide_table_scrolls_in_its_own_region_from_the_keyboard(
    phone, long_organisation
):
    phone.goto("/kommuner/goteborg/")
    region = phone.get_by_role("region", name=re.compile(r"idéburna organisationer i"))
    assert region.locator("table").count() == 1
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "The organisations table is expected to be wider than a phone"
    )
    region.focus()
    assert_focus_visible(phone)
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function(
        "el => el.scrollLeft > 0", arg=region.element_handle(), timeout=2000
    )


def test_kommun_tables_fit_a_desktop_screen(desktop, long_organisation):
    for path in ("/kommuner/goteborg/", "/kommuner/", "/kommuner/lan/vastra-gotaland/"):
        desktop.goto(path)
        cut_off = desktop.evaluate(
            """() => [...document.querySelectorAll(".table-scroll")]
              .filter((box) => box.scrollWidth > box.clientWidth)
              .map((box) => box.querySelector("caption").textContent.trim())"""
        )
        assert not cut_off, (
            f"{path}: columns cut off at {DESKTOP['width']} px: {cut_off}"
        )
    # The long name wraps in its cell, and the page still fits.
    desktop.goto("/kommuner/goteborg/")
    assert desktop.get_by_role("rowheader", name=LONG_NAME).is_visible()
    assert_no_axe_violations(desktop)


# The tile map ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "viewport",
    [DESKTOP, {"width": 700, "height": 844}, PHONE],
    ids=lambda v: v["width"],
)
def test_tile_map_never_breaks_a_name_inside_a_word(browser, site, viewport):
    context = new_context(browser, site, viewport=viewport)
    page = context.new_page()
    page.goto("/kommuner/")
    assert page.locator(".tile-map__name").count() == 21
    broken = page.evaluate(_BROKEN_WORDS_JS, ".tile-map__item a")
    context.close()
    assert not broken, f"At {viewport['width']} px the tile map breaks {broken}"


# The header ----------------------------------------------------------------------------


def test_phone_menu_is_behind_a_button_that_works_without_javascript(phone_without_js):
    page = phone_without_js
    page.goto("/")
    main_nav = page.get_by_role("navigation", name="Huvudmeny")
    assert main_nav.count() == 0, "The menu is open on a phone before it is asked for"

    button = ax_node(page, "Meny")
    assert button is not None, "No element is called Meny"
    assert button["role"] in ("DisclosureTriangle", "button"), button
    assert button["expanded"] is False, button

    # By keyboard: Tab to the button, Enter opens the menu, Tab goes on into it.
    tab_to(page, "Meny")
    page.keyboard.press("Enter")
    assert main_nav.is_visible()
    assert ax_node(page, "Meny")["expanded"] is True
    page.keyboard.press("Tab")
    assert focused_element(page)["name"] == "Överenskommelsen"
    assert_focus_visible(page)

    # The link leads on, and the next page marks it as the current one.
    with page.expect_navigation():
        main_nav.get_by_role("link", name="Studiematerial").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Studiematerial"
    page.locator("summary", has_text="Meny").click()
    current = main_nav.get_by_role("link", name="Studiematerial")
    assert current.get_attribute("aria-current") == "page"
    account = page.locator(".site-account").get_by_role("link", name="Logga in")
    assert account.is_visible()


def test_open_phone_menu_is_accessible(phone):
    # axe needs JavaScript, so it looks at the menu opened in a browser that has it.
    phone.goto("/kommuner/")
    phone.locator("summary", has_text="Meny").click()
    main_nav = phone.get_by_role("navigation", name="Huvudmeny")
    current = main_nav.get_by_role("link", name="Kommuner och regioner")
    assert current.get_attribute("aria-current") == "page"
    assert_no_axe_violations(phone)


@pytest.mark.parametrize("javascript", [True, False], ids=["med-js", "utan-js"])
def test_wide_screen_shows_the_menu_without_a_button(browser, site, javascript):
    context = new_context(
        browser, site, viewport=DESKTOP, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto("/")
    main_nav = page.get_by_role("navigation", name="Huvudmeny")
    assert main_nav.is_visible()
    assert main_nav.get_by_role("link").count() >= 4
    assert page.locator(".site-account").get_by_role("link").is_visible()
    assert not page.locator("summary", has_text="Meny").is_visible()
    context.close()


# Form fields ---------------------------------------------------------------------------


def test_every_kind_of_field_looks_the_same(desktop, official_of_goteborg):
    fields = []
    desktop.goto("/konto/logga-in/")
    fields += desktop.evaluate(_FIELDS_JS)  # text, password, search
    log_in(desktop, official_of_goteborg)
    for path in (
        "/min-kommun/goteborg/",  # select, number, url, textarea, date, email
        "/min-kommun/goteborg/import/",  # file
    ):
        desktop.goto(path)
        fields += desktop.evaluate(_FIELDS_JS)

    kinds = {field["kind"] for field in fields}
    expected = {"text", "password", "search", "email", "url", "number", "date", "file"}
    assert expected | {"select", "textarea"} <= kinds, kinds
    looks = {(field["border"], field["radius"]) for field in fields}
    assert len(looks) == 1, f"Fields with different borders: {sorted(looks)}"
    heights = {
        (field["kind"], field["name"], field["height"])
        for field in fields
        if field["kind"] != "textarea"
    }
    assert len({height for *_, height in heights}) == 1, (
        f"Fields of different heights: {sorted(heights)}"
    )
