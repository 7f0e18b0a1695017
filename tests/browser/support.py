"""Helpers shared by the browser tests: axe, page structure checks and keyboard moves."""

import itertools
import re
import uuid

from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    },
    "resultTypes": ["violations"],
}
SKIP_LINK_NAME = "Hoppa till innehållet"
# Fail in seconds, not Playwright's default 30, when an element never turns up.
TIMEOUT_MS = 10_000

_axe = Axe()

_RUN = uuid.uuid4().hex[:6]
_COUNTER = itertools.count(1)

# Name, tag and link target of the focused element, as a keyboard user meets it.
_FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const name = el.getAttribute("aria-label") || el.innerText || el.value || "";
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: name.replace(/\\s+/g, " ").trim(),
    href: el.getAttribute("href"),
  };
}"""

_FOCUS_STYLE_JS = """() => {
  const style = getComputedStyle(document.activeElement);
  return {
    outlineStyle: style.outlineStyle,
    outlineWidth: style.outlineWidth,
    boxShadow: style.boxShadow,
  };
}"""


def new_context(browser, site, **options):
    """A browser context (a fresh profile: no cookies) that opens paths on the live server."""
    context = browser.new_context(base_url=site.url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def unique_name(prefix):
    """A name no other browser test uses, in this run or an earlier one on the same database.

    The browser tests commit what they save and share the database (see conftest.py),
    so usernames and e-mail addresses must not repeat.
    """
    return f"{prefix}-{_RUN}-{next(_COUNTER)}"


def format_violations(violations):
    lines = [f"{len(violations)} axe violation(s) on this page:"]
    for violation in violations:
        lines.append(
            f"\n[{violation['id']}] ({violation.get('impact')}) {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - target: {', '.join(map(str, node['target']))}")
            lines.append(f"    html:   {node['html']}")
            summary = node.get("failureSummary", "").replace("\n", "\n            ")
            if summary:
                lines.append(f"    fix:    {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page):
    """Run axe (WCAG 2.1 A and AA) on the page as it is now and fail on any violation."""
    violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{page.url}\n{format_violations(violations)}"


def focused_element(page):
    return page.evaluate(_FOCUSED_JS)


def assert_focus_visible(page):
    """The focused element shows a focus indicator: an outline or a box shadow."""
    style = page.evaluate(_FOCUS_STYLE_JS)
    has_outline = style["outlineStyle"] != "none" and style["outlineWidth"] != "0px"
    has_shadow = style["boxShadow"] != "none"
    assert has_outline or has_shadow, (
        f"No visible focus indicator on {focused_element(page)}: {style}"
    )


def _matches(element, name):
    if element is None:
        return False
    if isinstance(name, re.Pattern):
        return bool(name.search(element["name"]))
    return element["name"] == name


def tab_to(page, name, *, key="Tab", max_presses=60):
    """Press Tab (or `key`) until the focused element's name matches, and return it.

    `name` is an exact string or a compiled regular expression. Every element passed
    on the way must show visible focus. Fails, listing what got focus, when the element
    is not reached within `max_presses` presses.
    """
    passed = []
    for _ in range(max_presses):
        page.keyboard.press(key)
        element = focused_element(page)
        if element is not None:
            assert_focus_visible(page)
        if _matches(element, name):
            return element
        passed.append(element["name"] if element else "<body>")
    raise AssertionError(
        f"{name!r} was not focused after {max_presses} presses of {key} on {page.url}. "
        f"Focus passed: {passed}"
    )


def assert_skip_link_moves_focus_to_main(page):
    skip_link = page.get_by_role("link", name=SKIP_LINK_NAME, exact=True)
    skip_link.focus()
    assert skip_link.is_visible(), "The skip link is not visible when focused"
    page.keyboard.press("Enter")
    focused = focused_element(page)
    assert focused is not None and focused["tag"] == "main", (
        f"The skip link moved focus to {focused}, not to <main>"
    )


def assert_page_structure(page):
    """The checks every page must pass besides axe: language, one h1, a title, a skip link."""
    assert page.locator("html").get_attribute("lang") == "sv"
    h1_count = page.locator("h1").count()
    assert h1_count == 1, f"{page.url} has {h1_count} <h1> elements, not one"
    title = page.title().strip()
    assert title, f"{page.url} has no <title>"
    assert not title.startswith("–"), f"{page.url} has an empty page title: {title!r}"
    assert_skip_link_moves_focus_to_main(page)
